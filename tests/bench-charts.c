/* bench-charts.c: the Cosmodrome side of build-aux/bench-charts.py.
 *
 *   bench-charts render VALUES.f64 OUT.png   one 10 M-sample chart, 1920x1080
 *   bench-charts csv FILE.csv                parse into columns
 *   bench-charts frame N_CHARTS N_SAMPLES    a replay frame: cached traces + cursor
 *
 * Each prints one JSON object. Times are wall-clock milliseconds; "cpu_ms"
 * is this process's CPU time, which a shared machine disturbs less.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cosmo-chart-renderer.h"
#include "cosmo-csv-reader.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (double *v,
            guint   n,
            double  p)
{
  qsort (v, n, sizeof *v, compare_doubles);
  return v[MIN (n - 1, (guint) ceil (p * n) - 1)];
}

static CosmoChannel *
channel_from (double *values,
              gsize   n,
              const char *id)
{
  double *t = g_new (double, n);
  g_autoptr(GBytes) tb = NULL, vb = NULL;

  for (gsize i = 0; i < n; i++)
    t[i] = (double) i;
  tb = g_bytes_new_take (t, n * sizeof (double));
  vb = g_bytes_new_take (values, n * sizeof (double));
  return cosmo_channel_new (id, id, "", "vehicle", COSMO_PROVENANCE_MEASURED, tb, vb);
}

static int
bench_render (const char *path,
              const char *out)
{
  g_autoptr(GError) error = NULL;
  char *data;
  gsize length, n;
  g_autoptr(CosmoChannel) channel = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  CosmoChartStyle style;
  CosmoChartSpec spec;
  CosmoChartLayout layout;
  double t0, c0, cold, cold_cpu, warm[15], warm_trace[15], warm_cpu[15], trace_cpu[15], pyramid_ms;
  cairo_t *cr;

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  n = length / sizeof (double);
  channel = channel_from ((double *) data, n, "walk");

  cosmo_chart_style_init (&style, COSMO_CHART_THEME_LIGHT, 1.0);
  cosmo_chart_spec_init (&spec);
  spec.channels = &channel;
  spec.n_channels = 1;
  spec.t_start = 0;
  spec.t_end = n - 1;

  /* Load fonts and cairo's caches first with a tiny chart, as matplotlib's
   * import and an app's first frame do: "cold" is then what the data costs
   * (pyramid build + draw), not the process's one-time font set-up. */
  {
    double tiny_values[4] = { 0, 1, 0, 1 };
    g_autoptr(CosmoChannel) tiny = channel_from (g_memdup2 (tiny_values, sizeof tiny_values), 4, "tiny");
    CosmoChartSpec tiny_spec = spec;

    tiny_spec.channels = &tiny;
    tiny_spec.t_end = 3;
    cr = cairo_create (surface);
    cosmo_chart_render (cr, &tiny_spec, &style, 1920, 1080, &layout);
    cairo_destroy (cr);
  }

  /* Cold: the pyramid is built on first use, inside this render. */
  cr = cairo_create (surface);
  t0 = now_ms ();
  c0 = cpu_ms ();
  cosmo_chart_render (cr, &spec, &style, 1920, 1080, &layout);
  cairo_surface_flush (surface);
  cold = now_ms () - t0;
  cold_cpu = cpu_ms () - c0;
  cairo_destroy (cr);

  {
    /* The pyramid alone, on a fresh channel of the same values. */
    double *copy = g_memdup2 (data, n * sizeof (double));
    g_autoptr(CosmoChannel) again = channel_from (copy, n, "again");
    t0 = now_ms ();
    cosmo_channel_get_pyramid (again);
    pyramid_ms = now_ms () - t0;
  }

  for (guint i = 0; i < G_N_ELEMENTS (warm); i++)
    {
      cr = cairo_create (surface);
      t0 = now_ms ();
      c0 = cpu_ms ();
      cosmo_chart_render (cr, &spec, &style, 1920, 1080, &layout);
      cairo_surface_flush (surface);
      warm[i] = now_ms () - t0;
      warm_cpu[i] = cpu_ms () - c0;
      cairo_destroy (cr);

      cr = cairo_create (surface);
      t0 = now_ms ();
      c0 = cpu_ms ();
      cosmo_chart_draw_trace (cr, &layout, &style, channel, cosmo_chart_style_channel_color (&style, 0), TRUE);
      cairo_surface_flush (surface);
      warm_trace[i] = now_ms () - t0;
      trace_cpu[i] = cpu_ms () - c0;
      cairo_destroy (cr);
    }

  cairo_surface_write_to_png (surface, out);
  cairo_surface_destroy (surface);

  g_print ("{\"samples\": %" G_GSIZE_FORMAT ", \"cold_ms\": %.2f, \"cold_cpu_ms\": %.2f, \"pyramid_ms\": %.2f, "
           "\"warm_ms\": %.3f, \"warm_trace_ms\": %.3f, \"warm_cpu_ms\": %.3f, \"warm_trace_cpu_ms\": %.3f}\n",
           n, cold, cold_cpu, pyramid_ms, percentile (warm, G_N_ELEMENTS (warm), 0.5),
           percentile (warm_trace, G_N_ELEMENTS (warm_trace), 0.5),
           percentile (warm_cpu, G_N_ELEMENTS (warm_cpu), 0.5), percentile (trace_cpu, G_N_ELEMENTS (trace_cpu), 0.5));
  return 0;
}

