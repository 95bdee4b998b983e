/* test-track-renderer.c: the map overlays drawn without a display
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "cosmo-mercator.h"
#include "cosmo-track-renderer.h"
#include "map-test-mission.h"

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (data + (int) y * stride + 4 * (int) x);
}

/* The largest alpha within @r pixels of (@x, @y). */
static int
alpha_near (cairo_surface_t *surface,
            double           x,
            double           y,
            int              r)
{
  int best = 0;

  for (int dy = -r; dy <= r; dy++)
    for (int dx = -r; dx <= r; dx++)
      best = MAX (best, (int) (pixel_at (surface, x + dx, y + dy) >> 24));
  return best;
}

static void
test_frame (void)
{
  CosmoMapFrame frame;
  double x, y, lat, lon, wx, wy;

  cosmo_map_frame_init (&frame, 46.0, 63.5, 7.5, 800, 600, 0);
  cosmo_map_frame_project (&frame, 46.0, 63.5, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 400, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, 300, 1e-6);

  /* A point 100 world pixels east and south of the centre. */
  cosmo_mercator_latlon_to_pixel (46.0, 63.5, 7.5, &wx, &wy);
  cosmo_mercator_pixel_to_latlon (wx + 100, wy + 100, 7.5, &lat, &lon);
  cosmo_map_frame_project (&frame, lat, lon, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 500, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, 400, 1e-6);

  /* Rotation about the middle, as ShumateViewport turns. */
  cosmo_map_frame_init (&frame, 46.0, 63.5, 7.5, 800, 600, G_PI / 2);
  cosmo_map_frame_project (&frame, lat, lon, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 300, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, 400, 1e-6);
  cosmo_map_frame_unproject (&frame, x, y, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, lat, 1e-9);
  g_assert_cmpfloat_with_epsilon (wy, lon, 1e-9);
}

static void
test_fit (void)
{
  double lat, lon, zoom, x, y;
  CosmoMapFrame frame;

  cosmo_map_frame_fit (45.9, 63.5, 52.0, 85.0, 1000, 500, 40, 2, 16, &lat, &lon, &zoom);
  cosmo_map_frame_init (&frame, lat, lon, zoom, 1000, 500, 0);
  cosmo_map_frame_project (&frame, 52.0, 63.5, &x, &y);
  g_assert_cmpfloat (x, >=, 39.9);
  g_assert_cmpfloat (y, >=, 39.9);
  cosmo_map_frame_project (&frame, 45.9, 85.0, &x, &y);
  g_assert_cmpfloat (x, <=, 960.1);
  g_assert_cmpfloat (y, <=, 460.1);
  /* One side touches its margin: the fit is as close as it can be. */
  g_assert_true (fabs (x - 960) < 0.1 || fabs (y - 460) < 0.1);
}

static void
test_track_drawn (void)
{
  g_autoptr(CosmoMission) mission = map_test_mission_new (1000000, 210000, TRUE);
  g_autoptr(CosmoTrackRenderer) renderer = cosmo_track_renderer_new (mission);
  CosmoTrajectory *trajectory = cosmo_mission_get_trajectory (mission);
  cairo_surface_t *base = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 700);
  cairo_surface_t *flown = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 700);
  double s, w, n, e, lat, lon, zoom, x, y;
  CosmoTrajectoryState state;
  CosmoMapFrame frame;
  cairo_t *cr;

  g_assert_true (cosmo_track_renderer_get_track_bounds (renderer, &s, &w, &n, &e));
  cosmo_map_frame_fit (s, w, n, e, 1200, 700, 60, 2, 16, &lat, &lon, &zoom);
  cosmo_map_frame_init (&frame, lat, lon, zoom, 1200, 700, 0);

  cr = cairo_create (base);
  cosmo_track_renderer_draw_base (renderer, cr, &frame);
  cairo_destroy (cr);
  cr = cairo_create (flown);
  cosmo_track_renderer_draw_flown (renderer, cr, &frame, 264);
  cairo_destroy (cr);
  cairo_surface_flush (base);
  cairo_surface_flush (flown);

  /* The whole track is on the base layer; only the part before T+264 on
   * the flown one (dashes leave gaps: look around each point). */
  for (double t = 20; t < 529; t += 40)
    {
      cosmo_trajectory_get_state (trajectory, t, &state);
      cosmo_map_frame_project (&frame, state.latitude, state.longitude, &x, &y);
      g_assert_cmpint (alpha_near (base, x, y, 4), >, 200);
      if (t < 250)
        g_assert_cmpint (alpha_near (flown, x, y, 1), ==, 255);
      else if (t > 280)
        g_assert_cmpint (alpha_near (flown, x, y, 2), ==, 0);
    }

  /* Far from the track nothing is drawn. */
  g_assert_cmpint (pixel_at (base, 1100, 650) >> 24, ==, 0);

  cairo_surface_destroy (base);
  cairo_surface_destroy (flown);
}

