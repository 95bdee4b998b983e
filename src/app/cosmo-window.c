/* cosmo-window.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cosmo-application.h"
#include "cosmo-chart-stack.h"
#include "cosmo-editing.h"
#include "cosmo-event-log.h"
#include "cosmo-map-view.h"
#include "cosmo-mission-loader.h"
#include "cosmo-replay-actions.h"
#include "cosmo-settings.h"
#include "cosmo-timeline.h"
#include "cosmo-transport-bar.h"
#include "cosmo-window.h"
#include "cosmo-export-dialogs.h"
#include "cosmo-kiosk.h"
#include "cosmo-presentation.h"

struct _CosmoWindow
{
  AdwApplicationWindow parent_instance;

  CosmoSession *session;
  GCancellable *cancellable;
  GFile *loading_folder;

  /* start options */
  char *start_at;
  char *start_range;
  char *screenshot_path;
  double start_rate;
  gboolean has_start_rate;
  guint screenshot_frames;
  int screenshot_width;
  int screenshot_height;
  guint screenshot_timeout_id;
  GdkTexture *screenshot_texture;
  gulong after_paint_id;

  /* template children */
  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwStatusPage *error_page;
  GtkLabel *loading_label;
  CosmoMapView *map_view;
  GtkPaned *side_paned;
  GtkPaned *views_paned;
  gboolean panes_placed;
  CosmoChartStack *chart_stack;
  CosmoEventLog *event_log;
  CosmoTimeline *timeline;
  CosmoTransportBar *transport_bar;
  GMenu *recent_section;

  /* presentation mode and kiosk (cosmo-presentation.c, cosmo-kiosk.c) */
  GtkRevealer *header_revealer;
  CosmoCaptionBand *caption_band;
  gboolean start_present;
  gboolean start_kiosk;
};

G_DEFINE_FINAL_TYPE (CosmoWindow, cosmo_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void take_screenshot_when_drawn (CosmoWindow *self);

void
cosmo_window_toast (CosmoWindow *self,
                    const char  *message)
{
  g_return_if_fail (COSMO_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
update_title (CosmoWindow *self)
{
  CosmoMission *mission = cosmo_session_get_mission (self->session);
  g_autofree char *subtitle = NULL;

  if (mission == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Cosmodrome"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Cosmodrome"));
      return;
    }

  {
    g_autoptr(GDateTime) local = g_date_time_to_timezone (cosmo_mission_get_t0 (mission),
                                                          cosmo_mission_get_time_zone (mission));
    g_autofree char *date = g_date_time_format (local, "%x");
    CosmoSite *site = cosmo_mission_get_primary_site (mission);

    if (site != NULL)
      /* TRANSLATORS: window subtitle: "<date> · <launch site>" */
      subtitle = g_strdup_printf (_("%s · %s"), date, cosmo_site_get_name (site));
    else
      subtitle = g_steal_pointer (&date);
  }

  adw_window_title_set_title (self->window_title, cosmo_mission_get_title (mission));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), cosmo_mission_get_title (mission));
}

static void
apply_start_time (CosmoWindow *self)
{
  CosmoMission *mission = cosmo_session_get_mission (self->session);
  CosmoClock *clock = cosmo_session_get_clock (self->session);
  g_autoptr(GError) error = NULL;
  double t;

  if (self->has_start_rate)
    cosmo_clock_set_rate (clock, self->start_rate);

  if (self->start_range != NULL)
    {
      double start, end;

      if (cosmo_parse_time_range (self->start_range, cosmo_mission_get_t0 (mission), &start, &end, &error))
        cosmo_session_set_visible_range (self->session, start, end);
      else
        {
          g_printerr ("cosmodrome: %s\n", error->message);
          cosmo_window_toast (self, error->message);
          g_clear_error (&error);
        }
      g_clear_pointer (&self->start_range, g_free);
    }

  if (self->start_at == NULL)
    return;

  if (cosmo_time_parse (self->start_at, cosmo_mission_get_t0 (mission), &t, &error))
    {
      double start, end, span;

      cosmo_clock_seek (clock, t);
      /* Keep the time in view: centre the visible range on it if it is outside. */
      cosmo_session_get_visible_range (self->session, &start, &end);
      span = end - start;
      if (t < start || t > end)
        cosmo_session_set_visible_range (self->session, t - span / 2, t + span / 2);
    }
  else
    {
      g_autofree char *message = g_strdup_printf ("--at: %s", error->message);
      g_printerr ("cosmodrome: %s\n", message);
      cosmo_window_toast (self, message);
    }

  g_clear_pointer (&self->start_at, g_free);
}

