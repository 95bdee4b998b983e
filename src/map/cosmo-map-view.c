/* cosmo-map-view.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <shumate/shumate.h>

#include "cosmo-map-layer.h"
#include "cosmo-map-view.h"
#include "cosmo-mercator.h"
#include "cosmo-tile-source.h"
#include "cosmo-track-renderer.h"

/* The map: libshumate's ShumateMap with the offline basemap (or, when the
 * user asks for it, OpenStreetMap) as its base layer and four overlay
 * layers that host the core's cairo drawing. The replay clock redraws only
 * the flown track and the vehicle; pins redraw on selection. */

#define FIT_PADDING 56
#define PAD_ZOOM 14
#define MAX_FIT_ZOOM 12

struct _CosmoMapView
{
  GtkWidget parent_instance;

  CosmoSession       *session;
  CosmoMission       *mission;
  CosmoTrackRenderer *renderer;

  GtkWidget          *overlay;
  ShumateMap         *map;
  ShumateViewport    *viewport;
  ShumateLayer       *base_layer;
  ShumateMapSource   *base_source;
  CosmoTileSource    *offline_source;
  ShumateMapSourceRegistry *registry;
  GNetworkMonitor    *network_monitor;

  CosmoMapLayer      *track_layer;
  CosmoMapLayer      *flown_layer;
  CosmoMapLayer      *pins_layer;
  CosmoMapLayer      *vehicle_layer;

  GtkWidget          *legend;
  GtkWidget          *attribution;
  ShumateScale       *scale;

  GSimpleActionGroup *actions;

  CosmoBasemapStyleKind style;
  gboolean            online;
  gboolean            showing_online;
  gboolean            follow;
  gboolean            needs_fit;
  /* The default view as it was fitted, and for which size: while nobody has
   * moved the map, a new size (panes settling, a resized window) refits. */
  gboolean            auto_view;
  int                 auto_width, auto_height;
  double              auto_lat, auto_lon, auto_zoom;
  gboolean            moving;       /* the view moves the map itself */
  guint               fit_idle_id;
  double              overlay_scale; /* lines and type: 1, more to present */
};

G_DEFINE_FINAL_TYPE (CosmoMapView, cosmo_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ONLINE,
  PROP_FOLLOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_base_layer (CosmoMapView *self);
static gboolean legend_fits (CosmoMapView *self);

static double
current_time (CosmoMapView *self)
{
  return self->session ? cosmo_clock_get_time (cosmo_session_get_clock (self->session)) : 0;
}


/* ------------------------------------------------------------------ */
/* Layers                                                              */
/* ------------------------------------------------------------------ */

static void
draw_base (CosmoMapLayer       *layer,
           cairo_t             *cr,
           const CosmoMapFrame *frame,
           gpointer             data)
{
  CosmoMapView *self = data;

  if (self->renderer != NULL)
    cosmo_track_renderer_draw_base (self->renderer, cr, frame);
}

static void
draw_flown (CosmoMapLayer       *layer,
            cairo_t             *cr,
            const CosmoMapFrame *frame,
            gpointer             data)
{
  CosmoMapView *self = data;

  if (self->renderer != NULL)
    cosmo_track_renderer_draw_flown (self->renderer, cr, frame, current_time (self));
}

static void
draw_pins (CosmoMapLayer       *layer,
           cairo_t             *cr,
           const CosmoMapFrame *frame,
           gpointer             data)
{
  CosmoMapView *self = data;

  if (self->renderer != NULL)
    cosmo_track_renderer_draw_pins (self->renderer, cr, frame);
}

static void
draw_vehicle (CosmoMapLayer       *layer,
              cairo_t             *cr,
              const CosmoMapFrame *frame,
              gpointer             data)
{
  CosmoMapView *self = data;

  if (self->renderer != NULL)
    cosmo_track_renderer_draw_vehicle (self->renderer, cr, frame, current_time (self));
}

static void
queue_draw_layers (CosmoMapView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->track_layer));
  gtk_widget_queue_draw (GTK_WIDGET (self->flown_layer));
  gtk_widget_queue_draw (GTK_WIDGET (self->pins_layer));
  gtk_widget_queue_draw (GTK_WIDGET (self->vehicle_layer));
  gtk_widget_queue_draw (self->legend);
}

/* ------------------------------------------------------------------ */
/* Base layer: offline basemap or OpenStreetMap                       */
/* ------------------------------------------------------------------ */

