/* test-chapters.c: chapter stepping and the kiosk loop, in simulated time
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <malloc.h>
#include <math.h>

#include "cosmo-chapters.h"
#include "cosmo-mission-loader.h"

#define FRAME_US (G_USEC_PER_SEC / 30)

static const double chapter_times[] = { 0, 10, 118, 10800, 8e6 };

static CosmoMission *
make_mission (gboolean mark_chapters)
{
  g_autoptr(GDateTime) t0 = g_date_time_new_utc (2025, 11, 27, 9, 27, 57.402);
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  CosmoMission *mission = cosmo_mission_new ("test", "Test", t0, tz);
  CosmoEventList *events = cosmo_mission_get_events (mission);

  for (guint i = 0; i < G_N_ELEMENTS (chapter_times); i++)
    {
      g_autofree char *id = g_strdup_printf ("chapter-%u", i);
      g_autoptr(CosmoEvent) event = cosmo_event_new (id, chapter_times[i], COSMO_EVENT_CATEGORY_FLIGHT, id);

      cosmo_event_set_chapter (event, mark_chapters);
      cosmo_event_list_add (events, event);
    }
  {
    /* Not a chapter: between two of them. */
    g_autoptr(CosmoEvent) event = cosmo_event_new ("max-q", 72, COSMO_EVENT_CATEGORY_FLIGHT, "Max Q");
    cosmo_event_list_add (events, event);
  }
  {
    g_autoptr(CosmoEvent) event = cosmo_event_new ("start", -3600, COSMO_EVENT_CATEGORY_NOTE, "Start");
    cosmo_event_list_add (events, event);
  }
  return mission;
}

static void
test_plan_step (void)
{
  CosmoChapterStep step;

  /* Ten seconds: played in real time (never slower than 1x... here 2.5x). */
  cosmo_chapters_plan_step (0, 10, 4, &step);
  g_assert_true (isnan (step.seek_to));
  g_assert_cmpfloat_with_epsilon (step.rate, 2.5, 1e-9);
  g_assert_cmpfloat (step.stop_time, ==, 10);

  /* Two seconds: not slower than real time. */
  cosmo_chapters_plan_step (0, 2, 4, &step);
  g_assert_cmpfloat (step.rate, ==, 1);

  /* T+10 min to T+3 h: 10200 s in 4 s needs 2550x; the clock tops out at
   * 1000x, so jump to 4000 s before and play those in. */
  cosmo_chapters_plan_step (600, 10800, 4, &step);
  g_assert_cmpfloat (step.rate, ==, COSMO_CLOCK_MAX_RATE);
  g_assert_cmpfloat_with_epsilon (step.seek_to, 10800 - 4000, 1e-9);

  /* Backwards. */
  cosmo_chapters_plan_step (100, 0, 4, &step);
  g_assert_cmpfloat_with_epsilon (step.rate, -25, 1e-9);
}

/* Ticks the clock at 30 fps until the step ends; returns the wall time. */
static double
run_step (CosmoClock    *clock,
          CosmoChapters *chapters,
          gint64        *now)
{
  gint64 start = *now;

  while (cosmo_chapters_get_stepping (chapters))
    {
      *now += FRAME_US;
      cosmo_clock_tick (clock, *now);
      g_assert_cmpint (*now - start, <, 60 * G_USEC_PER_SEC);
    }
  return (double) (*now - start) / G_USEC_PER_SEC;
}

static void
on_arrived (CosmoChapters *chapters,
            guint          index,
            GArray        *arrivals)
{
  g_array_append_val (arrivals, index);
}

