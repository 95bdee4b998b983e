/* test-settings.c: GSettings keys drive the window, the session and the
 * style; recent missions; which mission a dropped file opens.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cosmo-application.h"
#include "cosmo-preferences-window.h"
#include "cosmo-settings.h"
#include "cosmo-window.h"

static void
reset_all (void)
{
  GSettings *settings = cosmo_settings_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

static void
test_window_state (void)
{
  GSettings *settings = cosmo_settings_get_default ();
  CosmoWindow *window;
  int width, height;

  reset_all ();
  g_settings_set_int (settings, "window-width", 1111);
  g_settings_set_int (settings, "window-height", 777);

  window = cosmo_window_new (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1111);
  g_assert_cmpint (height, ==, 777);

  /* Closing saves the size (close-request needs a realized window). */
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1234, 800);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1234);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 800);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static void
test_time_display (void)
{
  GSettings *settings = cosmo_settings_get_default ();
  CosmoWindow *window;
  CosmoSession *session;

  reset_all ();
  window = cosmo_window_new (NULL);
  session = cosmo_window_get_session (window);
  g_assert_cmpint (cosmo_session_get_time_display (session), ==, COSMO_TIME_DISPLAY_MISSION);

  g_settings_set_string (settings, "time-display", "utc");
  g_assert_cmpint (cosmo_session_get_time_display (session), ==, COSMO_TIME_DISPLAY_UTC);

  /* And back: a toggle in a view is remembered. */
  cosmo_session_set_time_display (session, COSMO_TIME_DISPLAY_SITE);
  g_assert_cmpint (g_settings_get_enum (settings, "time-display"), ==, 2);
  {
    g_autofree char *nick = g_settings_get_string (settings, "time-display");
    g_assert_cmpstr (nick, ==, "site");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static GFile *
make_package (const char *root)
{
  g_autofree char *data = g_build_filename (root, "pkg", "data", NULL);
  g_autofree char *json = g_build_filename (root, "pkg", "mission.json", NULL);
  g_autofree char *csv = g_build_filename (data, "pad.csv", NULL);

  g_assert_cmpint (g_mkdir_with_parents (data, 0700), ==, 0);
  g_assert_true (g_file_set_contents (json, "{}", -1, NULL));
  g_assert_true (g_file_set_contents (csv, "t\n0\n", -1, NULL));
  return g_file_new_build_filename (root, "pkg", NULL);
}

static void
test_mission_folder_for (void)
{
  g_autofree char *root = g_dir_make_tmp ("cosmo-settings-XXXXXX", NULL);
  g_autoptr(GFile) package = make_package (root);
  g_autoptr(GFile) json = g_file_get_child (package, "mission.json");
  g_autoptr(GFile) csv = g_file_resolve_relative_path (package, "data/pad.csv");
  g_autoptr(GFile) lone = g_file_new_build_filename (root, "lone.csv", NULL);
  g_autoptr(GFile) root_file = g_file_new_for_path (root);
  g_autoptr(GFile) a = cosmo_settings_mission_folder_for (package);
  g_autoptr(GFile) b = cosmo_settings_mission_folder_for (json);
  g_autoptr(GFile) c = cosmo_settings_mission_folder_for (csv);
  g_autoptr(GFile) d = NULL;

  g_assert_true (g_file_set_contents (g_file_peek_path (lone), "t\n", -1, NULL));
  d = cosmo_settings_mission_folder_for (lone);

  g_assert_true (g_file_equal (a, package));
  g_assert_true (g_file_equal (b, package));
  g_assert_true (g_file_equal (c, package));
  /* No mission.json anywhere above: its own folder (the loader says why). */
  g_assert_true (g_file_equal (d, root_file));
}

static void
test_recent_missions (void)
{
  GSettings *settings = cosmo_settings_get_default ();
  g_auto(GStrv) recent = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *root = g_dir_make_tmp ("cosmo-recent-XXXXXX", NULL);
  g_autoptr(GFile) package = make_package (root);
  g_autoptr(GFile) last = NULL;

  reset_all ();
  for (guint i = 0; i < COSMO_SETTINGS_MAX_RECENT + 3; i++)
    {
      g_autofree char *path = g_strdup_printf ("/missions/m_%u", i);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      cosmo_settings_add_recent_mission (file);
    }
  {
    g_autoptr(GFile) again = g_file_new_for_path ("/missions/m_5");
    cosmo_settings_add_recent_mission (again);
  }

  recent = g_settings_get_strv (settings, "recent-missions");
  g_assert_cmpuint (g_strv_length (recent), ==, COSMO_SETTINGS_MAX_RECENT);
  g_assert_cmpstr (recent[0], ==, "/missions/m_5");
  g_assert_cmpstr (recent[1], ==, "/missions/m_10");
  for (guint i = 1; recent[i] != NULL; i++)
    g_assert_cmpstr (recent[i], !=, "/missions/m_5");

  cosmo_settings_fill_recent_menu (menu);
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (menu)), ==, COSMO_SETTINGS_MAX_RECENT);
  {
    g_autofree char *label = NULL;
    g_menu_model_get_item_attribute (G_MENU_MODEL (menu), 0, G_MENU_ATTRIBUTE_LABEL, "s", &label);
    /* Underscores doubled so they are not mnemonics. */
    g_assert_cmpstr (label, ==, "m__5");
  }

  /* last-mission only counts while it still exists. */
  g_assert_null (cosmo_settings_dup_last_mission ());
  cosmo_settings_add_recent_mission (package);
  last = cosmo_settings_dup_last_mission ();
  g_assert_nonnull (last);
  g_assert_true (g_file_equal (last, package));
}

static void
test_color_scheme (void)
{
  GSettings *settings = cosmo_settings_get_default ();
  AdwStyleManager *manager = adw_style_manager_get_default ();

  reset_all ();
  cosmo_settings_follow_color_scheme ();
  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));
  g_settings_set_string (settings, "color-scheme", "light");
  g_assert_false (adw_style_manager_get_dark (manager));
  g_settings_set_string (settings, "color-scheme", "default");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);
}

static GtkWidget *
find_named (GtkWidget  *root,
            GType       type,
            const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, type, title);
      if (found)
        return found;
    }
  return NULL;
}

static void
test_preferences_window (void)
{
  GSettings *settings = cosmo_settings_get_default ();
  CosmoPreferencesWindow *prefs;
  GtkWidget *times, *units;

  reset_all ();
  g_settings_set_string (settings, "units", "imperial");
  prefs = cosmo_preferences_window_new (NULL);
  gtk_window_present (GTK_WINDOW (prefs));

  times = find_named (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, "_Times");
  units = find_named (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, "_Units");
  g_assert_nonnull (times);
  g_assert_nonnull (units);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (units)), ==, 1);

  adw_combo_row_set_selected (ADW_COMBO_ROW (times), 1);
  {
    g_autofree char *nick = g_settings_get_string (settings, "time-display");
    g_assert_cmpstr (nick, ==, "utc");
  }

  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/settings/window-state", test_window_state);
  g_test_add_func ("/settings/time-display", test_time_display);
  g_test_add_func ("/settings/mission-folder-for", test_mission_folder_for);
  g_test_add_func ("/settings/recent-missions", test_recent_missions);
  g_test_add_func ("/settings/color-scheme", test_color_scheme);
  g_test_add_func ("/settings/preferences-window", test_preferences_window);

  return g_test_run ();
}
