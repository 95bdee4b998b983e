/* cosmo-chart-stack.c
 *
 * A column of charts, one per chosen channel, sharing the session's
 * visible time range (so zooming a chart zooms the timeline and back),
 * the replay cursor and the hover time. The user picks the channels and
 * their order in a popover; the menu exports the stack as PNG/SVG/PDF.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "cosmo-chart-stack-private.h"
#include "cosmo-chart-stack.h"
#include "cosmo-chart-view.h"

struct _CosmoChartStack
{
  GtkWidget parent_instance;

  CosmoSession *session;
  CosmoClock *clock;

  GtkWidget *toolbar;
  GtkWidget *channels_button;
  GtkWidget *channel_list;
  GtkWidget *menu_button;
  GtkWidget *scroller;
  GtkWidget *charts_box;
  GtkWidget *placeholder;

  GPtrArray *order;             /* every channel (owned refs), user order */
  GHashTable *selected;         /* CosmoChannel* set (borrowed) */
  double hover_time;

  gboolean show_flight_events;
  gboolean show_pad_events;
  gboolean show_statement_events;

  /* Presenting: how many charts fit is only known once the window has
   * its full-screen size, so a tick callback watches for it. */
  guint presentation_tick_id;
  guint built_limit;
};

enum {
  PROP_0,
  PROP_SHOW_FLIGHT_EVENTS,
  PROP_SHOW_PAD_EVENTS,
  PROP_SHOW_STATEMENT_EVENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CosmoChartStack, cosmo_chart_stack, GTK_TYPE_WIDGET)

static void rebuild_channel_list (CosmoChartStack *self);

/* ---- shared state for the views ------------------------------------------ */

static void
for_each_view (CosmoChartStack *self,
               void           (*func) (CosmoChartView *view))
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->charts_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (COSMO_IS_CHART_VIEW (child))
      func (COSMO_CHART_VIEW (child));
}

static void
queue_draw_view (CosmoChartView *view)
{
  gtk_widget_queue_draw (GTK_WIDGET (view));
}

static void
invalidate_all (CosmoChartStack *self)
{
  for_each_view (self, cosmo_chart_view_invalidate);
}

/* A room reads a few big charts, not six small ones; a 720p projector
 * leaves room for two under the map and the caption band. */
static guint
presentation_max_charts (CosmoChartStack *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int height = root != NULL ? gtk_widget_get_height (GTK_WIDGET (root)) : 0;

  return height > 0 && height < 900 ? 2 : 3;
}

static void rebuild_charts (CosmoChartStack *self);

static void
queue_resize_view (CosmoChartView *view)
{
  gtk_widget_queue_resize (GTK_WIDGET (view));
}

static gboolean
presentation_tick (GtkWidget     *widget,
                   GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  CosmoChartStack *self = COSMO_CHART_STACK (widget);

  if (self->session != NULL && cosmo_session_get_mission (self->session) != NULL &&
      presentation_max_charts (self) != self->built_limit)
    rebuild_charts (self);
  return G_SOURCE_CONTINUE;
}

static void
on_presentation_changed (CosmoChartStack *self)
{
  gboolean presenting = _cosmo_chart_stack_get_scale (self) > 1.0;

  if (presenting && self->presentation_tick_id == 0)
    self->presentation_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), presentation_tick, NULL, NULL);
  else if (!presenting && self->presentation_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->presentation_tick_id);
      self->presentation_tick_id = 0;
    }

  /* Bigger type and lines, and taller charts to hold them; the toolbar is
   * chrome a room does not need, and its height goes to the charts. */
  gtk_widget_set_visible (self->toolbar, _cosmo_chart_stack_get_scale (self) == 1.0);
  if (self->session != NULL && cosmo_session_get_mission (self->session) != NULL)
    rebuild_charts (self);
  invalidate_all (self);
  for_each_view (self, queue_resize_view);
}

