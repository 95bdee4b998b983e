/* cosmo-chapters.h: stepping through a mission's chapters like slides, and
 * the unattended chapter loop of a kiosk
 *
 * Chapters are the mission's key events (cosmo_mission_get_chapters). Going
 * to the next chapter *plays* there, at a rate chosen from the gap so that
 * every step takes a few seconds whether it crosses ten seconds or three
 * months, and pauses exactly on it (the clock's stop time). Going back jumps.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cosmo-session.h"

G_BEGIN_DECLS

/* How long a step to the next chapter takes, in wall-clock seconds. */
#define COSMO_CHAPTERS_STEP_SECONDS 4.0
/* A kiosk's pause on each chapter (caption shown) and how long a visitor's
 * last touch keeps the loop suspended. */
#define COSMO_KIOSK_HOLD_SECONDS 8.0
#define COSMO_KIOSK_IDLE_SECONDS 60.0
/* The kiosk starts each loop this long before the first chapter. */
#define COSMO_KIOSK_LEAD_IN_SECONDS 5.0

/* How to get from @from to @to: seek to @seek_to first (NAN: no jump), then
 * play at @rate and stop at @to. When the gap is too long to cross in
 * @seconds at the clock's top rate, the jump covers the rest. */
typedef struct
{
  double seek_to;
  double rate;
  double stop_time;
} CosmoChapterStep;

void cosmo_chapters_plan_step (double            from,
                               double            to,
                               double            seconds,
                               CosmoChapterStep *step);

#define COSMO_TYPE_CHAPTERS (cosmo_chapters_get_type ())
G_DECLARE_FINAL_TYPE (CosmoChapters, cosmo_chapters, COSMO, CHAPTERS, GObject)

/* Follows the session's mission (chapters are rebuilt when it changes). */
CosmoChapters *cosmo_chapters_new             (CosmoSession  *session);
CosmoSession  *cosmo_chapters_get_session     (CosmoChapters *self);
guint          cosmo_chapters_get_n_chapters  (CosmoChapters *self);
/* Borrowed. */
CosmoEvent    *cosmo_chapters_get_chapter     (CosmoChapters *self,
                                               guint          i);
/* The last chapter at or before the clock's time; -1 before the first. */
int            cosmo_chapters_get_index       (CosmoChapters *self);
CosmoEvent    *cosmo_chapters_get_current     (CosmoChapters *self);
/* TRUE while playing towards a chapter started by next(). */
gboolean       cosmo_chapters_get_stepping    (CosmoChapters *self);
/* Play to the next chapter and pause there; FALSE at the last one. A
 * second press while stepping lands on the target at once and steps on. */
gboolean       cosmo_chapters_next            (CosmoChapters *self);
/* Jump back: to the start of the current chapter when between chapters,
 * else to the previous one. FALSE when there is nothing before. */
gboolean       cosmo_chapters_previous        (CosmoChapters *self);
/* Jump to chapter @i and pause. */
void           cosmo_chapters_go_to           (CosmoChapters *self,
                                               guint          i);
/* Stop stepping where the clock is and restore the replay rate. */
void           cosmo_chapters_cancel          (CosmoChapters *self);

#define COSMO_TYPE_KIOSK_LOOP (cosmo_kiosk_loop_get_type ())
G_DECLARE_FINAL_TYPE (CosmoKioskLoop, cosmo_kiosk_loop, COSMO, KIOSK_LOOP, GObject)

typedef enum {
  COSMO_KIOSK_STATE_STEPPING,   /* playing to the next chapter */
  COSMO_KIOSK_STATE_HOLDING,    /* paused on a chapter, caption up */
  COSMO_KIOSK_STATE_VISITOR,    /* a visitor took the controls */
} CosmoKioskState;

/* An unattended loop over the chapters, driven only by tick() timestamps
 * (frame times in µs), so a test can run days of it in simulated time. */
CosmoKioskLoop *cosmo_kiosk_loop_new            (CosmoChapters  *chapters);
CosmoChapters  *cosmo_kiosk_loop_get_chapters   (CosmoKioskLoop *self);
CosmoKioskState cosmo_kiosk_loop_get_state      (CosmoKioskLoop *self);
/* Completed loops since start. */
guint           cosmo_kiosk_loop_get_n_loops    (CosmoKioskLoop *self);
/* Advances the clock and the loop to @now_us. */
void            cosmo_kiosk_loop_tick           (CosmoKioskLoop *self,
                                                 gint64          now_us);
/* A key press or touch: suspends the loop until COSMO_KIOSK_IDLE_SECONDS
 * pass without another. */
void            cosmo_kiosk_loop_user_activity  (CosmoKioskLoop *self,
                                                 gint64          now_us);
/* Back to the start of the loop. */
void            cosmo_kiosk_loop_restart        (CosmoKioskLoop *self,
                                                 gint64          now_us);

G_END_DECLS
