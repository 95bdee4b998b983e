/* test-chart-render.c: decimated traces are pixel-identical to full ones,
 * ticks are chosen sensibly, and exports have the size asked for.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cosmo-channel.h"
#include "cosmo-chart-renderer.h"
#include "cosmo-pyramid.h"

typedef enum {
  DATA_WALK,          /* uniform times, random walk */
  DATA_GAPS,          /* with NAN runs and single NANs */
  DATA_UNEVEN,        /* irregular times, bursts */
  DATA_QUANTIZED,     /* many equal values, steps */
} DataKind;

static CosmoChannel *
make_channel (DataKind kind,
              gsize    n,
              guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  double *t = g_new (double, n);
  double *v = g_new (double, n);
  g_autoptr(GBytes) tb = NULL;
  g_autoptr(GBytes) vb = NULL;
  double x = 0, time = 0;

  for (gsize i = 0; i < n; i++)
    {
      x += g_rand_double_range (rand, -1, 1);
      switch (kind)
        {
        case DATA_UNEVEN:
          time += g_rand_int_range (rand, 0, 10) == 0 ? g_rand_double_range (rand, 0.5, 20) : g_rand_double_range (rand, 0.001, 0.05);
          break;
        default:
          time = (double) i * 0.01;
          break;
        }
      t[i] = time;
      v[i] = kind == DATA_QUANTIZED ? floor (x / 4) * 4 : x;
      if (kind == DATA_GAPS && (i % 9973 < 40 || g_rand_int_range (rand, 0, 2000) == 0))
        v[i] = NAN;
    }
  tb = g_bytes_new_take (t, n * sizeof (double));
  vb = g_bytes_new_take (v, n * sizeof (double));
  return cosmo_channel_new ("test", "Test", "m", "vehicle", COSMO_PROVENANCE_MEASURED, tb, vb);
}

static cairo_surface_t *
draw (CosmoChannel           *channel,
      const CosmoChartLayout *layout,
      const CosmoChartStyle  *style,
      gboolean                decimate)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) layout->width, (int) layout->height);
  cairo_t *cr = cairo_create (surface);
  CosmoChartColor black = { 0, 0, 0, 1 };

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cosmo_chart_draw_trace (cr, layout, style, channel, black, decimate);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b,
                   guint           *ink)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  guint diff = 0;

  *ink = 0;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 ca = *(const guint32 *) (pa + y * stride + x * 4);
        guint32 cb = *(const guint32 *) (pb + y * stride + x * 4);
        diff += ca != cb;
        *ink += ca != 0xffffffff;
      }
  return diff;
}

static void
check_identity (CosmoChannel *channel,
                double        t_start,
                double        t_end,
                int           width,
                double        pixel_scale,
                double        line_width)
{
  CosmoChartStyle style;
  CosmoChartSpec spec;
  CosmoChartLayout layout;
  cairo_surface_t *full, *decimated;
  guint ink, diff;

  cosmo_chart_style_init (&style, COSMO_CHART_THEME_LIGHT, 1.0);
  style.antialias = FALSE;
  style.line_width = line_width;
  cosmo_chart_spec_init (&spec);
  spec.channels = &channel;
  spec.n_channels = 1;
  spec.t_start = t_start;
  spec.t_end = t_end;
  spec.pixel_scale = pixel_scale;
  cosmo_chart_layout (&spec, &style, width, 240, &layout);

  full = draw (channel, &layout, &style, FALSE);
  decimated = draw (channel, &layout, &style, TRUE);
  diff = count_differences (full, decimated, &ink);
  if (diff != 0 && g_getenv ("COSMO_TEST_KEEP") != NULL)
    {
      cairo_surface_write_to_png (full, "/tmp/chart-full.png");
      cairo_surface_write_to_png (decimated, "/tmp/chart-decimated.png");
    }
  g_test_message ("range %g..%g width %d: %u inked pixels, %u differ", t_start, t_end, width, ink, diff);
  /* A blank picture would pass trivially; the trace must show. */
  g_assert_cmpuint (ink, >, 0);
  g_assert_cmpuint (diff, ==, 0);
  cairo_surface_destroy (full);
  cairo_surface_destroy (decimated);
}

