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

G_END_DECLS
