/* sim-params.h: the simulator's inputs, read from a GKeyFile
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#define SIM_N_BOOSTERS 4
#define SIM_MAX_CD     32

typedef struct
{
  /* SI units throughout (kg, N, s, m, rad) once loaded. */
  double thrust_sl;
  double thrust_vac;
  double isp_sl;          /* published, used only for the consistency check */
  double isp_vac;
  double mass_full;       /* published gross mass */
  double mass_dry;        /* published empty mass */
  double h2o2;            /* turbopump hydrogen peroxide, burned at a constant rate */
  double cutoff;          /* s after T0 */
  double separation;      /* s after T0 */
  double throttle_start;  /* s after T0; thrust and flow scaled from here */
  double throttle_level;  /* fraction of full thrust (1: no throttling) */

  /* derived */
  double exit_area;       /* Ae = (F_vac - F_sl) / p_sl */
  double mdot;            /* main propellant flow = F_vac / (Isp_vac g0) */
  double mdot_h2o2;       /* h2o2 / full-thrust-equivalent burn time */
  double full_equivalent_burn;  /* throttle_start + level * (cutoff - throttle_start) */
  double mass_at_separation;  /* full - burned */
  double residual;            /* mass_at_separation - dry: unburned propellant, gases */
} SimEngineStage;

typedef struct
{
  /* launch */
  double site_lat, site_lon, site_elevation;
  double inclination;
  double liftoff_mass;

  SimEngineStage booster;   /* one of the four */
  SimEngineStage core;

  /* third stage (Blok I) */
  double third_thrust_vac;
  double third_isp_vac;
  double third_ignition;
  double third_nominal_cutoff;
  double third_reserve;
  double third_aft_mass;
  double third_aft_jettison;
  /* derived */
  double third_mdot;
  double third_propellant;
  double third_dry;         /* closes the liftoff mass budget */

  double spacecraft_mass;
  double spacecraft_separation;
  double tower_mass, tower_jettison;
  double fairing_mass, fairing_jettison;

  /* aerodynamics */
  double stack_area, core_area;
  int    n_cd;
  double cd_mach[SIM_MAX_CD];
  double cd_value[SIM_MAX_CD];

  /* guidance */
  double vertical_rise_end;
  double kick_end;
  double kick_angle;
  double target_perigee_alt;
  double target_apogee_alt;
  double exo_start;            /* end of the gravity turn */
  double exo_knot_time;
  double exo_knot_pitch;       /* relative offset, see sim-flight.c */
  double guess_pitch;
  double guess_rate;
  double plane_time_constant;
  double max_yaw;

  /* integration */
  double step;
  int    output_hz;

  /* debris */
  double booster_beta;
  double core_beta;
  double booster_sep_dv[SIM_N_BOOSTERS];
  double core_sep_dv;
  double beta_dispersion;
  double booster_margin;
  double core_margin;
  double debris_step;
  int    zone_vertices;

  /* pad (simulated, illustrative) */
  guint64 pad_seed;
  double pad_start, pad_end;
  int    pad_hz;
  double pad_ignition;
  double pad_main_stage;
  double pad_mic_distance;
  double pad_acoustic_efficiency;
  double pad_ambient_db;
  double pad_ambient_c;
  double pad_gas_rise_c;
  double pad_plume_height;
  double pad_heat_tau, pad_cool_tau;
  double pad_cabin_release;
  double pad_cabin_drop;
} SimParams;

#define SIM_ERROR (sim_error_quark ())
GQuark   sim_error_quark (void);

gboolean sim_params_load (const char *path, SimParams *params, GError **error);
