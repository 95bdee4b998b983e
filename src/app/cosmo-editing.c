/* cosmo-editing.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cosmo-application.h"
#include "cosmo-autosave.h"
#include "cosmo-edit-history.h"
#include "cosmo-editing.h"
#include "cosmo-event-editor.h"
#include "cosmo-import-dialog.h"
#include "cosmo-mission-writer.h"
#include "cosmo-window.h"

#define AUTOSAVE_SECONDS 15

typedef struct {
  GtkWindow *window;            /* not a reference: it owns us */
  CosmoSession *session;
  CosmoEditHistory *history;
  GSimpleActionGroup *actions;
  guint autosave_id;
  guint64 autosaved_serial;
  gboolean close_confirmed;
} Editing;

static void
editing_free (Editing *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->session)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->history);
  g_clear_object (&self->actions);
  g_free (self);
}

static Editing *
get_editing (GtkWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "cosmo-editing");
}

static void
toast (Editing    *self,
       const char *message)
{
  if (COSMO_IS_WINDOW (self->window))
    cosmo_window_toast (COSMO_WINDOW (self->window), message);
}

static void
set_enabled (Editing    *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_actions (Editing *self)
{
  gboolean have = self->history != NULL;
  CosmoEvent *selected = cosmo_session_get_selected_event (self->session);

  set_enabled (self, "undo", have && cosmo_edit_history_can_undo (self->history));
  set_enabled (self, "redo", have && cosmo_edit_history_can_redo (self->history));
  set_enabled (self, "save", have && cosmo_edit_history_get_dirty (self->history));
  set_enabled (self, "add-note", have);
  set_enabled (self, "edit-event", have && selected != NULL);
  set_enabled (self, "delete-event", have && selected != NULL);
}

/* Writable, and not the package shipped with the app. */
static gboolean
package_is_writable (CosmoMission *mission)
{
  GFile *location = cosmo_mission_get_location (mission);
  g_autoptr(GFile) bundled = cosmo_application_get_bundled_mission ();
  g_autofree char *path = location ? g_file_get_path (location) : NULL;

  return path != NULL && !g_file_equal (location, bundled) && g_access (path, W_OK) == 0;
}

/* A new, unused folder among the user's missions, named after @name. */
static GFile *
new_user_package (const char *name)
{
  g_autofree char *root = g_build_filename (g_get_user_data_dir (), "cosmodrome", "missions", NULL);

  g_mkdir_with_parents (root, 0755);
  for (guint n = 1;; n++)
    {
      g_autofree char *leaf = n == 1 ? g_strdup (name) : g_strdup_printf ("%s-%u", name, n);
      g_autofree char *candidate = g_build_filename (root, leaf, NULL);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        return g_file_new_for_path (candidate);
    }
}

static gboolean
save (Editing *self)
{
  CosmoMission *mission = cosmo_session_get_mission (self->session);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (mission == NULL || self->history == NULL)
    return TRUE;

  /* The bundled mission (or any package the user may not write) is never
   * changed in place: the findings go into a copy among the user's
   * missions, which is the package from then on. */
  if (!package_is_writable (mission))
    {
      g_autoptr(GFile) copy = new_user_package (cosmo_mission_get_id (mission));

      if (cosmo_mission_copy_package (cosmo_mission_get_location (mission), copy, NULL, &error) &&
          cosmo_mission_save (mission, copy, NULL, NULL, &error))
        {
          g_autofree char *where = g_file_get_parse_name (copy);
          g_autofree char *message = g_strdup_printf (_("Saved as a copy in %s; the original package is read-only"),
                                                      where);

          cosmo_autosave_discard (mission);
          cosmo_mission_set_location (mission, copy);
          cosmo_edit_history_mark_saved (self->history);
          self->autosaved_serial = cosmo_edit_history_get_serial (self->history);
          toast (self, message);
          update_actions (self);
          return TRUE;
        }
    }
  else if (cosmo_mission_save (mission, NULL, NULL, NULL, &error))
    {
      cosmo_edit_history_mark_saved (self->history);
      cosmo_autosave_discard (mission);
      self->autosaved_serial = cosmo_edit_history_get_serial (self->history);
      toast (self, _("Saved; the previous version is kept as mission.json~"));
      update_actions (self);
      return TRUE;
    }

  /* The edits stay in the window and in the autosave. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->window, _("Could not save the mission"), NULL));
  adw_message_dialog_format_body (dialog, _("%s\n\nThe package on disk is unchanged. Your edits are kept here and in "
                                            "the automatic backup."), error->message);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

static gboolean
autosave_tick (gpointer user_data)
{
  Editing *self = user_data;
  CosmoMission *mission = cosmo_session_get_mission (self->session);
  g_autoptr(GError) error = NULL;

  if (mission == NULL || self->history == NULL || !cosmo_edit_history_get_dirty (self->history) ||
      cosmo_edit_history_get_serial (self->history) == self->autosaved_serial)
    return G_SOURCE_CONTINUE;
  if (cosmo_autosave_write (mission, &error))
    self->autosaved_serial = cosmo_edit_history_get_serial (self->history);
  else
    g_warning ("autosave: %s", error->message);
  return G_SOURCE_CONTINUE;
}

static void
select_event (Editing    *self,
              CosmoEvent *event)
{
  cosmo_session_set_selected_event (self->session, event);
  update_actions (self);
}

/* Actions */

static void
undo_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  Editing *self = user_data;

  if (self->history && cosmo_edit_history_can_undo (self->history))
    select_event (self, cosmo_edit_history_undo (self->history));
}

static void
redo_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  Editing *self = user_data;

  if (self->history && cosmo_edit_history_can_redo (self->history))
    select_event (self, cosmo_edit_history_redo (self->history));
}

