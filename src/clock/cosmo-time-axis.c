/* cosmo-time-axis.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "cosmo-time-axis.h"

#define DAY 86400.0

/* Enough for any sane axis; guards against a caller passing a huge width. */
#define MAX_TICKS 4000

static const CosmoTimeStep ladder[] = {
  { COSMO_TIME_UNIT_SUBSECOND, 1, 0.1, 0 },
  { COSMO_TIME_UNIT_SUBSECOND, 2, 0.2, 2 },
  { COSMO_TIME_UNIT_SUBSECOND, 5, 0.5, 5 },
  { COSMO_TIME_UNIT_SECOND, 1, 1, 5 },
  { COSMO_TIME_UNIT_SECOND, 2, 2, 2 },
  { COSMO_TIME_UNIT_SECOND, 5, 5, 5 },
  { COSMO_TIME_UNIT_SECOND, 10, 10, 5 },
  { COSMO_TIME_UNIT_SECOND, 15, 15, 3 },
  { COSMO_TIME_UNIT_SECOND, 30, 30, 3 },
  { COSMO_TIME_UNIT_MINUTE, 1, 60, 6 },
  { COSMO_TIME_UNIT_MINUTE, 2, 120, 4 },
  { COSMO_TIME_UNIT_MINUTE, 5, 300, 5 },
  { COSMO_TIME_UNIT_MINUTE, 10, 600, 5 },
  { COSMO_TIME_UNIT_MINUTE, 15, 900, 3 },
  { COSMO_TIME_UNIT_MINUTE, 30, 1800, 3 },
  { COSMO_TIME_UNIT_HOUR, 1, 3600, 4 },
  { COSMO_TIME_UNIT_HOUR, 2, 7200, 4 },
  { COSMO_TIME_UNIT_HOUR, 3, 10800, 3 },
  { COSMO_TIME_UNIT_HOUR, 6, 21600, 6 },
  { COSMO_TIME_UNIT_HOUR, 12, 43200, 4 },
  { COSMO_TIME_UNIT_DAY, 1, DAY, 4 },
  { COSMO_TIME_UNIT_DAY, 2, 2 * DAY, 2 },
  { COSMO_TIME_UNIT_WEEK, 1, 7 * DAY, 7 },
  { COSMO_TIME_UNIT_MONTH, 1, 30 * DAY, 0 },
  { COSMO_TIME_UNIT_MONTH, 2, 60 * DAY, 2 },
  { COSMO_TIME_UNIT_MONTH, 3, 90 * DAY, 3 },
  { COSMO_TIME_UNIT_MONTH, 6, 180 * DAY, 6 },
  { COSMO_TIME_UNIT_YEAR, 1, 365 * DAY, 12 },
};

const CosmoTimeStep *
cosmo_time_axis_choose_step (double span,
                             double width_px,
                             double min_spacing_px)
{
  double px_per_s;

  if (!(span > 0) || !(width_px > 0))
    return &ladder[G_N_ELEMENTS (ladder) - 1];

  px_per_s = width_px / span;
  for (guint i = 0; i < G_N_ELEMENTS (ladder); i++)
    if (ladder[i].seconds * px_per_s >= min_spacing_px)
      return &ladder[i];

  return &ladder[G_N_ELEMENTS (ladder) - 1];
}

static double
t0_unix (GDateTime *t0)
{
  return (double) g_date_time_to_unix (t0) + g_date_time_get_microsecond (t0) / 1e6;
}

static gboolean
is_absolute (CosmoTimeDisplay display,
             GDateTime       *t0)
{
  return display != COSMO_TIME_DISPLAY_MISSION && t0 != NULL;
}

static GDateTime *
local_datetime (double     unix_s,
                GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc ((gint64) floor (unix_s));

  return g_date_time_to_timezone (utc, tz);
}

static char *
format_mission (double               t,
                const CosmoTimeStep *step)
{
  GString *s;
  gint64 tenths, whole;
  gint64 days, hours, minutes, seconds;
  int frac;

  /* Tenths of a second are the finest step; round to them so that ticks
   * computed as k * 0.1 print as what they mean. */
  tenths = llround (fabs (t) * 10);
  if (step->unit != COSMO_TIME_UNIT_SUBSECOND)
    tenths = llround (fabs (t)) * 10;
  if (tenths == 0)
    return g_strdup ("T0");

  whole = tenths / 10;
  frac = (int) (tenths % 10);
  days = whole / 86400;
  hours = whole / 3600 % 24;
  minutes = whole / 60 % 60;
  seconds = whole % 60;

  s = g_string_new (t < 0 ? "T-" : "T+");
  if (days)
    g_string_append_printf (s, "%" G_GINT64_FORMAT "d", days);
  if (hours)
    g_string_append_printf (s, "%" G_GINT64_FORMAT "h", hours);
  if (minutes)
    g_string_append_printf (s, "%" G_GINT64_FORMAT "m", minutes);
  if (frac)
    g_string_append_printf (s, "%" G_GINT64_FORMAT ".%ds", seconds, frac);
  else if (seconds)
    g_string_append_printf (s, "%" G_GINT64_FORMAT "s", seconds);

  return g_string_free (s, FALSE);
}

