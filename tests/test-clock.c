/* test-clock.c: the replay clock and the session around it, driven by
 * simulated frame timestamps (no display)
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "cosmo-clock.h"
#include "cosmo-mission-loader.h"
#include "cosmo-session.h"

#define FRAME_US 16667          /* 60 Hz */
#define START_US 1000000000     /* an arbitrary monotonic time */

static CosmoClock *
new_clock (double start,
           double end)
{
  CosmoClock *clock = cosmo_clock_new ();

  cosmo_clock_set_bounds (clock, start, end);
  return clock;
}

/* Ticks at a fixed interval from @from_us for @duration_us; returns the
 * last frame time. */
static gint64
run_frames (CosmoClock *clock,
            gint64      from_us,
            gint64      duration_us)
{
  gint64 t;

  for (t = from_us; t <= from_us + duration_us; t += FRAME_US)
    cosmo_clock_tick (clock, t);
  return t - FRAME_US;
}

static void
test_defaults (void)
{
  g_autoptr(CosmoClock) clock = cosmo_clock_new ();

  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 0);
  g_assert_cmpfloat (cosmo_clock_get_rate (clock), ==, 1);
  g_assert_false (cosmo_clock_get_playing (clock));
  g_assert_false (cosmo_clock_get_loop (clock));
  g_assert_true (isnan (cosmo_clock_get_stop_time (clock)));

  /* Ticks while paused change nothing. */
  cosmo_clock_tick (clock, START_US);
  cosmo_clock_tick (clock, START_US + G_USEC_PER_SEC);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 0);
}

static void
test_first_tick_anchors (void)
{
  g_autoptr(CosmoClock) clock = new_clock (-100, 1000);

  cosmo_clock_set_playing (clock, TRUE);
  cosmo_clock_tick (clock, START_US);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 0);
  cosmo_clock_tick (clock, START_US + G_USEC_PER_SEC / 2);
  g_assert_cmpfloat_with_epsilon (cosmo_clock_get_time (clock), 0.5, 1e-9);

  /* Pausing, waiting and playing again does not count the pause. */
  cosmo_clock_set_playing (clock, FALSE);
  cosmo_clock_set_playing (clock, TRUE);
  cosmo_clock_tick (clock, START_US + 10 * G_USEC_PER_SEC);
  g_assert_cmpfloat_with_epsilon (cosmo_clock_get_time (clock), 0.5, 1e-9);
  cosmo_clock_tick (clock, START_US + 11 * G_USEC_PER_SEC);
  g_assert_cmpfloat_with_epsilon (cosmo_clock_get_time (clock), 1.5, 1e-9);
}

static void
test_no_drift_with_jitter (void)
{
  g_autoptr(CosmoClock) clock = new_clock (-3600, 100000);
  gint64 t = START_US, first;
  double expected;
  guint n = 0;

  cosmo_clock_set_rate (clock, 10);
  cosmo_clock_set_playing (clock, TRUE);
  cosmo_clock_tick (clock, t);
  first = t;

  /* 60 s of frames at about 60 Hz, each off by up to ±6 ms, with some
   * dropped frames (a 50 ms gap every 97th frame). */
  while (t - first < 60 * G_USEC_PER_SEC)
    {
      gint64 step = FRAME_US + g_test_rand_int_range (-6000, 6001);

      if (++n % 97 == 0)
        step = 50000;
      t += step;
      cosmo_clock_tick (clock, t);
    }

  /* Exactly the wall time since the first frame times the rate ... */
  expected = 10.0 * (double) (t - first) / G_USEC_PER_SEC;
  g_assert_cmpfloat_with_epsilon (cosmo_clock_get_time (clock), expected, 1e-6);
  /* ... which is 600 s within one frame of wall time (at 10x). */
  g_assert_cmpfloat (fabs (cosmo_clock_get_time (clock) - 600), <=, 10.0 * 0.050);
  g_assert_true (cosmo_clock_get_playing (clock));
}

