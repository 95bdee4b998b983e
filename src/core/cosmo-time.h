/* cosmo-time.h: mission time. One representation everywhere: seconds relative
 * to T0 (a double), with T0 an absolute UTC instant.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  COSMO_TIME_DISPLAY_MISSION,   /* T-00:01:00 */
  COSMO_TIME_DISPLAY_UTC,       /* 2025-11-27 09:28:57 UTC */
  COSMO_TIME_DISPLAY_SITE,      /* 2025-11-27 14:28:57 UTC+05 */
} CosmoTimeDisplay;

#define COSMO_TIME_ERROR (cosmo_time_error_quark ())
typedef enum {
  COSMO_TIME_ERROR_INVALID,
  COSMO_TIME_ERROR_NEEDS_T0,   /* an absolute time, but no T0 to relate it to */
} CosmoTimeError;
GQuark cosmo_time_error_quark (void);

/* "T+00:08:49", "T-00:01:00"; beyond a day "T+4d 03:12:00". @decimals (0..3)
 * adds fractional seconds: "T+00:01:58.1". */
char      *cosmo_time_format_mission  (double      t,
                                       guint       decimals);
/* Compact mission time for axis labels: "T+118 s", "T+2 min", "T+3 d". */
char      *cosmo_time_format_duration (double      seconds);
/* Absolute time of @t (seconds from @t0) in @tz, "2025-11-27 09:36:46".
 * @tz NULL means UTC. @decimals as above. */
char      *cosmo_time_format_absolute (GDateTime  *t0,
                                       double      t,
                                       GTimeZone  *tz,
                                       guint       decimals);
/* The zone's short label, "UTC" or "UTC+05". */
char      *cosmo_time_zone_label      (GTimeZone  *tz,
                                       GDateTime  *at);
/* Instant at @t seconds after @t0 (sub-second precision kept). */
GDateTime *cosmo_time_to_datetime     (GDateTime  *t0,
                                       double      t);
double     cosmo_time_from_datetime   (GDateTime  *t0,
                                       GDateTime  *instant);

/* Parse what a person types or a file says, independent of the locale:
 *   "T+118", "T-60", "T+00:08:49", "T-1h", "118.5", "-60", "+2d", "+90min",
 *   "09:29:55" (UTC on T0's day), ISO 8601 "2025-11-27T09:29:55Z" or with an
 *   offset. Relative forms need no @t0; absolute forms do. */
gboolean   cosmo_time_parse           (const char *text,
                                       GDateTime  *t0,
                                       double     *out_t,
                                       GError    **error);
/* Parse an ISO 8601 instant with an explicit zone ("Z" or "+05:00"). */
GDateTime *cosmo_time_parse_iso8601   (const char *text,
                                       GError    **error);

/* Locale-independent number parsing (the C locale's '.' always). Returns
 * FALSE unless the whole string is a finite number. */
gboolean   cosmo_parse_double         (const char *text,
                                       double     *out);

G_END_DECLS
