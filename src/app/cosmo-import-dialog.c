/* cosmo-import-dialog.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cosmo-csv-import.h"
#include "cosmo-import-dialog.h"
#include "cosmo-oem-reader.h"
#include "cosmo-time.h"
#include "cosmo-util.h"

struct _CosmoImportDialog
{
  AdwWindow parent_instance;

  GFile *file;
  GFile *package;
  CosmoImportPlan *plan;     /* NULL for an OEM */
  GCancellable *cancellable;
  guint progress_id;
  gint progress_permille;    /* written by the worker */
  gboolean running;

  GtkDropDown *form_dropdown;
  GtkDropDown *provenance_dropdown;
  GtkEntry *t0_entry;
  GtkEntry *title_entry;

  GtkButton *cancel_button;
  GtkButton *import_button;
  GtkLabel *summary_label;
  GtkBox *options_box;
  GtkGrid *preview_grid;
  GtkLabel *problem_label;
  GtkProgressBar *progress_bar;
};

G_DEFINE_FINAL_TYPE (CosmoImportDialog, cosmo_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_problem (CosmoImportDialog *self)
{
  g_autofree char *problem = self->plan ? cosmo_import_plan_check (self->plan) : NULL;

  gtk_label_set_label (self->problem_label, problem ? problem : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), problem == NULL && !self->running);
}

static void
on_role_changed (GtkDropDown       *dropdown,
                 GParamSpec        *pspec,
                 CosmoImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "column"));

  self->plan->roles[column] = gtk_drop_down_get_selected (dropdown);
  update_problem (self);
}

static void
on_unit_changed (GtkEditable       *entry,
                 CosmoImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "column"));

  cosmo_set_str (&self->plan->units[column], gtk_editable_get_text (entry));
}

static void
on_form_changed (GtkDropDown       *dropdown,
                 GParamSpec        *pspec,
                 CosmoImportDialog *self)
{
  if (self->plan)
    self->plan->time_form = gtk_drop_down_get_selected (dropdown);
}

static GtkDropDown *
new_dropdown (const char *const *labels,
              guint              selected,
              const char        *accessible)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (labels));

  gtk_drop_down_set_selected (dropdown, selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return dropdown;
}

static void
build_grid (CosmoImportDialog *self)
{
  const char *role_labels[COSMO_N_COLUMN_ROLES + 1];

  for (guint r = 0; r < COSMO_N_COLUMN_ROLES; r++)
    role_labels[r] = cosmo_column_role_get_label (r);
  role_labels[COSMO_N_COLUMN_ROLES] = NULL;

  /* One grid column per file column: name, role, unit, then the first rows. */
  for (guint c = 0; c < self->plan->n_columns && c < 64; c++)
    {
      GtkWidget *name = gtk_label_new (self->plan->names[c]);
      g_autofree char *role_a11y = g_strdup_printf (_("Use of column “%s”"), self->plan->names[c]);
      g_autofree char *unit_a11y = g_strdup_printf (_("Unit of column “%s”"), self->plan->names[c]);
      GtkDropDown *role = new_dropdown (role_labels, self->plan->roles[c], role_a11y);
      GtkWidget *unit = gtk_entry_new ();

      gtk_widget_add_css_class (name, "heading");
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_grid_attach (self->preview_grid, name, c, 0, 1, 1);
      g_object_set_data (G_OBJECT (role), "column", GUINT_TO_POINTER (c));
      g_signal_connect (role, "notify::selected", G_CALLBACK (on_role_changed), self);
      gtk_grid_attach (self->preview_grid, GTK_WIDGET (role), c, 1, 1, 1);
      gtk_editable_set_text (GTK_EDITABLE (unit), self->plan->units[c]);
      gtk_entry_set_placeholder_text (GTK_ENTRY (unit), _("unit"));
      gtk_editable_set_width_chars (GTK_EDITABLE (unit), 6);
      gtk_accessible_update_property (GTK_ACCESSIBLE (unit), GTK_ACCESSIBLE_PROPERTY_LABEL, unit_a11y, -1);
      g_object_set_data (G_OBJECT (unit), "column", GUINT_TO_POINTER (c));
      g_signal_connect (unit, "changed", G_CALLBACK (on_unit_changed), self);
      gtk_grid_attach (self->preview_grid, unit, c, 2, 1, 1);

      for (guint r = 0; r < self->plan->preview->len; r++)
        {
          char **row = self->plan->preview->pdata[r];
          GtkWidget *cell = gtk_label_new (row[c]);

          gtk_label_set_xalign (GTK_LABEL (cell), 0);
          gtk_label_set_ellipsize (GTK_LABEL (cell), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (cell), 24);
          gtk_widget_add_css_class (cell, "numeric");
          gtk_grid_attach (self->preview_grid, cell, c, 3 + r, 1, 1);
        }
    }
}

