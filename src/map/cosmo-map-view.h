/* cosmo-map-view.h: The map of the launch site and the ascent corridor
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cosmo-session.h"

G_BEGIN_DECLS

#define COSMO_TYPE_MAP_VIEW (cosmo_map_view_get_type ())
G_DECLARE_FINAL_TYPE (CosmoMapView, cosmo_map_view, COSMO, MAP_VIEW, GtkWidget)

GtkWidget    *cosmo_map_view_new         (void);
CosmoSession *cosmo_map_view_get_session (CosmoMapView *self);
void          cosmo_map_view_set_session (CosmoMapView *self,
                                         CosmoSession *session);
/* TRUE when everything visible has been drawn (tiles included). */
gboolean      cosmo_map_view_get_ready   (CosmoMapView *self);

/* Online OpenStreetMap tiles instead of the offline basemap (off by
 * default; the offline basemap stays the fallback without a network).
 * Also the "online" property, for g_settings_bind_with_mapping. */
void          cosmo_map_view_set_online  (CosmoMapView *self,
                                         gboolean      online);
gboolean      cosmo_map_view_get_online  (CosmoMapView *self);
/* Keep the vehicle in the middle as the clock runs ("map.follow"). */
void          cosmo_map_view_set_follow  (CosmoMapView *self,
                                         gboolean      follow);
gboolean      cosmo_map_view_get_follow  (CosmoMapView *self);

/* Where (@latitude, @longitude) is in the map view's coordinates. */
void          cosmo_map_view_project     (CosmoMapView *self,
                                         double        latitude,
                                         double        longitude,
                                         double       *x,
                                         double       *y);
/* What a click at (@x, @y) does: select the event whose pin is there.
 * Returns the event selected, or NULL when there is no pin. (transfer none) */
CosmoEvent   *cosmo_map_view_activate_at (CosmoMapView *self,
                                         double        x,
                                         double        y);
/* For tests: the widget that hosts overlay @name ("base", "flown",
 * "pins", "vehicle") and the map widget itself. (transfer none) */
GtkWidget    *cosmo_map_view_get_layer   (CosmoMapView *self,
                                         const char   *name);
GtkWidget    *cosmo_map_view_get_map     (CosmoMapView *self);

G_END_DECLS