static void
save_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  save (user_data);
}

static void
on_new_done (CosmoEvent *edited,
             gpointer    user_data)
{
  Editing *self = user_data;

  cosmo_edit_history_add_event (self->history, edited);
  select_event (self, edited);
}

static void
add_note_activated (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  Editing *self = user_data;
  CosmoMission *mission = cosmo_session_get_mission (self->session);
  g_autofree char *id = NULL;
  g_autoptr(CosmoEvent) note = NULL;

  if (mission == NULL || self->history == NULL)
    return;
  /* A note at the current replay time, where the investigator is looking. */
  id = cosmo_edit_history_new_event_id (self->history, "note");
  note = cosmo_event_new (id, cosmo_clock_get_time (cosmo_session_get_clock (self->session)),
                          COSMO_EVENT_CATEGORY_NOTE, "");
  cosmo_event_set_confidence (note, COSMO_CONFIDENCE_REPORTED);
  cosmo_event_set_source (note, g_get_real_name ());
  cosmo_event_editor_show (self->window, mission, note, TRUE, on_new_done, self);
}

typedef struct {
  Editing *editing;
  CosmoEvent *original;
} EditJob;

static void
on_edit_done (CosmoEvent *edited,
              gpointer    user_data)
{
  EditJob *job = user_data;

  cosmo_edit_history_replace_event (job->editing->history, job->original, edited);
  select_event (job->editing, edited);
}

static void
edit_job_free (gpointer data)
{
  EditJob *job = data;

  g_object_unref (job->original);
  g_free (job);
}

static void
edit_event_activated (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  Editing *self = user_data;
  CosmoEvent *event = cosmo_session_get_selected_event (self->session);
  CosmoMission *mission = cosmo_session_get_mission (self->session);
  EditJob *job;
  GtkWindow *editor;

  if (event == NULL || mission == NULL || self->history == NULL)
    return;
  job = g_new0 (EditJob, 1);
  job->editing = self;
  job->original = g_object_ref (event);
  editor = cosmo_event_editor_show (self->window, mission, event, FALSE, on_edit_done, job);
  g_object_set_data_full (G_OBJECT (editor), "edit-job", job, edit_job_free);
}

