/* test-chart-stack.c: the chart widgets — default channels, a quiet
 * placeholder without channels, a moving clock that never re-renders the
 * cached traces, zoom shared through the session, export as shown.
 *
 * COSMO_CHART_SCREENSHOT=out.png COSMO_CHART_MISSION=folder [COSMO_CHART_AT=T+72]
 * [COSMO_CHART_SIZE=1024x700] also saves a picture of the stack.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>

#include "cosmo-chart-stack.h"
#include "cosmo-chart-view.h"
#include "cosmo-mission-loader.h"

static CosmoChannel *
make_channel (const char      *id,
              const char      *group,
              CosmoProvenance  provenance,
              double           phase)
{
  gsize n = 20000;
  double *t = g_new (double, n), *v = g_new (double, n);
  g_autoptr(GBytes) tb = NULL, vb = NULL;

  for (gsize i = 0; i < n; i++)
    {
      t[i] = -60 + i * 0.05;
      v[i] = sin (t[i] / 30 + phase) * 100 + (i % 7);
    }
  tb = g_bytes_new_take (t, n * sizeof (double));
  vb = g_bytes_new_take (v, n * sizeof (double));
  return cosmo_channel_new (id, id, "m", group, provenance, tb, vb);
}

static CosmoMission *
make_mission (gboolean with_channels)
{
  g_autoptr(GDateTime) t0 = g_date_time_new_utc (2025, 11, 27, 9, 27, 57);
  CosmoMission *mission = cosmo_mission_new ("test", "Test", t0, NULL);

  if (with_channels)
    {
      const char *ids[] = { "pad_strain", "altitude", "speed", "temperature", "dynamic_pressure", "acceleration" };
      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        {
          g_autoptr(CosmoChannel) c = make_channel (ids[i], i == 0 ? "pad" : "vehicle",
                                                    i == 0 ? COSMO_PROVENANCE_SIMULATED : COSMO_PROVENANCE_MEASURED, i);
          cosmo_mission_add_channel (mission, c);
        }
      cosmo_event_list_add (cosmo_mission_get_events (mission),
                            cosmo_event_new ("liftoff", 0, COSMO_EVENT_CATEGORY_FLIGHT, "Liftoff"));
    }
  return mission;
}

static void
wait_frames (GtkWidget *widget,
             guint      n)
{
  for (guint i = 0; i < n; i++)
    {
      gint64 until = g_get_monotonic_time () + 20 * 1000;
      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
    }
}

static GtkWidget *
make_window (CosmoChartStack *stack,
             int              width,
             int              height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (stack));
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (window, 10);
  return window;
}

static GPtrArray *
views (CosmoChartStack *stack)
{
  GPtrArray *out = g_ptr_array_new ();
  GQueue queue = G_QUEUE_INIT;

  g_queue_push_tail (&queue, stack);
  while (!g_queue_is_empty (&queue))
    {
      GtkWidget *w = g_queue_pop_head (&queue);
      if (COSMO_IS_CHART_VIEW (w))
        g_ptr_array_add (out, w);
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }
  return out;
}

static void
test_no_channels (void)
{
  g_autoptr(CosmoSession) session = cosmo_session_new ();
  g_autoptr(CosmoMission) mission = make_mission (FALSE);
  CosmoChartStack *stack = COSMO_CHART_STACK (cosmo_chart_stack_new ());
  GtkWidget *window = make_window (stack, 800, 400);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) channels = NULL;

  cosmo_chart_stack_set_session (stack, session);
  cosmo_session_set_mission (session, mission);
  wait_frames (window, 3);
  found = views (stack);
  channels = cosmo_chart_stack_get_channels (stack);
  g_assert_cmpuint (found->len, ==, 0);
  g_assert_cmpuint (channels->len, ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_cursor_keeps_cache (void)
{
  g_autoptr(CosmoSession) session = cosmo_session_new ();
  g_autoptr(CosmoMission) mission = make_mission (TRUE);
  CosmoChartStack *stack = COSMO_CHART_STACK (cosmo_chart_stack_new ());
  GtkWidget *window;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) channels = NULL;
  CosmoChartView *view;
  guint renders;
  double start, end;

  cosmo_chart_stack_set_session (stack, session);
  cosmo_session_set_mission (session, mission);
  window = make_window (stack, 1000, 900);

  /* Key vehicle channels first, then the pad. */
  channels = cosmo_chart_stack_get_channels (stack);
  g_assert_cmpuint (channels->len, ==, 5);
  g_assert_cmpstr (cosmo_channel_get_id (g_ptr_array_index (channels, 0)), ==, "altitude");
  g_assert_cmpstr (cosmo_channel_get_id (g_ptr_array_index (channels, 2)), ==, "dynamic_pressure");
  g_assert_cmpstr (cosmo_channel_get_id (g_ptr_array_index (channels, 4)), ==, "pad_strain");

  found = views (stack);
  g_assert_cmpuint (found->len, ==, 5);
  view = g_ptr_array_index (found, 0);
  renders = cosmo_chart_view_get_n_renders (view);
  g_assert_cmpuint (renders, >=, 1);

  /* The clock moves: only the cursor is redrawn. */
  for (guint i = 0; i < 5; i++)
    {
      cosmo_clock_seek (cosmo_session_get_clock (session), 10.0 * i);
      wait_frames (window, 2);
    }
  g_assert_cmpuint (cosmo_chart_view_get_n_renders (view), ==, renders);

  /* Zoom through the session: the traces are rendered again. */
  cosmo_session_get_visible_range (session, &start, &end);
  cosmo_session_zoom (session, (start + end) / 2, 0.5);
  wait_frames (window, 3);
  g_assert_cmpuint (cosmo_chart_view_get_n_renders (view), >, renders);

  /* Export what is shown. */
  {
    g_autofree char *dir = g_dir_make_tmp ("cosmo-stack-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "charts.svg", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_true (cosmo_chart_stack_export (stack, path, 1280, 720, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    g_unlink (path);
    g_rmdir (dir);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
save_screenshot (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (g_getenv ("COSMO_CHART_MISSION"));
  g_autoptr(CosmoMission) mission = cosmo_mission_load (folder, NULL, &error);
  g_autoptr(CosmoSession) session = cosmo_session_new ();
  CosmoChartStack *stack = COSMO_CHART_STACK (cosmo_chart_stack_new ());
  const char *size = g_getenv ("COSMO_CHART_SIZE");
  int width = 1920, height = 460;
  GtkWidget *window;
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  double t = 72;

  g_assert_no_error (error);
  if (size)
    sscanf (size, "%dx%d", &width, &height);
  if (g_getenv ("COSMO_CHART_AT"))
    cosmo_time_parse (g_getenv ("COSMO_CHART_AT"), NULL, &t, NULL);
  if (g_getenv ("COSMO_CHART_DARK"))
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);

  cosmo_chart_stack_set_session (stack, session);
  cosmo_session_set_mission (session, mission);
  cosmo_clock_seek (cosmo_session_get_clock (session), t);
  if (g_getenv ("COSMO_CHART_RANGE"))
    {
      double a, b;
      sscanf (g_getenv ("COSMO_CHART_RANGE"), "%lf:%lf", &a, &b);
      cosmo_session_set_visible_range (session, a, b);
    }
  window = make_window (stack, width, height);
  wait_frames (window, 5);

  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  renderer = gsk_cairo_renderer_new ();
  gsk_renderer_realize (renderer, NULL, NULL);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  gsk_renderer_unrealize (renderer);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  if (g_getenv ("COSMO_CHART_SCREENSHOT") && g_getenv ("COSMO_CHART_MISSION"))
    {
      save_screenshot (g_getenv ("COSMO_CHART_SCREENSHOT"));
      return 0;
    }

  g_test_add_func ("/chart-stack/no-channels", test_no_channels);
  g_test_add_func ("/chart-stack/cursor-keeps-cache", test_cursor_keeps_cache);

  return g_test_run ();
}
