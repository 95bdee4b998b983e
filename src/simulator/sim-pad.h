/* sim-pad.h: SIMULATED, ILLUSTRATIVE pad traces (no pad data is public)
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sim-params.h"

typedef struct
{
  double t;
  double acoustic_db;     /* sound pressure level at a model microphone, dB re 20 uPa */
  double cabin_position;  /* service cabin height relative to its stowed level, m */
  double trench_temp;     /* flame-trench wall sensor, deg C */
} SimPadSample;

/* Deterministic pseudo-random generator (SplitMix64), so that the traces
 * never depend on the C library's rand(). */
typedef struct
{
  guint64 state;
} SimRng;

void   sim_rng_init     (SimRng *rng, guint64 seed);
double sim_rng_uniform  (SimRng *rng);  /* [0, 1) */
double sim_rng_gauss    (SimRng *rng);  /* approx. N(0, 1), Irwin-Hall of 4 */

/* vehicle: the SimSample array of the ascent (height and downrange are used
 * to place the noise and heat source). */
GArray *sim_pad_generate (const SimParams *params,
                          GArray          *vehicle);