static void
update_attribution (CosmoMapView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *word = self->renderer ? cosmo_track_renderer_get_provenance_word (self->renderer) : NULL;

  if (self->attribution == NULL)
    return;
  if (self->showing_online)
    g_string_append (text, _("© OpenStreetMap contributors"));
  else
    g_string_append (text, _("Basemap: GSHHG, DCW-GMT"));
  if (word != NULL)
    {
      /* TRANSLATORS: the track's provenance in the map's attribution line, e.g. "Track: reconstructed" */
      g_autofree char *track = g_strdup_printf (_("Track: %s"), word);
      g_string_append_printf (text, " · %s", track);
    }
  if (self->online && !self->showing_online)
    g_string_append_printf (text, " · %s", _("offline: no network"));

  gtk_label_set_text (GTK_LABEL (self->attribution), text->str);
}

static gboolean
network_available (CosmoMapView *self)
{
  return self->network_monitor != NULL &&
         g_network_monitor_get_network_available (self->network_monitor);
}

static void
update_base_layer (CosmoMapView *self)
{
  ShumateMapSource *source;
  ShumateMapLayer *layer;
  gboolean show_online = self->online && network_available (self);

  if (self->online && self->registry == NULL)
    {
      /* The registry (and with it libsoup) is made only when the user
       * turns online tiles on: the map starts without any network. */
      shumate_set_user_agent ("Cosmodrome/" PACKAGE_VERSION);
      self->registry = shumate_map_source_registry_new_with_defaults ();
    }
  if (show_online)
    {
      source = shumate_map_source_registry_get_by_id (self->registry, SHUMATE_MAP_SOURCE_OSM_MAPNIK);
      if (source == NULL)
        show_online = FALSE;
    }
  if (!show_online)
    {
      if (self->offline_source == NULL || cosmo_tile_source_get_style (self->offline_source) != self->style)
        {
          g_clear_object (&self->offline_source);
          self->offline_source = cosmo_tile_source_new_default (self->style);
        }
      source = SHUMATE_MAP_SOURCE (self->offline_source);
    }

  self->showing_online = show_online;
  update_attribution (self);
  if (source == self->base_source)
    return;

  /* libshumate 1.0 cannot invalidate tiles: a new source gets a new layer,
   * slid in under the overlays before the old one goes. */
  layer = shumate_map_layer_new (source, self->viewport);
  shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (layer),
                                   self->base_layer ? self->base_layer : SHUMATE_LAYER (self->track_layer));
  if (self->base_layer != NULL)
    shumate_map_remove_layer (self->map, self->base_layer);
  self->base_layer = SHUMATE_LAYER (layer);
  g_set_object (&self->base_source, source);
}

static void
on_network_changed (CosmoMapView *self)
{
  update_base_layer (self);
}

static CosmoBasemapStyleKind
style_from_manager (void)
{
  AdwStyleManager *manager;

  if (!adw_is_initialized ())
    return COSMO_BASEMAP_STYLE_LIGHT;
  manager = adw_style_manager_get_default ();
  if (adw_style_manager_get_high_contrast (manager))
    return COSMO_BASEMAP_STYLE_HIGH_CONTRAST;
  return adw_style_manager_get_dark (manager) ? COSMO_BASEMAP_STYLE_DARK : COSMO_BASEMAP_STYLE_LIGHT;
}

static void
on_style_changed (CosmoMapView *self)
{
  CosmoBasemapStyleKind style = style_from_manager ();

  if (style == self->style)
    return;
  self->style = style;
  if (self->renderer)
    cosmo_track_renderer_set_style (self->renderer, style);
  update_base_layer (self);
  queue_draw_layers (self);
}

/* ------------------------------------------------------------------ */
/* Moving the map                                                      */
/* ------------------------------------------------------------------ */

static void
move_to (CosmoMapView *self,
         double        latitude,
         double        longitude,
         double        zoom,
         gboolean      animate)
{
  self->moving = TRUE;
  if (animate && gtk_widget_get_mapped (GTK_WIDGET (self)))
    shumate_map_go_to_full (self->map, latitude, longitude, zoom);
  else
    {
      shumate_map_stop_go_to (self->map);
      shumate_viewport_set_zoom_level (self->viewport, zoom);
      shumate_map_center_on (self->map, latitude, longitude);
    }
  self->moving = FALSE;
}