static void
show_load_errors (CosmoWindow  *self,
                  GFile        *folder,
                  const GError *error)
{
  g_autofree char *name = g_file_get_basename (folder);
  g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);
  guint n = g_strv_length (lines);
  g_autofree char *toast = NULL;
  GtkWidget *dialog;
  g_autoptr(GString) body = g_string_new (NULL);

  for (guint i = 0; i < n && i < 12; i++)
    g_string_append_printf (body, "%s%s", i ? "\n" : "", lines[i]);
  if (n > 12)
    g_string_append_printf (body, "\n%s", _("…"));

  if (n > 1)
    toast = g_strdup_printf (ngettext ("Could not open “%s”: %u problem", "Could not open “%s”: %u problems", n), name, n);
  else
    toast = g_strdup_printf (_("Could not open “%s”: %s"), name, lines[0]);
  cosmo_window_toast (self, toast);

  if (cosmo_session_get_mission (self->session) == NULL)
    {
      /* Nothing loaded yet: the window itself says what went wrong. */
      adw_status_page_set_title (self->error_page, _("The mission could not be opened"));
      adw_status_page_set_description (self->error_page, body->str);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      return;
    }

  /* A mission is open and stays open: say why the other one did not load. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Could not open “%s”"), name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Recent missions and last-mission: what the user opened, not what a
 * --screenshot run or the bundled default showed. */
static void
remember_mission (CosmoWindow *self,
                  GFile       *folder)
{
  g_autoptr(GFile) bundled = cosmo_application_get_bundled_mission ();

  if (self->screenshot_path != NULL || folder == NULL || g_file_equal (folder, bundled))
    return;
  cosmo_settings_add_recent_mission (folder);
}

static void
update_recent_menu (CosmoWindow *self)
{
  g_autoptr(GMenu) submenu = g_menu_new ();

  cosmo_settings_fill_recent_menu (submenu);
  g_menu_remove_all (self->recent_section);
  if (g_menu_model_get_n_items (G_MENU_MODEL (submenu)) > 0)
    g_menu_append_submenu (self->recent_section, _("Open _Recent"), G_MENU_MODEL (submenu));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GFile) folder = g_file_new_for_path (g_variant_get_string (param, NULL));

  cosmo_window_open (COSMO_WINDOW (widget), folder);
}

/* Drop a mission folder, its mission.json or one of its data files. */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CosmoWindow   *self)
{
  GFile *file = NULL;
  g_autoptr(GFile) folder = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      if (files != NULL)
        file = files->data;
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);

  if (file == NULL)
    return FALSE;

  folder = cosmo_settings_mission_folder_for (file);
  cosmo_window_open (self, folder);
  return TRUE;
}

static gboolean
on_close_request (CosmoWindow *self)
{
  if (self->screenshot_path == NULL)
    cosmo_settings_save_window_state (GTK_WINDOW (self));
  return FALSE;
}

static void
on_mission_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CosmoWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoMission) mission = cosmo_mission_load_finish (result, &error);
  g_autoptr(GFile) folder = g_steal_pointer (&self->loading_folder);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (mission == NULL)
    {
      g_message ("%s", error->message);
      show_load_errors (self, folder, error);
      if (self->screenshot_path != NULL)
        take_screenshot_when_drawn (self);
      return;
    }

  cosmo_session_set_mission (self->session, mission);
  update_title (self);
  remember_mission (self, folder);
  apply_start_time (self);
  if (self->start_kiosk)
    cosmo_kiosk_start (GTK_WINDOW (self));
  else if (self->start_present)
    cosmo_presentation_set_active (cosmo_presentation_get_for_window (GTK_WINDOW (self)), TRUE);
  self->start_kiosk = self->start_present = FALSE;
  gtk_stack_set_visible_child_name (self->main_stack, "mission");

  if (self->screenshot_path != NULL)
    take_screenshot_when_drawn (self);
}

