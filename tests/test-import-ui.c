/* test-import-ui.c: importing a CSV and an OEM through the import dialog
 * opens the new package with its trajectory and channels; notes added in
 * the window undo, redo and save
 *
 * With COSMO_SCREENSHOT_DIR set, saves what the window shows after each
 * import (import-csv.png, import-oem.png, import-dialog.png).
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cosmo-application.h"
#include "cosmo-editing.h"
#include "cosmo-mission-loader.h"
#include "cosmo-window.h"
#include "cosmo-test-ui.h"

/* Waits until the window shows a mission other than @before with @id. */
static void
wait_for_new_mission (CosmoWindow  *window,
                      CosmoMission *before,
                      const char   *id)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  CosmoSession *session = cosmo_window_get_session (window);

  while (g_get_monotonic_time () < deadline)
    {
      CosmoMission *mission = cosmo_session_get_mission (session);

      if (mission != NULL && mission != before && g_strcmp0 (cosmo_mission_get_id (mission), id) == 0 &&
          !cosmo_window_get_loading (window))
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpstr (cosmo_mission_get_id (cosmo_session_get_mission (session)), ==, id);
  cosmo_test_spin (300);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found)
        return found;
    }
  return NULL;
}

static CosmoWindow *
new_window (void)
{
  CosmoWindow *window = cosmo_window_new (NULL);
  g_autoptr(GFile) bundled = cosmo_application_get_bundled_mission ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  cosmo_window_open (window, bundled);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_new_mission (window, NULL, "soyuz-ms-28");
  return window;
}

static void
import_through_dialog (CosmoWindow *window,
                       const char  *file_name,
                       const char  *expected_id,
                       const char  *shot)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "import", file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *dialog = cosmo_editing_import_file (GTK_WINDOW (window), file);
  g_autoptr(CosmoMission) before = g_object_ref (cosmo_session_get_mission (cosmo_window_get_session (window)));
  GtkWidget *import;

  g_assert_nonnull (dialog);
  cosmo_test_spin (300);
  if (g_str_has_suffix (file_name, ".csv"))
    cosmo_test_save_shot (GTK_WIDGET (dialog), "COSMO_SCREENSHOT_DIR", "import-dialog.png");
  import = find_button (GTK_WIDGET (dialog), "_Import");
  g_assert_nonnull (import);
  g_assert_true (gtk_widget_get_sensitive (import));
  g_signal_emit_by_name (import, "clicked");
  wait_for_new_mission (window, before, expected_id);
  cosmo_test_save_shot (GTK_WIDGET (window), "COSMO_SCREENSHOT_DIR", shot);
}

