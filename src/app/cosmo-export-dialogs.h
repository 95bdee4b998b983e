/* cosmo-export-dialogs.h: Export Briefing… and Export Video… in the window
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Installs win.export-briefing and win.export-video on a CosmoWindow
 * class; call from its class_init. */
void cosmo_export_dialogs_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
