/* bench-basemap.c: basemap tile render times
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-basemap [BASEMAP_FILE] [--threads N] [--style light|dark|high-contrast]
 *
 * Renders the 256-pixel tiles along the ascent corridor (Baikonur to the
 * Altai), around the pad and on the busiest shores nearby at zooms 2..16 and prints the median and worst
 * time per tile for each zoom. The target (issue 4) is under 15 ms median
 * at zooms 4, 8, 12 and 15. With --threads N the same tiles are also drawn
 * from N threads at once, the way a map widget's workers would.
 *
 * The file defaults to $COSMO_BASEMAP_DATA, then to
 * data/basemap/basemap.cbm under $G_TEST_SRCDIR/.. or the current
 * directory.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cosmo-basemap.h"
#include "cosmo-mercator.h"

#define TILE 256

typedef struct
{
  int z, x, y;
} TileId;

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static void
add_tile (GArray *tiles,
          int     z,
          int     x,
          int     y)
{
  int n = 1 << z;

  if (y < 0 || y >= n)
    return;
  x = ((x % n) + n) % n;
  for (guint i = 0; i < tiles->len; i++)
    {
      TileId *t = &g_array_index (tiles, TileId, i);

      if (t->z == z && t->x == x && t->y == y)
        return;
    }
  g_array_append_val (tiles, ((TileId) { z, x, y }));
}

static void
add_block (GArray *tiles,
           int     z,
           double  lat,
           double  lon)
{
  int x, y;

  cosmo_mercator_latlon_to_tile (lat, lon, z, &x, &y);
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      add_tile (tiles, z, x + dx, y + dy);
}

/* The 3x3 blocks around the pad, Baikonur town (on the Syr Darya) and
 * the busiest shores near the corridor (Aral Sea, Lake Balkhash at the
 * town of Balkhash, the Caspian at Atyrau), then the tiles under the
 * corridor, a straight lat/lon line from Site 31 to the spacecraft
 * separation point: at most 80 tiles per zoom. */
static GArray *
corridor_tiles (int z)
{
  GArray *tiles = g_array_new (FALSE, FALSE, sizeof (TileId));
  const double lat0 = 45.996, lon0 = 63.564, lat1 = 51.1, lon1 = 84.6;

  add_block (tiles, z, lat0, lon0);
  add_block (tiles, z, 45.6167, 63.3167);
  add_block (tiles, z, 46.05, 60.2);
  add_block (tiles, z, 46.80, 75.00);
  add_block (tiles, z, 46.95, 51.85);

  for (int i = 0; i <= 64 && tiles->len < 80; i++)
    {
      double t = i / 64.0;
      int x, y;

      cosmo_mercator_latlon_to_tile (lat0 + t * (lat1 - lat0), lon0 + t * (lon1 - lon0), z, &x, &y);
      add_tile (tiles, z, x, y);
    }

  return tiles;
}

static double
render_one (CosmoBasemap            *map,
            cairo_surface_t         *surface,
            const TileId            *t,
            const CosmoBasemapStyle *style)
{
  cairo_t *cr = cairo_create (surface);
  gint64 start = g_get_monotonic_time ();

  cosmo_basemap_render_tile (map, cr, t->z, t->x, t->y, TILE, style);
  cairo_surface_flush (surface);
  cairo_destroy (cr);

  return (g_get_monotonic_time () - start) / 1000.0;
}

typedef struct
{
  CosmoBasemap            *map;
  const CosmoBasemapStyle *style;
  GArray                  *tiles;
  guint                    offset;
} Worker;

