/* test-basemap.c: the offline basemap and the Web-Mercator helpers
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The data file is $COSMO_BASEMAP_DATA, or data/basemap/basemap.cbm found
 * from $G_TEST_SRCDIR (the tests/ directory).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cosmo-basemap.h"
#include "cosmo-mercator.h"

/* Baikonur town (shared/reference/mission-facts.md, section 7). */
#define BAIKONUR_LAT 45.6167
#define BAIKONUR_LON 63.3167

/* A vertex of the Syr Darya in GSHHG 2.3.7 (full resolution, river level
 * 2), just north-east of the town: build-aux/make-basemap.sh keeps it at
 * 1e-5 degree. */
#define SYR_DARYA_LAT 45.62167
#define SYR_DARYA_LON 63.31749

static CosmoBasemap *shared_map;

static char *
data_path (void)
{
  if (g_getenv ("COSMO_BASEMAP_DATA"))
    return g_strdup (g_getenv ("COSMO_BASEMAP_DATA"));

  return g_test_build_filename (G_TEST_DIST, "..", "data", "basemap", "basemap.cbm", NULL);
}

static CosmoBasemap *
get_map (void)
{
  if (shared_map == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = data_path ();

      shared_map = cosmo_basemap_new_from_file (path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (shared_map);
    }

  return shared_map;
}

typedef struct
{
  guint8 r, g, b;
} Pixel;

static Pixel
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data;
  guint32 p;
  int stride;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  memcpy (&p, data + y * stride + 4 * x, 4);

  /* The map paints every pixel opaque, so premultiplication is moot. */
  return (Pixel) { (p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff };
}

static gboolean
pixel_is (Pixel                    p,
          const CosmoBasemapColor *c,
          int                      tolerance)
{
  return abs (p.r - (int) lround (c->red * 255)) <= tolerance &&
         abs (p.g - (int) lround (c->green * 255)) <= tolerance &&
         abs (p.b - (int) lround (c->blue * 255)) <= tolerance;
}

static void
assert_pixel_is (Pixel                    p,
                 const CosmoBasemapColor *c,
                 const char              *what)
{
  if (!pixel_is (p, c, 3))
    g_error ("expected %s #%02x%02x%02x, got #%02x%02x%02x", what,
             (int) lround (c->red * 255), (int) lround (c->green * 255),
             (int) lround (c->blue * 255), p.r, p.g, p.b);
}

/* Render the tile containing (lat, lon) and return where in the tile that
 * point is. */
static cairo_surface_t *
render_tile_at (double                   lat,
                double                   lon,
                int                      zoom,
                int                      tile_size,
                const CosmoBasemapStyle *style,
                int                     *px,
                int                     *py)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, tile_size, tile_size);
  cairo_t *cr = cairo_create (surface);
  double wx, wy;
  int tx, ty;

  cosmo_mercator_latlon_to_tile (lat, lon, zoom, &tx, &ty);
  cosmo_basemap_render_tile (get_map (), cr, zoom, tx, ty, tile_size, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  cosmo_mercator_latlon_to_pixel (lat, lon, zoom, &wx, &wy);
  *px = (int) floor ((wx - tx * 256.0) * tile_size / 256.0);
  *py = (int) floor ((wy - ty * 256.0) * tile_size / 256.0);

  return surface;
}

/* The bare fills and lines: no labels, and no graticule, which at low
 * zooms is wide enough to tint the pixels near a round degree. */
static CosmoBasemapStyle
style_without_labels (CosmoBasemapStyleKind kind)
{
  CosmoBasemapStyle style = *cosmo_basemap_style_get (kind);

  style.no_labels = TRUE;
  style.graticule.alpha = 0;
  return style;
}

/* ---------------------------------------------------------------------- */

