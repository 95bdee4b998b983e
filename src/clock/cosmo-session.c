/* cosmo-session.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "cosmo-session.h"

struct _CosmoSession
{
  GObject parent_instance;

  CosmoClock *clock;
  CosmoMission *mission;
  CosmoEvent *selected_event;
  double visible_start;
  double visible_end;
  CosmoTimeDisplay time_display;
  gboolean presentation;
};

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_MISSION,
  PROP_VISIBLE_START,
  PROP_VISIBLE_END,
  PROP_SELECTED_EVENT,
  PROP_TIME_DISPLAY,
  PROP_PRESENTATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CosmoSession, cosmo_session, G_TYPE_OBJECT)

static void
cosmo_session_dispose (GObject *object)
{
  CosmoSession *self = (CosmoSession *) object;

  g_clear_object (&self->clock);
  g_clear_object (&self->mission);
  g_clear_object (&self->selected_event);

  G_OBJECT_CLASS (cosmo_session_parent_class)->dispose (object);
}

static void
cosmo_session_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CosmoSession *self = COSMO_SESSION (object);

  switch (prop_id)
    {
    case PROP_CLOCK: g_value_set_object (value, self->clock); break;
    case PROP_MISSION: g_value_set_object (value, self->mission); break;
    case PROP_VISIBLE_START: g_value_set_double (value, self->visible_start); break;
    case PROP_VISIBLE_END: g_value_set_double (value, self->visible_end); break;
    case PROP_SELECTED_EVENT: g_value_set_object (value, self->selected_event); break;
    case PROP_TIME_DISPLAY: g_value_set_int (value, self->time_display); break;
    case PROP_PRESENTATION: g_value_set_boolean (value, self->presentation); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cosmo_session_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CosmoSession *self = COSMO_SESSION (object);

  switch (prop_id)
    {
    case PROP_MISSION: cosmo_session_set_mission (self, g_value_get_object (value)); break;
    case PROP_SELECTED_EVENT: cosmo_session_set_selected_event (self, g_value_get_object (value)); break;
    case PROP_TIME_DISPLAY: cosmo_session_set_time_display (self, g_value_get_int (value)); break;
    case PROP_PRESENTATION: cosmo_session_set_presentation (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cosmo_session_class_init (CosmoSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cosmo_session_dispose;
  object_class->get_property = cosmo_session_get_property;
  object_class->set_property = cosmo_session_set_property;

  properties[PROP_CLOCK] = g_param_spec_object ("clock", NULL, NULL, COSMO_TYPE_CLOCK, ro);
  properties[PROP_MISSION] = g_param_spec_object ("mission", NULL, NULL, COSMO_TYPE_MISSION, rw);
  properties[PROP_VISIBLE_START] = g_param_spec_double ("visible-start", NULL, NULL,
                                                        -G_MAXDOUBLE, G_MAXDOUBLE, -60, ro);
  properties[PROP_VISIBLE_END] = g_param_spec_double ("visible-end", NULL, NULL,
                                                      -G_MAXDOUBLE, G_MAXDOUBLE, 600, ro);
  properties[PROP_SELECTED_EVENT] = g_param_spec_object ("selected-event", NULL, NULL, COSMO_TYPE_EVENT, rw);
  properties[PROP_TIME_DISPLAY] = g_param_spec_int ("time-display", NULL, NULL,
                                                    COSMO_TIME_DISPLAY_MISSION, COSMO_TIME_DISPLAY_SITE,
                                                    COSMO_TIME_DISPLAY_MISSION, rw);
  /* Presentation mode and the kiosk: views scale lines and type for a room. */
  properties[PROP_PRESENTATION] = g_param_spec_boolean ("presentation", NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cosmo_session_init (CosmoSession *self)
{
  self->clock = cosmo_clock_new ();
  self->visible_start = -60;
  self->visible_end = 600;
}

CosmoSession *
cosmo_session_new (void)
{
  return g_object_new (COSMO_TYPE_SESSION, NULL);
}

CosmoClock *
cosmo_session_get_clock (CosmoSession *self)
{
  g_return_val_if_fail (COSMO_IS_SESSION (self), NULL);
  return self->clock;
}

CosmoMission *
cosmo_session_get_mission (CosmoSession *self)
{
  g_return_val_if_fail (COSMO_IS_SESSION (self), NULL);
  return self->mission;
}

void
cosmo_session_set_mission (CosmoSession *self,
                           CosmoMission *mission)
{
  double start = 0, end = 0;

  g_return_if_fail (COSMO_IS_SESSION (self));

  if (self->mission == mission)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  cosmo_session_set_selected_event (self, NULL);
  g_set_object (&self->mission, mission);

  if (mission != NULL)
    {
      cosmo_mission_get_time_bounds (mission, &start, &end);
      cosmo_clock_set_playing (self->clock, FALSE);
      cosmo_clock_set_bounds (self->clock, start, end);
      cosmo_clock_seek (self->clock, CLAMP (0, start, end));
    }

  /* Open on the flight: the trajectory's span when there is one (the
   * ascent, T-60 s to T+10 min, for a launch), else the ascent window. */
  {
    CosmoTrajectory *trajectory = mission ? cosmo_mission_get_trajectory (mission) : NULL;
    double a = MAX (start, -60), b = MIN (MAX (end, 60), 600);

    if (trajectory != NULL && cosmo_trajectory_get_n_samples (trajectory) > 1)
      {
        double t0 = cosmo_trajectory_get_start_time (trajectory);
        double t1 = cosmo_trajectory_get_end_time (trajectory);

        if (t0 < -60 || t1 > 600)
          {
            double margin = (t1 - t0) * 0.05;

            a = t0 - margin;
            b = t1 + margin;
          }
      }
    cosmo_session_set_visible_range (self, a, b);
  }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MISSION]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
cosmo_session_get_visible_range (CosmoSession *self,
                                 double       *start,
                                 double       *end)
{
  g_return_if_fail (COSMO_IS_SESSION (self));
  if (start) *start = self->visible_start;
  if (end) *end = self->visible_end;
}

void
cosmo_session_set_visible_range (CosmoSession *self,
                                 double        start,
                                 double        end)
{
  double span, center;

  g_return_if_fail (COSMO_IS_SESSION (self));

  if (!isfinite (start) || !isfinite (end))
    return;
  if (end < start)
    {
      double tmp = start;
      start = end;
      end = tmp;
    }

  span = CLAMP (end - start, COSMO_SESSION_MIN_SPAN, COSMO_SESSION_MAX_SPAN);
  center = (start + end) / 2;
  start = center - span / 2;
  end = center + span / 2;

  if (start == self->visible_start && end == self->visible_end)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (start != self->visible_start)
    {
      self->visible_start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_START]);
    }
  if (end != self->visible_end)
    {
      self->visible_end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_END]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