static void
delete_event_activated (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  Editing *self = user_data;
  CosmoEvent *event = cosmo_session_get_selected_event (self->session);
  g_autofree char *message = NULL;

  if (event == NULL || self->history == NULL)
    return;
  message = g_strdup_printf (_("Deleted “%s”"), cosmo_event_get_title (event));
  g_object_ref (event);
  cosmo_session_set_selected_event (self->session, NULL);
  cosmo_edit_history_remove_event (self->history, event);
  g_object_unref (event);
  /* Undo is one keystroke away; say so rather than asking first. */
  toast (self, message);
  update_actions (self);
}

static void
on_imported (CosmoImportDialog *dialog,
             GFile             *package,
             const char        *summary,
             Editing           *self)
{
  g_autofree char *first = g_strdup (summary);

  /* One line for the toast: "Created … · Wrote … · Added …" */
  g_strstrip (first);
  for (char *nl; (nl = strchr (first, '\n')) != NULL;)
    {
      g_autofree char *joined = NULL;

      *nl = '\0';
      joined = g_strconcat (first, " · ", nl + 1, NULL);
      g_free (first);
      first = g_steal_pointer (&joined);
    }
  g_debug ("import: %s", summary);
  if (COSMO_IS_WINDOW (self->window))
    cosmo_window_open (COSMO_WINDOW (self->window), package);
  toast (self, first);
}

static GFile *
import_target (Editing *self,
               GFile   *file)
{
  CosmoMission *mission = cosmo_session_get_mission (self->session);
  GFile *location = mission ? cosmo_mission_get_location (mission) : NULL;
  g_autofree char *base = NULL;
  char *dot;

  /* Into the open package when it is the user's own, saved and writable;
   * else into a new package among the user's missions. */
  if (mission != NULL && package_is_writable (mission) &&
      (self->history == NULL || !cosmo_edit_history_get_dirty (self->history)))
    return g_object_ref (location);

  base = g_file_get_basename (file);
  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';
  return new_user_package (base);
}

static GtkWindow *
open_import_dialog (Editing *self,
                    GFile   *file)
{
  g_autoptr(GFile) package = import_target (self, file);
  g_autoptr(GError) error = NULL;
  CosmoMission *mission = cosmo_session_get_mission (self->session);
  CosmoImportDialog *dialog;

  dialog = cosmo_import_dialog_new (self->window, file, package, mission ? cosmo_mission_get_t0 (mission) : NULL,
                                    &error);
  if (dialog == NULL)
    {
      AdwMessageDialog *message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->window,
                                                                              _("Could not import the file"),
                                                                              error->message));
      adw_message_dialog_add_response (message, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return NULL;
    }
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
on_import_chosen (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  Editing *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        open_import_dialog (self, file);
    }
  g_object_unref (chooser);
}

