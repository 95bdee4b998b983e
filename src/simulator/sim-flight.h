/* sim-flight.h: powered ascent, guidance and ballistic debris
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdbool.h>

#include "sim-earth.h"
#include "sim-params.h"

/* One output sample (vehicle or debris). */
typedef struct
{
  double      t;
  SimVec3     r;              /* ECI, m */
  SimVec3     v;              /* ECI, m/s */
  double      mass;           /* kg */
  double      thrust;         /* N */
  double      sensed_accel;   /* |thrust + drag| / m, m/s^2 */
  double      q;              /* Pa */
  double      mach;
  bool        mach_defined;   /* false above the 86 km top of the model */
  SimGeodetic geo;
  double      speed;          /* relative to the rotating ground, m/s */
  double      inertial_speed; /* m/s */
  double      downrange;      /* great circle from the pad, m */
  double      fpa;            /* ground-relative flight path angle, rad */
} SimSample;

/* A state handed over at a separation event. */
typedef struct
{
  double  t;
  SimVec3 r;
  SimVec3 v;
  SimVec3 axis;   /* vehicle long axis (thrust direction), ECI unit vector */
} SimSeparation;

typedef struct
{
  GArray       *samples;          /* SimSample, at params->output_hz */
  SimSeparation booster_sep;
  SimSeparation core_sep;
  double        launch_azimuth_inertial;  /* rad */
  double        launch_azimuth_ground;    /* rad */
  double        gravity_turn_start;       /* s */
  double        cutoff_time;              /* s */
  bool          cutoff_guided;            /* false: propellant depletion */
  double        third_propellant_used;    /* kg */
  double        staging_pitch;            /* solved, rad */
  double        tangent_rate;             /* solved, 1/s */
  int           solver_iterations;
  double        solver_radius_error;      /* m */
  double        solver_fpa_error;         /* rad */
  SimVec3       r_final, v_final;         /* at spacecraft separation */
} SimFlightResult;

gboolean sim_flight_run   (const SimParams  *params,
                           SimFlightResult  *result,
                           GError          **error);
void     sim_flight_clear (SimFlightResult  *result);

/* Fill a SimSample's derived fields (geo, speeds, downrange, fpa) from t, r, v. */
void     sim_sample_derive (const SimParams *params, SimSample *s);

typedef struct
{
  GArray *samples;    /* SimSample (t, r, v and derived fields only) */
  double  impact_t;
  double  impact_lat; /* rad */
  double  impact_lon; /* rad */
} SimDebrisResult;

/* Ballistic flight with drag (ballistic coefficient beta, kg/m^2) from a
 * separation state, sampled every output_every seconds and at impact. */
void     sim_debris_propagate (const SimParams *params,
                               double           t0,
                               SimVec3          r0,
                               SimVec3          v0,
                               double           beta,
                               double           output_every,
                               SimDebrisResult *result);
void     sim_debris_clear     (SimDebrisResult *result);

/* Minimum and maximum geodetic altitude over one revolution after the
 * state (r, v) at time t (J2 gravity, no drag). */
void     sim_first_revolution (double  t,
                               SimVec3 r,
                               SimVec3 v,
                               double  period,
                               double *min_alt,
                               double *max_alt);