static void
test_rate_change_keeps_time (void)
{
  g_autoptr(CosmoClock) clock = new_clock (-3600, 100000);
  gint64 t;

  cosmo_clock_set_playing (clock, TRUE);
  t = run_frames (clock, START_US, G_USEC_PER_SEC);
  g_assert_cmpfloat_with_epsilon (cosmo_clock_get_time (clock), (t - START_US) / 1e6, 1e-9);

  /* A rate change mid-play continues from the last frame: no lost frame. */
  cosmo_clock_set_rate (clock, 10);
  g_assert_cmpfloat (cosmo_clock_get_rate (clock), ==, 10);
  cosmo_clock_tick (clock, t + G_USEC_PER_SEC);
  g_assert_cmpfloat_with_epsilon (cosmo_clock_get_time (clock), (t - START_US) / 1e6 + 10, 1e-9);

  /* Clamped to the ladder's ends; zero and NaN are ignored. */
  cosmo_clock_set_rate (clock, 5000);
  g_assert_cmpfloat (cosmo_clock_get_rate (clock), ==, COSMO_CLOCK_MAX_RATE);
  cosmo_clock_set_rate (clock, 0.001);
  g_assert_cmpfloat (cosmo_clock_get_rate (clock), ==, COSMO_CLOCK_MIN_RATE);
  cosmo_clock_set_rate (clock, 0);
  cosmo_clock_set_rate (clock, NAN);
  g_assert_cmpfloat (cosmo_clock_get_rate (clock), ==, COSMO_CLOCK_MIN_RATE);
}

static void
test_faster_slower (void)
{
  static const double up[] = { 2, 5, 10, 20, 50, 100, 200, 500, 1000, 1000 };
  static const double down[] = { 0.5, 0.25, 0.125, 0.0625, 0.0625 };
  g_autoptr(CosmoClock) clock = cosmo_clock_new ();

  for (guint i = 0; i < G_N_ELEMENTS (up); i++)
    {
      cosmo_clock_faster (clock);
      g_assert_cmpfloat (cosmo_clock_get_rate (clock), ==, up[i]);
    }
  cosmo_clock_set_rate (clock, 1);
  for (guint i = 0; i < G_N_ELEMENTS (down); i++)
    {
      cosmo_clock_slower (clock);
      g_assert_cmpfloat (cosmo_clock_get_rate (clock), ==, down[i]);
    }

  /* The direction is kept; an off-ladder rate goes to its neighbour. */
  cosmo_clock_set_rate (clock, -1);
  cosmo_clock_faster (clock);
  g_assert_cmpfloat (cosmo_clock_get_rate (clock), ==, -2);
  cosmo_clock_set_rate (clock, 3);
  cosmo_clock_faster (clock);
  g_assert_cmpfloat (cosmo_clock_get_rate (clock), ==, 5);
  cosmo_clock_set_rate (clock, 3);
  cosmo_clock_slower (clock);
  g_assert_cmpfloat (cosmo_clock_get_rate (clock), ==, 2);
}

static void
test_reverse (void)
{
  g_autoptr(CosmoClock) clock = new_clock (0, 100);

  cosmo_clock_seek (clock, 10);
  cosmo_clock_set_rate (clock, -2);
  cosmo_clock_set_playing (clock, TRUE);
  cosmo_clock_tick (clock, START_US);
  cosmo_clock_tick (clock, START_US + G_USEC_PER_SEC);
  g_assert_cmpfloat_with_epsilon (cosmo_clock_get_time (clock), 8, 1e-9);

  /* Reaching the start pauses exactly there. */
  cosmo_clock_tick (clock, START_US + 10 * G_USEC_PER_SEC);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 0);
  g_assert_false (cosmo_clock_get_playing (clock));

  /* Play again at the start in reverse: starts over from the end. */
  cosmo_clock_set_playing (clock, TRUE);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 100);
}

