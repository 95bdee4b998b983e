/* cosmo-mercator.h: Web-Mercator (EPSG:3857) helpers for maps and tiles
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "World pixels" follow the slippy-map convention shared with libshumate:
 * at zoom z the whole world is 256 * 2^z pixels wide and high, x grows
 * eastward from 180 W and y grows southward from 85.0511 N. Tile (x, y) at
 * zoom z covers world pixels [256 x, 256 (x + 1)) by [256 y, 256 (y + 1)).
 * Zoom may be fractional. "Normalized" coordinates are world pixels divided
 * by the world size, so they lie in [0, 1] for any zoom.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The latitude at which the Mercator square ends (atan (sinh (pi))). */
#define COSMO_MERCATOR_MAX_LATITUDE 85.05112877980659
/* WGS84 semi-major axis, the sphere radius EPSG:3857 uses. */
#define COSMO_MERCATOR_EARTH_RADIUS 6378137.0
#define COSMO_MERCATOR_TILE_SIZE 256

double   cosmo_mercator_world_size         (double  zoom);
double   cosmo_mercator_clamp_latitude     (double  latitude);
double   cosmo_mercator_wrap_longitude     (double  longitude);

void     cosmo_mercator_project            (double  latitude,
                                            double  longitude,
                                            double *u,
                                            double *v);
void     cosmo_mercator_unproject          (double  u,
                                            double  v,
                                            double *latitude,
                                            double *longitude);

void     cosmo_mercator_latlon_to_pixel    (double  latitude,
                                            double  longitude,
                                            double  zoom,
                                            double *x,
                                            double *y);
void     cosmo_mercator_pixel_to_latlon    (double  x,
                                            double  y,
                                            double  zoom,
                                            double *latitude,
                                            double *longitude);

void     cosmo_mercator_latlon_to_tile     (double  latitude,
                                            double  longitude,
                                            int     zoom,
                                            int    *x,
                                            int    *y);
void     cosmo_mercator_tile_bounds        (int     zoom,
                                            int     x,
                                            int     y,
                                            double *north,
                                            double *west,
                                            double *south,
                                            double *east);

double   cosmo_mercator_ground_resolution  (double  latitude,
                                            double  zoom);

G_END_DECLS
