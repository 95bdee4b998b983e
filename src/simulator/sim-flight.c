/* sim-flight.c: point-mass 3-DOF ascent of Soyuz-2.1a, with guidance
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Equations of motion, integrated in the Earth-centred inertial frame with a
 * fixed-step classical Runge-Kutta (RK4) scheme:
 *
 *   dr/dt = v
 *   dv/dt = g(r) + (F(p) u + D) / m
 *   dm/dt = -sum(mdot)
 *
 * g: inverse-square + J2 (sim-earth.c); p, rho, a: 1976 US Standard
 * Atmosphere at the geodetic altitude (sim-atmosphere.c); F(p) = F_vac - p Ae
 * per engine group (an engine group may be throttled from a given time:
 * thrust and flow scale together); D = -q Cd(M) A v_air/|v_air| with the air co-rotating
 * with the Earth (no wind); u: the thrust direction from the guidance below.
 * Lift is neglected (point mass).
 *
 * Guidance:
 *  1. vertical rise along the local geodetic vertical;
 *  2. pitch-over: the thrust tilts linearly to kick_angle towards the launch
 *     azimuth (ground-relative azimuth computed for the target inclination);
 *  3. the attitude is held until the air-relative velocity has tilted as far,
 *     then a gravity turn (thrust along the air-relative velocity, zero angle
 *     of attack) until the boosters separate;
 *  4. from pitch_program_start (booster separation): thrust in a fixed plane of the target
 *     inclination (chosen through the vehicle's position at that moment),
 *     held by closed-loop yaw steering that nulls the out-of-plane position
 *     and velocity; in-plane pitch above the local horizontal follows a
 *     piecewise-linear program to the staging pitch at third-stage ignition,
 *     then a linear-tangent law tan(pitch) = tan(staging_pitch) + rate * dt.
 *     The two unknowns (staging_pitch, rate) are solved by Newton shooting so
 *     that the guided cutoff happens at the target perigee radius with zero
 *     flight path angle; the third stage cuts off when the two-body orbital
 *     energy reaches that of the target orbit (closed loop).
 *
 * Every event time is rounded to the integration grid; the guided cutoff is
 * located inside its step by linear interpolation of the orbital energy and
 * the step is split there, so the result is continuous in the guidance
 * parameters and still deterministic.
 */
#include "sim-flight.h"

#include "sim-atmosphere.h"

#include <string.h>

typedef enum
{
  PHASE_VERTICAL,
  PHASE_KICK,
  PHASE_HOLD,
  PHASE_GRAVITY_TURN,
  PHASE_EXO,
} Phase;

typedef struct
{
  SimVec3 r;
  SimVec3 v;
  double  m;
} State;

typedef struct
{
  const SimParams *p;

  /* configuration, constant within a step */
  bool   boosters_attached;
  bool   boosters_burning;
  bool   boosters_throttled;
  bool   core_burning;
  bool   core_throttled;
  bool   third_burning;
  Phase  phase;

  double azimuth_ground;
  double energy_target;
  double radius_target;

  /* exo-atmospheric guidance */
  double  t_exo0;
  double  pitch_start;
  SimVec3 plane_n;
  double  staging_pitch;
  double  tangent_rate;
} Flight;

typedef struct
{
  double  thrust;
  SimVec3 thrust_dir;
  SimVec3 drag;
  double  q;
  double  mach;
  bool    mach_defined;
  double  mdot;
} Diag;

static long
step_index (const SimParams *p,
            double           t)
{
  return lround (t / p->step);
}

static double
cd_of_mach (const SimParams *p,
            double           mach)
{
  if (mach <= p->cd_mach[0])
    return p->cd_value[0];
  for (int i = 1; i < p->n_cd; i++)
    if (mach <= p->cd_mach[i])
      {
        double f = (mach - p->cd_mach[i - 1]) / (p->cd_mach[i] - p->cd_mach[i - 1]);
        return p->cd_value[i - 1] + f * (p->cd_value[i] - p->cd_value[i - 1]);
      }
  return p->cd_value[p->n_cd - 1];
}

