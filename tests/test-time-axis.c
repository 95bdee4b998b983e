/* test-time-axis.c: tick and label choice from tenths of a second to
 * years, marker clustering and hit-testing (no display)
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "cosmo-time-axis.h"

#define SPACING 100.0

static GDateTime *
make_t0 (void)
{
  g_autoptr(GError) error = NULL;
  GDateTime *t0 = cosmo_time_parse_iso8601 ("2025-11-27T09:27:57.402Z", &error);

  g_assert_no_error (error);
  return t0;
}

static GTimeZone *
make_site_tz (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("+05:00");

  g_assert_nonnull (tz);
  return tz;
}

static void
test_choose_step (void)
{
  static const struct {
    double span;
    CosmoTimeUnit unit;
    guint count;
  } cases[] = {
    { 0.5, COSMO_TIME_UNIT_SUBSECOND, 1 },        /* finest: 0.1 s */
    { 1, COSMO_TIME_UNIT_SUBSECOND, 1 },
    { 3, COSMO_TIME_UNIT_SUBSECOND, 5 },
    { 10, COSMO_TIME_UNIT_SECOND, 1 },
    { 100, COSMO_TIME_UNIT_SECOND, 10 },
    { 660, COSMO_TIME_UNIT_MINUTE, 2 },            /* the ascent preset */
    { 3600, COSMO_TIME_UNIT_MINUTE, 10 },
    { 86400, COSMO_TIME_UNIT_HOUR, 3 },
    { 7 * 86400, COSMO_TIME_UNIT_DAY, 1 },
    { 30 * 86400, COSMO_TIME_UNIT_WEEK, 1 },
    { 120 * 86400, COSMO_TIME_UNIT_MONTH, 1 },     /* the whole incident */
    { 600 * 86400, COSMO_TIME_UNIT_MONTH, 2 },
    { 3 * 365 * 86400, COSMO_TIME_UNIT_MONTH, 6 },
    { 1e12, COSMO_TIME_UNIT_YEAR, 1 },             /* coarsest */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CosmoTimeStep *step = cosmo_time_axis_choose_step (cases[i].span, 1000, SPACING);

      g_test_message ("span %g s", cases[i].span);
      g_assert_cmpint (step->unit, ==, cases[i].unit);
      g_assert_cmpuint (step->count, ==, cases[i].count);
      /* Labels are at least the asked spacing apart, unless no step can be. */
      if (cases[i].span < 1e11)
        g_assert_cmpfloat (step->seconds * 1000 / cases[i].span, >=, SPACING);
    }
}

static GPtrArray *
major_labels (GArray *ticks)
{
  GPtrArray *labels = g_ptr_array_new ();

  for (guint i = 0; i < ticks->len; i++)
    {
      CosmoTimeTick *tick = &g_array_index (ticks, CosmoTimeTick, i);

      if (tick->major)
        g_ptr_array_add (labels, tick->label);
    }
  g_ptr_array_add (labels, NULL);
  return labels;
}

static void
assert_labels (double            start,
               double            end,
               CosmoTimeDisplay  display,
               GDateTime        *t0,
               GTimeZone        *tz,
               const char       *expected)
{
  g_autoptr(GArray) ticks = cosmo_time_axis_get_ticks (start, end, 1000, SPACING, display, t0, tz);
  g_autoptr(GPtrArray) labels = major_labels (ticks);
  g_autofree char *joined = g_strjoinv ("|", (char **) labels->pdata);

  g_assert_cmpstr (joined, ==, expected);
}

