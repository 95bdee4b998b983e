/* cosmo-presentation.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cosmo-briefing.h"
#include "cosmo-presentation.h"

/* Room-scale type and a high-contrast ground for the caption band. The
 * font size matches COSMO_SESSION_PRESENTATION_SCALE: the views that draw
 * their own lines scale them by that, their GTK type by this. */
static const char presentation_css[] =
  "window.presentation { font-size: 150%; }\n"
  ".caption-band { background-color: #0d0d0f; color: #ffffff; padding: 14px 24px; }\n"
  ".caption-band .caption-title { font-size: 250%; font-weight: 800; }\n"
  ".caption-band .caption-time { font-size: 150%; color: #d0d0d4; font-feature-settings: \"tnum\"; }\n"
  ".caption-band .caption-count { font-size: 120%; color: #a0a0a8; }\n"
  ".caption-band button { font-size: 140%; min-height: 56px; min-width: 56px; padding: 8px 20px; }\n";

/* Caption band ------------------------------------------------------------ */

struct _CosmoCaptionBand
{
  GtkWidget parent_instance;

  CosmoChapters *chapters;
  gulong index_handler;
  gulong changed_handler;
  CosmoEventCategory category;

  GtkWidget *box;
  GtkWidget *stripe;
  GtkLabel *title;
  GtkLabel *time;
  GtkLabel *count;
  GtkRevealer *controls;
  GtkButton *play_button;
};

G_DEFINE_FINAL_TYPE (CosmoCaptionBand, cosmo_caption_band, GTK_TYPE_WIDGET)

enum {
  BAND_PLAY_PAUSE,
  BAND_RESTART,
  BAND_LANGUAGE,
  N_BAND_SIGNALS
};

static guint band_signals[N_BAND_SIGNALS];

static void
draw_stripe (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  CosmoCaptionBand *self = user_data;
  CosmoRgb color;

  cosmo_briefing_category_color (self->category, TRUE, &color);
  cairo_set_source_rgb (cr, color.red, color.green, color.blue);
  cairo_paint (cr);
}

static void
update_caption (CosmoCaptionBand *self)
{
  CosmoSession *session;
  CosmoMission *mission;
  CosmoEvent *event;
  int index;
  guint n;

  if (self->chapters == NULL)
    return;

  session = cosmo_chapters_get_session (self->chapters);
  mission = cosmo_session_get_mission (session);
  index = cosmo_chapters_get_index (self->chapters);
  n = cosmo_chapters_get_n_chapters (self->chapters);
  event = cosmo_chapters_get_current (self->chapters);

  if (event == NULL && mission != NULL)
    {
      /* Before the first chapter: the mission itself. */
      gtk_label_set_label (self->title, cosmo_mission_get_title (mission));
      gtk_label_set_label (self->time, n > 0 ? _("Page Down or → to start") : "");
      gtk_label_set_label (self->count, "");
      self->category = COSMO_EVENT_CATEGORY_NOTE;
    }
  else if (event != NULL)
    {
      g_autofree char *mission_time = cosmo_time_format_mission (cosmo_event_get_time (event), 0);
      g_autofree char *utc = cosmo_time_format_absolute (cosmo_mission_get_t0 (mission), cosmo_event_get_time (event),
                                                         NULL, 0);
      /* TRANSLATORS: caption line: "T+00:00:10 · 2025-11-27 09:28:07 UTC · Estimated" */
      g_autofree char *line = g_strdup_printf (_("%s · %s · %s"), mission_time, utc,
                                               cosmo_confidence_get_label (cosmo_event_get_confidence (event)));
      /* TRANSLATORS: chapter counter in the caption band, "3 / 9" */
      g_autofree char *count = g_strdup_printf (_("%d / %u"), index + 1, n);

      gtk_label_set_label (self->title, cosmo_event_get_title (event));
      gtk_label_set_label (self->time, line);
      gtk_label_set_label (self->count, count);
      self->category = cosmo_event_get_category (event);
    }
  gtk_widget_queue_draw (self->stripe);
}

void
cosmo_caption_band_set_chapters (CosmoCaptionBand *self,
                                 CosmoChapters    *chapters)
{
  g_return_if_fail (COSMO_IS_CAPTION_BAND (self));

  if (self->chapters != NULL)
    {
      g_clear_signal_handler (&self->index_handler, self->chapters);
      g_clear_signal_handler (&self->changed_handler, self->chapters);
    }
  g_set_object (&self->chapters, chapters);
  if (chapters != NULL)
    {
      self->index_handler = g_signal_connect_swapped (chapters, "notify::index", G_CALLBACK (update_caption), self);
      self->changed_handler = g_signal_connect_swapped (chapters, "changed", G_CALLBACK (update_caption), self);
    }
  update_caption (self);
}

void
cosmo_caption_band_set_show_controls (CosmoCaptionBand *self,
                                      gboolean          show)
{
  g_return_if_fail (COSMO_IS_CAPTION_BAND (self));
  gtk_revealer_set_reveal_child (self->controls, show);
}

