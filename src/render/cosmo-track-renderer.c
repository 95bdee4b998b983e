/* cosmo-track-renderer.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cosmo-mercator.h"
#include "cosmo-time.h"
#include "cosmo-track-renderer.h"

/* ------------------------------------------------------------------ */
/* Frames                                                              */
/* ------------------------------------------------------------------ */

void
cosmo_map_frame_init (CosmoMapFrame *frame,
                      double         center_latitude,
                      double         center_longitude,
                      double         zoom,
                      double         width,
                      double         height,
                      double         rotation)
{
  double u, v;

  g_return_if_fail (frame != NULL);

  cosmo_mercator_project (center_latitude, center_longitude, &u, &v);
  frame->zoom = zoom;
  frame->world_size = cosmo_mercator_world_size (zoom);
  frame->center_x = u * frame->world_size;
  frame->center_y = v * frame->world_size;
  frame->width = width;
  frame->height = height;
  frame->rotation = rotation;
  frame->cos_r = cos (rotation);
  frame->sin_r = sin (rotation);
}

static inline void
frame_project_uv (const CosmoMapFrame *f,
                  double               u,
                  double               v,
                  double              *x,
                  double              *y)
{
  double dx = u * f->world_size - f->center_x;
  double dy = v * f->world_size - f->center_y;

  *x = f->cos_r * dx - f->sin_r * dy + f->width / 2.0;
  *y = f->sin_r * dx + f->cos_r * dy + f->height / 2.0;
}

static void
frame_unproject_uv (const CosmoMapFrame *f,
                    double               x,
                    double               y,
                    double              *u,
                    double              *v)
{
  double rx = x - f->width / 2.0;
  double ry = y - f->height / 2.0;
  double dx = f->cos_r * rx + f->sin_r * ry;
  double dy = -f->sin_r * rx + f->cos_r * ry;

  *u = (dx + f->center_x) / f->world_size;
  *v = (dy + f->center_y) / f->world_size;
}

void
cosmo_map_frame_project (const CosmoMapFrame *frame,
                         double               latitude,
                         double               longitude,
                         double              *x,
                         double              *y)
{
  double u, v;

  cosmo_mercator_project (latitude, longitude, &u, &v);
  frame_project_uv (frame, u, v, x, y);
}

void
cosmo_map_frame_unproject (const CosmoMapFrame *frame,
                           double               x,
                           double               y,
                           double              *latitude,
                           double              *longitude)
{
  double u, v;

  frame_unproject_uv (frame, x, y, &u, &v);
  cosmo_mercator_unproject (u, v, latitude, longitude);
}

void
cosmo_map_frame_fit (double  south,
                     double  west,
                     double  north,
                     double  east,
                     double  width,
                     double  height,
                     double  padding,
                     double  min_zoom,
                     double  max_zoom,
                     double *center_latitude,
                     double *center_longitude,
                     double *zoom)
{
  double u0, v0, u1, v1, du, dv, zx, zy, z;
  double avail_w = MAX (width - 2 * padding, 16);
  double avail_h = MAX (height - 2 * padding, 16);

  cosmo_mercator_project (north, west, &u0, &v0);
  cosmo_mercator_project (south, east, &u1, &v1);
  du = MAX (u1 - u0, 1e-12);
  dv = MAX (v1 - v0, 1e-12);
  zx = log2 (avail_w / (du * COSMO_MERCATOR_TILE_SIZE));
  zy = log2 (avail_h / (dv * COSMO_MERCATOR_TILE_SIZE));
  z = CLAMP (MIN (zx, zy), min_zoom, max_zoom);

  cosmo_mercator_unproject ((u0 + u1) / 2, (v0 + v1) / 2, center_latitude, center_longitude);
  *zoom = z;
}

/* ------------------------------------------------------------------ */
/* Track paths: normalized Mercator samples and a level-of-detail     */
/* pyramid, so that a frame touches about one point per pixel of the  */
/* visible track whatever the sample count.                           */
/* ------------------------------------------------------------------ */

#define N_LEVELS 19     /* zooms 0..18; 16 is the deepest the map goes */
#define CHUNK 64        /* segments per culling box */

typedef struct
{
  guint32 *idx;         /* indices into the samples, first and last kept */
  gsize    n;
  double  *boxes;       /* u0, v0, u1, v1 per chunk */
  gsize    n_chunks;
  gboolean owned;       /* FALSE when it shares the next finer level */
} Level;

typedef struct
{
  gsize   n;
  double *t;
  double *u;
  double *v;
  double *alt;
  double  min_u, min_v, max_u, max_v;
  Level   levels[N_LEVELS];
} TrackPath;

static void
level_compute_boxes (TrackPath *p,
                     Level     *level)
{
  level->n_chunks = level->n > 1 ? (level->n - 2) / CHUNK + 1 : 0;
  level->boxes = g_new (double, 4 * MAX (level->n_chunks, 1));

  for (gsize c = 0; c < level->n_chunks; c++)
    {
      gsize first = c * CHUNK;
      gsize last = MIN (first + CHUNK, level->n - 1);
      double u0 = G_MAXDOUBLE, v0 = G_MAXDOUBLE, u1 = -G_MAXDOUBLE, v1 = -G_MAXDOUBLE;

      for (gsize j = first; j <= last; j++)
        {
          guint32 i = level->idx[j];
          u0 = MIN (u0, p->u[i]);
          u1 = MAX (u1, p->u[i]);
          v0 = MIN (v0, p->v[i]);
          v1 = MAX (v1, p->v[i]);
        }
      level->boxes[4 * c + 0] = u0;
      level->boxes[4 * c + 1] = v0;
      level->boxes[4 * c + 2] = u1;
      level->boxes[4 * c + 3] = v1;
    }
}

static void
track_path_free (TrackPath *p)
{
  if (p == NULL)
    return;
  for (guint k = 0; k < N_LEVELS; k++)
    if (p->levels[k].owned)
      {
        g_free (p->levels[k].idx);
        g_free (p->levels[k].boxes);
      }
  g_free (p->t);
  g_free (p->u);
  g_free (p->v);
  g_free (p->alt);
  g_free (p);
}

static TrackPath *
track_path_new (const double *t,
                const double *lat,
                const double *lon,
                const double *alt,
                gsize         n)
{
  TrackPath *p;
  Level *finest;

  if (n < 2 || n > G_MAXUINT32)
    return NULL;

  p = g_new0 (TrackPath, 1);
  p->n = n;
  p->t = g_memdup2 (t, n * sizeof (double));
  p->alt = alt ? g_memdup2 (alt, n * sizeof (double)) : g_new0 (double, n);
  p->u = g_new (double, n);
  p->v = g_new (double, n);
  p->min_u = p->min_v = G_MAXDOUBLE;
  p->max_u = p->max_v = -G_MAXDOUBLE;
  for (gsize i = 0; i < n; i++)
    {
      cosmo_mercator_project (lat[i], lon[i], &p->u[i], &p->v[i]);
      p->min_u = MIN (p->min_u, p->u[i]);
      p->max_u = MAX (p->max_u, p->u[i]);
      p->min_v = MIN (p->min_v, p->v[i]);
      p->max_v = MAX (p->max_v, p->v[i]);
    }

  finest = &p->levels[N_LEVELS - 1];
  finest->n = n;
  finest->idx = g_new (guint32, n);
  finest->owned = TRUE;
  for (gsize i = 0; i < n; i++)
    finest->idx[i] = i;
  level_compute_boxes (p, finest);

  /* Each coarser level drops the points closer than half a pixel (at its
   * zoom) to the last point kept; a level that would keep most of the
   * finer one just shares it. */
  for (int k = N_LEVELS - 2; k >= 0; k--)
    {
      Level *finer = &p->levels[k + 1];
      Level *level = &p->levels[k];
      double tol = 0.5 / cosmo_mercator_world_size (k);
      double tol2 = tol * tol;
      guint32 *idx = g_new (guint32, finer->n);
      guint32 last = finer->idx[0];
      gsize m = 0;

      idx[m++] = last;
      for (gsize j = 1; j + 1 < finer->n; j++)
        {
          guint32 i = finer->idx[j];
          double du = p->u[i] - p->u[last];
          double dv = p->v[i] - p->v[last];

          if (du * du + dv * dv >= tol2)
            idx[m++] = last = i;
        }
      idx[m++] = finer->idx[finer->n - 1];

      if (m * 4 > finer->n * 3)
        {
          g_free (idx);
          *level = *finer;
          level->owned = FALSE;
        }
      else
        {
          level->idx = g_renew (guint32, idx, m);
          level->n = m;
          level->owned = TRUE;
          level_compute_boxes (p, level);
        }
    }

  return p;
}

static TrackPath *
track_path_new_for_trajectory (CosmoTrajectory *trajectory)
{
  return track_path_new (cosmo_trajectory_get_column (trajectory, COSMO_TRAJECTORY_TIME),
                         cosmo_trajectory_get_column (trajectory, COSMO_TRAJECTORY_LATITUDE),
                         cosmo_trajectory_get_column (trajectory, COSMO_TRAJECTORY_LONGITUDE),
                         cosmo_trajectory_get_column (trajectory, COSMO_TRAJECTORY_ALTITUDE),
                         cosmo_trajectory_get_n_samples (trajectory));
}

/* ------------------------------------------------------------------ */
/* Colours                                                             */
/* ------------------------------------------------------------------ */

typedef struct { double r, g, b, a; } Rgba;

typedef struct
{
  Rgba casing;
  Rgba label;
  Rgba label_halo;
  Rgba muted_label;
  Rgba pad;
  Rgba primary_pad;
  Rgba airfield;
  Rgba town;
  Rgba symbol_outline;
  Rgba zone;
  Rgba debris;
  Rgba impact;
  Rgba panel;
  Rgba panel_border;
  Rgba highlight;
  Rgba vehicle;
  Rgba vehicle_ring;
  double future_alpha;
} Palette;