char *
cosmo_time_axis_format_label (double               t,
                              const CosmoTimeStep *step,
                              CosmoTimeDisplay     display,
                              GDateTime           *t0,
                              GTimeZone           *tz)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  double u;

  g_return_val_if_fail (step != NULL, NULL);

  if (!is_absolute (display, t0))
    return format_mission (t, step);

  if (display == COSMO_TIME_DISPLAY_UTC || tz == NULL)
    tz = utc = g_time_zone_new_utc ();

  u = t0_unix (t0) + t;
  if (step->unit == COSMO_TIME_UNIT_SUBSECOND)
    u = round (u * 10) / 10;
  else
    u = round (u);
  local = local_datetime (u, tz);

  switch (step->unit)
    {
    case COSMO_TIME_UNIT_SUBSECOND:
      {
        g_autofree char *hms = g_date_time_format (local, "%H:%M:%S");
        int tenth = (int) llround ((u - floor (u)) * 10) % 10;

        return g_strdup_printf ("%s.%d", hms, tenth);
      }
    case COSMO_TIME_UNIT_SECOND:
      return g_date_time_format (local, "%H:%M:%S");
    case COSMO_TIME_UNIT_MINUTE:
    case COSMO_TIME_UNIT_HOUR:
      /* Midnight says which day it starts rather than "00:00". */
      if (g_date_time_get_hour (local) == 0 && g_date_time_get_minute (local) == 0)
        return g_date_time_format (local, "%-d %b");
      return g_date_time_format (local, "%H:%M");
    case COSMO_TIME_UNIT_DAY:
    case COSMO_TIME_UNIT_WEEK:
      return g_date_time_format (local, "%-d %b");
    case COSMO_TIME_UNIT_MONTH:
      return g_date_time_format (local, "%b %Y");
    case COSMO_TIME_UNIT_YEAR:
    default:
      return g_date_time_format (local, "%Y");
    }
}

char *
cosmo_time_axis_format_context (double               t,
                                const CosmoTimeStep *step,
                                CosmoTimeDisplay     display,
                                GDateTime           *t0,
                                GTimeZone           *tz)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) instant = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (step != NULL, NULL);

  if (!is_absolute (display, t0))
    return NULL;

  if (display == COSMO_TIME_DISPLAY_UTC || tz == NULL)
    tz = utc = g_time_zone_new_utc ();

  local = local_datetime (t0_unix (t0) + t, tz);
  instant = cosmo_time_to_datetime (t0, t);
  zone = cosmo_time_zone_label (tz, instant);

  if (step->unit <= COSMO_TIME_UNIT_HOUR)
    date = g_date_time_format (local, "%-d %b %Y");
  else if (step->unit <= COSMO_TIME_UNIT_WEEK)
    date = g_date_time_format (local, "%Y");
  else
    return g_steal_pointer (&zone);

  /* TRANSLATORS: the date and zone in a corner of a time axis, "27 Nov 2025, UTC+05" */
  return g_strdup_printf ("%s, %s", date, zone);
}

static void
clear_tick (gpointer data)
{
  CosmoTimeTick *tick = data;

  g_clear_pointer (&tick->label, g_free);
}

static void
add_tick (GArray              *ticks,
          double               t,
          gboolean             major,
          const CosmoTimeStep *step,
          CosmoTimeDisplay     display,
          GDateTime           *t0,
          GTimeZone           *tz)
{
  CosmoTimeTick tick = { t, major, NULL };

  if (ticks->len >= MAX_TICKS)
    return;
  if (major)
    tick.label = cosmo_time_axis_format_label (t, step, display, t0, tz);
  g_array_append_val (ticks, tick);
}

/* Ticks at multiples of a fixed step from an origin (T0 for T±, the local
 * epoch for wall-clock times). */
static void
add_linear_ticks (GArray              *ticks,
                  double               start,
                  double               end,
                  double               origin,
                  double               phase_days,
                  const CosmoTimeStep *step,
                  CosmoTimeDisplay     display,
                  GDateTime           *t0,
                  GTimeZone           *tz)
{
  double minor_step = step->minor >= 2 ? step->seconds / step->minor : step->seconds;
  guint per_major = step->minor >= 2 ? step->minor : 1;
  /* phase_days shifts the grid so weeks start on Mondays. */
  double offset = origin + phase_days * DAY;
  gint64 k = (gint64) floor ((start - offset) / minor_step);
  gint64 k_end = (gint64) ceil ((end - offset) / minor_step);

  if (k_end - k > MAX_TICKS)
    k_end = k + MAX_TICKS;

  for (; k <= k_end; k++)
    {
      double t = offset + (double) k * minor_step;
      gint64 rem = k % (gint64) per_major;

      if (t < start - 1e-9 || t > end + 1e-9)
        continue;
      add_tick (ticks, t, rem == 0, step, display, t0, tz);
    }
}

