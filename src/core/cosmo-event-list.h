/* cosmo-event-list.h: the mission's events as a GListModel, always sorted
 * by time, with the range queries the timeline and the clock need
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cosmo-event.h"

G_BEGIN_DECLS

#define COSMO_TYPE_EVENT_LIST (cosmo_event_list_get_type ())
G_DECLARE_FINAL_TYPE (CosmoEventList, cosmo_event_list, COSMO, EVENT_LIST, GObject)

CosmoEventList *cosmo_event_list_new           (void);
/* Takes a reference; keeps the list sorted and re-sorts when an event's time changes. */
void            cosmo_event_list_add           (CosmoEventList *self,
                                                CosmoEvent     *event);
gboolean        cosmo_event_list_remove        (CosmoEventList *self,
                                                CosmoEvent     *event);
guint           cosmo_event_list_get_count     (CosmoEventList *self);
/* Borrowed. */
CosmoEvent     *cosmo_event_list_get_event     (CosmoEventList *self,
                                                guint           position);
CosmoEvent     *cosmo_event_list_lookup        (CosmoEventList *self,
                                                const char     *id);
gboolean        cosmo_event_list_find          (CosmoEventList *self,
                                                CosmoEvent     *event,
                                                guint          *position);
/* First position whose start time is >= t (the count when none). */
guint           cosmo_event_list_lower_bound   (CosmoEventList *self,
                                                double          t);
/* The latest event that has started at or before t, NULL if none: the
 * "current" event of a replay. */
CosmoEvent     *cosmo_event_list_get_current   (CosmoEventList *self,
                                                double          t);
/* Strictly after / before t, for stepping. NULL at the ends. */
CosmoEvent     *cosmo_event_list_get_next      (CosmoEventList *self,
                                                double          t);
CosmoEvent     *cosmo_event_list_get_previous  (CosmoEventList *self,
                                                double          t);
/* Events that overlap [start, end] (instants inside it, ranges crossing it),
 * in time order. Returns a new array of borrowed events. */
GPtrArray      *cosmo_event_list_query_range   (CosmoEventList *self,
                                                double          start,
                                                double          end);
/* Earliest start and latest end of all events; FALSE when empty. */
gboolean        cosmo_event_list_get_bounds    (CosmoEventList *self,
                                                double         *start,
                                                double         *end);

G_END_DECLS