void
cosmo_window_open (CosmoWindow *self,
                   GFile       *folder)
{
  g_autofree char *name = NULL;

  g_return_if_fail (COSMO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (folder));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->loading_folder, folder);

  name = g_file_get_basename (folder);
  if (cosmo_session_get_mission (self->session) == NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Opening “%s”…"), name);
      gtk_label_set_label (self->loading_label, label);
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
    }

  cosmo_mission_load_async (folder, self->cancellable, on_mission_loaded, g_object_ref (self));
}

gboolean
cosmo_window_get_loading (CosmoWindow *self)
{
  g_return_val_if_fail (COSMO_IS_WINDOW (self), FALSE);
  return self->loading_folder != NULL;
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  CosmoWindow *self = COSMO_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      /* Accept the folder, or its mission.json. */
      if (file != NULL)
        {
          g_autofree char *base = g_file_get_basename (file);

          if (g_strcmp0 (base, "mission.json") == 0)
            {
              g_autoptr(GFile) parent = g_file_get_parent (file);
              cosmo_window_open (self, parent);
            }
          else
            cosmo_window_open (self, file);
        }
    }

  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CosmoWindow *self = COSMO_WINDOW (widget);
  GtkFileChooserNative *chooser;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  chooser = gtk_file_chooser_native_new (_("Open Mission Package"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
open_bundled_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  g_autoptr(GFile) folder = cosmo_application_get_bundled_mission ();

  cosmo_window_open (COSMO_WINDOW (widget), folder);
}

/* --screenshot: wait until the mission is shown and a few frames have been
 * painted (so views that fill in over a frame or two are complete), then
 * render the window to a PNG and quit. */
/* The widget paintable reuses the window's last render node, which any
 * gtk_widget_queue_draw() drops: capture right after a paint, save later. */
static void
capture_screenshot (CosmoWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (self));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      /* The paintable reuses the widget's cached render node, which GTK may
       * have dropped since the last frame: draw the window afresh instead. */
      GtkSnapshot *fresh = gtk_snapshot_new ();

      GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, fresh);
      node = gtk_snapshot_free_to_node (fresh);
    }
  if (node != NULL && self->screenshot_texture == NULL)
    self->screenshot_texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
save_screenshot (CosmoWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int status = 0;

  capture_screenshot (self);
  texture = g_steal_pointer (&self->screenshot_texture);

  if (texture == NULL || !gdk_texture_save_to_png (texture, self->screenshot_path))
    {
      g_printerr (_("cosmodrome: could not write the screenshot to %s\n"), self->screenshot_path);
      status = 1;
    }
  else
    g_print ("%s: %dx%d\n", self->screenshot_path, width, height);

  g_clear_pointer (&self->screenshot_path, g_free);
  g_application_set_default (NULL);
  if (status != 0)
    g_object_set_data (G_OBJECT (gtk_window_get_application (GTK_WINDOW (self))), "exit-status",
                       GINT_TO_POINTER (status));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_after_paint (GdkFrameClock *frame_clock,
                CosmoWindow   *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  /* The toplevel may reserve a frame around the widget; grow the window by
   * that much so the picture is exactly the size asked for. */
  if (width != self->screenshot_width || height != self->screenshot_height)
    {
      int default_width, default_height;

      gtk_window_get_default_size (GTK_WINDOW (self), &default_width, &default_height);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   default_width + self->screenshot_width - width,
                                   default_height + self->screenshot_height - height);
      self->screenshot_frames = 0;
      gtk_widget_queue_resize (GTK_WIDGET (self));
      return;
    }

  /* Three painted frames: layout settles, then views draw what arrived. */
  if (++self->screenshot_frames < 3 || cosmo_window_get_loading (self))
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  if (!cosmo_map_view_get_ready (self->map_view) || gtk_stack_get_transition_running (self->main_stack))
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  g_clear_signal_handler (&self->after_paint_id, frame_clock);
  g_clear_handle_id (&self->screenshot_timeout_id, g_source_remove);
  capture_screenshot (self);
  g_idle_add_once ((GSourceOnceFunc) save_screenshot, self);
}

static gboolean
screenshot_timeout (gpointer data)
{
  CosmoWindow *self = data;
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  /* Never hang a script: take what is there after 20 s. */
  self->screenshot_timeout_id = 0;
  if (frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, frame_clock);
  g_printerr ("cosmodrome: --screenshot: the window was not complete after 20 s; saving it as it is\n");
  save_screenshot (self);
  return G_SOURCE_REMOVE;
}