static guint
event_mask (CosmoChartStack *self)
{
  guint mask = 0;

  if (self->show_flight_events)
    mask |= 1u << COSMO_EVENT_CATEGORY_FLIGHT | 1u << COSMO_EVENT_CATEGORY_RECOVERY;
  if (self->show_pad_events)
    mask |= 1u << COSMO_EVENT_CATEGORY_PAD;
  if (self->show_statement_events)
    mask |= 1u << COSMO_EVENT_CATEGORY_STATEMENT | 1u << COSMO_EVENT_CATEGORY_SCHEDULE |
            1u << COSMO_EVENT_CATEGORY_NOTE;
  return mask;
}

void
_cosmo_chart_stack_fill_spec (CosmoChartStack *self,
                              CosmoChartSpec  *spec)
{
  CosmoMission *mission = self->session ? cosmo_session_get_mission (self->session) : NULL;

  cosmo_chart_spec_init (spec);
  if (self->session != NULL)
    {
      cosmo_session_get_visible_range (self->session, &spec->t_start, &spec->t_end);
      spec->time_display = cosmo_session_get_time_display (self->session);
    }
  if (mission != NULL)
    {
      spec->events = cosmo_mission_get_events (mission);
      spec->t0 = cosmo_mission_get_t0 (mission);
      spec->site_zone = cosmo_mission_get_time_zone (mission);
    }
  spec->event_mask = event_mask (self);
}

double
_cosmo_chart_stack_get_scale (CosmoChartStack *self)
{
  if (self->session != NULL && cosmo_session_get_presentation (self->session))
    return COSMO_SESSION_PRESENTATION_SCALE;
  return 1.0;
}

void
_cosmo_chart_stack_get_style (CosmoChartStack *self,
                              CosmoChartStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  CosmoChartTheme theme = COSMO_CHART_THEME_LIGHT;

  if (adw_style_manager_get_high_contrast (manager) && !adw_style_manager_get_dark (manager))
    theme = COSMO_CHART_THEME_HIGH_CONTRAST;
  else if (adw_style_manager_get_dark (manager))
    theme = COSMO_CHART_THEME_DARK;
  cosmo_chart_style_init (style, theme, _cosmo_chart_stack_get_scale (self));
  /* The widget's own background shows through around the plot. */
  style->background.alpha = 0;
}

double
_cosmo_chart_stack_get_hover_time (CosmoChartStack *self)
{
  return self->hover_time;
}

void
_cosmo_chart_stack_set_hover_time (CosmoChartStack *self,
                                   double           t)
{
  if (self->hover_time == t || (isnan (self->hover_time) && isnan (t)))
    return;
  self->hover_time = t;
  for_each_view (self, queue_draw_view);
}

static void
selected_channels (CosmoChartStack *self,
                   GPtrArray       *out)
{
  for (guint i = 0; i < self->order->len; i++)
    if (g_hash_table_contains (self->selected, g_ptr_array_index (self->order, i)))
      g_ptr_array_add (out, g_ptr_array_index (self->order, i));
}

void
_cosmo_chart_stack_reset_zoom (CosmoChartStack *self)
{
  g_autoptr(GPtrArray) channels = g_ptr_array_new ();
  double start, end;

  for_each_view (self, cosmo_chart_view_reset_values);
  if (self->session == NULL)
    return;
  selected_channels (self, channels);
  if (cosmo_chart_channels_extent ((CosmoChannel **) channels->pdata, channels->len, &start, &end))
    cosmo_session_set_visible_range (self->session, start, end);
}

/* ---- the charts ------------------------------------------------------------ */

static guint
mission_index (CosmoChartStack *self,
               CosmoChannel    *channel)
{
  GListModel *all = cosmo_mission_get_channels (cosmo_session_get_mission (self->session));

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CosmoChannel) c = g_list_model_get_item (all, i);
      if (c == channel)
        return i;
    }
  return 0;
}

