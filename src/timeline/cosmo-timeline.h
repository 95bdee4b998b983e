/* cosmo-timeline.h: The multi-scale timeline of events with a playhead
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cosmo-session.h"

G_BEGIN_DECLS

#define COSMO_TYPE_TIMELINE (cosmo_timeline_get_type ())
G_DECLARE_FINAL_TYPE (CosmoTimeline, cosmo_timeline, COSMO, TIMELINE, GtkWidget)

GtkWidget    *cosmo_timeline_new         (void);
CosmoSession *cosmo_timeline_get_session (CosmoTimeline *self);
void          cosmo_timeline_set_session (CosmoTimeline *self,
                                          CosmoSession  *session);
/* The event whose marker (or cluster) is drawn at widget coordinates
 * (x, y), or NULL; for a cluster, its most severe event. Borrowed. */
CosmoEvent   *cosmo_timeline_pick_event  (CosmoTimeline *self,
                                          double         x,
                                          double         y);
/* Widget x of mission time @t at the current size and visible range. */
double        cosmo_timeline_time_to_x   (CosmoTimeline *self,
                                          double         t);

G_END_DECLS
