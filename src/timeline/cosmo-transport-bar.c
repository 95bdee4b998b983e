/* cosmo-transport-bar.c
 *
 * The bar also drives the replay: while the clock plays, a tick callback
 * hands it each frame's timestamp from the GdkFrameClock, so the clock
 * advances exactly with the frames that show it.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cosmo-transport-bar.h"

struct _CosmoTransportBar
{
  GtkWidget parent_instance;

  CosmoSession *session;
  /* The tick runs on the toplevel, so the replay goes on even when this
   * bar is hidden (kiosk, presentation). */
  GtkWidget *tick_widget;
  guint tick_id;

  /* Template widgets */
  GtkWidget *box;
  GtkButton *play_button;
  GtkMenuButton *speed_button;
  GtkEntry *time_entry;
  GtkLabel *error_label;
  GtkLabel *time_label;
  GtkLabel *absolute_label;
};

G_DEFINE_FINAL_TYPE (CosmoTransportBar, cosmo_transport_bar, GTK_TYPE_WIDGET)

static const double speeds[] = {
  1.0 / 16, 1.0 / 8, 1.0 / 4, 1.0 / 2, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000,
};

char *
cosmo_transport_bar_format_rate (double rate)
{
  double a = fabs (rate);
  char number[32];

  if (a < 1 && fabs (1 / a - round (1 / a)) < 1e-9)
    return g_strdup_printf ("1/%d×", (int) round (1 / a));

  g_ascii_formatd (number, sizeof number, a == floor (a) ? "%.0f" : "%.2g", a);
  return g_strdup_printf ("%s×", number);
}

static CosmoClock *
get_clock (CosmoTransportBar *self)
{
  return cosmo_session_get_clock (self->session);
}

static void
update_time (CosmoTransportBar *self)
{
  CosmoMission *mission = cosmo_session_get_mission (self->session);
  double t = cosmo_clock_get_time (get_clock (self));
  g_autofree char *mission_time = cosmo_time_format_mission (t, 1);
  g_autofree char *utc = NULL;
  g_autofree char *site = NULL;
  g_autofree char *absolute = NULL;

  gtk_label_set_label (self->time_label, mission_time);

  if (mission == NULL)
    {
      gtk_label_set_label (self->absolute_label, "");
      return;
    }

  utc = cosmo_time_format_absolute (cosmo_mission_get_t0 (mission), t, NULL, 0);
  site = cosmo_time_format_absolute (cosmo_mission_get_t0 (mission), t, cosmo_mission_get_time_zone (mission), 0);
  /* "09:29:55 UTC · 14:29:55 UTC+05": UTC first so that a narrow window,
   * which ellipsizes the end, still shows it; the dates are in the tooltip
   * (and in T± beyond a day). */
  if (strlen (utc) > 11 && strlen (site) > 11)
    absolute = g_strdup_printf ("%s · %s", utc + 11, site + 11);
  else
    absolute = g_strdup_printf ("%s · %s", utc, site);
  {
    g_autofree char *tooltip = g_strdup_printf ("%s\n%s", utc, site);

    gtk_widget_set_tooltip_text (GTK_WIDGET (self->absolute_label), tooltip);
  }
  gtk_label_set_label (self->absolute_label, absolute);
}

static void
stop_ticking (CosmoTransportBar *self)
{
  if (self->tick_id != 0 && self->tick_widget != NULL)
    gtk_widget_remove_tick_callback (self->tick_widget, self->tick_id);
  self->tick_id = 0;
  g_clear_weak_pointer (&self->tick_widget);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  CosmoTransportBar *self = COSMO_TRANSPORT_BAR (user_data);
  CosmoClock *clock;

  if (self->session == NULL)
    {
      self->tick_id = 0;
      g_clear_weak_pointer (&self->tick_widget);
      return G_SOURCE_REMOVE;
    }

  clock = get_clock (self);
  cosmo_clock_tick (clock, gdk_frame_clock_get_frame_time (frame_clock));
  if (!cosmo_clock_get_playing (clock))
    {
      self->tick_id = 0;
      g_clear_weak_pointer (&self->tick_widget);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
start_ticking (CosmoTransportBar *self)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));

  if (self->tick_id != 0)
    return;
  if (widget == NULL)
    widget = GTK_WIDGET (self);
  g_set_weak_pointer (&self->tick_widget, widget);
  self->tick_id = gtk_widget_add_tick_callback (widget, tick_cb, self, NULL);
}

