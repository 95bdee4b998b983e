/* cosmo-application.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cosmo-application.h"
#include "cosmo-cli.h"
#include "cosmo-preferences-window.h"
#include "cosmo-settings.h"
#include "cosmo-window.h"

struct _CosmoApplication
{
  AdwApplication parent_instance;

  /* What the command line asked for, applied to the first window. */
  CosmoStartOptions start;
};

G_DEFINE_FINAL_TYPE (CosmoApplication, cosmo_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the window, save it as a PNG once drawn, and exit"), N_("OUT.png") },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Window size for --screenshot (default 1920x1080)"), N_("WxH") },
  { "at", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Start at this mission time (T+118, -60, 09:29:55, ISO 8601 UTC)"), N_("TIME") },
  { "rate", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Start with this replay rate (e.g. 10, 0.5, -2)"), N_("R") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[PATH]") },
  { NULL }
};

GFile *
cosmo_application_get_bundled_mission (void)
{
  const char *override = g_getenv ("COSMODROME_DATADIR");
  const char *candidates[] = { override, PKGDATADIR, SOURCE_DATADIR };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *path = NULL;

      if (candidates[i] == NULL)
        continue;
      path = g_build_filename (candidates[i], "missions", "soyuz-ms-28", "mission.json", NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_file_new_build_filename (candidates[i], "missions", "soyuz-ms-28", NULL);
    }

  return g_file_new_build_filename (PKGDATADIR, "missions", "soyuz-ms-28", NULL);
}

static int
cosmo_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  CosmoApplication *self = COSMO_APPLICATION (app);
  g_autofree char **remaining = NULL;
  g_autoptr(GFile) mission = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("cosmodrome %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining) && remaining[0] != NULL)
    {
      if (remaining[1] != NULL)
        {
          g_printerr (_("cosmodrome: expected at most one mission package, found %u\n"),
                      g_strv_length (remaining));
          return 2;
        }
      mission = g_file_new_for_commandline_arg (remaining[0]);
    }

  if (!cosmo_start_options_parse (&self->start, options, &error))
    {
      g_printerr ("cosmodrome: %s\n", error->message);
      return 2;
    }

  /* Headless commands: no display, no window, no D-Bus name. */
  status = cosmo_cli_run_headless (&self->start, options, mission);
  if (status >= 0)
    return status;

  if (self->start.screenshot_path != NULL || self->start.kiosk)
    {
      /* A screenshot or a kiosk is its own process, never a second window of
       * a running instance. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  if (mission != NULL)
    {
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("cosmodrome: %s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        {
          g_application_open (app, &mission, 1, "");
          return 0;
        }
      g_set_object (&self->start.mission, mission);
    }

  return -1;
}

static CosmoWindow *
new_window (CosmoApplication *self)
{
  return cosmo_window_new (GTK_APPLICATION (self));
}

static void
cosmo_application_activate (GApplication *app)
{
  CosmoApplication *self = COSMO_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GFile) mission = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (new_window (self));
  if (self->start.mission != NULL)
    mission = g_object_ref (self->start.mission);
  else if (self->start.screenshot_path == NULL && !self->start.kiosk)
    mission = cosmo_settings_dup_last_mission ();
  if (mission == NULL)
    mission = cosmo_application_get_bundled_mission ();
  cosmo_window_apply_start_options (COSMO_WINDOW (window), &self->start);
  cosmo_window_open (COSMO_WINDOW (window), mission);
  gtk_window_present (window);
}

static void
cosmo_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  CosmoApplication *self = COSMO_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      CosmoWindow *window = new_window (self);

      cosmo_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
show_about (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (app);
  const char *developers[] = { "The Cosmodrome developers", NULL };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Cosmodrome"));
  adw_about_window_set_application_icon (about, APPLICATION_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Cosmodrome developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_website (about, "https://github.com/cosmodrome/cosmodrome");
  adw_about_window_set_issue_url (about, "https://github.com/cosmodrome/cosmodrome/issues");
  adw_about_window_set_comments (about,
    _("Replays a launch and the incident around it on one clock: the launch site on a map, "
      "a timeline of events and charts of sensor traces."));
  /* TRANSLATORS: "translator-credits" lists the translators; put your name here */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  adw_about_window_add_legal_section (about, _("Basemap data"),
    _("Coastlines, lakes and rivers: GSHHG (Wessel and Smith), LGPL-3.0-or-later. "
      "Country borders: Digital Chart of the World as packaged for GMT (DCW-GMT), LGPL-3.0-or-later. "
      "Place names and coordinates: public gazetteer facts collected for Cosmodrome."),
    GTK_LICENSE_CUSTOM, NULL);
  adw_about_window_add_legal_section (about, _("Mission data"),
    _("Soyuz MS-28 events, figures and sites come from public sources cited with each event. "
      "The ascent trajectory and vehicle traces are reconstructed; the pad traces are simulated "
      "and illustrative."),
    GTK_LICENSE_CUSTOM, NULL);
  adw_about_window_add_legal_section (about, _("Online map tiles"),
    _("When turned on in Preferences: map data © OpenStreetMap contributors, ODbL."),
    GTK_LICENSE_CUSTOM, NULL);
  if (window != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), window);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_app (GSimpleAction *action,
          GVariant      *param,
          gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Close each window properly so each can ask about unsaved work. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  CosmoApplication *self = COSMO_APPLICATION (user_data);
  g_autoptr(GFile) mission = cosmo_application_get_bundled_mission ();
  CosmoWindow *window = new_window (self);

  cosmo_window_open (window, mission);
  gtk_window_present (GTK_WINDOW (window));
}

static void
show_preferences (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (cosmo_preferences_window_new (window)));
}

static const GActionEntry app_actions[] = {
  { "about", show_about },
  { "preferences", show_preferences },
  { "quit", quit_app },
  { "new-window", new_window_action },
};

static void
cosmo_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control>n", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (cosmo_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);

  /* Light, dark or the system's style, as chosen in Preferences. */
  cosmo_settings_follow_color_scheme ();
}

static void
cosmo_application_finalize (GObject *object)
{
  CosmoApplication *self = COSMO_APPLICATION (object);

  cosmo_start_options_clear (&self->start);

  G_OBJECT_CLASS (cosmo_application_parent_class)->finalize (object);
}

static void
cosmo_application_class_init (CosmoApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cosmo_application_finalize;
  app_class->handle_local_options = cosmo_application_handle_local_options;
  app_class->activate = cosmo_application_activate;
  app_class->open = cosmo_application_open;
  app_class->startup = cosmo_application_startup;
}

static void
cosmo_application_init (CosmoApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  cosmo_cli_add_option_entries (G_APPLICATION (self));
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("Replay a launch and its incident: PATH is a mission package folder "
      "(the bundled Soyuz MS-28 mission when none is given)."));
}

CosmoApplication *
cosmo_application_new (void)
{
  return g_object_new (COSMO_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}
