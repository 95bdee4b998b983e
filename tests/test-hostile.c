/* test-hostile.c: every loader against hostile input
 *
 * Each file in tests/data/hostile (and a few generated here, too large to
 * keep in git) goes through every loader that could be handed it: the
 * mission package loader (as mission.json), the strict CSV reader, the CSV
 * and JSON importers and the OEM reader. None may crash; each must fail with
 * an error that starts with the file's name (and the line, where there is
 * one).
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "cosmo-csv-import.h"
#include "cosmo-csv-reader.h"
#include "cosmo-mission-loader.h"
#include "cosmo-oem-reader.h"

static void
assert_located (const GError *error,
                const char   *name,
                gboolean      need_line)
{
  g_autofree char *pattern = g_strdup_printf ("^%s:%s ", name, need_line ? "[0-9]+(:[0-9]+)?:" : "([0-9]+:([0-9]+:)?)?");
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);

  g_assert_nonnull (error);
  g_assert_true (error->domain == COSMO_LOAD_ERROR || error->domain == G_IO_ERROR);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (!g_regex_match (regex, error->message, 0, NULL))
    g_error ("“%s” does not start with “%s:<line>: ”", error->message, name);
}

/* Runs @data through every loader; each must refuse it. */
static void
check_all_loaders (const char *data,
                   gsize       length,
                   const char *name,
                   gboolean    need_line)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(CosmoCsvTable) table = cosmo_csv_parse (data, length, name, NULL, &error);
    /* The strict reader may accept a header-only or numeric table (the
     * mission loader then checks its content); if it refuses, it says where. */
    if (table == NULL)
      assert_located (error, name, FALSE);
    g_clear_error (&error);
  }
  {
    g_autoptr(CosmoImportPlan) plan = cosmo_import_sniff (data, length, name, &error);
    g_autoptr(CosmoImportData) imported = NULL;

    if (plan != NULL)
      {
        /* Map every column, as a careless user would. */
        for (guint c = 0; c < plan->n_columns; c++)
          if (plan->roles[c] == COSMO_COLUMN_IGNORE)
            plan->roles[c] = COSMO_COLUMN_VALUE;
        imported = cosmo_import_table (data, length, plan, NULL, NULL, NULL, &error);
      }
    g_assert_null (imported);
    /* A mapping that cannot work ("Choose a time column") has no line. */
    assert_located (error, name, FALSE);
    g_clear_error (&error);
  }
  {
    g_autoptr(CosmoOem) oem = cosmo_oem_parse (data, length, name, NULL, &error);

    g_assert_null (oem);
    assert_located (error, name, TRUE);
    g_clear_error (&error);
  }
}