static double
engine_thrust (const SimEngineStage *s,
               bool                  throttled,
               double                pressure)
{
  double level = throttled ? s->throttle_level : 1.0;
  double f = level * s->thrust_vac - pressure * s->exit_area;
  return f > 0.0 ? f : 0.0;
}

static double
engine_flow (const SimEngineStage *s,
             bool                  throttled)
{
  return (throttled ? s->throttle_level : 1.0) * (s->mdot + s->mdot_h2o2);
}

/* Local geodetic up / east / north at an ECI position, in ECI. */
static void
local_frame_eci (SimVec3  r_eci,
                 double   t,
                 SimVec3 *east,
                 SimVec3 *north,
                 SimVec3 *up,
                 SimGeodetic *geo_out)
{
  SimGeodetic geo = sim_ecef_to_geodetic (sim_eci_to_ecef (r_eci, t));
  SimVec3 e, n, u;

  sim_enu_basis (geo.lat, geo.lon, &e, &n, &u);
  *east = sim_ecef_to_eci (e, t);
  *north = sim_ecef_to_eci (n, t);
  *up = sim_ecef_to_eci (u, t);
  if (geo_out != NULL)
    *geo_out = geo;
}

static double
exo_pitch (const Flight *f,
           double        t)
{
  const SimParams *p = f->p;
  double t3 = p->third_ignition;

  if (t >= t3)
    return atan (tan (f->staging_pitch) + f->tangent_rate * (t - t3));

  if (p->exo_knot_time > f->t_exo0 && p->exo_knot_time < t3)
    {
      if (t < p->exo_knot_time)
        return f->pitch_start + (p->exo_knot_pitch - f->pitch_start)
               * (t - f->t_exo0) / (p->exo_knot_time - f->t_exo0);
      return p->exo_knot_pitch + (f->staging_pitch - p->exo_knot_pitch)
             * (t - p->exo_knot_time) / (t3 - p->exo_knot_time);
    }
  return f->pitch_start + (f->staging_pitch - f->pitch_start)
         * (t - f->t_exo0) / (t3 - f->t_exo0);
}

static SimVec3
guidance_direction (const Flight *f,
                    double        t,
                    const State  *s,
                    SimVec3       v_air,
                    double        accel)
{
  const SimParams *p = f->p;
  SimVec3 east, north, up;

  switch (f->phase)
    {
    case PHASE_VERTICAL:
      local_frame_eci (s->r, t, &east, &north, &up, NULL);
      return up;

    case PHASE_KICK:
    case PHASE_HOLD:
      {
        double d = p->kick_angle;
        SimVec3 h;

        if (f->phase == PHASE_KICK)
          d *= (t - p->vertical_rise_end) / (p->kick_end - p->vertical_rise_end);
        local_frame_eci (s->r, t, &east, &north, &up, NULL);
        h = sim_vec3_add (sim_vec3_scale (north, cos (f->azimuth_ground)),
                          sim_vec3_scale (east, sin (f->azimuth_ground)));
        return sim_vec3_add (sim_vec3_scale (up, cos (d)), sim_vec3_scale (h, sin (d)));
      }

    case PHASE_GRAVITY_TURN:
      return sim_vec3_normalize (v_air);

    case PHASE_EXO:
    default:
      {
        SimVec3 rhat = sim_vec3_normalize (s->r);
        SimVec3 hhat = sim_vec3_normalize (sim_vec3_cross (f->plane_n, rhat));
        double pitch = exo_pitch (f, t);
        SimVec3 u_in = sim_vec3_add (sim_vec3_scale (hhat, cos (pitch)),
                                     sim_vec3_scale (rhat, sin (pitch)));
        double z = sim_vec3_dot (s->r, f->plane_n);
        double vz = sim_vec3_dot (s->v, f->plane_n);
        double tau = p->plane_time_constant;
        double a_cmd = -(2.0 * vz / tau + z / (tau * tau));
        double so = 0.0;
        double lim = sin (p->max_yaw);

        if (accel > 0.0)
          so = a_cmd / accel;
        so = CLAMP (so, -lim, lim);
        return sim_vec3_add (sim_vec3_scale (u_in, sqrt (1.0 - so * so)),
                             sim_vec3_scale (f->plane_n, so));
      }
    }
}

