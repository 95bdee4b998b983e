/* cosmo-event-log.h: every event of the mission in time order, following
 * the clock, with the selected event's details and source
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cosmo-session.h"

G_BEGIN_DECLS

#define COSMO_TYPE_EVENT_LOG (cosmo_event_log_get_type ())
G_DECLARE_FINAL_TYPE (CosmoEventLog, cosmo_event_log, COSMO, EVENT_LOG, GtkWidget)

GtkWidget    *cosmo_event_log_new                (void);
CosmoSession *cosmo_event_log_get_session        (CosmoEventLog *self);
void          cosmo_event_log_set_session        (CosmoEventLog *self,
                                                  CosmoSession  *session);
/* Show or hide a category. */
void          cosmo_event_log_set_category_shown (CosmoEventLog      *self,
                                                  CosmoEventCategory  category,
                                                  gboolean            shown);
/* The number of rows shown (after filtering). */
guint         cosmo_event_log_get_n_rows         (CosmoEventLog *self);
/* The row holding the clock's current event, or NULL. */
GtkListBoxRow *cosmo_event_log_get_current_row   (CosmoEventLog *self);
/* Activates the row at @position as a click or Enter would. */
void          cosmo_event_log_activate_row       (CosmoEventLog *self,
                                                  guint          position);

G_END_DECLS
