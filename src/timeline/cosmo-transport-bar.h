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

GtkWidget    *cosmo_transport_bar_new               (void);
CosmoSession *cosmo_transport_bar_get_session       (CosmoTransportBar *self);
void          cosmo_transport_bar_set_session       (CosmoTransportBar *self,
                                                     CosmoSession      *session);
/* The "go to time" field. */
GtkEntry     *cosmo_transport_bar_get_time_entry    (CosmoTransportBar *self);
/* The message shown next to the field after a rejected time, or NULL. */
const char   *cosmo_transport_bar_get_error_message (CosmoTransportBar *self);

/* "1/16×", "1/2×", "10×" */
char         *cosmo_transport_bar_format_rate       (double             rate);

G_END_DECLS