static void
derivatives (const Flight *f,
             double        t,
             const State  *s,
             State        *ds,
             Diag         *diag)
{
  const SimParams *p = f->p;
  SimGeodetic geo = sim_ecef_to_geodetic (sim_eci_to_ecef (s->r, t));
  SimAtmosphere atm;
  SimVec3 v_air = sim_vec3_sub (s->v, sim_earth_surface_velocity (s->r));
  double speed_air = sim_vec3_norm (v_air);
  double mach, q, cd, area, thrust = 0.0, mdot = 0.0;
  SimVec3 drag = sim_vec3 (0.0, 0.0, 0.0);
  SimVec3 u, acc;

  sim_atmosphere (geo.h, &atm);
  mach = speed_air / atm.sound_speed;
  q = 0.5 * atm.density * speed_air * speed_air;
  cd = cd_of_mach (p, mach);
  area = f->boosters_attached ? p->stack_area : p->core_area;
  if (speed_air > 0.0)
    drag = sim_vec3_scale (v_air, -q * cd * area / speed_air);

  if (f->boosters_burning)
    {
      thrust += SIM_N_BOOSTERS * engine_thrust (&p->booster, f->boosters_throttled, atm.pressure);
      mdot += SIM_N_BOOSTERS * engine_flow (&p->booster, f->boosters_throttled);
    }
  if (f->core_burning)
    {
      thrust += engine_thrust (&p->core, f->core_throttled, atm.pressure);
      mdot += engine_flow (&p->core, f->core_throttled);
    }
  if (f->third_burning)
    {
      /* RD-0110: no sea-level figure is published and it lights at 170+ km,
       * where p < 0.001 Pa, so its thrust is taken as the vacuum value. */
      thrust += p->third_thrust_vac;
      mdot += p->third_mdot;
    }

  u = guidance_direction (f, t, s, v_air, thrust / s->m);
  acc = sim_gravity (s->r);
  acc = sim_vec3_axpy (acc, thrust / s->m, u);
  acc = sim_vec3_axpy (acc, 1.0 / s->m, drag);

  ds->r = s->v;
  ds->v = acc;
  ds->m = -mdot;

  if (diag != NULL)
    {
      diag->thrust = thrust;
      diag->thrust_dir = u;
      diag->drag = drag;
      diag->q = q;
      diag->mach = mach;
      diag->mach_defined = atm.in_model;
      diag->mdot = mdot;
    }
}

static State
state_axpy (const State *a,
            double       h,
            const State *d)
{
  State r;

  r.r = sim_vec3_axpy (a->r, h, d->r);
  r.v = sim_vec3_axpy (a->v, h, d->v);
  r.m = a->m + h * d->m;
  return r;
}

static void
rk4_step (const Flight *f,
          double        t,
          State        *s,
          double        h)
{
  State k1, k2, k3, k4, tmp;

  derivatives (f, t, s, &k1, NULL);
  tmp = state_axpy (s, h / 2.0, &k1);
  derivatives (f, t + h / 2.0, &tmp, &k2, NULL);
  tmp = state_axpy (s, h / 2.0, &k2);
  derivatives (f, t + h / 2.0, &tmp, &k3, NULL);
  tmp = state_axpy (s, h, &k3);
  derivatives (f, t + h, &tmp, &k4, NULL);

  s->r = sim_vec3_rk4 (s->r, k1.r, k2.r, k3.r, k4.r, h);
  s->v = sim_vec3_rk4 (s->v, k1.v, k2.v, k3.v, k4.v, h);
  s->m += h / 6.0 * (k1.m + 2.0 * k2.m + 2.0 * k3.m + k4.m);
}

static double
orbital_energy (const State *s)
{
  return sim_vec3_dot (s->v, s->v) / 2.0 - SIM_WGS84_GM / sim_vec3_norm (s->r);
}

/* Plane of inclination i through position r, with the ascending-pass choice
 * closest to the current motion. */
