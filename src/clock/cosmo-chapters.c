/* cosmo-chapters.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "cosmo-chapters.h"

/* Times are compared with this slack: a clock paused "on" a chapter must
 * count as being on it even after a round trip through a double. */
#define EPSILON 1e-3

void
cosmo_chapters_plan_step (double            from,
                          double            to,
                          double            seconds,
                          CosmoChapterStep *step)
{
  double gap = to - from;
  double rate;

  g_return_if_fail (step != NULL);

  if (seconds <= 0)
    seconds = COSMO_CHAPTERS_STEP_SECONDS;

  step->seek_to = NAN;
  step->stop_time = to;

  if (fabs (gap) < EPSILON)
    {
      step->rate = 1;
      return;
    }

  /* Short gaps play in real time or faster, never slower: a chapter ten
   * seconds on is worth watching at 1x. */
  rate = MAX (fabs (gap) / seconds, 1.0);
  if (rate > COSMO_CLOCK_MAX_RATE)
    {
      /* Months between chapters: jump most of the way and play the last
       * few seconds in at the top rate so the arrival is still seen. */
      rate = COSMO_CLOCK_MAX_RATE;
      step->seek_to = to - (gap > 0 ? 1 : -1) * rate * seconds;
    }
  step->rate = gap > 0 ? rate : -rate;
}

struct _CosmoChapters
{
  GObject parent_instance;

  CosmoSession *session;
  CosmoClock *clock;
  GPtrArray *chapters;     /* CosmoEvent, owned */
  int index;
  int target;              /* chapter being stepped to, -1 when none */
  double saved_rate;
  gulong mission_handler;
  gulong time_handler;
  gulong playing_handler;
};

G_DEFINE_FINAL_TYPE (CosmoChapters, cosmo_chapters, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDEX,
  PROP_STEPPING,
  N_PROPS
};

enum {
  ARRIVED,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static int
find_index (CosmoChapters *self,
            double         t)
{
  int lo = 0, hi = (int) self->chapters->len;

  /* Last chapter with time <= t + EPSILON. */
  while (lo < hi)
    {
      int mid = (lo + hi) / 2;

      if (cosmo_event_get_time (g_ptr_array_index (self->chapters, mid)) <= t + EPSILON)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo - 1;
}

static void
update_index (CosmoChapters *self)
{
  int index = find_index (self, cosmo_clock_get_time (self->clock));

  if (index == self->index)
    return;
  self->index = index;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
}

static void
finish_step (CosmoChapters *self)
{
  int target = self->target;

  if (target < 0)
    return;

  self->target = -1;
  cosmo_clock_set_stop_time (self->clock, NAN);
  cosmo_clock_set_rate (self->clock, self->saved_rate);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEPPING]);

  update_index (self);
  if (self->index == target)
    g_signal_emit (self, signals[ARRIVED], 0, (guint) target);
}

static void
on_time (CosmoChapters *self)
{
  update_index (self);
}

static void
on_playing (CosmoChapters *self)
{
  /* The stop time paused the clock on the chapter, or someone paused it. */
  if (self->target >= 0 && !cosmo_clock_get_playing (self->clock))
    finish_step (self);
}

