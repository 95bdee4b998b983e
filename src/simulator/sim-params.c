/* sim-params.c: read soyuz-2.1a.ini into SimParams
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sim-params.h"

#include "sim-atmosphere.h"
#include "sim-earth.h"

#include <string.h>

G_DEFINE_QUARK (sim-error-quark, sim_error)

typedef struct
{
  GKeyFile *kf;
  GError   *error;
} Reader;

static double
get_double (Reader     *rd,
            const char *group,
            const char *key)
{
  GError *local = NULL;
  double v;

  if (rd->error != NULL)
    return 0.0;
  v = g_key_file_get_double (rd->kf, group, key, &local);
  if (local != NULL)
    {
      g_propagate_prefixed_error (&rd->error, local, "[%s] %s: ", group, key);
      return 0.0;
    }
  if (!isfinite (v))
    {
      g_set_error (&rd->error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "[%s] %s: not a finite number", group, key);
      return 0.0;
    }
  return v;
}

static int
get_list (Reader     *rd,
          const char *group,
          const char *key,
          double     *out,
          int         max)
{
  GError *local = NULL;
  gsize n = 0;
  double *v;

  if (rd->error != NULL)
    return 0;
  v = g_key_file_get_double_list (rd->kf, group, key, &n, &local);
  if (local != NULL)
    {
      g_propagate_prefixed_error (&rd->error, local, "[%s] %s: ", group, key);
      return 0;
    }
  if (n == 0 || n > (gsize) max)
    {
      g_set_error (&rd->error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "[%s] %s: expected 1 to %d values, got %" G_GSIZE_FORMAT,
                   group, key, max, n);
      g_free (v);
      return 0;
    }
  for (gsize i = 0; i < n; i++)
    out[i] = v[i];
  g_free (v);
  return (int) n;
}

static double
get_double_default (Reader     *rd,
                    const char *group,
                    const char *key,
                    double      fallback)
{
  if (rd->error == NULL && !g_key_file_has_key (rd->kf, group, key, NULL))
    return fallback;
  return get_double (rd, group, key);
}

static void
read_engine_stage (Reader         *rd,
                   const char     *group,
                   SimEngineStage *s)
{
  s->mass_full = get_double (rd, group, "mass_full_t") * 1000.0;
  s->mass_dry = get_double (rd, group, "mass_dry_t") * 1000.0;
  s->h2o2 = get_double (rd, group, "h2o2_t") * 1000.0;
  s->thrust_sl = get_double (rd, group, "thrust_sl_kn") * 1000.0;
  s->thrust_vac = get_double (rd, group, "thrust_vac_kn") * 1000.0;
  s->isp_sl = get_double (rd, group, "isp_sl_s");
  s->isp_vac = get_double (rd, group, "isp_vac_s");
  s->cutoff = get_double (rd, group, "cutoff_s");
  s->separation = get_double (rd, group, "separation_s");
  s->throttle_start = get_double_default (rd, group, "throttle_start_s", s->cutoff);
  s->throttle_level = get_double_default (rd, group, "throttle_level", 1.0);
}

static void
derive_engine_stage (SimEngineStage *s)
{
  /* F(p) = F_vac - p Ae, so the sea-level/vacuum pair gives Ae. */
  s->exit_area = (s->thrust_vac - s->thrust_sl) / SIM_SEA_LEVEL_PRESSURE;
  /* The published Isp refers to the main propellants. */
  s->mdot = s->thrust_vac / (s->isp_vac * SIM_G0);
  /* Throttling scales thrust and flow together (Isp unchanged). */
  if (s->throttle_start > s->cutoff)
    s->throttle_start = s->cutoff;
  s->full_equivalent_burn = s->throttle_start
                            + s->throttle_level * (s->cutoff - s->throttle_start);
  s->mdot_h2o2 = s->h2o2 / s->full_equivalent_burn;
  s->mass_at_separation = s->mass_full - (s->mdot + s->mdot_h2o2) * s->full_equivalent_burn;
  s->residual = s->mass_at_separation - s->mass_dry;
}