static void
test_end_pauses (void)
{
  g_autoptr(CosmoClock) clock = new_clock (0, 5);

  cosmo_clock_seek (clock, 4);
  cosmo_clock_set_playing (clock, TRUE);
  cosmo_clock_tick (clock, START_US);
  cosmo_clock_tick (clock, START_US + 2 * G_USEC_PER_SEC);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 5);
  g_assert_false (cosmo_clock_get_playing (clock));

  /* Play at the end starts over. */
  cosmo_clock_set_playing (clock, TRUE);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 0);
}

static void
test_loop (void)
{
  g_autoptr(CosmoClock) clock = new_clock (-100, 100);
  double lo, hi;

  cosmo_clock_set_loop_range (clock, 0, 10);
  cosmo_clock_get_loop_range (clock, &lo, &hi);
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (hi, ==, 10);
  cosmo_clock_set_loop (clock, TRUE);
  cosmo_clock_seek (clock, 8);
  cosmo_clock_set_playing (clock, TRUE);
  cosmo_clock_tick (clock, START_US);
  cosmo_clock_tick (clock, START_US + 5 * G_USEC_PER_SEC);
  g_assert_cmpfloat_with_epsilon (cosmo_clock_get_time (clock), 3, 1e-9);
  g_assert_true (cosmo_clock_get_playing (clock));

  /* Many laps later it is still exact. */
  cosmo_clock_tick (clock, START_US + 105 * G_USEC_PER_SEC);
  g_assert_cmpfloat_with_epsilon (cosmo_clock_get_time (clock), 3, 1e-9);

  /* In reverse it wraps the other way. */
  cosmo_clock_seek (clock, 2);
  cosmo_clock_set_rate (clock, -1);
  cosmo_clock_tick (clock, START_US + 108 * G_USEC_PER_SEC);
  g_assert_cmpfloat_with_epsilon (cosmo_clock_get_time (clock), 9, 1e-9);

  /* The loop range never leaves the bounds. */
  cosmo_clock_set_loop_range (clock, -500, 500);
  cosmo_clock_get_loop_range (clock, &lo, &hi);
  g_assert_cmpfloat (lo, ==, -100);
  g_assert_cmpfloat (hi, ==, 100);
}

static void
test_stop_time (void)
{
  g_autoptr(CosmoClock) clock = new_clock (-100, 1000);

  cosmo_clock_set_stop_time (clock, 5);
  cosmo_clock_set_playing (clock, TRUE);
  cosmo_clock_tick (clock, START_US);
  cosmo_clock_tick (clock, START_US + 3 * G_USEC_PER_SEC);
  g_assert_cmpfloat_with_epsilon (cosmo_clock_get_time (clock), 3, 1e-9);
  g_assert_true (cosmo_clock_get_playing (clock));

  /* A frame that overshoots stops exactly at the stop time, once. */
  cosmo_clock_tick (clock, START_US + 6 * G_USEC_PER_SEC);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 5);
  g_assert_false (cosmo_clock_get_playing (clock));
  g_assert_true (isnan (cosmo_clock_get_stop_time (clock)));
}

static void
test_seek (void)
{
  g_autoptr(CosmoClock) clock = new_clock (-60, 600);
  gint64 t;

  cosmo_clock_seek (clock, 10000);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 600);
  cosmo_clock_seek (clock, -10000);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, -60);
  cosmo_clock_seek (clock, NAN);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, -60);

  /* Seeking while playing keeps playing from the new time. */
  cosmo_clock_set_playing (clock, TRUE);
  t = run_frames (clock, START_US, G_USEC_PER_SEC / 2);
  cosmo_clock_seek (clock, 100);
  g_assert_true (cosmo_clock_get_playing (clock));
  cosmo_clock_tick (clock, t + G_USEC_PER_SEC);
  g_assert_cmpfloat_with_epsilon (cosmo_clock_get_time (clock), 101, 1e-9);
}

static CosmoMission *
load_bundled (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("COSMODROME_DATADIR") ? g_getenv ("COSMODROME_DATADIR")
                                                                           : SOURCE_DATADIR,
                                            "missions", "soyuz-ms-28", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CosmoMission *mission = cosmo_mission_load (folder, NULL, &error);

  g_assert_no_error (error);
  return mission;
}

