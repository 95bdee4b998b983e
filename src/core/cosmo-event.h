/* cosmo-event.h: one thing that happened (or was said) at a time or over a
 * time range, with its source and how sure we are of it
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cosmo-enums.h"

G_BEGIN_DECLS

#define COSMO_TYPE_EVENT (cosmo_event_get_type ())
G_DECLARE_FINAL_TYPE (CosmoEvent, cosmo_event, COSMO, EVENT, GObject)

CosmoEvent        *cosmo_event_new              (const char         *id,
                                                 double              time,
                                                 CosmoEventCategory  category,
                                                 const char         *title);
CosmoEvent        *cosmo_event_copy             (CosmoEvent         *self);
const char        *cosmo_event_get_id           (CosmoEvent *self);
/* Seconds from T0. */
double             cosmo_event_get_time         (CosmoEvent *self);
void               cosmo_event_set_time         (CosmoEvent *self,
                                                 double      time);
/* End of a time range; NAN for an instant. */
double             cosmo_event_get_end_time     (CosmoEvent *self);
void               cosmo_event_set_end_time     (CosmoEvent *self,
                                                 double      end_time);
gboolean           cosmo_event_is_range         (CosmoEvent *self);
CosmoEventCategory cosmo_event_get_category     (CosmoEvent *self);
void               cosmo_event_set_category     (CosmoEvent         *self,
                                                 CosmoEventCategory  category);
CosmoSeverity      cosmo_event_get_severity     (CosmoEvent *self);
void               cosmo_event_set_severity     (CosmoEvent    *self,
                                                 CosmoSeverity  severity);
const char        *cosmo_event_get_title        (CosmoEvent *self);
void               cosmo_event_set_title        (CosmoEvent *self,
                                                 const char *title);
const char        *cosmo_event_get_description  (CosmoEvent *self);
void               cosmo_event_set_description  (CosmoEvent *self,
                                                 const char *description);
gboolean           cosmo_event_get_has_location (CosmoEvent *self);
double             cosmo_event_get_latitude     (CosmoEvent *self);
double             cosmo_event_get_longitude    (CosmoEvent *self);
void               cosmo_event_set_location     (CosmoEvent *self,
                                                 double      latitude,
                                                 double      longitude);
void               cosmo_event_clear_location   (CosmoEvent *self);
/* The id of a mission site the event happened at, if any. */
const char        *cosmo_event_get_site_id      (CosmoEvent *self);
void               cosmo_event_set_site_id      (CosmoEvent *self,
                                                 const char *site_id);
const char        *cosmo_event_get_source       (CosmoEvent *self);
void               cosmo_event_set_source       (CosmoEvent *self,
                                                 const char *source);
const char        *cosmo_event_get_source_url   (CosmoEvent *self);
void               cosmo_event_set_source_url   (CosmoEvent *self,
                                                 const char *url);
CosmoConfidence    cosmo_event_get_confidence   (CosmoEvent *self);
void               cosmo_event_set_confidence   (CosmoEvent      *self,
                                                 CosmoConfidence  confidence);
/* Chapters are the key events a briefing steps through. */
gboolean           cosmo_event_get_chapter      (CosmoEvent *self);
void               cosmo_event_set_chapter      (CosmoEvent *self,
                                                 gboolean    chapter);

/* Sort by time, then by end time, then by id: a total order so that the
 * list and every view agree on ties. */
int                cosmo_event_compare          (gconstpointer a,
                                                 gconstpointer b);

G_END_DECLS