static void
test_identity (gconstpointer data)
{
  DataKind kind = GPOINTER_TO_INT (data);
  g_autoptr(CosmoChannel) channel = make_channel (kind, 300000, 42 + kind);
  double t0 = cosmo_channel_get_start_time (channel);
  double t1 = cosmo_channel_get_end_time (channel);
  double span = t1 - t0;
  double dt = span / 300000;

  check_identity (channel, t0, t1, 800, 1.0, 1.0);                          /* all, ~370 per column */
  check_identity (channel, t0 - span * 0.2, t1 + span * 0.3, 640, 1.0, 1.0); /* beyond both ends */
  check_identity (channel, t0 + span * 0.31, t0 + span * 0.33, 700, 1.0, 1.0);
  check_identity (channel, t0 + span * 0.5, t0 + span * 0.5 + dt * 1500, 600, 1.0, 1.0); /* ~2.5 per column */
  check_identity (channel, t0 + span * 0.7, t0 + span * 0.7 + dt * 300, 600, 1.0, 1.0);  /* sparse */
  check_identity (channel, t0 + span * 0.42, t0 + span * 0.42 + dt * 0.3, 600, 1.0, 1.0); /* under one sample */
  check_identity (channel, t0 + span * 0.1, t0 + span * 0.6, 500, 2.0, 1.0);  /* HiDPI */
  check_identity (channel, t0, t1, 900, 1.0, 3.0);                           /* projector width */
}

static gboolean
is_nan_block (double   min,
              double   max,
              gboolean has_nan,
              gpointer user_data)
{
  return has_nan;
}

static void
check_pyramid_queries (gsize n,
                       guint n_queries,
                       gsize max_span)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree double *v = g_new (double, n);
  CosmoPyramid *pyramid;

  for (gsize i = 0; i < n; i++)
    v[i] = g_rand_int_range (rand, 0, 500) == 0 ? NAN : g_rand_double_range (rand, -1e3, 1e3);
  pyramid = cosmo_pyramid_new (v, n, NULL);
  /* About 1/7 of the values themselves. */
  g_assert_cmpuint (cosmo_pyramid_get_memory (pyramid), <, n * sizeof (double) / 6);

  for (guint k = 0; k < n_queries; k++)
    {
      gsize i = g_rand_int_range (rand, 0, n);
      gsize j = i + g_rand_int_range (rand, 0, MIN (n - i, (gsize) (k % 2 ? 40 : max_span)) + 1);
      double mn = INFINITY, mx = -INFINITY, pmn, pmx;
      gboolean nan = FALSE, pnan;
      gsize first_nan = j, last_nan = j;

      for (gsize m = i; m < j; m++)
        {
          if (isnan (v[m]))
            {
              nan = TRUE;
              first_nan = MIN (first_nan, m);
              last_nan = m;
              continue;
            }
          mn = MIN (mn, v[m]);
          mx = MAX (mx, v[m]);
        }
      g_assert_cmpint (cosmo_pyramid_range (pyramid, i, j, &pmn, &pmx, &pnan), ==, mn <= mx);
      if (mn <= mx)
        {
          g_assert_cmpfloat (pmn, ==, mn);
          g_assert_cmpfloat (pmx, ==, mx);
        }
      g_assert_cmpint (pnan, ==, nan);
      g_assert_cmpuint (cosmo_pyramid_find_nan (pyramid, i, j), ==, first_nan);
      g_assert_cmpuint (cosmo_pyramid_find_last (pyramid, i, j, is_nan_block, NULL), ==, last_nan);
    }
  cosmo_pyramid_free (pyramid);
}

static void
test_pyramid_queries (void)
{
  check_pyramid_queries (70000, 2000, 60000);
  /* Large enough that the first level is built by two threads: queries
   * across the split must agree with a plain scan too. */
  check_pyramid_queries (3000001, 300, 2000000);
}

static void
test_decimation_is_bounded (void)
{
  g_autoptr(CosmoChannel) channel = make_channel (DATA_WALK, 1000000, 3);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (CosmoTracePoint));
  CosmoTraceTransform transform = { -100, 1, 100, TRUE };

  cosmo_trace_build (cosmo_channel_get_times (channel), cosmo_channel_get_values (channel),
                     cosmo_channel_get_n_samples (channel), cosmo_channel_get_pyramid (channel),
                     0, 10000, 1000, &transform, points);
  /* M4 (plus the two join-direction samples): at most six per column,
   * and a neighbour at each end. */
  g_assert_cmpuint (points->len, <=, 6 * 1000 + 2);
  g_assert_cmpuint (points->len, >=, 2 * 1000);
}