static void
take_screenshot_when_drawn (CosmoWindow *self)
{
  GdkFrameClock *frame_clock;

  if (!gtk_widget_get_realized (GTK_WIDGET (self)))
    {
      g_signal_connect_swapped (self, "realize", G_CALLBACK (take_screenshot_when_drawn), self);
      return;
    }
  g_signal_handlers_disconnect_by_func (self, take_screenshot_when_drawn, self);

  if (self->after_paint_id != 0)
    return;

  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  self->screenshot_frames = 0;
  self->after_paint_id = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint), self);
  self->screenshot_timeout_id = g_timeout_add_seconds (20, screenshot_timeout, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cosmo_window_apply_start_options (CosmoWindow             *self,
                                  const CosmoStartOptions *options)
{
  g_return_if_fail (COSMO_IS_WINDOW (self));

  g_free (self->start_at);
  self->start_at = g_strdup (options->at);
  g_free (self->start_range);
  self->start_range = g_strdup (options->range);
  self->start_rate = options->rate;
  self->has_start_rate = options->has_rate;
  self->start_present = options->present;
  self->start_kiosk = options->kiosk;
  if (options->kiosk)
    {
      /* Nothing a visitor can reach opens a file chooser, even before the
       * mission has loaded or if it fails to. */
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-bundled", FALSE);
    }

  if (options->width > 0 && options->height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), options->width, options->height);

  if (options->screenshot_path != NULL)
    {
      self->screenshot_path = g_strdup (options->screenshot_path);
      self->screenshot_width = options->width > 0 ? options->width : 1920;
      self->screenshot_height = options->height > 0 ? options->height : 1080;
      gtk_window_unmaximize (GTK_WINDOW (self));
      gtk_window_set_default_size (GTK_WINDOW (self), self->screenshot_width, self->screenshot_height);
      /* No client-side frame around the picture, so a 1920x1080 window fits
       * a 1920x1080 screen. */
      gtk_window_set_decorated (GTK_WINDOW (self), FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (self), "screenshot");
    }
}

CosmoSession *
cosmo_window_get_session (CosmoWindow *self)
{
  g_return_val_if_fail (COSMO_IS_WINDOW (self), NULL);
  return self->session;
}

static void
cosmo_window_dispose (GObject *object)
{
  CosmoWindow *self = COSMO_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->screenshot_timeout_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (cosmo_settings_get_default (), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), COSMO_TYPE_WINDOW);

  G_OBJECT_CLASS (cosmo_window_parent_class)->dispose (object);
}

static void
cosmo_window_finalize (GObject *object)
{
  CosmoWindow *self = COSMO_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->loading_folder);
  g_clear_object (&self->screenshot_texture);
  g_clear_object (&self->session);
  g_clear_pointer (&self->start_at, g_free);
  g_clear_pointer (&self->start_range, g_free);
  g_clear_pointer (&self->screenshot_path, g_free);

  G_OBJECT_CLASS (cosmo_window_parent_class)->finalize (object);
}

static void
cosmo_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CosmoWindow *self = COSMO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean place_panes_idle (gpointer data);

/* Place the panes once the window has a size: the event log gets about a
 * quarter of the width (wide enough for titles on a projector, narrow
 * enough to leave the map room on a small laptop), the map a little more
 * than half of the height. After that the panes are the user's. */
static void
place_panes (CosmoWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->side_paned));
  int height = gtk_widget_get_height (GTK_WIDGET (self->views_paned));
  int sidebar;

  /* The first allocations can come before the window has its real size. */
  if (self->panes_placed || width <= 0 || height <= 0 ||
      width < gtk_widget_get_width (GTK_WIDGET (self)) * 9 / 10)
    return;

  self->panes_placed = TRUE;
  sidebar = CLAMP (width / 4, 300, 500);
  gtk_paned_set_position (self->side_paned, width - sidebar);
  gtk_paned_set_position (self->views_paned, height * 11 / 20);
}

