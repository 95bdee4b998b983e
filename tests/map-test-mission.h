/* map-test-mission.h: a synthetic mission for the map's tests and benchmark
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>

#include "cosmo-mission.h"

#define TEST_PAD_LAT 45.99603
#define TEST_PAD_LON 63.564

/* A north-easterly ascent of @n samples over 529 s from the pad, rising
 * to @top_m metres, with a pad site when @with_site. */
static inline CosmoMission *
map_test_mission_new (gsize    n,
                      double   top_m,
                      gboolean with_site)
{
  g_autoptr(GDateTime) t0 = g_date_time_new_utc (2025, 11, 27, 9, 27, 57.402);
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (5 * 3600);
  CosmoMission *mission = cosmo_mission_new ("test", "Test", t0, tz);
  double *t = g_new (double, n), *lat = g_new (double, n), *lon = g_new (double, n), *alt = g_new (double, n);
  GBytes *columns[COSMO_TRAJECTORY_N_COLUMNS] = { NULL, };
  g_autoptr(CosmoTrajectory) trajectory = NULL;

  for (gsize i = 0; i < n; i++)
    {
      double f = (double) i / (n - 1);
      double s = pow (f, 2.2);

      t[i] = 529.0 * f;
      lat[i] = TEST_PAD_LAT + 6.0 * s + 0.3 * sin (f * G_PI);
      lon[i] = TEST_PAD_LON + 21.0 * s;
      alt[i] = top_m * sin (f * G_PI / 2);
    }
  columns[COSMO_TRAJECTORY_TIME] = g_bytes_new_take (t, n * sizeof (double));
  columns[COSMO_TRAJECTORY_LATITUDE] = g_bytes_new_take (lat, n * sizeof (double));
  columns[COSMO_TRAJECTORY_LONGITUDE] = g_bytes_new_take (lon, n * sizeof (double));
  columns[COSMO_TRAJECTORY_ALTITUDE] = g_bytes_new_take (alt, n * sizeof (double));
  trajectory = cosmo_trajectory_new ("vehicle", "Ascent", COSMO_PROVENANCE_RECONSTRUCTED, columns);
  for (guint i = 0; i < COSMO_TRAJECTORY_N_COLUMNS; i++)
    g_clear_pointer (&columns[i], g_bytes_unref);
  cosmo_mission_set_trajectory (mission, trajectory);

  if (with_site)
    {
      g_autoptr(CosmoSite) site = g_object_new (COSMO_TYPE_SITE, "id", "pad", "name", "Pad",
                                                "kind", COSMO_SITE_KIND_PAD, "latitude", TEST_PAD_LAT,
                                                "longitude", TEST_PAD_LON, "primary", TRUE, NULL);
      cosmo_mission_add_site (mission, site);
    }

  return mission;
}

static inline CosmoEvent *
map_test_add_event (CosmoMission       *mission,
                    const char         *id,
                    double              time,
                    CosmoEventCategory  category,
                    gboolean            chapter)
{
  g_autoptr(CosmoEvent) event = cosmo_event_new (id, time, category, id);

  cosmo_event_set_chapter (event, chapter);
  cosmo_event_list_add (cosmo_mission_get_events (mission), event);
  return event;
}
