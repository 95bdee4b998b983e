/* test-briefing.c: the briefing PDF, checked with poppler's pdfinfo and
 * pdftotext, and replay frames
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "cosmo-briefing.h"
#include "cosmo-mission-loader.h"
#include "cosmo-time.h"
#include "map-test-mission.h"

static CosmoMission *
load_bundled (void)
{
  const char *datadir = g_getenv ("COSMODROME_DATADIR");
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  CosmoMission *mission;

  g_assert_nonnull (datadir);
  folder = g_file_new_build_filename (datadir, "missions", "soyuz-ms-28", NULL);
  mission = cosmo_mission_load (folder, NULL, &error);
  g_assert_no_error (error);
  return mission;
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
check_pdf (CosmoPaper  paper,
           const char *size_text)
{
  g_autoptr(CosmoMission) mission = load_bundled ();
  g_autoptr(CosmoBriefing) briefing = cosmo_briefing_new (mission);
  g_autoptr(GPtrArray) chapters = cosmo_mission_get_chapters (mission);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cosmo-briefing-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "briefing.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *pages_text = NULL;
  guint n_pages, expected;
  const char *line;

  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_test_skip ("poppler-utils (pdfinfo, pdftotext) is not installed");
      return;
    }

  g_assert_true (cosmo_briefing_export_pdf (briefing, path, paper, &error));
  g_assert_no_error (error);

  /* Title page + one page per chapter + the event list (at least one). */
  expected = cosmo_briefing_get_n_pages (briefing, paper);
  g_assert_cmpuint (expected, >=, 2 + chapters->len);

  info = run ((const char *[]) { "pdfinfo", path, NULL });
  line = strstr (info, "Pages:");
  g_assert_nonnull (line);
  n_pages = (guint) g_ascii_strtoull (line + strlen ("Pages:") + strspn (line + 6, " "), NULL, 10);
  g_assert_cmpuint (n_pages, ==, expected);
  g_assert_nonnull (strstr (info, size_text));   /* landscape */

  {
    g_autofree char *first = run ((const char *[]) { "pdftotext", "-f", "1", "-l", "1", path, "-", NULL });
    g_assert_nonnull (strstr (first, cosmo_mission_get_title (mission)));
    g_assert_nonnull (strstr (first, "Sources"));
  }

  /* Each chapter's page names its chapter and when it happened. */
  for (guint i = 0; i < chapters->len; i++)
    {
      CosmoEvent *event = g_ptr_array_index (chapters, i);
      g_autofree char *page = g_strdup_printf ("%u", i + 2);
      g_autofree char *text = run ((const char *[]) { "pdftotext", "-f", page, "-l", page, path, "-", NULL });
      g_autofree char *flat = g_strdelimit (g_strdup (text), "\n", ' ');
      g_autofree char *mission_time = cosmo_time_format_mission (cosmo_event_get_time (event), 1);
      g_autofree char *title_start = g_strndup (cosmo_event_get_title (event), 20);

      g_test_message ("page %s: %s", page, cosmo_event_get_title (event));
      g_assert_nonnull (strstr (flat, title_start));
      g_assert_nonnull (strstr (flat, mission_time));
    }

  /* The list: every event's title appears on one of the last pages. */
  {
    g_autofree char *from = g_strdup_printf ("%u", chapters->len + 2);
    g_autofree char *text = run ((const char *[]) { "pdftotext", "-f", from, path, "-", NULL });
    g_autofree char *flat = g_strdelimit (g_strdup (text), "\n", ' ');
    CosmoEventList *events = cosmo_mission_get_events (mission);

    for (guint i = 0; i < cosmo_event_list_get_count (events); i++)
      {
        g_autofree char *start = g_strndup (cosmo_event_get_title (cosmo_event_list_get_event (events, i)), 16);
        g_assert_nonnull (strstr (flat, start));
      }
  }

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_pdf_a4 (void)
{
  check_pdf (COSMO_PAPER_A4, "841.89 x 595.276 pts");
}

static void
test_pdf_letter (void)
{
  check_pdf (COSMO_PAPER_LETTER, "792 x 612 pts");
}

