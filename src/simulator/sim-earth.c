/* sim-earth.c: rotating WGS84 Earth with J2 gravity
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sim-earth.h"

#define WGS84_E2 (SIM_WGS84_F * (2.0 - SIM_WGS84_F))

SimVec3
sim_geodetic_to_ecef (SimGeodetic g)
{
  double s = sin (g.lat);
  double c = cos (g.lat);
  double n = SIM_WGS84_A / sqrt (1.0 - WGS84_E2 * s * s);

  return sim_vec3 ((n + g.h) * c * cos (g.lon),
                   (n + g.h) * c * sin (g.lon),
                   (n * (1.0 - WGS84_E2) + g.h) * s);
}

/* Fixed-point iteration on the latitude; six rounds are far below a
 * millimetre for any altitude this tool sees, and a fixed count keeps the
 * arithmetic identical from run to run. */
SimGeodetic
sim_ecef_to_geodetic (SimVec3 r)
{
  SimGeodetic g;
  double p = hypot (r.x, r.y);
  double lat = atan2 (r.z, p * (1.0 - WGS84_E2));
  double n = SIM_WGS84_A;
  double h = 0.0;

  for (int i = 0; i < 6; i++)
    {
      double s = sin (lat);

      n = SIM_WGS84_A / sqrt (1.0 - WGS84_E2 * s * s);
      h = p / cos (lat) - n;
      lat = atan2 (r.z, p * (1.0 - WGS84_E2 * n / (n + h)));
    }

  {
    double s = sin (lat);
    n = SIM_WGS84_A / sqrt (1.0 - WGS84_E2 * s * s);
    h = p / cos (lat) - n;
  }

  g.lat = lat;
  g.lon = atan2 (r.y, r.x);
  g.h = h;
  return g;
}

SimVec3
sim_eci_to_ecef (SimVec3 r,
                 double  t)
{
  double a = SIM_WGS84_OMEGA * t;
  double c = cos (a);
  double s = sin (a);

  return sim_vec3 (c * r.x + s * r.y, -s * r.x + c * r.y, r.z);
}

SimVec3
sim_ecef_to_eci (SimVec3 r,
                 double  t)
{
  double a = SIM_WGS84_OMEGA * t;
  double c = cos (a);
  double s = sin (a);

  return sim_vec3 (c * r.x - s * r.y, s * r.x + c * r.y, r.z);
}

/* a = -GM r / |r|^3 * [1 + 3/2 J2 (Re/r)^2 (1 - 5 z^2/r^2)]   (x, y)
 *     -GM z / |r|^3 * [1 + 3/2 J2 (Re/r)^2 (3 - 5 z^2/r^2)]   (z)        */
SimVec3
sim_gravity (SimVec3 r)
{
  double r2 = sim_vec3_dot (r, r);
  double rn = sqrt (r2);
  double k = -SIM_WGS84_GM / (r2 * rn);
  double j = 1.5 * SIM_EARTH_J2 * SIM_WGS84_A * SIM_WGS84_A / r2;
  double zz = r.z * r.z / r2;

  return sim_vec3 (k * r.x * (1.0 + j * (1.0 - 5.0 * zz)),
                   k * r.y * (1.0 + j * (1.0 - 5.0 * zz)),
                   k * r.z * (1.0 + j * (3.0 - 5.0 * zz)));
}

SimVec3
sim_earth_surface_velocity (SimVec3 r_eci)
{
  return sim_vec3 (-SIM_WGS84_OMEGA * r_eci.y, SIM_WGS84_OMEGA * r_eci.x, 0.0);
}

void
sim_enu_basis (double   lat,
               double   lon,
               SimVec3 *east,
               SimVec3 *north,
               SimVec3 *up)
{
  double sl = sin (lat), cl = cos (lat);
  double so = sin (lon), co = cos (lon);

  *east = sim_vec3 (-so, co, 0.0);
  *north = sim_vec3 (-sl * co, -sl * so, cl);
  *up = sim_vec3 (cl * co, cl * so, sl);
}

double
sim_great_circle_m (double lat1,
                    double lon1,
                    double lat2,
                    double lon2)
{
  double dlat = sin ((lat2 - lat1) / 2.0);
  double dlon = sin ((lon2 - lon1) / 2.0);
  double h = dlat * dlat + cos (lat1) * cos (lat2) * dlon * dlon;

  if (h > 1.0)
    h = 1.0;
  return 2.0 * SIM_MEAN_RADIUS * asin (sqrt (h));
}

double
sim_initial_bearing (double lat1,
                     double lon1,
                     double lat2,
                     double lon2)
{
  double y = sin (lon2 - lon1) * cos (lat2);
  double x = cos (lat1) * sin (lat2) - sin (lat1) * cos (lat2) * cos (lon2 - lon1);
  double b = atan2 (y, x);

  if (b < 0.0)
    b += 2.0 * M_PI;
  return b;
}

void
sim_destination (double  lat1,
                 double  lon1,
                 double  bearing,
                 double  dist_m,
                 double *lat2,
                 double *lon2)
{
  double d = dist_m / SIM_MEAN_RADIUS;
  double la = asin (sin (lat1) * cos (d) + cos (lat1) * sin (d) * cos (bearing));
  double lo = lon1 + atan2 (sin (bearing) * sin (d) * cos (lat1),
                            cos (d) - sin (lat1) * sin (la));

  *lat2 = la;
  *lon2 = remainder (lo, 2.0 * M_PI);
}

void
sim_orbit_from_state (SimVec3   r,
                      SimVec3   v,
                      SimOrbit *orbit)
{
  double mu = SIM_WGS84_GM;
  double rn = sim_vec3_norm (r);
  double v2 = sim_vec3_dot (v, v);
  SimVec3 h = sim_vec3_cross (r, v);
  double energy = v2 / 2.0 - mu / rn;
  SimVec3 evec;

  evec = sim_vec3_sub (sim_vec3_scale (r, v2 - mu / rn),
                       sim_vec3_scale (v, sim_vec3_dot (r, v)));
  evec = sim_vec3_scale (evec, 1.0 / mu);

  orbit->a = -mu / (2.0 * energy);
  orbit->e = sim_vec3_norm (evec);
  orbit->inclination = acos (h.z / sim_vec3_norm (h));
  orbit->perigee_alt = orbit->a * (1.0 - orbit->e) - SIM_WGS84_A;
  orbit->apogee_alt = orbit->a * (1.0 + orbit->e) - SIM_WGS84_A;
  orbit->period = orbit->a > 0.0 ? 2.0 * M_PI * sqrt (orbit->a * orbit->a * orbit->a / mu) : 0.0;
}
