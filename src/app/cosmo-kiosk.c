/* cosmo-kiosk.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "cosmo-kiosk.h"

struct _CosmoKiosk
{
  GObject parent_instance;

  GtkWindow *window;        /* weak: the window owns us */
  CosmoPresentation *presentation;
  CosmoKioskLoop *loop;
  guint tick_id;
};

G_DEFINE_FINAL_TYPE (CosmoKiosk, cosmo_kiosk, G_TYPE_OBJECT)

static void
cosmo_kiosk_dispose (GObject *object)
{
  CosmoKiosk *self = COSMO_KIOSK (object);

  g_clear_object (&self->loop);

  G_OBJECT_CLASS (cosmo_kiosk_parent_class)->dispose (object);
}

static void
cosmo_kiosk_class_init (CosmoKioskClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cosmo_kiosk_dispose;
}

static void
cosmo_kiosk_init (CosmoKiosk *self)
{
}

CosmoKioskLoop *
cosmo_kiosk_get_loop (CosmoKiosk *self)
{
  g_return_val_if_fail (COSMO_IS_KIOSK (self), NULL);
  return self->loop;
}

static gboolean
tick (GtkWidget     *widget,
      GdkFrameClock *frame_clock,
      gpointer       user_data)
{
  CosmoKiosk *self = user_data;
  CosmoCaptionBand *band = cosmo_presentation_get_band (self->presentation);
  gboolean visitor;

  cosmo_kiosk_loop_tick (self->loop, gdk_frame_clock_get_frame_time (frame_clock));

  /* The controls stay up while a visitor has them, and go with the loop. */
  visitor = cosmo_kiosk_loop_get_state (self->loop) == COSMO_KIOSK_STATE_VISITOR;
  if (cosmo_caption_band_get_show_controls (band) != visitor)
    cosmo_caption_band_set_show_controls (band, visitor);

  return G_SOURCE_CONTINUE;
}

static void
activity (CosmoKiosk *self)
{
  cosmo_kiosk_loop_user_activity (self->loop, g_get_monotonic_time ());
  cosmo_caption_band_set_show_controls (cosmo_presentation_get_band (self->presentation), TRUE);
}

static gboolean
on_key (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        CosmoKiosk            *self)
{
  activity (self);
  /* Let presentation mode have the clicker keys too. */
  return GDK_EVENT_PROPAGATE;
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            CosmoKiosk      *self)
{
  activity (self);
}

static void
on_play_pause (CosmoKiosk *self)
{
  CosmoChapters *chapters = cosmo_presentation_get_chapters (self->presentation);
  CosmoClock *clock = cosmo_session_get_clock (cosmo_chapters_get_session (chapters));

  activity (self);
  cosmo_chapters_cancel (chapters);
  cosmo_clock_toggle_playing (clock);
}

static void
on_restart (CosmoKiosk *self)
{
  cosmo_kiosk_loop_restart (self->loop, g_get_monotonic_time ());
  cosmo_caption_band_set_show_controls (cosmo_presentation_get_band (self->presentation), FALSE);
}

/* Gettext reads LANGUAGE when the program starts its translations, and
 * every label would need rebuilding: starting afresh in the same process
 * (same pid, so a supervisor keeps watching it) is simplest and leaks
 * nothing. */
static void
on_language (CosmoKiosk *self,
             const char *code)
{
  g_autofree char *cmdline = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  gsize length = 0;

  if (code == NULL || !g_file_get_contents ("/proc/self/cmdline", &cmdline, &length, NULL) || length == 0)
    return;

  for (const char *p = cmdline; p < cmdline + length; p += strlen (p) + 1)
    g_ptr_array_add (argv, (gpointer) p);
  g_ptr_array_add (argv, NULL);

  g_setenv ("LANGUAGE", code, TRUE);
  execv ("/proc/self/exe", (char **) argv->pdata);
  /* Still here: keep running in the current language. */
  g_warning ("kiosk: could not restart for language %s: %s", code, g_strerror (errno));
}

static gboolean
on_close_request (GtkWindow *window)
{
  /* A visitor cannot close the exhibit (stop it with SIGTERM). */
  return TRUE;
}

static void
disable_app_action (GApplication *app,
                    const char   *name)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (app), name);
  g_autofree char *detailed = g_strconcat ("app.", name, NULL);
  static const char *none[] = { NULL };

  if (G_IS_SIMPLE_ACTION (action))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), FALSE);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), detailed, none);
}

CosmoKiosk *
cosmo_kiosk_start (GtkWindow *window)
{
  static const char *window_actions[] = {
    "win.open", "win.open-bundled", "win.export-briefing", "win.export-video", "win.show-help-overlay",
  };
  static const char *app_actions[] = { "new-window", "about", "quit", "preferences" };
  CosmoPresentation *presentation = cosmo_presentation_get_for_window (window);
  GApplication *app = G_APPLICATION (gtk_window_get_application (window));
  CosmoCaptionBand *band;
  GtkEventController *keys;
  GtkGesture *click;
  CosmoKiosk *self;

  g_return_val_if_fail (presentation != NULL, NULL);

  self = g_object_new (COSMO_TYPE_KIOSK, NULL);
  self->window = window;
  self->presentation = presentation;
  self->loop = cosmo_kiosk_loop_new (cosmo_presentation_get_chapters (presentation));

  for (guint i = 0; i < G_N_ELEMENTS (window_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (window), window_actions[i], FALSE);
  if (app != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (app_actions); i++)
      disable_app_action (app, app_actions[i]);

  cosmo_presentation_set_locked (presentation, TRUE);
  cosmo_presentation_set_active (presentation, TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (window), "none");
  g_signal_connect (window, "close-request", G_CALLBACK (on_close_request), NULL);

  band = cosmo_presentation_get_band (presentation);
  g_signal_connect_object (band, "play-pause", G_CALLBACK (on_play_pause), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (band, "restart", G_CALLBACK (on_restart), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (band, "language", G_CALLBACK (on_language), self, G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), GTK_EVENT_CONTROLLER (click));

  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (window), tick, self, NULL);

  g_object_set_data_full (G_OBJECT (window), "cosmo-kiosk", self, g_object_unref);
  return self;
}