static void
test_mission_labels (void)
{
  /* The ascent: every 2 minutes from T0. */
  assert_labels (-60, 600, COSMO_TIME_DISPLAY_MISSION, NULL, NULL, "T0|T+2m|T+4m|T+6m|T+8m|T+10m");
  /* Staging, in tenths of a second. */
  assert_labels (117.55, 118.45, COSMO_TIME_DISPLAY_MISSION, NULL, NULL,
                 "T+1m57.6s|T+1m57.7s|T+1m57.8s|T+1m57.9s|T+1m58s|T+1m58.1s|T+1m58.2s|T+1m58.3s|T+1m58.4s");
  /* Seconds around liftoff, with negative times. */
  assert_labels (-4.5, 4.5, COSMO_TIME_DISPLAY_MISSION, NULL, NULL, "T-4s|T-3s|T-2s|T-1s|T0|T+1s|T+2s|T+3s|T+4s");
  /* Hours, across a day. */
  assert_labels (-3600, 15 * 3600, COSMO_TIME_DISPLAY_MISSION, NULL, NULL,
                 "T0|T+2h|T+4h|T+6h|T+8h|T+10h|T+12h|T+14h");
}

static void
test_mission_labels_months (void)
{
  /* The whole incident: 30-day steps from T0. */
  assert_labels (-3600, 125 * 86400, COSMO_TIME_DISPLAY_MISSION, NULL, NULL,
                 "T0|T+30d|T+60d|T+90d|T+120d");
  /* Days, with hour minor ticks in between. */
  assert_labels (-3600, 8.5 * 86400, COSMO_TIME_DISPLAY_MISSION, NULL, NULL,
                 "T0|T+1d|T+2d|T+3d|T+4d|T+5d|T+6d|T+7d|T+8d");
}

static void
test_absolute_labels (void)
{
  g_autoptr(GDateTime) t0 = make_t0 ();
  g_autoptr(GTimeZone) site = make_site_tz ();
  g_autoptr(GArray) ticks = NULL;
  g_autofree char *context = NULL;
  CosmoTimeTick *first;

  /* Wall-clock minutes, not minutes from T0 (T0 is 09:27:57.402 UTC). */
  assert_labels (-60, 600, COSMO_TIME_DISPLAY_UTC, t0, NULL, "09:28|09:30|09:32|09:34|09:36");
  assert_labels (-60, 600, COSMO_TIME_DISPLAY_SITE, t0, site, "14:28|14:30|14:32|14:34|14:36");

  ticks = cosmo_time_axis_get_ticks (-60, 600, 1000, SPACING, COSMO_TIME_DISPLAY_UTC, t0, NULL);
  first = NULL;
  for (guint i = 0; i < ticks->len && first == NULL; i++)
    if (g_array_index (ticks, CosmoTimeTick, i).major)
      first = &g_array_index (ticks, CosmoTimeTick, i);
  g_assert_nonnull (first);
  g_assert_cmpfloat_with_epsilon (first->t, 2.598, 1e-6);

  /* Tenths and seconds of the wall clock. */
  assert_labels (118.05, 118.55, COSMO_TIME_DISPLAY_UTC, t0, NULL,
                 "09:29:55.5|09:29:55.6|09:29:55.7|09:29:55.8|09:29:55.9");
  assert_labels (115.5, 123.5, COSMO_TIME_DISPLAY_UTC, t0, NULL,
                 "09:29:53|09:29:54|09:29:55|09:29:56|09:29:57|09:29:58|09:29:59|09:30:00");

  /* Midnight names the day instead of "00:00". */
  assert_labels (-3600, 15 * 3600, COSMO_TIME_DISPLAY_UTC, t0, NULL,
                 "10:00|12:00|14:00|16:00|18:00|20:00|22:00|28 Nov");

  /* Days start at the site's midnight. */
  assert_labels (0, 8 * 86400, COSMO_TIME_DISPLAY_SITE, t0, site,
                 "28 Nov|29 Nov|30 Nov|1 Dec|2 Dec|3 Dec|4 Dec|5 Dec");
  /* Weeks start on Mondays (1 December 2025 was one). */
  assert_labels (0, 40 * 86400, COSMO_TIME_DISPLAY_UTC, t0, NULL, "1 Dec|8 Dec|15 Dec|22 Dec|29 Dec|5 Jan");
  /* Calendar months, as the whole incident shows them. */
  assert_labels (-3600, 120 * 86400, COSMO_TIME_DISPLAY_UTC, t0, NULL, "Dec 2025|Jan 2026|Feb 2026|Mar 2026");

  context = cosmo_time_axis_format_context (-60, cosmo_time_axis_choose_step (660, 1000, SPACING),
                                            COSMO_TIME_DISPLAY_SITE, t0, site);
  g_assert_cmpstr (context, ==, "27 Nov 2025, UTC+05");
  g_clear_pointer (&context, g_free);
  context = cosmo_time_axis_format_context (-60, cosmo_time_axis_choose_step (660, 1000, SPACING),
                                            COSMO_TIME_DISPLAY_MISSION, t0, site);
  g_assert_null (context);
}