static void
test_time_ticks (void)
{
  g_assert_cmpfloat (cosmo_chart_choose_time_step (60, 1000, 80), ==, 5);
  g_assert_cmpfloat (cosmo_chart_choose_time_step (600, 1000, 80), ==, 60);
  g_assert_cmpfloat (cosmo_chart_choose_time_step (3600, 1000, 80), ==, 300);
  g_assert_cmpfloat (cosmo_chart_choose_time_step (86400, 1200, 100), ==, 2 * 3600);
  g_assert_cmpfloat (cosmo_chart_choose_time_step (120 * 86400, 1000, 100), ==, 14 * 86400);
  g_assert_cmpfloat (fabs (cosmo_chart_choose_time_step (0.5, 1000, 80) - 0.05), <, 1e-12);
  g_assert_cmpfloat (fabs (cosmo_chart_choose_time_step (0.1, 1000, 100) - 0.01), <, 1e-12);
  /* Never closer than asked. */
  for (double span = 0.05; span < 1e8; span *= 1.7)
    g_assert_cmpfloat (cosmo_chart_choose_time_step (span, 1500, 90) * 1500 / span, >=, 90 * (1 - 1e-9));
}

static void
test_value_ticks (void)
{
  g_assert_cmpfloat (cosmo_chart_choose_value_step (10, 100, 26), ==, 5);
  g_assert_cmpfloat (cosmo_chart_choose_value_step (100, 400, 40), ==, 10);
  g_assert_cmpfloat (cosmo_chart_choose_value_step (200000, 300, 30), ==, 20000);
  g_assert_cmpfloat (fabs (cosmo_chart_choose_value_step (0.3, 300, 30) - 0.05), <, 1e-12);
}

static void
check_label (char       *label,
             const char *expected)
{
  g_assert_cmpstr (label, ==, expected);
  g_free (label);
}

static void
test_tick_labels (void)
{
  g_autoptr(GDateTime) t0 = g_date_time_new_utc (2025, 11, 27, 9, 27, 57);
  g_autoptr(GTimeZone) site = g_time_zone_new_offset (5 * 3600);

  check_label (cosmo_chart_format_time_tick (0, 10, COSMO_TIME_DISPLAY_MISSION, NULL, NULL), "T0");
  check_label (cosmo_chart_format_time_tick (70, 10, COSMO_TIME_DISPLAY_MISSION, NULL, NULL), "T+70 s");
  check_label (cosmo_chart_format_time_tick (-60, 20, COSMO_TIME_DISPLAY_MISSION, NULL, NULL), "T-60 s");
  check_label (cosmo_chart_format_time_tick (72.5, 0.5, COSMO_TIME_DISPLAY_MISSION, NULL, NULL), "T+72.5 s");
  check_label (cosmo_chart_format_time_tick (600, 120, COSMO_TIME_DISPLAY_MISSION, NULL, NULL), "T+10 min");
  check_label (cosmo_chart_format_time_tick (3 * 86400, 86400, COSMO_TIME_DISPLAY_MISSION, NULL, NULL), "T+3 d");
  check_label (cosmo_chart_format_time_tick (63, 1, COSMO_TIME_DISPLAY_UTC, t0, NULL), "09:29:00");
  check_label (cosmo_chart_format_time_tick (63, 1, COSMO_TIME_DISPLAY_SITE, t0, site), "14:29:00");
  check_label (cosmo_chart_format_value (150000, 50000), "150 k");
  check_label (cosmo_chart_format_value (2.5, 0.5), "2.5");
  check_label (cosmo_chart_format_value (1e-17, 0.1), "0");
  check_label (cosmo_chart_format_value (-0.25, 0.05), "-0.25");
}

