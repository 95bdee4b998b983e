/* cosmo-preferences-window.h: the user-facing settings.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define COSMO_TYPE_PREFERENCES_WINDOW (cosmo_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CosmoPreferencesWindow, cosmo_preferences_window, COSMO, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

CosmoPreferencesWindow *cosmo_preferences_window_new (GtkWindow *parent);

G_END_DECLS