static void
import_activated (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  Editing *self = user_data;
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV, JSON events or CCSDS OEM"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_filter_add_pattern (filter, "*.tsv");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_pattern (filter, "*.oem");
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  chooser = gtk_file_chooser_native_new (_("Import Data"), self->window, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_object_unref (filter);
}

static const GActionEntry entries[] = {
  { "undo", undo_activated },
  { "redo", redo_activated },
  { "save", save_activated },
  { "add-note", add_note_activated },
  { "edit-event", edit_event_activated },
  { "delete-event", delete_event_activated },
  { "import", import_activated },
};

/* Recovery and closing */

static void
on_recover_response (AdwMessageDialog *dialog,
                     const char       *response,
                     Editing          *self)
{
  CosmoMission *mission = cosmo_session_get_mission (self->session);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;

  if (mission == NULL || self->history == NULL)
    return;
  if (g_strcmp0 (response, "discard") == 0)
    {
      cosmo_autosave_discard (mission);
      return;
    }
  if (g_strcmp0 (response, "recover") != 0)
    return;
  events = cosmo_autosave_read_events (mission, &error);
  if (events == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not recover: %s"), error->message);
      toast (self, message);
      return;
    }
  cosmo_edit_history_replace_all (self->history, events);
  toast (self, _("Unsaved changes recovered; save to keep them"));
}

static void
offer_recovery (Editing *self)
{
  CosmoMission *mission = cosmo_session_get_mission (self->session);
  gint64 when = mission ? cosmo_autosave_find (mission) : 0;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *time_text = NULL;
  AdwMessageDialog *dialog;

  if (when == 0)
    return;
  time = g_date_time_new_from_unix_local (when);
  time_text = g_date_time_format (time, "%x %X");
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->window, _("Recover Unsaved Changes?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” has edits from %s that were never saved, probably because Cosmodrome "
                                    "stopped unexpectedly."), cosmo_mission_get_title (mission), time_text);
  adw_message_dialog_add_responses (dialog, "later", _("_Not Now"), "discard", _("_Discard"),
                                    "recover", _("_Recover"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "recover");
  adw_message_dialog_set_close_response (dialog, "later");
  g_signal_connect (dialog, "response", G_CALLBACK (on_recover_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_mission_changed (Editing *self)
{
  CosmoMission *mission = cosmo_session_get_mission (self->session);

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  self->autosaved_serial = 0;
  if (mission != NULL)
    {
      self->history = cosmo_edit_history_new (mission);
      g_signal_connect_swapped (self->history, "changed", G_CALLBACK (update_actions), self);
      g_signal_connect_swapped (self->history, "notify::dirty", G_CALLBACK (update_actions), self);
    }
  update_actions (self);
  /* Never ask during a --screenshot or a kiosk: there is nobody to answer. */
  if (mission != NULL && gtk_window_get_decorated (self->window))
    offer_recovery (self);
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   Editing          *self)
{
  CosmoMission *mission = cosmo_session_get_mission (self->session);

  if (g_strcmp0 (response, "save") == 0)
    {
      if (!save (self))
        return;
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      if (mission != NULL)
        cosmo_autosave_discard (mission);
    }
  else
    return;
  self->close_confirmed = TRUE;
  gtk_window_close (self->window);
}

static gboolean
on_close_request (GtkWindow *window,
                  Editing   *self)
{
  AdwMessageDialog *dialog;

  if (self->close_confirmed || self->history == NULL || !cosmo_edit_history_get_dirty (self->history))
    return FALSE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save Changes?"), NULL));
  adw_message_dialog_format_body (dialog, _("“%s” has edits that are not saved in the mission package."),
                                  cosmo_mission_get_title (cosmo_session_get_mission (self->session)));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "discard", _("_Discard"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *accel,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accel),
                                                          gtk_named_action_new (action)));
}

void
cosmo_editing_attach (GtkWindow    *window,
                      CosmoSession *session)
{
  Editing *self = g_new0 (Editing, 1);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  self->window = window;
  self->session = g_object_ref (session);
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "edit", G_ACTION_GROUP (self->actions));
  g_object_set_data_full (G_OBJECT (window), "cosmo-editing", self, (GDestroyNotify) editing_free);

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>z", "edit.undo");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>z", "edit.redo");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>y", "edit.redo");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>s", "edit.save");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>m", "edit.add-note");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>i", "edit.import");
  gtk_widget_add_controller (GTK_WIDGET (window), shortcuts);

  g_signal_connect_swapped (session, "notify::mission", G_CALLBACK (on_mission_changed), self);
  g_signal_connect_swapped (session, "notify::selected-event", G_CALLBACK (update_actions), self);
  g_signal_connect (window, "close-request", G_CALLBACK (on_close_request), self);
  self->autosave_id = g_timeout_add_seconds (AUTOSAVE_SECONDS, autosave_tick, self);
  on_mission_changed (self);
}

gboolean
cosmo_editing_get_dirty (GtkWindow *window)
{
  Editing *self = get_editing (window);

  return self != NULL && self->history != NULL && cosmo_edit_history_get_dirty (self->history);
}

GtkWindow *
cosmo_editing_import_file (GtkWindow *window,
                           GFile     *file)
{
  Editing *self = get_editing (window);

  g_return_val_if_fail (self != NULL, NULL);
  return open_import_dialog (self, file);
}
