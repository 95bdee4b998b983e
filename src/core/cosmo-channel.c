/* cosmo-channel.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "cosmo-channel.h"
#include "cosmo-pyramid.h"
#include "cosmo-util.h"

struct _CosmoChannel
{
  GObject parent_instance;

  char *id;
  char *name;
  char *unit;
  char *group;
  char *description;
  CosmoProvenance provenance;

  GBytes *times_bytes;
  GBytes *values_bytes;
  const double *times;
  const double *values;
  gsize n_samples;

  double min;
  double max;
  gboolean has_range;

  CosmoPyramid *pyramid;   /* built once, under g_once_init_enter */
};

G_DEFINE_FINAL_TYPE (CosmoChannel, cosmo_channel, G_TYPE_OBJECT)

static void
cosmo_channel_finalize (GObject *object)
{
  CosmoChannel *self = (CosmoChannel *) object;

  g_clear_pointer (&self->pyramid, cosmo_pyramid_free);
  g_clear_pointer (&self->times_bytes, g_bytes_unref);
  g_clear_pointer (&self->values_bytes, g_bytes_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->group, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (cosmo_channel_parent_class)->finalize (object);
}

static void
cosmo_channel_class_init (CosmoChannelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cosmo_channel_finalize;
}

static void
cosmo_channel_init (CosmoChannel *self)
{
}

CosmoChannel *
cosmo_channel_new (const char      *id,
                   const char      *name,
                   const char      *unit,
                   const char      *group,
                   CosmoProvenance  provenance,
                   GBytes          *times,
                   GBytes          *values)
{
  CosmoChannel *self;

  g_return_val_if_fail (times != NULL, NULL);
  g_return_val_if_fail (values != NULL, NULL);
  g_return_val_if_fail (g_bytes_get_size (times) == g_bytes_get_size (values), NULL);

  self = g_object_new (COSMO_TYPE_CHANNEL, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name ? name : id);
  self->unit = g_strdup (unit ? unit : "");
  self->group = g_strdup (group ? group : "");
  self->provenance = provenance;
  self->times_bytes = g_bytes_ref (times);
  self->values_bytes = g_bytes_ref (values);
  self->times = g_bytes_get_data (times, NULL);
  self->values = g_bytes_get_data (values, NULL);
  self->n_samples = g_bytes_get_size (times) / sizeof (double);

  self->min = INFINITY;
  self->max = -INFINITY;
  for (gsize i = 0; i < self->n_samples; i++)
    if (isfinite (self->values[i]))
      {
        self->min = MIN (self->min, self->values[i]);
        self->max = MAX (self->max, self->values[i]);
        self->has_range = TRUE;
      }

  return self;
}

const char *cosmo_channel_get_id (CosmoChannel *self) { g_return_val_if_fail (COSMO_IS_CHANNEL (self), NULL); return self->id; }
const char *cosmo_channel_get_name (CosmoChannel *self) { g_return_val_if_fail (COSMO_IS_CHANNEL (self), NULL); return self->name; }
const char *cosmo_channel_get_unit (CosmoChannel *self) { g_return_val_if_fail (COSMO_IS_CHANNEL (self), NULL); return self->unit; }
const char *cosmo_channel_get_group (CosmoChannel *self) { g_return_val_if_fail (COSMO_IS_CHANNEL (self), NULL); return self->group; }
CosmoProvenance cosmo_channel_get_provenance (CosmoChannel *self) { g_return_val_if_fail (COSMO_IS_CHANNEL (self), 0); return self->provenance; }
const char *cosmo_channel_get_description (CosmoChannel *self) { g_return_val_if_fail (COSMO_IS_CHANNEL (self), NULL); return self->description; }
gsize cosmo_channel_get_n_samples (CosmoChannel *self) { g_return_val_if_fail (COSMO_IS_CHANNEL (self), 0); return self->n_samples; }
const double *cosmo_channel_get_times (CosmoChannel *self) { g_return_val_if_fail (COSMO_IS_CHANNEL (self), NULL); return self->times; }
const double *cosmo_channel_get_values (CosmoChannel *self) { g_return_val_if_fail (COSMO_IS_CHANNEL (self), NULL); return self->values; }
GBytes *cosmo_channel_get_times_bytes (CosmoChannel *self) { g_return_val_if_fail (COSMO_IS_CHANNEL (self), NULL); return self->times_bytes; }
GBytes *cosmo_channel_get_values_bytes (CosmoChannel *self) { g_return_val_if_fail (COSMO_IS_CHANNEL (self), NULL); return self->values_bytes; }

void
cosmo_channel_set_description (CosmoChannel *self,
                               const char   *description)
{
  g_return_if_fail (COSMO_IS_CHANNEL (self));
  cosmo_set_str (&self->description, description);
}

double
cosmo_channel_get_start_time (CosmoChannel *self)
{
  g_return_val_if_fail (COSMO_IS_CHANNEL (self), NAN);
  return self->n_samples ? self->times[0] : NAN;
}

double
cosmo_channel_get_end_time (CosmoChannel *self)
{
  g_return_val_if_fail (COSMO_IS_CHANNEL (self), NAN);
  return self->n_samples ? self->times[self->n_samples - 1] : NAN;
}

gboolean
cosmo_channel_get_value_range (CosmoChannel *self,
                               double       *min,
                               double       *max)
{
  g_return_val_if_fail (COSMO_IS_CHANNEL (self), FALSE);

  if (min) *min = self->min;
  if (max) *max = self->max;
  return self->has_range;
}

const CosmoPyramid *
cosmo_channel_get_pyramid (CosmoChannel *self)
{
  g_return_val_if_fail (COSMO_IS_CHANNEL (self), NULL);

  if (g_once_init_enter (&self->pyramid))
    g_once_init_leave (&self->pyramid, cosmo_pyramid_new (self->values, self->n_samples, self->values_bytes));
  return self->pyramid;
}

double
cosmo_channel_get_value_at (CosmoChannel *self,
                            double        t)
{
  gsize lo = 0, hi;
  double f;

  g_return_val_if_fail (COSMO_IS_CHANNEL (self), NAN);

  if (self->n_samples == 0 || t < self->times[0] || t > self->times[self->n_samples - 1])
    return NAN;

  hi = self->n_samples;
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (self->times[mid] <= t)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo == 0)
    return self->values[0];
  lo--;
  if (lo + 1 >= self->n_samples || self->times[lo] == t)
    return self->values[lo];

  f = (t - self->times[lo]) / (self->times[lo + 1] - self->times[lo]);
  /* NAN on either side propagates: a gap stays a gap. */
  return self->values[lo] + (self->values[lo + 1] - self->values[lo]) * f;
}
