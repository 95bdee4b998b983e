/* cosmo-event-log.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cosmo-event-log.h"

struct _CosmoEventLog
{
  GtkWidget parent_instance;

  CosmoSession *session;
  GtkFilterListModel *filtered;
  GtkCustomFilter *filter;
  CosmoEvent *current_event;
  gboolean hidden[COSMO_N_EVENT_CATEGORIES];
  gboolean syncing_selection;
  gboolean scroll_pending;

  GtkListBox *list;
  GtkScrolledWindow *list_scroller;
  GtkLabel *count_label;
  GtkBox *filter_box;
  GtkLabel *details_title;
  GtkLabel *details_meta;
  GtkLabel *details_time;
  GtkLabel *details_description;
  GtkLabel *details_source;
  GtkWidget *details_box;
  GtkWidget *details_placeholder;
};

G_DEFINE_FINAL_TYPE (CosmoEventLog, cosmo_event_log, GTK_TYPE_WIDGET)

static const char *
category_css_class (CosmoEventCategory category)
{
  switch (category)
    {
    case COSMO_EVENT_CATEGORY_FLIGHT: return "category-flight";
    case COSMO_EVENT_CATEGORY_PAD: return "category-pad";
    case COSMO_EVENT_CATEGORY_STATEMENT: return "category-statement";
    case COSMO_EVENT_CATEGORY_RECOVERY: return "category-recovery";
    case COSMO_EVENT_CATEGORY_SCHEDULE: return "category-schedule";
    case COSMO_EVENT_CATEGORY_NOTE: return "category-note";
    default: return "category-note";
    }
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  CosmoEventLog *self = COSMO_EVENT_LOG (user_data);
  CosmoEvent *event = COSMO_EVENT (item);
  CosmoEventCategory category = cosmo_event_get_category (event);
  CosmoSeverity severity = cosmo_event_get_severity (event);
  g_autofree char *time_text = cosmo_session_format_time (self->session, cosmo_event_get_time (event), 0);
  g_autofree char *accessible = NULL;
  GtkWidget *row, *box, *time_label, *chip, *title;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);

  time_label = gtk_label_new (time_text);
  gtk_label_set_xalign (GTK_LABEL (time_label), 1);
  gtk_label_set_width_chars (GTK_LABEL (time_label), 12);
  gtk_widget_add_css_class (time_label, "numeric");
  gtk_widget_add_css_class (time_label, "event-time");
  gtk_box_append (GTK_BOX (box), time_label);

  chip = gtk_label_new (cosmo_event_category_get_label (category));
  gtk_widget_add_css_class (chip, "category-chip");
  gtk_widget_add_css_class (chip, category_css_class (category));
  gtk_label_set_width_chars (GTK_LABEL (chip), 9);
  gtk_box_append (GTK_BOX (box), chip);

  if (severity >= COSMO_SEVERITY_WARNING)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, severity == COSMO_SEVERITY_CRITICAL ? "error" : "warning");
      gtk_widget_set_tooltip_text (icon, cosmo_severity_get_label (severity));
      gtk_box_append (GTK_BOX (box), icon);
    }

  title = gtk_label_new (cosmo_event_get_title (event));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_tooltip_text (title, cosmo_event_get_title (event));
  gtk_box_append (GTK_BOX (box), title);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "event", g_object_ref (event), g_object_unref);
  if (severity == COSMO_SEVERITY_CRITICAL)
    gtk_widget_add_css_class (row, "critical");

  /* TRANSLATORS: accessible name of an event row: "<time>, <category>, <severity>: <title>" */
  accessible = g_strdup_printf (_("%s, %s, %s: %s"), time_text, cosmo_event_category_get_label (category),
                                cosmo_severity_get_label (severity), cosmo_event_get_title (event));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  if (event == self->current_event)
    gtk_widget_add_css_class (row, "current");

  return row;
}

static CosmoEvent *
row_get_event (GtkListBoxRow *row)
{
  return row ? g_object_get_data (G_OBJECT (row), "event") : NULL;
}