static void
test_navigation (void)
{
  g_autoptr(CosmoMission) mission = make_mission (TRUE);
  g_autoptr(CosmoSession) session = cosmo_session_new ();
  g_autoptr(CosmoChapters) chapters = cosmo_chapters_new (session);
  g_autoptr(GArray) arrivals = g_array_new (FALSE, FALSE, sizeof (guint));
  CosmoClock *clock = cosmo_session_get_clock (session);
  gint64 now = 1000 * G_USEC_PER_SEC;

  g_signal_connect (chapters, "arrived", G_CALLBACK (on_arrived), arrivals);
  g_assert_cmpuint (cosmo_chapters_get_n_chapters (chapters), ==, 0);

  cosmo_session_set_mission (session, mission);
  g_assert_cmpuint (cosmo_chapters_get_n_chapters (chapters), ==, G_N_ELEMENTS (chapter_times));

  cosmo_clock_seek (clock, -60);
  cosmo_clock_set_rate (clock, 2);
  g_assert_cmpint (cosmo_chapters_get_index (chapters), ==, -1);
  g_assert_false (cosmo_chapters_previous (chapters));

  /* Every chapter in order, each reached exactly, paused, in a few seconds,
   * and the replay rate given back afterwards. */
  for (guint i = 0; i < G_N_ELEMENTS (chapter_times); i++)
    {
      double seconds;

      g_assert_true (cosmo_chapters_next (chapters));
      g_assert_true (cosmo_chapters_get_stepping (chapters));
      g_assert_true (cosmo_clock_get_playing (clock));
      seconds = run_step (clock, chapters, &now);
      g_assert_cmpfloat (seconds, <=, COSMO_CHAPTERS_STEP_SECONDS + 0.1);
      g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, chapter_times[i]);
      g_assert_false (cosmo_clock_get_playing (clock));
      g_assert_cmpint (cosmo_chapters_get_index (chapters), ==, (int) i);
      g_assert_cmpstr (cosmo_event_get_id (cosmo_chapters_get_current (chapters)), ==,
                       cosmo_event_get_id (cosmo_chapters_get_chapter (chapters, i)));
      g_assert_cmpfloat (cosmo_clock_get_rate (clock), ==, 2);
      g_assert_cmpuint (arrivals->len, ==, i + 1);
      g_assert_cmpuint (g_array_index (arrivals, guint, i), ==, i);
      /* Paused means paused: more frames do not move it. */
      now += 10 * FRAME_US;
      cosmo_clock_tick (clock, now);
      g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, chapter_times[i]);
    }
  g_assert_false (cosmo_chapters_next (chapters));

  /* Back: jumps, one chapter at a time. */
  g_assert_true (cosmo_chapters_previous (chapters));
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, chapter_times[3]);
  g_assert_false (cosmo_clock_get_playing (clock));
  g_assert_true (cosmo_chapters_previous (chapters));
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, chapter_times[2]);

  /* Back in the middle of a step: to the start of the chapter it left. */
  g_assert_true (cosmo_chapters_next (chapters));
  for (int k = 0; k < 30; k++)
    {
      now += FRAME_US;
      cosmo_clock_tick (clock, now);
    }
  g_assert_cmpfloat (cosmo_clock_get_time (clock), >, chapter_times[2]);
  g_assert_true (cosmo_chapters_previous (chapters));
  g_assert_false (cosmo_chapters_get_stepping (chapters));
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, chapter_times[2]);
  g_assert_cmpfloat (cosmo_clock_get_rate (clock), ==, 2);

  /* A second press while stepping lands at once and steps on. */
  g_assert_true (cosmo_chapters_next (chapters));
  now += FRAME_US;
  cosmo_clock_tick (clock, now);
  g_assert_true (cosmo_chapters_next (chapters));
  g_assert_cmpint (cosmo_chapters_get_index (chapters), ==, 3);
  run_step (clock, chapters, &now);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, chapter_times[4]);

  /* Pausing during a step ends it where it is. */
  cosmo_chapters_go_to (chapters, 0);
  g_assert_true (cosmo_chapters_next (chapters));
  now += FRAME_US;
  cosmo_clock_tick (clock, now);
  now += FRAME_US;
  cosmo_clock_tick (clock, now);
  cosmo_clock_set_playing (clock, FALSE);
  g_assert_false (cosmo_chapters_get_stepping (chapters));
  g_assert_cmpfloat (cosmo_clock_get_rate (clock), ==, 2);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), <, chapter_times[1]);
}

static void
test_default_chapters (void)
{
  g_autoptr(CosmoMission) mission = make_mission (FALSE);
  g_autoptr(CosmoSession) session = cosmo_session_new ();
  g_autoptr(CosmoChapters) chapters = NULL;

  cosmo_session_set_mission (session, mission);
  chapters = cosmo_chapters_new (session);
  /* No event marked: the first flight event is a chapter (notes never are). */
  g_assert_cmpuint (cosmo_chapters_get_n_chapters (chapters), >=, 1);
  g_assert_cmpstr (cosmo_event_get_id (cosmo_chapters_get_chapter (chapters, 0)), ==, "chapter-0");
}

static CosmoMission *
load_bundled (void)
{
  const char *datadir = g_getenv ("COSMODROME_DATADIR");
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  CosmoMission *mission;

  if (datadir == NULL)
    return NULL;
  folder = g_file_new_build_filename (datadir, "missions", "soyuz-ms-28", NULL);
  mission = cosmo_mission_load (folder, NULL, &error);
  g_assert_no_error (error);
  return mission;
}