static void
test_mercator_known_values (void)
{
  double x, y, lat, lon, north, west, south, east;
  int tx, ty;

  cosmo_mercator_latlon_to_pixel (0, 0, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 128, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 128, 1e-9);

  cosmo_mercator_latlon_to_pixel (COSMO_MERCATOR_MAX_LATITUDE, -180, 3, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 0, 1e-6);

  /* Beyond the Mercator square, latitudes clamp to its edge. */
  cosmo_mercator_latlon_to_pixel (-90, 180, 1, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 512, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 512, 1e-6);

  g_assert_cmpfloat_with_epsilon (cosmo_mercator_world_size (16), 16777216, 1e-6);
  g_assert_cmpfloat_with_epsilon (cosmo_mercator_world_size (2.5), 256 * exp2 (2.5), 1e-9);

  /* 2 pi R / 256: the well-known 156543.03 m per pixel at zoom 0. */
  g_assert_cmpfloat_with_epsilon (cosmo_mercator_ground_resolution (0, 0), 156543.03392804097, 1e-6);
  g_assert_cmpfloat_with_epsilon (cosmo_mercator_ground_resolution (60, 1),
                                  156543.03392804097 / 2 * 0.5, 1e-6);

  cosmo_mercator_tile_bounds (1, 0, 0, &north, &west, &south, &east);
  g_assert_cmpfloat_with_epsilon (north, COSMO_MERCATOR_MAX_LATITUDE, 1e-9);
  g_assert_cmpfloat_with_epsilon (west, -180, 1e-9);
  g_assert_cmpfloat_with_epsilon (south, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (east, 0, 1e-9);

  /* Baikonur at zoom 10: x = floor ((63.3167 + 180) / 360 * 1024). */
  cosmo_mercator_latlon_to_tile (BAIKONUR_LAT, BAIKONUR_LON, 10, &tx, &ty);
  g_assert_cmpint (tx, ==, 692);
  g_assert_cmpint (ty, ==, 365);
  cosmo_mercator_tile_bounds (10, tx, ty, &north, &west, &south, &east);
  g_assert_cmpfloat (north, >, BAIKONUR_LAT);
  g_assert_cmpfloat (south, <, BAIKONUR_LAT);
  g_assert_cmpfloat (west, <, BAIKONUR_LON);
  g_assert_cmpfloat (east, >, BAIKONUR_LON);

  g_assert_cmpfloat_with_epsilon (cosmo_mercator_wrap_longitude (190), -170, 1e-9);
  g_assert_cmpfloat_with_epsilon (cosmo_mercator_wrap_longitude (-540), -180, 1e-9);

  cosmo_mercator_pixel_to_latlon (128, 128, 0, &lat, &lon);
  g_assert_cmpfloat_with_epsilon (lat, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (lon, 0, 1e-9);
}

static void
test_mercator_round_trip (void)
{
  const double zooms[] = { 0, 2, 5.5, 12, 16, 20 };

  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    for (double lat = -85; lat <= 85; lat += 8.5)
      for (double lon = -179.5; lon < 180; lon += 17.25)
        {
          double x, y, lat2, lon2, x2, y2;

          cosmo_mercator_latlon_to_pixel (lat, lon, zooms[i], &x, &y);
          cosmo_mercator_pixel_to_latlon (x, y, zooms[i], &lat2, &lon2);
          g_assert_cmpfloat_with_epsilon (lat2, lat, 1e-9);
          g_assert_cmpfloat_with_epsilon (lon2, lon, 1e-9);

          cosmo_mercator_latlon_to_pixel (lat2, lon2, zooms[i], &x2, &y2);
          /* Well under a thousandth of a pixel even at zoom 20. */
          g_assert_cmpfloat_with_epsilon (x2, x, 1e-3);
          g_assert_cmpfloat_with_epsilon (y2, y, 1e-3);
        }
}

static void
test_load (void)
{
  CosmoBasemap *map = get_map ();
  double west, south, east, north;

  g_assert_cmpuint (cosmo_basemap_get_n_places (map), >, 50);
  g_assert_nonnull (cosmo_basemap_get_metadata (map, "gshhg"));
  g_assert_nonnull (cosmo_basemap_get_metadata (map, "generator"));
  g_assert_null (cosmo_basemap_get_metadata (map, "no-such-key"));

  cosmo_basemap_get_detail_area (map, &west, &south, &east, &north);
  g_assert_cmpfloat (west, <=, 46);
  g_assert_cmpfloat (east, >=, 90);
  g_assert_cmpfloat (south, <=, 40);
  g_assert_cmpfloat (north, >=, 55);
}

/* GSHHG has the Aral Sea at its historical extent (before it shrank);
 * 44.6N 59.7E is inside that outline, in open water at least 0.4 degree
 * from the nearest island (build-aux/make-basemap.sh checks that it is
 * inside the lake polygon). */
static void
test_aral_sea_is_water (void)
{
  for (CosmoBasemapStyleKind kind = COSMO_BASEMAP_STYLE_LIGHT; kind <= COSMO_BASEMAP_STYLE_HIGH_CONTRAST; kind++)
    {
      CosmoBasemapStyle style = style_without_labels (kind);

      for (int zoom = 4; zoom <= 10; zoom += 3)
        {
          int px, py;
          cairo_surface_t *surface = render_tile_at (44.6, 59.7, zoom, 256, &style, &px, &py);

          assert_pixel_is (pixel_at (surface, px, py), &style.water, "Aral Sea water");
          cairo_surface_destroy (surface);
        }

      /* And in full, as the map shows it. */
      for (int zoom = 7; zoom <= 10; zoom += 3)
        {
          int px, py;
          cairo_surface_t *surface = render_tile_at (44.6, 59.7, zoom, 256, cosmo_basemap_style_get (kind), &px, &py);

          assert_pixel_is (pixel_at (surface, px, py), &style.water, "Aral Sea water");
          cairo_surface_destroy (surface);
        }
    }
}

static void
test_baikonur_land_and_river (void)
{
  for (CosmoBasemapStyleKind kind = COSMO_BASEMAP_STYLE_LIGHT; kind <= COSMO_BASEMAP_STYLE_DARK; kind++)
    {
      CosmoBasemapStyle style = style_without_labels (kind);

      for (int zoom = 12; zoom <= 15; zoom++)
        {
          int px, py, rx, ry, tx, ty, rtx, rty;
          cairo_surface_t *surface;

          /* The vertex must lie in the same tile as the town for the
           * pixel arithmetic below; it does at these zooms. */
          cosmo_mercator_latlon_to_tile (BAIKONUR_LAT, BAIKONUR_LON, zoom, &tx, &ty);
          cosmo_mercator_latlon_to_tile (SYR_DARYA_LAT, SYR_DARYA_LON, zoom, &rtx, &rty);
          if (tx != rtx || ty != rty)
            continue;

          surface = render_tile_at (BAIKONUR_LAT, BAIKONUR_LON, zoom, 256, &style, &px, &py);
          assert_pixel_is (pixel_at (surface, px, py), &style.land, "land at Baikonur town");
          cairo_surface_destroy (surface);

          surface = render_tile_at (SYR_DARYA_LAT, SYR_DARYA_LON, zoom, 256, &style, &rx, &ry);
          assert_pixel_is (pixel_at (surface, rx, ry), &style.river, "the Syr Darya");
          cairo_surface_destroy (surface);
        }
    }

  /* HiDPI tiles put the same things at twice the pixel coordinates. */
  {
    CosmoBasemapStyle style = style_without_labels (COSMO_BASEMAP_STYLE_LIGHT);
    int rx, ry;
    cairo_surface_t *surface = render_tile_at (SYR_DARYA_LAT, SYR_DARYA_LON, 13, 512, &style, &rx, &ry);

    assert_pixel_is (pixel_at (surface, rx, ry), &style.river, "the Syr Darya on a 512 tile");
    cairo_surface_destroy (surface);
  }
}

/* The whole-view renderer puts things where the tiles do. */
static void
test_view_matches_tiles (void)
{
  CosmoBasemapStyle style = style_without_labels (COSMO_BASEMAP_STYLE_LIGHT);
  cairo_surface_t *view = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 200);
  cairo_t *cr = cairo_create (view);
  int px, py;
  cairo_surface_t *tile = render_tile_at (SYR_DARYA_LAT, SYR_DARYA_LON, 14, 256, &style, &px, &py);

  cosmo_basemap_render_view (get_map (), cr, SYR_DARYA_LAT, SYR_DARYA_LON, 14, 300, 200, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  /* The centre of the view is the river vertex. */
  assert_pixel_is (pixel_at (view, 150, 100), &style.river, "the Syr Darya at the view centre");
  assert_pixel_is (pixel_at (tile, px, py), &style.river, "the Syr Darya in the tile");

  cairo_surface_destroy (tile);
  cairo_surface_destroy (view);
}

/* Labels that cross a tile edge are drawn by both tiles, so that the two
 * halves meet. Kyzylorda's dot is near the right edge of tile (21, 11) at
 * zoom 5 and its label runs on into tile (22, 11): the two tiles side by
 * side must look like one view of the same area, where the label is whole.
 * (The view leaves out labels cut by its own outer edge, so only the band
 * around the shared edge is compared.) */
static void
test_labels_cross_tile_edges (void)
{
  const CosmoBasemapStyle *style = cosmo_basemap_style_get (COSMO_BASEMAP_STYLE_LIGHT);
  cairo_surface_t *pair = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 512, 256);
  cairo_surface_t *view = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 512, 256);
  cairo_t *cr;
  double lat, lon;
  int differing = 0, label_pixels = 0;

  for (int i = 0; i < 2; i++)
    {
      cr = cairo_create (pair);
      cairo_translate (cr, 256 * i, 0);
      cosmo_basemap_render_tile (get_map (), cr, 5, 21 + i, 11, 256, style);
      cairo_destroy (cr);
    }

  /* The centre of the pair is the middle of the shared edge. */
  cosmo_mercator_pixel_to_latlon (22 * 256, 11 * 256 + 128, 5, &lat, &lon);
  cr = cairo_create (view);
  cosmo_basemap_render_view (get_map (), cr, lat, lon, 5, 512, 256, style);
  cairo_destroy (cr);

  for (int y = 24; y < 232; y++)
    for (int x = 200; x < 312; x++)
      {
        Pixel a = pixel_at (pair, x, y), b = pixel_at (view, x, y);

        if (abs (a.r - b.r) > 2 || abs (a.g - b.g) > 2 || abs (a.b - b.b) > 2)
          differing++;
        if (pixel_is (a, &style->label, 40))
          label_pixels++;
      }

  g_assert_cmpint (differing, ==, 0);
  /* Make sure there was a label to compare. */
  g_assert_cmpint (label_pixels, >, 20);

  cairo_surface_destroy (pair);
  cairo_surface_destroy (view);
}

