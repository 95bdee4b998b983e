/* test-palette.c: the one set of event-category colours
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "cosmo-briefing.h"
#include "cosmo-chart-renderer.h"
#include "cosmo-palette.h"

static const CosmoPaletteVariant variants[] = {
  COSMO_PALETTE_LIGHT, COSMO_PALETTE_DARK, COSMO_PALETTE_HIGH_CONTRAST,
};

static double
distance (const double *a,
          const double *b)
{
  return fabs (a[0] - b[0]) + fabs (a[1] - b[1]) + fabs (a[2] - b[2]);
}

static void
test_palette_distinct (void)
{
  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      double c[COSMO_N_EVENT_CATEGORIES][3];

      for (guint i = 0; i < COSMO_N_EVENT_CATEGORIES; i++)
        {
          cosmo_palette_category_color (i, variants[v], &c[i][0], &c[i][1], &c[i][2]);
          for (guint k = 0; k < 3; k++)
            g_assert_true (c[i][k] >= 0 && c[i][k] <= 1);
        }
      /* Told apart by eye, not just by a rounding error. */
      for (guint i = 0; i < COSMO_N_EVENT_CATEGORIES; i++)
        for (guint j = i + 1; j < COSMO_N_EVENT_CATEGORIES; j++)
          g_assert_cmpfloat (distance (c[i], c[j]), >, 0.15);
    }
}

static void
test_palette_variants_differ (void)
{
  double light[3], dark[3], hc[3];

  /* The blue of flight is too dark for a dark ground: it must be lifted. */
  cosmo_palette_category_color (COSMO_EVENT_CATEGORY_FLIGHT, COSMO_PALETTE_LIGHT, &light[0], &light[1], &light[2]);
  cosmo_palette_category_color (COSMO_EVENT_CATEGORY_FLIGHT, COSMO_PALETTE_DARK, &dark[0], &dark[1], &dark[2]);
  cosmo_palette_category_color (COSMO_EVENT_CATEGORY_FLIGHT, COSMO_PALETTE_HIGH_CONTRAST, &hc[0], &hc[1], &hc[2]);
  g_assert_cmpfloat (light[0] + light[1] + light[2], <, dark[0] + dark[1] + dark[2]);
  g_assert_cmpfloat (light[0] + light[1] + light[2], <, hc[0] + hc[1] + hc[2]);
}

static void
test_palette_unknown_category (void)
{
  double note[3], unknown[3];

  cosmo_palette_category_color (COSMO_EVENT_CATEGORY_NOTE, COSMO_PALETTE_LIGHT, &note[0], &note[1], &note[2]);
  cosmo_palette_category_color (COSMO_N_EVENT_CATEGORIES + 3, COSMO_PALETTE_LIGHT,
                                &unknown[0], &unknown[1], &unknown[2]);
  g_assert_cmpfloat (distance (note, unknown), ==, 0);
}

/* The views that expose their lookup must answer with the palette. */
static void
test_palette_views_agree (void)
{
  static const struct { CosmoChartTheme theme; CosmoPaletteVariant variant; } charts[] = {
    { COSMO_CHART_THEME_LIGHT, COSMO_PALETTE_LIGHT },
    { COSMO_CHART_THEME_DARK, COSMO_PALETTE_DARK },
    { COSMO_CHART_THEME_HIGH_CONTRAST, COSMO_PALETTE_LIGHT },
  };

  for (guint i = 0; i < COSMO_N_EVENT_CATEGORIES; i++)
    {
      double p[3];
      CosmoRgb rgb;

      cosmo_palette_category_color (i, COSMO_PALETTE_LIGHT, &p[0], &p[1], &p[2]);
      cosmo_briefing_category_color (i, FALSE, &rgb);
      g_assert_cmpfloat (distance (p, (double[]) { rgb.red, rgb.green, rgb.blue }), ==, 0);

      cosmo_palette_category_color (i, COSMO_PALETTE_HIGH_CONTRAST, &p[0], &p[1], &p[2]);
      cosmo_briefing_category_color (i, TRUE, &rgb);
      g_assert_cmpfloat (distance (p, (double[]) { rgb.red, rgb.green, rgb.blue }), ==, 0);

      for (guint k = 0; k < G_N_ELEMENTS (charts); k++)
        {
          CosmoChartStyle style;
          CosmoChartColor c;

          cosmo_chart_style_init (&style, charts[k].theme, 1);
          c = cosmo_chart_style_event_color (&style, i);
          cosmo_palette_category_color (i, charts[k].variant, &p[0], &p[1], &p[2]);
          g_assert_cmpfloat (distance (p, (double[]) { c.red, c.green, c.blue }), ==, 0);
          g_assert_cmpfloat (c.alpha, >, 0);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/palette/distinct", test_palette_distinct);
  g_test_add_func ("/palette/variants-differ", test_palette_variants_differ);
  g_test_add_func ("/palette/unknown-category", test_palette_unknown_category);
  g_test_add_func ("/palette/views-agree", test_palette_views_agree);

  return g_test_run ();
}