static gboolean
fit_track (CosmoMapView *self,
           gboolean      animate)
{
  double south, west, north, east, lat, lon, zoom;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->renderer == NULL || width <= 0 || height <= 0)
    return FALSE;

  if (!cosmo_track_renderer_get_track_bounds (self->renderer, &south, &west, &north, &east))
    {
      CosmoSite *primary = cosmo_mission_get_primary_site (self->mission);

      if (primary == NULL)
        return TRUE;
      move_to (self, cosmo_site_get_latitude (primary), cosmo_site_get_longitude (primary), 10, animate);
      return TRUE;
    }

  /* Fit into the part of the map that the legend (top left) and the
   * buttons (right) leave free, then move the centre to match. */
  {
    double left = FIT_PADDING, right = FIT_PADDING + 40, top = FIT_PADDING / 2.0, bottom = FIT_PADDING;
    CosmoMapFrame frame;

    if (gtk_widget_get_visible (self->legend) && legend_fits (self))
      left += gtk_widget_get_width (self->legend);

    cosmo_map_frame_fit (south, west, north, east, width - left - right + 2 * FIT_PADDING,
                         height - top - bottom + 2 * FIT_PADDING, FIT_PADDING,
                         2, MAX_FIT_ZOOM, &lat, &lon, &zoom);
    /* Whole zoom levels keep the basemap's labels crisp: tiles are drawn
     * for whole levels and scaled in between. */
    zoom = MAX (2, floor (zoom + 0.05));
    cosmo_map_frame_init (&frame, lat, lon, zoom, width, height, 0);
    cosmo_map_frame_unproject (&frame, width / 2.0 - (left - right) / 2.0, height / 2.0 - (top - bottom) / 2.0,
                               &lat, &lon);
  }
  move_to (self, lat, lon, zoom, animate);
  return TRUE;
}