static SimVec3
target_plane (SimVec3 r,
              SimVec3 v,
              double  inc)
{
  double rho = hypot (r.x, r.y);
  double alpha = atan2 (r.y, r.x);
  double arg = CLAMP (-r.z / (tan (inc) * rho), -1.0, 1.0);
  double raan[2] = { alpha + asin (arg), alpha + M_PI - asin (arg) };
  SimVec3 h = sim_vec3_normalize (sim_vec3_cross (r, v));
  SimVec3 best = sim_vec3 (0.0, 0.0, 1.0);
  double best_dot = -2.0;

  for (int k = 0; k < 2; k++)
    {
      SimVec3 n = sim_vec3 (sin (inc) * sin (raan[k]), -sin (inc) * cos (raan[k]), cos (inc));
      double d = sim_vec3_dot (n, h);

      if (d > best_dot)
        {
          best_dot = d;
          best = n;
        }
    }
  return best;
}

void
sim_sample_derive (const SimParams *p,
                   SimSample       *s)
{
  SimVec3 r_ecef = sim_eci_to_ecef (s->r, s->t);
  SimVec3 v_air = sim_vec3_sub (s->v, sim_earth_surface_velocity (s->r));
  SimVec3 e, n, u;

  s->geo = sim_ecef_to_geodetic (r_ecef);
  s->speed = sim_vec3_norm (v_air);
  s->inertial_speed = sim_vec3_norm (s->v);
  s->downrange = sim_great_circle_m (p->site_lat, p->site_lon, s->geo.lat, s->geo.lon);
  sim_enu_basis (s->geo.lat, s->geo.lon, &e, &n, &u);
  if (s->speed > 1e-9)
    {
      double vu = sim_vec3_dot (sim_ecef_to_eci (u, s->t), v_air) / s->speed;
      s->fpa = asin (CLAMP (vu, -1.0, 1.0));
    }
  else
    s->fpa = M_PI / 2.0;  /* at rest on the pad, about to rise vertically */
}

typedef struct
{
  bool    record;
  GArray *samples;
  /* outputs */
  SimSeparation booster_sep;
  SimSeparation core_sep;
  double  gravity_turn_start;
  double  cutoff_time;
  bool    cutoff_guided;
  double  third_used;
  State   cutoff_state;
  bool    cutoff_reached;
  State   final_state;
} RunOutput;

static void
record_sample (const Flight *f,
               double        t,
               const State  *s,
               GArray       *samples)
{
  SimSample smp;
  State ds;
  Diag diag;

  memset (&smp, 0, sizeof smp);
  derivatives (f, t, s, &ds, &diag);
  smp.t = t;
  smp.r = s->r;
  smp.v = s->v;
  smp.mass = s->m;
  smp.thrust = diag.thrust;
  smp.sensed_accel = sim_vec3_norm (sim_vec3_axpy (diag.drag, diag.thrust, diag.thrust_dir)) / s->m;
  smp.q = diag.q;
  smp.mach = diag.mach;
  smp.mach_defined = diag.mach_defined;
  sim_sample_derive (f->p, &smp);
  g_array_append_val (samples, smp);
}

static SimVec3
current_axis (const Flight *f,
              double        t,
              const State  *s)
{
  State ds;
  Diag diag;

  derivatives (f, t, s, &ds, &diag);
  return diag.thrust_dir;
}