static void
add_month_ticks (GArray              *ticks,
                 double               start,
                 double               end,
                 const CosmoTimeStep *step,
                 CosmoTimeDisplay     display,
                 GDateTime           *t0,
                 GTimeZone           *tz)
{
  guint months = step->unit == COSMO_TIME_UNIT_YEAR ? 12 * step->count : step->count;
  guint sub = step->minor >= 2 ? months / step->minor : months;
  double base = t0_unix (t0);
  g_autoptr(GDateTime) first = local_datetime (base + start, tz);
  int year = g_date_time_get_year (first);
  int month = g_date_time_get_month (first);   /* 1..12 */

  sub = MAX (sub, 1);
  for (guint guard = 0; guard < MAX_TICKS; guard++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new (tz, year, month, 1, 0, 0, 0);
      double t;
      int index = year * 12 + (month - 1);

      if (dt == NULL)
        break;
      t = (double) g_date_time_to_unix (dt) - base;
      if (t > end)
        break;
      if (t >= start && index % (int) sub == 0)
        add_tick (ticks, t, index % (int) months == 0, step, display, t0, tz);

      if (++month > 12)
        {
          month = 1;
          year++;
        }
    }
}

GArray *
cosmo_time_axis_get_ticks (double            start,
                           double            end,
                           double            width_px,
                           double            min_spacing_px,
                           CosmoTimeDisplay  display,
                           GDateTime        *t0,
                           GTimeZone        *tz)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (CosmoTimeTick));
  const CosmoTimeStep *step;
  g_autoptr(GTimeZone) utc = NULL;

  g_array_set_clear_func (ticks, clear_tick);

  if (!isfinite (start) || !isfinite (end) || !(end > start))
    return ticks;

  step = cosmo_time_axis_choose_step (end - start, width_px, min_spacing_px);

  if (!is_absolute (display, t0))
    {
      add_linear_ticks (ticks, start, end, 0, 0, step, COSMO_TIME_DISPLAY_MISSION, NULL, NULL);
      return ticks;
    }

  if (display == COSMO_TIME_DISPLAY_UTC || tz == NULL)
    tz = utc = g_time_zone_new_utc ();

  if (step->unit >= COSMO_TIME_UNIT_MONTH)
    add_month_ticks (ticks, start, end, step, display, t0, tz);
  else
    {
      /* Wall-clock ticks: multiples of the step in local time. The offset
       * is the zone's at the start of the range (a DST change inside the
       * range shifts later ticks by an hour; launch sites rarely have DST). */
      g_autoptr(GDateTime) local = local_datetime (t0_unix (t0) + start, tz);
      double utc_offset = (double) g_date_time_get_utc_offset (local) / G_TIME_SPAN_SECOND;
      /* The local epoch in mission time: tick k is at origin + k * step. */
      double origin = -t0_unix (t0) - utc_offset;
      /* 1970-01-01 was a Thursday: weeks start 4 days later, on a Monday. */
      double phase = step->unit == COSMO_TIME_UNIT_WEEK ? 4 : 0;

      add_linear_ticks (ticks, start, end, origin, phase, step, display, t0, tz);
    }

  return ticks;
}

GArray *
cosmo_time_axis_cluster_marks (const CosmoAxisMark *marks,
                               guint                n_marks,
                               double               gap)
{
  GArray *clusters = g_array_new (FALSE, FALSE, sizeof (CosmoAxisCluster));

  for (guint i = 0; i < n_marks; i++)
    {
      double left = marks[i].x - marks[i].radius;
      double right = marks[i].x + marks[i].radius;
      CosmoAxisCluster *last = clusters->len
        ? &g_array_index (clusters, CosmoAxisCluster, clusters->len - 1) : NULL;

      if (last != NULL && left < last->end + gap)
        {
          last->count++;
          last->start = MIN (last->start, left);
          last->end = MAX (last->end, right);
          last->x = (last->start + last->end) / 2;
        }
      else
        {
          CosmoAxisCluster c = { i, 1, left, right, marks[i].x };

          g_array_append_val (clusters, c);
        }
    }

  return clusters;
}

int
cosmo_time_axis_hit_test (const CosmoAxisCluster *clusters,
                          guint                   n_clusters,
                          double                  x,
                          double                  slop)
{
  guint lo = 0, hi = n_clusters;
  int best = -1;
  double best_distance = G_MAXDOUBLE;

  /* The first cluster whose right edge reaches x; then scan while the
   * left edges still do. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (clusters[mid].end + slop < x)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint i = lo; i < n_clusters && clusters[i].start - slop <= x; i++)
    {
      double d = fabs (clusters[i].x - x);

      if (x >= clusters[i].start - slop && x <= clusters[i].end + slop && d < best_distance)
        {
          best = (int) i;
          best_distance = d;
        }
    }

  return best;
}