static void
try_fit (CosmoMapView *self)
{
  const char *view = g_getenv ("COSMODROME_MAP_VIEW");

  /* COSMODROME_MAP_VIEW=LAT,LON,ZOOM starts somewhere else than the
   * whole track: close-up screenshots use it. */
  if (self->needs_fit && view != NULL && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    {
      g_auto(GStrv) parts = g_strsplit (view, ",", 3);

      if (g_strv_length (parts) == 3)
        {
          move_to (self, g_ascii_strtod (parts[0], NULL), g_ascii_strtod (parts[1], NULL),
                   g_ascii_strtod (parts[2], NULL), FALSE);
          self->needs_fit = FALSE;
          return;
        }
    }
  if (self->needs_fit && fit_track (self, FALSE))
    {
      self->needs_fit = FALSE;
      self->auto_view = TRUE;
      self->auto_width = gtk_widget_get_width (GTK_WIDGET (self));
      self->auto_height = gtk_widget_get_height (GTK_WIDGET (self));
      self->auto_lat = shumate_location_get_latitude (SHUMATE_LOCATION (self->viewport));
      self->auto_lon = shumate_location_get_longitude (SHUMATE_LOCATION (self->viewport));
      self->auto_zoom = shumate_viewport_get_zoom_level (self->viewport);
        }
}

static gboolean
fit_idle (gpointer data)
{
  CosmoMapView *self = data;

  self->fit_idle_id = 0;
  try_fit (self);
  return G_SOURCE_REMOVE;
}

static void
zoom_to_pad (CosmoMapView *self)
{
  CosmoSite *primary = self->mission ? cosmo_mission_get_primary_site (self->mission) : NULL;

  if (primary == NULL)
    return;
  cosmo_map_view_set_follow (self, FALSE);
  move_to (self, cosmo_site_get_latitude (primary), cosmo_site_get_longitude (primary), PAD_ZOOM, TRUE);
}

static void
center_on_vehicle (CosmoMapView *self)
{
  double lat, lon;

  if (self->renderer == NULL ||
      !cosmo_track_renderer_get_vehicle (self->renderer, current_time (self), &lat, &lon, NULL))
    return;
  self->moving = TRUE;
  shumate_map_center_on (self->map, lat, lon);
  self->moving = FALSE;
}

static void
on_viewport_moved (CosmoMapView *self)
{
  /* A drag by the user ends following; our own moves do not. */
  if (!self->moving && self->follow && shumate_map_get_state (self->map) == SHUMATE_STATE_NONE)
    {
      double lat, lon, x, y;

      if (self->renderer != NULL &&
          cosmo_track_renderer_get_vehicle (self->renderer, current_time (self), &lat, &lon, NULL))
        {
          cosmo_map_view_project (self, lat, lon, &x, &y);
          if (fabs (x - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0) > 2 ||
              fabs (y - gtk_widget_get_height (GTK_WIDGET (self)) / 2.0) > 2)
            cosmo_map_view_set_follow (self, FALSE);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Session                                                             */
/* ------------------------------------------------------------------ */

static void
on_time_changed (CosmoMapView *self)
{
  if (self->follow)
    center_on_vehicle (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->flown_layer));
  gtk_widget_queue_draw (GTK_WIDGET (self->vehicle_layer));
}

static void
update_legend (CosmoMapView *self)
{
  double w = 0, h = 0;
  g_autofree char *provenance = NULL;

  if (self->renderer != NULL)
    {
      cosmo_track_renderer_draw_legend (self->renderer, NULL, 0, 0, &w, &h);
      w *= self->overlay_scale;
      h *= self->overlay_scale;
      provenance = cosmo_track_renderer_get_provenance_text (self->renderer);
    }
  gtk_widget_set_visible (self->legend, w > 0);
  gtk_widget_set_size_request (self->legend, ceil (w) + 2, ceil (h) + 2);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->legend),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map legend"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, provenance ? provenance : "",
                                  -1);
  gtk_widget_set_tooltip_text (self->legend, provenance);
  gtk_widget_queue_draw (self->legend);
}

static void
on_mission_changed (CosmoMapView *self)
{
  CosmoMission *mission = self->session ? cosmo_session_get_mission (self->session) : NULL;

  if (mission == self->mission && self->renderer != NULL)
    return;

  g_set_object (&self->mission, mission);
  g_clear_object (&self->renderer);
  if (mission != NULL)
    {
      self->renderer = cosmo_track_renderer_new (mission);
      cosmo_track_renderer_set_style (self->renderer, self->style);
      {
        /* The basemap names the towns; without one, the overlay does. */
        g_autofree char *basemap_path = cosmo_basemap_find_default_path ();
        cosmo_track_renderer_set_label_towns (self->renderer, basemap_path == NULL);
      }
      cosmo_track_renderer_set_selected_event (self->renderer, cosmo_session_get_selected_event (self->session));
      /* Default view: the whole ascent with the pad, once there is a size. */
      self->needs_fit = TRUE;
      try_fit (self);
    }
  update_legend (self);
  update_attribution (self);
  queue_draw_layers (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_selected_event_changed (CosmoMapView *self)
{
  CosmoEvent *event = cosmo_session_get_selected_event (self->session);
  double lat, lon, x, y;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->renderer == NULL)
    return;

  cosmo_track_renderer_set_selected_event (self->renderer, event);
  gtk_widget_queue_draw (GTK_WIDGET (self->pins_layer));

  /* Bring a pin chosen elsewhere into view. */
  if (event != NULL && width > 0 && height > 0 &&
      cosmo_track_renderer_get_event_location (self->renderer, event, &lat, &lon))
    {
      const double margin = 40;

      cosmo_map_view_project (self, lat, lon, &x, &y);
      if (x < margin || y < margin || x > width - margin || y > height - margin)
        {
          cosmo_map_view_set_follow (self, FALSE);
          self->moving = TRUE;
          shumate_map_go_to (self->map, lat, lon);
          self->moving = FALSE;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Input                                                               */
/* ------------------------------------------------------------------ */

static CosmoEvent *
pick (CosmoMapView *self,
      double        x,
      double        y)
{
  CosmoMapFrame frame;

  if (self->renderer == NULL)
    return NULL;
  /* In the pins' own drawing units, so bigger pins are bigger targets. */
  cosmo_map_layer_get_draw_frame (self->pins_layer, &frame);
  return cosmo_track_renderer_pick_pin (self->renderer, &frame,
                                        x / self->overlay_scale, y / self->overlay_scale);
}

CosmoEvent *
cosmo_map_view_activate_at (CosmoMapView *self,
                            double        x,
                            double        y)
{
  CosmoEvent *event;

  g_return_val_if_fail (COSMO_IS_MAP_VIEW (self), NULL);

  event = pick (self, x, y);
  if (event != NULL && self->session != NULL)
    cosmo_session_set_selected_event (self->session, event);
  return event;
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            CosmoMapView    *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             CosmoMapView    *self)
{
  if (n_press == 1 && cosmo_map_view_activate_at (self, x, y) != NULL)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           CosmoMapView             *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->map), pick (self, x, y) ? "pointer" : NULL);
}

static gboolean
on_query_tooltip (GtkWidget    *widget,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip,
                  CosmoMapView *self)
{
  CosmoEvent *event = keyboard ? NULL : pick (self, x, y);
  g_autofree char *time = NULL;
  g_autofree char *markup = NULL;

  if (event == NULL)
    return FALSE;
  time = cosmo_session_format_time (self->session, cosmo_event_get_time (event), 0);
  markup = g_markup_printf_escaped ("<b>%s</b>\n%s · %s", cosmo_event_get_title (event), time,
                                    cosmo_severity_get_label (cosmo_event_get_severity (event)));
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */
/* ------------------------------------------------------------------ */

static void
action_follow (GSimpleAction *action,
               GVariant      *state,
               gpointer       data)
{
  cosmo_map_view_set_follow (COSMO_MAP_VIEW (data), g_variant_get_boolean (state));
}

static void
action_fit (GSimpleAction *action,
            GVariant      *param,
            gpointer       data)
{
  CosmoMapView *self = data;

  cosmo_map_view_set_follow (self, FALSE);
  fit_track (self, TRUE);
}

static void
action_zoom_pad (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       data)
{
  zoom_to_pad (COSMO_MAP_VIEW (data));
}

static void
action_zoom_in (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  CosmoMapView *self = data;

  self->moving = TRUE;
  shumate_map_zoom_in (self->map);
  self->moving = FALSE;
}

static void
action_zoom_out (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       data)
{
  CosmoMapView *self = data;

  self->moving = TRUE;
  shumate_map_zoom_out (self->map);
  self->moving = FALSE;
}

static const GActionEntry action_entries[] = {
  { .name = "follow", .state = "false", .change_state = action_follow },
  { .name = "fit", .activate = action_fit },
  { .name = "zoom-pad", .activate = action_zoom_pad },
  { .name = "zoom-in", .activate = action_zoom_in },
  { .name = "zoom-out", .activate = action_zoom_out },
};

/* ------------------------------------------------------------------ */
/* Widget                                                              */
/* ------------------------------------------------------------------ */

/* A small map (a narrow window) keeps its room for the map: the legend
 * goes, and the attribution line still names the track's provenance. */
static gboolean
legend_fits (CosmoMapView *self)
{
  return gtk_widget_get_width (GTK_WIDGET (self)) >= 720 &&
         gtk_widget_get_height (GTK_WIDGET (self)) >= 380;
}

static void
draw_legend (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  CosmoMapView *self = data;

  if (self->renderer != NULL && legend_fits (self))
    {
      cairo_scale (cr, self->overlay_scale, self->overlay_scale);
      cosmo_track_renderer_draw_legend (self->renderer, cr, 1, 1, NULL, NULL);
    }
}

static GtkWidget *
make_button (const char *icon,
             const char *action,
             const char *tooltip,
             gboolean    toggle)
{
  GtkWidget *button = toggle ? gtk_toggle_button_new () : gtk_button_new ();

  gtk_button_set_icon_name (GTK_BUTTON (button), icon);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "osd");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_focus_on_click (button, FALSE);
  return button;
}

static void
cosmo_map_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  CosmoMapView *self = COSMO_MAP_VIEW (widget);

  gtk_widget_measure (self->overlay, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
cosmo_map_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  CosmoMapView *self = COSMO_MAP_VIEW (widget);

  gtk_widget_allocate (self->overlay, width, height, baseline, NULL);
  gtk_widget_set_can_target (self->legend, legend_fits (self));
  gtk_widget_queue_draw (self->legend);

  if (self->auto_view && !self->needs_fit && (width != self->auto_width || height != self->auto_height))
    {
      gboolean untouched =
        G_APPROX_VALUE (shumate_location_get_latitude (SHUMATE_LOCATION (self->viewport)), self->auto_lat, 1e-9) &&
        G_APPROX_VALUE (shumate_location_get_longitude (SHUMATE_LOCATION (self->viewport)), self->auto_lon, 1e-9) &&
        G_APPROX_VALUE (shumate_viewport_get_zoom_level (self->viewport), self->auto_zoom, 1e-9);

      self->auto_view = untouched;
      self->needs_fit = untouched;
    }

  /* The default view needs the size; move the map after this frame. */
  if (self->needs_fit && width > 0 && height > 0 && self->fit_idle_id == 0)
    self->fit_idle_id = g_idle_add (fit_idle, self);
}

static void
cosmo_map_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CosmoMapView *self = COSMO_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    case PROP_FOLLOW:
      g_value_set_boolean (value, self->follow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cosmo_map_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CosmoMapView *self = COSMO_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_ONLINE:
      cosmo_map_view_set_online (self, g_value_get_boolean (value));
      break;
    case PROP_FOLLOW:
      cosmo_map_view_set_follow (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A room reads the map from afar: the overlays (track, vehicle, pins,
 * labels, legend) grow as the charts and the timeline do. The basemap's
 * own labels are drawn for a projector already, and the scale bar and
 * attribution follow the window's presentation font size. */
static void
on_presentation_changed (CosmoMapView *self)
{
  double scale = self->session != NULL && cosmo_session_get_presentation (self->session)
    ? COSMO_SESSION_PRESENTATION_SCALE : 1.0;

  if (scale == self->overlay_scale)
    return;
  self->overlay_scale = scale;
  cosmo_map_layer_set_scale (self->track_layer, scale);
  cosmo_map_layer_set_scale (self->flown_layer, scale);
  cosmo_map_layer_set_scale (self->pins_layer, scale);
  cosmo_map_layer_set_scale (self->vehicle_layer, scale);
  update_legend (self);
}

static void
disconnect_session (CosmoMapView *self)
{
  if (self->session == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->session, self);
  g_signal_handlers_disconnect_by_data (cosmo_session_get_clock (self->session), self);
}

static void
cosmo_map_view_dispose (GObject *object)
{
  CosmoMapView *self = COSMO_MAP_VIEW (object);

  g_clear_handle_id (&self->fit_idle_id, g_source_remove);
  disconnect_session (self);
  if (self->network_monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->network_monitor, self);
  if (adw_is_initialized ())
    g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->overlay, gtk_widget_unparent);
  g_clear_object (&self->session);
  g_clear_object (&self->mission);
  g_clear_object (&self->renderer);
  g_clear_object (&self->base_source);
  g_clear_object (&self->offline_source);
  g_clear_object (&self->registry);
  g_clear_object (&self->network_monitor);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (cosmo_map_view_parent_class)->dispose (object);
}

static void
cosmo_map_view_class_init (CosmoMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cosmo_map_view_dispose;
  object_class->get_property = cosmo_map_view_get_property;
  object_class->set_property = cosmo_map_view_set_property;
  widget_class->measure = cosmo_map_view_measure;
  widget_class->size_allocate = cosmo_map_view_size_allocate;

  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLLOW] =
    g_param_spec_boolean ("follow", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "cosmo-map-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0),
                                                          gtk_named_action_new (action)));
}

static void
cosmo_map_view_init (CosmoMapView *self)
{
  GtkWidget *controls, *bottom, *attribution_box;
  GtkEventController *controller;
  GtkGesture *click;

  self->overlay_scale = 1.0;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Map of the launch site and the ground track"), -1);

  self->style = style_from_manager ();

  self->overlay = gtk_overlay_new ();
  gtk_widget_set_parent (self->overlay, GTK_WIDGET (self));

  self->map = shumate_map_new ();
  self->viewport = shumate_map_get_viewport (self->map);
  shumate_map_set_zoom_on_double_click (self->map, TRUE);
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->map));

  self->track_layer = cosmo_map_layer_new (self->viewport, "base", draw_base, self);
  self->flown_layer = cosmo_map_layer_new (self->viewport, "flown", draw_flown, self);
  self->pins_layer = cosmo_map_layer_new (self->viewport, "pins", draw_pins, self);
  self->vehicle_layer = cosmo_map_layer_new (self->viewport, "vehicle", draw_vehicle, self);
  /* The two layers the clock redraws every frame keep their nodes small. */
  cosmo_map_layer_set_tight (self->flown_layer, TRUE);
  cosmo_map_layer_set_tight (self->vehicle_layer, TRUE);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->track_layer));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->flown_layer));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->pins_layer));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->vehicle_layer));

  /* The offline source is also the reference for zoom limits (2 to 16)
   * and for projection, whichever layer shows. */
  update_base_layer (self);
  shumate_viewport_set_reference_map_source (self->viewport, SHUMATE_MAP_SOURCE (self->offline_source));
  shumate_map_set_map_source (self->map, SHUMATE_MAP_SOURCE (self->offline_source));
  shumate_viewport_set_zoom_level (self->viewport, 5);
  shumate_map_center_on (self->map, 46.0, 63.56);
  g_signal_connect_object (self->viewport, "notify", G_CALLBACK (on_viewport_moved), self, G_CONNECT_SWAPPED);

  /* Controls, top right. */
  controls = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_halign (controls, GTK_ALIGN_END);
  gtk_widget_set_valign (controls, GTK_ALIGN_START);
  gtk_widget_set_margin_top (controls, 12);
  gtk_widget_set_margin_end (controls, 12);
  gtk_box_append (GTK_BOX (controls), make_button ("zoom-in-symbolic", "map.zoom-in", _("Zoom In"), FALSE));
  gtk_box_append (GTK_BOX (controls), make_button ("zoom-out-symbolic", "map.zoom-out", _("Zoom Out"), FALSE));
  gtk_box_append (GTK_BOX (controls), make_button ("zoom-fit-best-symbolic", "map.fit", _("Show the Whole Track"), FALSE));
  gtk_box_append (GTK_BOX (controls), make_button ("go-home-symbolic", "map.zoom-pad", _("Zoom to the Pad"), FALSE));
  gtk_box_append (GTK_BOX (controls), make_button ("find-location-symbolic", "map.follow", _("Follow the Vehicle"), TRUE));
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), controls);

  /* Legend, top left: an ascent starts at the pad and climbs away from
   * it, so the pad and its labels are low on the map, not up here. */
  self->legend = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->legend), draw_legend, self, NULL);
  gtk_widget_set_halign (self->legend, GTK_ALIGN_START);
  gtk_widget_set_valign (self->legend, GTK_ALIGN_START);
  gtk_widget_set_margin_start (self->legend, 12);
  gtk_widget_set_margin_top (self->legend, 12);
  gtk_widget_set_can_target (self->legend, TRUE);
  gtk_widget_set_visible (self->legend, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->legend);

  /* Scale and attribution, bottom right: the attribution never hides. */
  bottom = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_halign (bottom, GTK_ALIGN_END);
  gtk_widget_set_valign (bottom, GTK_ALIGN_END);
  gtk_widget_set_margin_end (bottom, 6);
  gtk_widget_set_margin_bottom (bottom, 6);
  gtk_widget_set_can_target (bottom, FALSE);
  self->scale = shumate_scale_new (self->viewport);
  shumate_scale_set_unit (self->scale, SHUMATE_UNIT_METRIC);
  gtk_widget_set_halign (GTK_WIDGET (self->scale), GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->scale));
  attribution_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (attribution_box, "osd");
  gtk_widget_add_css_class (attribution_box, "toolbar");
  gtk_widget_set_halign (attribution_box, GTK_ALIGN_END);
  self->attribution = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->attribution, "caption");
  gtk_label_set_ellipsize (GTK_LABEL (self->attribution), PANGO_ELLIPSIZE_START);
  gtk_box_append (GTK_BOX (attribution_box), self->attribution);
  gtk_box_append (GTK_BOX (bottom), attribution_box);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), bottom);
  update_attribution (self);

  /* Actions and keys. */
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "map", G_ACTION_GROUP (self->actions));

  controller = gtk_shortcut_controller_new ();
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_plus, "map.zoom-in");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_equal, "map.zoom-in");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_KP_Add, "map.zoom-in");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_minus, "map.zoom-out");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_KP_Subtract, "map.zoom-out");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  if (adw_is_initialized ())
    {
      AdwStyleManager *manager = adw_style_manager_get_default ();

      g_signal_connect_object (manager, "notify::dark", G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
    }
}

