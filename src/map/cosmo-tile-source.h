/* cosmo-tile-source.h: the offline basemap as a libshumate map source
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "cosmo-basemap.h"

G_BEGIN_DECLS

#define COSMO_TYPE_TILE_SOURCE (cosmo_tile_source_get_type ())
G_DECLARE_FINAL_TYPE (CosmoTileSource, cosmo_tile_source, COSMO, TILE_SOURCE, ShumateMapSource)

CosmoTileSource *cosmo_tile_source_new          (CosmoBasemap          *basemap,
                                                 CosmoBasemapStyleKind  style);
/* Tiles from the process's basemap (cosmo_basemap_get_default()), loaded by
 * the first tile's worker thread so that start-up never waits for it;
 * plain land when there is none. */
CosmoTileSource *cosmo_tile_source_new_default  (CosmoBasemapStyleKind  style);
CosmoBasemapStyleKind cosmo_tile_source_get_style (CosmoTileSource     *self);
/* Tiles asked for and not delivered yet. */
guint            cosmo_tile_source_get_pending  (CosmoTileSource       *self);
/* Tiles delivered since the source was made. */
guint            cosmo_tile_source_get_n_filled (CosmoTileSource       *self);
/* Whether tile @zoom/@x/@y has been delivered. */
gboolean         cosmo_tile_source_has_tile     (CosmoTileSource       *self,
                                                 int                    zoom,
                                                 int                    x,
                                                 int                    y);

G_END_DECLS
