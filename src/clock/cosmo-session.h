/* cosmo-session.h: what every view shares — the mission, the replay clock,
 * the visible time range (shared zoom) and the selected event. Views
 * observe it and never talk to each other (the pattern of SysprofSession).
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cosmo-clock.h"
#include "cosmo-mission.h"
#include "cosmo-time.h"

G_BEGIN_DECLS

/* Smallest and largest visible span: 0.1 s around staging to a year. */
#define COSMO_SESSION_MIN_SPAN 0.1
#define COSMO_SESSION_MAX_SPAN (400.0 * 86400.0)

/* Named visible ranges for the timeline and the charts. */
typedef enum {
  COSMO_RANGE_PRESET_ASCENT,          /* T-60 s to T+10 min */
  COSMO_RANGE_PRESET_LAUNCH_DAY,      /* T-1 h to the end of the launch day (UTC) */
  COSMO_RANGE_PRESET_WHOLE_INCIDENT,  /* T-1 h to the last event (months later) */
} CosmoRangePreset;

#define COSMO_TYPE_SESSION (cosmo_session_get_type ())
G_DECLARE_FINAL_TYPE (CosmoSession, cosmo_session, COSMO, SESSION, GObject)

CosmoSession    *cosmo_session_new                 (void);
CosmoClock      *cosmo_session_get_clock           (CosmoSession *self);
/* NULL until a mission is loaded. Setting one resets the clock bounds,
 * the selection and the visible range. */
CosmoMission    *cosmo_session_get_mission         (CosmoSession *self);
void             cosmo_session_set_mission         (CosmoSession *self,
                                                    CosmoMission *mission);
void             cosmo_session_get_visible_range   (CosmoSession *self,
                                                    double       *start,
                                                    double       *end);
void             cosmo_session_set_visible_range   (CosmoSession *self,
                                                    double        start,
                                                    double        end);
/* Zoom around @center by @factor (< 1 zooms in). */
void             cosmo_session_zoom                (CosmoSession *self,
                                                    double        center,
                                                    double        factor);
void             cosmo_session_pan                 (CosmoSession *self,
                                                    double        seconds);
CosmoEvent      *cosmo_session_get_selected_event  (CosmoSession *self);
void             cosmo_session_set_selected_event  (CosmoSession *self,
                                                    CosmoEvent   *event);
CosmoTimeDisplay cosmo_session_get_time_display    (CosmoSession *self);
void             cosmo_session_set_time_display    (CosmoSession     *self,
                                                    CosmoTimeDisplay  display);
/* TRUE in presentation mode and the kiosk: views draw their lines and
 * type bigger, for a room (see COSMO_SESSION_PRESENTATION_SCALE). */
gboolean         cosmo_session_get_presentation    (CosmoSession     *self);
void             cosmo_session_set_presentation    (CosmoSession     *self,
                                                    gboolean          presentation);
/* How much bigger: readable from the back of a room at 1280x720 too. */
#define COSMO_SESSION_PRESENTATION_SCALE 1.5
/* Format t the way the user chose (T±, UTC or site time). */
/* The range a preset shows for the current mission (with a little margin
 * so that markers at its ends are not cut). */
void             cosmo_session_get_preset_range    (CosmoSession     *self,
                                                    CosmoRangePreset  preset,
                                                    double           *start,
                                                    double           *end);
void             cosmo_session_show_preset         (CosmoSession     *self,
                                                    CosmoRangePreset  preset);
/* Seek the clock to the next (@direction > 0) or previous event and select
 * it. Returns the event (borrowed), or NULL when there is none that way. */
CosmoEvent      *cosmo_session_step_event          (CosmoSession     *self,
                                                    int               direction);
char            *cosmo_session_format_time         (CosmoSession *self,
                                                    double        t,
                                                    guint         decimals);

G_END_DECLS
