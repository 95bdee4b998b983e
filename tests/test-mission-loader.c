/* test-mission-loader.c: the bundled mission loads completely; every class
 * of broken package fails with "file:line: message" and no mission
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "cosmo-mission-loader.h"

/* Line numbers below refer to this text: keep one member per line. */
#define HEAD \
  "{\n"                                                        /* 1 */ \
  "  \"format\": \"cosmodrome-mission\",\n"                    /* 2 */ \
  "  \"version\": 1,\n"                                        /* 3 */ \
  "  \"id\": \"test\",\n"                                      /* 4 */ \
  "  \"title\": \"Test mission\",\n"                           /* 5 */ \
  "  \"t0\": \"2025-11-27T09:27:57.402Z\",\n"                  /* 6 */ \
  "  \"time_zone\": \"+05:00\",\n"                             /* 7 */ \
  "  \"sites\": [\n"                                           /* 8 */ \
  "    {\"id\": \"pad\", \"name\": \"Pad\", \"kind\": \"pad\", \"lat\": 46.0, \"lon\": 63.5}\n" /* 9 */ \
  "  ],\n"                                                     /* 10 */

#define GOOD_EVENTS \
  "  \"events\": [\n"                                          /* 11 */ \
  "    {\n"                                                    /* 12 */ \
  "      \"id\": \"liftoff\",\n"                               /* 13 */ \
  "      \"time\": \"T+0\",\n"                                 /* 14 */ \
  "      \"category\": \"flight\",\n"                          /* 15 */ \
  "      \"title\": \"Liftoff\",\n"                            /* 16 */ \
  "      \"source\": \"test\",\n"                              /* 17 */ \
  "      \"confidence\": \"confirmed\",\n"                     /* 18 */ \
  "      \"site\": \"pad\"\n"                                  /* 19 */ \
  "    }\n"                                                    /* 20 */ \
  "  ],\n"                                                     /* 21 */

#define DATA \
  "  \"trajectory\": {\"file\": \"trajectory.csv\", \"provenance\": \"reconstructed\"},\n" \
  "  \"channels\": [\n" \
  "    {\"id\": \"alt\", \"name\": \"Altitude\", \"unit\": \"km\", \"group\": \"vehicle\",\n" \
  "     \"provenance\": \"reconstructed\", \"file\": \"vehicle.csv\", \"column\": \"alt_km\"},\n" \
  "    {\"id\": \"q\", \"name\": \"Dynamic pressure\", \"unit\": \"kPa\", \"group\": \"vehicle\",\n" \
  "     \"provenance\": \"reconstructed\", \"file\": \"vehicle.csv\", \"column\": \"q_kpa\"}\n" \
  "  ]\n" \
  "}\n"

#define GOOD_TRAJECTORY \
  "# reconstructed, for tests\n" \
  "t,lat,lon,alt_m,speed_mps\n" \
  "0,46.0,63.5,100,0\n" \
  "1,46.01,63.51,200,50\n" \
  "2,46.02,63.52,400,100\n"

#define GOOD_VEHICLE \
  "t,alt_km,q_kpa\n" \
  "0,0.1,0\n" \
  "1,0.2,1.5\n" \
  "2,0.4,\n"

static char *
make_package (const char *json,
              const char *trajectory,
              const char *vehicle)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cosmo-pkg-XXXXXX", &error);
  g_autofree char *json_path = NULL, *traj_path = NULL, *vehicle_path = NULL;

  g_assert_no_error (error);
  if (json != NULL)
    {
      json_path = g_build_filename (dir, "mission.json", NULL);
      g_assert_true (g_file_set_contents (json_path, json, -1, NULL));
    }
  if (trajectory != NULL)
    {
      traj_path = g_build_filename (dir, "trajectory.csv", NULL);
      g_assert_true (g_file_set_contents (traj_path, trajectory, -1, NULL));
    }
  if (vehicle != NULL)
    {
      vehicle_path = g_build_filename (dir, "vehicle.csv", NULL);
      g_assert_true (g_file_set_contents (vehicle_path, vehicle, -1, NULL));
    }
  return dir;
}

