/* test-reconstruction.c: the bundled Soyuz MS-28 ascent against the
 * published milestones (issue 3)
 *
 * Loads data/missions/soyuz-ms-28 with the mission loader and checks the
 * reconstruction made by src/simulator (cosmodrome-ascent-sim) with the
 * tolerances of issue 3. The same checks, on the CSV text alone, run in the
 * simulator's own test (src/simulator/check-ascent.py milestones).
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "cosmo-mission-loader.h"
#include "cosmo-trajectory.h"

#define DEG (G_PI / 180.0)

/* WGS84, as in src/simulator/sim-earth.h */
#define WGS84_A     6378137.0
#define WGS84_F     (1.0 / 298.257223563)
#define WGS84_GM    3.986004418e14
#define WGS84_OMEGA 7.292115e-5

static CosmoMission *
load_bundled (void)
{
  const char *datadir = g_getenv ("COSMODROME_DATADIR");
  g_autofree char *path = g_build_filename (datadir != NULL ? datadir : SOURCE_DATADIR,
                                            "missions", "soyuz-ms-28", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CosmoMission *mission;

  mission = cosmo_mission_load (folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mission);
  return mission;
}

/* The package declares the reconstruction once the lead has merged
 * src/simulator/mission-declarations.json into mission.json. */
static CosmoTrajectory *
bundled_trajectory (CosmoMission *mission)
{
  CosmoTrajectory *trajectory = cosmo_mission_get_trajectory (mission);

  if (trajectory == NULL)
    g_test_skip ("mission.json does not declare the reconstructed trajectory");
  return trajectory;
}

static CosmoTrajectoryState
state_at (CosmoTrajectory *trajectory,
          double           t)
{
  CosmoTrajectoryState state;

  g_assert_true (cosmo_trajectory_get_state (trajectory, t, &state));
  return state;
}

static void
assert_within (double      value,
               double      lo,
               double      hi,
               const char *what)
{
  g_test_message ("%s: %.4f (accepted %.4g to %.4g)", what, value, lo, hi);
  if (!(value >= lo && value <= hi))
    g_error ("%s = %.4f is outside %.4g to %.4g", what, value, lo, hi);
}

static void
test_provenance (void)
{
  g_autoptr(CosmoMission) mission = load_bundled ();
  CosmoTrajectory *trajectory = bundled_trajectory (mission);
  GListModel *channels;
  GListModel *debris;
  GListModel *zones;
  guint n_pad = 0, n_vehicle = 0;

  if (trajectory == NULL)
    return;
  g_assert_cmpint (cosmo_trajectory_get_provenance (trajectory), ==,
                   COSMO_PROVENANCE_RECONSTRUCTED);
  g_assert_nonnull (cosmo_trajectory_get_description (trajectory));

  channels = cosmo_mission_get_channels (mission);
  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(CosmoChannel) channel = g_list_model_get_item (channels, i);
      const char *group = cosmo_channel_get_group (channel);
      const char *description = cosmo_channel_get_description (channel);

      g_assert_true (description != NULL && *description != '\0');
      if (g_strcmp0 (group, "pad") == 0)
        {
          g_assert_cmpint (cosmo_channel_get_provenance (channel), ==, COSMO_PROVENANCE_SIMULATED);
          n_pad++;
        }
      else if (g_strcmp0 (group, "vehicle") == 0)
        {
          g_assert_cmpint (cosmo_channel_get_provenance (channel), ==,
                           COSMO_PROVENANCE_RECONSTRUCTED);
          n_vehicle++;
        }
    }
  g_assert_cmpuint (n_vehicle, >=, 10);
  g_assert_cmpuint (n_pad, >=, 3);

  debris = cosmo_mission_get_debris (mission);
  g_assert_cmpuint (g_list_model_get_n_items (debris), >=, 5);
  zones = cosmo_mission_get_zones (mission);
  g_assert_cmpuint (g_list_model_get_n_items (zones), >=, 2);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(CosmoZone) zone = g_list_model_get_item (zones, i);

      g_assert_cmpint (cosmo_zone_get_provenance (zone), ==, COSMO_PROVENANCE_RECONSTRUCTED);
      g_assert_cmpuint (cosmo_zone_get_n_vertices (zone), >=, 20);
    }
}

static void
test_max_q (void)
{
  g_autoptr(CosmoMission) mission = load_bundled ();
  CosmoChannel *q;
  const double *t, *v;
  double best = -1.0, t_best = 0.0;
  gsize n;

  if (bundled_trajectory (mission) == NULL)
    return;
  q = cosmo_mission_lookup_channel (mission, "dynamic-pressure");
  g_assert_nonnull (q);
  n = cosmo_channel_get_n_samples (q);
  t = cosmo_channel_get_times (q);
  v = cosmo_channel_get_values (q);
  for (gsize i = 0; i < n; i++)
    if (!isnan (v[i]) && v[i] > best)
      {
        best = v[i];
        t_best = t[i];
      }
  assert_within (t_best, 62.0, 82.0, "max-Q time (s)");
}

static void
test_staging (void)
{
  g_autoptr(CosmoMission) mission = load_bundled ();
  CosmoTrajectory *trajectory = bundled_trajectory (mission);
  CosmoTrajectoryState s;

  if (trajectory == NULL)
    return;
  s = state_at (trajectory, 118.0);
  assert_within (s.altitude / 1000.0, 43.0, 53.0, "T+118 altitude (km)");
  assert_within (s.speed / 1000.0, 1.6, 2.0, "T+118 speed (km/s)");

  s = state_at (trajectory, 288.0);
  assert_within (s.altitude / 1000.0, 161.0, 191.0, "T+288 altitude (km)");
  assert_within (s.inertial_speed / 1000.0, 3.45, 4.05, "T+288 inertial speed (km/s)");
  assert_within (s.downrange / 1000.0, 440.0, 560.0, "T+288 downrange (km)");

  s = state_at (trajectory, 529.0);
  assert_within (s.inertial_speed / 1000.0, 7.8, 8.0, "T+529 inertial speed (km/s)");
  assert_within (s.downrange / 1000.0, 1560.0, 1720.0, "T+529 downrange (km)");
  assert_within (cosmo_geo_distance (51.1, 84.6, s.latitude, s.longitude) / 111195.0,
                 0.0, 1.0, "T+529 distance from 51.1 N 84.6 E (deg)");
}