/* Whatever the zoom, from 0.3 s to years, in every display: ticks ascend,
 * labelled ticks are at least the spacing apart, labels are distinct. */
static void
test_every_zoom_level (void)
{
  g_autoptr(GDateTime) t0 = make_t0 ();
  g_autoptr(GTimeZone) site = make_site_tz ();

  for (double span = 0.3; span < 4 * 365 * 86400.0; span *= 1.7)
    for (int display = COSMO_TIME_DISPLAY_MISSION; display <= COSMO_TIME_DISPLAY_SITE; display++)
      {
        double start = 118 - span / 3;
        double end = start + span;
        g_autoptr(GArray) ticks = cosmo_time_axis_get_ticks (start, end, 1200, SPACING, display, t0, site);
        double last_t = -G_MAXDOUBLE, last_major = -G_MAXDOUBLE;
        const char *last_label = NULL;
        guint majors = 0;

        g_test_message ("span %g display %d", span, display);
        for (guint i = 0; i < ticks->len; i++)
          {
            CosmoTimeTick *tick = &g_array_index (ticks, CosmoTimeTick, i);

            g_assert_cmpfloat (tick->t, >, last_t);
            g_assert_cmpfloat (tick->t, >=, start - 1e-6);
            g_assert_cmpfloat (tick->t, <=, end + 1e-6);
            last_t = tick->t;
            if (!tick->major)
              {
                g_assert_null (tick->label);
                continue;
              }
            g_assert_nonnull (tick->label);
            g_assert_cmpstr (tick->label, !=, "");
            g_assert_cmpstr (tick->label, !=, last_label);
            /* Months vary in length: 28 days against a nominal 30. */
            g_assert_cmpfloat ((tick->t - last_major) / span * 1200, >=, SPACING * 0.9);
            last_major = tick->t;
            last_label = tick->label;
            majors++;
          }
        /* At least one label on screen, never a crowd. */
        g_assert_cmpuint (majors, >=, 1);
        g_assert_cmpuint (majors, <=, 1200 / SPACING + 1);
      }
}