static CosmoMission *
load_dir (const char  *dir,
          GError     **error)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  return cosmo_mission_load (folder, NULL, error);
}

/* The load fails with exactly one error line, which starts with @expected_prefix. */
static void
assert_fails_with (const char *json,
                   const char *trajectory,
                   const char *vehicle,
                   int         code,
                   const char *expected_prefix,
                   const char *expected_part)
{
  g_autofree char *dir = make_package (json, trajectory, vehicle);
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoMission) mission = load_dir (dir, &error);

  g_assert_null (mission);
  g_assert_error (error, COSMO_LOAD_ERROR, code);
  if (!g_str_has_prefix (error->message, expected_prefix))
    g_error ("expected the message to start with \"%s\", got \"%s\"", expected_prefix, error->message);
  if (expected_part != NULL && strstr (error->message, expected_part) == NULL)
    g_error ("expected the message to contain \"%s\", got \"%s\"", expected_part, error->message);
}

static void
test_good_package (void)
{
  g_autofree char *dir = make_package (HEAD GOOD_EVENTS DATA, GOOD_TRAJECTORY, GOOD_VEHICLE);
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoMission) mission = load_dir (dir, &error);
  CosmoChannel *alt, *q;
  CosmoEvent *liftoff;

  g_assert_no_error (error);
  g_assert_nonnull (mission);
  g_assert_cmpstr (cosmo_mission_get_id (mission), ==, "test");
  g_assert_cmpint (g_date_time_get_microsecond (cosmo_mission_get_t0 (mission)), ==, 402000);
  g_assert_cmpuint (cosmo_trajectory_get_n_samples (cosmo_mission_get_trajectory (mission)), ==, 3);
  alt = cosmo_mission_lookup_channel (mission, "alt");
  q = cosmo_mission_lookup_channel (mission, "q");
  g_assert_nonnull (alt);
  g_assert_nonnull (q);
  /* Channels from one file share the time column rather than copy it. */
  g_assert_true (cosmo_channel_get_times (alt) == cosmo_channel_get_times (q));
  g_assert_true (isnan (cosmo_channel_get_values (q)[2]));   /* an empty cell is a gap */
  liftoff = cosmo_event_list_lookup (cosmo_mission_get_events (mission), "liftoff");
  g_assert_true (cosmo_event_get_has_location (liftoff));   /* placed at its site */
  g_assert_cmpfloat (cosmo_event_get_latitude (liftoff), ==, 46.0);
}

static void
test_bundled_mission (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("COSMODROME_DATADIR"), "missions", "soyuz-ms-28", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoMission) mission = load_dir (dir, &error);
  CosmoEventList *events;
  CosmoEvent *liftoff, *collapse;
  CosmoSite *pad;
  g_autoptr(GPtrArray) chapters = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (cosmo_mission_get_id (mission), ==, "soyuz-ms-28");
  {
    g_autofree char *t0 = g_date_time_format_iso8601 (cosmo_mission_get_t0 (mission));
    g_assert_cmpstr (t0, ==, "2025-11-27T09:27:57.402000Z");
  }

  pad = cosmo_mission_get_primary_site (mission);
  g_assert_nonnull (pad);
  g_assert_cmpfloat_with_epsilon (cosmo_site_get_latitude (pad), 45.99603, 1e-9);
  g_assert_cmpfloat_with_epsilon (cosmo_site_get_longitude (pad), 63.564, 1e-9);

  events = cosmo_mission_get_events (mission);
  g_assert_cmpuint (cosmo_event_list_get_count (events), >=, 25);
  liftoff = cosmo_event_list_lookup (events, "liftoff");
  collapse = cosmo_event_list_lookup (events, "cabin-collapse");
  g_assert_cmpfloat (cosmo_event_get_time (liftoff), ==, 0);
  g_assert_cmpfloat (cosmo_event_get_time (collapse), ==, 10);
  g_assert_cmpint (cosmo_event_get_severity (collapse), ==, COSMO_SEVERITY_CRITICAL);

  /* Every event says where it comes from and how sure we are. */
  for (guint i = 0; i < cosmo_event_list_get_count (events); i++)
    {
      CosmoEvent *event = cosmo_event_list_get_event (events, i);
      g_assert_nonnull (cosmo_event_get_source (event));
      g_assert_cmpstr (cosmo_event_get_source (event), !=, "");
    }

  /* From an hour before launch to the first launch after the repair. */
  g_assert_cmpfloat (cosmo_event_get_time (cosmo_event_list_get_event (events, 0)), <=, -3000);
  g_assert_cmpfloat (cosmo_event_get_time (cosmo_event_list_lookup (events, "progress-ms33-launch")), >, 100 * 86400);

  chapters = cosmo_mission_get_chapters (mission);
  g_assert_cmpuint (chapters->len, >=, 5);
}