/* One flight from T0 with the given guidance unknowns. */
static void
run_once (Flight    *f,
          RunOutput *out,
          bool       stop_at_cutoff)
{
  const SimParams *p = f->p;
  long i_tower = step_index (p, p->tower_jettison);
  long i_bcut = step_index (p, p->booster.cutoff);
  long i_bthr = step_index (p, p->booster.throttle_start);
  long i_cthr = step_index (p, p->core.throttle_start);
  long i_bsep = step_index (p, p->booster.separation);
  long i_fair = step_index (p, p->fairing_jettison);
  long i_ccut = step_index (p, p->core.cutoff);
  long i_ign = step_index (p, p->third_ignition);
  long i_csep = step_index (p, p->core.separation);
  long i_aft = step_index (p, p->third_aft_jettison);
  long i_end = step_index (p, p->spacecraft_separation);
  long i_vert = step_index (p, p->vertical_rise_end);
  long i_kick = step_index (p, p->kick_end);
  long i_exo = step_index (p, p->exo_start);
  long every = lround (1.0 / (p->step * p->output_hz));
  double h = p->step;
  SimGeodetic pad = { p->site_lat, p->site_lon, p->site_elevation };
  State s;

  f->boosters_attached = f->boosters_burning = true;
  f->core_burning = true;
  f->boosters_throttled = f->core_throttled = false;
  f->third_burning = false;
  f->phase = PHASE_VERTICAL;

  s.r = sim_geodetic_to_ecef (pad);  /* ECI == ECEF at T0 */
  s.v = sim_earth_surface_velocity (s.r);
  s.m = p->liftoff_mass;

  out->cutoff_reached = false;
  out->cutoff_guided = false;
  out->gravity_turn_start = 0.0;

  for (long i = 0;; i++)
    {
      double t = i * h;

      /* events at the start of step i */
      if (i == i_vert && f->phase == PHASE_VERTICAL)
        f->phase = PHASE_KICK;
      if (i == i_kick && f->phase == PHASE_KICK)
        f->phase = PHASE_HOLD;
      if (f->phase == PHASE_HOLD)
        {
          SimVec3 e, n, u;
          SimVec3 v_air = sim_vec3_sub (s.v, sim_earth_surface_velocity (s.r));

          local_frame_eci (s.r, t, &e, &n, &u, NULL);
          if (acos (CLAMP (sim_vec3_dot (sim_vec3_normalize (v_air), u), -1.0, 1.0))
              >= p->kick_angle)
            {
              f->phase = PHASE_GRAVITY_TURN;
              out->gravity_turn_start = t;
            }
        }
      if (i == i_tower)
        s.m -= p->tower_mass;
      if (i == i_bthr)
        f->boosters_throttled = true;
      if (i == i_cthr)
        f->core_throttled = true;
      if (i == i_bcut)
        f->boosters_burning = false;
      if (i == i_bsep)
        {
          out->booster_sep.t = t;
          out->booster_sep.r = s.r;
          out->booster_sep.v = s.v;
          out->booster_sep.axis = current_axis (f, t, &s);

          s.m -= SIM_N_BOOSTERS * p->booster.mass_at_separation;
          f->boosters_attached = false;
        }
      if (i == i_exo && f->phase != PHASE_EXO)
        {
          SimVec3 axis = current_axis (f, t, &s);

          f->pitch_start = asin (CLAMP (sim_vec3_dot (axis, sim_vec3_normalize (s.r)),
                                        -1.0, 1.0));
          f->t_exo0 = t;
          f->plane_n = target_plane (s.r, s.v, p->inclination);
          f->phase = PHASE_EXO;
        }
      if (i == i_fair)
        s.m -= p->fairing_mass;
      if (i == i_ccut)
        f->core_burning = false;
      if (i == i_ign)
        f->third_burning = true;
      if (i == i_csep)
        {
          out->core_sep.t = t;
          out->core_sep.r = s.r;
          out->core_sep.v = s.v;
          out->core_sep.axis = current_axis (f, t, &s);
          s.m -= p->core.mass_at_separation;
        }
      if (i == i_aft)
        s.m -= p->third_aft_mass;

      if (out->record && i % every == 0)
        record_sample (f, t, &s, out->samples);

      if (i >= i_end)
        break;
      if (stop_at_cutoff && out->cutoff_reached)
        break;

      if (f->third_burning)
        {
          State before = s;
          double e0 = orbital_energy (&s);
          double e1;

          rk4_step (f, t, &s, h);
          e1 = orbital_energy (&s);
          if (e1 >= f->energy_target)
            {
              double frac = (f->energy_target - e0) / (e1 - e0);

              frac = CLAMP (frac, 0.0, 1.0);
              s = before;
              rk4_step (f, t, &s, frac * h);
              out->cutoff_time = t + frac * h;
              out->cutoff_guided = true;
              out->cutoff_state = s;
              out->cutoff_reached = true;
              out->third_used = p->third_mdot * (out->cutoff_time - p->third_ignition);
              f->third_burning = false;
              rk4_step (f, t + frac * h, &s, (1.0 - frac) * h);
            }
          else if (p->third_mdot * (t + h - p->third_ignition) >= p->third_propellant)
            {
              out->cutoff_time = t + h;
              out->cutoff_guided = false;
              out->cutoff_state = s;
              out->cutoff_reached = true;
              out->third_used = p->third_propellant;
              f->third_burning = false;
            }
        }
      else
        rk4_step (f, t, &s, h);
    }

  out->final_state = s;
}

