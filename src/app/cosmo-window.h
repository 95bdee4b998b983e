/* cosmo-window.h
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cosmo-cli.h"
#include "cosmo-session.h"

G_BEGIN_DECLS

#define COSMO_TYPE_WINDOW (cosmo_window_get_type ())
G_DECLARE_FINAL_TYPE (CosmoWindow, cosmo_window, COSMO, WINDOW, AdwApplicationWindow)

CosmoWindow  *cosmo_window_new                 (GtkApplication          *application);
CosmoSession *cosmo_window_get_session         (CosmoWindow             *self);
/* Loads the package asynchronously; the current mission stays until the
 * new one has loaded completely. */
void          cosmo_window_open                (CosmoWindow             *self,
                                                GFile                   *folder);
/* --at, --rate, --size, --screenshot: applied once the mission is loaded. */
void          cosmo_window_apply_start_options (CosmoWindow             *self,
                                                const CosmoStartOptions *options);
/* TRUE while a load is running. */
gboolean      cosmo_window_get_loading         (CosmoWindow             *self);
/* Shows a brief message in the window. */
void          cosmo_window_toast               (CosmoWindow             *self,
                                                const char              *message);

G_END_DECLS