static void
test_frame (void)
{
  g_autoptr(CosmoMission) mission = load_bundled ();
  g_autoptr(CosmoBriefing) briefing = cosmo_briefing_new (mission);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 640, 360);
  cairo_t *cr = cairo_create (surface);
  CosmoEvent *caption;
  guint32 *pixels;
  guint distinct = 0;
  guint32 seen[8] = { 0, };

  caption = cosmo_briefing_get_caption_event (briefing, 15);
  g_assert_nonnull (caption);
  g_assert_cmpstr (cosmo_event_get_id (caption), ==, "cabin-collapse");
  g_assert_null (cosmo_briefing_get_caption_event (briefing, -1e7));

  cosmo_briefing_render_frame (briefing, cr, 640, 360, 15, -10, 60);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);

  /* Something was drawn: more than a handful of colours. */
  pixels = (guint32 *) cairo_image_surface_get_data (surface);
  for (int i = 0; i < 640 * 360 && distinct < G_N_ELEMENTS (seen); i += 97)
    {
      gboolean known = FALSE;

      for (guint k = 0; k < distinct; k++)
        known = known || seen[k] == (pixels[i] & 0xffffff);
      if (!known)
        seen[distinct++] = pixels[i] & 0xffffff;
    }
  g_assert_cmpuint (distinct, ==, G_N_ELEMENTS (seen));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A mission with a track and a reconstructed channel, like the simulator's
 * package: pages and frames show them through the app's own renderers. */
static CosmoMission *
make_synthetic (void)
{
  CosmoMission *mission = map_test_mission_new (2000, 200000, TRUE);
  gsize n = 530;
  double *times = g_new (double, n), *values = g_new (double, n);
  g_autoptr(GBytes) times_bytes = NULL;
  g_autoptr(GBytes) values_bytes = NULL;
  g_autoptr(CosmoChannel) channel = NULL;

  for (gsize i = 0; i < n; i++)
    {
      times[i] = i;
      values[i] = 200 * sin (i / 529.0 * G_PI / 2);
    }
  times_bytes = g_bytes_new_take (times, n * sizeof (double));
  values_bytes = g_bytes_new_take (values, n * sizeof (double));
  channel = cosmo_channel_new ("alt", "Altitude", "km", "vehicle", COSMO_PROVENANCE_RECONSTRUCTED,
                               times_bytes, values_bytes);
  cosmo_mission_add_channel (mission, channel);
  map_test_add_event (mission, "Liftoff", 0, COSMO_EVENT_CATEGORY_FLIGHT, TRUE);
  map_test_add_event (mission, "Staging", 118, COSMO_EVENT_CATEGORY_FLIGHT, TRUE);
  return mission;
}

static void
test_synthetic_pdf (void)
{
  g_autoptr(CosmoMission) mission = make_synthetic ();
  g_autoptr(CosmoBriefing) briefing = cosmo_briefing_new (mission);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cosmo-briefing-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "briefing.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;

  if (pdftotext == NULL)
    {
      g_test_skip ("poppler-utils (pdftotext) is not installed");
      return;
    }

  g_assert_true (cosmo_briefing_export_pdf (briefing, path, COSMO_PAPER_A4, &error));
  g_assert_no_error (error);

  /* Page 3, "Staging": the chart renderer's chart (its title and its
   * provenance badge) and the map's credits naming the track's provenance. */
  text = run ((const char *[]) { "pdftotext", "-f", "3", "-l", "3", path, "-", NULL });
  g_assert_nonnull (strstr (text, "Staging"));
  g_assert_nonnull (strstr (text, "Altitude"));
  g_assert_nonnull (strstr (text, "RECONSTRUCTED"));
  g_assert_nonnull (strstr (text, "Track: reconstructed"));

  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
has_color (cairo_surface_t *surface,
           int              x0,
           int              x1,
           guint32          rgb)
{
  guint32 *pixels = (guint32 *) cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface) / 4;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 p = pixels[y * stride + x];

        /* Within a little of each channel: antialiasing blends edges. */
        if (ABS ((int) ((p >> 16) & 0xff) - (int) ((rgb >> 16) & 0xff)) <= 8 &&
            ABS ((int) ((p >> 8) & 0xff) - (int) ((rgb >> 8) & 0xff)) <= 8 &&
            ABS ((int) (p & 0xff) - (int) (rgb & 0xff)) <= 8)
          return TRUE;
      }
  return FALSE;
}

static void
test_synthetic_frame (void)
{
  g_autoptr(CosmoMission) mission = make_synthetic ();
  g_autoptr(CosmoBriefing) briefing = cosmo_briefing_new (mission);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
  cairo_t *cr = cairo_create (surface);

  /* 1080p: the cursor is over two pixels wide, so some pixel is all cursor. */
  cosmo_briefing_render_frame (briefing, cr, 1920, 1080, 100, -10, 300);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* The chart column (right of the map) has the dark chart style's
   * cursor; the map (left) does not, it has the vehicle instead. */
  g_assert_true (has_color (surface, 1220, 1920, 0xff7b63));
  g_assert_false (has_color (surface, 0, 1180, 0xff7b63));

  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/briefing/pdf-a4", test_pdf_a4);
  g_test_add_func ("/briefing/pdf-letter", test_pdf_letter);
  g_test_add_func ("/briefing/frame", test_frame);
  g_test_add_func ("/briefing/synthetic-pdf", test_synthetic_pdf);
  g_test_add_func ("/briefing/synthetic-frame", test_synthetic_frame);

  return g_test_run ();
}