gboolean
cosmo_caption_band_get_show_controls (CosmoCaptionBand *self)
{
  g_return_val_if_fail (COSMO_IS_CAPTION_BAND (self), FALSE);
  return gtk_revealer_get_reveal_child (self->controls);
}

const char *
cosmo_caption_band_get_title (CosmoCaptionBand *self)
{
  g_return_val_if_fail (COSMO_IS_CAPTION_BAND (self), NULL);
  return gtk_label_get_label (self->title);
}

static void
on_play_clicked (CosmoCaptionBand *self)
{
  g_signal_emit (self, band_signals[BAND_PLAY_PAUSE], 0);
}

static void
on_restart_clicked (CosmoCaptionBand *self)
{
  g_signal_emit (self, band_signals[BAND_RESTART], 0);
}

static void
on_language_clicked (GtkButton        *button,
                     CosmoCaptionBand *self)
{
  g_signal_emit (self, band_signals[BAND_LANGUAGE], 0, g_object_get_data (G_OBJECT (button), "language"));
}

static void
cosmo_caption_band_dispose (GObject *object)
{
  CosmoCaptionBand *self = COSMO_CAPTION_BAND (object);

  cosmo_caption_band_set_chapters (self, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (cosmo_caption_band_parent_class)->dispose (object);
}

static void
cosmo_caption_band_class_init (CosmoCaptionBandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cosmo_caption_band_dispose;

  band_signals[BAND_PLAY_PAUSE] = g_signal_new ("play-pause", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  band_signals[BAND_RESTART] = g_signal_new ("restart", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A language code ("en", "ru", "kk") was picked. */
  band_signals[BAND_LANGUAGE] = g_signal_new ("language", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "captionband");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cosmo_caption_band_init (CosmoCaptionBand *self)
{
  static const struct { const char *code; const char *name; } languages[] = {
    { "en", "English" }, { "ru", "Русский" }, { "kk", "Қазақша" },
  };
  GtkWidget *text, *controls, *button;

  gtk_widget_add_css_class (GTK_WIDGET (self), "caption-band");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chapter caption"), -1);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 20);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->stripe = gtk_drawing_area_new ();
  gtk_widget_set_size_request (self->stripe, 12, -1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->stripe), draw_stripe, self, NULL);
  gtk_box_append (GTK_BOX (self->box), self->stripe);

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_wrap (self->title, TRUE);
  gtk_label_set_lines (self->title, 2);
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "caption-title");
  self->time = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->time, 0);
  gtk_label_set_ellipsize (self->time, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->time), "caption-time");
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->time));
  gtk_box_append (GTK_BOX (self->box), text);

  self->count = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->count), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->count), "caption-count");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->count));

  /* Kiosk controls: big, few, and nothing that opens a dialog. */
  self->controls = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->controls, GTK_REVEALER_TRANSITION_TYPE_SLIDE_LEFT);
  controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_valign (controls, GTK_ALIGN_CENTER);

  self->play_button = GTK_BUTTON (gtk_button_new_from_icon_name ("media-playback-start-symbolic"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), _("Play or pause"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Play or pause"), -1);
  g_signal_connect_swapped (self->play_button, "clicked", G_CALLBACK (on_play_clicked), self);
  gtk_box_append (GTK_BOX (controls), GTK_WIDGET (self->play_button));

  button = gtk_button_new_from_icon_name ("media-skip-backward-symbolic");
  gtk_widget_set_tooltip_text (button, _("Start again"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Start again"), -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_restart_clicked), self);
  gtk_box_append (GTK_BOX (controls), button);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      /* Each language named in itself, never translated. */
      button = gtk_button_new_with_label (languages[i].name);
      g_object_set_data (G_OBJECT (button), "language", (gpointer) languages[i].code);
      g_signal_connect (button, "clicked", G_CALLBACK (on_language_clicked), self);
      gtk_box_append (GTK_BOX (controls), button);
    }
  gtk_revealer_set_child (self->controls, controls);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->controls));
}

/* Presentation ------------------------------------------------------------ */

struct _CosmoPresentation
{
  GObject parent_instance;

  GtkWindow *window;          /* weak: the window owns us */
  CosmoSession *session;
  CosmoChapters *chapters;
  GtkRevealer *header;
  CosmoCaptionBand *band;
  guint inhibit_cookie;
  gboolean active;
  gboolean locked;
};

G_DEFINE_FINAL_TYPE (CosmoPresentation, cosmo_presentation, G_TYPE_OBJECT)

static void
cosmo_presentation_dispose (GObject *object)
{
  CosmoPresentation *self = COSMO_PRESENTATION (object);

  if (self->inhibit_cookie != 0 && self->window != NULL && gtk_window_get_application (self->window) != NULL)
    gtk_application_uninhibit (gtk_window_get_application (self->window), self->inhibit_cookie);
  self->inhibit_cookie = 0;
  g_clear_object (&self->chapters);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (cosmo_presentation_parent_class)->dispose (object);
}

static void
cosmo_presentation_class_init (CosmoPresentationClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cosmo_presentation_dispose;
}