static void
test_pins (void)
{
  g_autoptr(CosmoMission) mission = map_test_mission_new (5000, 210000, TRUE);
  CosmoEvent *sep = map_test_add_event (mission, "separation", 118, COSMO_EVENT_CATEGORY_FLIGHT, TRUE);
  CosmoEvent *collapse = map_test_add_event (mission, "collapse", 10, COSMO_EVENT_CATEGORY_PAD, TRUE);
  CosmoEvent *later = map_test_add_event (mission, "later", 90000, COSMO_EVENT_CATEGORY_STATEMENT, FALSE);
  g_autoptr(CosmoTrackRenderer) renderer = NULL;
  CosmoTrajectoryState state;
  CosmoMapFrame frame;
  double lat, lon, x, y;

  cosmo_event_set_location (collapse, TEST_PAD_LAT, TEST_PAD_LON);
  renderer = cosmo_track_renderer_new (mission);

  /* In flight without a place: where the vehicle was then. */
  g_assert_true (cosmo_track_renderer_get_event_location (renderer, sep, &lat, &lon));
  cosmo_trajectory_get_state (cosmo_mission_get_trajectory (mission), 118, &state);
  g_assert_cmpfloat_with_epsilon (lat, state.latitude, 1e-9);
  g_assert_cmpfloat_with_epsilon (lon, state.longitude, 1e-9);
  /* Months later without a place: not on the map. */
  g_assert_false (cosmo_track_renderer_get_event_location (renderer, later, &lat, &lon));

  cosmo_map_frame_init (&frame, 46.5, 64.5, 8, 1000, 800, 0);
  cosmo_map_frame_project (&frame, state.latitude, state.longitude, &x, &y);
  g_assert_true (cosmo_track_renderer_pick_pin (renderer, &frame, x + 3, y - 3) == sep);
  g_assert_null (cosmo_track_renderer_pick_pin (renderer, &frame, x + 60, y + 60));

  /* A pin on the ground stands on a stalk above or below its place. */
  cosmo_map_frame_project (&frame, TEST_PAD_LAT, TEST_PAD_LON, &x, &y);
  g_assert_true (cosmo_track_renderer_pick_pin (renderer, &frame, x, y - 21.5) == collapse ||
                 cosmo_track_renderer_pick_pin (renderer, &frame, x, y + 21.5) == collapse);
}

static void
test_provenance (void)
{
  g_autoptr(CosmoMission) mission = map_test_mission_new (100, 1000, FALSE);
  g_autoptr(CosmoTrackRenderer) renderer = cosmo_track_renderer_new (mission);
  g_autoptr(CosmoTrackRenderer) empty = cosmo_track_renderer_new (NULL);
  g_autofree char *text = cosmo_track_renderer_get_provenance_text (renderer);
  g_autofree char *none = cosmo_track_renderer_get_provenance_text (empty);
  double w, h;

  g_assert_cmpstr (text, ==, "Trajectory: reconstructed from published figures");
  g_assert_null (none);
  cosmo_track_renderer_draw_legend (renderer, NULL, 0, 0, &w, &h);
  g_assert_cmpfloat (w, >, 100);
  g_assert_cmpfloat (h, >, 40);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/track-renderer/frame", test_frame);
  g_test_add_func ("/track-renderer/fit", test_fit);
  g_test_add_func ("/track-renderer/track-drawn", test_track_drawn);
  g_test_add_func ("/track-renderer/pins", test_pins);
  g_test_add_func ("/track-renderer/provenance", test_provenance);

  return g_test_run ();
}
