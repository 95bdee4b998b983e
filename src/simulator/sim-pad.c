/* sim-pad.c: SIMULATED, ILLUSTRATIVE pad traces around liftoff
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No instrument data from Site 31/6 is public.  These three traces are a
 * model, made only to give the pad part of the replay something plausible to
 * show; README.md describes each one.  They use the simulated ascent (height
 * above the pad and horizontal distance) and a fixed-seed SplitMix64
 * generator, so they are reproducible bit for bit.
 */
#include "sim-pad.h"

#include "sim-earth.h"
#include "sim-flight.h"

#include <math.h>

void
sim_rng_init (SimRng  *rng,
              guint64  seed)
{
  rng->state = seed;
}

static guint64
splitmix64 (SimRng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

double
sim_rng_uniform (SimRng *rng)
{
  return (double) (splitmix64 (rng) >> 11) * (1.0 / 9007199254740992.0);
}

double
sim_rng_gauss (SimRng *rng)
{
  double s = 0.0;

  for (int i = 0; i < 4; i++)
    s += sim_rng_uniform (rng);
  /* Irwin-Hall: mean 2, variance 4/12 */
  return (s - 2.0) * 1.7320508075688772;
}

/* Height above the pad and horizontal distance of the vehicle at time t. */
static void
vehicle_offset (const SimParams *p,
                GArray          *vehicle,
                double           t,
                double          *height,
                double          *horizontal)
{
  const SimSample *s;
  double idx, f;
  guint i;

  *height = 0.0;
  *horizontal = 0.0;
  if (t <= 0.0 || vehicle->len < 2)
    return;
  idx = t * p->output_hz;
  i = (guint) floor (idx);
  if (i >= vehicle->len - 1)
    i = vehicle->len - 2;
  f = idx - i;
  s = &g_array_index (vehicle, SimSample, i);
  *height = (1.0 - f) * s[0].geo.h + f * s[1].geo.h - p->site_elevation;
  *horizontal = (1.0 - f) * s[0].downrange + f * s[1].downrange;
}

/* Fraction of full thrust on the pad (illustrative start sequence):
 * ignition, a preliminary stage at 30 %, the climb to full thrust, liftoff
 * at T0; after booster cutoff only the core stage burns. */
static double
thrust_fraction (const SimParams *p,
                 double           t)
{
  double full_sl = SIM_N_BOOSTERS * p->booster.thrust_sl + p->core.thrust_sl;

  if (t < p->pad_ignition)
    return 0.0;
  if (t < p->pad_main_stage)
    return 0.3 * MIN (1.0, (t - p->pad_ignition) / 1.5);
  if (t < 0.0)
    return 0.3 + 0.7 * MIN (1.0, (t - p->pad_main_stage) / (-p->pad_main_stage - 1.0));
  if (t < p->booster.cutoff)
    return 1.0;
  return p->core.thrust_sl / full_sl;
}

static double
db_sum (double a,
        double b)
{
  return 10.0 * log10 (pow (10.0, a / 10.0) + pow (10.0, b / 10.0));
}

GArray *
sim_pad_generate (const SimParams *p,
                  GArray          *vehicle)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (SimPadSample));
  long n = lround ((p->pad_end - p->pad_start) * p->pad_hz);
  double dt = 1.0 / p->pad_hz;
  double f_sl = SIM_N_BOOSTERS * p->booster.thrust_sl + p->core.thrust_sl;
  double mdot = SIM_N_BOOSTERS * (p->booster.mdot + p->booster.mdot_h2o2)
                + p->core.mdot + p->core.mdot_h2o2;
  double v_exit = f_sl / mdot;
  /* acoustic power = efficiency * jet power; jet power = F ve / 2 */
  double lw_full = 10.0 * log10 (p->pad_acoustic_efficiency * 0.5 * f_sl * v_exit / 1e-12);
  double fall_time = sqrt (2.0 * p->pad_cabin_drop / SIM_G0);
  double t_hit = p->pad_cabin_release + fall_time;
  /* the cabin's impact: its potential energy (20 t assumed, the smallest of
   * the published masses) released over 0.2 s, 1e-4 of it as sound */
  double impact_power = 20000.0 * SIM_G0 * p->pad_cabin_drop / 0.2 * 1e-4;
  double lw_impact = 10.0 * log10 (impact_power / 1e-12);
  SimRng rng_a, rng_c, rng_t;
  double noise_a = 0.0, noise_c = 0.0, noise_t = 0.0;
  double sensor = p->pad_ambient_c;

  sim_rng_init (&rng_a, p->pad_seed);
  sim_rng_init (&rng_c, p->pad_seed ^ G_GUINT64_CONSTANT (0x5DEECE66D));
  sim_rng_init (&rng_t, p->pad_seed ^ G_GUINT64_CONSTANT (0x2545F4914F6CDD1D));

  for (long i = 0; i <= n; i++)
    {
      SimPadSample smp;
      double t = p->pad_start + i * dt;
      double frac = thrust_fraction (p, t);
      double height, horiz, dist, level, gas;

      vehicle_offset (p, vehicle, t, &height, &horiz);
      dist = sqrt (p->pad_mic_distance * p->pad_mic_distance + height * height + horiz * horiz);

      /* acoustic level: hemispherical spreading from the plume */
      noise_a = 0.85 * noise_a + 0.53 * sim_rng_gauss (&rng_a);
      level = p->pad_ambient_db + 1.5 * noise_a;
      if (frac > 0.0)
        level = db_sum (level, lw_full + 10.0 * log10 (frac)
                               - 10.0 * log10 (2.0 * M_PI * dist * dist) + 0.8 * noise_a);
      if (t >= t_hit)
        {
          double d2 = p->pad_mic_distance * p->pad_mic_distance;

          level = db_sum (level, lw_impact - 10.0 * log10 (2.0 * M_PI * d2)
                                 - 4.34 * (t - t_hit) / 0.3);
        }
      smp.acoustic_db = level;

      /* cabin height: still (with acoustic vibration), free fall, settle */
      noise_c = 0.7 * noise_c + 0.71 * sim_rng_gauss (&rng_c);
      if (t < p->pad_cabin_release)
        smp.cabin_position = 0.002 * pow (10.0, (level - 140.0) / 20.0) * noise_c;
      else if (t < t_hit)
        {
          double tf = t - p->pad_cabin_release;
          smp.cabin_position = -0.5 * SIM_G0 * tf * tf;
        }
      else
        {
          double ts = t - t_hit;
          smp.cabin_position = -p->pad_cabin_drop
                               + 0.35 * exp (-ts / 0.6) * fabs (sin (M_PI * ts / 0.45));
        }

      /* trench wall temperature: first-order sensor chasing the plume gas,
       * whose heat falls off as the vehicle climbs away */
      gas = p->pad_ambient_c + p->pad_gas_rise_c * frac
            / (1.0 + (height / p->pad_plume_height) * (height / p->pad_plume_height));
      {
        double tau = gas > sensor ? p->pad_heat_tau : p->pad_cool_tau;
        sensor += (gas - sensor) * (1.0 - exp (-dt / tau));
      }
      noise_t = 0.9 * noise_t + 0.44 * sim_rng_gauss (&rng_t);
      smp.trench_temp = sensor + (0.2 + 0.03 * (sensor - p->pad_ambient_c)) * noise_t;

      smp.t = t;
      g_array_append_val (out, smp);
    }

  return out;
}
