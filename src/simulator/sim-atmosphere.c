/* sim-atmosphere.c: 1976 US Standard Atmosphere (0-86 km) + isothermal tail
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Below 86 km: the seven geopotential layers of the 1976 standard, base
 * pressures computed from the hydrostatic equation with the standard's
 * constants (R* = 8.31432 J/(mol K), M0 = 28.9644 g/mol, g0 = 9.80665 m/s^2,
 * r0 = 6356.766 km for geopotential height).  Above 86 km the 86 km layer is
 * continued isothermally, i.e. pressure and density fall exponentially with a
 * scale height of about 5.6 km.  That under-estimates the density of the real
 * thermosphere, but above 100 km the dynamic pressure on the vehicle is below
 * 1 Pa either way.
 */
#include "sim-atmosphere.h"

#include <math.h>

#define R_STAR   8.31432
#define M0       28.9644e-3
#define G0       9.80665
#define R0_GEOP  6356766.0
#define GAMMA_AIR 1.4

/* Layer bases: geopotential height (m) and lapse rate (K/m). */
static const double layer_h[8] = {
  0.0, 11000.0, 20000.0, 32000.0, 47000.0, 51000.0, 71000.0, 84852.0
};
static const double layer_lapse[7] = {
  -0.0065, 0.0, 0.001, 0.0028, 0.0, -0.0028, -0.002
};

static double base_t[8];
static double base_p[8];
static int initialised;

static void
init_layers (void)
{
  const double r = R_STAR / M0;

  base_t[0] = 288.15;
  base_p[0] = 101325.0;
  for (int i = 0; i < 7; i++)
    {
      double dh = layer_h[i + 1] - layer_h[i];
      double l = layer_lapse[i];

      base_t[i + 1] = base_t[i] + l * dh;
      if (l == 0.0)
        base_p[i + 1] = base_p[i] * exp (-G0 * dh / (r * base_t[i]));
      else
        base_p[i + 1] = base_p[i] * pow (base_t[i] / base_t[i + 1], G0 / (r * l));
    }
  initialised = 1;
}

void
sim_atmosphere (double         z,
                SimAtmosphere *out)
{
  const double r = R_STAR / M0;
  double h;
  double t, p;
  int i;

  if (!initialised)
    init_layers ();

  h = R0_GEOP * z / (R0_GEOP + z);

  if (h >= layer_h[7])
    {
      /* Isothermal continuation of the 86 km point. */
      t = base_t[7];
      p = base_p[7] * exp (-G0 * (h - layer_h[7]) / (r * t));
      out->in_model = false;
    }
  else
    {
      for (i = 6; i > 0 && h < layer_h[i]; i--)
        ;
      {
        double dh = h - layer_h[i];
        double l = layer_lapse[i];

        t = base_t[i] + l * dh;
        if (l == 0.0)
          p = base_p[i] * exp (-G0 * dh / (r * base_t[i]));
        else
          p = base_p[i] * pow (base_t[i] / t, G0 / (r * l));
      }
      out->in_model = true;
    }

  out->temperature = t;
  out->pressure = p;
  out->density = p / (r * t);
  out->sound_speed = sqrt (GAMMA_AIR * r * t);
}
