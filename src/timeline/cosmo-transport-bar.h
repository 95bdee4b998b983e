/* cosmo-transport-bar.h: Play, speed, step and the current time
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cosmo-session.h"

G_BEGIN_DECLS

#define COSMO_TYPE_TRANSPORT_BAR (cosmo_transport_bar_get_type ())
G_DECLARE_FINAL_TYPE (CosmoTransportBar, cosmo_transport_bar, COSMO, TRANSPORT_BAR, GtkWidget)

GtkWidget    *cosmo_transport_bar_new         (void);
CosmoSession *cosmo_transport_bar_get_session (CosmoTransportBar *self);
void          cosmo_transport_bar_set_session (CosmoTransportBar *self,
                                              CosmoSession *session);

G_END_DECLS
