/* test-trajectory.c: state by interpolation, derived columns, bounds
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "cosmo-trajectory.h"

static GBytes *
column (const double *values,
        gsize         n)
{
  return g_bytes_new (values, n * sizeof (double));
}

static CosmoTrajectory *
make_track (gboolean with_speed)
{
  static const double t[] = { 0, 10, 20, 30 };
  static const double lat[] = { 46.0, 46.1, 46.3, 46.6 };
  static const double lon[] = { 63.5, 63.7, 64.0, 64.4 };
  static const double alt[] = { 100, 2000, 8000, 20000 };
  static const double speed[] = { 0, 300, 700, 1100 };
  GBytes *columns[COSMO_TRAJECTORY_N_COLUMNS] = { NULL, };
  CosmoTrajectory *trajectory;

  columns[COSMO_TRAJECTORY_TIME] = column (t, 4);
  columns[COSMO_TRAJECTORY_LATITUDE] = column (lat, 4);
  columns[COSMO_TRAJECTORY_LONGITUDE] = column (lon, 4);
  columns[COSMO_TRAJECTORY_ALTITUDE] = column (alt, 4);
  if (with_speed)
    columns[COSMO_TRAJECTORY_SPEED] = column (speed, 4);

  trajectory = cosmo_trajectory_new ("vehicle", "Test", COSMO_PROVENANCE_RECONSTRUCTED, columns);
  for (guint i = 0; i < COSMO_TRAJECTORY_N_COLUMNS; i++)
    g_clear_pointer (&columns[i], g_bytes_unref);
  return trajectory;
}

static void
test_interpolation (void)
{
  g_autoptr(CosmoTrajectory) trajectory = make_track (TRUE);
  CosmoTrajectoryState state;

  g_assert_true (cosmo_trajectory_get_state (trajectory, 15, &state));
  g_assert_cmpfloat_with_epsilon (state.latitude, 46.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (state.longitude, 63.85, 1e-9);
  g_assert_cmpfloat_with_epsilon (state.altitude, 5000, 1e-9);
  g_assert_cmpfloat_with_epsilon (state.speed, 500, 1e-9);
  g_assert_true (isnan (state.inertial_speed));

  /* exactly on a sample */
  g_assert_true (cosmo_trajectory_get_state (trajectory, 20, &state));
  g_assert_cmpfloat (state.altitude, ==, 8000);

  /* outside: clamped to the ends, and says so */
  g_assert_false (cosmo_trajectory_get_state (trajectory, -5, &state));
  g_assert_cmpfloat (state.altitude, ==, 100);
  g_assert_cmpfloat (state.t, ==, 0);
  g_assert_false (cosmo_trajectory_get_state (trajectory, 99, &state));
  g_assert_cmpfloat (state.altitude, ==, 20000);

  g_assert_cmpuint (cosmo_trajectory_find_index (trajectory, 25), ==, 2);
  g_assert_cmpuint (cosmo_trajectory_find_index (trajectory, -1), ==, 0);
}

static void
test_derived (void)
{
  g_autoptr(CosmoTrajectory) trajectory = make_track (FALSE);
  const double *downrange = cosmo_trajectory_get_column (trajectory, COSMO_TRAJECTORY_DOWNRANGE);
  const double *speed = cosmo_trajectory_get_column (trajectory, COSMO_TRAJECTORY_SPEED);
  double expected = cosmo_geo_distance (46.0, 63.5, 46.6, 64.4);

  g_assert_cmpfloat (downrange[0], ==, 0);
  g_assert_cmpfloat_with_epsilon (downrange[3], expected, 1e-6);
  /* 0.1 deg of latitude is about 11.1 km */
  g_assert_cmpfloat_with_epsilon (cosmo_geo_distance (46.0, 63.5, 46.1, 63.5), 11119.5, 1.0);
  /* derived speed is positive and plausible (metres per second) */
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat (speed[i], >, 100);
}

static void
test_bounds (void)
{
  g_autoptr(CosmoTrajectory) trajectory = make_track (TRUE);
  double min_lat, min_lon, max_lat, max_lon;

  cosmo_trajectory_get_bounds (trajectory, &min_lat, &min_lon, &max_lat, &max_lon);
  g_assert_cmpfloat (min_lat, ==, 46.0);
  g_assert_cmpfloat (max_lat, ==, 46.6);
  g_assert_cmpfloat (min_lon, ==, 63.5);
  g_assert_cmpfloat (max_lon, ==, 64.4);
  g_assert_cmpfloat (cosmo_trajectory_get_start_time (trajectory), ==, 0);
  g_assert_cmpfloat (cosmo_trajectory_get_end_time (trajectory), ==, 30);
}

static void
test_antimeridian (void)
{
  static const double t[] = { 0, 10 };
  static const double lat[] = { 0, 0 };
  static const double lon[] = { 179.0, -179.0 };
  static const double alt[] = { 0, 0 };
  GBytes *columns[COSMO_TRAJECTORY_N_COLUMNS] = { NULL, };
  g_autoptr(CosmoTrajectory) trajectory = NULL;
  CosmoTrajectoryState state;

  columns[0] = column (t, 2);
  columns[1] = column (lat, 2);
  columns[2] = column (lon, 2);
  columns[3] = column (alt, 2);
  trajectory = cosmo_trajectory_new ("x", NULL, COSMO_PROVENANCE_MEASURED, columns);
  for (guint i = 0; i < 4; i++)
    g_bytes_unref (columns[i]);

  /* Half way across the date line is 180, not 0. */
  cosmo_trajectory_get_state (trajectory, 5, &state);
  g_assert_cmpfloat_with_epsilon (fabs (state.longitude), 180, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/trajectory/interpolation", test_interpolation);
  g_test_add_func ("/trajectory/derived", test_derived);
  g_test_add_func ("/trajectory/bounds", test_bounds);
  g_test_add_func ("/trajectory/antimeridian", test_antimeridian);

  return g_test_run ();
}
