/* test-import.c: CSV, JSON and OEM import; packages written by import load
 * back with the same samples
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "cosmo-csv-import.h"
#include "cosmo-mission-loader.h"
#include "cosmo-oem-reader.h"

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cosmo-import-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static CosmoImportData *
import_text (const char *text,
             GError    **error)
{
  g_autoptr(CosmoImportPlan) plan = cosmo_import_sniff (text, strlen (text), "test.csv", error);

  if (plan == NULL)
    return NULL;
  /* As a person would map it in the dialog, even where the sniff saw text. */
  for (guint c = 0; c < plan->n_columns; c++)
    if (g_strcmp0 (plan->names[c], "v") == 0)
      plan->roles[c] = COSMO_COLUMN_VALUE;
  return cosmo_import_table (text, strlen (text), plan, NULL, NULL, NULL, error);
}

static void
test_sniff_delimiters (void)
{
  const struct { const char *text; char delimiter; gboolean header; guint columns; } cases[] = {
    { "t,a,b\n0,1,2\n1,2,3\n", ',', TRUE, 3 },
    { "t;a;b\n0;1,5;2\n1;2,5;3\n", ';', TRUE, 3 },
    { "t\ta\n0\t1\n1\t2\n", '\t', TRUE, 2 },
    { "t|a|b|c\n0|1|2|3\n", '|', TRUE, 4 },
    { "0,1\n1,2\n2,3\n", ',', FALSE, 2 },
    { "# comment\n\n\"time\",\"value, with comma\"\n0,1\n", ',', TRUE, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CosmoImportPlan) plan = cosmo_import_sniff (cases[i].text, strlen (cases[i].text), "x.csv", &error);

      g_assert_no_error (error);
      g_assert_cmpint (plan->delimiter, ==, cases[i].delimiter);
      g_assert_cmpint (plan->has_header, ==, cases[i].header);
      g_assert_cmpuint (plan->n_columns, ==, cases[i].columns);
      g_assert_cmpint (plan->roles[0], ==, COSMO_COLUMN_TIME);
    }
}

