/* test-window.c: the window opens the bundled mission and lists its events;
 * the event log follows the clock and moves it
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "cosmo-application.h"
#include "cosmo-event-log.h"
#include "cosmo-window.h"
#include "cosmo-test-ui.h"

static void
test_opens_bundled_mission (void)
{
  CosmoWindow *window = cosmo_test_open_bundled (0, 0);
  CosmoSession *session = cosmo_window_get_session (window);
  CosmoMission *mission = cosmo_session_get_mission (session);
  CosmoEventLog *log = COSMO_EVENT_LOG (cosmo_test_find_descendant (GTK_WIDGET (window), COSMO_TYPE_EVENT_LOG));

  g_assert_nonnull (mission);
  g_assert_cmpstr (cosmo_mission_get_id (mission), ==, "soyuz-ms-28");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Soyuz MS-28");
  g_assert_nonnull (log);
  g_assert_cmpuint (cosmo_event_log_get_n_rows (log), ==,
                    cosmo_event_list_get_count (cosmo_mission_get_events (mission)));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (log), GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_log_follows_clock (void)
{
  CosmoWindow *window = cosmo_test_open_bundled (0, 0);
  CosmoSession *session = cosmo_window_get_session (window);
  CosmoClock *clock = cosmo_session_get_clock (session);
  CosmoEventLog *log = COSMO_EVENT_LOG (cosmo_test_find_descendant (GTK_WIDGET (window), COSMO_TYPE_EVENT_LOG));
  CosmoEventList *events = cosmo_mission_get_events (cosmo_session_get_mission (session));
  CosmoEvent *collapse = cosmo_event_list_lookup (events, "cabin-collapse");
  GtkListBoxRow *row;
  guint position;

  /* Setting the clock moves the current row. */
  cosmo_clock_seek (clock, 10.5);
  row = cosmo_event_log_get_current_row (log);
  g_assert_nonnull (row);
  g_assert_true (g_object_get_data (G_OBJECT (row), "event") == collapse);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "current"));

  cosmo_clock_seek (clock, 200);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "current"));

  /* Activating a row moves the clock and selects the event. */
  g_assert_true (cosmo_event_list_find (events, collapse, &position));
  cosmo_event_log_activate_row (log, position);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 10);
  g_assert_true (cosmo_session_get_selected_event (session) == collapse);

  /* Filtering a category hides its rows. */
  cosmo_event_log_set_category_shown (log, COSMO_EVENT_CATEGORY_PAD, FALSE);
  g_assert_cmpuint (cosmo_event_log_get_n_rows (log), <, cosmo_event_list_get_count (events));
  cosmo_event_log_set_category_shown (log, COSMO_EVENT_CATEGORY_PAD, TRUE);
  g_assert_cmpuint (cosmo_event_log_get_n_rows (log), ==, cosmo_event_list_get_count (events));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_broken_package_keeps_current (void)
{
  CosmoWindow *window = cosmo_test_open_bundled (0, 0);
  CosmoSession *session = cosmo_window_get_session (window);
  CosmoMission *before = cosmo_session_get_mission (session);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cosmo-broken-XXXXXX", &error);
  g_autofree char *json = g_build_filename (dir, "mission.json", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  g_assert_true (g_file_set_contents (json, "{ \"format\": \"cosmodrome-mission\", ", -1, NULL));
  cosmo_window_open (window, folder);
  cosmo_test_wait_for_load (window);

  /* A failed load never replaces what is shown. */
  g_assert_true (cosmo_session_get_mission (session) == before);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/opens-bundled-mission", test_opens_bundled_mission);
  g_test_add_func ("/window/log-follows-clock", test_log_follows_clock);
  g_test_add_func ("/window/broken-package-keeps-current", test_broken_package_keeps_current);

  return g_test_run ();
}
