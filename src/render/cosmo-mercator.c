/* cosmo-mercator.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "cosmo-mercator.h"

/**
 * cosmo_mercator_world_size:
 * @zoom: zoom level, may be fractional
 *
 * Returns: the width (and height) of the world in pixels at @zoom,
 *   256 * 2^@zoom.
 */
double
cosmo_mercator_world_size (double zoom)
{
  return COSMO_MERCATOR_TILE_SIZE * exp2 (zoom);
}

double
cosmo_mercator_clamp_latitude (double latitude)
{
  return CLAMP (latitude, -COSMO_MERCATOR_MAX_LATITUDE, COSMO_MERCATOR_MAX_LATITUDE);
}

/* Into [-180, 180). */
double
cosmo_mercator_wrap_longitude (double longitude)
{
  double l = fmod (longitude + 180.0, 360.0);

  if (l < 0)
    l += 360.0;

  return l - 180.0;
}

/**
 * cosmo_mercator_project:
 * @latitude: degrees north, clamped to the Mercator square
 * @longitude: degrees east; not wrapped, so 190 gives @u > 1
 * @u: (out): normalized x, 0 at 180 W and 1 at 180 E
 * @v: (out): normalized y, 0 at 85.0511 N and 1 at 85.0511 S
 */
void
cosmo_mercator_project (double  latitude,
                        double  longitude,
                        double *u,
                        double *v)
{
  double s = sin (cosmo_mercator_clamp_latitude (latitude) * G_PI / 180.0);

  /* 0.5 - atanh (sin lat) / 2 pi, written with log for precision. */
  *u = (longitude + 180.0) / 360.0;
  *v = 0.5 - log ((1.0 + s) / (1.0 - s)) / (4.0 * G_PI);
}

void
cosmo_mercator_unproject (double  u,
                          double  v,
                          double *latitude,
                          double *longitude)
{
  *longitude = u * 360.0 - 180.0;
  *latitude = atan (sinh (G_PI * (1.0 - 2.0 * v))) * 180.0 / G_PI;
}

void
cosmo_mercator_latlon_to_pixel (double  latitude,
                                double  longitude,
                                double  zoom,
                                double *x,
                                double *y)
{
  double size = cosmo_mercator_world_size (zoom);
  double u, v;

  cosmo_mercator_project (latitude, longitude, &u, &v);
  *x = u * size;
  *y = v * size;
}

void
cosmo_mercator_pixel_to_latlon (double  x,
                                double  y,
                                double  zoom,
                                double *latitude,
                                double *longitude)
{
  double size = cosmo_mercator_world_size (zoom);

  cosmo_mercator_unproject (x / size, y / size, latitude, longitude);
}

/**
 * cosmo_mercator_latlon_to_tile:
 *
 * The tile containing a point, clamped to the valid range of @zoom and
 * with the longitude wrapped.
 */
void
cosmo_mercator_latlon_to_tile (double  latitude,
                               double  longitude,
                               int     zoom,
                               int    *x,
                               int    *y)
{
  int n = 1 << CLAMP (zoom, 0, 30);
  double u, v;

  cosmo_mercator_project (latitude, cosmo_mercator_wrap_longitude (longitude), &u, &v);
  *x = CLAMP ((int) floor (u * n), 0, n - 1);
  *y = CLAMP ((int) floor (v * n), 0, n - 1);
}

void
cosmo_mercator_tile_bounds (int     zoom,
                            int     x,
                            int     y,
                            double *north,
                            double *west,
                            double *south,
                            double *east)
{
  double n = exp2 (zoom);
  double lat, lon;

  cosmo_mercator_unproject (x / n, y / n, &lat, &lon);
  if (north)
    *north = lat;
  if (west)
    *west = lon;
  cosmo_mercator_unproject ((x + 1) / n, (y + 1) / n, &lat, &lon);
  if (south)
    *south = lat;
  if (east)
    *east = lon;
}

/**
 * cosmo_mercator_ground_resolution:
 * @latitude: degrees north
 * @zoom: zoom level
 *
 * Returns: metres on the ground per world pixel at @latitude and @zoom
 *   (for the scale bar). Mercator stretches distances by 1 / cos (latitude).
 */
double
cosmo_mercator_ground_resolution (double latitude,
                                  double zoom)
{
  double lat = cosmo_mercator_clamp_latitude (latitude) * G_PI / 180.0;

  return cos (lat) * 2.0 * G_PI * COSMO_MERCATOR_EARTH_RADIUS / cosmo_mercator_world_size (zoom);
}