static void
test_import_csv_and_oem (void)
{
  CosmoWindow *window = new_window ();
  CosmoSession *session = cosmo_window_get_session (window);
  CosmoMission *mission;

  /* The bundled mission is not the user's: import makes a new package. */
  import_through_dialog (window, "ascent-telemetry.csv", "ascent-telemetry", "import-csv.png");
  mission = cosmo_session_get_mission (session);
  g_assert_nonnull (cosmo_mission_get_trajectory (mission));
  g_assert_cmpuint (cosmo_trajectory_get_n_samples (cosmo_mission_get_trajectory (mission)), ==, 61);
  g_assert_cmpuint (g_list_model_get_n_items (cosmo_mission_get_channels (mission)), ==, 1);

  /* Events go into the open package, which is now the user's own. */
  import_through_dialog (window, "findings.csv", "ascent-telemetry", "import-events.png");
  g_assert_cmpuint (cosmo_event_list_get_count (cosmo_mission_get_events (cosmo_session_get_mission (session))),
                    ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  window = new_window ();
  session = cosmo_window_get_session (window);
  import_through_dialog (window, "test-orbit.oem", "test-orbit", "import-oem.png");
  mission = cosmo_session_get_mission (session);
  g_assert_cmpuint (cosmo_trajectory_get_n_samples (cosmo_mission_get_trajectory (mission)), ==, 94);
  g_assert_cmpint (cosmo_trajectory_get_provenance (cosmo_mission_get_trajectory (mission)), ==,
                   COSMO_PROVENANCE_MEASURED);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_notes_undo_save (void)
{
  CosmoWindow *window = new_window ();
  CosmoSession *session = cosmo_window_get_session (window);
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "import", "findings.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *dialog = cosmo_editing_import_file (GTK_WINDOW (window), file);
  CosmoEventList *events;
  guint n;
  GList *toplevels;
  GtkWidget *editor = NULL, *save;

  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  wait_for_new_mission (window, NULL, "findings");
  events = cosmo_mission_get_events (cosmo_session_get_mission (session));
  n = cosmo_event_list_get_count (events);
  g_assert_false (cosmo_editing_get_dirty (GTK_WINDOW (window)));

  /* Add a note through the editor. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "edit.add-note", NULL));
  cosmo_test_spin (200);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (gtk_window_get_transient_for (l->data) == GTK_WINDOW (window) && find_button (l->data, "_Save"))
      editor = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (editor);
  save = find_button (editor, "_Save");
  g_signal_emit_by_name (save, "clicked");  /* empty title: refused, stays open */
  g_assert_cmpuint (cosmo_event_list_get_count (events), ==, n);
  gtk_window_destroy (GTK_WINDOW (editor));

  {
    /* Undo/redo through the window's actions after a delete. */
    cosmo_session_set_selected_event (session, cosmo_event_list_get_event (events, 0));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "edit.delete-event", NULL));
    g_assert_cmpuint (cosmo_event_list_get_count (events), ==, n - 1);
    g_assert_true (cosmo_editing_get_dirty (GTK_WINDOW (window)));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "edit.undo", NULL));
    g_assert_cmpuint (cosmo_event_list_get_count (events), ==, n);
    g_assert_false (cosmo_editing_get_dirty (GTK_WINDOW (window)));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "edit.redo", NULL));
    g_assert_cmpuint (cosmo_event_list_get_count (events), ==, n - 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "edit.save", NULL));
    g_assert_false (cosmo_editing_get_dirty (GTK_WINDOW (window)));
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CosmoMission) reloaded = cosmo_mission_load (cosmo_mission_get_location (cosmo_session_get_mission (session)),
                                                           NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (cosmo_event_list_get_count (cosmo_mission_get_events (reloaded)), ==, n - 1);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The bundled mission is read-only: saving a finding makes a copy among
 * the user's missions, leaves the shipped package alone, and the copy is
 * the package from then on. */
static void
test_save_bundled_as_copy (void)
{
  CosmoWindow *window = new_window ();
  CosmoSession *session = cosmo_window_get_session (window);
  CosmoMission *mission = cosmo_session_get_mission (session);
  g_autoptr(GFile) bundled = cosmo_application_get_bundled_mission ();
  g_autoptr(GFile) bundled_json = g_file_get_child (bundled, "mission.json");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CosmoEventList *events = cosmo_mission_get_events (mission);
  guint n = cosmo_event_list_get_count (events);
  GFile *location;

  g_assert_true (g_file_load_contents (bundled_json, NULL, &before, NULL, NULL, NULL));

  cosmo_session_set_selected_event (session, cosmo_event_list_lookup (events, "hatch-opening"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "edit.delete-event", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "edit.save", NULL));
  g_assert_false (cosmo_editing_get_dirty (GTK_WINDOW (window)));

  location = cosmo_mission_get_location (mission);
  g_assert_false (g_file_equal (location, bundled));
  g_assert_true (g_str_has_prefix (g_file_peek_path (location), g_get_user_data_dir ()));
  g_assert_true (g_file_load_contents (bundled_json, NULL, &after, NULL, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CosmoMission) reloaded = cosmo_mission_load (location, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (cosmo_event_list_get_count (cosmo_mission_get_events (reloaded)), ==, n - 1);
    g_assert_null (cosmo_event_list_lookup (cosmo_mission_get_events (reloaded), "hatch-opening"));
    /* The bulk data came along: the copy is a whole package. */
    g_assert_nonnull (cosmo_mission_get_trajectory (reloaded));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  /* New packages and autosaves go to private folders. */
  g_autofree char *data = g_dir_make_tmp ("cosmo-ui-data-XXXXXX", NULL);
  g_autofree char *state = g_dir_make_tmp ("cosmo-ui-state-XXXXXX", NULL);

  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/import-ui/csv-and-oem", test_import_csv_and_oem);
  g_test_add_func ("/import-ui/save-bundled-as-copy", test_save_bundled_as_copy);
  g_test_add_func ("/import-ui/notes-undo-save", test_notes_undo_save);

  return g_test_run ();
}