static GtkListBoxRow *
find_row (CosmoEventLog *self,
          CosmoEvent    *event)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  if (event == NULL)
    return NULL;

  /* Runs only when the current or selected event changes; a mission has
   * tens to thousands of rows, so a scan is fine. */
  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, (int) i);

      if (row_get_event (row) == event)
        return row;
    }
  return NULL;
}

static void
scroll_to_row (CosmoEventLog *self,
               GtkListBoxRow *row)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->list_scroller);
  graphene_rect_t bounds;
  double top, page;

  if (row == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->list), &bounds))
    return;

  top = gtk_adjustment_get_value (adj);
  page = gtk_adjustment_get_page_size (adj);
  if (bounds.origin.y < top)
    gtk_adjustment_set_value (adj, bounds.origin.y);
  else if (bounds.origin.y + bounds.size.height > top + page)
    gtk_adjustment_set_value (adj, bounds.origin.y + bounds.size.height - page);
}

static gboolean
scroll_to_current (gpointer data)
{
  g_autoptr(CosmoEventLog) self = data;

  self->scroll_pending = FALSE;
  if (self->session != NULL)
    scroll_to_row (self, find_row (self, self->current_event));
  return G_SOURCE_REMOVE;
}

/* After the next layout: a row added or a list just shown has no bounds
 * yet, and the adjustment its final range only once allocated. */
static void
scroll_to_current_later (CosmoEventLog *self)
{
  if (self->scroll_pending)
    return;
  self->scroll_pending = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, scroll_to_current, g_object_ref (self), NULL);
}

static void
update_details (CosmoEventLog *self)
{
  CosmoEvent *event = self->session ? cosmo_session_get_selected_event (self->session) : NULL;
  CosmoMission *mission = self->session ? cosmo_session_get_mission (self->session) : NULL;
  g_autofree char *mission_time = NULL, *utc = NULL, *site_time = NULL, *times = NULL;
  g_autofree char *meta = NULL, *source = NULL;
  const char *zone_name;

  gtk_widget_set_visible (self->details_box, event != NULL && mission != NULL);
  gtk_widget_set_visible (self->details_placeholder, event == NULL || mission == NULL);
  if (event == NULL || mission == NULL)
    return;

  gtk_label_set_label (self->details_title, cosmo_event_get_title (event));

  /* TRANSLATORS: "<category> · <severity> · <confidence>" */
  meta = g_strdup_printf (_("%s · %s · %s"),
                          cosmo_event_category_get_label (cosmo_event_get_category (event)),
                          cosmo_severity_get_label (cosmo_event_get_severity (event)),
                          cosmo_confidence_get_label (cosmo_event_get_confidence (event)));
  gtk_label_set_label (self->details_meta, meta);

  mission_time = cosmo_time_format_mission (cosmo_event_get_time (event), 0);
  utc = cosmo_time_format_absolute (cosmo_mission_get_t0 (mission), cosmo_event_get_time (event), NULL, 0);
  site_time = cosmo_time_format_absolute (cosmo_mission_get_t0 (mission), cosmo_event_get_time (event),
                                          cosmo_mission_get_time_zone (mission), 0);
  zone_name = cosmo_mission_get_time_zone_name (mission);
  if (cosmo_event_is_range (event))
    {
      g_autofree char *end = cosmo_time_format_mission (cosmo_event_get_end_time (event), 0);
      g_autofree char *end_utc = cosmo_time_format_absolute (cosmo_mission_get_t0 (mission),
                                                             cosmo_event_get_end_time (event), NULL, 0);
      times = g_strdup_printf (_("%s to %s\n%s to %s\n%s (%s)"), mission_time, end, utc, end_utc,
                               site_time, zone_name ? zone_name : _("site time"));
    }
  else
    times = g_strdup_printf ("%s\n%s\n%s (%s)", mission_time, utc, site_time,
                             zone_name ? zone_name : _("site time"));
  gtk_label_set_label (self->details_time, times);

  gtk_label_set_label (self->details_description,
                       cosmo_event_get_description (event) ? cosmo_event_get_description (event) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->details_description), cosmo_event_get_description (event) != NULL);

  if (cosmo_event_get_source_url (event) != NULL)
    {
      g_autofree char *escaped_url = g_markup_escape_text (cosmo_event_get_source_url (event), -1);
      g_autofree char *escaped_name = g_markup_escape_text (cosmo_event_get_source (event), -1);

      source = g_strdup_printf (_("Source: <a href=\"%s\">%s</a>"), escaped_url, escaped_name);
    }
  else
    {
      g_autofree char *escaped_name = g_markup_escape_text (cosmo_event_get_source (event)
                                                              ? cosmo_event_get_source (event) : "", -1);
      source = g_strdup_printf (_("Source: %s"), escaped_name);
    }
  gtk_label_set_markup (self->details_source, source);
}

