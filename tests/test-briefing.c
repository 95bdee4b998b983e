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

  if (g_find_program_in_path ("pdftotext") == NULL || g_find_program_in_path ("pdfinfo") == NULL)
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/briefing/pdf-a4", test_pdf_a4);
  g_test_add_func ("/briefing/pdf-letter", test_pdf_letter);
  g_test_add_func ("/briefing/frame", test_frame);

  return g_test_run ();
}