static void
test_time_forms (void)
{
  const struct { const char *text; CosmoTimeForm form; gboolean absolute; double t1; } cases[] = {
    { "t,v\n0,1\n1.5,2\n", COSMO_TIME_FORM_SECONDS, FALSE, 1.5 },
    { "time,v\nT-10,1\nT+00:01:00,2\n", COSMO_TIME_FORM_MISSION, FALSE, 60 },
    { "utc,v\n2025-11-27T09:27:57.402Z,1\n2025-11-27 09:28:57.402,2\n", COSMO_TIME_FORM_ISO, TRUE,
      1764235737.402 },
    { "unix,v\n1764235677.402,1\n1764235737.402,2\n", COSMO_TIME_FORM_UNIX, TRUE, 1764235737.402 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CosmoImportPlan) plan = cosmo_import_sniff (cases[i].text, strlen (cases[i].text), "x.csv", &error);
      g_autoptr(CosmoImportData) data = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (plan->time_form, ==, cases[i].form);
      data = cosmo_import_table (cases[i].text, strlen (cases[i].text), plan, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (data->absolute, ==, cases[i].absolute);
      g_assert_cmpuint (data->times->len, ==, 2);
      g_assert_cmpfloat_with_epsilon (g_array_index (data->times, double, 1), cases[i].t1, 1e-6);
    }
}

static void
test_iso_parser (void)
{
  double t;

  g_assert_true (cosmo_parse_iso_utc ("1970-01-01T00:00:00Z", 20, &t));
  g_assert_cmpfloat (t, ==, 0);
  g_assert_true (cosmo_parse_iso_utc ("2025-331T09:27:57.5", 19, &t));  /* day of year */
  g_assert_cmpfloat (t, ==, 1764235677.5);
  g_assert_true (cosmo_parse_iso_utc ("2025-11-27T14:27:57.5+05:00", 27, &t));
  g_assert_cmpfloat (t, ==, 1764235677.5);
  g_assert_false (cosmo_parse_iso_utc ("2025-02-29T00:00:00", 19, &t));
  g_assert_false (cosmo_parse_iso_utc ("2025-13-01T00:00:00", 19, &t));
  g_assert_false (cosmo_parse_iso_utc ("2025-11-27T09:27", 10, &t));
}

static void
test_errors_name_line (void)
{
  const struct { const char *text; const char *expected; } cases[] = {
    { "t,v\n0,1\n1,abc\n", "test.csv:3: column “v”: expected a finite number, found “abc”" },
    { "t,v\n0,1\n1,2,3\n", "test.csv:3: expected 2 cells" },
    { "t,v\n0,1\n-1,2\n", "test.csv:3: time goes backwards" },
    { "t,v\n0,1\n0,2\n", "test.csv:3: the time repeats line 2" },
    { "t,v\n0,1\n1,1e400\n", "test.csv:3: column “v”: expected a finite number" },
    { "t,lat,lon,alt\n0,91,0,0\n", "test.csv:2: column “lat”: expected a latitude" },
    { "t,title,category\nT+1,Boom,explosion\n", "test.csv:2: column “category”: expected \"flight\", \"pad\"" },
    { "t,v\n", "test.csv:1: expected rows of data, found none" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CosmoImportData) data = import_text (cases[i].text, &error);

      g_assert_null (data);
      g_assert_error (error, COSMO_LOAD_ERROR, error->code);
      if (!g_str_has_prefix (error->message, cases[i].expected))
        g_error ("case %u: expected “%s…”, got “%s”", i, cases[i].expected, error->message);
    }
}

static void
test_events (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = g_build_filename (TEST_DATA_DIR, "import", "findings.csv", NULL);
  g_autofree char *json_path = g_build_filename (TEST_DATA_DIR, "import", "findings.json", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) json = g_file_new_for_path (json_path);
  g_autoptr(CosmoImportPlan) plan = cosmo_import_sniff_file (csv, NULL, &error);
  g_autoptr(CosmoImportPlan) json_plan = NULL;
  g_autoptr(CosmoImportData) data = NULL;
  g_autoptr(CosmoImportData) json_data = NULL;
  CosmoImportEvent *event;

  g_assert_no_error (error);
  g_assert_true (cosmo_import_plan_is_events (plan));
  data = cosmo_import_table_file (csv, plan, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->events->len, ==, 3);
  event = data->events->pdata[0];
  g_assert_cmpfloat (event->time, ==, 9.5);
  g_assert_cmpstr (event->title, ==, "Cabin stopper not engaged (finding)");
  g_assert_cmpstr (event->description, ==, "Photo 14 shows the stopper open, \"as found\".");
  g_assert_cmpint (event->category, ==, COSMO_EVENT_CATEGORY_NOTE);
  g_assert_cmpint (event->severity, ==, COSMO_SEVERITY_WARNING);

  json_plan = cosmo_import_sniff_file (json, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (json_plan->json);
  json_data = cosmo_import_table_file (json, json_plan, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_data->events->len, ==, 2);
  g_assert_true (json_data->absolute);
  event = json_data->events->pdata[1];
  g_assert_cmpint (event->category, ==, COSMO_EVENT_CATEGORY_NOTE);  /* no category: a note */
  g_assert_cmpstr (event->source, ==, "Me");
}

static void
check_same_samples (CosmoImportData *data,
                    CosmoTrajectory *trajectory,
                    double           t0_offset)
{
  const double *t = cosmo_trajectory_get_column (trajectory, COSMO_TRAJECTORY_TIME);
  const double *lat = cosmo_trajectory_get_column (trajectory, COSMO_TRAJECTORY_LATITUDE);
  const double *alt = cosmo_trajectory_get_column (trajectory, COSMO_TRAJECTORY_ALTITUDE);
  CosmoImportSeries *lat_series = cosmo_import_data_find_role (data, COSMO_COLUMN_LATITUDE);
  CosmoImportSeries *alt_series = cosmo_import_data_find_role (data, COSMO_COLUMN_ALTITUDE);
  double scale = g_strcmp0 (alt_series->unit, "km") == 0 ? 1000 : 1;

  g_assert_cmpuint (cosmo_trajectory_get_n_samples (trajectory), ==, data->times->len);
  for (guint i = 0; i < data->times->len; i++)
    {
      /* Written so that they read back exactly. */
      g_assert_cmpfloat (t[i] + t0_offset, ==, g_array_index (data->times, double, i));
      g_assert_cmpfloat (lat[i], ==, g_array_index (lat_series->values, double, i));
      g_assert_cmpfloat_with_epsilon (alt[i], g_array_index (alt_series->values, double, i) * scale, 1e-9);
    }
}

static void
test_round_trip_csv (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *package_path = g_build_filename (dir, "ascent", NULL);
  g_autofree char *csv_path = g_build_filename (TEST_DATA_DIR, "import", "ascent-telemetry.csv", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) package = g_file_new_for_path (package_path);
  g_autoptr(CosmoImportPlan) plan = cosmo_import_sniff_file (csv, NULL, &error);
  g_autoptr(CosmoImportData) data = NULL;
  g_autoptr(CosmoMission) mission = NULL;
  g_autofree char *summary = NULL;
  CosmoPackageInfo info = { "ascent", "Ascent test", NULL };
  CosmoChannel *pressure;

  g_assert_no_error (error);
  g_assert_cmpint (plan->delimiter, ==, ';');
  g_assert_cmpint (plan->time_form, ==, COSMO_TIME_FORM_ISO);
  g_assert_cmpint (plan->roles[1], ==, COSMO_COLUMN_LATITUDE);
  g_assert_cmpint (plan->roles[3], ==, COSMO_COLUMN_ALTITUDE);
  g_assert_cmpstr (plan->units[3], ==, "km");
  data = cosmo_import_table_file (csv, plan, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cosmo_import_write_package (package, data, &info, &summary, NULL, &error));
  g_assert_no_error (error);

  mission = cosmo_mission_load (package, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cosmo_mission_get_title (mission), ==, "Ascent test");
  /* T0 defaults to the first sample. */
  check_same_samples (data, cosmo_mission_get_trajectory (mission), g_array_index (data->times, double, 0));
  pressure = cosmo_mission_lookup_channel (mission, "ascent-telemetry-pressure");
  g_assert_nonnull (pressure);
  g_assert_cmpstr (cosmo_channel_get_unit (pressure), ==, "kPa");

  /* A second import adds to the package instead of replacing it. */
  {
    g_autofree char *events_path = g_build_filename (TEST_DATA_DIR, "import", "findings.csv", NULL);
    g_autoptr(GFile) events = g_file_new_for_path (events_path);
    g_autoptr(CosmoImportPlan) events_plan = cosmo_import_sniff_file (events, NULL, &error);
    g_autoptr(CosmoImportData) events_data = cosmo_import_table_file (events, events_plan, NULL, NULL, NULL, &error);
    g_autoptr(CosmoMission) again = NULL;
    g_autofree char *backup = g_build_filename (package_path, "mission.json~", NULL);

    g_assert_no_error (error);
    g_assert_true (cosmo_import_write_package (package, events_data, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    again = cosmo_mission_load (package, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (cosmo_event_list_get_count (cosmo_mission_get_events (again)), ==, 3);
    g_assert_nonnull (cosmo_mission_get_trajectory (again));
    g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  }

  remove_tree (dir);
}

static void
test_relative_needs_t0 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *package_path = g_build_filename (dir, "rel", NULL);
  g_autoptr(GFile) package = g_file_new_for_path (package_path);
  g_autoptr(CosmoImportData) data = import_text ("t,v\n0,1\n1,2\n", &error);
  g_autoptr(GDateTime) t0 = g_date_time_new_utc (2025, 11, 27, 9, 27, 57.402);
  CosmoPackageInfo info = { NULL, NULL, t0 };
  g_autoptr(CosmoMission) mission = NULL;

  g_assert_no_error (error);
  g_assert_false (cosmo_import_write_package (package, data, NULL, NULL, NULL, &error));
  g_assert_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_MISSING);
  g_clear_error (&error);
  cosmo_import_write_package (package, data, &info, NULL, NULL, &error);
  g_assert_no_error (error);
  mission = cosmo_mission_load (package, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cosmo_mission_get_channels (mission)), ==, 1);
  g_assert_true (g_date_time_equal (cosmo_mission_get_t0 (mission), t0));
  remove_tree (dir);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1);
  *last = fraction;
}

static void
test_progress_and_cancel (void)
{
  g_autoptr(GString) big = g_string_new ("t,v\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoImportPlan) plan = NULL;
  g_autoptr(CosmoImportData) data = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  double last = 0;

  for (int i = 0; i < 200000; i++)
    g_string_append_printf (big, "%d,%d\n", i, i % 7);
  plan = cosmo_import_sniff (big->str, big->len, "big.csv", &error);
  g_assert_no_error (error);
  data = cosmo_import_table (big->str, big->len, plan, on_progress, &last, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->times->len, ==, 200000);
  g_assert_cmpfloat (last, ==, 1);
  g_clear_pointer (&data, cosmo_import_data_free);

  g_cancellable_cancel (cancellable);
  last = 0;
  data = cosmo_import_table (big->str, big->len, plan, on_progress, &last, cancellable, &error);
  g_assert_null (data);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* OEM */

static CosmoOem *
read_test_oem (GError **error)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "import", "test-orbit.oem", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return cosmo_oem_read_file (file, NULL, error);
}

static void
test_oem_segments (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoOem) oem = read_test_oem (&error);
  g_autoptr(CosmoImportData) data = NULL;
  CosmoOemSegment *first, *second;
  CosmoImportSeries *alt, *inertial;

  g_assert_no_error (error);
  g_assert_cmpstr (oem->version, ==, "2.0");
  g_assert_cmpstr (oem->originator, ==, "COSMODROME TESTS");
  g_assert_cmpuint (oem->segments->len, ==, 2);
  first = oem->segments->pdata[0];
  second = oem->segments->pdata[1];
  g_assert_cmpstr (first->ref_frame, ==, "EME2000");
  g_assert_cmpstr (second->time_system, ==, "TAI");
  g_assert_cmpuint (first->n_states, ==, 46);
  g_assert_cmpuint (second->n_states, ==, 49);
  /* TAI 09:82:03 is UTC 09:81:26: the second segment starts where the
   * first ends, 37 s apart on paper. */
  g_assert_cmpfloat (g_array_index (oem->times, double, 45), ==, g_array_index (oem->times, double, 46));

  data = cosmo_oem_to_import (oem, "test-orbit.oem", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->times->len, ==, 94);  /* the shared epoch once */
  g_assert_cmpstr (data->title, ==, "TEST SOYUZ");
  alt = cosmo_import_data_find_role (data, COSMO_COLUMN_ALTITUDE);
  inertial = cosmo_import_data_find_role (data, COSMO_COLUMN_VALUE);
  for (guint i = 0; i < data->times->len; i++)
    {
      double h = g_array_index (alt->values, double, i);

      /* A 420 km circle over an ellipsoid: 420 km above the equator,
       * up to 21 km more where the surface is lower at 51.6°. */
      g_assert_cmpfloat (h, >, 419e3);
      g_assert_cmpfloat (h, <, 437e3);
      g_assert_cmpfloat_with_epsilon (g_array_index (inertial->values, double, i), 7657.27, 0.1);
    }
}

static void
test_oem_versions_and_errors (void)
{
  /* Lines 1-13 are the header, metadata and one state; the tail starts on line 14. */
  const struct { const char *version, *frame, *system, *tail; const char *error; } cases[] = {
    { "1.0", "ITRF2000", "UTC", "2026-001T00:01:00 7000 10 0 0 7.5 0\n", NULL },
    { "3.0", "GCRF", "GPS", "2026-01-01T00:01:00.000 7000 10 0 0 7.5 0 0 0 0\n", NULL },
    { "2.0", "TEME", "TT", "2026-001T00:01:00 7000 10 0 0 7.5 0\nCOVARIANCE_START\nEPOCH = 2026-001T00:00:00\n"
      "COV_REF_FRAME = TEME\n1\n2 3\nCOVARIANCE_STOP\n", NULL },
    { "4.0", "GCRF", "UTC", "", "x.oem:1: OEM version" },
    { "2.0", "MARSFIXED", "UTC", "", "x.oem:12: REF_FRAME" },
    { "2.0", "GCRF", "TDB", "", "x.oem:12: TIME_SYSTEM" },
    { "2.0", "GCRF", "UTC", "2025-12-31T23:59:00 7000 0 0 0 7.5 0\n", "x.oem:14: the epoch goes backwards" },
    { "2.0", "GCRF", "UTC", "2026-001T00:01:00 7000 0 0 0 nan 0\n", "x.oem:14: expected a finite number" },
    { "2.0", "GCRF", "UTC", "2026-001T00:01:00 7000 0 0 0 7.5\n", "x.oem:14: expected an epoch and 6 or 9" },
    { "2.0", "GCRF", "UTC", "META_START\nOBJECT_NAME = X\n", "x.oem:15: the file ends inside a metadata block" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strconcat ("CCSDS_OEM_VERS = ", cases[i].version, "\nCREATION_DATE = 2026-01-01T00:00:00\n"
                                         "ORIGINATOR = T\nMETA_START\nOBJECT_NAME = X\nOBJECT_ID = 1\nCENTER_NAME = EARTH\n"
                                         "REF_FRAME = ", cases[i].frame, "\nTIME_SYSTEM = ", cases[i].system,
                                         "\nSTART_TIME = 2026-001T00:00:00\nSTOP_TIME = 2026-001T00:01:00\nMETA_STOP\n"
                                         "2026-001T00:00:00 7000 0 0 0 7.5 0\n", cases[i].tail, NULL);
      g_autoptr(CosmoOem) oem = cosmo_oem_parse (text, strlen (text), "x.oem", NULL, &error);

      if (cases[i].error == NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (oem->times->len, ==, 2);
        }
      else
        {
          g_assert_null (oem);
          g_assert_nonnull (error);
          if (!g_str_has_prefix (error->message, cases[i].error))
            g_error ("case %u: expected “%s…”, got “%s”", i, cases[i].error, error->message);
        }
    }
}

static void
test_geodesy (void)
{
  double lat, lon, alt, r[3], v[3];

  /* On the equator and at the pole, exactly. */
  cosmo_ecef_to_geodetic (6378137.0 + 1000, 0, 0, &lat, &lon, &alt);
  g_assert_cmpfloat_with_epsilon (lat, 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (alt, 1000, 1e-6);
  cosmo_ecef_to_geodetic (0, 0, 6356752.314245 + 400e3, &lat, &lon, &alt);
  g_assert_cmpfloat_with_epsilon (lat, 90, 1e-9);
  g_assert_cmpfloat_with_epsilon (alt, 400e3, 1e-4);
  /* Baikonur 45.996° N 63.564° E, 104 m: there and back. */
  {
    const double a = 6378137.0, e2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
    double phi = 45.996 * G_PI / 180, lam = 63.564 * G_PI / 180, h = 104;
    double n = a / sqrt (1 - e2 * sin (phi) * sin (phi));

    cosmo_ecef_to_geodetic ((n + h) * cos (phi) * cos (lam), (n + h) * cos (phi) * sin (lam),
                            (n * (1 - e2) + h) * sin (phi), &lat, &lon, &alt);
    g_assert_cmpfloat_with_epsilon (lat, 45.996, 1e-10);
    g_assert_cmpfloat_with_epsilon (lon, 63.564, 1e-10);
    g_assert_cmpfloat_with_epsilon (alt, 104, 1e-6);
  }

  g_assert_cmpfloat (cosmo_tai_minus_utc (1764235677), ==, 37);
  g_assert_cmpfloat (cosmo_tai_minus_utc (1400000000), ==, 35);

  /* At 2000-01-01 12:00 UT the sidereal angle is 280.46062°, so the
   * inertial x axis (the equinox) is over longitude 360 - 280.46062. */
  r[0] = 7000e3, r[1] = 0, r[2] = 0;
  v[0] = 0, v[1] = 0, v[2] = 0;
  cosmo_inertial_to_ecef (946728000.0, r, v);
  cosmo_ecef_to_geodetic (r[0], r[1], r[2], &lat, &lon, &alt);
  g_assert_cmpfloat_with_epsilon (lon, 360 - 280.46061837, 1e-3);
  g_assert_cmpfloat_with_epsilon (lat, 0, 1e-3);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/sniff-delimiters", test_sniff_delimiters);
  g_test_add_func ("/import/time-forms", test_time_forms);
  g_test_add_func ("/import/iso-parser", test_iso_parser);
  g_test_add_func ("/import/errors-name-line", test_errors_name_line);
  g_test_add_func ("/import/events", test_events);
  g_test_add_func ("/import/round-trip-csv", test_round_trip_csv);
  g_test_add_func ("/import/relative-needs-t0", test_relative_needs_t0);
  g_test_add_func ("/import/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/oem/segments", test_oem_segments);
  g_test_add_func ("/oem/versions-and-errors", test_oem_versions_and_errors);
  g_test_add_func ("/oem/geodesy", test_geodesy);

  return g_test_run ();
}
