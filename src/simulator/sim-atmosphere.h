/* sim-atmosphere.h: 1976 US Standard Atmosphere with an isothermal extension
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdbool.h>

/* Top of the tabulated model: 86 km geometric (84.852 km geopotential). */
#define SIM_ATMOSPHERE_TOP_M 86000.0
#define SIM_SEA_LEVEL_PRESSURE 101325.0

typedef struct
{
  double temperature;  /* K */
  double pressure;     /* Pa */
  double density;      /* kg/m^3 */
  double sound_speed;  /* m/s */
  bool   in_model;     /* false above 86 km: exponential extension */
} SimAtmosphere;

void sim_atmosphere (double geometric_height_m, SimAtmosphere *out);
