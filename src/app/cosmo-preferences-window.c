/* cosmo-preferences-window.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cosmo-preferences-window.h"
#include "cosmo-settings.h"

struct _CosmoPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwComboRow *color_scheme_row;
  AdwComboRow *time_display_row;
  AdwComboRow *units_row;
  GtkSwitch *online_switch;
  GtkSpinButton *presentation_scale_spin;
  AdwComboRow *presentation_color_scheme_row;
};

G_DEFINE_FINAL_TYPE (CosmoPreferencesWindow, cosmo_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The order of the rows' string lists in the template. */
static const char * const color_scheme_nicks[] = { "default", "light", "dark", NULL };
static const char * const time_display_nicks[] = { "mission", "utc", "site", NULL };
static const char * const units_nicks[] = { "metric", "imperial", NULL };

static void
clear_recent_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  GSettings *settings = cosmo_settings_get_default ();

  g_settings_reset (settings, "recent-missions");
  g_settings_reset (settings, "last-mission");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (widget),
                                    adw_toast_new (_("Recent missions forgotten")));
}

static void
update_clear_recent (CosmoPreferencesWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (cosmo_settings_get_default (), "recent-missions");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.clear-recent", recent[0] != NULL);
}

static void
cosmo_preferences_window_dispose (GObject *object)
{
  g_signal_handlers_disconnect_by_data (cosmo_settings_get_default (), object);
  gtk_widget_dispose_template (GTK_WIDGET (object), COSMO_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (cosmo_preferences_window_parent_class)->dispose (object);
}

static void
cosmo_preferences_window_class_init (CosmoPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cosmo_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cosmo-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CosmoPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, CosmoPreferencesWindow, time_display_row);
  gtk_widget_class_bind_template_child (widget_class, CosmoPreferencesWindow, units_row);
  gtk_widget_class_bind_template_child (widget_class, CosmoPreferencesWindow, online_switch);
  gtk_widget_class_bind_template_child (widget_class, CosmoPreferencesWindow, presentation_scale_spin);
  gtk_widget_class_bind_template_child (widget_class, CosmoPreferencesWindow, presentation_color_scheme_row);

  gtk_widget_class_install_action (widget_class, "prefs.clear-recent", NULL, clear_recent_action);
}

static void
cosmo_preferences_window_init (CosmoPreferencesWindow *self)
{
  GSettings *settings = cosmo_settings_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  cosmo_settings_bind_enum (settings, "color-scheme", self->color_scheme_row, "selected", color_scheme_nicks);
  cosmo_settings_bind_enum (settings, "time-display", self->time_display_row, "selected", time_display_nicks);
  cosmo_settings_bind_enum (settings, "units", self->units_row, "selected", units_nicks);
  cosmo_settings_bind_enum (settings, "presentation-color-scheme", self->presentation_color_scheme_row,
                            "selected", color_scheme_nicks);
  cosmo_settings_bind_online (settings, self->online_switch, "active");
  g_settings_bind (settings, "presentation-scale",
                   gtk_spin_button_get_adjustment (self->presentation_scale_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_swapped (settings, "changed::recent-missions", G_CALLBACK (update_clear_recent), self);
  update_clear_recent (self);
}

CosmoPreferencesWindow *
cosmo_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (COSMO_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}
