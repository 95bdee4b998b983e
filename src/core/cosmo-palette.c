/* cosmo-palette.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cosmo-palette.h"

typedef struct
{
  double r, g, b;
} Rgb;

#define HEX(h) { (((h) >> 16) & 0xff) / 255.0, (((h) >> 8) & 0xff) / 255.0, ((h) & 0xff) / 255.0 }

/* Indexed by CosmoEventCategory: flight, pad, statement, recovery,
 * schedule, note. */
static const Rgb palettes[][COSMO_N_EVENT_CATEGORIES] = {
  [COSMO_PALETTE_LIGHT] = {
    HEX (0x0072b2),             /* blue */
    HEX (0xd55e00),             /* vermillion */
    HEX (0xcc79a7),             /* reddish purple */
    HEX (0x009e73),             /* bluish green */
    HEX (0xe69f00),             /* orange */
    HEX (0x56b4e9),             /* sky blue */
  },
  /* On a dark ground the darker members lose contrast: lift them. */
  [COSMO_PALETTE_DARK] = {
    HEX (0x56b4e9),
    HEX (0xe8803a),
    HEX (0xcc79a7),
    HEX (0x2ab88e),
    HEX (0xe69f00),
    HEX (0xa8d8f3),
  },
  /* A projector washes colours out: lighter still, and yellow for
   * schedule, the lightest Okabe-Ito hue. */
  [COSMO_PALETTE_HIGH_CONTRAST] = {
    { 0.337, 0.706, 0.914 },
    { 0.980, 0.450, 0.100 },
    { 0.900, 0.600, 0.780 },
    { 0.100, 0.800, 0.600 },
    { 0.941, 0.894, 0.259 },
    { 0.750, 0.750, 0.750 },
  },
};

void
cosmo_palette_category_color (CosmoEventCategory   category,
                              CosmoPaletteVariant  variant,
                              double              *r,
                              double              *g,
                              double              *b)
{
  const Rgb *c;

  g_return_if_fail (r != NULL && g != NULL && b != NULL);

  if ((guint) variant >= G_N_ELEMENTS (palettes))
    variant = COSMO_PALETTE_LIGHT;
  if ((guint) category >= COSMO_N_EVENT_CATEGORIES)
    category = COSMO_EVENT_CATEGORY_NOTE;
  c = &palettes[variant][category];
  *r = c->r;
  *g = c->g;
  *b = c->b;
}