static void
to_eci (const CosmoTrajectoryState *s,
        double                      r[3])
{
  double e2 = WGS84_F * (2.0 - WGS84_F);
  double lat = s->latitude * DEG, lon = s->longitude * DEG;
  double n = WGS84_A / sqrt (1.0 - e2 * sin (lat) * sin (lat));
  double x = (n + s->altitude) * cos (lat) * cos (lon);
  double y = (n + s->altitude) * cos (lat) * sin (lon);
  double a = WGS84_OMEGA * s->t;

  r[0] = cos (a) * x - sin (a) * y;
  r[1] = sin (a) * x + cos (a) * y;
  r[2] = (n * (1.0 - e2) + s->altitude) * sin (lat);
}

/* The insertion orbit from two positions one second apart in the coast
 * between third-stage cutoff (~T+527) and spacecraft separation (T+529). */
static void
test_orbit (void)
{
  g_autoptr(CosmoMission) mission = load_bundled ();
  CosmoTrajectory *trajectory = bundled_trajectory (mission);
  CosmoTrajectoryState s0, s1;
  double r0[3], r1[3], r[3], v[3], h[3], ev[3];
  double rn, v2, rv, energy, sma, e;

  if (trajectory == NULL)
    return;
  s0 = state_at (trajectory, 528.0);
  s1 = state_at (trajectory, 529.0);
  to_eci (&s0, r0);
  to_eci (&s1, r1);
  for (int k = 0; k < 3; k++)
    {
      v[k] = r1[k] - r0[k];
      r[k] = (r0[k] + r1[k]) / 2.0;
    }
  rn = sqrt (r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
  for (int k = 0; k < 3; k++)
    r[k] += WGS84_GM * r[k] / (rn * rn * rn) / 8.0;   /* chord to arc midpoint */
  rn = sqrt (r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
  v2 = v[0] * v[0] + v[1] * v[1] + v[2] * v[2];
  rv = r[0] * v[0] + r[1] * v[1] + r[2] * v[2];
  h[0] = r[1] * v[2] - r[2] * v[1];
  h[1] = r[2] * v[0] - r[0] * v[2];
  h[2] = r[0] * v[1] - r[1] * v[0];
  energy = v2 / 2.0 - WGS84_GM / rn;
  sma = -WGS84_GM / (2.0 * energy);
  for (int k = 0; k < 3; k++)
    ev[k] = ((v2 - WGS84_GM / rn) * r[k] - rv * v[k]) / WGS84_GM;
  e = sqrt (ev[0] * ev[0] + ev[1] * ev[1] + ev[2] * ev[2]);

  assert_within ((sma * (1.0 - e) - WGS84_A) / 1000.0, 190.0, 205.0, "perigee (km)");
  assert_within ((sma * (1.0 + e) - WGS84_A) / 1000.0, 225.0, 260.0, "apogee (km)");
  assert_within (acos (h[2] / sqrt (h[0] * h[0] + h[1] * h[1] + h[2] * h[2])) / DEG,
                 51.56, 51.76, "inclination (deg)");
}

static void
test_impacts (void)
{
  g_autoptr(CosmoMission) mission = load_bundled ();
  GListModel *debris;
  guint n_boosters = 0;
  gboolean core = FALSE;

  if (bundled_trajectory (mission) == NULL)
    return;
  debris = cosmo_mission_get_debris (mission);
  for (guint i = 0; i < g_list_model_get_n_items (debris); i++)
    {
      g_autoptr(CosmoTrajectory) stage = g_list_model_get_item (debris, i);
      const char *id = cosmo_trajectory_get_id (stage);
      CosmoTrajectoryState end = state_at (stage, cosmo_trajectory_get_end_time (stage));

      g_assert_cmpint (cosmo_trajectory_get_provenance (stage), ==,
                       COSMO_PROVENANCE_RECONSTRUCTED);
      g_assert_cmpfloat (end.altitude, ==, 0.0);
      if (g_strcmp0 (id, "blok-a") == 0)
        {
          /* Ust-Kan district, Altai: ~1,650 km from the pad (mission-facts 6) */
          assert_within (cosmo_geo_distance (45.99603, 63.564, end.latitude, end.longitude)
                         / 1000.0, 1450.0, 1800.0, "Blok A impact downrange (km)");
          core = TRUE;
        }
      else if (g_str_has_prefix (id, "blok-"))
        {
          g_autofree char *what = g_strdup_printf ("%s impact from Zhezkazgan (km)", id);

          assert_within (cosmo_geo_distance (47.78, 67.77, end.latitude, end.longitude) / 1000.0,
                         0.0, 120.0, what);
          n_boosters++;
        }
    }
  g_assert_cmpuint (n_boosters, ==, 4);
  g_assert_true (core);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reconstruction/provenance", test_provenance);
  g_test_add_func ("/reconstruction/max-q", test_max_q);
  g_test_add_func ("/reconstruction/staging", test_staging);
  g_test_add_func ("/reconstruction/orbit", test_orbit);
  g_test_add_func ("/reconstruction/impacts", test_impacts);

  return g_test_run ();
}
