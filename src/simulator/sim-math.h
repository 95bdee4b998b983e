/* sim-math.h: three-component vectors for the ascent simulator
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>

typedef struct
{
  double x;
  double y;
  double z;
} SimVec3;

static inline SimVec3
sim_vec3 (double x,
          double y,
          double z)
{
  SimVec3 r = { x, y, z };
  return r;
}

static inline SimVec3
sim_vec3_add (SimVec3 a,
              SimVec3 b)
{
  return sim_vec3 (a.x + b.x, a.y + b.y, a.z + b.z);
}

static inline SimVec3
sim_vec3_sub (SimVec3 a,
              SimVec3 b)
{
  return sim_vec3 (a.x - b.x, a.y - b.y, a.z - b.z);
}

static inline SimVec3
sim_vec3_scale (SimVec3 a,
                double  s)
{
  return sim_vec3 (a.x * s, a.y * s, a.z * s);
}

/* a + s * b */
static inline SimVec3
sim_vec3_axpy (SimVec3 a,
               double  s,
               SimVec3 b)
{
  return sim_vec3 (a.x + s * b.x, a.y + s * b.y, a.z + s * b.z);
}

static inline double
sim_vec3_dot (SimVec3 a,
              SimVec3 b)
{
  return a.x * b.x + a.y * b.y + a.z * b.z;
}

static inline SimVec3
sim_vec3_cross (SimVec3 a,
                SimVec3 b)
{
  return sim_vec3 (a.y * b.z - a.z * b.y,
                   a.z * b.x - a.x * b.z,
                   a.x * b.y - a.y * b.x);
}

static inline double
sim_vec3_norm (SimVec3 a)
{
  return sqrt (sim_vec3_dot (a, a));
}

static inline SimVec3
sim_vec3_normalize (SimVec3 a)
{
  double n = sim_vec3_norm (a);

  if (n <= 0.0)
    return sim_vec3 (0.0, 0.0, 0.0);
  return sim_vec3_scale (a, 1.0 / n);
}

/* One RK4 update: a + h/6 (k1 + 2 k2 + 2 k3 + k4), summed as
 * ((k1 + k4) + 2 (k2 + k3)) h/6. */
static inline SimVec3
sim_vec3_rk4 (SimVec3 a,
              SimVec3 k1,
              SimVec3 k2,
              SimVec3 k3,
              SimVec3 k4,
              double  h)
{
  SimVec3 sum = sim_vec3_add (sim_vec3_add (k1, k4),
                              sim_vec3_scale (sim_vec3_add (k2, k3), 2.0));

  return sim_vec3_add (a, sim_vec3_scale (sum, h / 6.0));
}

#define SIM_DEG (M_PI / 180.0)