static void
rebuild_charts (CosmoChartStack *self)
{
  g_autoptr(GPtrArray) channels = g_ptr_array_new ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->charts_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->charts_box), child);

  selected_channels (self, channels);
  /* Presenting: the first ones chosen (the key traces by default); the
   * rest come back after. */
  self->built_limit = presentation_max_charts (self);
  if (_cosmo_chart_stack_get_scale (self) > 1.0 && channels->len > self->built_limit)
    g_ptr_array_set_size (channels, self->built_limit);
  for (guint i = 0; i < channels->len; i++)
    {
      CosmoChannel *channel = g_ptr_array_index (channels, i);
      /* Colours follow the channel, not its place, so reordering keeps them. */
      GtkWidget *view = cosmo_chart_view_new (self, channel, mission_index (self, channel));

      cosmo_chart_view_set_position (COSMO_CHART_VIEW (view), i == 0, i + 1 == channels->len);
      gtk_box_append (GTK_BOX (self->charts_box), view);
    }

  gtk_widget_set_visible (self->scroller, channels->len > 0);
  gtk_widget_set_visible (self->placeholder, channels->len == 0);
  gtk_label_set_text (GTK_LABEL (self->placeholder),
                      self->order->len == 0 ? _("This mission has no sensor channels")
                                            : _("No channels chosen — pick some with the Channels button"));
  gtk_widget_set_sensitive (self->channels_button, self->order->len > 0);
}

static void
on_channel_toggled (GtkCheckButton  *button,
                    CosmoChartStack *self)
{
  CosmoChannel *channel = g_object_get_data (G_OBJECT (button), "channel");

  if (gtk_check_button_get_active (button))
    g_hash_table_add (self->selected, channel);
  else
    g_hash_table_remove (self->selected, channel);
  rebuild_charts (self);
}

static void
move_channel (CosmoChartStack *self,
              CosmoChannel    *channel,
              int              delta)
{
  guint index;
  int to;

  if (!g_ptr_array_find (self->order, channel, &index))
    return;
  to = (int) index + delta;
  if (to < 0 || to >= (int) self->order->len)
    return;
  self->order->pdata[index] = self->order->pdata[to];
  self->order->pdata[to] = channel;
  rebuild_charts (self);
  rebuild_channel_list (self);
}

static void
on_up_clicked (GtkButton       *button,
               CosmoChartStack *self)
{
  move_channel (self, g_object_get_data (G_OBJECT (button), "channel"), -1);
}

static void
on_down_clicked (GtkButton       *button,
                 CosmoChartStack *self)
{
  move_channel (self, g_object_get_data (G_OBJECT (button), "channel"), +1);
}

static void
rebuild_channel_list (CosmoChartStack *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->channel_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->channel_list), child);

  for (guint i = 0; i < self->order->len; i++)
    {
      CosmoChannel *channel = g_ptr_array_index (self->order, i);
      const char *unit = cosmo_channel_get_unit (channel);
      g_autofree char *label = unit && *unit
        ? g_strdup_printf ("%s (%s)", cosmo_channel_get_name (channel), unit)
        : g_strdup (cosmo_channel_get_name (channel));
      g_autofree char *up_name = g_strdup_printf (_("Move %s up"), cosmo_channel_get_name (channel));
      g_autofree char *down_name = g_strdup_printf (_("Move %s down"), cosmo_channel_get_name (channel));
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *check = gtk_check_button_new_with_label (label);
      GtkWidget *group = gtk_label_new (cosmo_channel_get_group (channel));
      GtkWidget *up = gtk_button_new_from_icon_name ("go-up-symbolic");
      GtkWidget *down = gtk_button_new_from_icon_name ("go-down-symbolic");

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->selected, channel));
      gtk_widget_set_hexpand (check, TRUE);
      g_object_set_data (G_OBJECT (check), "channel", channel);
      g_signal_connect (check, "toggled", G_CALLBACK (on_channel_toggled), self);
      gtk_widget_add_css_class (group, "dim-label");
      gtk_widget_add_css_class (group, "caption");

      for (guint k = 0; k < 2; k++)
        {
          GtkWidget *button = k == 0 ? up : down;
          gtk_widget_add_css_class (button, "flat");
          g_object_set_data (G_OBJECT (button), "channel", channel);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          k == 0 ? up_name : down_name, -1);
          gtk_widget_set_tooltip_text (button, k == 0 ? _("Move up") : _("Move down"));
        }
      gtk_widget_set_sensitive (up, i > 0);
      gtk_widget_set_sensitive (down, i + 1 < self->order->len);
      g_signal_connect (up, "clicked", G_CALLBACK (on_up_clicked), self);
      g_signal_connect (down, "clicked", G_CALLBACK (on_down_clicked), self);

      gtk_box_append (GTK_BOX (row), check);
      gtk_box_append (GTK_BOX (row), group);
      gtk_box_append (GTK_BOX (row), up);
      gtk_box_append (GTK_BOX (row), down);
      gtk_list_box_append (GTK_LIST_BOX (self->channel_list), row);
    }
}