GtkWidget *
cosmo_map_view_new (void)
{
  return g_object_new (COSMO_TYPE_MAP_VIEW, NULL);
}

CosmoSession *
cosmo_map_view_get_session (CosmoMapView *self)
{
  g_return_val_if_fail (COSMO_IS_MAP_VIEW (self), NULL);
  return self->session;
}

void
cosmo_map_view_set_session (CosmoMapView *self,
                            CosmoSession *session)
{
  g_return_if_fail (COSMO_IS_MAP_VIEW (self));
  g_return_if_fail (session == NULL || COSMO_IS_SESSION (session));

  if (self->session == session)
    return;

  disconnect_session (self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_swapped (session, "notify::mission", G_CALLBACK (on_mission_changed), self);
      g_signal_connect_swapped (session, "notify::selected-event", G_CALLBACK (on_selected_event_changed), self);
      g_signal_connect_swapped (cosmo_session_get_clock (session), "notify::time", G_CALLBACK (on_time_changed), self);
      g_signal_connect_swapped (session, "notify::presentation", G_CALLBACK (on_presentation_changed), self);
    }
  on_mission_changed (self);
  on_presentation_changed (self);
}

/* Whether the offline source has delivered every tile the view shows.
 * libshumate asks for tiles from an idle after layout, so "nothing
 * pending" alone can come too early. */