static const Palette palettes[] = {
  [COSMO_BASEMAP_STYLE_LIGHT] = {
    .casing = { 0.14, 0.12, 0.19, 0.80 },
    .label = { 0.14, 0.12, 0.19, 1 },
    .label_halo = { 1, 1, 1, 0.92 },
    .muted_label = { 0.37, 0.36, 0.39, 1 },
    .pad = { 0.65, 0.11, 0.18, 1 },
    .primary_pad = { 0.88, 0.11, 0.14, 1 },
    .airfield = { 0.24, 0.22, 0.27, 1 },
    .town = { 0.14, 0.12, 0.19, 1 },
    .symbol_outline = { 1, 1, 1, 1 },
    .zone = { 0.90, 0.38, 0.00, 1 },
    .debris = { 0.37, 0.36, 0.39, 0.95 },
    .impact = { 0.65, 0.11, 0.18, 1 },
    .panel = { 1, 1, 1, 0.90 },
    .panel_border = { 0.14, 0.12, 0.19, 0.45 },
    .highlight = { 0.96, 0.83, 0.18, 1 },
    .vehicle = { 1, 1, 1, 1 },
    .vehicle_ring = { 0.14, 0.12, 0.19, 1 },
    .future_alpha = 0.85,
  },
  [COSMO_BASEMAP_STYLE_DARK] = {
    .casing = { 0, 0, 0, 0.85 },
    .label = { 0.96, 0.96, 0.96, 1 },
    .label_halo = { 0.12, 0.12, 0.14, 0.92 },
    .muted_label = { 0.75, 0.74, 0.72, 1 },
    .pad = { 0.96, 0.38, 0.32, 1 },
    .primary_pad = { 1.0, 0.33, 0.33, 1 },
    .airfield = { 0.75, 0.74, 0.72, 1 },
    .town = { 0.96, 0.96, 0.96, 1 },
    .symbol_outline = { 0.12, 0.12, 0.14, 1 },
    .zone = { 1.0, 0.64, 0.28, 1 },
    .debris = { 0.75, 0.74, 0.72, 0.95 },
    .impact = { 1.0, 0.48, 0.40, 1 },
    .panel = { 0.16, 0.16, 0.18, 0.92 },
    .panel_border = { 1, 1, 1, 0.35 },
    .highlight = { 0.96, 0.83, 0.18, 1 },
    .vehicle = { 1, 1, 1, 1 },
    .vehicle_ring = { 0, 0, 0, 1 },
    .future_alpha = 0.85,
  },
  [COSMO_BASEMAP_STYLE_HIGH_CONTRAST] = {
    .casing = { 0, 0, 0, 1 },
    .label = { 0, 0, 0, 1 },
    .label_halo = { 1, 1, 1, 1 },
    .muted_label = { 0, 0, 0, 1 },
    .pad = { 0.65, 0, 0, 1 },
    .primary_pad = { 0.80, 0, 0, 1 },
    .airfield = { 0, 0, 0, 1 },
    .town = { 0, 0, 0, 1 },
    .symbol_outline = { 1, 1, 1, 1 },
    .zone = { 0.75, 0.25, 0, 1 },
    .debris = { 0, 0, 0, 1 },
    .impact = { 0.65, 0, 0, 1 },
    .panel = { 1, 1, 1, 1 },
    .panel_border = { 0, 0, 0, 1 },
    .highlight = { 1.0, 0.85, 0, 1 },
    .vehicle = { 1, 1, 1, 1 },
    .vehicle_ring = { 0, 0, 0, 1 },
    .future_alpha = 1.0,
  },
};

static inline void
set_rgba (cairo_t    *cr,
          const Rgba *c)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a);
}

static inline void
set_rgba_alpha (cairo_t    *cr,
                const Rgba *c,
                double      alpha)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a * alpha);
}

/* Altitude ramp, 0 to RAMP_TOP m: warm low in the dense air, cool high. */
#define RAMP_TOP 250000.0
#define N_BINS 16

static const struct { double at; double r, g, b; } ramp_stops[] = {
  { 0.00, 0.88, 0.11, 0.14 },
  { 0.10, 1.00, 0.47, 0.00 },
  { 0.22, 0.96, 0.83, 0.18 },
  { 0.42, 0.20, 0.82, 0.48 },
  { 0.62, 0.00, 0.71, 0.85 },
  { 0.80, 0.21, 0.52, 0.89 },
  { 1.00, 0.57, 0.25, 0.67 },
};

static void
ramp_color (double  f,
            Rgba   *out)
{
  f = CLAMP (f, 0, 1);
  for (guint i = 1; i < G_N_ELEMENTS (ramp_stops); i++)
    if (f <= ramp_stops[i].at)
      {
        double s = (f - ramp_stops[i - 1].at) / (ramp_stops[i].at - ramp_stops[i - 1].at);
        out->r = ramp_stops[i - 1].r + s * (ramp_stops[i].r - ramp_stops[i - 1].r);
        out->g = ramp_stops[i - 1].g + s * (ramp_stops[i].g - ramp_stops[i - 1].g);
        out->b = ramp_stops[i - 1].b + s * (ramp_stops[i].b - ramp_stops[i - 1].b);
        out->a = 1;
        return;
      }
  out->r = ramp_stops[G_N_ELEMENTS (ramp_stops) - 1].r;
  out->g = ramp_stops[G_N_ELEMENTS (ramp_stops) - 1].g;
  out->b = ramp_stops[G_N_ELEMENTS (ramp_stops) - 1].b;
  out->a = 1;
}

static const Rgba severity_colors[] = {
  [COSMO_SEVERITY_INFO] = { 0.21, 0.52, 0.89, 1 },
  [COSMO_SEVERITY_NOTICE] = { 0.90, 0.65, 0.04, 1 },
  [COSMO_SEVERITY_WARNING] = { 1.00, 0.47, 0.00, 1 },
  [COSMO_SEVERITY_CRITICAL] = { 0.88, 0.11, 0.14, 1 },
};

/* ------------------------------------------------------------------ */
/* The renderer                                                        */
/* ------------------------------------------------------------------ */

typedef struct
{
  CosmoEvent *event;     /* owned */
  double      latitude;
  double      longitude;
  double      altitude;  /* NAN for pins on the ground */
  gboolean    on_track;
} Pin;

struct _CosmoTrackRenderer
{
  GObject parent_instance;

  CosmoMission          *mission;
  CosmoTrajectory       *trajectory;
  TrackPath             *track;
  GPtrArray             *debris;        /* TrackPath, parallel to the mission's debris */
  GArray                *pins;          /* Pin, by time */
  CosmoEvent            *selected;
  CosmoBasemapStyleKind  style;
  double                 text_scale;
  gboolean               label_towns;
};

G_DEFINE_FINAL_TYPE (CosmoTrackRenderer, cosmo_track_renderer, G_TYPE_OBJECT)

static void
pin_clear (gpointer data)
{
  Pin *pin = data;

  g_clear_object (&pin->event);
}

static void
cosmo_track_renderer_finalize (GObject *object)
{
  CosmoTrackRenderer *self = (CosmoTrackRenderer *) object;

  g_clear_pointer (&self->track, track_path_free);
  g_clear_pointer (&self->debris, g_ptr_array_unref);
  g_clear_pointer (&self->pins, g_array_unref);
  g_clear_object (&self->selected);
  g_clear_object (&self->trajectory);
  g_clear_object (&self->mission);

  G_OBJECT_CLASS (cosmo_track_renderer_parent_class)->finalize (object);
}

static void
cosmo_track_renderer_class_init (CosmoTrackRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cosmo_track_renderer_finalize;
}

static void
cosmo_track_renderer_init (CosmoTrackRenderer *self)
{
  self->text_scale = 1.0;
  self->label_towns = TRUE;
  self->debris = g_ptr_array_new_with_free_func ((GDestroyNotify) track_path_free);
  self->pins = g_array_new (FALSE, TRUE, sizeof (Pin));
  g_array_set_clear_func (self->pins, pin_clear);
}

static void
collect_pins (CosmoTrackRenderer *self)
{
  CosmoEventList *events = cosmo_mission_get_events (self->mission);
  guint n = events ? cosmo_event_list_get_count (events) : 0;
  double start = 0, end = -1;

  if (self->trajectory != NULL)
    {
      start = cosmo_trajectory_get_start_time (self->trajectory);
      end = cosmo_trajectory_get_end_time (self->trajectory);
    }

  for (guint i = 0; i < n; i++)
    {
      CosmoEvent *event = cosmo_event_list_get_event (events, i);
      double t = cosmo_event_get_time (event);
      Pin pin = { NULL, NAN, NAN, NAN, FALSE };

      if (cosmo_event_get_has_location (event))
        {
          pin.latitude = cosmo_event_get_latitude (event);
          pin.longitude = cosmo_event_get_longitude (event);
        }
      else if (self->trajectory != NULL && t >= start && t <= end)
        {
          CosmoTrajectoryState state;

          cosmo_trajectory_get_state (self->trajectory, t, &state);
          pin.latitude = state.latitude;
          pin.longitude = state.longitude;
          pin.altitude = state.altitude;
          pin.on_track = TRUE;
        }
      else
        continue;

      pin.event = g_object_ref (event);
      g_array_append_val (self->pins, pin);
    }
}

/**
 * cosmo_track_renderer_new:
 * @mission: (nullable): the mission to draw
 *
 * Returns: (transfer full): a new renderer; it precomputes the track's
 *   level-of-detail pyramid once, here.
 */
