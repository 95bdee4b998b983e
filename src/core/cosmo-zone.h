/* cosmo-zone.h: an area on the ground (a fall zone, a hazard area)
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cosmo-enums.h"

G_BEGIN_DECLS

#define COSMO_TYPE_ZONE (cosmo_zone_get_type ())
G_DECLARE_FINAL_TYPE (CosmoZone, cosmo_zone, COSMO, ZONE, GObject)

/* @latitudes and @longitudes: the polygon's vertices, @n_vertices each. */
CosmoZone       *cosmo_zone_new             (const char      *id,
                                             const char      *title,
                                             const char      *kind,
                                             CosmoProvenance  provenance,
                                             const double    *latitudes,
                                             const double    *longitudes,
                                             gsize            n_vertices);
const char      *cosmo_zone_get_id          (CosmoZone *self);
const char      *cosmo_zone_get_title       (CosmoZone *self);
const char      *cosmo_zone_get_kind        (CosmoZone *self);
CosmoProvenance  cosmo_zone_get_provenance  (CosmoZone *self);
const char      *cosmo_zone_get_description (CosmoZone *self);
void             cosmo_zone_set_description (CosmoZone  *self,
                                             const char *description);
gsize            cosmo_zone_get_n_vertices  (CosmoZone *self);
const double    *cosmo_zone_get_latitudes   (CosmoZone *self);
const double    *cosmo_zone_get_longitudes  (CosmoZone *self);
/* The mean of the vertices: where a label goes. */
void             cosmo_zone_get_center      (CosmoZone *self,
                                             double    *latitude,
                                             double    *longitude);

G_END_DECLS
