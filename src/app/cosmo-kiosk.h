/* cosmo-kiosk.h: the window as an unattended exhibit (--kiosk)
 *
 * Full screen presentation mode that plays the chapters in a loop with
 * captions. Any key or touch shows a few big controls (play/pause, start
 * again, language) and hands the clock to the visitor; a minute without
 * input returns to the loop from the start. Nothing a visitor can reach
 * opens a file chooser or a dialog, and nothing grows while it runs.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cosmo-chapters.h"
#include "cosmo-presentation.h"

G_BEGIN_DECLS

#define COSMO_TYPE_KIOSK (cosmo_kiosk_get_type ())
G_DECLARE_FINAL_TYPE (CosmoKiosk, cosmo_kiosk, COSMO, KIOSK, GObject)

/* Turns @window (with presentation mode attached) into a kiosk; the
 * window owns the result. */
CosmoKiosk     *cosmo_kiosk_start    (GtkWindow  *window);
CosmoKioskLoop *cosmo_kiosk_get_loop (CosmoKiosk *self);

G_END_DECLS
