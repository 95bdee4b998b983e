/* cosmo-tile-paintable.h: a rendered basemap tile that any GSK renderer draws without conversion
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COSMO_TYPE_TILE_PAINTABLE (cosmo_tile_paintable_get_type ())
G_DECLARE_FINAL_TYPE (CosmoTilePaintable, cosmo_tile_paintable, COSMO, TILE_PAINTABLE, GObject)

/* A paintable showing @surface (an ARGB32 image surface, copied). */
GdkPaintable *cosmo_tile_paintable_new (cairo_surface_t *surface);

G_END_DECLS