static void
test_step_to_event (void)
{
  g_autoptr(CosmoMission) mission = load_bundled ();
  g_autoptr(CosmoSession) session = cosmo_session_new ();
  CosmoClock *clock = cosmo_session_get_clock (session);
  CosmoEventList *events = cosmo_mission_get_events (mission);
  CosmoEvent *event;

  cosmo_session_set_mission (session, mission);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 0);

  /* From T0, the next event is the collapse at T+10, and it is selected. */
  event = cosmo_session_step_event (session, 1);
  g_assert_true (event == cosmo_event_list_lookup (events, "cabin-collapse"));
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 10);
  g_assert_true (cosmo_session_get_selected_event (session) == event);

  event = cosmo_session_step_event (session, 1);
  g_assert_true (event == cosmo_event_list_lookup (events, "max-q"));
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 72);

  event = cosmo_session_step_event (session, -1);
  event = cosmo_session_step_event (session, -1);
  g_assert_true (event == cosmo_event_list_lookup (events, "liftoff"));
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 0);

  /* Past the last event there is nothing: the clock stays. */
  cosmo_clock_seek (clock, 1e9);
  event = cosmo_session_step_event (session, 1);
  g_assert_null (event);
}

static void
test_presets (void)
{
  g_autoptr(CosmoMission) mission = load_bundled ();
  g_autoptr(CosmoSession) session = cosmo_session_new ();
  double start, end, first, last;

  cosmo_session_set_mission (session, mission);
  cosmo_event_list_get_bounds (cosmo_mission_get_events (mission), &first, &last);

  cosmo_session_get_preset_range (session, COSMO_RANGE_PRESET_ASCENT, &start, &end);
  g_assert_cmpfloat (start, ==, -60);
  g_assert_cmpfloat (end, ==, 600);

  /* T-1 h to midnight UTC after a 09:27:57.402 UTC launch (T+14:32:02.6),
   * with a small margin. */
  cosmo_session_get_preset_range (session, COSMO_RANGE_PRESET_LAUNCH_DAY, &start, &end);
  g_assert_cmpfloat (start, <=, -3600);
  g_assert_cmpfloat (start, >, -3600 - 3600);
  g_assert_cmpfloat (end, >=, 14 * 3600 + 32 * 60 + 2.598 - 0.01);
  g_assert_cmpfloat (end, <, 16 * 3600);

  /* Every event, months of them. */
  cosmo_session_get_preset_range (session, COSMO_RANGE_PRESET_WHOLE_INCIDENT, &start, &end);
  g_assert_cmpfloat (start, <, first);
  g_assert_cmpfloat (start, <=, -3600);
  g_assert_cmpfloat (end, >, last);
  g_assert_cmpfloat (end, >, 100 * 86400);

  cosmo_session_show_preset (session, COSMO_RANGE_PRESET_WHOLE_INCIDENT);
  {
    double vs, ve;

    cosmo_session_get_visible_range (session, &vs, &ve);
    g_assert_cmpfloat_with_epsilon (vs, start, 1e-3);
    g_assert_cmpfloat_with_epsilon (ve, end, 1e-3);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clock/defaults", test_defaults);
  g_test_add_func ("/clock/first-tick-anchors", test_first_tick_anchors);
  g_test_add_func ("/clock/no-drift-with-jitter", test_no_drift_with_jitter);
  g_test_add_func ("/clock/rate-change", test_rate_change_keeps_time);
  g_test_add_func ("/clock/faster-slower", test_faster_slower);
  g_test_add_func ("/clock/reverse", test_reverse);
  g_test_add_func ("/clock/end-pauses", test_end_pauses);
  g_test_add_func ("/clock/loop", test_loop);
  g_test_add_func ("/clock/stop-time", test_stop_time);
  g_test_add_func ("/clock/seek", test_seek);
  g_test_add_func ("/session/step-to-event", test_step_to_event);
  g_test_add_func ("/session/presets", test_presets);

  return g_test_run ();
}