static void
on_playing_changed (CosmoTransportBar *self)
{
  gboolean playing = cosmo_clock_get_playing (get_clock (self));

  gtk_button_set_icon_name (self->play_button,
                            playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), playing ? _("Pause (Space)") : _("Play (Space)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, playing ? _("Pause") : _("Play"), -1);

  if (playing)
    start_ticking (self);
  else
    stop_ticking (self);
}

static void
on_rate_changed (CosmoTransportBar *self)
{
  double rate = cosmo_clock_get_rate (get_clock (self));
  g_autofree char *label = cosmo_transport_bar_format_rate (rate);
  g_autofree char *accessible = NULL;

  gtk_menu_button_set_label (self->speed_button, label);
  /* TRANSLATORS: accessible name of the speed menu: "Replay speed 10×" (, "in reverse") */
  accessible = g_strdup_printf (rate < 0 ? _("Replay speed %s, in reverse") : _("Replay speed %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->speed_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
show_error (CosmoTransportBar *self,
            const char        *message)
{
  gtk_widget_add_css_class (GTK_WIDGET (self->time_entry), "error");
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->error_label), message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_entry_set_icon_from_icon_name (self->time_entry, GTK_ENTRY_ICON_SECONDARY, "dialog-error-symbolic");
  gtk_entry_set_icon_tooltip_text (self->time_entry, GTK_ENTRY_ICON_SECONDARY, message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->time_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->time_entry),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
}

static void
clear_error (CosmoTransportBar *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return;
  gtk_widget_remove_css_class (GTK_WIDGET (self->time_entry), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_label_set_label (self->error_label, "");
  gtk_entry_set_icon_from_icon_name (self->time_entry, GTK_ENTRY_ICON_SECONDARY, NULL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->time_entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->time_entry), GTK_ACCESSIBLE_STATE_INVALID);
}

static void
on_time_entry_activate (CosmoTransportBar *self)
{
  CosmoMission *mission = self->session ? cosmo_session_get_mission (self->session) : NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->time_entry));
  g_autoptr(GError) error = NULL;
  double t, lo, hi;

  if (mission == NULL)
    return;

  if (!cosmo_time_parse (text, cosmo_mission_get_t0 (mission), &t, &error))
    {
      show_error (self, error->message);
      return;
    }

  cosmo_clock_get_bounds (get_clock (self), &lo, &hi);
  if (t < lo || t > hi)
    {
      g_autofree char *from = cosmo_time_format_mission (lo, 0);
      g_autofree char *to = cosmo_time_format_mission (hi, 0);
      g_autofree char *message = g_strdup_printf (_("%s is outside the mission, which runs from %s to %s"),
                                                  text, from, to);

      show_error (self, message);
      return;
    }

  clear_error (self);
  cosmo_clock_seek (get_clock (self), t);
  gtk_editable_set_text (GTK_EDITABLE (self->time_entry), "");
}

static void
on_time_entry_changed (CosmoTransportBar *self)
{
  clear_error (self);
}

static void
build_speed_menu (CosmoTransportBar *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenu) reverse = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (speeds); i++)
    {
      g_autofree char *label = cosmo_transport_bar_format_rate (speeds[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "replay.rate", g_variant_new_double (speeds[i]));
      g_menu_append_item (section, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_menu_append (reverse, _("_Reverse"), "replay.reverse");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (reverse));
  gtk_menu_button_set_menu_model (self->speed_button, G_MENU_MODEL (menu));
}

static void
disconnect_session (CosmoTransportBar *self)
{
  if (self->session == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->session, self);
  g_signal_handlers_disconnect_by_data (cosmo_session_get_clock (self->session), self);
}

static void
cosmo_transport_bar_dispose (GObject *object)
{
  CosmoTransportBar *self = (CosmoTransportBar *) object;

  stop_ticking (self);
  disconnect_session (self);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), COSMO_TYPE_TRANSPORT_BAR);

  G_OBJECT_CLASS (cosmo_transport_bar_parent_class)->dispose (object);
}

static void
cosmo_transport_bar_class_init (CosmoTransportBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cosmo_transport_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cosmo-transport-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, CosmoTransportBar, box);
  gtk_widget_class_bind_template_child (widget_class, CosmoTransportBar, play_button);
  gtk_widget_class_bind_template_child (widget_class, CosmoTransportBar, speed_button);
  gtk_widget_class_bind_template_child (widget_class, CosmoTransportBar, time_entry);
  gtk_widget_class_bind_template_child (widget_class, CosmoTransportBar, error_label);
  gtk_widget_class_bind_template_child (widget_class, CosmoTransportBar, time_label);
  gtk_widget_class_bind_template_child (widget_class, CosmoTransportBar, absolute_label);
  gtk_widget_class_bind_template_callback (widget_class, on_time_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_time_entry_changed);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "transportbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
}

static void
cosmo_transport_bar_init (CosmoTransportBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_speed_menu (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Replay controls"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->time_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mission time"), -1);
}

GtkWidget *
cosmo_transport_bar_new (void)
{
  return g_object_new (COSMO_TYPE_TRANSPORT_BAR, NULL);
}

CosmoSession *
cosmo_transport_bar_get_session (CosmoTransportBar *self)
{
  g_return_val_if_fail (COSMO_IS_TRANSPORT_BAR (self), NULL);
  return self->session;
}

void
cosmo_transport_bar_set_session (CosmoTransportBar *self,
                                 CosmoSession      *session)
{
  g_return_if_fail (COSMO_IS_TRANSPORT_BAR (self));
  g_return_if_fail (session == NULL || COSMO_IS_SESSION (session));

  if (self->session == session)
    return;

  disconnect_session (self);
  g_set_object (&self->session, session);
  if (session == NULL)
    return;

  {
    CosmoClock *clock = cosmo_session_get_clock (session);

    g_signal_connect_object (session, "notify::mission", G_CALLBACK (update_time), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (clock, "notify::time", G_CALLBACK (update_time), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (clock, "notify::playing", G_CALLBACK (on_playing_changed), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (clock, "notify::rate", G_CALLBACK (on_rate_changed), self, G_CONNECT_SWAPPED);
  }
  update_time (self);
  on_playing_changed (self);
  on_rate_changed (self);
}

GtkEntry *
cosmo_transport_bar_get_time_entry (CosmoTransportBar *self)
{
  g_return_val_if_fail (COSMO_IS_TRANSPORT_BAR (self), NULL);
  return self->time_entry;
}

const char *
cosmo_transport_bar_get_error_message (CosmoTransportBar *self)
{
  g_return_val_if_fail (COSMO_IS_TRANSPORT_BAR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_label (self->error_label);
}
