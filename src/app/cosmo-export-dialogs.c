/* cosmo-export-dialogs.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cosmo-briefing.h"
#include "cosmo-export-dialogs.h"
#include "cosmo-video-export.h"
#include "cosmo-window.h"

/* Briefing ---------------------------------------------------------------- */

typedef struct
{
  CosmoMission *mission;
  char *path;
  CosmoPaper paper;
} BriefingJob;

static void
briefing_job_free (gpointer data)
{
  BriefingJob *job = data;

  g_clear_object (&job->mission);
  g_free (job->path);
  g_free (job);
}

static void
briefing_in_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  BriefingJob *job = task_data;
  g_autoptr(CosmoBriefing) briefing = cosmo_briefing_new (job->mission);
  GError *error = NULL;

  if (cosmo_briefing_export_pdf (briefing, job->path, job->paper, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
briefing_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CosmoWindow *window = COSMO_WINDOW (source);
  BriefingJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = g_path_get_basename (job->path);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    message = g_strdup_printf (_("Briefing saved as “%s”"), name);
  else
    message = g_strdup_printf (_("Could not save the briefing: %s"), error->message);
  cosmo_window_toast (window, message);
}

static void
on_briefing_response (GtkNativeDialog *dialog,
                      int              response,
                      gpointer         user_data)
{
  CosmoWindow *window = COSMO_WINDOW (user_data);
  CosmoMission *mission = cosmo_session_get_mission (cosmo_window_get_session (window));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (response == GTK_RESPONSE_ACCEPT && mission != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      const char *paper = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "paper");
      g_autoptr(GTask) task = NULL;
      BriefingJob *job;

      if (file != NULL && g_file_peek_path (file) != NULL)
        {
          job = g_new0 (BriefingJob, 1);
          job->mission = g_object_ref (mission);
          job->path = g_file_get_path (file);
          if (paper == NULL || !cosmo_paper_from_name (paper, &job->paper))
            job->paper = COSMO_PAPER_A4;
          task = g_task_new (window, NULL, briefing_done, NULL);
          g_task_set_task_data (task, job, briefing_job_free);
          g_task_run_in_thread (task, briefing_in_thread);
        }
    }
  G_GNUC_END_IGNORE_DEPRECATIONS

  g_object_unref (dialog);
}