static void
check_export (const char *name,
              int         width,
              int         height)
{
  g_autofree char *dir = g_dir_make_tmp ("cosmo-chart-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(CosmoChannel) a = make_channel (DATA_GAPS, 50000, 1);
  g_autoptr(CosmoChannel) b = make_channel (DATA_WALK, 50000, 2);
  CosmoChannel *channels[] = { a, b };
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  CosmoChartStyle style;
  CosmoChartSpec spec;

  cosmo_chart_style_init (&style, COSMO_CHART_THEME_LIGHT, 1.0);
  cosmo_chart_spec_init (&spec);
  spec.channels = channels;
  spec.n_channels = 2;
  spec.t_start = 0;
  spec.t_end = 500;
  g_assert_true (cosmo_chart_export (path, &spec, &style, width, height, 250, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  if (g_str_has_suffix (name, ".png"))
    {
      cairo_surface_t *png = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, width);
      g_assert_cmpint (cairo_image_surface_get_height (png), ==, height);
      cairo_surface_destroy (png);
    }
  else if (g_str_has_suffix (name, ".svg"))
    {
      g_autofree char *w = g_strdup_printf ("width=\"%dpx\"", width);
      g_autofree char *h = g_strdup_printf ("height=\"%dpx\"", height);
      g_assert_true (g_str_has_prefix (contents, "<?xml"));
      g_assert_nonnull (strstr (contents, "<svg"));
      g_assert_nonnull (strstr (contents, w));
      g_assert_nonnull (strstr (contents, h));
      g_assert_nonnull (strstr (contents, "</svg>"));
    }
  else
    {
      g_autofree char *box = g_strdup_printf ("/MediaBox [ 0 0 %d %d ]", width, height);
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      /* memmem: a PDF holds binary streams with NUL bytes. */
      g_assert_nonnull (memmem (contents, length, box, strlen (box)));
      g_assert_nonnull (memmem (contents, length, "%%EOF", 5));
    }

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_export (void)
{
  g_autoptr(GError) error = NULL;
  CosmoChartStyle style;
  CosmoChartSpec spec;

  check_export ("charts.png", 800, 500);
  check_export ("charts.svg", 1024, 700);
  check_export ("charts.PDF", 640, 480);

  cosmo_chart_style_init (&style, COSMO_CHART_THEME_DARK, 1.0);
  cosmo_chart_spec_init (&spec);
  g_assert_false (cosmo_chart_export ("/tmp/charts.jpg", &spec, &style, 800, 600, NAN, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* A trace that varies by float noise is shown flat, not blown up into
 * eight-digit ticks; a real small variation still fills the plot. */
static void
test_value_range_noise (void)
{
  double times[64], noisy[64], small[64];
  CosmoChartStyle style;
  CosmoChartSpec spec;
  CosmoChartLayout layout;
  CosmoChannel *channel;

  for (guint i = 0; i < 64; i++)
    {
      times[i] = i;
      noisy[i] = 7800.0 + 1e-6 * (i % 3);
      small[i] = 7800.0 + 0.5 * (i % 3);
    }

  cosmo_chart_style_init (&style, COSMO_CHART_THEME_LIGHT, 1.0);
  cosmo_chart_spec_init (&spec);
  spec.t_start = 0;
  spec.t_end = 63;
  spec.n_channels = 1;

  {
    g_autoptr(GBytes) t = g_bytes_new (times, sizeof times);
    g_autoptr(GBytes) v = g_bytes_new (noisy, sizeof noisy);
    channel = cosmo_channel_new ("v", "V", "m/s", "vehicle", COSMO_PROVENANCE_MEASURED, t, v);
  }
  spec.channels = &channel;
  cosmo_chart_layout (&spec, &style, 800, 240, &layout);
  g_assert_cmpfloat (layout.v_max - layout.v_min, >, 1.0);
  g_object_unref (channel);

  {
    g_autoptr(GBytes) t = g_bytes_new (times, sizeof times);
    g_autoptr(GBytes) v = g_bytes_new (small, sizeof small);
    channel = cosmo_channel_new ("v", "V", "m/s", "vehicle", COSMO_PROVENANCE_MEASURED, t, v);
  }
  spec.channels = &channel;
  cosmo_chart_layout (&spec, &style, 800, 240, &layout);
  g_assert_cmpfloat (layout.v_max - layout.v_min, <, 3.0);
  g_assert_cmpfloat (layout.v_min, >, 7799.0);
  g_object_unref (channel);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/chart/identity/walk", GINT_TO_POINTER (DATA_WALK), test_identity);
  g_test_add_data_func ("/chart/identity/gaps", GINT_TO_POINTER (DATA_GAPS), test_identity);
  g_test_add_data_func ("/chart/identity/uneven", GINT_TO_POINTER (DATA_UNEVEN), test_identity);
  g_test_add_data_func ("/chart/identity/quantized", GINT_TO_POINTER (DATA_QUANTIZED), test_identity);
  g_test_add_func ("/chart/pyramid/queries", test_pyramid_queries);
  g_test_add_func ("/chart/decimation/bounded", test_decimation_is_bounded);
  g_test_add_func ("/chart/ticks/time", test_time_ticks);
  g_test_add_func ("/chart/ticks/value", test_value_ticks);
  g_test_add_func ("/chart/ticks/labels", test_tick_labels);
  g_test_add_func ("/chart/export", test_export);
  g_test_add_func ("/chart/value-range/noise", test_value_range_noise);

  return g_test_run ();
}