static void
shoot_residual (Flight    *f,
                RunOutput *out,
                double     res[2])
{
  SimVec3 rhat, vhat;

  out->record = false;
  run_once (f, out, true);
  if (!out->cutoff_reached)
    {
      /* never happens with plausible inputs: score the end state instead */
      out->cutoff_state = out->final_state;
    }
  rhat = sim_vec3_normalize (out->cutoff_state.r);
  vhat = sim_vec3_normalize (out->cutoff_state.v);
  res[0] = sim_vec3_norm (out->cutoff_state.r) - f->radius_target;
  res[1] = asin (CLAMP (sim_vec3_dot (rhat, vhat), -1.0, 1.0));
}

static double
residual_norm (const double res[2])
{
  double a = res[0] / 1000.0;   /* 1 km  */
  double b = res[1] / 1e-3;     /* 1 mrad */
  return sqrt (a * a + b * b);
}

gboolean
sim_flight_run (const SimParams  *p,
                SimFlightResult  *result,
                GError          **error)
{
  Flight f;
  RunOutput out;
  double rp = SIM_WGS84_A + p->target_perigee_alt;
  double ra = SIM_WGS84_A + p->target_apogee_alt;
  double a = (rp + ra) / 2.0;
  double vp = sqrt (SIM_WGS84_GM * (2.0 / rp - 1.0 / a));
  double x[2], res[2];
  int iter;

  memset (&f, 0, sizeof f);
  memset (&out, 0, sizeof out);
  memset (result, 0, sizeof *result);
  f.p = p;
  f.energy_target = -SIM_WGS84_GM / (2.0 * a);
  f.radius_target = rp;

  /* Launch azimuth for the target inclination from the pad latitude:
   *   sin(A_i) = cos(i) / cos(lat)                      (inertial)
   *   tan(A_g) = (V sin A_i - w R cos(lat)) / (V cos A_i)  (ground-relative)
   * with V the target perigee speed and R the pad's distance from the axis
   * divided by cos(lat). */
  {
    SimGeodetic pad = { p->site_lat, p->site_lon, p->site_elevation };
    SimVec3 rpad = sim_geodetic_to_ecef (pad);
    double ai = asin (cos (p->inclination) / cos (p->site_lat));
    double vrot = SIM_WGS84_OMEGA * hypot (rpad.x, rpad.y);

    result->launch_azimuth_inertial = ai;
    result->launch_azimuth_ground = atan2 (vp * sin (ai) - vrot, vp * cos (ai));
    f.azimuth_ground = result->launch_azimuth_ground;
  }

  /* Newton shooting on (staging pitch, tangent rate). */
  x[0] = p->guess_pitch;
  x[1] = p->guess_rate;
  f.staging_pitch = x[0];
  f.tangent_rate = x[1];
  shoot_residual (&f, &out, res);
  for (iter = 0; iter < 60; iter++)
    {
      double jac[2][2], det, dx[2], lam = 1.0;
      const double hstep[2] = { 1e-5, 1e-7 };
      double n0 = residual_norm (res);

      if (g_getenv ("SIM_DEBUG") != NULL)
        g_printerr ("newton %d: pitch %.4f deg rate %.3e res %.1f m %.5f deg %s\n", iter,
                    x[0] / SIM_DEG, x[1], res[0], res[1] / SIM_DEG,
                    out.cutoff_guided ? "guided" : "NOT REACHED");
      if (fabs (res[0]) < 0.05 && fabs (res[1]) < 1e-7)
        break;
      for (int k = 0; k < 2; k++)
        {
          double rr[2];

          f.staging_pitch = x[0] + (k == 0 ? hstep[0] : 0.0);
          f.tangent_rate = x[1] + (k == 1 ? hstep[1] : 0.0);
          shoot_residual (&f, &out, rr);
          jac[0][k] = (rr[0] - res[0]) / hstep[k];
          jac[1][k] = (rr[1] - res[1]) / hstep[k];
        }
      det = jac[0][0] * jac[1][1] - jac[0][1] * jac[1][0];
      if (fabs (det) < 1e-30)
        break;
      dx[0] = -(jac[1][1] * res[0] - jac[0][1] * res[1]) / det;
      dx[1] = -(-jac[1][0] * res[0] + jac[0][0] * res[1]) / det;
      for (int ls = 0; ls < 12; ls++, lam /= 2.0)
        {
          double rr[2];

          f.staging_pitch = x[0] + lam * dx[0];
          f.tangent_rate = x[1] + lam * dx[1];
          shoot_residual (&f, &out, rr);
          if (residual_norm (rr) < n0 || ls == 11)
            {
              x[0] = f.staging_pitch;
              x[1] = f.tangent_rate;
              res[0] = rr[0];
              res[1] = rr[1];
              break;
            }
        }
    }

  /* Quantise the solution so that tiny differences in the iteration path
   * (another libm, another compiler) do not reach the final run. */
  x[0] = round (x[0] * 1e10) / 1e10;
  x[1] = round (x[1] * 1e13) / 1e13;
  f.staging_pitch = x[0];
  f.tangent_rate = x[1];
  shoot_residual (&f, &out, res);
  result->solver_iterations = iter;
  result->solver_radius_error = res[0];
  result->solver_fpa_error = res[1];
  result->staging_pitch = x[0];
  result->tangent_rate = x[1];

  if (!out.cutoff_guided)
    {
      g_set_error (error, SIM_ERROR, 0,
                   "the third stage did not reach the target orbit before %s",
                   out.cutoff_reached ? "running out of propellant" : "spacecraft separation");
      return FALSE;
    }
  if (fabs (res[0]) > 100.0 || fabs (res[1]) > 1e-4)
    {
      g_set_error (error, SIM_ERROR, 0,
                   "guidance did not converge: cutoff radius off by %.1f m, "
                   "flight path angle %.5f deg (pitch %.4f deg, rate %.3e /s)",
                   res[0], res[1] / SIM_DEG, x[0] / SIM_DEG, x[1]);
      return FALSE;
    }

  /* Final, recorded run. */
  out.record = true;
  out.samples = g_array_new (FALSE, TRUE, sizeof (SimSample));
  run_once (&f, &out, false);

  result->samples = out.samples;
  result->booster_sep = out.booster_sep;
  result->core_sep = out.core_sep;
  result->gravity_turn_start = out.gravity_turn_start;
  result->cutoff_time = out.cutoff_time;
  result->cutoff_guided = out.cutoff_guided;
  result->third_propellant_used = out.third_used;
  result->r_final = out.final_state.r;
  result->v_final = out.final_state.v;
  return TRUE;
}

