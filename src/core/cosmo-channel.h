/* cosmo-channel.h: one sensor trace, held as two columnar arrays (time and
 * value). A NAN value is a gap in the data.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cosmo-enums.h"

G_BEGIN_DECLS

#define COSMO_TYPE_CHANNEL (cosmo_channel_get_type ())
G_DECLARE_FINAL_TYPE (CosmoChannel, cosmo_channel, COSMO, CHANNEL, GObject)

/* @times and @values hold the same number of doubles; @times is shared
 * between the channels of one file, so it is a reference, not a copy. */
CosmoChannel    *cosmo_channel_new             (const char      *id,
                                                const char      *name,
                                                const char      *unit,
                                                const char      *group,
                                                CosmoProvenance  provenance,
                                                GBytes          *times,
                                                GBytes          *values);
const char      *cosmo_channel_get_id          (CosmoChannel *self);
const char      *cosmo_channel_get_name        (CosmoChannel *self);
const char      *cosmo_channel_get_unit        (CosmoChannel *self);
const char      *cosmo_channel_get_group       (CosmoChannel *self);
CosmoProvenance  cosmo_channel_get_provenance  (CosmoChannel *self);
const char      *cosmo_channel_get_description (CosmoChannel *self);
void             cosmo_channel_set_description (CosmoChannel *self,
                                                const char   *description);
gsize            cosmo_channel_get_n_samples   (CosmoChannel *self);
const double    *cosmo_channel_get_times       (CosmoChannel *self);
const double    *cosmo_channel_get_values      (CosmoChannel *self);
GBytes          *cosmo_channel_get_times_bytes (CosmoChannel *self);
GBytes          *cosmo_channel_get_values_bytes (CosmoChannel *self);
double           cosmo_channel_get_start_time  (CosmoChannel *self);
double           cosmo_channel_get_end_time    (CosmoChannel *self);
/* Minimum and maximum over the finite values; FALSE if there are none. */
gboolean         cosmo_channel_get_value_range (CosmoChannel *self,
                                                double       *min,
                                                double       *max);
/* The min/max pyramid of the values (see cosmo-pyramid.h), built on the
 * first call; thread-safe, so the loader builds it off the main thread. */
const struct _CosmoPyramid *cosmo_channel_get_pyramid (CosmoChannel *self);
/* Linear interpolation at t; NAN outside the data or inside a gap. */
double           cosmo_channel_get_value_at    (CosmoChannel *self,
                                                double        t);

G_END_DECLS
