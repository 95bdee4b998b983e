/* cosmo-settings.h: the application's GSettings, recently opened missions
 * and the window size that is remembered between runs.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define COSMO_SETTINGS_SCHEMA_ID "io.github.cosmodrome.Cosmodrome"
#define COSMO_SETTINGS_MAX_RECENT 8

/* The shared settings object. Installed runs use the installed schema;
 * uninstalled runs fall back to the schema compiled in the build tree. */
GSettings *cosmo_settings_get_default          (void);

/* The mission package a dropped or chosen file belongs to: a folder is
 * itself; a file (mission.json or a data file) is the nearest enclosing
 * folder that holds a mission.json, or its own folder when there is none. */
GFile     *cosmo_settings_mission_folder_for   (GFile      *file);

/* Puts @folder first in recent-missions and stores it as last-mission. */
void       cosmo_settings_add_recent_mission   (GFile      *folder);
/* The last opened mission if it still exists, else NULL. */
GFile     *cosmo_settings_dup_last_mission     (void);
/* A menu of recent-missions entries ("win.open-recent" with the path). */
void       cosmo_settings_fill_recent_menu     (GMenu      *menu);

void       cosmo_settings_restore_window_state (GtkWindow  *window);
void       cosmo_settings_save_window_state    (GtkWindow  *window);

/* Follows the color-scheme key with the application's style manager. */
void       cosmo_settings_follow_color_scheme  (void);

/* Binds an enumerated key to an int or uint property (CosmoSession's
 * time-display, AdwComboRow:selected) holding the nick's index in @nicks,
 * which must outlive the binding. */
void       cosmo_settings_bind_enum            (GSettings          *settings,
                                                const char         *key,
                                                gpointer            object,
                                                const char         *property,
                                                const char * const *nicks);

/* Binds map-source to a boolean property that is TRUE for "online". */
void       cosmo_settings_bind_online          (GSettings          *settings,
                                                gpointer            object,
                                                const char         *property);

G_END_DECLS