static void
add_option (CosmoImportDialog *self,
            const char        *label,
            GtkWidget         *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *caption = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption-heading");
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), widget);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption, NULL, -1);
  gtk_box_append (self->options_box, box);
}

/* Importing, in a worker thread */

typedef struct {
  GFile *file;
  GFile *package;
  CosmoImportPlan *plan;  /* borrowed: the dialog outlives the task */
  CosmoProvenance provenance;
  GDateTime *t0;
  char *title;
  gint *progress;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->file);
  g_clear_object (&job->package);
  g_clear_pointer (&job->t0, g_date_time_unref);
  g_free (job->title);
  g_free (job);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  g_atomic_int_set ((gint *) user_data, (gint) (fraction * 1000));
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(CosmoImportData) data = NULL;
  g_autofree char *name = g_file_get_basename (job->file);
  GError *error = NULL;
  char *summary = NULL;
  CosmoPackageInfo info = { NULL, job->title, job->t0 };

  if (job->plan != NULL)
    data = cosmo_import_table_file (job->file, job->plan, on_progress, job->progress, cancellable, &error);
  else
    {
      g_autoptr(CosmoOem) oem = cosmo_oem_read_file (job->file, cancellable, &error);

      if (oem != NULL)
        data = cosmo_oem_to_import (oem, name, &error);
    }
  if (data != NULL)
    {
      data->provenance = job->provenance;
      if (!cosmo_import_write_package (job->package, data, &info, &summary, cancellable, &error))
        g_clear_pointer (&summary, g_free);
    }
  if (summary == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, summary, g_free);
}