cosmo_session_zoom (CosmoSession *self,
                    double        center,
                    double        factor)
{
  g_return_if_fail (COSMO_IS_SESSION (self));

  if (!(factor > 0) || !isfinite (center))
    return;

  cosmo_session_set_visible_range (self,
                                   center - (center - self->visible_start) * factor,
                                   center + (self->visible_end - center) * factor);
}

void
cosmo_session_pan (CosmoSession *self,
                   double        seconds)
{
  g_return_if_fail (COSMO_IS_SESSION (self));
  cosmo_session_set_visible_range (self, self->visible_start + seconds, self->visible_end + seconds);
}

CosmoEvent *
cosmo_session_get_selected_event (CosmoSession *self)
{
  g_return_val_if_fail (COSMO_IS_SESSION (self), NULL);
  return self->selected_event;
}

void
cosmo_session_set_selected_event (CosmoSession *self,
                                  CosmoEvent   *event)
{
  g_return_if_fail (COSMO_IS_SESSION (self));

  if (g_set_object (&self->selected_event, event))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
}

CosmoTimeDisplay
cosmo_session_get_time_display (CosmoSession *self)
{
  g_return_val_if_fail (COSMO_IS_SESSION (self), 0);
  return self->time_display;
}

void
cosmo_session_set_time_display (CosmoSession     *self,
                                CosmoTimeDisplay  display)
{
  g_return_if_fail (COSMO_IS_SESSION (self));

  if (self->time_display == display)
    return;
  self->time_display = display;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_DISPLAY]);
}