static void
test_cluster_marks (void)
{
  const CosmoAxisMark marks[] = {
    { 10, 4 }, { 15, 4 },          /* overlap */
    { 40, 4 }, { 50, 8 },          /* 42..44 vs 42..58: overlap */
    { 100, 4 },                    /* alone */
    { 110, 4 },                    /* 104 vs 106: 2 px apart, within the gap */
    { 200, 4 },
  };
  g_autoptr(GArray) clusters = cosmo_time_axis_cluster_marks (marks, G_N_ELEMENTS (marks), 3);
  CosmoAxisCluster *c = (CosmoAxisCluster *) (gpointer) clusters->data;

  g_assert_cmpuint (clusters->len, ==, 4);
  g_assert_cmpuint (c[0].first, ==, 0);
  g_assert_cmpuint (c[0].count, ==, 2);
  g_assert_cmpfloat (c[0].start, ==, 6);
  g_assert_cmpfloat (c[0].end, ==, 19);
  g_assert_cmpfloat (c[0].x, ==, 12.5);
  g_assert_cmpuint (c[1].first, ==, 2);
  g_assert_cmpuint (c[1].count, ==, 2);
  g_assert_cmpfloat (c[1].end, ==, 58);
  g_assert_cmpuint (c[2].first, ==, 4);
  g_assert_cmpuint (c[2].count, ==, 2);
  g_assert_cmpuint (c[3].first, ==, 6);
  g_assert_cmpuint (c[3].count, ==, 1);
  g_assert_cmpfloat (c[3].x, ==, 200);

  /* Every mark is in exactly one cluster, in order. */
  for (guint i = 1; i < clusters->len; i++)
    g_assert_cmpuint (c[i].first, ==, c[i - 1].first + c[i - 1].count);

  /* A chain of marks each touching the next merges into one. */
  {
    CosmoAxisMark chain[20];
    g_autoptr(GArray) one = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (chain); i++)
      chain[i] = (CosmoAxisMark) { i * 7.0, 4 };
    one = cosmo_time_axis_cluster_marks (chain, G_N_ELEMENTS (chain), 0);
    g_assert_cmpuint (one->len, ==, 1);
    g_assert_cmpuint (g_array_index (one, CosmoAxisCluster, 0).count, ==, 20);
  }

  /* No marks, no clusters. */
  {
    g_autoptr(GArray) none = cosmo_time_axis_cluster_marks (NULL, 0, 3);

    g_assert_cmpuint (none->len, ==, 0);
  }
}

static void
test_hit_test (void)
{
  const CosmoAxisMark marks[] = { { 10, 4 }, { 15, 4 }, { 40, 4 }, { 100, 4 }, { 120, 6 } };
  g_autoptr(GArray) clusters = cosmo_time_axis_cluster_marks (marks, G_N_ELEMENTS (marks), 2);
  const CosmoAxisCluster *c = (const CosmoAxisCluster *) (gpointer) clusters->data;
  guint n = clusters->len;

  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpint (cosmo_time_axis_hit_test (c, n, 12, 3), ==, 0);
  g_assert_cmpint (cosmo_time_axis_hit_test (c, n, 6, 0), ==, 0);     /* on the edge */
  g_assert_cmpint (cosmo_time_axis_hit_test (c, n, 4, 3), ==, 0);     /* within the slop */
  g_assert_cmpint (cosmo_time_axis_hit_test (c, n, 2, 3), ==, -1);
  g_assert_cmpint (cosmo_time_axis_hit_test (c, n, 28, 3), ==, -1);   /* between */
  g_assert_cmpint (cosmo_time_axis_hit_test (c, n, 40, 3), ==, 1);
  g_assert_cmpint (cosmo_time_axis_hit_test (c, n, 100, 3), ==, 2);
  g_assert_cmpint (cosmo_time_axis_hit_test (c, n, 124, 3), ==, 3);
  g_assert_cmpint (cosmo_time_axis_hit_test (c, n, 500, 3), ==, -1);
  g_assert_cmpint (cosmo_time_axis_hit_test (c, 0, 12, 3), ==, -1);

  /* Two clusters within the slop: the nearer centre wins. 100 is at
   * 96..104, 120 at 114..126; with a slop of 8 both reach 106..112. */
  g_assert_cmpint (cosmo_time_axis_hit_test (c, n, 108, 8), ==, 2);
  g_assert_cmpint (cosmo_time_axis_hit_test (c, n, 111, 8), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time-axis/choose-step", test_choose_step);
  g_test_add_func ("/time-axis/mission-labels", test_mission_labels);
  g_test_add_func ("/time-axis/mission-labels-months", test_mission_labels_months);
  g_test_add_func ("/time-axis/absolute-labels", test_absolute_labels);
  g_test_add_func ("/time-axis/every-zoom-level", test_every_zoom_level);
  g_test_add_func ("/time-axis/cluster-marks", test_cluster_marks);
  g_test_add_func ("/time-axis/hit-test", test_hit_test);

  return g_test_run ();
}
