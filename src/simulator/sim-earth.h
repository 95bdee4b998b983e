/* sim-earth.h: Earth model of the ascent simulator
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Choice: a ROTATING WGS84 EARTH.  Positions, latitudes and altitudes are
 * geodetic on the WGS84 ellipsoid; gravity is the inverse-square term plus the
 * J2 zonal harmonic (the dominant term of the ellipsoid's field); the Earth
 * turns at the WGS84 rate about its polar axis.
 *
 * Frames:
 *  - ECI: Earth-centred inertial, z = north pole, x = Greenwich meridian at T0
 *    (the frame is simply frozen at liftoff; precession and nutation over a
 *    ten-minute flight are irrelevant).
 *  - ECEF: Earth-fixed; ECEF = Rz(-omega * t) ECI.
 */
#pragma once

#include "sim-math.h"

/* WGS84 defining constants (NIMA TR8350.2) and the EGM96 J2 value. */
#define SIM_WGS84_A      6378137.0
#define SIM_WGS84_F      (1.0 / 298.257223563)
#define SIM_WGS84_GM     3.986004418e14
#define SIM_WGS84_OMEGA  7.292115e-5
#define SIM_EARTH_J2     1.08262982e-3
/* IUGG mean Earth radius, used only for great-circle distances. */
#define SIM_MEAN_RADIUS  6371008.8
/* Standard gravity, by definition (also the Isp conversion factor). */
#define SIM_G0           9.80665

typedef struct
{
  double lat;  /* geodetic latitude, radians */
  double lon;  /* longitude, radians, -pi..pi */
  double h;    /* height above the ellipsoid, metres */
} SimGeodetic;

SimVec3     sim_geodetic_to_ecef (SimGeodetic g);
SimGeodetic sim_ecef_to_geodetic (SimVec3 r);

SimVec3     sim_eci_to_ecef      (SimVec3 r, double t);
SimVec3     sim_ecef_to_eci      (SimVec3 r, double t);

/* Gravitational acceleration (m/s^2), point mass + J2, for a position in
 * either frame (the field is axially symmetric). */
SimVec3     sim_gravity          (SimVec3 r);

/* Velocity of the air (co-rotating with the Earth) at ECI position r. */
SimVec3     sim_earth_surface_velocity (SimVec3 r_eci);

/* Local east / north / up unit vectors (geodetic), in ECEF. */
void        sim_enu_basis        (double   lat,
                                  double   lon,
                                  SimVec3 *east,
                                  SimVec3 *north,
                                  SimVec3 *up);

/* Great circle on a sphere of the IUGG mean radius; angles in radians. */
double      sim_great_circle_m   (double lat1, double lon1, double lat2, double lon2);
double      sim_initial_bearing  (double lat1, double lon1, double lat2, double lon2);
void        sim_destination      (double  lat1,
                                  double  lon1,
                                  double  bearing,
                                  double  dist_m,
                                  double *lat2,
                                  double *lon2);

/* Two-body osculating elements of an ECI state. Altitudes above the WGS84
 * equatorial radius (the usual convention for quoted perigee/apogee). */
typedef struct
{
  double a;              /* semi-major axis, m */
  double e;
  double inclination;    /* radians */
  double perigee_alt;    /* m above SIM_WGS84_A */
  double apogee_alt;     /* m above SIM_WGS84_A */
  double period;         /* s */
} SimOrbit;

void        sim_orbit_from_state (SimVec3 r, SimVec3 v, SimOrbit *orbit);