static GtkFileChooserNative *
new_save_chooser (GtkWindow  *window,
                  const char *title,
                  const char *name)
{
  GtkFileChooserNative *chooser;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  chooser = gtk_file_chooser_native_new (title, window, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return chooser;
}

static void
export_briefing_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  CosmoMission *mission = cosmo_session_get_mission (cosmo_window_get_session (COSMO_WINDOW (widget)));
  const char *papers[] = { "a4", "letter", NULL };
  const char *paper_labels[] = { N_("A4"), N_("US Letter"), NULL };
  const char *labels[] = { _(paper_labels[0]), _(paper_labels[1]), NULL };
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (mission == NULL)
    return;
  name = g_strdup_printf ("%s-briefing.pdf", cosmo_mission_get_id (mission));
  chooser = new_save_chooser (GTK_WINDOW (widget), _("Export Briefing"), name);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "paper", _("Paper"), papers, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "paper", "a4");
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_signal_connect (chooser, "response", G_CALLBACK (on_briefing_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Video ------------------------------------------------------------------- */

typedef struct
{
  GtkWindow *dialog;
  GtkProgressBar *progress;
  GCancellable *cancellable;
  CosmoWindow *window;
  char *name;
} VideoJob;

static void
video_job_free (VideoJob *job)
{
  g_clear_object (&job->cancellable);
  g_clear_object (&job->window);
  g_free (job->name);
  g_free (job);
}

static void
on_video_progress (double   fraction,
                   gpointer user_data)
{
  VideoJob *job = user_data;
  g_autofree char *text = g_strdup_printf ("%d %%", (int) (fraction * 100));

  gtk_progress_bar_set_fraction (job->progress, fraction);
  gtk_progress_bar_set_text (job->progress, text);
}

static void
video_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  VideoJob *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  /* Progress callbacks queued before the end have run by now: they were
   * invoked in this context ahead of this callback. */
  if (cosmo_video_export_run_finish (COSMO_VIDEO_EXPORT (source), result, &error))
    message = g_strdup_printf (_("Video saved as “%s”"), job->name);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup (_("Video export cancelled"));
  else
    message = g_strdup_printf (_("Could not export the video: %s"), error->message);
  cosmo_window_toast (job->window, message);
  gtk_window_destroy (job->dialog);
  video_job_free (job);
}

static void
on_cancel_clicked (GtkButton *button,
                   VideoJob  *job)
{
  g_cancellable_cancel (job->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
}

static gboolean
on_progress_close_request (GtkWindow *dialog,
                           VideoJob  *job)
{
  /* Closing the progress window cancels; it goes once the export stops. */
  g_cancellable_cancel (job->cancellable);
  return TRUE;
}

static void
start_video (CosmoWindow *window,
             const char  *path,
             gboolean     tour)
{
  CosmoSession *session = cosmo_window_get_session (window);
  CosmoMission *mission = cosmo_session_get_mission (session);
  g_autoptr(CosmoVideoExport) video = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *box, *label, *cancel;
  VideoJob *job;

  video = cosmo_video_export_new (mission, path, &error);
  if (video == NULL)
    {
      cosmo_window_toast (window, error->message);
      return;
    }
  if (!tour)
    {
      double start, end;
      double rate = fabs (cosmo_clock_get_rate (cosmo_session_get_clock (session)));

      cosmo_session_get_visible_range (session, &start, &end);
      cosmo_video_export_set_range (video, start, end, rate);
    }

  job = g_new0 (VideoJob, 1);
  job->window = g_object_ref (window);
  job->cancellable = g_cancellable_new ();
  job->name = g_path_get_basename (path);

  job->dialog = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (job->dialog, _("Exporting Video"));
  gtk_window_set_transient_for (job->dialog, GTK_WINDOW (window));
  gtk_window_set_modal (job->dialog, TRUE);
  gtk_window_set_default_size (job->dialog, 420, -1);
  gtk_window_set_resizable (job->dialog, FALSE);
  g_signal_connect (job->dialog, "close-request", G_CALLBACK (on_progress_close_request), job);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  {
    g_autofree char *text = g_strdup_printf (_("Rendering “%s”: %u frames at 1920×1080"), job->name,
                                             cosmo_video_export_get_n_frames (video));
    label = gtk_label_new (text);
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_box_append (GTK_BOX (box), label);
  }
  job->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (job->progress, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (job->progress));
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_halign (cancel, GTK_ALIGN_END);
  g_signal_connect (cancel, "clicked", G_CALLBACK (on_cancel_clicked), job);
  gtk_box_append (GTK_BOX (box), cancel);
  gtk_window_set_child (job->dialog, box);
  gtk_window_present (job->dialog);

  cosmo_video_export_run_async (video, job->cancellable, on_video_progress, job, video_done, job);
}

static void
on_video_response (GtkNativeDialog *dialog,
                   int              response,
                   gpointer         user_data)
{
  CosmoWindow *window = COSMO_WINDOW (user_data);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      const char *what = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "what");

      if (file != NULL && g_file_peek_path (file) != NULL)
        start_video (window, g_file_peek_path (file), g_strcmp0 (what, "range") != 0);
    }
  G_GNUC_END_IGNORE_DEPRECATIONS

  g_object_unref (dialog);
}

static void
export_video_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CosmoMission *mission = cosmo_session_get_mission (cosmo_window_get_session (COSMO_WINDOW (widget)));
  const char *whats[] = { "tour", "range", NULL };
  const char *labels[] = { _("Tour of the chapters"), _("Visible time range at the replay rate"), NULL };
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (mission == NULL)
    return;
  name = g_strdup_printf ("%s.webm", cosmo_mission_get_id (mission));
  chooser = new_save_chooser (GTK_WINDOW (widget), _("Export Video"), name);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "what", _("Content"), whats, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "what", "tour");
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_signal_connect (chooser, "response", G_CALLBACK (on_video_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
cosmo_export_dialogs_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-briefing", NULL, export_briefing_action);
  gtk_widget_class_install_action (widget_class, "win.export-video", NULL, export_video_action);
}