static void
test_missing_json (void)
{
  assert_fails_with (NULL, NULL, NULL, COSMO_LOAD_ERROR_MISSING, "mission.json: ", "no");
}

static void
test_syntax_error (void)
{
  assert_fails_with ("{\n  \"format\": \"cosmodrome-mission\",\n  \"version\": 1,,\n}\n", NULL, NULL,
                     COSMO_LOAD_ERROR_SYNTAX, "mission.json:3:", NULL);
  assert_fails_with ("", NULL, NULL, COSMO_LOAD_ERROR_SYNTAX, "mission.json:1: ", "empty");
  assert_fails_with ("[1, 2]\n", NULL, NULL, COSMO_LOAD_ERROR_SYNTAX, "mission.json:1: ", "object");
}

static void
test_newer_version (void)
{
  g_autofree char *json = g_strdup (HEAD GOOD_EVENTS DATA);
  char *v = strstr (json, "\"version\": 1");

  v[strlen ("\"version\": ")] = '7';
  assert_fails_with (json, GOOD_TRAJECTORY, GOOD_VEHICLE, COSMO_LOAD_ERROR_UNSUPPORTED,
                     "mission.json:3: version:", "newer");
}

static void
test_missing_field (void)
{
  g_autoptr(GString) json = g_string_new (HEAD GOOD_EVENTS DATA);

  g_string_replace (json, "      \"title\": \"Liftoff\",\n", "      \"titel\": \"Liftoff\",\n", 1);
  /* The line is that of the event that lacks it. */
  assert_fails_with (json->str, GOOD_TRAJECTORY, GOOD_VEHICLE, COSMO_LOAD_ERROR_INVALID,
                     "mission.json:20: events[0].title: expected a string, but it is missing", NULL);
}

static void
test_bad_enum (void)
{
  g_autoptr(GString) json = g_string_new (HEAD GOOD_EVENTS DATA);

  g_string_replace (json, "\"category\": \"flight\"", "\"category\": \"launch\"", 1);
  assert_fails_with (json->str, GOOD_TRAJECTORY, GOOD_VEHICLE, COSMO_LOAD_ERROR_INVALID,
                     "mission.json:15: events[0].category: expected one of", "found \"launch\"");
}

static void
test_bad_time (void)
{
  g_autoptr(GString) json = g_string_new (HEAD GOOD_EVENTS DATA);

  g_string_replace (json, "\"time\": \"T+0\"", "\"time\": \"yesterday\"", 1);
  assert_fails_with (json->str, GOOD_TRAJECTORY, GOOD_VEHICLE, COSMO_LOAD_ERROR_INVALID,
                     "mission.json:14: events[0].time: expected a time", "\"yesterday\"");
}

static void
test_bad_number (void)
{
  g_autoptr(GString) json = g_string_new (HEAD GOOD_EVENTS DATA);

  g_string_replace (json, "\"lat\": 46.0", "\"lat\": 146.0", 1);
  assert_fails_with (json->str, GOOD_TRAJECTORY, GOOD_VEHICLE, COSMO_LOAD_ERROR_INVALID,
                     "mission.json:9: sites[0].lat: expected a number from -90 to 90, found 146", NULL);
}

static void
test_unknown_site (void)
{
  g_autoptr(GString) json = g_string_new (HEAD GOOD_EVENTS DATA);

  g_string_replace (json, "\"site\": \"pad\"", "\"site\": \"pad-99\"", 1);
  assert_fails_with (json->str, GOOD_TRAJECTORY, GOOD_VEHICLE, COSMO_LOAD_ERROR_INVALID,
                     "mission.json:19: events[0]: no site has the id \"pad-99\"", NULL);
}