CosmoTrackRenderer *
cosmo_track_renderer_new (CosmoMission *mission)
{
  CosmoTrackRenderer *self;

  g_return_val_if_fail (mission == NULL || COSMO_IS_MISSION (mission), NULL);

  self = g_object_new (COSMO_TYPE_TRACK_RENDERER, NULL);
  if (mission == NULL)
    return self;

  self->mission = g_object_ref (mission);
  if (cosmo_mission_get_trajectory (mission) != NULL)
    {
      self->trajectory = g_object_ref (cosmo_mission_get_trajectory (mission));
      self->track = track_path_new_for_trajectory (self->trajectory);
    }

  {
    GListModel *debris = cosmo_mission_get_debris (mission);
    guint n = debris ? g_list_model_get_n_items (debris) : 0;

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(CosmoTrajectory) d = g_list_model_get_item (debris, i);
        g_ptr_array_add (self->debris, track_path_new_for_trajectory (d));
      }
  }

  collect_pins (self);

  return self;
}

CosmoMission *
cosmo_track_renderer_get_mission (CosmoTrackRenderer *self)
{
  g_return_val_if_fail (COSMO_IS_TRACK_RENDERER (self), NULL);
  return self->mission;
}

void
cosmo_track_renderer_set_style (CosmoTrackRenderer    *self,
                                CosmoBasemapStyleKind  kind)
{
  g_return_if_fail (COSMO_IS_TRACK_RENDERER (self));
  g_return_if_fail (kind <= COSMO_BASEMAP_STYLE_HIGH_CONTRAST);
  self->style = kind;
}

CosmoBasemapStyleKind
cosmo_track_renderer_get_style (CosmoTrackRenderer *self)
{
  g_return_val_if_fail (COSMO_IS_TRACK_RENDERER (self), COSMO_BASEMAP_STYLE_LIGHT);
  return self->style;
}

void
cosmo_track_renderer_set_text_scale (CosmoTrackRenderer *self,
                                     double              scale)
{
  g_return_if_fail (COSMO_IS_TRACK_RENDERER (self));
  self->text_scale = CLAMP (scale, 0.5, 4.0);
}

void
cosmo_track_renderer_set_selected_event (CosmoTrackRenderer *self,
                                         CosmoEvent         *event)
{
  g_return_if_fail (COSMO_IS_TRACK_RENDERER (self));
  g_set_object (&self->selected, event);
}

void
cosmo_track_renderer_set_label_towns (CosmoTrackRenderer *self,
                                      gboolean            label_towns)
{
  g_return_if_fail (COSMO_IS_TRACK_RENDERER (self));
  self->label_towns = !!label_towns;
}

gboolean
cosmo_track_renderer_get_track_bounds (CosmoTrackRenderer *self,
                                       double             *south,
                                       double             *west,
                                       double             *north,
                                       double             *east)
{
  double min_lat, min_lon, max_lat, max_lon;
  CosmoSite *primary;

  g_return_val_if_fail (COSMO_IS_TRACK_RENDERER (self), FALSE);

  if (self->trajectory == NULL)
    return FALSE;

  cosmo_trajectory_get_bounds (self->trajectory, &min_lat, &min_lon, &max_lat, &max_lon);
  primary = self->mission ? cosmo_mission_get_primary_site (self->mission) : NULL;
  if (primary != NULL)
    {
      min_lat = MIN (min_lat, cosmo_site_get_latitude (primary));
      max_lat = MAX (max_lat, cosmo_site_get_latitude (primary));
      min_lon = MIN (min_lon, cosmo_site_get_longitude (primary));
      max_lon = MAX (max_lon, cosmo_site_get_longitude (primary));
    }
  *south = min_lat;
  *west = min_lon;
  *north = max_lat;
  *east = max_lon;
  return TRUE;
}

gboolean
cosmo_track_renderer_get_vehicle (CosmoTrackRenderer *self,
                                  double              t,
                                  double             *latitude,
                                  double             *longitude,
                                  double             *altitude)
{
  CosmoTrajectoryState state;

  g_return_val_if_fail (COSMO_IS_TRACK_RENDERER (self), FALSE);

  if (self->trajectory == NULL || cosmo_trajectory_get_n_samples (self->trajectory) == 0)
    return FALSE;

  cosmo_trajectory_get_state (self->trajectory, t, &state);
  if (latitude)
    *latitude = state.latitude;
  if (longitude)
    *longitude = state.longitude;
  if (altitude)
    *altitude = state.altitude;
  return TRUE;
}