static gboolean
view_tiles_filled (CosmoMapView *self)
{
  CosmoMapFrame frame;
  double zoom = shumate_viewport_get_zoom_level (self->viewport);
  int tz = CLAMP ((int) floor (zoom), 2, 16);
  int n = 1 << tz;
  double scale = cosmo_mercator_world_size (tz) / cosmo_mercator_world_size (zoom);
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  const double cx[4] = { 0, 1, 0, 1 }, cy[4] = { 0, 0, 1, 1 };

  cosmo_map_layer_get_frame (self->track_layer, &frame);
  for (guint i = 0; i < 4; i++)
    {
      /* World pixels of the corners, at the tiles' zoom. */
      double rx = cx[i] * frame.width - frame.width / 2, ry = cy[i] * frame.height - frame.height / 2;
      double wx = (frame.cos_r * rx + frame.sin_r * ry + frame.center_x) * scale;
      double wy = (-frame.sin_r * rx + frame.cos_r * ry + frame.center_y) * scale;

      x0 = MIN (x0, wx); x1 = MAX (x1, wx);
      y0 = MIN (y0, wy); y1 = MAX (y1, wy);
    }

  for (int tx = MAX (0, (int) floor (x0 / 256)); tx <= MIN (n - 1, (int) floor ((x1 - 1) / 256)); tx++)
    for (int ty = MAX (0, (int) floor (y0 / 256)); ty <= MIN (n - 1, (int) floor ((y1 - 1) / 256)); ty++)
      if (!cosmo_tile_source_has_tile (self->offline_source, tz, tx, ty))
        return FALSE;
  return TRUE;
}

