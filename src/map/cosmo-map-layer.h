/* cosmo-map-layer.h: a libshumate layer that hosts one of the core's cairo overlays
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "cosmo-track-renderer.h"

G_BEGIN_DECLS

#define COSMO_TYPE_MAP_LAYER (cosmo_map_layer_get_type ())
G_DECLARE_FINAL_TYPE (CosmoMapLayer, cosmo_map_layer, COSMO, MAP_LAYER, ShumateLayer)

typedef void (*CosmoMapLayerDrawFunc) (CosmoMapLayer       *layer,
                                       cairo_t             *cr,
                                       const CosmoMapFrame *frame,
                                       gpointer             user_data);

CosmoMapLayer *cosmo_map_layer_new           (ShumateViewport       *viewport,
                                              const char            *name,
                                              CosmoMapLayerDrawFunc  func,
                                              gpointer               user_data);
/* The frame the layer draws with now: the viewport and the layer's size. */
void           cosmo_map_layer_get_frame     (CosmoMapLayer         *self,
                                              CosmoMapFrame         *frame);
/* Whether the layer's node covers only what it draws (for small layers
 * that redraw on every clock tick) rather than the whole widget. */
void           cosmo_map_layer_set_tight     (CosmoMapLayer         *self,
                                              gboolean               tight);
/* The frame the layer's overlay is drawn with: the widget's frame with
 * its pixels divided by the layer's scale (widget coordinates / scale). */
void           cosmo_map_layer_get_draw_frame (CosmoMapLayer        *self,
                                              CosmoMapFrame         *frame);
/* Lines, symbols and type @scale times bigger (presentation mode). */
void           cosmo_map_layer_set_scale     (CosmoMapLayer         *self,
                                              double                 scale);
double         cosmo_map_layer_get_scale     (CosmoMapLayer         *self);
/* How many times the layer has drawn itself. */
guint          cosmo_map_layer_get_n_draws   (CosmoMapLayer         *self);

G_END_DECLS