static int
bench_csv (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  double best = INFINITY, best_cpu = INFINITY;
  gsize rows = 0;
  goffset size = 0;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      double t0 = now_ms (), c0 = cpu_ms ();
      g_autoptr(CosmoCsvTable) table = cosmo_csv_read_file (file, NULL, 0, NULL, &error);
      double t = now_ms () - t0, c = cpu_ms () - c0;

      if (table == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      rows = cosmo_csv_table_get_n_rows (table);
      best = MIN (best, t);
      best_cpu = MIN (best_cpu, c);
    }
  {
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
    size = info ? g_file_info_get_size (info) : 0;
  }
  g_print ("{\"bytes\": %" G_GOFFSET_FORMAT ", \"rows\": %" G_GSIZE_FORMAT ", \"ms\": %.2f, \"cpu_ms\": %.2f, "
           "\"mb_per_s\": %.1f, \"cpu_mb_per_s\": %.1f}\n",
           size, rows, best, best_cpu, size / 1e3 / best, size / 1e3 / best_cpu);
  return 0;
}

/* What the widget does per frame while the clock runs: paint each chart's
 * cached static image and draw its cursor; and, for zoom and pan frames,
 * re-render the static part of every chart. */
static int
bench_frame (guint n_charts,
             gsize n)
{
  g_autoptr(GPtrArray) channels = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cairo_surface_t **cache = g_new0 (cairo_surface_t *, n_charts);
  CosmoChartLayout *layouts = g_new0 (CosmoChartLayout, n_charts);
  CosmoChartStyle style;
  double cursor_frames[120], zoom_frames[30];
  double each = 1080.0 / n_charts;

  for (guint c = 0; c < n_charts; c++)
    {
      double *v = g_new (double, n), x = 0;
      for (gsize i = 0; i < n; i++)
        v[i] = x += g_rand_double_range (rand, -1, 1);
      g_ptr_array_add (channels, channel_from (v, n, "c"));
      cosmo_channel_get_pyramid (g_ptr_array_index (channels, c));
    }
  cosmo_chart_style_init (&style, COSMO_CHART_THEME_LIGHT, 1.0);

  for (guint f = 0; f < G_N_ELEMENTS (zoom_frames); f++)
    {
      double t0 = now_ms ();
      double span = n * pow (0.85, f);
      for (guint c = 0; c < n_charts; c++)
        {
          CosmoChartSpec spec;
          CosmoChannel *channel = g_ptr_array_index (channels, c);
          cairo_t *cr;

          g_clear_pointer (&cache[c], cairo_surface_destroy);
          cache[c] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, (int) each);
          cr = cairo_create (cache[c]);
          cosmo_chart_spec_init (&spec);
          spec.channels = &channel;
          spec.n_channels = 1;
          spec.t_start = n / 2.0 - span / 2;
          spec.t_end = n / 2.0 + span / 2;
          spec.time_labels = c + 1 == n_charts;
          cosmo_chart_render (cr, &spec, &style, 1920, (int) each, &layouts[c]);
          cairo_destroy (cr);
        }
      zoom_frames[f] = now_ms () - t0;
    }

  for (guint f = 0; f < G_N_ELEMENTS (cursor_frames); f++)
    {
      cairo_t *cr = cairo_create (target);
      double t0 = now_ms ();

      for (guint c = 0; c < n_charts; c++)
        {
          CosmoChartSpec spec;
          CosmoChannel *channel = g_ptr_array_index (channels, c);

          cosmo_chart_spec_init (&spec);
          spec.channels = &channel;
          spec.n_channels = 1;
          cairo_save (cr);
          cairo_translate (cr, 0, c * each);
          cairo_set_source_surface (cr, cache[c], 0, 0);
          cairo_paint (cr);
          cosmo_chart_render_cursor (cr, &spec, &style, &layouts[c],
                                     layouts[c].t_start + (layouts[c].t_end - layouts[c].t_start) * f / 120.0);
          cairo_restore (cr);
        }
      cairo_surface_flush (target);
      cursor_frames[f] = now_ms () - t0;
      cairo_destroy (cr);
    }

  g_print ("{\"charts\": %u, \"samples_each\": %" G_GSIZE_FORMAT ", \"cursor_frame_p50_ms\": %.2f, "
           "\"cursor_frame_p95_ms\": %.2f, \"zoom_frame_p50_ms\": %.2f, \"zoom_frame_p95_ms\": %.2f}\n",
           n_charts, n, percentile (cursor_frames, G_N_ELEMENTS (cursor_frames), 0.5),
           percentile (cursor_frames, G_N_ELEMENTS (cursor_frames), 0.95),
           percentile (zoom_frames, G_N_ELEMENTS (zoom_frames), 0.5),
           percentile (zoom_frames, G_N_ELEMENTS (zoom_frames), 0.95));

  for (guint c = 0; c < n_charts; c++)
    g_clear_pointer (&cache[c], cairo_surface_destroy);
  g_free (cache);
  g_free (layouts);
  cairo_surface_destroy (target);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "render"))
    return bench_render (argv[2], argv[3]);
  if (argc == 3 && g_str_equal (argv[1], "csv"))
    return bench_csv (argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "frame"))
    return bench_frame (atoi (argv[2]), (gsize) g_ascii_strtoull (argv[3], NULL, 10));

  g_printerr ("usage: %s render VALUES.f64 OUT.png | csv FILE.csv | frame N_CHARTS N_SAMPLES\n", argv[0]);
  return 2;
}