static void
reload_channels (CosmoChartStack *self)
{
  CosmoMission *mission = self->session ? cosmo_session_get_mission (self->session) : NULL;

  g_ptr_array_set_size (self->order, 0);
  g_hash_table_remove_all (self->selected);

  if (mission != NULL)
    {
      GListModel *all = cosmo_mission_get_channels (mission);
      g_autoptr(GPtrArray) defaults = cosmo_chart_default_channels (mission);

      /* The default choice first, in its order, then the rest. */
      for (guint i = 0; i < defaults->len; i++)
        {
          g_ptr_array_add (self->order, g_object_ref (g_ptr_array_index (defaults, i)));
          g_hash_table_add (self->selected, g_ptr_array_index (defaults, i));
        }
      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        {
          g_autoptr(CosmoChannel) c = g_list_model_get_item (all, i);
          if (!g_hash_table_contains (self->selected, c))
            g_ptr_array_add (self->order, g_object_ref (c));
        }
    }

  rebuild_channel_list (self);
  rebuild_charts (self);
}

/* ---- session ----------------------------------------------------------- */

static void
on_range_changed (CosmoChartStack *self)
{
  invalidate_all (self);
}

static void
on_time_changed (CosmoChartStack *self)
{
  /* Only the cursor moves: the cached traces stay. */
  for_each_view (self, queue_draw_view);
}

static void
set_clock (CosmoChartStack *self,
           CosmoClock      *clock)
{
  if (self->clock == clock)
    return;
  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  g_set_object (&self->clock, clock);
  if (clock != NULL)
    g_signal_connect_object (clock, "notify::time", G_CALLBACK (on_time_changed), self, G_CONNECT_SWAPPED);
}

/* ---- export ------------------------------------------------------------ */