gboolean
sim_params_load (const char  *path,
                 SimParams   *p,
                 GError     **error)
{
  Reader rd = { NULL, NULL };
  double tmp[SIM_MAX_CD];
  int n;

  memset (p, 0, sizeof *p);
  rd.kf = g_key_file_new ();
  if (!g_key_file_load_from_file (rd.kf, path, G_KEY_FILE_NONE, error))
    {
      g_key_file_unref (rd.kf);
      return FALSE;
    }

  p->site_lat = get_double (&rd, "launch", "site_lat_deg") * SIM_DEG;
  p->site_lon = get_double (&rd, "launch", "site_lon_deg") * SIM_DEG;
  p->site_elevation = get_double (&rd, "launch", "site_elevation_m");
  p->inclination = get_double (&rd, "launch", "inclination_deg") * SIM_DEG;
  p->liftoff_mass = get_double (&rd, "launch", "liftoff_mass_t") * 1000.0;

  read_engine_stage (&rd, "boosters", &p->booster);
  read_engine_stage (&rd, "core", &p->core);

  p->third_thrust_vac = get_double (&rd, "third_stage", "thrust_vac_kn") * 1000.0;
  p->third_isp_vac = get_double (&rd, "third_stage", "isp_vac_s");
  p->third_ignition = get_double (&rd, "third_stage", "ignition_s");
  p->third_nominal_cutoff = get_double (&rd, "third_stage", "nominal_cutoff_s");
  p->third_reserve = get_double (&rd, "third_stage", "propellant_reserve_t") * 1000.0;
  p->third_aft_mass = get_double (&rd, "third_stage", "aft_section_t") * 1000.0;
  p->third_aft_jettison = get_double (&rd, "third_stage", "aft_jettison_s");

  p->spacecraft_mass = get_double (&rd, "spacecraft", "mass_t") * 1000.0;
  p->spacecraft_separation = get_double (&rd, "spacecraft", "separation_s");
  p->tower_mass = get_double (&rd, "escape_tower", "mass_t") * 1000.0;
  p->tower_jettison = get_double (&rd, "escape_tower", "jettison_s");
  p->fairing_mass = get_double (&rd, "fairing", "mass_t") * 1000.0;
  p->fairing_jettison = get_double (&rd, "fairing", "jettison_s");

  p->stack_area = get_double (&rd, "aero", "stack_area_m2");
  p->core_area = get_double (&rd, "aero", "core_area_m2");
  p->n_cd = get_list (&rd, "aero", "mach", p->cd_mach, SIM_MAX_CD);
  n = get_list (&rd, "aero", "cd", p->cd_value, SIM_MAX_CD);
  if (rd.error == NULL && n != p->n_cd)
    g_set_error (&rd.error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                 "[aero] mach and cd must have the same length");
  for (int i = 1; rd.error == NULL && i < p->n_cd; i++)
    if (!(p->cd_mach[i] > p->cd_mach[i - 1]))
      g_set_error (&rd.error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "[aero] mach must be strictly increasing");

  p->vertical_rise_end = get_double (&rd, "guidance", "vertical_rise_end_s");
  p->kick_end = get_double (&rd, "guidance", "kick_end_s");
  p->kick_angle = get_double (&rd, "guidance", "kick_angle_deg") * SIM_DEG;
  p->target_perigee_alt = get_double (&rd, "guidance", "target_perigee_km") * 1000.0;
  p->target_apogee_alt = get_double (&rd, "guidance", "target_apogee_km") * 1000.0;
  p->exo_start = get_double (&rd, "guidance", "pitch_program_start_s");
  p->exo_knot_time = get_double (&rd, "guidance", "exo_knot_s");
  p->exo_knot_pitch = get_double (&rd, "guidance", "exo_knot_pitch_deg") * SIM_DEG;
  p->guess_pitch = get_double (&rd, "guidance", "guess_staging_pitch_deg") * SIM_DEG;
  p->guess_rate = get_double (&rd, "guidance", "guess_tangent_rate_per_s");
  p->plane_time_constant = get_double (&rd, "guidance", "plane_time_constant_s");
  p->max_yaw = get_double (&rd, "guidance", "max_yaw_deg") * SIM_DEG;

  p->step = get_double (&rd, "integration", "step_s");
  p->output_hz = (int) get_double (&rd, "integration", "output_hz");

  p->booster_beta = get_double (&rd, "debris", "booster_ballistic_coefficient_kg_m2");
  p->core_beta = get_double (&rd, "debris", "core_ballistic_coefficient_kg_m2");
  n = get_list (&rd, "debris", "booster_separation_mps", tmp, SIM_MAX_CD);
  if (rd.error == NULL && n != SIM_N_BOOSTERS)
    g_set_error (&rd.error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                 "[debris] booster_separation_mps needs %d values", SIM_N_BOOSTERS);
  for (int i = 0; i < SIM_N_BOOSTERS && i < n; i++)
    p->booster_sep_dv[i] = tmp[i];
  p->core_sep_dv = get_double (&rd, "debris", "core_separation_mps");
  p->beta_dispersion = get_double (&rd, "debris", "ballistic_dispersion");
  p->booster_margin = get_double (&rd, "debris", "booster_zone_margin_km") * 1000.0;
  p->core_margin = get_double (&rd, "debris", "core_zone_margin_km") * 1000.0;
  p->debris_step = get_double (&rd, "debris", "step_s");
  p->zone_vertices = (int) get_double (&rd, "debris", "zone_vertices");

  p->pad_seed = (guint64) get_double (&rd, "pad", "seed");
  p->pad_start = get_double (&rd, "pad", "start_s");
  p->pad_end = get_double (&rd, "pad", "end_s");
  p->pad_hz = (int) get_double (&rd, "pad", "rate_hz");
  p->pad_ignition = get_double (&rd, "pad", "ignition_s");
  p->pad_main_stage = get_double (&rd, "pad", "main_stage_s");
  p->pad_mic_distance = get_double (&rd, "pad", "microphone_distance_m");
  p->pad_acoustic_efficiency = get_double (&rd, "pad", "acoustic_efficiency");
  p->pad_ambient_db = get_double (&rd, "pad", "ambient_db");
  p->pad_ambient_c = get_double (&rd, "pad", "ambient_c");
  p->pad_gas_rise_c = get_double (&rd, "pad", "trench_gas_rise_c");
  p->pad_plume_height = get_double (&rd, "pad", "plume_height_m");
  p->pad_heat_tau = get_double (&rd, "pad", "sensor_heat_tau_s");
  p->pad_cool_tau = get_double (&rd, "pad", "sensor_cool_tau_s");
  p->pad_cabin_release = get_double (&rd, "pad", "cabin_release_s");
  p->pad_cabin_drop = get_double (&rd, "pad", "cabin_drop_m");

  g_key_file_unref (rd.kf);
  if (rd.error != NULL)
    {
      g_propagate_error (error, rd.error);
      return FALSE;
    }

  if (p->step <= 0.0 || p->output_hz <= 0 || p->debris_step <= 0.0 || p->pad_hz <= 0
      || p->zone_vertices < 8)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "%s: step sizes and rates must be positive, zone_vertices >= 8", path);
      return FALSE;
    }
  {
    double steps_per_sample = 1.0 / (p->step * p->output_hz);
    if (fabs (steps_per_sample - round (steps_per_sample)) > 1e-9)
      {
        g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                     "%s: the output period must be a whole number of steps", path);
        return FALSE;
      }
  }

  derive_engine_stage (&p->booster);
  derive_engine_stage (&p->core);

  /* Blok I: the propellant it burns from ignition to the published cutoff,
   * plus a reserve; its dry mass is whatever closes the liftoff mass. */
  p->third_mdot = p->third_thrust_vac / (p->third_isp_vac * SIM_G0);
  p->third_propellant = p->third_mdot * (p->third_nominal_cutoff - p->third_ignition)
                        + p->third_reserve;
  p->third_dry = p->liftoff_mass
                 - SIM_N_BOOSTERS * p->booster.mass_full
                 - p->core.mass_full
                 - p->spacecraft_mass
                 - p->tower_mass
                 - p->fairing_mass
                 - p->third_aft_mass
                 - p->third_propellant;
  if (p->third_dry <= 0.0)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "%s: the mass budget leaves %.0f kg for the Blok I dry mass",
                   path, p->third_dry);
      return FALSE;
    }

  return TRUE;
}
