/* test-session.c: what a newly opened mission shows
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cosmo-session.h"

static CosmoMission *
mission_with_track (double t0,
                    double t1)
{
  g_autoptr(GDateTime) epoch = g_date_time_new_utc (2025, 11, 27, 9, 27, 57.402);
  CosmoMission *mission = cosmo_mission_new ("m", "M", epoch, NULL);
  double t[2] = { t0, t1 }, lat[2] = { 46, 47 }, lon[2] = { 63, 64 }, alt[2] = { 0, 1000 };
  GBytes *columns[COSMO_TRAJECTORY_N_COLUMNS] = { NULL, };
  g_autoptr(CosmoTrajectory) trajectory = NULL;

  columns[COSMO_TRAJECTORY_TIME] = g_bytes_new (t, sizeof t);
  columns[COSMO_TRAJECTORY_LATITUDE] = g_bytes_new (lat, sizeof lat);
  columns[COSMO_TRAJECTORY_LONGITUDE] = g_bytes_new (lon, sizeof lon);
  columns[COSMO_TRAJECTORY_ALTITUDE] = g_bytes_new (alt, sizeof alt);
  trajectory = cosmo_trajectory_new ("v", NULL, COSMO_PROVENANCE_MEASURED, columns);
  for (guint i = 0; i < 4; i++)
    g_bytes_unref (columns[i]);
  cosmo_mission_set_trajectory (mission, trajectory);
  return mission;
}

static void
test_opens_on_the_flight (void)
{
  g_autoptr(CosmoSession) session = cosmo_session_new ();
  g_autoptr(CosmoMission) ascent = mission_with_track (0, 529);
  g_autoptr(CosmoMission) orbit = mission_with_track (0, 5400);
  double start, end;

  /* A launch opens on the ascent window (from T0 here: nothing comes before). */
  cosmo_session_set_mission (session, ascent);
  cosmo_session_get_visible_range (session, &start, &end);
  g_assert_cmpfloat (start, ==, 0);
  g_assert_cmpfloat (end, ==, 529);   /* ... and ends with the data */
  g_assert_cmpfloat (cosmo_clock_get_time (cosmo_session_get_clock (session)), ==, 0);

  /* A longer track (an imported orbit) is shown whole, not its first minutes. */
  cosmo_clock_seek (cosmo_session_get_clock (session), 300);
  cosmo_session_set_mission (session, orbit);
  cosmo_session_get_visible_range (session, &start, &end);
  g_assert_cmpfloat (start, <=, 0);
  g_assert_cmpfloat (end, >=, 5400);
  g_assert_cmpfloat (cosmo_clock_get_time (cosmo_session_get_clock (session)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/session/opens-on-the-flight", test_opens_on_the_flight);
  return g_test_run ();
}