static void
on_selected_event_changed (CosmoEventLog *self)
{
  CosmoEvent *event = cosmo_session_get_selected_event (self->session);
  GtkListBoxRow *row = find_row (self, event);

  update_details (self);

  if (gtk_list_box_get_selected_row (self->list) == row)
    return;

  self->syncing_selection = TRUE;
  if (row != NULL)
    {
      gtk_list_box_select_row (self->list, row);
      scroll_to_row (self, row);
    }
  else
    gtk_list_box_unselect_all (self->list);
  self->syncing_selection = FALSE;
}

static void
on_row_selected (CosmoEventLog *self,
                 GtkListBoxRow *row)
{
  if (self->syncing_selection || self->session == NULL)
    return;
  cosmo_session_set_selected_event (self->session, row_get_event (row));
}

static void
on_row_activated (CosmoEventLog *self,
                  GtkListBoxRow *row)
{
  CosmoEvent *event = row_get_event (row);

  if (event == NULL || self->session == NULL)
    return;
  cosmo_session_set_selected_event (self->session, event);
  cosmo_clock_seek (cosmo_session_get_clock (self->session), cosmo_event_get_time (event));
}

static void
update_current (CosmoEventLog *self)
{
  CosmoMission *mission = cosmo_session_get_mission (self->session);
  CosmoClock *clock = cosmo_session_get_clock (self->session);
  CosmoEvent *current = NULL;
  GtkListBoxRow *row;

  if (mission != NULL)
    current = cosmo_event_list_get_current (cosmo_mission_get_events (mission), cosmo_clock_get_time (clock));

  if (current == self->current_event)
    return;

  if ((row = find_row (self, self->current_event)) != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "current");
  self->current_event = current;
  if ((row = find_row (self, current)) != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "current");
      /* Follow the replay and jumps (--at, the time field, stepping), but
       * don't yank the list while someone browses it with the keyboard. */
      if (cosmo_clock_get_playing (clock) || gtk_widget_get_focus_child (GTK_WIDGET (self->list)) == NULL)
        scroll_to_current_later (self);
    }
}

static gboolean
filter_event (gpointer item,
              gpointer user_data)
{
  CosmoEventLog *self = user_data;

  return !self->hidden[cosmo_event_get_category (COSMO_EVENT (item))];
}

static void
update_count (CosmoEventLog *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = 0;
  g_autofree char *text = NULL;

  if (self->session && cosmo_session_get_mission (self->session))
    total = cosmo_event_list_get_count (cosmo_mission_get_events (cosmo_session_get_mission (self->session)));
  if (shown == total)
    text = g_strdup_printf (ngettext ("%u event", "%u events", total), total);
  else
    text = g_strdup_printf (_("%u of %u events"), shown, total);
  gtk_label_set_label (self->count_label, text);
}

static void
rebuild (CosmoEventLog *self)
{
  CosmoMission *mission = self->session ? cosmo_session_get_mission (self->session) : NULL;

  self->current_event = NULL;
  gtk_filter_list_model_set_model (self->filtered, mission ? G_LIST_MODEL (cosmo_mission_get_events (mission)) : NULL);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->filtered), create_row, self, NULL);
  if (self->session != NULL && mission != NULL)
    {
      update_current (self);
      on_selected_event_changed (self);
    }
  update_details (self);
  update_count (self);
}

static void
on_category_toggled (GtkCheckButton *button,
                     CosmoEventLog  *self)
{
  int category = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "category"));

  cosmo_event_log_set_category_shown (self, category, gtk_check_button_get_active (button));
}