static char *
make_package (const char *mission_json,
              gsize       length)
{
  char *dir = g_dir_make_tmp ("cosmo-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "mission.json", NULL);

  g_assert_true (g_file_set_contents (path, mission_json, length, NULL));
  return dir;
}

static void
remove_package (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
check_mission (const char *data,
               gsize       length,
               const char *expected)
{
  g_autofree char *dir = make_package (data, length);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoMission) mission = cosmo_mission_load (folder, NULL, &error);

  g_assert_null (mission);
  assert_located (error, "mission.json", FALSE);
  if (expected != NULL && strstr (error->message, expected) == NULL)
    g_error ("expected “%s” in “%s”", expected, error->message);
  remove_package (dir);
}

static void
test_corpus (void)
{
  const struct { const char *file; gboolean need_line; const char *mission_error; } corpus[] = {
    { "empty.csv", TRUE, "empty file" },
    { "truncated.json", TRUE, NULL },
    { "garbage.bin", TRUE, NULL },
    { "nan-inf.csv", TRUE, NULL },
    { "backwards.csv", TRUE, NULL },
    { "duplicate.csv", TRUE, NULL },
    { "utf8-error.csv", TRUE, NULL },
    { "deep.json", TRUE, "nested more than" },
    { "truncated.oem", TRUE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      g_autofree char *path = g_build_filename (TEST_DATA_DIR, "hostile", corpus[i].file, NULL);
      g_autofree char *data = NULL;
      gsize length;

      g_test_message ("%s", corpus[i].file);
      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      check_all_loaders (data, length, corpus[i].file, corpus[i].need_line);
      check_mission (data, length, corpus[i].mission_error);
    }
}

static void
test_numbers_and_times (void)
{
  /* The mission's own CSVs: NaN, inf, 1e400, backwards and repeated times
   * fail with the line. */
  const struct { const char *file; const char *error; } cases[] = {
    { "nan-inf.csv", "nan-inf.csv:3:" },
    { "backwards.csv", "backwards.csv:4: time goes backwards" },
    { "duplicate.csv", "duplicate.csv:4:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *src = g_build_filename (TEST_DATA_DIR, "hostile", cases[i].file, NULL);
      g_autofree char *csv = NULL;
      g_autofree char *mission = g_strdup_printf (
        "{\"format\": \"cosmodrome-mission\", \"version\": 1, \"id\": \"h\", \"title\": \"H\",\n"
        " \"t0\": \"2025-11-27T09:27:57Z\",\n"
        " \"channels\": [{\"id\": \"v\", \"name\": \"V\", \"unit\": \"m\", \"provenance\": \"measured\",\n"
        "   \"file\": \"%s\", \"column\": \"v\"}]}\n", cases[i].file);
      g_autofree char *dir = make_package (mission, strlen (mission));
      g_autofree char *dst = g_build_filename (dir, cases[i].file, NULL);
      g_autoptr(GFile) folder = g_file_new_for_path (dir);
      g_autoptr(GError) error = NULL;
      g_autoptr(CosmoMission) loaded = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (src, &csv, &length, NULL));
      g_assert_true (g_file_set_contents (dst, csv, length, NULL));
      loaded = cosmo_mission_load (folder, NULL, &error);
      g_assert_null (loaded);
      if (strstr (error->message, cases[i].error) == NULL)
        g_error ("expected “%s” in “%s”", cases[i].error, error->message);
      remove_package (dir);
    }
}

static void
test_enormous_line (void)
{
  /* 2 MB in one line: over COSMO_MAX_LINE_LENGTH. */
  gsize n = 2 * 1024 * 1024;
  g_autofree char *data = g_malloc (n + 16);

  memcpy (data, "t,v\n0,", 6);
  memset (data + 6, '1', n);
  memcpy (data + 6 + n, "\n", 1);
  check_all_loaders (data, n + 7, "long.csv", TRUE);
}

static void
test_ten_million_columns (void)
{
  /* "0,0,0,..." with 10 million cells: refused by the column or line
   * limit, never allocated cell by cell. */
  gsize cells = 10 * 1000 * 1000;
  gsize n = cells * 2;
  g_autofree char *data = g_malloc (n);

  for (gsize i = 0; i < n; i += 2)
    {
      data[i] = '0';
      data[i + 1] = ',';
    }
  data[n - 1] = '\n';
  check_all_loaders (data, n, "wide.csv", TRUE);

  /* And as a header of a few thousand columns within the line limit. */
  {
    g_autoptr(GString) wide = g_string_new ("t");
    g_autoptr(GError) error = NULL;
    g_autoptr(CosmoImportPlan) plan = NULL;

    for (int i = 0; i < COSMO_MAX_CSV_COLUMNS + 10; i++)
      g_string_append_printf (wide, ",c%d", i);
    g_string_append (wide, "\n0");
    for (int i = 0; i < COSMO_MAX_CSV_COLUMNS + 10; i++)
      g_string_append (wide, ",1");
    g_string_append_c (wide, '\n');
    plan = cosmo_import_sniff (wide->str, wide->len, "wide2.csv", &error);
    g_assert_null (plan);
    g_assert_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_TOO_LARGE);
    assert_located (error, "wide2.csv", TRUE);
  }
}

static void
test_deep_json (void)
{
  /* 100 000 levels would overflow a recursive parser's stack. */
  gsize depth = 100000;
  g_autoptr(GString) json = g_string_new ("{\"events\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoImportPlan) plan = NULL;

  for (gsize i = 0; i < depth; i++)
    g_string_append_c (json, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (json, ']');
  g_string_append (json, "}\n");
  check_mission (json->str, json->len, "nested more than");
  plan = cosmo_import_sniff (json->str, json->len, "deep-events.json", &error);
  g_assert_null (plan);
  assert_located (error, "deep-events.json", TRUE);
}

static void
test_paths_out_of_package (void)
{
  g_autofree char *escape_path = g_build_filename (TEST_DATA_DIR, "hostile", "escape-mission.json", NULL);
  g_autofree char *link_path = g_build_filename (TEST_DATA_DIR, "hostile", "symlink-mission.json", NULL);
  g_autofree char *escape = NULL, *link_json = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (escape_path, &escape, &length, NULL));
  check_mission (escape, length, "expected a path inside the package folder");

  /* A link inside the package to a file outside it, made here. */
  g_assert_true (g_file_get_contents (link_path, &link_json, &length, NULL));
  {
    g_autofree char *dir = make_package (link_json, length);
    g_autofree char *outside = g_build_filename (g_get_tmp_dir (), "cosmo-hostile-outside.csv", NULL);
    g_autofree char *link = g_build_filename (dir, "outside.csv", NULL);
    g_autoptr(GFile) folder = g_file_new_for_path (dir);
    g_autoptr(GError) error = NULL;
    g_autoptr(CosmoMission) mission = NULL;

    g_assert_true (g_file_set_contents (outside, "t,lat,lon,alt_m\n0,1,2,3\n1,1,2,3\n", -1, NULL));
    g_assert_cmpint (symlink (outside, link), ==, 0);
    mission = cosmo_mission_load (folder, NULL, &error);
    g_assert_null (mission);
    assert_located (error, "mission.json", TRUE);
    g_assert_nonnull (strstr (error->message, "leads outside the package folder"));
    g_unlink (outside);
    remove_package (dir);
  }
}

static void
test_size_limits (void)
{
  /* A mission.json larger than COSMO_MAX_JSON_SIZE is refused before it is
   * read, with the size in the message (a sparse file costs no disk). */
  g_autofree char *dir = make_package ("{}", 2);
  g_autofree char *path = g_build_filename (dir, "mission.json", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoMission) mission = NULL;

  g_assert_cmpint (truncate (path, (off_t) COSMO_MAX_JSON_SIZE + 1), ==, 0);
  mission = cosmo_mission_load (folder, NULL, &error);
  g_assert_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_TOO_LARGE);
  assert_located (error, "mission.json", FALSE);
  g_clear_error (&error);

  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GBytes) bytes = cosmo_import_read_file (file, 1024, NULL, &error);

    g_assert_null (bytes);
    g_assert_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_TOO_LARGE);
    assert_located (error, "mission.json", FALSE);
  }
  remove_package (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/corpus", test_corpus);
  g_test_add_func ("/hostile/numbers-and-times", test_numbers_and_times);
  g_test_add_func ("/hostile/enormous-line", test_enormous_line);
  g_test_add_func ("/hostile/ten-million-columns", test_ten_million_columns);
  g_test_add_func ("/hostile/deep-json", test_deep_json);
  g_test_add_func ("/hostile/paths-out-of-package", test_paths_out_of_package);
  g_test_add_func ("/hostile/size-limits", test_size_limits);

  return g_test_run ();
}
