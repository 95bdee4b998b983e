/* cosmo-time-axis.h: where the ticks of a time axis go and what they say,
 * and where event markers go on it (clusters, hit-testing)
 *
 * Pure functions, no GTK: the timeline and the charts share them and the
 * tests run them without a display. Times are mission times (seconds from
 * T0); positions are pixels from the left of the axis.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cosmo-time.h"

G_BEGIN_DECLS

typedef enum {
  COSMO_TIME_UNIT_SUBSECOND,
  COSMO_TIME_UNIT_SECOND,
  COSMO_TIME_UNIT_MINUTE,
  COSMO_TIME_UNIT_HOUR,
  COSMO_TIME_UNIT_DAY,
  COSMO_TIME_UNIT_WEEK,
  COSMO_TIME_UNIT_MONTH,
  COSMO_TIME_UNIT_YEAR,
} CosmoTimeUnit;

/* One rung of the step ladder: 0.1 s, 0.2 s, 0.5 s, 1 s, 2 s, 5 s, 10 s,
 * 15 s, 30 s, 1 min, ... 12 h, 1 d, 2 d, 1 week, 1, 2, 3, 6 months, 1 year. */
typedef struct {
  CosmoTimeUnit unit;
  guint         count;     /* in units (tenths of a second for SUBSECOND) */
  double        seconds;   /* nominal length; a month counts 30 d, a year 365 d */
  guint         minor;     /* minor ticks per step (0 or >= 2) */
} CosmoTimeStep;

typedef struct {
  double   t;        /* mission time */
  gboolean major;    /* labelled */
  char    *label;    /* NULL on minor ticks */
} CosmoTimeTick;

/* The smallest step whose ticks are at least @min_spacing_px apart when
 * @span seconds take @width_px pixels. */
const CosmoTimeStep *cosmo_time_axis_choose_step   (double            span,
                                                    double            width_px,
                                                    double            min_spacing_px);

/* The ticks in [start, end], major ones labelled, aligned to round values
 * of the chosen display: multiples of the step from T0 for T±, wall-clock
 * and calendar boundaries (midnight, the 1st of the month) in UTC or @tz
 * for the absolute displays. @t0 is needed for UTC/site (falls back to T±
 * without it). Returns a GArray of CosmoTimeTick that frees its labels. */
GArray              *cosmo_time_axis_get_ticks     (double            start,
                                                    double            end,
                                                    double            width_px,
                                                    double            min_spacing_px,
                                                    CosmoTimeDisplay  display,
                                                    GDateTime        *t0,
                                                    GTimeZone        *tz);

/* The label of a tick at @t for @step: "T+1m58.5s", "T-30s", "T0",
 * "T+2h30m", "T+3d"; or "09:29:55.3", "09:30", "28 Nov", "Dec 2025". */
char                *cosmo_time_axis_format_label  (double               t,
                                                    const CosmoTimeStep *step,
                                                    CosmoTimeDisplay     display,
                                                    GDateTime           *t0,
                                                    GTimeZone           *tz);

/* What the labels leave out, for a corner of the axis: the date and zone
 * of @t ("27 Nov 2025, UTC+05") for the absolute displays when the labels
 * are times of day; NULL when the labels say it all. */
char                *cosmo_time_axis_format_context (double               t,
                                                     const CosmoTimeStep *step,
                                                     CosmoTimeDisplay     display,
                                                     GDateTime           *t0,
                                                     GTimeZone           *tz);

/* Event markers. */
typedef struct {
  double x;        /* centre */
  double radius;   /* half its width */
} CosmoAxisMark;

typedef struct {
  guint  first;    /* index of the first member mark */
  guint  count;    /* members: first .. first + count - 1 */
  double start;    /* left edge of the members */
  double end;      /* right edge */
  double x;        /* where to draw it: the middle of the edges */
} CosmoAxisCluster;

/* Merges marks (sorted by x) that overlap or are closer than @gap into
 * clusters. Returns a GArray of CosmoAxisCluster, sorted by x. */
GArray *cosmo_time_axis_cluster_marks (const CosmoAxisMark    *marks,
                                       guint                   n_marks,
                                       double                  gap);
/* The cluster under @x (within @slop pixels of its edges; the nearest one
 * when several are), or -1. */
int     cosmo_time_axis_hit_test      (const CosmoAxisCluster *clusters,
                                       guint                   n_clusters,
                                       double                  x,
                                       double                  slop);

G_END_DECLS