gboolean
cosmo_map_view_get_ready (CosmoMapView *self)
{
  g_return_val_if_fail (COSMO_IS_MAP_VIEW (self), TRUE);

  /* A map nobody can see is not waited for. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return TRUE;
  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0 || gtk_widget_get_height (GTK_WIDGET (self)) <= 0)
    return FALSE;
  if (self->needs_fit && self->renderer != NULL)
    return FALSE;
  if (cosmo_map_layer_get_n_draws (self->track_layer) == 0)
    return FALSE;
  if (self->showing_online || self->offline_source == NULL)
    return TRUE;
  return cosmo_tile_source_get_pending (self->offline_source) == 0 && view_tiles_filled (self);
}

void
cosmo_map_view_set_online (CosmoMapView *self,
                           gboolean      online)
{
  g_return_if_fail (COSMO_IS_MAP_VIEW (self));

  online = !!online;
  if (self->online == online)
    return;
  self->online = online;

  if (online && self->network_monitor == NULL)
    {
      self->network_monitor = g_object_ref (g_network_monitor_get_default ());
      g_signal_connect_object (self->network_monitor, "notify::network-available",
                               G_CALLBACK (on_network_changed), self, G_CONNECT_SWAPPED);
    }
  update_base_layer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
}

gboolean
cosmo_map_view_get_online (CosmoMapView *self)
{
  g_return_val_if_fail (COSMO_IS_MAP_VIEW (self), FALSE);
  return self->online;
}

void
cosmo_map_view_set_follow (CosmoMapView *self,
                           gboolean      follow)
{
  GAction *action;

  g_return_if_fail (COSMO_IS_MAP_VIEW (self));

  follow = !!follow;
  if (self->follow == follow)
    return;
  self->follow = follow;

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "follow");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (follow));
  if (follow)
    center_on_vehicle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOW]);
}

gboolean
cosmo_map_view_get_follow (CosmoMapView *self)
{
  g_return_val_if_fail (COSMO_IS_MAP_VIEW (self), FALSE);
  return self->follow;
}

void
cosmo_map_view_project (CosmoMapView *self,
                        double        latitude,
                        double        longitude,
                        double       *x,
                        double       *y)
{
  CosmoMapFrame frame;

  g_return_if_fail (COSMO_IS_MAP_VIEW (self));

  cosmo_map_layer_get_frame (self->pins_layer, &frame);
  cosmo_map_frame_project (&frame, latitude, longitude, x, y);
}

GtkWidget *
cosmo_map_view_get_layer (CosmoMapView *self,
                          const char   *name)
{
  g_return_val_if_fail (COSMO_IS_MAP_VIEW (self), NULL);

  if (g_strcmp0 (name, "base") == 0)
    return GTK_WIDGET (self->track_layer);
  if (g_strcmp0 (name, "flown") == 0)
    return GTK_WIDGET (self->flown_layer);
  if (g_strcmp0 (name, "pins") == 0)
    return GTK_WIDGET (self->pins_layer);
  if (g_strcmp0 (name, "vehicle") == 0)
    return GTK_WIDGET (self->vehicle_layer);
  return NULL;
}

GtkWidget *
cosmo_map_view_get_map (CosmoMapView *self)
{
  g_return_val_if_fail (COSMO_IS_MAP_VIEW (self), NULL);
  return GTK_WIDGET (self->map);
}
