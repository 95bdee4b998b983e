/* bench-track.c: time to draw the ground-track layers per frame
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-track [MISSION_DIR]: the bundled track (when the mission package
 * has one) and a 1,000,000-point synthetic track, drawn into a 1920x1080
 * image at the whole-track view, at zoom 10 and following the vehicle at
 * zoom 16. Prints the median and worst frame (thread CPU time) of the
 * base layer (the whole track) and the flown layer with the vehicle (what
 * the clock redraws). Target: under 5 ms per frame.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <time.h>

#include "cosmo-mission-loader.h"
#include "cosmo-track-renderer.h"
#include "map-test-mission.h"

#define FRAMES 40

/* CPU time of this thread, so that a busy machine does not inflate the
 * figures with time spent waiting for a core. */
static gint64
cpu_time_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_GINT64_CONSTANT (1000000) + ts.tv_nsec / 1000;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
bench_view (const char         *label,
            CosmoTrackRenderer *renderer,
            cairo_t            *cr,
            double              zoom,
            gboolean            follow)
{
  CosmoTrajectory *trajectory = cosmo_mission_get_trajectory (cosmo_track_renderer_get_mission (renderer));
  double start = cosmo_trajectory_get_start_time (trajectory);
  double end = cosmo_trajectory_get_end_time (trajectory);
  double base_ms[FRAMES], flown_ms[FRAMES];
  double s, w, n, e, lat, lon, z;

  cosmo_track_renderer_get_track_bounds (renderer, &s, &w, &n, &e);
  cosmo_map_frame_fit (s, w, n, e, 1920, 1080, 56, 2, 16, &lat, &lon, &z);
  if (zoom > 0)
    z = zoom;

  for (guint i = 0; i < FRAMES; i++)
    {
      double t = start + (end - start) * (i + 0.5) / FRAMES;
      CosmoMapFrame frame;
      gint64 t0, t1, t2;

      if (follow)
        cosmo_track_renderer_get_vehicle (renderer, t, &lat, &lon, NULL);
      cosmo_map_frame_init (&frame, lat, lon, z, 1920, 1080, 0);

      cairo_save (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_restore (cr);

      t0 = cpu_time_us ();
      cosmo_track_renderer_draw_base (renderer, cr, &frame);
      t1 = cpu_time_us ();
      cosmo_track_renderer_draw_flown (renderer, cr, &frame, t);
      cosmo_track_renderer_draw_vehicle (renderer, cr, &frame, t);
      t2 = cpu_time_us ();
      base_ms[i] = (t1 - t0) / 1000.0;
      flown_ms[i] = (t2 - t1) / 1000.0;
    }

  qsort (base_ms, FRAMES, sizeof (double), compare_doubles);
  qsort (flown_ms, FRAMES, sizeof (double), compare_doubles);
  printf ("%-34s zoom %4.1f  base median %6.2f ms worst %6.2f ms   flown+vehicle median %6.2f ms worst %6.2f ms\n",
          label, z, base_ms[FRAMES / 2], base_ms[FRAMES - 1], flown_ms[FRAMES / 2], flown_ms[FRAMES - 1]);
}

static void
bench_mission (const char   *name,
               CosmoMission *mission)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cairo_t *cr = cairo_create (surface);
  gint64 t0 = g_get_monotonic_time ();
  g_autoptr(CosmoTrackRenderer) renderer = cosmo_track_renderer_new (mission);
  g_autofree char *whole = g_strdup_printf ("%s, whole track", name);
  g_autofree char *z10 = g_strdup_printf ("%s, zoom 10 on the vehicle", name);
  g_autofree char *z16 = g_strdup_printf ("%s, zoom 16 on the vehicle", name);

  printf ("%s: %" G_GSIZE_FORMAT " samples, prepared in %.1f ms\n", name,
          cosmo_trajectory_get_n_samples (cosmo_mission_get_trajectory (mission)),
          (g_get_monotonic_time () - t0) / 1000.0);
  bench_view (whole, renderer, cr, 0, FALSE);
  bench_view (z10, renderer, cr, 10, TRUE);
  bench_view (z16, renderer, cr, 16, TRUE);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CosmoMission) synthetic = NULL;

  if (argc > 1)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (argv[1]);
      g_autoptr(GError) error = NULL;
      g_autoptr(CosmoMission) bundled = cosmo_mission_load (folder, NULL, &error);

      if (bundled == NULL)
        printf ("bundled mission: %s\n", error->message);
      else if (cosmo_mission_get_trajectory (bundled) == NULL)
        printf ("bundled mission: no trajectory yet\n");
      else
        bench_mission ("bundled track", bundled);
    }

  synthetic = map_test_mission_new (1000000, 210000, TRUE);
  bench_mission ("1,000,000-point track", synthetic);
  return 0;
}
