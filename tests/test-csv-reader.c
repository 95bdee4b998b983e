/* test-csv-reader.c: the strict numeric CSV reader — formats it accepts,
 * errors with line and column, exact numbers in any locale.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "cosmo-csv-reader.h"
#include "cosmo-load-error.h"

static CosmoCsvTable *
parse (const char  *text,
       GError     **error)
{
  return cosmo_csv_parse (text, strlen (text), "test.csv", NULL, error);
}

static const double *
column (CosmoCsvTable *table,
        guint          c)
{
  return g_bytes_get_data (cosmo_csv_table_get_column (table, c), NULL);
}

static void
test_basic (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoCsvTable) table = parse ("# vehicle telemetry\n# second comment\n"
                                          "t,alt, \"q\"\n"
                                          "0,1.5,-2\n"
                                          "0.5,2.25e3,3E-2\n"
                                          "1, 7 ,\"8.5\"\n"
                                          "\n", &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  g_assert_cmpuint (cosmo_csv_table_get_n_columns (table), ==, 3);
  g_assert_cmpuint (cosmo_csv_table_get_n_rows (table), ==, 3);
  g_assert_cmpstr (cosmo_csv_table_get_column_name (table, 2), ==, "q");
  g_assert_cmpint (cosmo_csv_table_find_column (table, "alt"), ==, 1);
  g_assert_cmpint (cosmo_csv_table_find_column (table, "nope"), ==, -1);
  g_assert_cmpstr (cosmo_csv_table_get_comments (table), ==, "vehicle telemetry\nsecond comment\n");
  g_assert_cmpfloat (column (table, 1)[1], ==, 2250);
  g_assert_cmpfloat (column (table, 2)[1], ==, 0.03);
  g_assert_cmpfloat (column (table, 1)[2], ==, 7);
  g_assert_cmpfloat (column (table, 2)[2], ==, 8.5);
  g_assert_cmpuint (cosmo_csv_table_get_row_line (table, 0), ==, 4);
}

static void
test_crlf_bom_gaps (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoCsvTable) table = parse ("\xEF\xBB\xBFt,v,w\r\n0,1,2\r\n1,,3\r\n2,4,\r\n3,\"\",5", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cosmo_csv_table_get_column_name (table, 0), ==, "t");
  g_assert_cmpuint (cosmo_csv_table_get_n_rows (table), ==, 4);
  g_assert_cmpfloat (column (table, 1)[0], ==, 1);
  g_assert_cmpfloat (column (table, 2)[0], ==, 2);
  g_assert_true (isnan (column (table, 1)[1]));
  g_assert_true (isnan (column (table, 2)[2]));
  g_assert_true (isnan (column (table, 1)[3]));
  g_assert_cmpfloat (column (table, 2)[3], ==, 5);
}

typedef struct
{
  const char *text;
  const char *message;
} BadCase;

static void
test_malformed (void)
{
  static const BadCase cases[] = {
    { "t,v\n0,1\n1,1,2e\n", "test.csv:3:5: expected 2 values, found more" },
    { "t,v\n0,1\n1,1.2.3\n", "test.csv:3:3: expected a number, found \"1.2.3\"" },
    { "t,v\n0,1\n2,1,2e\n", "test.csv:3:5: expected 2 values, found more" },
    { "t,v\n0,1.5\n1,1.5e\n", "test.csv:3:3: expected a number, found \"1.5e\"" },
    { "t,v\n0,1\n1,\"1,2e\"\n", "test.csv:3:3: expected a number, found \"1,2e\"" },
    { "t,v\n0,abc\n", "test.csv:2:3: expected a number, found \"abc\"" },
    { "t,v\n0,1\n1,1,2e", "test.csv:3:5: expected 2 values, found more" },
    { "t,v\n0,1\n7,1e\n", "test.csv:3:3: expected a number, found \"1e\"" },
    { "t,v\n0,1\n7,1,2\n", "test.csv:3:5: expected 2 values, found more" },
    { "t,v\n0,1\n7\n", "test.csv:3: expected 2 values, found 1" },
    { "t,v\n0,1\n\n7,1\n", "test.csv:3: expected 2 values, found an empty line" },
    { "t,v\n0,1\r\n7, 1,2e \r\n", "test.csv:3:6: expected 2 values, found more" },
    { "t,v\n0,inf\n", "test.csv:2:3: expected a number, found \"inf\"" },
    { "t,v\n0,1e999\n", "test.csv:2:3: expected a finite number, found \"1e999\"" },
    { "t,v\n0,\"1\n", "test.csv:2:3: expected a number, found \"\"1\"" },
    { "t,v\n0,1 2\n", "test.csv:2:3: expected a number, found \"1 2\"" },
    { "t,,v\n", "test.csv:1:3: expected a column name, found an empty header cell" },
    { "t,v,t\n", "test.csv:1:5: column \"t\" appears twice in the header" },
    { "", "test.csv:1: expected a header line of column names, found an empty file" },
    { "# only\n", "test.csv:2: expected a header line of column names, found only comments" },
    { "t,v\n0,1,\n", "test.csv:2:5: expected 2 values, found more" },
    { "t,v\n0,--1\n", "test.csv:2:3: expected a number, found \"--1\"" },
    { "t,v\n0,1\n1,-\n", "test.csv:3:3: expected a number, found \"-\"" },
    { "t,v\n0,0x10\n", "test.csv:2:3: expected a number, found \"0x10\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CosmoCsvTable) table = parse (cases[i].text, &error);

      g_assert_null (table);
      g_assert_nonnull (error);
      g_assert_true (error->domain == COSMO_LOAD_ERROR);
      g_test_message ("%s", error->message);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_error_shape (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoCsvTable) table = parse ("time,a,b\n0,1,2\n1,1,2\n2,\"1,2e\",3\n", &error);

  /* The quoted cell holds the comma, so the cell is "1 and the rest
   * spills: the reader names the cell as it was written. */
  g_assert_null (table);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "test.csv:4:3: expected a number, found"));
  g_clear_error (&error);

  g_clear_pointer (&table, cosmo_csv_table_unref);
  table = parse ("time,a,b\n0,1,2\n1,1,2\n2,1,2e\n", &error);
  g_assert_cmpstr (error->message, ==, "test.csv:4:5: expected a number, found \"2e\"");
}