static void
rebuild (CosmoChapters *self)
{
  CosmoMission *mission = cosmo_session_get_mission (self->session);

  if (self->target >= 0)
    cosmo_chapters_cancel (self);

  g_ptr_array_set_size (self->chapters, 0);
  if (mission != NULL)
    {
      g_autoptr(GPtrArray) chapters = cosmo_mission_get_chapters (mission);

      for (guint i = 0; i < chapters->len; i++)
        g_ptr_array_add (self->chapters, g_object_ref (g_ptr_array_index (chapters, i)));
    }

  self->index = -2;
  update_index (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
cosmo_chapters_dispose (GObject *object)
{
  CosmoChapters *self = COSMO_CHAPTERS (object);

  if (self->clock != NULL)
    {
      g_clear_signal_handler (&self->time_handler, self->clock);
      g_clear_signal_handler (&self->playing_handler, self->clock);
    }
  if (self->session != NULL)
    g_clear_signal_handler (&self->mission_handler, self->session);
  g_clear_object (&self->clock);
  g_clear_object (&self->session);
  if (self->chapters != NULL)
    g_ptr_array_set_size (self->chapters, 0);

  G_OBJECT_CLASS (cosmo_chapters_parent_class)->dispose (object);
}

static void
cosmo_chapters_finalize (GObject *object)
{
  CosmoChapters *self = COSMO_CHAPTERS (object);

  g_clear_pointer (&self->chapters, g_ptr_array_unref);

  G_OBJECT_CLASS (cosmo_chapters_parent_class)->finalize (object);
}

static void
cosmo_chapters_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CosmoChapters *self = COSMO_CHAPTERS (object);

  switch (prop_id)
    {
    case PROP_INDEX: g_value_set_int (value, self->index); break;
    case PROP_STEPPING: g_value_set_boolean (value, self->target >= 0); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cosmo_chapters_class_init (CosmoChaptersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cosmo_chapters_dispose;
  object_class->finalize = cosmo_chapters_finalize;
  object_class->get_property = cosmo_chapters_get_property;

  properties[PROP_INDEX] = g_param_spec_int ("index", NULL, NULL, -1, G_MAXINT, -1,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEPPING] = g_param_spec_boolean ("stepping", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A step reached its chapter (not emitted when a step is interrupted). */
  signals[ARRIVED] = g_signal_new ("arrived", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /* The list of chapters changed (a new mission). */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cosmo_chapters_init (CosmoChapters *self)
{
  self->chapters = g_ptr_array_new_with_free_func (g_object_unref);
  self->index = -1;
  self->target = -1;
  self->saved_rate = 1;
}

CosmoChapters *
cosmo_chapters_new (CosmoSession *session)
{
  CosmoChapters *self;

  g_return_val_if_fail (COSMO_IS_SESSION (session), NULL);

  self = g_object_new (COSMO_TYPE_CHAPTERS, NULL);
  self->session = g_object_ref (session);
  self->clock = g_object_ref (cosmo_session_get_clock (session));
  self->mission_handler = g_signal_connect_swapped (session, "notify::mission", G_CALLBACK (rebuild), self);
  self->time_handler = g_signal_connect_swapped (self->clock, "notify::time", G_CALLBACK (on_time), self);
  self->playing_handler = g_signal_connect_swapped (self->clock, "notify::playing", G_CALLBACK (on_playing), self);
  rebuild (self);

  return self;
}

CosmoSession *
cosmo_chapters_get_session (CosmoChapters *self)
{
  g_return_val_if_fail (COSMO_IS_CHAPTERS (self), NULL);
  return self->session;
}

guint
cosmo_chapters_get_n_chapters (CosmoChapters *self)
{
  g_return_val_if_fail (COSMO_IS_CHAPTERS (self), 0);
  return self->chapters->len;
}

CosmoEvent *
cosmo_chapters_get_chapter (CosmoChapters *self,
                            guint          i)
{
  g_return_val_if_fail (COSMO_IS_CHAPTERS (self), NULL);
  g_return_val_if_fail (i < self->chapters->len, NULL);
  return g_ptr_array_index (self->chapters, i);
}

int
cosmo_chapters_get_index (CosmoChapters *self)
{
  g_return_val_if_fail (COSMO_IS_CHAPTERS (self), -1);
  return self->index;
}

CosmoEvent *
cosmo_chapters_get_current (CosmoChapters *self)
{
  g_return_val_if_fail (COSMO_IS_CHAPTERS (self), NULL);
  return self->index >= 0 ? g_ptr_array_index (self->chapters, self->index) : NULL;
}

gboolean
cosmo_chapters_get_stepping (CosmoChapters *self)
{
  g_return_val_if_fail (COSMO_IS_CHAPTERS (self), FALSE);
  return self->target >= 0;
}

void
cosmo_chapters_cancel (CosmoChapters *self)
{
  g_return_if_fail (COSMO_IS_CHAPTERS (self));

  if (self->target < 0)
    return;
  self->target = -1;
  cosmo_clock_set_stop_time (self->clock, NAN);
  cosmo_clock_set_playing (self->clock, FALSE);
  cosmo_clock_set_rate (self->clock, self->saved_rate);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEPPING]);
}

gboolean
cosmo_chapters_next (CosmoChapters *self)
{
  CosmoChapterStep step;
  gboolean landed = FALSE;
  double t, target_time;
  int target;

  g_return_val_if_fail (COSMO_IS_CHAPTERS (self), FALSE);

  if (self->target >= 0)
    {
      /* Impatient clicker: land now, then go on from there. */
      double land = cosmo_event_get_time (g_ptr_array_index (self->chapters, self->target));

      cosmo_chapters_cancel (self);
      cosmo_clock_seek (self->clock, land);
      landed = TRUE;
    }

  t = cosmo_clock_get_time (self->clock);
  target = find_index (self, t) + 1;
  if (target >= (int) self->chapters->len)
    return landed;

  target_time = cosmo_event_get_time (g_ptr_array_index (self->chapters, target));
  cosmo_chapters_plan_step (t, target_time, COSMO_CHAPTERS_STEP_SECONDS, &step);

  self->saved_rate = cosmo_clock_get_rate (self->clock);
  self->target = target;
  if (isfinite (step.seek_to))
    cosmo_clock_seek (self->clock, step.seek_to);
  cosmo_clock_set_rate (self->clock, step.rate);
  cosmo_clock_set_stop_time (self->clock, step.stop_time);
  if (!cosmo_clock_get_playing (self->clock))
    cosmo_clock_set_playing (self->clock, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEPPING]);

  return TRUE;
}

void
cosmo_chapters_go_to (CosmoChapters *self,
                      guint          i)
{
  g_return_if_fail (COSMO_IS_CHAPTERS (self));
  g_return_if_fail (i < self->chapters->len);

  cosmo_chapters_cancel (self);
  cosmo_clock_set_playing (self->clock, FALSE);
  cosmo_clock_seek (self->clock, cosmo_event_get_time (g_ptr_array_index (self->chapters, i)));
  update_index (self);
}

gboolean
cosmo_chapters_previous (CosmoChapters *self)
{
  double t;
  int index;

  g_return_val_if_fail (COSMO_IS_CHAPTERS (self), FALSE);

  cosmo_chapters_cancel (self);
  t = cosmo_clock_get_time (self->clock);
  index = find_index (self, t);
  if (index < 0)
    return FALSE;

  if (t > cosmo_event_get_time (g_ptr_array_index (self->chapters, index)) + EPSILON)
    cosmo_chapters_go_to (self, index);
  else if (index > 0)
    cosmo_chapters_go_to (self, index - 1);
  else
    return FALSE;

  return TRUE;
}

/* The kiosk loop ---------------------------------------------------------- */

struct _CosmoKioskLoop
{
  GObject parent_instance;

  CosmoChapters *chapters;
  CosmoKioskState state;
  gint64 now_us;
  gint64 hold_until_us;
  gint64 last_activity_us;
  guint n_loops;
  gboolean started;
};

G_DEFINE_FINAL_TYPE (CosmoKioskLoop, cosmo_kiosk_loop, G_TYPE_OBJECT)

static void
cosmo_kiosk_loop_dispose (GObject *object)
{
  CosmoKioskLoop *self = COSMO_KIOSK_LOOP (object);

  g_clear_object (&self->chapters);

  G_OBJECT_CLASS (cosmo_kiosk_loop_parent_class)->dispose (object);
}

static void
cosmo_kiosk_loop_class_init (CosmoKioskLoopClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cosmo_kiosk_loop_dispose;
}

static void
cosmo_kiosk_loop_init (CosmoKioskLoop *self)
{
}

CosmoKioskLoop *
cosmo_kiosk_loop_new (CosmoChapters *chapters)
{
  CosmoKioskLoop *self;

  g_return_val_if_fail (COSMO_IS_CHAPTERS (chapters), NULL);

  self = g_object_new (COSMO_TYPE_KIOSK_LOOP, NULL);
  self->chapters = g_object_ref (chapters);
  return self;
}

CosmoChapters *
cosmo_kiosk_loop_get_chapters (CosmoKioskLoop *self)
{
  g_return_val_if_fail (COSMO_IS_KIOSK_LOOP (self), NULL);
  return self->chapters;
}

CosmoKioskState
cosmo_kiosk_loop_get_state (CosmoKioskLoop *self)
{
  g_return_val_if_fail (COSMO_IS_KIOSK_LOOP (self), COSMO_KIOSK_STATE_STEPPING);
  return self->state;
}

guint
cosmo_kiosk_loop_get_n_loops (CosmoKioskLoop *self)
{
  g_return_val_if_fail (COSMO_IS_KIOSK_LOOP (self), 0);
  return self->n_loops;
}

static void
hold (CosmoKioskLoop *self)
{
  self->state = COSMO_KIOSK_STATE_HOLDING;
  self->hold_until_us = self->now_us + (gint64) (COSMO_KIOSK_HOLD_SECONDS * G_USEC_PER_SEC);
}

void
cosmo_kiosk_loop_restart (CosmoKioskLoop *self,
                          gint64          now_us)
{
  CosmoClock *clock;
  double first;

  g_return_if_fail (COSMO_IS_KIOSK_LOOP (self));

  self->now_us = now_us;
  self->started = TRUE;
  clock = cosmo_session_get_clock (cosmo_chapters_get_session (self->chapters));
  cosmo_chapters_cancel (self->chapters);
  cosmo_clock_set_playing (clock, FALSE);
  cosmo_clock_set_rate (clock, 1);

  if (cosmo_chapters_get_n_chapters (self->chapters) == 0)
    {
      hold (self);
      return;
    }

  first = cosmo_event_get_time (cosmo_chapters_get_chapter (self->chapters, 0));
  cosmo_clock_seek (clock, first - COSMO_KIOSK_LEAD_IN_SECONDS);
  if (cosmo_chapters_next (self->chapters))
    self->state = COSMO_KIOSK_STATE_STEPPING;
  else
    hold (self);
}

void
cosmo_kiosk_loop_tick (CosmoKioskLoop *self,
                       gint64          now_us)
{
  CosmoClock *clock;

  g_return_if_fail (COSMO_IS_KIOSK_LOOP (self));

  self->now_us = now_us;
  if (!self->started)
    {
      cosmo_kiosk_loop_restart (self, now_us);
      return;
    }

  clock = cosmo_session_get_clock (cosmo_chapters_get_session (self->chapters));
  cosmo_clock_tick (clock, now_us);

  switch (self->state)
    {
    case COSMO_KIOSK_STATE_STEPPING:
      if (!cosmo_chapters_get_stepping (self->chapters))
        hold (self);
      break;

    case COSMO_KIOSK_STATE_HOLDING:
      if (now_us < self->hold_until_us)
        break;
      if (cosmo_chapters_get_index (self->chapters) + 1 >= (int) cosmo_chapters_get_n_chapters (self->chapters))
        {
          self->n_loops++;
          cosmo_kiosk_loop_restart (self, now_us);
        }
      else if (cosmo_chapters_next (self->chapters))
        self->state = COSMO_KIOSK_STATE_STEPPING;
      else
        hold (self);
      break;

    case COSMO_KIOSK_STATE_VISITOR:
      if (now_us - self->last_activity_us >= (gint64) (COSMO_KIOSK_IDLE_SECONDS * G_USEC_PER_SEC))
        cosmo_kiosk_loop_restart (self, now_us);
      break;

    default:
      g_assert_not_reached ();
    }
}

void
cosmo_kiosk_loop_user_activity (CosmoKioskLoop *self,
                                gint64          now_us)
{
  g_return_if_fail (COSMO_IS_KIOSK_LOOP (self));

  self->started = TRUE;
  self->last_activity_us = now_us;
  if (self->state != COSMO_KIOSK_STATE_VISITOR)
    {
      /* Hand the clock over as it is: a step in progress ends where it is. */
      cosmo_chapters_cancel (self->chapters);
      self->state = COSMO_KIOSK_STATE_VISITOR;
    }
}
