/* cosmo-track-renderer.h: the map's overlays (track, vehicle, sites, zones, pins) in plain cairo
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A CosmoTrackRenderer draws what a mission puts on a map: fall zones,
 * debris paths, the ground track (decimated to pixels through a
 * precomputed level-of-detail pyramid), the launch site's features, the
 * vehicle at a mission time and the event pins. It draws into any cairo_t
 * through a CosmoMapFrame, so the map widget, image exports and the
 * briefing document share one drawing and none of them needs a display.
 */
#pragma once

#include <cairo.h>

#include "cosmo-basemap.h"
#include "cosmo-mission.h"

G_BEGIN_DECLS

/* Where the Web-Mercator plane lands on a surface: the same arithmetic as
 * ShumateViewport (world pixels 256 * 2^zoom, the view's centre in the
 * middle of the surface, then a rotation about that middle). */
typedef struct
{
  double zoom;
  double world_size;   /* pixels: 256 * 2^zoom */
  double center_x;     /* world pixels of the surface's middle */
  double center_y;
  double width;        /* surface size, pixels */
  double height;
  double rotation;     /* radians, clockwise, as ShumateViewport */
  double cos_r;
  double sin_r;
} CosmoMapFrame;

void     cosmo_map_frame_init                  (CosmoMapFrame *frame,
                                                double         center_latitude,
                                                double         center_longitude,
                                                double         zoom,
                                                double         width,
                                                double         height,
                                                double         rotation);
void     cosmo_map_frame_project               (const CosmoMapFrame *frame,
                                                double               latitude,
                                                double               longitude,
                                                double              *x,
                                                double              *y);
void     cosmo_map_frame_unproject             (const CosmoMapFrame *frame,
                                                double               x,
                                                double               y,
                                                double              *latitude,
                                                double              *longitude);
/* The centre and zoom that show the box within @width x @height less
 * @padding on each side, clamped to [@min_zoom, @max_zoom]. */
void     cosmo_map_frame_fit                   (double  south,
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
                                                double *zoom);

#define COSMO_TYPE_TRACK_RENDERER (cosmo_track_renderer_get_type ())
G_DECLARE_FINAL_TYPE (CosmoTrackRenderer, cosmo_track_renderer, COSMO, TRACK_RENDERER, GObject)

CosmoTrackRenderer *cosmo_track_renderer_new              (CosmoMission          *mission);
CosmoMission       *cosmo_track_renderer_get_mission      (CosmoTrackRenderer    *self);
void                cosmo_track_renderer_set_style        (CosmoTrackRenderer    *self,
                                                           CosmoBasemapStyleKind  kind);
CosmoBasemapStyleKind cosmo_track_renderer_get_style      (CosmoTrackRenderer    *self);
/* Label size factor (projectors, HiDPI exports); 1 by default. */
void                cosmo_track_renderer_set_text_scale   (CosmoTrackRenderer    *self,
                                                           double                 scale);
void                cosmo_track_renderer_set_selected_event (CosmoTrackRenderer  *self,
                                                           CosmoEvent            *event);
/* FALSE when the basemap under the overlays already names the towns. */
void                cosmo_track_renderer_set_label_towns  (CosmoTrackRenderer    *self,
                                                           gboolean               label_towns);

/* The ground track's box, the primary site included. FALSE without a track. */
gboolean            cosmo_track_renderer_get_track_bounds (CosmoTrackRenderer    *self,
                                                           double                *south,
                                                           double                *west,
                                                           double                *north,
                                                           double                *east);
/* Where the vehicle is at @t (held at the ends of the track). */
gboolean            cosmo_track_renderer_get_vehicle      (CosmoTrackRenderer    *self,
                                                           double                 t,
                                                           double                *latitude,
                                                           double                *longitude,
                                                           double                *altitude);
/* Where @event is pinned: its own place, or the vehicle's position at its
 * time when it happened in flight. FALSE when it has no place on the map. */
gboolean            cosmo_track_renderer_get_event_location (CosmoTrackRenderer  *self,
                                                           CosmoEvent            *event,
                                                           double                *latitude,
                                                           double                *longitude);
/* "Trajectory: reconstructed from published figures", or NULL. */
char               *cosmo_track_renderer_get_provenance_text (CosmoTrackRenderer *self);
/* "reconstructed", "measured", ... or NULL without a track. */
const char         *cosmo_track_renderer_get_provenance_word (CosmoTrackRenderer *self);

/* The layers, bottom to top. draw_base: zones, debris, the whole track as
 * still to fly, sites with labels. draw_flown: the part flown by @t.
 * draw_pins: event pins, staging and altitude labels. draw_vehicle: the
 * vehicle at @t. draw: all of them. */
void                cosmo_track_renderer_draw_base        (CosmoTrackRenderer    *self,
                                                           cairo_t               *cr,
                                                           const CosmoMapFrame   *frame);
void                cosmo_track_renderer_draw_flown       (CosmoTrackRenderer    *self,
                                                           cairo_t               *cr,
                                                           const CosmoMapFrame   *frame,
                                                           double                 t);
void                cosmo_track_renderer_draw_pins        (CosmoTrackRenderer    *self,
                                                           cairo_t               *cr,
                                                           const CosmoMapFrame   *frame);
void                cosmo_track_renderer_draw_vehicle     (CosmoTrackRenderer    *self,
                                                           cairo_t               *cr,
                                                           const CosmoMapFrame   *frame,
                                                           double                 t);
void                cosmo_track_renderer_draw             (CosmoTrackRenderer    *self,
                                                           cairo_t               *cr,
                                                           const CosmoMapFrame   *frame,
                                                           double                 t);
/* The legend (altitude colour ramp and the track's provenance) with its
 * top-left corner at (@x, @y); returns its size when @cr is NULL too. */
void                cosmo_track_renderer_draw_legend      (CosmoTrackRenderer    *self,
                                                           cairo_t               *cr,
                                                           double                 x,
                                                           double                 y,
                                                           double                *width,
                                                           double                *height);

/* The event whose pin is under (@x, @y), or NULL. (transfer none) */
CosmoEvent         *cosmo_track_renderer_pick_pin         (CosmoTrackRenderer    *self,
                                                           const CosmoMapFrame   *frame,
                                                           double                 x,
                                                           double                 y);

/* The whole map at mission time @t into @cr's (0, 0, @width, @height):
 * the basemap in the renderer's style (plain land without one), then
 * every overlay. @zoom is the zoom for that surface; @scale multiplies
 * lines, symbols and type (a projector, a printed page) without changing
 * the ground shown. For exports and the briefing, which have no widget. */
void                cosmo_track_renderer_render_view      (CosmoTrackRenderer    *self,
                                                           cairo_t               *cr,
                                                           CosmoBasemap          *basemap,
                                                           double                 center_latitude,
                                                           double                 center_longitude,
                                                           double                 zoom,
                                                           double                 width,
                                                           double                 height,
                                                           double                 t,
                                                           double                 scale);

G_END_DECLS