gboolean
cosmo_session_get_presentation (CosmoSession *self)
{
  g_return_val_if_fail (COSMO_IS_SESSION (self), FALSE);
  return self->presentation;
}

void
cosmo_session_set_presentation (CosmoSession *self,
                                gboolean      presentation)
{
  g_return_if_fail (COSMO_IS_SESSION (self));

  presentation = !!presentation;
  if (self->presentation == presentation)
    return;
  self->presentation = presentation;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTATION]);
}

char *
cosmo_session_format_time (CosmoSession *self,
                           double        t,
                           guint         decimals)
{
  g_return_val_if_fail (COSMO_IS_SESSION (self), NULL);

  if (self->mission == NULL || self->time_display == COSMO_TIME_DISPLAY_MISSION)
    return cosmo_time_format_mission (t, decimals);

  return cosmo_time_format_absolute (cosmo_mission_get_t0 (self->mission), t,
                                     self->time_display == COSMO_TIME_DISPLAY_SITE
                                       ? cosmo_mission_get_time_zone (self->mission) : NULL,
                                     decimals);
}

void
cosmo_session_get_preset_range (CosmoSession     *self,
                                CosmoRangePreset  preset,
                                double           *start,
                                double           *end)
{
  double lo = -3600, hi = 600, first = 0, last = 0;

  g_return_if_fail (COSMO_IS_SESSION (self));

  if (self->mission != NULL)
    cosmo_event_list_get_bounds (cosmo_mission_get_events (self->mission), &first, &last);

  switch (preset)
    {
    case COSMO_RANGE_PRESET_ASCENT:
      lo = -60;
      hi = 600;
      break;

    case COSMO_RANGE_PRESET_LAUNCH_DAY:
      hi = 15 * 3600;
      if (self->mission != NULL)
        {
          /* Up to midnight UTC after T0: the day's statements came late. */
          GDateTime *t0 = cosmo_mission_get_t0 (self->mission);
          g_autoptr(GDateTime) utc = g_date_time_to_utc (t0);
          g_autoptr(GDateTime) midnight = g_date_time_new_utc (g_date_time_get_year (utc),
                                                               g_date_time_get_month (utc),
                                                               g_date_time_get_day_of_month (utc), 0, 0, 0);
          g_autoptr(GDateTime) next = g_date_time_add_days (midnight, 1);

          hi = cosmo_time_from_datetime (t0, next);
        }
      break;

    case COSMO_RANGE_PRESET_WHOLE_INCIDENT:
    default:
      lo = MIN (-3600, first);
      hi = MAX (last, 86400);
      break;
    }

  if (preset != COSMO_RANGE_PRESET_ASCENT)
    {
      /* A little room so the first and last markers are not cut in half. */
      double pad = (hi - lo) * 0.015;

      lo -= pad;
      hi += pad;
    }

  if (start) *start = lo;
  if (end) *end = hi;
}

void
cosmo_session_show_preset (CosmoSession     *self,
                           CosmoRangePreset  preset)
{
  double start, end;

  g_return_if_fail (COSMO_IS_SESSION (self));

  cosmo_session_get_preset_range (self, preset, &start, &end);
  cosmo_session_set_visible_range (self, start, end);
}

CosmoEvent *
cosmo_session_step_event (CosmoSession *self,
                          int           direction)
{
  CosmoEventList *events;
  CosmoEvent *event;
  double t;

  g_return_val_if_fail (COSMO_IS_SESSION (self), NULL);

  if (self->mission == NULL || direction == 0)
    return NULL;

  events = cosmo_mission_get_events (self->mission);
  t = cosmo_clock_get_time (self->clock);
  event = direction > 0 ? cosmo_event_list_get_next (events, t) : cosmo_event_list_get_previous (events, t);
  if (event == NULL)
    return NULL;

  cosmo_clock_seek (self->clock, cosmo_event_get_time (event));
  cosmo_session_set_selected_event (self, event);
  return event;
}