static void
cosmo_presentation_init (CosmoPresentation *self)
{
}

static void
update_actions (CosmoPresentation *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self->window), "win.leave-presentation", self->active && !self->locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self->window), "win.present", !self->active);
}

void
cosmo_presentation_set_active (CosmoPresentation *self,
                               gboolean           active)
{
  GtkApplication *app;

  g_return_if_fail (COSMO_IS_PRESENTATION (self));

  active = !!active;
  if (self->active == active)
    return;
  self->active = active;
  app = gtk_window_get_application (self->window);

  if (active)
    {
      /* A --screenshot keeps the size it was asked for. */
      if (!gtk_widget_has_css_class (GTK_WIDGET (self->window), "screenshot"))
        gtk_window_fullscreen (self->window);
      gtk_revealer_set_reveal_child (self->header, FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (self->window), "presentation");
      /* The style class enlarges GTK's type; the session tells the views
       * that draw their own lines and type (charts, timeline, map). */
      cosmo_session_set_presentation (self->session, TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->band), TRUE);
      if (app != NULL && self->inhibit_cookie == 0)
        self->inhibit_cookie = gtk_application_inhibit (app, self->window, GTK_APPLICATION_INHIBIT_IDLE,
                                                        _("Presenting"));
    }
  else
    {
      cosmo_chapters_cancel (self->chapters);
      gtk_window_unfullscreen (self->window);
      gtk_revealer_set_reveal_child (self->header, TRUE);
      gtk_widget_remove_css_class (GTK_WIDGET (self->window), "presentation");
      cosmo_session_set_presentation (self->session, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->band), FALSE);
      if (app != NULL && self->inhibit_cookie != 0)
        gtk_application_uninhibit (app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
  update_actions (self);
}

gboolean
cosmo_presentation_get_active (CosmoPresentation *self)
{
  g_return_val_if_fail (COSMO_IS_PRESENTATION (self), FALSE);
  return self->active;
}

CosmoChapters *
cosmo_presentation_get_chapters (CosmoPresentation *self)
{
  g_return_val_if_fail (COSMO_IS_PRESENTATION (self), NULL);
  return self->chapters;
}

CosmoCaptionBand *
cosmo_presentation_get_band (CosmoPresentation *self)
{
  g_return_val_if_fail (COSMO_IS_PRESENTATION (self), NULL);
  return self->band;
}

void
cosmo_presentation_set_locked (CosmoPresentation *self,
                               gboolean           locked)
{
  g_return_if_fail (COSMO_IS_PRESENTATION (self));
  self->locked = !!locked;
  update_actions (self);
}

/* The clicker's keys, caught before any view (the replay's own Page Up /
 * Page Down step through every event; here they step through chapters). */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CosmoPresentation     *self)
{
  if (!self->active || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_space:
      cosmo_chapters_next (self->chapters);
      return GDK_EVENT_STOP;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_BackSpace:
      cosmo_chapters_previous (self->chapters);
      return GDK_EVENT_STOP;

    case GDK_KEY_Home:
      if (cosmo_chapters_get_n_chapters (self->chapters) > 0)
        cosmo_chapters_go_to (self->chapters, 0);
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      if (!self->locked)
        cosmo_presentation_set_active (self, FALSE);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  CosmoPresentation *self = cosmo_presentation_get_for_window (GTK_WINDOW (widget));

  if (self != NULL)
    cosmo_presentation_set_active (self, TRUE);
}

static void
leave_presentation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  CosmoPresentation *self = cosmo_presentation_get_for_window (GTK_WINDOW (widget));

  if (self != NULL && !self->locked)
    cosmo_presentation_set_active (self, FALSE);
}

void
cosmo_presentation_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.leave-presentation", NULL, leave_presentation_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.leave-presentation", NULL);
}

static void
ensure_css (GtkWidget *widget)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (done)
    return;
  done = TRUE;
  provider = gtk_css_provider_new ();
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_css_provider_load_from_string (provider, presentation_css);
#else
  gtk_css_provider_load_from_data (provider, presentation_css, -1);
#endif
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (widget), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

CosmoPresentation *
cosmo_presentation_attach (GtkWindow        *window,
                           CosmoSession     *session,
                           GtkRevealer      *header,
                           CosmoCaptionBand *band)
{
  CosmoPresentation *self;
  GtkEventController *keys;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (COSMO_IS_SESSION (session), NULL);

  self = g_object_new (COSMO_TYPE_PRESENTATION, NULL);
  self->window = window;
  self->session = g_object_ref (session);
  self->chapters = cosmo_chapters_new (session);
  self->header = header;
  self->band = band;
  cosmo_caption_band_set_chapters (band, self->chapters);
  gtk_widget_set_visible (GTK_WIDGET (band), FALSE);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);

  ensure_css (GTK_WIDGET (window));

  /* The window owns the presentation. */
  g_object_set_data_full (G_OBJECT (window), "cosmo-presentation", self, g_object_unref);
  update_actions (self);
  return self;
}

CosmoPresentation *
cosmo_presentation_get_for_window (GtkWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "cosmo-presentation");
}