void
sim_flight_clear (SimFlightResult *result)
{
  if (result->samples != NULL)
    g_array_unref (result->samples);
  result->samples = NULL;
}

/* ---- ballistic debris ------------------------------------------------- */

typedef struct
{
  SimVec3 r;
  SimVec3 v;
} BState;

static void
ballistic_deriv (double        t,
                 const BState *s,
                 double        beta,
                 BState       *ds)
{
  SimGeodetic geo = sim_ecef_to_geodetic (sim_eci_to_ecef (s->r, t));
  SimAtmosphere atm;
  SimVec3 v_air = sim_vec3_sub (s->v, sim_earth_surface_velocity (s->r));
  double speed = sim_vec3_norm (v_air);
  SimVec3 acc = sim_gravity (s->r);

  sim_atmosphere (geo.h, &atm);
  if (beta > 0.0)
    acc = sim_vec3_axpy (acc, -atm.density * speed / (2.0 * beta), v_air);
  ds->r = s->v;
  ds->v = acc;
}

static void
ballistic_step (double  t,
                BState *s,
                double  h,
                double  beta)
{
  BState k1, k2, k3, k4, tmp;

  ballistic_deriv (t, s, beta, &k1);
  tmp.r = sim_vec3_axpy (s->r, h / 2.0, k1.r);
  tmp.v = sim_vec3_axpy (s->v, h / 2.0, k1.v);
  ballistic_deriv (t + h / 2.0, &tmp, beta, &k2);
  tmp.r = sim_vec3_axpy (s->r, h / 2.0, k2.r);
  tmp.v = sim_vec3_axpy (s->v, h / 2.0, k2.v);
  ballistic_deriv (t + h / 2.0, &tmp, beta, &k3);
  tmp.r = sim_vec3_axpy (s->r, h, k3.r);
  tmp.v = sim_vec3_axpy (s->v, h, k3.v);
  ballistic_deriv (t + h, &tmp, beta, &k4);

  s->r = sim_vec3_rk4 (s->r, k1.r, k2.r, k3.r, k4.r, h);
  s->v = sim_vec3_rk4 (s->v, k1.v, k2.v, k3.v, k4.v, h);
}

