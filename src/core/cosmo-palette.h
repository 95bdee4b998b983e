/* cosmo-palette.h: the one set of event-category colours
 *
 * Every view that colours an event by its category (timeline, charts,
 * briefing pages and frames, presentation caption band) asks here, so a
 * "pad" event is the same colour wherever it appears. The set is Okabe &
 * Ito's (2008), told apart by hue *and* lightness so it survives the common
 * colour-vision deficiencies and a washed-out projector.
 *
 * ui/style.css and ui/style-dark.css mirror the LIGHT and DARK variants for
 * the event-log chips (CSS cannot call C): change them together.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cosmo-enums.h"

G_BEGIN_DECLS

typedef enum {
  COSMO_PALETTE_LIGHT,          /* light ground: Adwaita light, paper, high-contrast charts */
  COSMO_PALETTE_DARK,           /* Adwaita dark ground */
  COSMO_PALETTE_HIGH_CONTRAST,  /* near-black ground of the projector: lifted, saturated */
} CosmoPaletteVariant;

/* Components in 0..1. An unknown category gets the NOTE colour. */
void cosmo_palette_category_color (CosmoEventCategory   category,
                                   CosmoPaletteVariant  variant,
                                   double              *r,
                                   double              *g,
                                   double              *b);

G_END_DECLS