static gboolean
update_progress (gpointer user_data)
{
  CosmoImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, g_atomic_int_get (&self->progress_permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CosmoImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = g_task_propagate_pointer (G_TASK (result), &error);

  self->running = FALSE;
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  gtk_button_set_label (self->cancel_button, _("_Cancel"));
  update_problem (self);

  if (summary == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_label (self->problem_label, error->message);
      else
        gtk_label_set_label (self->problem_label, _("Import cancelled; nothing was changed."));
      return;
    }
  g_signal_emit (self, signals[IMPORTED], 0, self->package, summary);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_import_clicked (CosmoImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job = g_new0 (ImportJob, 1);
  const char *title = self->title_entry ? gtk_editable_get_text (GTK_EDITABLE (self->title_entry)) : "";

  job->file = g_object_ref (self->file);
  job->package = g_object_ref (self->package);
  job->plan = self->plan;
  job->provenance = gtk_drop_down_get_selected (self->provenance_dropdown);
  job->progress = &self->progress_permille;
  job->title = *title ? g_strdup (title) : NULL;
  if (self->t0_entry != NULL)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->t0_entry));
      g_autoptr(GError) error = NULL;

      if (*text && (job->t0 = cosmo_time_parse_iso8601 (text, &error)) == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("T0: %s"), error->message);
          gtk_label_set_label (self->problem_label, message);
          import_job_free (job);
          return;
        }
    }

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->running = TRUE;
  self->progress_permille = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_label (self->problem_label, "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  self->progress_id = g_timeout_add (100, update_progress, self);

  task = g_task_new (NULL, self->cancellable, on_import_done, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

static void
on_cancel_clicked (CosmoImportDialog *self)
{
  /* Cancel stops a running import; otherwise it closes. */
  if (self->running)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
cosmo_import_dialog_dispose (GObject *object)
{
  CosmoImportDialog *self = COSMO_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), COSMO_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (cosmo_import_dialog_parent_class)->dispose (object);
}

static void
cosmo_import_dialog_finalize (GObject *object)
{
  CosmoImportDialog *self = COSMO_IMPORT_DIALOG (object);

  g_clear_object (&self->file);
  g_clear_object (&self->package);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->plan, cosmo_import_plan_free);
  G_OBJECT_CLASS (cosmo_import_dialog_parent_class)->finalize (object);
}

static void
cosmo_import_dialog_class_init (CosmoImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cosmo_import_dialog_dispose;
  object_class->finalize = cosmo_import_dialog_finalize;

  /* (package, summary) */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cosmo-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CosmoImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CosmoImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, CosmoImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CosmoImportDialog, options_box);
  gtk_widget_class_bind_template_child (widget_class, CosmoImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, CosmoImportDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, CosmoImportDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cosmo_import_dialog_init (CosmoImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CosmoImportDialog *
cosmo_import_dialog_new (GtkWindow  *parent,
                         GFile      *file,
                         GFile      *package,
                         GDateTime  *t0,
                         GError    **error)
{
  CosmoImportDialog *self = g_object_new (COSMO_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GBytes) head = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *package_name = g_file_get_parse_name (package);
  g_autoptr(GFile) json = g_file_get_child (package, "mission.json");
  gboolean new_package = !g_file_query_exists (json, NULL);
  const char *provenance_labels[] = { NULL, NULL, NULL, NULL };
  g_autofree char *summary = NULL;
  const char *data;
  gsize length;

  self->file = g_object_ref (file);
  self->package = g_object_ref (package);

  head = cosmo_import_read_file (file, COSMO_MAX_CSV_SIZE, NULL, error);
  if (head == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  data = g_bytes_get_data (head, &length);
  if (!cosmo_oem_sniff (data ? data : "", length))
    {
      const char *form_labels[COSMO_N_TIME_FORMS + 1];

      self->plan = cosmo_import_sniff (data ? data : "", length, name, error);
      if (self->plan == NULL)
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return NULL;
        }
      for (guint f = 0; f < COSMO_N_TIME_FORMS; f++)
        form_labels[f] = cosmo_time_form_get_label (f);
      form_labels[COSMO_N_TIME_FORMS] = NULL;
      self->form_dropdown = new_dropdown (form_labels, self->plan->time_form, _("Time format"));
      g_signal_connect (self->form_dropdown, "notify::selected", G_CALLBACK (on_form_changed), self);
      add_option (self, _("Times are"), GTK_WIDGET (self->form_dropdown));
      build_grid (self);
    }

  for (guint p = 0; p < 3; p++)
    provenance_labels[p] = cosmo_provenance_get_label (p);
  self->provenance_dropdown = new_dropdown (provenance_labels, COSMO_PROVENANCE_MEASURED, _("Provenance"));
  add_option (self, _("The data is"), GTK_WIDGET (self->provenance_dropdown));

  if (new_package)
    {
      self->title_entry = GTK_ENTRY (gtk_entry_new ());
      gtk_entry_set_placeholder_text (self->title_entry, _("From the data"));
      add_option (self, _("Mission title"), GTK_WIDGET (self->title_entry));
      self->t0_entry = GTK_ENTRY (gtk_entry_new ());
      gtk_entry_set_placeholder_text (self->t0_entry, _("First time in the data"));
      if (t0 != NULL)
        {
          g_autoptr(GDateTime) utc = g_date_time_to_utc (t0);
          g_autofree char *text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
          gtk_editable_set_text (GTK_EDITABLE (self->t0_entry), text);
        }
      gtk_editable_set_width_chars (GTK_EDITABLE (self->t0_entry), 22);
      add_option (self, _("T0 (ISO 8601 UTC)"), GTK_WIDGET (self->t0_entry));
    }

  if (self->plan == NULL)
    summary = g_strdup_printf (_("“%s” is a CCSDS Orbit Ephemeris Message. It becomes the trajectory of %s “%s”."),
                               name, new_package ? _("the new package") : _("the package"), package_name);
  else if (cosmo_import_plan_is_events (self->plan))
    summary = g_strdup_printf (_("Events from “%s” go into %s “%s”. Choose what each column holds."),
                               name, new_package ? _("the new package") : _("the package"), package_name);
  else
    summary = g_strdup_printf (_("Samples from “%s” go into %s “%s”. Choose what each column holds; "
                                 "latitude, longitude and altitude make a trajectory."),
                               name, new_package ? _("the new package") : _("the package"), package_name);
  gtk_label_set_label (self->summary_label, summary);
  update_problem (self);
  return self;
}