static double
geodetic_height (SimVec3 r_eci,
                 double  t)
{
  return sim_ecef_to_geodetic (sim_eci_to_ecef (r_eci, t)).h;
}

void
sim_debris_propagate (const SimParams *p,
                      double           t0,
                      SimVec3          r0,
                      SimVec3          v0,
                      double           beta,
                      double           output_every,
                      SimDebrisResult *result)
{
  double h = p->debris_step;
  long every = output_every > 0.0 ? lround (output_every / h) : 0;
  BState s = { r0, v0 };
  SimSample smp;

  memset (result, 0, sizeof *result);
  if (every > 0)
    result->samples = g_array_new (FALSE, TRUE, sizeof (SimSample));

  for (long i = 0; i < 2000000; i++)
    {
      double t = t0 + i * h;
      BState prev = s;
      double h0, h1;

      if (every > 0 && i % every == 0)
        {
          memset (&smp, 0, sizeof smp);
          smp.t = t;
          smp.r = s.r;
          smp.v = s.v;
          sim_sample_derive (p, &smp);
          g_array_append_val (result->samples, smp);
        }

      h0 = geodetic_height (s.r, t);
      ballistic_step (t, &s, h, beta);
      h1 = geodetic_height (s.r, t + h);
      if (h1 <= 0.0 && h0 > 0.0)
        {
          /* Impact inside this step: interpolate on the geodetic height. */
          double frac = h0 / (h0 - h1);
          SimVec3 ri = sim_vec3_add (prev.r, sim_vec3_scale (sim_vec3_sub (s.r, prev.r), frac));
          SimVec3 vi = sim_vec3_add (prev.v, sim_vec3_scale (sim_vec3_sub (s.v, prev.v), frac));
          double ti = t + frac * h;

          memset (&smp, 0, sizeof smp);
          smp.t = ti;
          smp.r = ri;
          smp.v = vi;
          sim_sample_derive (p, &smp);
          smp.geo.h = 0.0;
          result->impact_t = ti;
          result->impact_lat = smp.geo.lat;
          result->impact_lon = smp.geo.lon;
          if (every > 0)
            {
              /* keep t strictly increasing at the printed precision */
              SimSample *last = &g_array_index (result->samples, SimSample,
                                                result->samples->len - 1);
              if (ti - last->t < 0.05 && result->samples->len > 1)
                g_array_set_size (result->samples, result->samples->len - 1);
              g_array_append_val (result->samples, smp);
            }
          return;
        }
    }
  g_warning ("debris propagation did not reach the ground");
}

void
sim_debris_clear (SimDebrisResult *result)
{
  if (result->samples != NULL)
    g_array_unref (result->samples);
  result->samples = NULL;
}

void
sim_first_revolution (double  t,
                      SimVec3 r,
                      SimVec3 v,
                      double  period,
                      double *min_alt,
                      double *max_alt)
{
  BState s = { r, v };
  double h = 1.0;
  long n = lround (period / h);
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;

  for (long i = 0; i <= n; i++)
    {
      double alt = geodetic_height (s.r, t + i * h);

      lo = MIN (lo, alt);
      hi = MAX (hi, alt);
      ballistic_step (t + i * h, &s, h, 0.0);
    }
  *min_alt = lo;
  *max_alt = hi;
}