static gpointer
worker_run (gpointer data)
{
  Worker *w = data;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TILE, TILE);

  for (guint i = 0; i < w->tiles->len; i++)
    {
      const TileId *t = &g_array_index (w->tiles, TileId, (i + w->offset) % w->tiles->len);

      render_one (w->map, surface, t, w->style);
    }
  cairo_surface_destroy (surface);

  return NULL;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(CosmoBasemap) map = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const CosmoBasemapStyle *style = cosmo_basemap_style_get (COSMO_BASEMAP_STYLE_LIGHT);
  cairo_surface_t *surface;
  guint n_threads = 0;
  gint64 start;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--threads") == 0 && i + 1 < argc)
        n_threads = (guint) atoi (argv[++i]);
      else if (strcmp (argv[i], "--style") == 0 && i + 1 < argc)
        {
          const char *name = argv[++i];

          style = cosmo_basemap_style_get (strcmp (name, "dark") == 0 ? COSMO_BASEMAP_STYLE_DARK :
                                           strcmp (name, "high-contrast") == 0 ? COSMO_BASEMAP_STYLE_HIGH_CONTRAST :
                                           COSMO_BASEMAP_STYLE_LIGHT);
        }
      else
        {
          g_free (path);
          path = g_strdup (argv[i]);
        }
    }

  if (path == NULL && g_getenv ("COSMO_BASEMAP_DATA"))
    path = g_strdup (g_getenv ("COSMO_BASEMAP_DATA"));
  if (path == NULL && g_getenv ("G_TEST_SRCDIR"))
    path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "basemap", "basemap.cbm", NULL);
  if (path == NULL)
    path = g_build_filename ("data", "basemap", "basemap.cbm", NULL);

  start = g_get_monotonic_time ();
  if (!(map = cosmo_basemap_new_from_file (path, &error)))
    {
      g_printerr ("bench-basemap: %s\n", error->message);
      return 1;
    }
  g_print ("# %s loaded in %.1f ms; style %s; 256 px tiles\n",
           path, (g_get_monotonic_time () - start) / 1000.0, style->name);
  g_print ("# zoom  tiles  median_ms  worst_ms  (target: median < 15 ms at 4, 8, 12, 15)\n");

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TILE, TILE);

  for (int z = 2; z <= 16; z++)
    {
      g_autoptr(GArray) tiles = corridor_tiles (z);
      g_autofree double *times = g_new (double, tiles->len);
      gboolean target = z == 4 || z == 8 || z == 12 || z == 15;

      /* One untimed pass warms caches and cairo's glyph-free paths. */
      for (guint i = 0; i < tiles->len; i++)
        render_one (map, surface, &g_array_index (tiles, TileId, i), style);

      for (guint i = 0; i < tiles->len; i++)
        times[i] = render_one (map, surface, &g_array_index (tiles, TileId, i), style);
      qsort (times, tiles->len, sizeof (double), compare_doubles);

      g_print ("%6d  %5u  %9.2f  %8.2f%s\n", z, tiles->len,
               times[tiles->len / 2], times[tiles->len - 1],
               target ? (times[tiles->len / 2] < 15.0 ? "  ok" : "  SLOW") : "");
    }

  if (n_threads > 0)
    {
      g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (TileId));
      g_autofree Worker *workers = g_new0 (Worker, n_threads);
      g_autofree GThread **threads = g_new0 (GThread *, n_threads);
      double elapsed;

      for (int z = 2; z <= 16; z++)
        {
          g_autoptr(GArray) tiles = corridor_tiles (z);

          g_array_append_vals (all, tiles->data, tiles->len);
        }

      start = g_get_monotonic_time ();
      for (guint i = 0; i < n_threads; i++)
        {
          workers[i] = (Worker) { map, style, all, i * all->len / n_threads };
          threads[i] = g_thread_new ("bench-basemap", worker_run, &workers[i]);
        }
      for (guint i = 0; i < n_threads; i++)
        g_thread_join (threads[i]);
      elapsed = (g_get_monotonic_time () - start) / 1000.0;

      g_print ("# %u threads rendered %u tiles each in %.1f ms (%.2f ms per tile per thread)\n",
               n_threads, all->len, elapsed, elapsed / all->len);
    }

  cairo_surface_destroy (surface);

  return 0;
}