static void
show_error (CosmoChartStack *self,
            const char      *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Could Not Export the Charts"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
cosmo_chart_stack_export (CosmoChartStack  *self,
                          const char       *path,
                          int               width,
                          int               height,
                          GError          **error)
{
  g_autoptr(GPtrArray) channels = g_ptr_array_new ();
  CosmoChartStyle style;
  CosmoChartSpec spec;
  double cursor = NAN;

  g_return_val_if_fail (COSMO_IS_CHART_STACK (self), FALSE);

  selected_channels (self, channels);
  _cosmo_chart_stack_fill_spec (self, &spec);
  spec.channels = (CosmoChannel **) channels->pdata;
  spec.n_channels = channels->len;
  if (self->clock != NULL)
    cursor = cosmo_clock_get_time (self->clock);
  /* Exports go into documents and slides: always the light style. */
  cosmo_chart_style_init (&style, COSMO_CHART_THEME_LIGHT, MAX (1.0, MIN (width / 1920.0, height / 1080.0)));
  return cosmo_chart_export (path, &spec, &style, width, height, cursor, error);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    CosmoChartStack *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        show_error (self, _("Choose a local file."));
      else
        {
          g_autofree char *lower = g_ascii_strdown (path, -1);

          /* No extension typed: PNG. */
          if (!g_str_has_suffix (lower, ".png") && !g_str_has_suffix (lower, ".svg") &&
              !g_str_has_suffix (lower, ".pdf"))
            {
              char *with = g_strconcat (path, ".png", NULL);
              g_free (path);
              path = with;
            }
          if (!cosmo_chart_stack_export (self, path, 1920, 1080, &error))
            show_error (self, error->message);
        }
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CosmoChartStack *self = COSMO_CHART_STACK (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  const char *const patterns[][2] = { { "*.png", N_("PNG image") }, { "*.svg", N_("SVG drawing") },
                                      { "*.pdf", N_("PDF document") } };

  chooser = gtk_file_chooser_native_new (_("Export Charts"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "charts.png");
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _(patterns[i][1]));
      gtk_file_filter_add_pattern (filter, patterns[i][0]);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      g_object_unref (filter);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
reset_zoom_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _cosmo_chart_stack_reset_zoom (COSMO_CHART_STACK (widget));
}

/* ---- object ------------------------------------------------------------ */

static void
cosmo_chart_stack_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CosmoChartStack *self = COSMO_CHART_STACK (object);

  switch (prop_id)
    {
    case PROP_SHOW_FLIGHT_EVENTS: g_value_set_boolean (value, self->show_flight_events); break;
    case PROP_SHOW_PAD_EVENTS: g_value_set_boolean (value, self->show_pad_events); break;
    case PROP_SHOW_STATEMENT_EVENTS: g_value_set_boolean (value, self->show_statement_events); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cosmo_chart_stack_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CosmoChartStack *self = COSMO_CHART_STACK (object);
  gboolean *field;

  switch (prop_id)
    {
    case PROP_SHOW_FLIGHT_EVENTS: field = &self->show_flight_events; break;
    case PROP_SHOW_PAD_EVENTS: field = &self->show_pad_events; break;
    case PROP_SHOW_STATEMENT_EVENTS: field = &self->show_statement_events; break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec); return;
    }
  if (*field == g_value_get_boolean (value))
    return;
  *field = g_value_get_boolean (value);
  invalidate_all (self);
  g_object_notify_by_pspec (object, pspec);
}

static void
cosmo_chart_stack_dispose (GObject *object)
{
  CosmoChartStack *self = (CosmoChartStack *) object;
  GtkWidget *child;

  set_clock (self, NULL);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_clear_pointer (&self->selected, g_hash_table_unref);

  G_OBJECT_CLASS (cosmo_chart_stack_parent_class)->dispose (object);
}

static void
cosmo_chart_stack_class_init (CosmoChartStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cosmo_chart_stack_dispose;
  object_class->get_property = cosmo_chart_stack_get_property;
  object_class->set_property = cosmo_chart_stack_set_property;

  properties[PROP_SHOW_FLIGHT_EVENTS] =
    g_param_spec_boolean ("show-flight-events", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_PAD_EVENTS] =
    g_param_spec_boolean ("show-pad-events", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_STATEMENT_EVENTS] =
    g_param_spec_boolean ("show-statement-events", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "chart.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "chart.reset-zoom", NULL, reset_zoom_action);
  gtk_widget_class_install_property_action (widget_class, "chart.flight-events", "show-flight-events");
  gtk_widget_class_install_property_action (widget_class, "chart.pad-events", "show-pad-events");
  gtk_widget_class_install_property_action (widget_class, "chart.statement-events", "show-statement-events");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cosmo-chart-stack");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cosmo_chart_stack_init (CosmoChartStack *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) events = g_menu_new ();
  GtkWidget *title, *popover, *scroll, *box;

  self->order = g_ptr_array_new_with_free_func (g_object_unref);
  self->selected = g_hash_table_new (NULL, NULL);
  self->hover_time = NAN;
  self->show_flight_events = self->show_pad_events = self->show_statement_events = TRUE;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sensor charts"), -1);

  /* A slim bar: what this is, which channels, and the menu. */
  self->toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_widget_set_margin_start (self->toolbar, 8);
  gtk_widget_set_margin_end (self->toolbar, 4);
  gtk_widget_set_margin_top (self->toolbar, 2);
  title = gtk_label_new (_("Charts"));
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (self->toolbar), title);

  self->channel_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->channel_list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->channel_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Channels to chart, in order"), -1);
  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroll), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroll), 420);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), self->channel_list);
  popover = gtk_popover_new ();
  gtk_widget_set_size_request (scroll, 320, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), scroll);

  self->channels_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->channels_button), _("Channels"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->channels_button), popover);
  gtk_widget_add_css_class (self->channels_button, "flat");
  gtk_widget_set_tooltip_text (self->channels_button, _("Choose the channels to chart and their order"));
  gtk_box_append (GTK_BOX (self->toolbar), self->channels_button);

  g_menu_append (menu, _("_Export Charts…"), "chart.export");
  g_menu_append (menu, _("_Reset Zoom"), "chart.reset-zoom");
  g_menu_append (events, _("_Flight Events"), "chart.flight-events");
  g_menu_append (events, _("_Pad Events"), "chart.pad-events");
  g_menu_append (events, _("_Statements and Notes"), "chart.statement-events");
  g_menu_append_section (menu, _("Event Lines"), G_MENU_MODEL (events));
  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), G_MENU_MODEL (menu));
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_set_tooltip_text (self->menu_button, _("Chart menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart menu"), -1);
  gtk_box_append (GTK_BOX (self->toolbar), self->menu_button);
  gtk_widget_set_parent (self->toolbar, GTK_WIDGET (self));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_set_homogeneous (GTK_BOX (box), FALSE);
  self->charts_box = box;
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), box);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  self->placeholder = gtk_label_new (_("This mission has no sensor channels"));
  gtk_widget_add_css_class (self->placeholder, "dim-label");
  gtk_widget_set_vexpand (self->placeholder, TRUE);
  gtk_label_set_wrap (GTK_LABEL (self->placeholder), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->placeholder), GTK_JUSTIFY_CENTER);
  gtk_widget_set_parent (self->placeholder, GTK_WIDGET (self));
  gtk_widget_set_visible (self->scroller, FALSE);
  gtk_widget_set_sensitive (self->channels_button, FALSE);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (invalidate_all), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (invalidate_all), self, G_CONNECT_SWAPPED);
}

GtkWidget *
cosmo_chart_stack_new (void)
{
  return g_object_new (COSMO_TYPE_CHART_STACK, NULL);
}

CosmoSession *
cosmo_chart_stack_get_session (CosmoChartStack *self)
{
  g_return_val_if_fail (COSMO_IS_CHART_STACK (self), NULL);
  return self->session;
}

void
cosmo_chart_stack_set_session (CosmoChartStack *self,
                               CosmoSession    *session)
{
  g_return_if_fail (COSMO_IS_CHART_STACK (self));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  set_clock (self, session ? cosmo_session_get_clock (session) : NULL);

  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::mission", G_CALLBACK (reload_channels), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::visible-start", G_CALLBACK (on_range_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::visible-end", G_CALLBACK (on_range_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::time-display", G_CALLBACK (on_range_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::presentation", G_CALLBACK (on_presentation_changed), self,
                               G_CONNECT_SWAPPED);
    }
  on_presentation_changed (self);
  reload_channels (self);
}

GPtrArray *
cosmo_chart_stack_get_channels (CosmoChartStack *self)
{
  GPtrArray *out = g_ptr_array_new ();

  g_return_val_if_fail (COSMO_IS_CHART_STACK (self), out);
  selected_channels (self, out);
  return out;
}
