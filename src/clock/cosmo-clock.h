/* cosmo-clock.h: the replay clock every view follows
 *
 * Time is mission time (seconds from T0). While playing, the clock is
 * advanced by frame timestamps, never by accumulating per-frame deltas: the
 * time is always anchor_time + (frame_time - anchor_frame) * rate, so it
 * cannot drift whatever the frame rate or its jitter.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define COSMO_CLOCK_MIN_RATE (1.0 / 16.0)
#define COSMO_CLOCK_MAX_RATE 1000.0

#define COSMO_TYPE_CLOCK (cosmo_clock_get_type ())
G_DECLARE_FINAL_TYPE (CosmoClock, cosmo_clock, COSMO, CLOCK, GObject)

CosmoClock *cosmo_clock_new            (void);
double      cosmo_clock_get_time       (CosmoClock *self);
/* Jump to t (clamped to the bounds); keeps playing if it was. */
void        cosmo_clock_seek           (CosmoClock *self,
                                        double      t);
/* Speed factor; negative plays in reverse. Its magnitude is clamped to
 * [COSMO_CLOCK_MIN_RATE, COSMO_CLOCK_MAX_RATE]. */
double      cosmo_clock_get_rate       (CosmoClock *self);
void        cosmo_clock_set_rate       (CosmoClock *self,
                                        double      rate);
/* The next/previous rate on the 1/16, 1/8, ... 1, 2, 5, 10, 20, 50, 100,
 * 200, 500, 1000 ladder, keeping the direction. */
void        cosmo_clock_faster         (CosmoClock *self);
void        cosmo_clock_slower         (CosmoClock *self);
gboolean    cosmo_clock_get_playing    (CosmoClock *self);
void        cosmo_clock_set_playing    (CosmoClock *self,
                                        gboolean    playing);
void        cosmo_clock_toggle_playing (CosmoClock *self);
/* The clock never leaves [start, end]; reaching an end pauses, or wraps
 * when looping. */
void        cosmo_clock_set_bounds     (CosmoClock *self,
                                        double      start,
                                        double      end);
void        cosmo_clock_get_bounds     (CosmoClock *self,
                                        double     *start,
                                        double     *end);
/* Loop over [start, end] (within the bounds). */
gboolean    cosmo_clock_get_loop       (CosmoClock *self);
void        cosmo_clock_set_loop       (CosmoClock *self,
                                        gboolean    loop);
void        cosmo_clock_set_loop_range (CosmoClock *self,
                                        double      start,
                                        double      end);
void        cosmo_clock_get_loop_range (CosmoClock *self,
                                        double     *start,
                                        double     *end);
/* Pause exactly at t when playing reaches it (chapters); NAN clears. */
void        cosmo_clock_set_stop_time  (CosmoClock *self,
                                        double      t);
double      cosmo_clock_get_stop_time  (CosmoClock *self);

/* Advance to the frame whose timestamp is @frame_time_us (monotonic µs,
 * as GdkFrameClock gives). The first tick after play, seek or a rate
 * change only anchors. */
void        cosmo_clock_tick           (CosmoClock *self,
                                        gint64      frame_time_us);

G_END_DECLS