gboolean
cosmo_track_renderer_get_event_location (CosmoTrackRenderer *self,
                                         CosmoEvent         *event,
                                         double             *latitude,
                                         double             *longitude)
{
  g_return_val_if_fail (COSMO_IS_TRACK_RENDERER (self), FALSE);

  for (guint i = 0; i < self->pins->len; i++)
    {
      const Pin *pin = &g_array_index (self->pins, Pin, i);

      if (pin->event == event)
        {
          *latitude = pin->latitude;
          *longitude = pin->longitude;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
cosmo_track_renderer_get_provenance_word (CosmoTrackRenderer *self)
{
  g_return_val_if_fail (COSMO_IS_TRACK_RENDERER (self), NULL);

  if (self->trajectory == NULL)
    return NULL;

  switch (cosmo_trajectory_get_provenance (self->trajectory))
    {
    case COSMO_PROVENANCE_MEASURED: return _("measured");
    case COSMO_PROVENANCE_RECONSTRUCTED: return _("reconstructed");
    case COSMO_PROVENANCE_SIMULATED: return _("simulated");
    default: return NULL;
    }
}

char *
cosmo_track_renderer_get_provenance_text (CosmoTrackRenderer *self)
{
  g_return_val_if_fail (COSMO_IS_TRACK_RENDERER (self), NULL);

  if (self->trajectory == NULL)
    return NULL;

  switch (cosmo_trajectory_get_provenance (self->trajectory))
    {
    case COSMO_PROVENANCE_MEASURED:
      return g_strdup (_("Trajectory: measured"));
    case COSMO_PROVENANCE_RECONSTRUCTED:
      return g_strdup (_("Trajectory: reconstructed from published figures"));
    case COSMO_PROVENANCE_SIMULATED:
      return g_strdup (_("Trajectory: simulated, not flown data"));
    default:
      return NULL;
    }
}

/* ------------------------------------------------------------------ */
/* Text and label placement                                           */
/* ------------------------------------------------------------------ */

typedef struct { double x0, y0, x1, y1; } Box;

typedef struct
{
  GArray *boxes;
} Placer;

static void
placer_init (Placer *placer)
{
  placer->boxes = g_array_new (FALSE, FALSE, sizeof (Box));
}

static void
placer_clear (Placer *placer)
{
  g_clear_pointer (&placer->boxes, g_array_unref);
}

static gboolean
placer_free_at (Placer    *placer,
                const Box *box)
{
  for (guint i = 0; i < placer->boxes->len; i++)
    {
      const Box *b = &g_array_index (placer->boxes, Box, i);

      if (box->x0 < b->x1 && box->x1 > b->x0 && box->y0 < b->y1 && box->y1 > b->y0)
        return FALSE;
    }
  return TRUE;
}

static void
placer_add (Placer *placer,
            double  x0,
            double  y0,
            double  x1,
            double  y1)
{
  Box box = { x0, y0, x1, y1 };

  g_array_append_val (placer->boxes, box);
}

typedef enum
{
  TEXT_NORMAL,
  TEXT_BOLD,
  TEXT_SMALL,
  TEXT_AREA,
} TextKind;

static PangoLayout *
make_layout (CosmoTrackRenderer *self,
             cairo_t            *cr,
             TextKind            kind,
             const char         *text,
             gboolean            markup)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string ("Cantarell, DejaVu Sans, Sans");
  double px = 12;

  switch (kind)
    {
    case TEXT_BOLD:
      px = 14;
      pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
      break;
    case TEXT_SMALL:
      px = 11;
      break;
    case TEXT_AREA:
      px = 13;
      pango_font_description_set_style (desc, PANGO_STYLE_ITALIC);
      break;
    case TEXT_NORMAL:
    default:
      pango_font_description_set_weight (desc, PANGO_WEIGHT_MEDIUM);
      break;
    }
  pango_font_description_set_absolute_size (desc, px * self->text_scale * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  if (kind == TEXT_AREA)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (2 * PANGO_SCALE));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
draw_layout_at (CosmoTrackRenderer *self,
                cairo_t            *cr,
                PangoLayout        *layout,
                double              x,
                double              y,
                const Rgba         *color)
{
  const Palette *pal = &palettes[self->style];

  cairo_save (cr);
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 3.5 * self->text_scale);
  set_rgba (cr, &pal->label_halo);
  cairo_stroke (cr);
  cairo_move_to (cr, x, y);
  set_rgba (cr, color);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

typedef enum
{
  PLACE_RIGHT = 1 << 0,
  PLACE_LEFT = 1 << 1,
  PLACE_ABOVE = 1 << 2,
  PLACE_BELOW = 1 << 3,
  PLACE_CENTER = 1 << 4,
  PLACE_ANY = PLACE_RIGHT | PLACE_LEFT | PLACE_ABOVE | PLACE_BELOW,
} Placement;

/* Puts a label next to (@x, @y) at @gap pixels where it overlaps no label
 * placed before; returns FALSE (and draws nothing) when there is no room. */
static gboolean
place_label (CosmoTrackRenderer  *self,
             cairo_t             *cr,
             Placer              *placer,
             const CosmoMapFrame *frame,
             double               x,
             double               y,
             double               gap,
             Placement            where,
             TextKind             kind,
             const char          *text,
             gboolean             markup,
             const Rgba          *color)
{
  g_autoptr(PangoLayout) layout = make_layout (self, cr, kind, text, markup);
  int iw, ih;
  double w, h;
  static const Placement order[] = { PLACE_CENTER, PLACE_RIGHT, PLACE_LEFT, PLACE_ABOVE, PLACE_BELOW };

  pango_layout_get_pixel_size (layout, &iw, &ih);
  w = iw;
  h = ih;

  /* Next to the anchor first, then a little further out. */
  for (guint i = 0; i < 2 * G_N_ELEMENTS (order); i++)
    {
      Box box;
      double lx, ly;

      if (i == G_N_ELEMENTS (order))
        {
          if (gap <= 0)
            break;
          gap += 16;
        }
      if (!(where & order[i % G_N_ELEMENTS (order)]))
        continue;
      switch (order[i % G_N_ELEMENTS (order)])
        {
        case PLACE_CENTER: lx = x - w / 2; ly = y - h / 2; break;
        case PLACE_RIGHT: lx = x + gap; ly = y - h / 2; break;
        case PLACE_LEFT: lx = x - gap - w; ly = y - h / 2; break;
        case PLACE_ABOVE: lx = x - w / 2; ly = y - gap - h; break;
        case PLACE_BELOW: default: lx = x - w / 2; ly = y + gap; break;
        }
      box = (Box) { lx - 2, ly - 1, lx + w + 2, ly + h + 1 };
      /* Whole labels only: a name cut by the edge reads as another name. */
      if (box.x0 < 0 || box.y0 < 0 || box.x1 > frame->width || box.y1 > frame->height)
        continue;
      if (!placer_free_at (placer, &box))
        continue;
      g_array_append_val (placer->boxes, box);
      draw_layout_at (self, cr, layout, lx, ly, color);
      return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Track strokes                                                       */
/* ------------------------------------------------------------------ */

typedef struct { double x, y; } Pt;

typedef struct
{
  GArray *bins[N_BINS];   /* Pt; a NAN x starts a new polyline */
  Pt      last[N_BINS];
} Bins;

static void
bins_init (Bins *b)
{
  for (guint i = 0; i < N_BINS; i++)
    {
      b->bins[i] = g_array_sized_new (FALSE, FALSE, sizeof (Pt), 256);
      b->last[i].x = NAN;
    }
}

static void
bins_clear (Bins *b)
{
  for (guint i = 0; i < N_BINS; i++)
    g_clear_pointer (&b->bins[i], g_array_unref);
}

static inline void
bins_add (Bins   *b,
          double  altitude,
          double  x0,
          double  y0,
          double  x1,
          double  y1)
{
  int k = CLAMP ((int) (altitude / RAMP_TOP * N_BINS), 0, N_BINS - 1);
  GArray *a = b->bins[k];

  if (b->last[k].x != x0 || b->last[k].y != y0)
    {
      Pt brk = { NAN, NAN }, p0 = { x0, y0 };

      if (a->len > 0)
        g_array_append_val (a, brk);
      g_array_append_val (a, p0);
    }
  {
    Pt p1 = { x1, y1 };
    g_array_append_val (a, p1);
    b->last[k] = p1;
  }
}

static void
bins_path (cairo_t *cr,
           GArray  *a)
{
  gboolean move = TRUE;

  for (guint i = 0; i < a->len; i++)
    {
      const Pt *p = &g_array_index (a, Pt, i);

      if (isnan (p->x))
        move = TRUE;
      else if (move)
        {
          cairo_move_to (cr, p->x, p->y);
          move = FALSE;
        }
      else
        cairo_line_to (cr, p->x, p->y);
    }
}

/* The view's box in normalized Mercator coordinates, grown by @margin px. */
static void
frame_uv_box (const CosmoMapFrame *f,
              double               margin,
              Box                 *box)
{
  double cu[4], cv[4];
  double xs[4] = { -margin, f->width + margin, -margin, f->width + margin };
  double ys[4] = { -margin, -margin, f->height + margin, f->height + margin };

  box->x0 = box->y0 = G_MAXDOUBLE;
  box->x1 = box->y1 = -G_MAXDOUBLE;
  for (guint i = 0; i < 4; i++)
    {
      frame_unproject_uv (f, xs[i], ys[i], &cu[i], &cv[i]);
      box->x0 = MIN (box->x0, cu[i]);
      box->x1 = MAX (box->x1, cu[i]);
      box->y0 = MIN (box->y0, cv[i]);
      box->y1 = MAX (box->y1, cv[i]);
    }
}

/* Collects the segments of @p between times @t_from and @t_to that may
 * show in @frame, from the level of detail that suits the frame's zoom,
 * coloured by altitude. The ends are cut at exactly @t_from and @t_to. */
static void
collect_track (TrackPath           *p,
               const CosmoMapFrame *frame,
               double               t_from,
               double               t_to,
               Bins                *bins)
{
  int k = CLAMP ((int) ceil (frame->zoom), 0, N_LEVELS - 1);
  const Level *level = &p->levels[k];
  Box view;

  frame_uv_box (frame, 16, &view);

  for (gsize c = 0; c < level->n_chunks; c++)
    {
      const double *bx = &level->boxes[4 * c];
      gsize first = c * CHUNK;
      gsize last = MIN (first + CHUNK, level->n - 1);
      double px = NAN, py = NAN;

      if (bx[2] < view.x0 || bx[0] > view.x1 || bx[3] < view.y0 || bx[1] > view.y1)
        continue;
      if (p->t[level->idx[last]] <= t_from)
        continue;
      if (p->t[level->idx[first]] >= t_to)
        break;

      for (gsize j = first; j < last; j++)
        {
          guint32 a = level->idx[j], b = level->idx[j + 1];
          double ta = p->t[a], tb = p->t[b];
          double ua = p->u[a], va = p->v[a], ub = p->u[b], vb = p->v[b];
          double x0, y0, x1, y1;
          gboolean cut = FALSE;

          if (tb <= t_from)
            continue;
          if (ta >= t_to)
            break;
          if (ta < t_from && tb > ta)
            {
              double f = (t_from - ta) / (tb - ta);
              ua += f * (p->u[b] - p->u[a]);
              va += f * (p->v[b] - p->v[a]);
              cut = TRUE;
            }
          if (tb > t_to && tb > ta)
            {
              double f = (t_to - ta) / (tb - ta);
              ub = p->u[a] + f * (p->u[b] - p->u[a]);
              vb = p->v[a] + f * (p->v[b] - p->v[a]);
            }

          if (!cut && !isnan (px))
            {
              x0 = px;
              y0 = py;
            }
          else
            frame_project_uv (frame, ua, va, &x0, &y0);
          frame_project_uv (frame, ub, vb, &x1, &y1);
          bins_add (bins, 0.5 * (p->alt[a] + p->alt[b]), x0, y0, x1, y1);
          px = x1;
          py = y1;
        }
    }
}

static void
stroke_bins (cairo_t    *cr,
             Bins       *bins,
             const Rgba *casing,
             double      casing_width,
             double      width,
             double      alpha,
             gboolean    dashed)
{
  static const double dash[] = { 7, 5 };

  cairo_save (cr);
  cairo_set_line_cap (cr, dashed ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (casing != NULL)
    {
      cairo_new_path (cr);
      for (guint k = 0; k < N_BINS; k++)
        bins_path (cr, bins->bins[k]);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      set_rgba (cr, casing);
      cairo_set_line_width (cr, casing_width);
      cairo_stroke (cr);
    }

  if (dashed)
    cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_line_width (cr, width);
  for (guint k = 0; k < N_BINS; k++)
    {
      Rgba c;

      if (bins->bins[k]->len == 0)
        continue;
      ramp_color ((k + 0.5) / N_BINS, &c);
      cairo_new_path (cr);
      bins_path (cr, bins->bins[k]);
      cairo_set_source_rgba (cr, c.r, c.g, c.b, alpha);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_debris (CosmoTrackRenderer  *self,
             cairo_t             *cr,
             const CosmoMapFrame *frame,
             Placer              *placer)
{
  /* Without a placer: the paths and impact marks; with one: the labels. */
  const Palette *pal = &palettes[self->style];
  GListModel *debris = self->mission ? cosmo_mission_get_debris (self->mission) : NULL;
  static const double dash[] = { 4, 3 };

  for (guint i = 0; i < self->debris->len; i++)
    {
      TrackPath *p = g_ptr_array_index (self->debris, i);
      g_autoptr(CosmoTrajectory) trajectory = NULL;
      Bins bins;
      double x, y;
      const char *title;

      if (p == NULL)
        continue;

      frame_project_uv (frame, p->u[p->n - 1], p->v[p->n - 1], &x, &y);
      if (placer != NULL)
        {
          if (x < -20 || y < -20 || x > frame->width + 20 || y > frame->height + 20)
            continue;
          trajectory = debris ? g_list_model_get_item (debris, i) : NULL;
          title = trajectory ? cosmo_trajectory_get_title (trajectory) : NULL;
          if (title == NULL && trajectory != NULL)
            title = cosmo_trajectory_get_id (trajectory);
          if (title != NULL && frame->zoom >= 4.5)
            {
              g_autofree char *text = g_strdup_printf (_("%s impact"), title);
              place_label (self, cr, placer, frame, x, y, 8, PLACE_ANY, TEXT_SMALL, text, FALSE, &pal->muted_label);
            }
          continue;
        }

      bins_init (&bins);
      collect_track (p, frame, -G_MAXDOUBLE, G_MAXDOUBLE, &bins);
      cairo_save (cr);
      cairo_new_path (cr);
      for (guint k = 0; k < N_BINS; k++)
        bins_path (cr, bins.bins[k]);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_set_line_width (cr, 1.6);
      set_rgba (cr, &pal->debris);
      cairo_stroke (cr);
      cairo_restore (cr);
      bins_clear (&bins);

      /* The impact point: the last sample. */
      if (x < -20 || y < -20 || x > frame->width + 20 || y > frame->height + 20)
        continue;
      cairo_save (cr);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to (cr, x - 5, y - 5);
      cairo_line_to (cr, x + 5, y + 5);
      cairo_move_to (cr, x + 5, y - 5);
      cairo_line_to (cr, x - 5, y + 5);
      set_rgba (cr, &pal->label_halo);
      cairo_set_line_width (cr, 5);
      cairo_stroke_preserve (cr);
      set_rgba (cr, &pal->impact);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static void
draw_zones (CosmoTrackRenderer  *self,
            cairo_t             *cr,
            const CosmoMapFrame *frame,
            Placer              *placer,
            gboolean             labels)
{
  const Palette *pal = &palettes[self->style];
  GListModel *zones = self->mission ? cosmo_mission_get_zones (self->mission) : NULL;
  guint n = zones ? g_list_model_get_n_items (zones) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CosmoZone) zone = g_list_model_get_item (zones, i);
      const double *lat = cosmo_zone_get_latitudes (zone);
      const double *lon = cosmo_zone_get_longitudes (zone);
      gsize nv = cosmo_zone_get_n_vertices (zone);
      double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

      if (nv < 3)
        continue;

      cairo_new_path (cr);
      for (gsize v = 0; v < nv; v++)
        {
          double x, y;

          cosmo_map_frame_project (frame, lat[v], lon[v], &x, &y);
          cairo_line_to (cr, x, y);
          x0 = MIN (x0, x); x1 = MAX (x1, x);
          y0 = MIN (y0, y); y1 = MAX (y1, y);
        }
      cairo_close_path (cr);
      if (x1 < 0 || y1 < 0 || x0 > frame->width || y0 > frame->height)
        {
          cairo_new_path (cr);
          continue;
        }

      if (!labels)
        {
          set_rgba_alpha (cr, &pal->zone, self->style == COSMO_BASEMAP_STYLE_HIGH_CONTRAST ? 0.30 : 0.20);
          cairo_fill_preserve (cr);
          cairo_set_line_width (cr, 1.5);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          set_rgba_alpha (cr, &pal->zone, 0.85);
          cairo_stroke (cr);
        }
      else
        {
          double clat, clon, cx, cy;

          cairo_new_path (cr);
          if (x1 - x0 < 40 && y1 - y0 < 24)
            continue;
          cosmo_zone_get_center (zone, &clat, &clon);
          cosmo_map_frame_project (frame, clat, clon, &cx, &cy);
          place_label (self, cr, placer, frame, cx, cy, 0, PLACE_CENTER | PLACE_BELOW,
                       TEXT_SMALL, cosmo_zone_get_title (zone), FALSE, &pal->label);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Sites                                                               */
/* ------------------------------------------------------------------ */

static void
draw_site_symbol (CosmoTrackRenderer *self,
                  cairo_t            *cr,
                  CosmoSiteKind       kind,
                  gboolean            primary,
                  double              x,
                  double              y)
{
  const Palette *pal = &palettes[self->style];

  cairo_save (cr);
  cairo_new_path (cr);
  switch (kind)
    {
    case COSMO_SITE_KIND_PAD:
      {
        double r = primary ? 10 : 6.5;

        cairo_arc (cr, x, y, r, 0, 2 * G_PI);
        set_rgba (cr, primary ? &pal->primary_pad : &pal->pad);
        cairo_fill_preserve (cr);
        set_rgba (cr, &pal->symbol_outline);
        cairo_set_line_width (cr, primary ? 2.5 : 1.5);
        cairo_stroke (cr);
        /* A rocket: a narrow upward triangle. */
        cairo_move_to (cr, x, y - r * 0.62);
        cairo_line_to (cr, x + r * 0.36, y + r * 0.5);
        cairo_line_to (cr, x - r * 0.36, y + r * 0.5);
        cairo_close_path (cr);
        set_rgba (cr, &pal->symbol_outline);
        cairo_fill (cr);
      }
      break;

    case COSMO_SITE_KIND_AIRFIELD:
      cairo_arc (cr, x, y, 6.5, 0, 2 * G_PI);
      set_rgba (cr, &pal->airfield);
      cairo_fill_preserve (cr);
      set_rgba (cr, &pal->symbol_outline);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      /* A runway. */
      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_rotate (cr, -G_PI / 8);
      cairo_rectangle (cr, -4.5, -1.2, 9, 2.4);
      cairo_restore (cr);
      set_rgba (cr, &pal->symbol_outline);
      cairo_fill (cr);
      break;

    case COSMO_SITE_KIND_TOWN:
      cairo_rectangle (cr, x - 4.5, y - 4.5, 9, 9);
      set_rgba (cr, &pal->town);
      cairo_fill_preserve (cr);
      set_rgba (cr, &pal->symbol_outline);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      break;

    case COSMO_SITE_KIND_STATION:
      cairo_rectangle (cr, x - 3.5, y - 3.5, 7, 7);
      set_rgba (cr, &pal->symbol_outline);
      cairo_fill_preserve (cr);
      set_rgba (cr, &pal->town);
      cairo_set_line_width (cr, 1.8);
      cairo_stroke (cr);
      break;

    case COSMO_SITE_KIND_LANDMARK:
    default:
      break;
    }
  cairo_restore (cr);
}

static double
site_symbol_radius (CosmoSiteKind kind,
                    gboolean      primary)
{
  switch (kind)
    {
    case COSMO_SITE_KIND_PAD: return primary ? 11 : 7.5;
    case COSMO_SITE_KIND_AIRFIELD: return 7.5;
    case COSMO_SITE_KIND_TOWN: return 6;
    case COSMO_SITE_KIND_STATION: return 5;
    case COSMO_SITE_KIND_LANDMARK: default: return 0;
    }
}

/* Sites in order of importance, so that labels placed first win. */
static int
site_rank (CosmoSite *site)
{
  if (cosmo_site_get_primary (site))
    return 0;
  switch (cosmo_site_get_kind (site))
    {
    case COSMO_SITE_KIND_TOWN: return 1;
    case COSMO_SITE_KIND_PAD: return 2;
    case COSMO_SITE_KIND_AIRFIELD: return 3;
    case COSMO_SITE_KIND_STATION: return 4;
    case COSMO_SITE_KIND_LANDMARK: default: return 5;
    }
}

static gboolean
site_visible (CosmoSite *site,
              double     zoom)
{
  if (cosmo_site_get_primary (site))
    return TRUE;
  switch (cosmo_site_get_kind (site))
    {
    case COSMO_SITE_KIND_TOWN: return zoom >= 7.5;
    case COSMO_SITE_KIND_LANDMARK: return zoom >= 7.5 && zoom < 11.5;
    default: return zoom >= 8.5;
    }
}

static GPtrArray *
visible_sites (CosmoTrackRenderer  *self,
               const CosmoMapFrame *frame)
{
  GListModel *sites = self->mission ? cosmo_mission_get_sites (self->mission) : NULL;
  guint n = sites ? g_list_model_get_n_items (sites) : 0;
  GPtrArray *order = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      CosmoSite *site = g_list_model_get_item (sites, i);
      double x, y;

      cosmo_map_frame_project (frame, cosmo_site_get_latitude (site), cosmo_site_get_longitude (site), &x, &y);
      if (site_visible (site, frame->zoom) &&
          x > -200 && y > -50 && x < frame->width + 200 && y < frame->height + 50)
        g_ptr_array_add (order, site);
      else
        g_object_unref (site);
    }
  return order;
}

static void
draw_site_symbols (CosmoTrackRenderer  *self,
                   cairo_t             *cr,
                   const CosmoMapFrame *frame)
{
  g_autoptr(GPtrArray) order = visible_sites (self, frame);

  /* Least important first, so the primary pad ends up on top. */
  for (int rank = 5; rank >= 0; rank--)
    for (guint i = 0; i < order->len; i++)
      {
        CosmoSite *site = g_ptr_array_index (order, i);
        double x, y;

        if (site_rank (site) != rank)
          continue;
        cosmo_map_frame_project (frame, cosmo_site_get_latitude (site), cosmo_site_get_longitude (site), &x, &y);
        draw_site_symbol (self, cr, cosmo_site_get_kind (site), cosmo_site_get_primary (site), x, y);
      }
}

/* Symbols reserve their room so that no label covers one. */
static void
reserve_site_symbols (CosmoTrackRenderer  *self,
                      const CosmoMapFrame *frame,
                      Placer              *placer)
{
  g_autoptr(GPtrArray) order = visible_sites (self, frame);

  for (guint i = 0; i < order->len; i++)
    {
      CosmoSite *site = g_ptr_array_index (order, i);
      double x, y, r = site_symbol_radius (cosmo_site_get_kind (site), cosmo_site_get_primary (site));

      cosmo_map_frame_project (frame, cosmo_site_get_latitude (site), cosmo_site_get_longitude (site), &x, &y);
      if (r > 0)
        placer_add (placer, x - r, y - r, x + r, y + r);
    }
}

static void
draw_site_labels (CosmoTrackRenderer  *self,
                  cairo_t             *cr,
                  const CosmoMapFrame *frame,
                  Placer              *placer,
                  int                  rank_min,
                  int                  rank_max)
{
  const Palette *pal = &palettes[self->style];
  g_autoptr(GPtrArray) order = visible_sites (self, frame);

  for (int rank = rank_min; rank <= rank_max; rank++)
    for (guint i = 0; i < order->len; i++)
      {
        CosmoSite *site = g_ptr_array_index (order, i);
        CosmoSiteKind kind = cosmo_site_get_kind (site);
        gboolean primary = cosmo_site_get_primary (site);
        double x, y;

        if (site_rank (site) != rank)
          continue;
        cosmo_map_frame_project (frame, cosmo_site_get_latitude (site), cosmo_site_get_longitude (site), &x, &y);

        if (kind == COSMO_SITE_KIND_LANDMARK)
          {
            g_autofree char *upper = g_utf8_strup (cosmo_site_get_name (site), -1);
            place_label (self, cr, placer, frame, x, y, 0, PLACE_CENTER | PLACE_BELOW,
                         TEXT_AREA, upper, FALSE, &pal->muted_label);
          }
        else if (kind == COSMO_SITE_KIND_TOWN && !self->label_towns)
          continue;
        else
          place_label (self, cr, placer, frame, x, y, site_symbol_radius (kind, primary) + 3,
                       PLACE_ANY, primary ? TEXT_BOLD : TEXT_NORMAL,
                       cosmo_site_get_name (site), FALSE, &pal->label);
      }
}

/* Altitude labels where the track first climbs through round heights. */
static void
draw_altitude_marks (CosmoTrackRenderer  *self,
                     cairo_t             *cr,
                     const CosmoMapFrame *frame,
                     Placer              *placer)
{
  static const double marks_km[] = { 50, 100, 150, 200 };
  const Palette *pal = &palettes[self->style];
  TrackPath *p = self->track;
  gsize i = 1;

  if (p == NULL)
    return;

  for (guint m = 0; m < G_N_ELEMENTS (marks_km); m++)
    {
      double h = marks_km[m] * 1000, f, u, v, x, y;
      g_autofree char *text = NULL;

      while (i < p->n && p->alt[i] < h)
        i++;
      if (i >= p->n)
        break;
      f = p->alt[i] > p->alt[i - 1] ? (h - p->alt[i - 1]) / (p->alt[i] - p->alt[i - 1]) : 1;
      u = p->u[i - 1] + f * (p->u[i] - p->u[i - 1]);
      v = p->v[i - 1] + f * (p->v[i] - p->v[i - 1]);
      frame_project_uv (frame, u, v, &x, &y);
      if (x < 0 || y < 0 || x > frame->width || y > frame->height)
        continue;

      cairo_new_path (cr);
      cairo_arc (cr, x, y, 3, 0, 2 * G_PI);
      set_rgba (cr, &pal->label_halo);
      cairo_fill_preserve (cr);
      set_rgba (cr, &pal->casing);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      /* TRANSLATORS: an altitude mark on the ground track */
      text = g_strdup_printf (_("%.0f km"), marks_km[m]);
      place_label (self, cr, placer, frame, x, y, 7, PLACE_BELOW | PLACE_RIGHT | PLACE_LEFT,
                   TEXT_SMALL, text, FALSE, &pal->label);
    }
}

void
cosmo_track_renderer_draw_base (CosmoTrackRenderer  *self,
                                cairo_t             *cr,
                                const CosmoMapFrame *frame)
{
  const Palette *pal;

  g_return_if_fail (COSMO_IS_TRACK_RENDERER (self));
  g_return_if_fail (cr != NULL && frame != NULL);

  pal = &palettes[self->style];
  cairo_save (cr);

  draw_zones (self, cr, frame, NULL, FALSE);
  draw_debris (self, cr, frame, NULL);

  if (self->track != NULL)
    {
      Bins bins;

      bins_init (&bins);
      collect_track (self->track, frame, -G_MAXDOUBLE, G_MAXDOUBLE, &bins);
      /* Still to fly: thin, dashed, on a light casing. */
      stroke_bins (cr, &bins, &pal->label_halo, 5, 2.5, pal->future_alpha, TRUE);
      bins_clear (&bins);
    }

  draw_site_symbols (self, cr, frame);

  cairo_restore (cr);
}

void
cosmo_track_renderer_draw_flown (CosmoTrackRenderer  *self,
                                 cairo_t             *cr,
                                 const CosmoMapFrame *frame,
                                 double               t)
{
  Bins bins;

  g_return_if_fail (COSMO_IS_TRACK_RENDERER (self));
  g_return_if_fail (cr != NULL && frame != NULL);

  if (self->track == NULL || t <= self->track->t[0])
    return;

  bins_init (&bins);
  collect_track (self->track, frame, -G_MAXDOUBLE, t, &bins);
  stroke_bins (cr, &bins, &palettes[self->style].casing, 8, 5, 1.0, FALSE);
  bins_clear (&bins);
}

void
cosmo_track_renderer_draw_vehicle (CosmoTrackRenderer  *self,
                                   cairo_t             *cr,
                                   const CosmoMapFrame *frame,
                                   double               t)
{
  const Palette *pal;
  double lat, lon, x, y, lat2, lon2, x2, y2, heading;
  double start, end, dt;
  gboolean flying;

  g_return_if_fail (COSMO_IS_TRACK_RENDERER (self));
  g_return_if_fail (cr != NULL && frame != NULL);

  if (!cosmo_track_renderer_get_vehicle (self, t, &lat, &lon, NULL))
    return;

  pal = &palettes[self->style];
  start = cosmo_trajectory_get_start_time (self->trajectory);
  end = cosmo_trajectory_get_end_time (self->trajectory);
  flying = t >= start && t <= end;
  cosmo_map_frame_project (frame, lat, lon, &x, &y);

  /* Heading on screen, so it stays right when the map is rotated. */
  dt = MAX ((end - start) / 1000.0, 0.5);
  {
    double ta = CLAMP (t, start, end - dt);

    cosmo_track_renderer_get_vehicle (self, ta, &lat, &lon, NULL);
    cosmo_track_renderer_get_vehicle (self, ta + dt, &lat2, &lon2, NULL);
    {
      double xa, ya;
      cosmo_map_frame_project (frame, lat, lon, &xa, &ya);
      cosmo_map_frame_project (frame, lat2, lon2, &x2, &y2);
      heading = atan2 (y2 - ya, x2 - xa);
    }
  }

  cairo_save (cr);
  cairo_new_path (cr);
  /* Everything stays inside a disc centred on the position, so the
   * symbol's middle is the vehicle's place. */
  cairo_arc (cr, x, y, 13, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.28);
  cairo_fill (cr);
  cairo_arc (cr, x, y, 10.5, 0, 2 * G_PI);
  set_rgba (cr, &pal->vehicle);
  cairo_fill_preserve (cr);
  set_rgba (cr, &pal->vehicle_ring);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);

  cairo_translate (cr, x, y);
  cairo_rotate (cr, heading);
  cairo_move_to (cr, 6.5, 0);
  cairo_line_to (cr, -4.5, -5);
  cairo_line_to (cr, -2, 0);
  cairo_line_to (cr, -4.5, 5);
  cairo_close_path (cr);
  if (flying)
    cairo_set_source_rgba (cr, 0.88, 0.11, 0.14, 1);
  else
    set_rgba (cr, &pal->vehicle_ring);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* Pins                                                                */
/* ------------------------------------------------------------------ */

#define PIN_RADIUS 7.5
#define PIN_SPACING 21.0
#define PIN_COLUMNS 6
#define STALK 14.0
/* Below this zoom, pins sharing a place fold into one with a count. */
#define EXPAND_ZOOM 9.0

typedef struct
{
  const Pin *pin;
  double     x, y;     /* the badge's centre */
  double     ax, ay;   /* the place it stands for */
  int        group;    /* pins sharing a place share a panel; -1 alone */
  guint      count;    /* > 1: a folded stack of this many pins */
} PinPlace;

typedef struct
{
  double ax, ay;
  double x0, y0, x1, y1;   /* the panel */
} PinGroup;

/* +1 to hang panels below their place, -1 above: away from where the
 * track leaves the pad, so that the panel never hides the ascent. */
static double
panel_side (CosmoTrackRenderer  *self,
            const CosmoMapFrame *frame)
{
  double x0, y0, x1, y1;
  TrackPath *p = self->track;
  gsize j;

  if (p == NULL)
    return -1;
  for (j = 1; j + 1 < p->n && p->t[j] < p->t[0] + 90; j++)
    ;
  frame_project_uv (frame, p->u[0], p->v[0], &x0, &y0);
  frame_project_uv (frame, p->u[j], p->v[j], &x1, &y1);
  return y1 < y0 ? +1 : -1;
}

/* The pin that stands for a folded stack: the most severe, then the earliest. */
static gboolean
pin_outranks (const Pin *a,
              const Pin *b)
{
  CosmoSeverity sa = cosmo_event_get_severity (a->event);
  CosmoSeverity sb = cosmo_event_get_severity (b->event);

  if (sa != sb)
    return sa > sb;
  return cosmo_event_get_time (a->event) < cosmo_event_get_time (b->event);
}

static void
layout_pins (CosmoTrackRenderer  *self,
             const CosmoMapFrame *frame,
             GArray              *places,
             GArray              *groups)
{
  guint n = self->pins->len;
  g_autofree gboolean *done = g_new0 (gboolean, MAX (n, 1));
  g_autofree double *xs = g_new (double, MAX (n, 1));
  g_autofree double *ys = g_new (double, MAX (n, 1));
  double side = panel_side (self, frame);

  for (guint i = 0; i < n; i++)
    {
      const Pin *pin = &g_array_index (self->pins, Pin, i);
      cosmo_map_frame_project (frame, pin->latitude, pin->longitude, &xs[i], &ys[i]);
    }

  /* Pins on the ground at one place (within a few pixels) gather in a
   * panel beside it; pins in flight sit on the track. */
  for (guint i = 0; i < n; i++)
    {
      const Pin *pin = &g_array_index (self->pins, Pin, i);
      g_autoptr(GArray) members = NULL;

      if (done[i])
        continue;
      if (pin->on_track)
        {
          PinPlace place = { pin, xs[i], ys[i], xs[i], ys[i], -1, 1 };
          g_array_append_val (places, place);
          continue;
        }

      members = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint j = i; j < n; j++)
        {
          const Pin *other = &g_array_index (self->pins, Pin, j);

          if (!other->on_track && !done[j] &&
              fabs (xs[j] - xs[i]) < 6 && fabs (ys[j] - ys[i]) < 6)
            {
              g_array_append_val (members, j);
              done[j] = TRUE;
            }
        }

      if (members->len == 1 || frame->zoom < EXPAND_ZOOM)
        {
          const Pin *top = pin;

          for (guint m = 1; m < members->len; m++)
            {
              const Pin *other = &g_array_index (self->pins, Pin, g_array_index (members, guint, m));
              if (pin_outranks (other, top))
                top = other;
            }
          {
            PinPlace place = { top, xs[i], ys[i] + side * (STALK + PIN_RADIUS), xs[i], ys[i], -1, members->len };
            g_array_append_val (places, place);
          }
        }
      else
        {
          guint cols = MIN (members->len, PIN_COLUMNS);
          guint rows = (members->len + cols - 1) / cols;
          PinGroup group;
          double w = cols * PIN_SPACING + 6, h = rows * PIN_SPACING + 6;

          group.ax = xs[i];
          group.ay = ys[i];
          group.x0 = xs[i] - w / 2;
          group.x1 = xs[i] + w / 2;
          if (side > 0)
            {
              group.y0 = ys[i] + STALK;
              group.y1 = group.y0 + h;
            }
          else
            {
              group.y1 = ys[i] - STALK;
              group.y0 = group.y1 - h;
            }
          g_array_append_val (groups, group);

          for (guint m = 0; m < members->len; m++)
            {
              guint j = g_array_index (members, guint, m);
              guint col = m % cols, row = m / cols;
              PinPlace place = {
                &g_array_index (self->pins, Pin, j),
                group.x0 + 3 + (col + 0.5) * PIN_SPACING,
                group.y0 + 3 + (row + 0.5) * PIN_SPACING,
                xs[i], ys[i], groups->len - 1, 1,
              };
              g_array_append_val (places, place);
            }
        }
    }
}

static void
pin_shape (cairo_t            *cr,
           CosmoEventCategory  category,
           double              x,
           double              y,
           double              r)
{
  switch (category)
    {
    case COSMO_EVENT_CATEGORY_PAD:
      cairo_rectangle (cr, x - r * 0.86, y - r * 0.86, r * 1.72, r * 1.72);
      break;
    case COSMO_EVENT_CATEGORY_STATEMENT:
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r * 1.15, y);
      cairo_line_to (cr, x, y + r * 1.15);
      cairo_line_to (cr, x - r * 1.15, y);
      cairo_close_path (cr);
      break;
    case COSMO_EVENT_CATEGORY_RECOVERY:
      cairo_move_to (cr, x, y - r * 1.1);
      cairo_line_to (cr, x + r * 1.05, y + r * 0.8);
      cairo_line_to (cr, x - r * 1.05, y + r * 0.8);
      cairo_close_path (cr);
      break;
    case COSMO_EVENT_CATEGORY_SCHEDULE:
      for (int k = 0; k < 6; k++)
        cairo_line_to (cr, x + r * cos (k * G_PI / 3), y + r * sin (k * G_PI / 3));
      cairo_close_path (cr);
      break;
    case COSMO_EVENT_CATEGORY_FLIGHT:
    case COSMO_EVENT_CATEGORY_NOTE:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

static void
draw_badge (CosmoTrackRenderer *self,
            cairo_t            *cr,
            CosmoEvent         *event,
            double              x,
            double              y,
            gboolean            selected)
{
  const Palette *pal = &palettes[self->style];
  CosmoSeverity severity = cosmo_event_get_severity (event);
  CosmoEventCategory category = cosmo_event_get_category (event);
  double r = selected ? PIN_RADIUS * 1.3 : PIN_RADIUS;

  cairo_new_path (cr);
  if (selected)
    {
      pin_shape (cr, category, x, y, r + 4);
      set_rgba (cr, &pal->highlight);
      cairo_fill (cr);
    }
  pin_shape (cr, category, x, y, r);
  set_rgba (cr, &severity_colors[MIN (severity, COSMO_SEVERITY_CRITICAL)]);
  cairo_fill_preserve (cr);
  set_rgba (cr, &pal->symbol_outline);
  cairo_set_line_width (cr, 1.8);
  cairo_stroke (cr);

  if (category == COSMO_EVENT_CATEGORY_NOTE)
    {
      cairo_arc (cr, x, y, r * 0.4, 0, 2 * G_PI);
      set_rgba (cr, &pal->symbol_outline);
      cairo_fill (cr);
    }
}

/* "Strap-on boosters separate" of "Strap-on boosters separate ("Korolev cross")". */
static char *
short_title (const char *title)
{
  static const char *cuts[] = { " (", ";", ":", " \xe2\x80\x94 " };
  const char *end = title + strlen (title);

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      const char *p = strstr (title, cuts[i]);
      if (p != NULL && p > title && p < end)
        end = p;
    }
  return g_strndup (title, end - title);
}

static char *
pin_label_markup (const Pin *pin,
                  guint      count)
{
  g_autofree char *title = short_title (cosmo_event_get_title (pin->event));
  g_autofree char *time = cosmo_time_format_mission (cosmo_event_get_time (pin->event), 0);

  if (!isnan (pin->altitude))
    return g_markup_printf_escaped ("<b>%s</b>\n%s \xc2\xb7 %.0f km", title, time, pin->altitude / 1000);
  if (count > 1)
    return g_markup_printf_escaped (ngettext ("<b>%s</b>\n%s \xc2\xb7 and %u more event here",
                                              "<b>%s</b>\n%s \xc2\xb7 and %u more events here", count - 1),
                                    title, time, count - 1);
  return g_markup_printf_escaped ("<b>%s</b>\n%s", title, time);
}

static void
draw_count (CosmoTrackRenderer *self,
            cairo_t            *cr,
            double              x,
            double              y,
            guint               count)
{
  const Palette *pal = &palettes[self->style];
  g_autofree char *text = g_strdup_printf ("%u", count);
  g_autoptr(PangoLayout) layout = make_layout (self, cr, TEXT_SMALL, text, FALSE);
  int w, h;
  double r;

  pango_layout_get_pixel_size (layout, &w, &h);
  r = MAX (w, h) / 2.0 + 1.5;
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  set_rgba (cr, &pal->town);
  cairo_fill_preserve (cr);
  set_rgba (cr, &pal->symbol_outline);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  cairo_move_to (cr, x - w / 2.0, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

void
cosmo_track_renderer_draw_pins (CosmoTrackRenderer  *self,
                                cairo_t             *cr,
                                const CosmoMapFrame *frame)
{
  const Palette *pal;
  g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (PinPlace));
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (PinGroup));
  Placer placer;
  const PinPlace *selected = NULL;

  g_return_if_fail (COSMO_IS_TRACK_RENDERER (self));
  g_return_if_fail (cr != NULL && frame != NULL);

  pal = &palettes[self->style];
  layout_pins (self, frame, places, groups);
  placer_init (&placer);
  reserve_site_symbols (self, frame, &placer);
  cairo_save (cr);

  /* Panels with their leaders. */
  for (guint g = 0; g < groups->len; g++)
    {
      const PinGroup *group = &g_array_index (groups, PinGroup, g);
      double rad = 6;

      placer_add (&placer, group->x0, group->y0, group->x1, group->y1);
      cairo_new_path (cr);
      cairo_move_to (cr, group->ax, group->ay);
      cairo_line_to (cr, group->ax, group->ay < group->y0 ? group->y0 : group->y1);
      set_rgba (cr, &pal->casing);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);

      cairo_new_sub_path (cr);
      cairo_arc (cr, group->x1 - rad, group->y0 + rad, rad, -G_PI / 2, 0);
      cairo_arc (cr, group->x1 - rad, group->y1 - rad, rad, 0, G_PI / 2);
      cairo_arc (cr, group->x0 + rad, group->y1 - rad, rad, G_PI / 2, G_PI);
      cairo_arc (cr, group->x0 + rad, group->y0 + rad, rad, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
      set_rgba (cr, &pal->panel);
      cairo_fill_preserve (cr);
      set_rgba (cr, &pal->panel_border);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);

      cairo_arc (cr, group->ax, group->ay, 3, 0, 2 * G_PI);
      set_rgba (cr, &pal->casing);
      cairo_fill (cr);
    }

  for (guint i = 0; i < places->len; i++)
    {
      const PinPlace *place = &g_array_index (places, PinPlace, i);

      if (place->x < -30 || place->y < -30 || place->x > frame->width + 30 || place->y > frame->height + 30)
        continue;

      if (place->group == -1 && !place->pin->on_track)
        {
          /* A pin on the ground: a stalk to its place. */
          cairo_new_path (cr);
          cairo_move_to (cr, place->ax, place->ay);
          cairo_line_to (cr, place->x, place->y);
          set_rgba (cr, &pal->casing);
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
          cairo_arc (cr, place->ax, place->ay, 3, 0, 2 * G_PI);
          cairo_fill (cr);
        }

      if (place->pin->event == self->selected)
        selected = place;
      else
        draw_badge (self, cr, place->pin->event, place->x, place->y, FALSE);
      if (place->count > 1)
        draw_count (self, cr, place->x + PIN_RADIUS, place->y - PIN_RADIUS, place->count);
      placer_add (&placer, place->x - PIN_RADIUS - 2, place->y - PIN_RADIUS - 2,
                  place->x + PIN_RADIUS + 2, place->y + PIN_RADIUS + 2);
    }

  /* Labels, most important first: the selection, the launch site, the
   * staging milestones, the other sites, zones, altitudes, debris. */
  if (selected != NULL)
    {
      g_autofree char *markup = pin_label_markup (selected->pin, selected->count);
      double gap = PIN_RADIUS * 1.3 + 6;

      draw_badge (self, cr, selected->pin->event, selected->x, selected->y, TRUE);
      if (selected->count > 1)
        draw_count (self, cr, selected->x + PIN_RADIUS, selected->y - PIN_RADIUS, selected->count);
      /* Pins in a panel label beside the panel, not over their neighbours. */
      if (selected->group >= 0)
        {
          const PinGroup *group = &g_array_index (groups, PinGroup, selected->group);
          gap = 6 + (group->x1 - selected->x);
        }
      place_label (self, cr, &placer, frame, selected->x, selected->y, gap,
                   PLACE_RIGHT | PLACE_LEFT, TEXT_NORMAL, markup, TRUE, &pal->label);
    }

  draw_site_labels (self, cr, frame, &placer, 0, 0);

  for (guint i = 0; i < places->len; i++)
    {
      const PinPlace *place = &g_array_index (places, PinPlace, i);
      g_autofree char *markup = NULL;

      if (!place->pin->on_track || place == selected || !cosmo_event_get_chapter (place->pin->event))
        continue;
      markup = pin_label_markup (place->pin, 1);
      place_label (self, cr, &placer, frame, place->x, place->y, PIN_RADIUS + 5,
                   PLACE_ANY, TEXT_NORMAL, markup, TRUE, &pal->label);
    }

  draw_site_labels (self, cr, frame, &placer, 1, 4);
  draw_zones (self, cr, frame, &placer, TRUE);
  draw_altitude_marks (self, cr, frame, &placer);
  draw_debris (self, cr, frame, &placer);
  draw_site_labels (self, cr, frame, &placer, 5, 5);

  cairo_restore (cr);
  placer_clear (&placer);
}

CosmoEvent *
cosmo_track_renderer_pick_pin (CosmoTrackRenderer  *self,
                               const CosmoMapFrame *frame,
                               double               x,
                               double               y)
{
  g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (PinPlace));
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (PinGroup));
  CosmoEvent *best = NULL;
  double best_d2 = (PIN_RADIUS + 4) * (PIN_RADIUS + 4);

  g_return_val_if_fail (COSMO_IS_TRACK_RENDERER (self), NULL);
  g_return_val_if_fail (frame != NULL, NULL);

  layout_pins (self, frame, places, groups);
  for (guint i = 0; i < places->len; i++)
    {
      const PinPlace *place = &g_array_index (places, PinPlace, i);
      double d2 = (place->x - x) * (place->x - x) + (place->y - y) * (place->y - y);

      if (d2 <= best_d2)
        {
          best_d2 = d2;
          best = place->pin->event;
        }
    }
  return best;
}

void
cosmo_track_renderer_draw (CosmoTrackRenderer  *self,
                           cairo_t             *cr,
                           const CosmoMapFrame *frame,
                           double               t)
{
  cosmo_track_renderer_draw_base (self, cr, frame);
  cosmo_track_renderer_draw_flown (self, cr, frame, t);
  cosmo_track_renderer_draw_pins (self, cr, frame);
  cosmo_track_renderer_draw_vehicle (self, cr, frame, t);
}

/* ------------------------------------------------------------------ */
/* Legend                                                              */
/* ------------------------------------------------------------------ */

void
cosmo_track_renderer_draw_legend (CosmoTrackRenderer *self,
                                  cairo_t            *cr,
                                  double              x,
                                  double              y,
                                  double             *width,
                                  double             *height)
{
  const Palette *pal;
  g_autofree char *provenance = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) prov = NULL;
  PangoLayout *ticks[3] = { NULL, };
  cairo_surface_t *scratch = NULL;
  cairo_t *measure;
  const double pad = 10, bar_w = 180, bar_h = 10;
  int tw, th, pw, ph, kw, kh;
  double w, h;

  g_return_if_fail (COSMO_IS_TRACK_RENDERER (self));

  pal = &palettes[self->style];
  provenance = cosmo_track_renderer_get_provenance_text (self);
  if (provenance == NULL)
    {
      if (width) *width = 0;
      if (height) *height = 0;
      return;
    }

  if (cr != NULL)
    measure = cairo_reference (cr);
  else
    {
      scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      measure = cairo_create (scratch);
    }

  title = make_layout (self, measure, TEXT_SMALL, _("Altitude along the ground track"), FALSE);
  prov = make_layout (self, measure, TEXT_SMALL, provenance, FALSE);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text = g_strdup_printf (_("%.0f km"), RAMP_TOP / 1000 * i / 2);
      ticks[i] = make_layout (self, measure, TEXT_SMALL, text, FALSE);
    }
  pango_layout_get_pixel_size (title, &tw, &th);
  pango_layout_get_pixel_size (prov, &pw, &ph);
  pango_layout_get_pixel_size (ticks[2], &kw, &kh);

  w = 2 * pad + MAX (MAX (tw, pw), bar_w + kw / 2.0);
  h = pad + th + 4 + bar_h + 2 + kh + 6 + 14 + 6 + ph + pad;

  if (cr != NULL)
    {
      double cy = y + pad;
      double rad = 8;
      static const double dash[] = { 7, 5 };

      cairo_save (cr);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x + w - rad, y + rad, rad, -G_PI / 2, 0);
      cairo_arc (cr, x + w - rad, y + h - rad, rad, 0, G_PI / 2);
      cairo_arc (cr, x + rad, y + h - rad, rad, G_PI / 2, G_PI);
      cairo_arc (cr, x + rad, y + rad, rad, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
      set_rgba (cr, &pal->panel);
      cairo_fill_preserve (cr);
      set_rgba (cr, &pal->panel_border);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);

      set_rgba (cr, &pal->label);
      cairo_move_to (cr, x + pad, cy);
      pango_cairo_show_layout (cr, title);
      cy += th + 4;

      for (int i = 0; i < (int) bar_w; i++)
        {
          Rgba c;

          ramp_color (i / bar_w, &c);
          cairo_rectangle (cr, x + pad + i, cy, 1.5, bar_h);
          cairo_set_source_rgb (cr, c.r, c.g, c.b);
          cairo_fill (cr);
        }
      cairo_rectangle (cr, x + pad + 0.5, cy + 0.5, bar_w - 1, bar_h - 1);
      set_rgba (cr, &pal->casing);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      cy += bar_h + 2;
      for (guint i = 0; i < 3; i++)
        {
          int iw, ih;

          pango_layout_get_pixel_size (ticks[i], &iw, &ih);
          cairo_move_to (cr, x + pad + CLAMP (bar_w * i / 2 - iw / 2.0, 0, bar_w - iw / 2.0), cy);
          set_rgba (cr, &pal->label);
          pango_cairo_show_layout (cr, ticks[i]);
        }
      cy += kh + 6;

      /* Flown (solid) and still to fly (dashed) samples. */
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to (cr, x + pad + 4, cy + 7);
      cairo_line_to (cr, x + pad + 40, cy + 7);
      set_rgba (cr, &pal->casing);
      cairo_set_line_width (cr, 8);
      cairo_stroke (cr);
      cairo_move_to (cr, x + pad + 4, cy + 7);
      cairo_line_to (cr, x + pad + 40, cy + 7);
      cairo_set_source_rgb (cr, ramp_stops[2].r, ramp_stops[2].g, ramp_stops[2].b);
      cairo_set_line_width (cr, 5);
      cairo_stroke (cr);
      {
        g_autoptr(PangoLayout) flown = make_layout (self, cr, TEXT_SMALL, _("flown"), FALSE);
        g_autoptr(PangoLayout) to_fly = make_layout (self, cr, TEXT_SMALL, _("to fly"), FALSE);
        int fw, fh;

        pango_layout_get_pixel_size (flown, &fw, &fh);
        set_rgba (cr, &pal->label);
        cairo_move_to (cr, x + pad + 48, cy + 7 - fh / 2.0);
        pango_cairo_show_layout (cr, flown);

        cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
        cairo_move_to (cr, x + pad + 56 + fw, cy + 7);
        cairo_line_to (cr, x + pad + 92 + fw, cy + 7);
        set_rgba (cr, &pal->casing);
        cairo_set_line_width (cr, 4.5);
        cairo_stroke (cr);
        cairo_set_dash (cr, dash, 2, 0);
        cairo_move_to (cr, x + pad + 56 + fw, cy + 7);
        cairo_line_to (cr, x + pad + 92 + fw, cy + 7);
        cairo_set_source_rgb (cr, ramp_stops[4].r, ramp_stops[4].g, ramp_stops[4].b);
        cairo_set_line_width (cr, 2.5);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
        set_rgba (cr, &pal->label);
        cairo_move_to (cr, x + pad + 100 + fw, cy + 7 - fh / 2.0);
        pango_cairo_show_layout (cr, to_fly);
      }
      cy += 14 + 6;

      set_rgba (cr, &pal->label);
      cairo_move_to (cr, x + pad, cy);
      pango_cairo_show_layout (cr, prov);
      cairo_restore (cr);
    }

  for (guint i = 0; i < 3; i++)
    g_object_unref (ticks[i]);
  cairo_destroy (measure);
  g_clear_pointer (&scratch, cairo_surface_destroy);
  if (width) *width = w;
  if (height) *height = h;
}

/* ------------------------------------------------------------------ */
/* A whole view, without a widget                                      */
/* ------------------------------------------------------------------ */

void
cosmo_track_renderer_render_view (CosmoTrackRenderer *self,
                                  cairo_t            *cr,
                                  CosmoBasemap       *basemap,
                                  double              center_latitude,
                                  double              center_longitude,
                                  double              zoom,
                                  double              width,
                                  double              height,
                                  double              t,
                                  double              scale)
{
  const CosmoBasemapStyle *style;
  CosmoMapFrame frame;
  double w, h, z;

  g_return_if_fail (COSMO_IS_TRACK_RENDERER (self));
  g_return_if_fail (basemap == NULL || COSMO_IS_BASEMAP (basemap));

  if (!(scale > 0) || width <= 0 || height <= 0)
    return;

  /* Drawing a frame @scale times smaller under a cairo scale makes every
   * line and label @scale times bigger and keeps the ground the same. */
  w = width / scale;
  h = height / scale;
  z = zoom - log2 (scale);
  style = cosmo_basemap_style_get (self->style);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_scale (cr, scale, scale);
  if (basemap != NULL)
    cosmo_basemap_render_view (basemap, cr, center_latitude, center_longitude, z,
                               (int) ceil (w), (int) ceil (h), style);
  else
    {
      cairo_set_source_rgba (cr, style->land.red, style->land.green, style->land.blue, 1);
      cairo_paint (cr);
    }
  cosmo_map_frame_init (&frame, center_latitude, center_longitude, z, w, h, 0);
  cosmo_track_renderer_draw (self, cr, &frame, t);
  cairo_restore (cr);
}