typedef struct
{
  int              zoom, x, y;
  cairo_surface_t *surface;
} ThreadJob;

static gpointer
render_job (gpointer data)
{
  ThreadJob *job = data;

  for (int i = 0; i < 5; i++)
    {
      cairo_t *cr = cairo_create (job->surface);

      cosmo_basemap_render_tile (get_map (), cr, job->zoom, job->x, job->y, 256,
                                 cosmo_basemap_style_get (COSMO_BASEMAP_STYLE_DARK));
      cairo_destroy (cr);
    }

  return NULL;
}

/* render_tile from several threads at once gives the same pixels as from
 * one. */
static void
test_threads (void)
{
  ThreadJob jobs[4];
  GThread *threads[4];
  int tx, ty;

  cosmo_mercator_latlon_to_tile (BAIKONUR_LAT, BAIKONUR_LON, 6, &tx, &ty);
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      jobs[i] = (ThreadJob) { 6, tx + (int) i % 2, ty, cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 256, 256) };
      threads[i] = g_thread_new ("render", render_job, &jobs[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    g_thread_join (threads[i]);

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      cairo_surface_t *serial = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 256, 256);
      cairo_t *cr = cairo_create (serial);
      gsize size = 256 * cairo_image_surface_get_stride (serial);

      cosmo_basemap_render_tile (get_map (), cr, jobs[i].zoom, jobs[i].x, jobs[i].y, 256,
                                 cosmo_basemap_style_get (COSMO_BASEMAP_STYLE_DARK));
      cairo_destroy (cr);
      cairo_surface_flush (serial);
      cairo_surface_flush (jobs[i].surface);
      g_assert_cmpmem (cairo_image_surface_get_data (serial), size,
                       cairo_image_surface_get_data (jobs[i].surface), size);
      cairo_surface_destroy (serial);
      cairo_surface_destroy (jobs[i].surface);
    }
}

