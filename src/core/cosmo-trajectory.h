/* cosmo-trajectory.h: a time-tagged path (the vehicle's ascent, or a spent
 * stage's fall), with its state at any time by interpolation
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cosmo-enums.h"

G_BEGIN_DECLS

typedef struct {
  double t;               /* s from T0 */
  double latitude;        /* degrees */
  double longitude;       /* degrees, -180..180 */
  double altitude;        /* m above the ellipsoid */
  double speed;           /* m/s relative to the ground; NAN if unknown */
  double inertial_speed;  /* m/s; NAN if unknown */
  double downrange;       /* m, great-circle distance from the first sample */
} CosmoTrajectoryState;

typedef enum {
  COSMO_TRAJECTORY_TIME,
  COSMO_TRAJECTORY_LATITUDE,
  COSMO_TRAJECTORY_LONGITUDE,
  COSMO_TRAJECTORY_ALTITUDE,
  COSMO_TRAJECTORY_SPEED,
  COSMO_TRAJECTORY_INERTIAL_SPEED,
  COSMO_TRAJECTORY_DOWNRANGE,
  COSMO_TRAJECTORY_N_COLUMNS
} CosmoTrajectoryColumn;

#define COSMO_TYPE_TRAJECTORY (cosmo_trajectory_get_type ())
G_DECLARE_FINAL_TYPE (CosmoTrajectory, cosmo_trajectory, COSMO, TRAJECTORY, GObject)

/* @columns: COSMO_TRAJECTORY_N_COLUMNS GBytes of @n_samples doubles each;
 * time, latitude, longitude and altitude are required, the others may be
 * NULL (speed is then derived from positions, downrange computed). Times
 * must be strictly increasing (the loader checks). */
CosmoTrajectory *cosmo_trajectory_new                (const char      *id,
                                                      const char      *title,
                                                      CosmoProvenance  provenance,
                                                      GBytes         **columns);
const char      *cosmo_trajectory_get_id             (CosmoTrajectory *self);
const char      *cosmo_trajectory_get_title          (CosmoTrajectory *self);
const char      *cosmo_trajectory_get_description    (CosmoTrajectory *self);
void             cosmo_trajectory_set_description    (CosmoTrajectory *self,
                                                      const char      *description);
CosmoProvenance  cosmo_trajectory_get_provenance     (CosmoTrajectory *self);
gsize            cosmo_trajectory_get_n_samples      (CosmoTrajectory *self);
/* Borrowed column; never NULL for a valid column after construction. */
const double    *cosmo_trajectory_get_column         (CosmoTrajectory       *self,
                                                      CosmoTrajectoryColumn  column);
double           cosmo_trajectory_get_start_time     (CosmoTrajectory *self);
double           cosmo_trajectory_get_end_time       (CosmoTrajectory *self);
/* Index of the last sample at or before t (0 before the start). */
gsize            cosmo_trajectory_find_index         (CosmoTrajectory *self,
                                                      double           t);
/* Interpolated state; clamps to the ends and returns FALSE outside them. */
gboolean         cosmo_trajectory_get_state          (CosmoTrajectory      *self,
                                                      double                t,
                                                      CosmoTrajectoryState *state);
/* Latitude/longitude bounding box of the ground track. */
void             cosmo_trajectory_get_bounds         (CosmoTrajectory *self,
                                                      double          *min_lat,
                                                      double          *min_lon,
                                                      double          *max_lat,
                                                      double          *max_lon);

/* Great-circle distance in metres on the mean Earth sphere. */
double           cosmo_geo_distance                  (double lat1,
                                                      double lon1,
                                                      double lat2,
                                                      double lon2);

G_END_DECLS
