/* cosmo-event-editor.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cosmo-event-editor.h"
#include "cosmo-time.h"

typedef struct {
  CosmoMission *mission;
  CosmoEvent *event;   /* the copy being edited */
  CosmoEventEditorDone done;
  gpointer user_data;
  GtkWindow *window;
  GtkEditable *title;
  GtkEditable *time;
  GtkDropDown *category;
  GtkDropDown *severity;
  GtkTextBuffer *description;
  GtkEditable *source;
  GtkLabel *problem;
} Editor;

static void
editor_free (Editor *editor)
{
  g_clear_object (&editor->mission);
  g_clear_object (&editor->event);
  g_free (editor);
}

static void
on_save (Editor *editor)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  const char *title = gtk_editable_get_text (editor->title);
  GtkTextIter start, end;
  double t;

  if (*title == '\0')
    {
      gtk_label_set_label (editor->problem, _("The title cannot be empty."));
      return;
    }
  if (!cosmo_time_parse (gtk_editable_get_text (editor->time), cosmo_mission_get_t0 (editor->mission), &t, &error))
    {
      gtk_label_set_label (editor->problem, error->message);
      return;
    }
  gtk_text_buffer_get_bounds (editor->description, &start, &end);
  description = gtk_text_buffer_get_text (editor->description, &start, &end, FALSE);

  if (cosmo_event_is_range (editor->event))
    {
      /* Moving an event moves its end with it. */
      double length = cosmo_event_get_end_time (editor->event) - cosmo_event_get_time (editor->event);
      cosmo_event_set_end_time (editor->event, t + length);
    }
  cosmo_event_set_time (editor->event, t);
  cosmo_event_set_title (editor->event, title);
  cosmo_event_set_category (editor->event, gtk_drop_down_get_selected (editor->category));
  cosmo_event_set_severity (editor->event, gtk_drop_down_get_selected (editor->severity));
  cosmo_event_set_description (editor->event, *description ? description : NULL);
  cosmo_event_set_source (editor->event, gtk_editable_get_text (editor->source));

  editor->done (editor->event, editor->user_data);
  gtk_window_destroy (editor->window);
}

static GtkWidget *
labelled (GtkWidget  *grid,
          int         row,
          const char *label,
          GtkWidget  *widget)
{
  GtkWidget *caption = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (caption), 1);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), widget);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (GTK_GRID (grid), caption, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), widget, 1, row, 1, 1);
  return widget;
}

GtkWindow *
cosmo_event_editor_show (GtkWindow            *parent,
                         CosmoMission         *mission,
                         CosmoEvent           *event,
                         gboolean              is_new,
                         CosmoEventEditorDone  done,
                         gpointer              user_data)
{
  Editor *editor = g_new0 (Editor, 1);
  const char *categories[COSMO_N_EVENT_CATEGORIES + 1] = { NULL, };
  const char *severities[] = { NULL, NULL, NULL, NULL, NULL };
  GtkWidget *window, *box, *header, *save, *cancel, *grid, *text_view, *scroller, *problem;
  g_autofree char *time_text = cosmo_time_format_mission (cosmo_event_get_time (event), 3);

  for (int c = 0; c < COSMO_N_EVENT_CATEGORIES; c++)
    categories[c] = cosmo_event_category_get_label (c);
  for (int s = 0; s < 4; s++)
    severities[s] = cosmo_severity_get_label (s);

  editor->mission = g_object_ref (mission);
  editor->event = cosmo_event_copy (event);
  editor->done = done;
  editor->user_data = user_data;

  window = adw_window_new ();
  editor->window = GTK_WINDOW (window);
  gtk_window_set_title (GTK_WINDOW (window), is_new ? _("New Note") : _("Edit Event"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, -1);
  g_object_set_data_full (G_OBJECT (window), "editor", editor, (GDestroyNotify) editor_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (on_save), editor);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 18);
  gtk_box_append (GTK_BOX (box), grid);

  editor->title = GTK_EDITABLE (labelled (grid, 0, _("_Title"), gtk_entry_new ()));
  gtk_editable_set_text (editor->title, cosmo_event_get_title (event) ? cosmo_event_get_title (event) : "");
  gtk_entry_set_activates_default (GTK_ENTRY (editor->title), TRUE);
  editor->time = GTK_EDITABLE (labelled (grid, 1, _("T_ime"), gtk_entry_new ()));
  gtk_editable_set_text (editor->time, time_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (editor->time), _("T+118, -60, 09:29:55 (UTC) or 2025-11-27T09:29:55Z"));
  editor->category = GTK_DROP_DOWN (labelled (grid, 2, _("_Category"), gtk_drop_down_new_from_strings (categories)));
  gtk_drop_down_set_selected (editor->category, cosmo_event_get_category (event));
  editor->severity = GTK_DROP_DOWN (labelled (grid, 3, _("S_everity"), gtk_drop_down_new_from_strings (severities)));
  gtk_drop_down_set_selected (editor->severity, cosmo_event_get_severity (event));
  text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  editor->description = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  gtk_text_buffer_set_text (editor->description,
                            cosmo_event_get_description (event) ? cosmo_event_get_description (event) : "", -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), text_view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 100);
  gtk_widget_add_css_class (scroller, "card");
  labelled (grid, 4, _("_Description"), scroller);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Description"), -1);
  editor->source = GTK_EDITABLE (labelled (grid, 5, _("_Source"), gtk_entry_new ()));
  gtk_editable_set_text (editor->source, cosmo_event_get_source (event) ? cosmo_event_get_source (event) : "");
  problem = gtk_label_new (NULL);
  gtk_widget_add_css_class (problem, "error");
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (problem), 0);
  gtk_grid_attach (GTK_GRID (grid), problem, 1, 6, 1, 1);
  editor->problem = GTK_LABEL (problem);

  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_widget (GTK_WINDOW (window), save);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}