static void
test_kiosk_loop (void)
{
  g_autoptr(CosmoMission) mission = load_bundled ();
  g_autoptr(CosmoSession) session = cosmo_session_new ();
  g_autoptr(CosmoChapters) chapters = NULL;
  g_autoptr(CosmoKioskLoop) loop = NULL;
  CosmoClock *clock = cosmo_session_get_clock (session);
  gint64 now = 5 * G_USEC_PER_SEC;
  gint64 end;
  guint n, visits = 0;
  int last_index = -1;
  double first;
  gboolean saw_last = FALSE;
  size_t heap_after_warmup = 0;

  if (mission == NULL)
    mission = make_mission (TRUE);
  cosmo_session_set_mission (session, mission);
  chapters = cosmo_chapters_new (session);
  loop = cosmo_kiosk_loop_new (chapters);
  n = cosmo_chapters_get_n_chapters (chapters);
  g_assert_cmpuint (n, >=, 2);
  first = cosmo_event_get_time (cosmo_chapters_get_chapter (chapters, 0));

  /* The first loop: every chapter in order, each held with the clock
   * paused on it, then back to the start. */
  cosmo_kiosk_loop_tick (loop, now);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), <, first);
  while (cosmo_kiosk_loop_get_n_loops (loop) == 0)
    {
      int index;

      now += FRAME_US;
      cosmo_kiosk_loop_tick (loop, now);
      index = cosmo_chapters_get_index (chapters);
      if (cosmo_kiosk_loop_get_state (loop) == COSMO_KIOSK_STATE_HOLDING && index != last_index)
        {
          g_assert_cmpint (index, ==, last_index + 1);
          g_assert_false (cosmo_clock_get_playing (clock));
          g_assert_cmpfloat (cosmo_clock_get_time (clock), ==,
                             cosmo_event_get_time (cosmo_chapters_get_chapter (chapters, index)));
          last_index = index;
          visits++;
          saw_last = saw_last || index == (int) n - 1;
        }
      g_assert_cmpint (now, <, (gint64) 3600 * G_USEC_PER_SEC);
    }
  g_assert_cmpuint (visits, ==, n);
  g_assert_true (saw_last);
  /* Back at the start of the loop. */
  g_assert_cmpfloat (cosmo_clock_get_time (clock), <, first);
  g_assert_cmpint (cosmo_kiosk_loop_get_state (loop), ==, COSMO_KIOSK_STATE_STEPPING);

  /* A visitor: the loop waits a minute after the last touch, then starts
   * again from the beginning. */
  for (int k = 0; k < 200; k++)
    {
      now += FRAME_US;
      cosmo_kiosk_loop_tick (loop, now);
    }
  cosmo_kiosk_loop_user_activity (loop, now);
  g_assert_cmpint (cosmo_kiosk_loop_get_state (loop), ==, COSMO_KIOSK_STATE_VISITOR);
  cosmo_clock_seek (clock, 5000);
  cosmo_clock_set_playing (clock, TRUE);
  end = now + (gint64) ((COSMO_KIOSK_IDLE_SECONDS - 1) * G_USEC_PER_SEC);
  while (now < end)
    {
      now += FRAME_US;
      cosmo_kiosk_loop_tick (loop, now);
    }
  g_assert_cmpint (cosmo_kiosk_loop_get_state (loop), ==, COSMO_KIOSK_STATE_VISITOR);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), >, 5000);
  end = now + 2 * G_USEC_PER_SEC;
  while (now < end)
    {
      now += FRAME_US;
      cosmo_kiosk_loop_tick (loop, now);
    }
  g_assert_cmpint (cosmo_kiosk_loop_get_state (loop), ==, COSMO_KIOSK_STATE_STEPPING);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), <=, first);
  g_assert_cmpfloat (cosmo_clock_get_rate (clock), >=, 1);

  /* Days of it, at 10 frames a second of simulated time: loops keep
   * coming and the heap does not grow. */
  {
    guint loops_before = cosmo_kiosk_loop_get_n_loops (loop);
    gint64 day = (gint64) 86400 * G_USEC_PER_SEC;
    gint64 frame = G_USEC_PER_SEC / 10;
    gint64 stop = now + 2 * day;
    gint64 warmup = now + day / 24;

    while (now < stop)
      {
        now += frame;
        cosmo_kiosk_loop_tick (loop, now);
        if (heap_after_warmup == 0 && now >= warmup)
          heap_after_warmup = mallinfo2 ().uordblks;
      }
    g_assert_cmpuint (cosmo_kiosk_loop_get_n_loops (loop) - loops_before, >, 100);
    g_test_message ("%u loops in two simulated days; heap %zu -> %zu bytes",
                    cosmo_kiosk_loop_get_n_loops (loop) - loops_before,
                    heap_after_warmup, (size_t) mallinfo2 ().uordblks);
    g_assert_cmpuint (mallinfo2 ().uordblks, <=, heap_after_warmup + 16 * 1024);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chapters/plan-step", test_plan_step);
  g_test_add_func ("/chapters/navigation", test_navigation);
  g_test_add_func ("/chapters/default", test_default_chapters);
  g_test_add_func ("/chapters/kiosk-loop", test_kiosk_loop);

  return g_test_run ();
}
