/* cosmo-clock.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "cosmo-clock.h"

struct _CosmoClock
{
  GObject parent_instance;

  double time;
  double rate;
  double bound_start;
  double bound_end;
  double loop_start;
  double loop_end;
  double stop_time;

  /* The anchor: the time shown at frame anchor_frame_us. -1 = unanchored. */
  gint64 anchor_frame_us;
  double anchor_time;
  /* The last frame ticked while playing, -1 if none since play. A seek or a
   * rate change re-anchors on it, so no frame of time is lost or doubled. */
  gint64 last_frame_us;

  guint playing : 1;
  guint loop : 1;
};

enum {
  PROP_0,
  PROP_TIME,
  PROP_RATE,
  PROP_PLAYING,
  PROP_LOOP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const double rate_ladder[] = {
  1.0 / 16, 1.0 / 8, 1.0 / 4, 1.0 / 2, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000,
};

G_DEFINE_FINAL_TYPE (CosmoClock, cosmo_clock, G_TYPE_OBJECT)

static void
cosmo_clock_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CosmoClock *self = COSMO_CLOCK (object);

  switch (prop_id)
    {
    case PROP_TIME: g_value_set_double (value, self->time); break;
    case PROP_RATE: g_value_set_double (value, self->rate); break;
    case PROP_PLAYING: g_value_set_boolean (value, self->playing); break;
    case PROP_LOOP: g_value_set_boolean (value, self->loop); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cosmo_clock_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CosmoClock *self = COSMO_CLOCK (object);

  switch (prop_id)
    {
    case PROP_TIME: cosmo_clock_seek (self, g_value_get_double (value)); break;
    case PROP_RATE: cosmo_clock_set_rate (self, g_value_get_double (value)); break;
    case PROP_PLAYING: cosmo_clock_set_playing (self, g_value_get_boolean (value)); break;
    case PROP_LOOP: cosmo_clock_set_loop (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cosmo_clock_class_init (CosmoClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = cosmo_clock_get_property;
  object_class->set_property = cosmo_clock_set_property;

  properties[PROP_TIME] = g_param_spec_double ("time", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_RATE] = g_param_spec_double ("rate", NULL, NULL,
                                               -COSMO_CLOCK_MAX_RATE, COSMO_CLOCK_MAX_RATE, 1, rw);
  properties[PROP_PLAYING] = g_param_spec_boolean ("playing", NULL, NULL, FALSE, rw);
  properties[PROP_LOOP] = g_param_spec_boolean ("loop", NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cosmo_clock_init (CosmoClock *self)
{
  self->rate = 1;
  self->bound_start = -G_MAXDOUBLE;
  self->bound_end = G_MAXDOUBLE;
  self->loop_start = -G_MAXDOUBLE;
  self->loop_end = G_MAXDOUBLE;
  self->stop_time = NAN;
  self->anchor_frame_us = -1;
  self->last_frame_us = -1;
}

CosmoClock *
cosmo_clock_new (void)
{
  return g_object_new (COSMO_TYPE_CLOCK, NULL);
}

/* Continue from the current time as of the last frame: the next tick
 * advances by one frame interval at the (possibly new) rate. */
static void
reanchor (CosmoClock *self)
{
  if (self->playing && self->last_frame_us >= 0)
    {
      self->anchor_frame_us = self->last_frame_us;
      self->anchor_time = self->time;
    }
  else
    self->anchor_frame_us = -1;
}

static void
set_time_internal (CosmoClock *self,
                   double      t)
{
  if (self->time == t)
    return;
  self->time = t;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
}

double
cosmo_clock_get_time (CosmoClock *self)
{
  g_return_val_if_fail (COSMO_IS_CLOCK (self), 0);
  return self->time;
}

void
cosmo_clock_seek (CosmoClock *self,
                  double      t)
{
  g_return_if_fail (COSMO_IS_CLOCK (self));

  if (!isfinite (t))
    return;

  set_time_internal (self, CLAMP (t, self->bound_start, self->bound_end));
  reanchor (self);
}

double
cosmo_clock_get_rate (CosmoClock *self)
{
  g_return_val_if_fail (COSMO_IS_CLOCK (self), 1);
  return self->rate;
}

void
cosmo_clock_set_rate (CosmoClock *self,
                      double      rate)
{
  double magnitude;

  g_return_if_fail (COSMO_IS_CLOCK (self));

  if (!isfinite (rate) || rate == 0)
    return;

  magnitude = CLAMP (fabs (rate), COSMO_CLOCK_MIN_RATE, COSMO_CLOCK_MAX_RATE);
  rate = rate < 0 ? -magnitude : magnitude;
  if (self->rate == rate)
    return;

  /* Re-anchor at the current time so the change takes effect from now on. */
  self->rate = rate;
  reanchor (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);
}

static void
step_rate (CosmoClock *self,
           int         direction)
{
  double magnitude = fabs (self->rate);
  double sign = self->rate < 0 ? -1 : 1;
  guint n = G_N_ELEMENTS (rate_ladder);

  if (direction > 0)
    {
      for (guint i = 0; i < n; i++)
        if (rate_ladder[i] > magnitude * 1.0001)
          {
            cosmo_clock_set_rate (self, sign * rate_ladder[i]);
            return;
          }
    }
  else
    {
      for (guint i = n; i > 0; i--)
        if (rate_ladder[i - 1] < magnitude * 0.9999)
          {
            cosmo_clock_set_rate (self, sign * rate_ladder[i - 1]);
            return;
          }
    }
}

void
cosmo_clock_faster (CosmoClock *self)
{
  g_return_if_fail (COSMO_IS_CLOCK (self));
  step_rate (self, 1);
}

void
cosmo_clock_slower (CosmoClock *self)
{
  g_return_if_fail (COSMO_IS_CLOCK (self));
  step_rate (self, -1);
}

gboolean
cosmo_clock_get_playing (CosmoClock *self)
{
  g_return_val_if_fail (COSMO_IS_CLOCK (self), FALSE);
  return self->playing;
}

void
cosmo_clock_set_playing (CosmoClock *self,
                         gboolean    playing)
{
  g_return_if_fail (COSMO_IS_CLOCK (self));

  playing = !!playing;
  if (self->playing == (guint) playing)
    return;

  /* Pressing play at the end (without loop) starts again from the start,
   * as every media player does. */
  if (playing && !self->loop)
    {
      if (self->rate > 0 && self->time >= self->bound_end)
        set_time_internal (self, self->bound_start);
      else if (self->rate < 0 && self->time <= self->bound_start)
        set_time_internal (self, self->bound_end);
    }

  /* Time paused is not replayed: the first frame after play anchors. */
  self->anchor_frame_us = -1;
  self->last_frame_us = -1;
  self->playing = playing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

void
cosmo_clock_toggle_playing (CosmoClock *self)
{
  g_return_if_fail (COSMO_IS_CLOCK (self));
  cosmo_clock_set_playing (self, !self->playing);
}

void
cosmo_clock_set_bounds (CosmoClock *self,
                        double      start,
                        double      end)
{
  g_return_if_fail (COSMO_IS_CLOCK (self));
  g_return_if_fail (start <= end);

  self->bound_start = start;
  self->bound_end = end;
  if (self->time < start || self->time > end)
    cosmo_clock_seek (self, self->time);
}

void
cosmo_clock_get_bounds (CosmoClock *self,
                        double     *start,
                        double     *end)
{
  g_return_if_fail (COSMO_IS_CLOCK (self));
  if (start) *start = self->bound_start;
  if (end) *end = self->bound_end;
}

gboolean
cosmo_clock_get_loop (CosmoClock *self)
{
  g_return_val_if_fail (COSMO_IS_CLOCK (self), FALSE);
  return self->loop;
}

void
cosmo_clock_set_loop (CosmoClock *self,
                      gboolean    loop)
{
  g_return_if_fail (COSMO_IS_CLOCK (self));

  loop = !!loop;
  if (self->loop == (guint) loop)
    return;
  self->loop = loop;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOOP]);
}

void
cosmo_clock_set_loop_range (CosmoClock *self,
                            double      start,
                            double      end)
{
  g_return_if_fail (COSMO_IS_CLOCK (self));
  g_return_if_fail (start < end);

  self->loop_start = start;
  self->loop_end = end;
}

void
cosmo_clock_get_loop_range (CosmoClock *self,
                            double     *start,
                            double     *end)
{
  g_return_if_fail (COSMO_IS_CLOCK (self));
  if (start) *start = MAX (self->loop_start, self->bound_start);
  if (end) *end = MIN (self->loop_end, self->bound_end);
}

void
cosmo_clock_set_stop_time (CosmoClock *self,
                           double      t)
{
  g_return_if_fail (COSMO_IS_CLOCK (self));
  self->stop_time = t;
}

double
cosmo_clock_get_stop_time (CosmoClock *self)
{
  g_return_val_if_fail (COSMO_IS_CLOCK (self), NAN);
  return self->stop_time;
}

void
cosmo_clock_tick (CosmoClock *self,
                  gint64      frame_time_us)
{
  double t, lo, hi;

  g_return_if_fail (COSMO_IS_CLOCK (self));

  if (!self->playing)
    return;

  if (self->anchor_frame_us < 0 || frame_time_us < self->anchor_frame_us)
    {
      self->anchor_frame_us = frame_time_us;
      self->anchor_time = self->time;
      self->last_frame_us = frame_time_us;
      return;
    }
  self->last_frame_us = frame_time_us;

  t = self->anchor_time + (double) (frame_time_us - self->anchor_frame_us) / G_USEC_PER_SEC * self->rate;

  if (isfinite (self->stop_time) &&
      ((self->rate > 0 && self->anchor_time < self->stop_time && t >= self->stop_time) ||
       (self->rate < 0 && self->anchor_time > self->stop_time && t <= self->stop_time)))
    {
      double stop = self->stop_time;

      self->stop_time = NAN;
      set_time_internal (self, stop);
      cosmo_clock_set_playing (self, FALSE);
      return;
    }

  if (self->loop)
    {
      cosmo_clock_get_loop_range (self, &lo, &hi);
      if (hi > lo && (t > hi || t < lo))
        {
          double span = hi - lo;
          double wrapped = fmod (t - lo, span);

          if (wrapped < 0)
            wrapped += span;
          t = lo + wrapped;
          /* Re-anchor on the wrapped time; the next tick continues from it. */
          self->anchor_frame_us = frame_time_us;
          self->anchor_time = t;
        }
      set_time_internal (self, t);
      return;
    }

  if (t >= self->bound_end || t <= self->bound_start)
    {
      set_time_internal (self, CLAMP (t, self->bound_start, self->bound_end));
      cosmo_clock_set_playing (self, FALSE);
      return;
    }

  set_time_internal (self, t);
}