static void
test_path_outside (void)
{
  g_autoptr(GString) json = g_string_new (HEAD GOOD_EVENTS DATA);

  g_string_replace (json, "\"file\": \"trajectory.csv\"", "\"file\": \"../trajectory.csv\"", 1);
  assert_fails_with (json->str, GOOD_TRAJECTORY, GOOD_VEHICLE, COSMO_LOAD_ERROR_INVALID,
                     "mission.json:22: trajectory.file: expected a path inside the package folder", NULL);

  g_string_replace (json, "\"../trajectory.csv\"", "\"/etc/passwd\"", 1);
  assert_fails_with (json->str, GOOD_TRAJECTORY, GOOD_VEHICLE, COSMO_LOAD_ERROR_INVALID,
                     "mission.json:22: trajectory.file: expected a path inside the package folder", NULL);
}

static void
test_symlink_outside (void)
{
  g_autofree char *outside = make_package (NULL, GOOD_TRAJECTORY, NULL);
  g_autoptr(GString) json = g_string_new (HEAD GOOD_EVENTS DATA);
  g_autofree char *dir = NULL, *target = NULL, *link = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoMission) mission = NULL;

  g_string_replace (json, "\"file\": \"trajectory.csv\"", "\"file\": \"link.csv\"", 1);
  dir = make_package (json->str, NULL, GOOD_VEHICLE);
  target = g_build_filename (outside, "trajectory.csv", NULL);
  link = g_build_filename (dir, "link.csv", NULL);
  g_assert_cmpint (symlink (target, link), ==, 0);

  mission = load_dir (dir, &error);
  g_assert_null (mission);
  g_assert_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message,
                                   "mission.json:22: trajectory.file: \"link.csv\" is a link that leads outside"));
}

static void
test_missing_csv (void)
{
  assert_fails_with (HEAD GOOD_EVENTS DATA, GOOD_TRAJECTORY, NULL, COSMO_LOAD_ERROR_INVALID,
                     "mission.json:25: channels[0].file: the file \"vehicle.csv\" does not exist", NULL);
}

static void
test_time_backwards (void)
{
  assert_fails_with (HEAD GOOD_EVENTS DATA,
                     "# comment\nt,lat,lon,alt_m\n0,46,63.5,100\n512.4,46,63.5,200\n512.3,46,63.5,300\n",
                     GOOD_VEHICLE, COSMO_LOAD_ERROR_INVALID,
                     "trajectory.csv:5: time goes backwards (512.3 after 512.4)", NULL);
  assert_fails_with (HEAD GOOD_EVENTS DATA,
                     "t,lat,lon,alt_m\n0,46,63.5,100\n1,46,63.5,200\n1,46,63.5,300\n",
                     GOOD_VEHICLE, COSMO_LOAD_ERROR_INVALID,
                     "trajectory.csv:4: time 1 repeats the line before", NULL);
}

static void
test_csv_bad_cell (void)
{
  assert_fails_with (HEAD GOOD_EVENTS DATA, GOOD_TRAJECTORY,
                     "t,alt_km,q_kpa\n0,0.1,0\n1,\"1,2e\",1\n",
                     COSMO_LOAD_ERROR_INVALID,
                     "vehicle.csv:3:3: expected a number, found \"1,2e\"", NULL);
}

static void
test_csv_missing_column (void)
{
  assert_fails_with (HEAD GOOD_EVENTS DATA, "t,lat,lon,altitude\n0,46,63.5,100\n1,46,63.5,200\n",
                     GOOD_VEHICLE, COSMO_LOAD_ERROR_INVALID,
                     "trajectory.csv:1: expected a column named \"alt_m\" in the header", NULL);
}