void
cosmo_event_log_set_category_shown (CosmoEventLog      *self,
                                    CosmoEventCategory  category,
                                    gboolean            shown)
{
  g_return_if_fail (COSMO_IS_EVENT_LOG (self));
  g_return_if_fail (category < COSMO_N_EVENT_CATEGORIES);

  if (self->hidden[category] == !shown)
    return;
  self->hidden[category] = !shown;
  gtk_filter_changed (GTK_FILTER (self->filter), shown ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
  update_count (self);
  if (self->session)
    {
      self->current_event = NULL;
      update_current (self);
    }
}

guint
cosmo_event_log_get_n_rows (CosmoEventLog *self)
{
  g_return_val_if_fail (COSMO_IS_EVENT_LOG (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

GtkListBoxRow *
cosmo_event_log_get_current_row (CosmoEventLog *self)
{
  g_return_val_if_fail (COSMO_IS_EVENT_LOG (self), NULL);
  return find_row (self, self->current_event);
}

void
cosmo_event_log_activate_row (CosmoEventLog *self,
                              guint          position)
{
  GtkListBoxRow *row;

  g_return_if_fail (COSMO_IS_EVENT_LOG (self));

  row = gtk_list_box_get_row_at_index (self->list, (int) position);
  if (row != NULL)
    on_row_activated (self, row);
}

static void
cosmo_event_log_dispose (GObject *object)
{
  CosmoEventLog *self = COSMO_EVENT_LOG (object);

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (cosmo_session_get_clock (self->session), self);
    }
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), COSMO_TYPE_EVENT_LOG);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_object (&self->filtered);

  G_OBJECT_CLASS (cosmo_event_log_parent_class)->dispose (object);
}

static void
cosmo_event_log_class_init (CosmoEventLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cosmo_event_log_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cosmo-event-log.ui");
  gtk_widget_class_bind_template_child (widget_class, CosmoEventLog, list);
  gtk_widget_class_bind_template_child (widget_class, CosmoEventLog, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, CosmoEventLog, count_label);
  gtk_widget_class_bind_template_child (widget_class, CosmoEventLog, filter_box);
  gtk_widget_class_bind_template_child (widget_class, CosmoEventLog, details_title);
  gtk_widget_class_bind_template_child (widget_class, CosmoEventLog, details_meta);
  gtk_widget_class_bind_template_child (widget_class, CosmoEventLog, details_time);
  gtk_widget_class_bind_template_child (widget_class, CosmoEventLog, details_description);
  gtk_widget_class_bind_template_child (widget_class, CosmoEventLog, details_source);
  gtk_widget_class_bind_template_child (widget_class, CosmoEventLog, details_box);
  gtk_widget_class_bind_template_child (widget_class, CosmoEventLog, details_placeholder);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "eventlog");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cosmo_event_log_init (CosmoEventLog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->filter = gtk_custom_filter_new (filter_event, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));

  for (int c = 0; c < COSMO_N_EVENT_CATEGORIES; c++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (cosmo_event_category_get_label (c));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_object_set_data (G_OBJECT (check), "category", GINT_TO_POINTER (c));
      g_signal_connect (check, "toggled", G_CALLBACK (on_category_toggled), self);
      gtk_box_append (self->filter_box, check);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Event log"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Events"), -1);
  update_details (self);
}

GtkWidget *
cosmo_event_log_new (void)
{
  return g_object_new (COSMO_TYPE_EVENT_LOG, NULL);
}

CosmoSession *
cosmo_event_log_get_session (CosmoEventLog *self)
{
  g_return_val_if_fail (COSMO_IS_EVENT_LOG (self), NULL);
  return self->session;
}

void
cosmo_event_log_set_session (CosmoEventLog *self,
                             CosmoSession  *session)
{
  g_return_if_fail (COSMO_IS_EVENT_LOG (self));

  if (self->session == session)
    return;

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (cosmo_session_get_clock (self->session), self);
    }
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::mission", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::time-display", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::selected-event", G_CALLBACK (on_selected_event_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (cosmo_session_get_clock (session), "notify::time", G_CALLBACK (update_current),
                               self, G_CONNECT_SWAPPED);
    }
  rebuild (self);
}