/* Extreme zooms and views wider than the world draw without cairo
 * errors. */
static void
test_extremes (void)
{
  /* Zoom 16 at Baikonur town is tile (44294, 23415). */
  const int cases[][3] = { { 0, 0, 0 }, { 1, 1, 0 }, { 2, 3, 1 }, { 16, 44294, 23415 }, { 22, 0, 0 } };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1500, 300);
  cairo_t *cr;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cr = cairo_create (surface);
      cosmo_basemap_render_tile (get_map (), cr, cases[i][0], cases[i][1], cases[i][2], 256, NULL);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
    }

  /* At zoom 0 the world is 256 pixels wide: the view shows it 6 times. */
  cr = cairo_create (surface);
  cosmo_basemap_render_view (get_map (), cr, 45, 170, 0, 1500, 300, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  /* Zoomed far in on the coarse world layer (Greenland's coast). */
  cr = cairo_create (surface);
  cosmo_basemap_render_view (get_map (), cr, 70.0, -22.0, 20, 1500, 300, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  cairo_surface_destroy (surface);
}

/* ---------------------------------------------------------------------- */
/* Bad data                                                                 */

static GBytes *
real_file_bytes (void)
{
  g_autofree char *path = data_path ();
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

static void
assert_load_fails (GBytes     *bytes,
                   int         code,
                   const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoBasemap) map = cosmo_basemap_new_from_bytes (bytes, "broken.cbm", &error);

  g_assert_null (map);
  g_assert_error (error, COSMO_BASEMAP_ERROR, code);
  if (g_test_verbose ())
    g_test_message ("%s", error->message);
  /* Messages name the file and say what is wrong. */
  g_assert_true (g_str_has_prefix (error->message, "broken.cbm: "));
  if (strstr (error->message, expected) == NULL)
    g_error ("expected \"%s\" in \"%s\"", expected, error->message);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoBasemap) map = cosmo_basemap_new_from_file ("/nonexistent/basemap.cbm", &error);

  g_assert_null (map);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "/nonexistent/basemap.cbm"));
}

