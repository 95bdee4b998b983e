/* cosmo-oem-reader.h: CCSDS Orbit Ephemeris Messages (OEM, KVN text,
 * versions 1.0 to 3.0) to a trajectory of latitude, longitude and altitude
 *
 * Reads the header, any number of META_START/META_STOP segments, COMMENT
 * lines, state vectors with optional accelerations, and skips covariance
 * blocks. Time systems UTC, TAI, GPS and TT; frames EME2000, GCRF, ICRF
 * (rotated to the Earth-fixed frame) and ITRF* / ITRS (already fixed);
 * the centre must be the Earth.
 *
 * Precision of the inertial -> Earth-fixed rotation: IAU 1976 precession
 * and the IAU 1982 sidereal time are applied; nutation (up to ~17" in
 * longitude, 9" in obliquity), polar motion (~0.3") and UT1-UTC (< 0.9 s,
 * up to 13.5") are ignored. The result is within about 30 arcseconds,
 * under 1 km at low Earth orbit, which is below a map pixel at the zoom
 * a whole orbit is seen. WGS84 geodetic coordinates are computed exactly
 * by iteration (sub-millimetre).
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cosmo-import.h"

G_BEGIN_DECLS

/* An OEM is limited like a CSV file, in bytes and in line length. */
#define COSMO_MAX_OEM_SIZE ((goffset) 1024 * 1024 * 1024)

typedef struct {
  char *object_name;
  char *object_id;
  char *center_name;
  char *ref_frame;
  char *time_system;
  guint first_line;
  guint n_states;
} CosmoOemSegment;

typedef struct {
  char *version;
  char *originator;
  char *creation_date;
  GPtrArray *segments;   /* CosmoOemSegment */
  /* All states, segments joined, in UTC Unix seconds; Earth-fixed (ITRF)
   * position in m and velocity in m/s, and the inertial speed in m/s. */
  GArray *times;
  GArray *x, *y, *z;
  GArray *vx, *vy, *vz;
  GArray *inertial_speed;
  GArray *lines;         /* guint, where each state was read */
} CosmoOem;

void             cosmo_oem_free          (CosmoOem *oem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CosmoOem, cosmo_oem_free)

CosmoOem        *cosmo_oem_parse         (const char    *data,
                                          gsize          length,
                                          const char    *display_name,
                                          GCancellable  *cancellable,
                                          GError       **error);
CosmoOem        *cosmo_oem_read_file     (GFile         *file,
                                          GCancellable  *cancellable,
                                          GError       **error);
/* TRUE if @data starts like an OEM ("CCSDS_OEM_VERS"). */
gboolean         cosmo_oem_sniff         (const char    *data,
                                          gsize          length);

/* A trajectory: lat, lon, alt (m), ground speed (m/s), absolute times.
 * Times repeated where one segment ends and the next starts are merged. */
CosmoImportData *cosmo_oem_to_import     (CosmoOem      *oem,
                                          const char    *source_name,
                                          GError       **error);

/* Earth-fixed (ITRF) metres -> WGS84 geodetic latitude and longitude in
 * degrees and height above the ellipsoid in metres. */
void             cosmo_ecef_to_geodetic  (double         x,
                                          double         y,
                                          double         z,
                                          double        *lat,
                                          double        *lon,
                                          double        *alt);
/* TAI - UTC in seconds at the UTC instant @unix_utc (leap seconds since
 * 1972; 37 s since 2017). */
double           cosmo_tai_minus_utc     (double         unix_utc);
/* Rotates an inertial (J2000/GCRF) state at UTC @unix_utc into the
 * Earth-fixed frame, in place. */
void             cosmo_inertial_to_ecef  (double         unix_utc,
                                          double         r[3],
                                          double         v[3]);

G_END_DECLS
