/* cosmo-map-layer.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "cosmo-map-layer.h"

/* One layer per overlay (base, flown track, pins, vehicle) so that the
 * replay clock redraws only the layers that move with it; each draws the
 * whole visible track at once instead of one ShumatePathLayer node per
 * sample. */
struct _CosmoMapLayer
{
  ShumateLayer parent_instance;

  char                  *name;
  CosmoMapLayerDrawFunc  func;
  gpointer               user_data;
  guint                  n_draws;
  gboolean               tight;
  double                 scale;
};

G_DEFINE_FINAL_TYPE (CosmoMapLayer, cosmo_map_layer, SHUMATE_TYPE_LAYER)

void
cosmo_map_layer_get_frame (CosmoMapLayer *self,
                           CosmoMapFrame *frame)
{
  ShumateViewport *viewport;

  g_return_if_fail (COSMO_IS_MAP_LAYER (self));

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  cosmo_map_frame_init (frame,
                        shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                        shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                        shumate_viewport_get_zoom_level (viewport),
                        gtk_widget_get_width (GTK_WIDGET (self)),
                        gtk_widget_get_height (GTK_WIDGET (self)),
                        shumate_viewport_get_rotation (viewport));
}

/* As cosmo_track_renderer_render_view() does for exports: a frame @scale
 * times smaller, drawn under cairo_scale (@scale), shows the same ground
 * with every line, symbol and label @scale times bigger. */
void
cosmo_map_layer_get_draw_frame (CosmoMapLayer *self,
                                CosmoMapFrame *frame)
{
  ShumateViewport *viewport;

  g_return_if_fail (COSMO_IS_MAP_LAYER (self));

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  cosmo_map_frame_init (frame,
                        shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                        shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                        shumate_viewport_get_zoom_level (viewport) - log2 (self->scale),
                        gtk_widget_get_width (GTK_WIDGET (self)) / self->scale,
                        gtk_widget_get_height (GTK_WIDGET (self)) / self->scale,
                        shumate_viewport_get_rotation (viewport));
}

guint
cosmo_map_layer_get_n_draws (CosmoMapLayer *self)
{
  g_return_val_if_fail (COSMO_IS_MAP_LAYER (self), 0);
  return self->n_draws;
}

/* Draws through a recording and appends a node that covers only what was
 * drawn. Under the cairo renderer a node costs its area twice (a surface
 * cleared and drawn at snapshot time, painted at render time) and the
 * frame's damage is the union of the changed nodes' bounds: a vehicle
 * symbol redrawn on every clock tick in a widget-sized node made the whole
 * map repaint at every frame. */
static void
snapshot_tight (CosmoMapLayer       *self,
                GtkSnapshot         *snapshot,
                const CosmoMapFrame *frame,
                int                  width,
                int                  height)
{
  cairo_surface_t *recording;
  double x, y, w, h, x0, y0, x1, y1;
  cairo_t *cr;

  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                              &(cairo_rectangle_t) { 0, 0, width, height });
  cr = cairo_create (recording);
  cairo_scale (cr, self->scale, self->scale);
  self->func (self, cr, frame, self->user_data);
  cairo_destroy (cr);

  cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
  /* Whole pixels, so the drawing keeps the pixel grid it had. */
  x0 = MAX (0, floor (x));
  y0 = MAX (0, floor (y));
  x1 = MIN (width, ceil (x + w));
  y1 = MIN (height, ceil (y + h));
  if (w > 0 && h > 0 && x1 > x0 && y1 > y0)
    {
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (recording);
}

static void
cosmo_map_layer_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  CosmoMapLayer *self = COSMO_MAP_LAYER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  CosmoMapFrame frame;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || self->func == NULL)
    return;

  /* At scale 1 the frame is the widget's, exactly as it always was. */
  if (self->scale == 1.0)
    cosmo_map_layer_get_frame (self, &frame);
  else
    cosmo_map_layer_get_draw_frame (self, &frame);
  if (self->tight)
    snapshot_tight (self, snapshot, &frame, width, height);
  else
    {
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      cairo_scale (cr, self->scale, self->scale);
      self->func (self, cr, &frame, self->user_data);
      cairo_destroy (cr);
    }
  self->n_draws++;
}

static void
on_viewport_changed (CosmoMapLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cosmo_map_layer_constructed (GObject *object)
{
  CosmoMapLayer *self = COSMO_MAP_LAYER (object);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (cosmo_map_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_signal_connect_object (viewport, "notify", G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
}

static void
cosmo_map_layer_finalize (GObject *object)
{
  CosmoMapLayer *self = COSMO_MAP_LAYER (object);

  g_free (self->name);

  G_OBJECT_CLASS (cosmo_map_layer_parent_class)->finalize (object);
}

static void
cosmo_map_layer_class_init (CosmoMapLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cosmo_map_layer_constructed;
  object_class->finalize = cosmo_map_layer_finalize;
  widget_class->snapshot = cosmo_map_layer_snapshot;
}

static void
cosmo_map_layer_init (CosmoMapLayer *self)
{
  /* Clicks go to the map view, which asks the core what is under them. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  self->scale = 1.0;
}

CosmoMapLayer *
cosmo_map_layer_new (ShumateViewport       *viewport,
                     const char            *name,
                     CosmoMapLayerDrawFunc  func,
                     gpointer               user_data)
{
  CosmoMapLayer *self;

  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  self = g_object_new (COSMO_TYPE_MAP_LAYER, "viewport", viewport, NULL);
  self->name = g_strdup (name);
  self->func = func;
  self->user_data = user_data;
  gtk_widget_set_name (GTK_WIDGET (self), name);
  return self;
}

/* For layers that redraw on every clock tick and cover little of the map
 * (the vehicle, the flown track): their node covers only what they draw.
 * Layers that draw across the map (and text, which a recording would lay
 * out with other font options) stay widget-sized. */
void
cosmo_map_layer_set_tight (CosmoMapLayer *self,
                           gboolean       tight)
{
  g_return_if_fail (COSMO_IS_MAP_LAYER (self));

  if (self->tight == !!tight)
    return;
  self->tight = !!tight;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Lines, symbols and type @scale times bigger over the same ground (a
 * projector: presentation mode); 1 by default. */
void
cosmo_map_layer_set_scale (CosmoMapLayer *self,
                           double         scale)
{
  g_return_if_fail (COSMO_IS_MAP_LAYER (self));
  g_return_if_fail (scale > 0);

  if (self->scale == scale)
    return;
  self->scale = scale;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
cosmo_map_layer_get_scale (CosmoMapLayer *self)
{
  g_return_val_if_fail (COSMO_IS_MAP_LAYER (self), 1.0);
  return self->scale;
}