static gboolean
place_panes_idle (gpointer data)
{
  place_panes (COSMO_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Allocation is still running when max-position changes; measure after it. */
static void
queue_place_panes (CosmoWindow *self)
{
  if (!self->panes_placed)
    g_idle_add_full (G_PRIORITY_HIGH_IDLE, (GSourceFunc) G_SOURCE_FUNC (place_panes_idle),
                     g_object_ref (self), g_object_unref);
}

/* In a room the pictures matter and the presenter steps with keys or a
 * clicker: give the map, charts and timeline the whole screen. */
static void
on_presentation_changed (CosmoWindow *self)
{
  gboolean presenting = cosmo_session_get_presentation (self->session);

  gtk_widget_set_visible (GTK_WIDGET (self->event_log), !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->transport_bar), !presenting);
}

static void
cosmo_window_class_init (CosmoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cosmo_window_dispose;
  object_class->finalize = cosmo_window_finalize;
  object_class->get_property = cosmo_window_get_property;

  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, COSMO_TYPE_SESSION,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (COSMO_TYPE_MAP_VIEW);
  g_type_ensure (COSMO_TYPE_CHART_STACK);
  g_type_ensure (COSMO_TYPE_EVENT_LOG);
  g_type_ensure (COSMO_TYPE_TIMELINE);
  g_type_ensure (COSMO_TYPE_TRANSPORT_BAR);
  g_type_ensure (COSMO_TYPE_CAPTION_BAND);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cosmo-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CosmoWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CosmoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CosmoWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CosmoWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CosmoWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, CosmoWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, CosmoWindow, side_paned);
  gtk_widget_class_bind_template_child (widget_class, CosmoWindow, views_paned);
  gtk_widget_class_bind_template_child (widget_class, CosmoWindow, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, CosmoWindow, event_log);
  gtk_widget_class_bind_template_child (widget_class, CosmoWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, CosmoWindow, transport_bar);
  gtk_widget_class_bind_template_child (widget_class, CosmoWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, CosmoWindow, header_revealer);
  gtk_widget_class_bind_template_child (widget_class, CosmoWindow, caption_band);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", NULL, open_bundled_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  cosmo_presentation_install_actions (widget_class);
  cosmo_export_dialogs_install_actions (widget_class);
}

static void
cosmo_window_init (CosmoWindow *self)
{
  self->session = cosmo_session_new ();
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->session, "notify::presentation", G_CALLBACK (on_presentation_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->side_paned, "notify::max-position", G_CALLBACK (queue_place_panes), self,
                           G_CONNECT_SWAPPED);

  /* Every view observes the one session; none of them knows the others. */
  cosmo_map_view_set_session (self->map_view, self->session);
  cosmo_chart_stack_set_session (self->chart_stack, self->session);
  cosmo_event_log_set_session (self->event_log, self->session);
  cosmo_timeline_set_session (self->timeline, self->session);
  cosmo_transport_bar_set_session (self->transport_bar, self->session);
  /* replay.* actions and their keyboard shortcuts, on the window. */
  cosmo_replay_actions_install (GTK_WIDGET (self), self->session);
  /* F5 presentation mode: its clicker keys take precedence while active. */
  cosmo_presentation_attach (GTK_WINDOW (self), self->session, self->header_revealer, self->caption_band);
  /* edit.* actions: notes, undo/redo, save, autosave, import; asks before
   * closing with unsaved edits (cosmo-editing.c). */
  cosmo_editing_attach (GTK_WINDOW (self), self->session);

  /* Desktop integration: remembered size, time display, recent missions,
   * drag and drop. */
  {
    static const char * const time_display_nicks[] = { "mission", "utc", "site", NULL };
    GSettings *settings = cosmo_settings_get_default ();
    GtkDropTarget *drop;

    cosmo_settings_restore_window_state (GTK_WINDOW (self));
    g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
    cosmo_settings_bind_enum (settings, "time-display", self->session, "time-display", time_display_nicks);
    /* Offline basemap unless the user turned online tiles on. */
    cosmo_settings_bind_online (settings, self->map_view, "online");
    g_signal_connect_swapped (settings, "changed::recent-missions", G_CALLBACK (update_recent_menu), self);
    update_recent_menu (self);

    drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
    gtk_drop_target_set_gtypes (drop, (GType[2]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
    g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

CosmoWindow *
cosmo_window_new (GtkApplication *application)
{
  return g_object_new (COSMO_TYPE_WINDOW, "application", application, NULL);
}