static void
test_bad_data (void)
{
  g_autoptr(GBytes) real = real_file_bytes ();
  gsize size;
  const guint8 *data = g_bytes_get_data (real, &size);
  g_autofree guint8 *copy = g_memdup2 (data, size);
  gsize ring;

  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("PK\3\4 this is a zip file, not a map", 34);

    assert_load_fails (bytes, COSMO_BASEMAP_ERROR_INVALID, "not a Cosmodrome basemap");
  }

  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("", 0);

    assert_load_fails (bytes, COSMO_BASEMAP_ERROR_INVALID, "not a Cosmodrome basemap");
  }

  /* Cut short in the middle of the polygons. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_from_bytes (real, 0, size / 3);

    assert_load_fails (bytes, COSMO_BASEMAP_ERROR_INVALID, "truncated");
  }

  /* A newer major version. */
  copy[8] = 2;
  {
    g_autoptr(GBytes) bytes = g_bytes_new (copy, size);

    assert_load_fails (bytes, COSMO_BASEMAP_ERROR_UNSUPPORTED_VERSION, "version 2.0");
  }
  copy[8] = data[8];

  /* The first polygon claims GSHHG level 9. Sections follow the 32-byte
   * header as 4-byte tag, 32-bit length, payload; the RING payload starts
   * with the polygon count (a varint), then the first polygon's level. */
  ring = 32;
  g_assert_cmpmem (copy + ring, 4, "META", 4);
  ring += 8 + (copy[ring + 4] | copy[ring + 5] << 8 | copy[ring + 6] << 16 | (gsize) copy[ring + 7] << 24);
  g_assert_cmpmem (copy + ring, 4, "RING", 4);
  ring += 8;
  while (copy[ring] & 0x80)
    ring++;
  ring++;
  copy[ring] = 9;
  {
    g_autoptr(GBytes) bytes = g_bytes_new (copy, size);

    assert_load_fails (bytes, COSMO_BASEMAP_ERROR_INVALID, "RING section");
    assert_load_fails (bytes, COSMO_BASEMAP_ERROR_INVALID, "RING section, polygon 1 of");
    assert_load_fails (bytes, COSMO_BASEMAP_ERROR_INVALID, "level 9");
  }
  copy[ring] = data[ring];

  /* Trailing garbage in a section: the last byte of the file belongs to
   * the PLAC section; make the section one byte longer than its places. */
  {
    g_autofree guint8 *longer = g_malloc (size + 1);
    g_autoptr(GBytes) bytes = NULL;
    gsize at = 32;

    memcpy (longer, data, size);
    longer[size] = 0;
    /* Walk to the PLAC section header. */
    while (memcmp (longer + at, "PLAC", 4) != 0)
      at += 8 + (longer[at + 4] | longer[at + 5] << 8 | longer[at + 6] << 16 | (gsize) longer[at + 7] << 24);
    longer[at + 4]++;
    g_assert_cmpuint (longer[at + 4], !=, 0);
    bytes = g_bytes_new_take (g_steal_pointer (&longer), size + 1);
    assert_load_fails (bytes, COSMO_BASEMAP_ERROR_INVALID, "unexpected bytes at the end of the section");
  }

  /* The untouched copy still loads. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = g_bytes_new (copy, size);
    g_autoptr(CosmoBasemap) map = cosmo_basemap_new_from_bytes (bytes, "copy", &error);

    g_assert_no_error (error);
    g_assert_nonnull (map);
  }
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mercator/known-values", test_mercator_known_values);
  g_test_add_func ("/mercator/round-trip", test_mercator_round_trip);
  g_test_add_func ("/basemap/load", test_load);
  g_test_add_func ("/basemap/aral-sea-is-water", test_aral_sea_is_water);
  g_test_add_func ("/basemap/baikonur-land-and-river", test_baikonur_land_and_river);
  g_test_add_func ("/basemap/view-matches-tiles", test_view_matches_tiles);
  g_test_add_func ("/basemap/labels-cross-tile-edges", test_labels_cross_tile_edges);
  g_test_add_func ("/basemap/threads", test_threads);
  g_test_add_func ("/basemap/extremes", test_extremes);
  g_test_add_func ("/basemap/missing-file", test_missing_file);
  g_test_add_func ("/basemap/bad-data", test_bad_data);

  ret = g_test_run ();

  if (shared_map)
    g_assert_finalize_object (shared_map);

  return ret;
}
