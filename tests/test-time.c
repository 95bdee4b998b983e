/* test-time.c: mission time formatting and parsing, in C and de_DE locales
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "cosmo-time.h"

static GDateTime *
make_t0 (void)
{
  g_autoptr(GError) error = NULL;
  GDateTime *t0 = cosmo_time_parse_iso8601 ("2025-11-27T09:27:57.402Z", &error);

  g_assert_no_error (error);
  return t0;
}

static void
test_format_mission (void)
{
  static const struct { double t; guint decimals; const char *expected; } cases[] = {
    { -60, 0, "T-00:01:00" },
    { 529, 0, "T+00:08:49" },
    { 0, 0, "T+00:00:00" },
    { -0.2, 0, "T+00:00:00" },   /* rounds to zero: no "T-" on a zero */
    { 118.06, 1, "T+00:01:58.1" },
    { 59.96, 1, "T+00:01:00.0" }, /* no "00:60.0" */
    { 3600 * 3 + 6 * 60 + 38, 0, "T+03:06:38" },
    { 86400 * 4 + 3 * 3600 + 12 * 60, 0, "T+4d 03:12:00" },
    { -3597, 0, "T-00:59:57" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cosmo_time_format_mission (cases[i].t, cases[i].decimals);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_format_absolute (void)
{
  g_autoptr(GDateTime) t0 = make_t0 ();
  g_autoptr(GTimeZone) baikonur = g_time_zone_new_identifier ("+05:00");
  g_autofree char *utc = cosmo_time_format_absolute (t0, 529, NULL, 0);
  g_autofree char *site = cosmo_time_format_absolute (t0, 0, baikonur, 0);
  g_autofree char *precise = cosmo_time_format_absolute (t0, 0, NULL, 3);

  g_assert_cmpstr (utc, ==, "2025-11-27 09:36:46 UTC");
  g_assert_cmpstr (site, ==, "2025-11-27 14:27:57 UTC+05");
  g_assert_cmpstr (precise, ==, "2025-11-27 09:27:57.402 UTC");
}

static void
check_parse (GDateTime  *t0,
             const char *text,
             double      expected)
{
  g_autoptr(GError) error = NULL;
  double t = G_MAXDOUBLE;

  g_assert_true (cosmo_time_parse (text, t0, &t, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (t, expected, 1e-6);
}

static void
check_parse_fails (GDateTime  *t0,
                   const char *text)
{
  g_autoptr(GError) error = NULL;
  double t = 42;

  g_assert_false (cosmo_time_parse (text, t0, &t, &error));
  g_assert_error (error, COSMO_TIME_ERROR, COSMO_TIME_ERROR_INVALID);
  g_assert_cmpfloat (t, ==, 42);
}

static void
test_parse (void)
{
  g_autoptr(GDateTime) t0 = make_t0 ();

  check_parse (t0, "T+118", 118);
  check_parse (t0, "T-60", -60);
  check_parse (t0, "t+118.5", 118.5);
  check_parse (t0, "118.5", 118.5);
  check_parse (t0, "-60", -60);
  check_parse (t0, "+2d", 2 * 86400);
  check_parse (t0, "+90min", 5400);
  check_parse (t0, "T-1h", -3600);
  check_parse (t0, "T+00:08:49", 529);
  check_parse (t0, "T+4d 03:12:00", 4 * 86400 + 3 * 3600 + 12 * 60);
  check_parse (t0, "  T+10  ", 10);
  /* time of day, UTC on T0's date */
  check_parse (t0, "09:29:55", 117.598);
  /* ISO 8601 */
  check_parse (t0, "2025-11-27T09:36:46.402Z", 529);
  check_parse (t0, "2025-11-27T14:36:46.402+05:00", 529);
  check_parse (t0, "2025-11-27 09:36:46.402", 529);
  check_parse (t0, "2026-03-22T11:59:00Z", 115 * 86400.0 + 9062.598);

  check_parse_fails (t0, "");
  check_parse_fails (t0, "yesterday");
  check_parse_fails (t0, "T+");
  check_parse_fails (t0, "T+1,5");
  check_parse_fails (t0, "1,5");
  check_parse_fails (t0, "nan");
  check_parse_fails (t0, "inf");
  check_parse_fails (t0, "1e400");
  check_parse_fails (t0, "25:00:00");
  check_parse_fails (t0, "09:61:00");
  check_parse_fails (t0, "T+12:99");
  check_parse_fails (t0, "2025-13-40T00:00:00Z");
  check_parse_fails (t0, "++5");
}

static void
test_parse_needs_t0 (void)
{
  g_autoptr(GError) error = NULL;
  double t;

  g_assert_false (cosmo_time_parse ("2025-11-27T09:36:46Z", NULL, &t, &error));
  g_assert_error (error, COSMO_TIME_ERROR, COSMO_TIME_ERROR_NEEDS_T0);
  g_clear_error (&error);
  g_assert_true (cosmo_time_parse ("T+5", NULL, &t, &error));
  g_assert_cmpfloat (t, ==, 5);
}

static void
test_round_trip (void)
{
  g_autoptr(GDateTime) t0 = make_t0 ();

  static const double times[] = { -3600, -59.999, -0.5, 0, 0.001, 9.9995, 118.25, 529.4,
                                  3 * 3600 + 6 * 60 + 38.123, 4 * 86400 + 12.5, 115 * 86400 + 9062.598 };

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      double t = times[i];
      g_autofree char *text = cosmo_time_format_mission (t, 3);
      double back;

      g_assert_true (cosmo_time_parse (text, t0, &back, NULL));
      g_assert_cmpfloat_with_epsilon (back, t, 0.0006);
    }
}

/* GTK calls setlocale(LC_ALL, ""); in de_DE the decimal separator is ','.
 * Parsing and formatting must not notice. */
static void
test_german_locale (void)
{
  g_autoptr(GDateTime) t0 = make_t0 ();
  const char *locales[] = { "de_DE.UTF-8", "de_DE.utf8", "de_DE", NULL };
  const char *set = NULL;

  for (guint i = 0; locales[i] && set == NULL; i++)
    set = setlocale (LC_ALL, locales[i]);
  if (set == NULL)
    {
      g_test_skip ("the de_DE locale is not installed (build-aux/setup.sh installs locales-all)");
      return;
    }

  check_parse (t0, "118.5", 118.5);
  check_parse (t0, "T+1.25", 1.25);
  check_parse_fails (t0, "1,5");
  {
    g_autofree char *text = cosmo_time_format_mission (118.06, 1);
    g_assert_cmpstr (text, ==, "T+00:01:58.1");
  }
  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/time/format-mission", test_format_mission);
  g_test_add_func ("/time/format-absolute", test_format_absolute);
  g_test_add_func ("/time/parse", test_parse);
  g_test_add_func ("/time/parse-needs-t0", test_parse_needs_t0);
  g_test_add_func ("/time/round-trip", test_round_trip);
  g_test_add_func ("/time/german-locale", test_german_locale);

  return g_test_run ();
}