static void
test_too_large (void)
{
  g_autofree char *dir = make_package (HEAD GOOD_EVENTS DATA, GOOD_TRAJECTORY, NULL);
  g_autofree char *path = g_build_filename (dir, "vehicle.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoMission) mission = NULL;
  FILE *f = fopen (path, "w");

  /* A sparse file: refused by its size, before a byte is read. */
  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), COSMO_MAX_CSV_SIZE + 1), ==, 0);
  fclose (f);

  mission = load_dir (dir, &error);
  g_assert_null (mission);
  g_assert_true (g_str_has_prefix (error->message, "vehicle.csv: the file is "));
  g_assert_nonnull (strstr (error->message, "more than"));
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) json = g_string_new ("{\"a\": ");

  for (int i = 0; i < 100000; i++)
    g_string_append_c (json, '[');
  assert_fails_with (json->str, NULL, NULL, COSMO_LOAD_ERROR_SYNTAX, "mission.json:1: nested more than", NULL);
}

static void
test_invalid_utf8 (void)
{
  assert_fails_with ("{\n  \"title\": \"bad \xff\xfe\"\n}\n", NULL, NULL, COSMO_LOAD_ERROR_SYNTAX,
                     "mission.json:2: expected UTF-8 text", NULL);
}

static void
test_several_errors (void)
{
  g_autoptr(GString) json = g_string_new (HEAD GOOD_EVENTS DATA);
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoMission) mission = NULL;
  g_auto(GStrv) lines = NULL;

  g_string_replace (json, "\"category\": \"flight\"", "\"category\": \"launch\"", 1);
  g_string_replace (json, "\"confidence\": \"confirmed\"", "\"confidence\": \"sure\"", 1);
  dir = make_package (json->str, GOOD_TRAJECTORY, GOOD_VEHICLE);
  mission = load_dir (dir, &error);
  g_assert_null (mission);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true (g_str_has_prefix (lines[0], "mission.json:15: "));
  g_assert_true (g_str_has_prefix (lines[1], "mission.json:18: "));
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CosmoMission **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = cosmo_mission_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autofree char *dir = make_package (HEAD GOOD_EVENTS DATA, GOOD_TRAJECTORY, GOOD_VEHICLE);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(CosmoMission) mission = NULL;

  cosmo_mission_load_async (folder, NULL, on_loaded, &mission);
  while (mission == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (cosmo_mission_get_title (mission), ==, "Test mission");
}

static void
on_cancelled_load (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoMission) mission = cosmo_mission_load_finish (result, &error);

  g_assert_null (mission);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  *done = TRUE;
}

static void
test_async_cancelled (void)
{
  g_autofree char *dir = make_package (HEAD GOOD_EVENTS DATA, GOOD_TRAJECTORY, GOOD_VEHICLE);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gboolean done = FALSE;

  g_cancellable_cancel (cancellable);
  cosmo_mission_load_async (folder, cancellable, on_cancelled_load, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/loader/good-package", test_good_package);
  g_test_add_func ("/loader/bundled-mission", test_bundled_mission);
  g_test_add_func ("/loader/missing-json", test_missing_json);
  g_test_add_func ("/loader/syntax-error", test_syntax_error);
  g_test_add_func ("/loader/newer-version", test_newer_version);
  g_test_add_func ("/loader/missing-field", test_missing_field);
  g_test_add_func ("/loader/bad-enum", test_bad_enum);
  g_test_add_func ("/loader/bad-time", test_bad_time);
  g_test_add_func ("/loader/bad-number", test_bad_number);
  g_test_add_func ("/loader/unknown-site", test_unknown_site);
  g_test_add_func ("/loader/path-outside", test_path_outside);
  g_test_add_func ("/loader/symlink-outside", test_symlink_outside);
  g_test_add_func ("/loader/missing-csv", test_missing_csv);
  g_test_add_func ("/loader/time-backwards", test_time_backwards);
  g_test_add_func ("/loader/csv-bad-cell", test_csv_bad_cell);
  g_test_add_func ("/loader/csv-missing-column", test_csv_missing_column);
  g_test_add_func ("/loader/too-large", test_too_large);
  g_test_add_func ("/loader/deep-nesting", test_deep_nesting);
  g_test_add_func ("/loader/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/loader/several-errors", test_several_errors);
  g_test_add_func ("/loader/async", test_async);
  g_test_add_func ("/loader/async-cancelled", test_async_cancelled);

  return g_test_run ();
}