/* Numbers read exactly as g_ascii_strtod reads them, fast path or not. */
static void
test_exact_numbers (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GString) text = g_string_new ("v\n");
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoCsvTable) table = NULL;

  for (guint i = 0; i < 20000; i++)
    {
      char *cell;

      switch (i % 6)
        {
        case 0: cell = g_strdup_printf ("%.6f", g_rand_double_range (rand, -1e4, 1e4)); break;
        case 1: cell = g_strdup_printf ("%.17g", g_rand_double_range (rand, -1, 1)); break;
        case 2: cell = g_strdup_printf ("%.3e", g_rand_double_range (rand, -1e30, 1e30)); break;
        case 3: cell = g_strdup_printf ("%d", g_rand_int_range (rand, -1000000, 1000000)); break;
        case 4: cell = g_strdup_printf ("0.%020d1", 0); break;
        default: cell = g_strdup_printf ("%.25f", g_rand_double (rand)); break;
        }
      /* printf follows LC_NUMERIC; tests run in C.UTF-8, but be sure. */
      g_strdelimit (cell, ",", '.');
      g_string_append_printf (text, "%s\n", cell);
      g_ptr_array_add (cells, cell);
    }

  table = parse (text->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cosmo_csv_table_get_n_rows (table), ==, cells->len);
  for (guint i = 0; i < cells->len; i++)
    {
      double expected = g_ascii_strtod (g_ptr_array_index (cells, i), NULL);
      if (column (table, 0)[i] != expected)
        g_error ("\"%s\" read as %.17g, expected %.17g", (char *) g_ptr_array_index (cells, i),
                 column (table, 0)[i], expected);
    }
}

static void
test_german_locale (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoCsvTable) table = NULL;
  char *old = g_strdup (setlocale (LC_ALL, NULL));

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_free (old);
      g_test_skip ("the de_DE.UTF-8 locale is not installed (Debian: locales-all)");
      return;
    }
  /* In de_DE, strtod would stop at the '.' and read "1,5" as 1.5. */
  g_assert_cmpfloat (strtod ("1.5", NULL), ==, 1.0);

  table = parse ("t,v\n0,1.5\n1,-2.25e2\n", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (column (table, 1)[0], ==, 1.5);
  g_assert_cmpfloat (column (table, 1)[1], ==, -225);
  g_clear_pointer (&table, cosmo_csv_table_unref);

  table = parse ("t,v\n0,\"1,5\"\n", &error);
  g_assert_null (table);
  g_assert_cmpstr (error->message, ==, "test.csv:2:3: expected a number, found \"1,5\"");

  setlocale (LC_ALL, old);
  g_free (old);
}

static void
test_read_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cosmo-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "data.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/cosmo.csv");
  g_autoptr(GString) text = g_string_new ("t,a,b\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoCsvTable) table = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, "%u.25,%u,-%u.5\n", i, i * 2, i);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  table = cosmo_csv_read_file (file, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cosmo_csv_table_get_n_rows (table), ==, 100000);
  g_assert_cmpfloat (column (table, 0)[99999], ==, 99999.25);
  g_assert_cmpfloat (column (table, 2)[7], ==, -7.5);
  /* Memory close to the parsed columns: trimmed to size. */
  g_assert_cmpuint (g_bytes_get_size (cosmo_csv_table_get_column (table, 1)), ==, 100000 * sizeof (double));
  g_clear_pointer (&table, cosmo_csv_table_unref);

  table = cosmo_csv_read_file (file, "data.csv", 1000, NULL, &error);
  g_assert_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_TOO_LARGE);
  g_clear_error (&error);

  table = cosmo_csv_read_file (missing, NULL, 0, NULL, &error);
  g_assert_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_IO);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/basic", test_basic);
  g_test_add_func ("/csv/crlf-bom-gaps", test_crlf_bom_gaps);
  g_test_add_func ("/csv/malformed", test_malformed);
  g_test_add_func ("/csv/error-shape", test_error_shape);
  g_test_add_func ("/csv/exact-numbers", test_exact_numbers);
  g_test_add_func ("/csv/german-locale", test_german_locale);
  g_test_add_func ("/csv/read-file", test_read_file);

  return g_test_run ();
}
