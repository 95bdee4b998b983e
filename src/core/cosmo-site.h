/* cosmo-site.h: a named place of the mission (pad, airfield, town, ...)
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cosmo-enums.h"

G_BEGIN_DECLS

#define COSMO_TYPE_SITE (cosmo_site_get_type ())
G_DECLARE_FINAL_TYPE (CosmoSite, cosmo_site, COSMO, SITE, GObject)

CosmoSite     *cosmo_site_new             (const char    *id,
                                           const char    *name,
                                           CosmoSiteKind  kind,
                                           double         latitude,
                                           double         longitude);
const char    *cosmo_site_get_id          (CosmoSite *self);
const char    *cosmo_site_get_name        (CosmoSite *self);
CosmoSiteKind  cosmo_site_get_kind        (CosmoSite *self);
double         cosmo_site_get_latitude    (CosmoSite *self);
double         cosmo_site_get_longitude   (CosmoSite *self);
double         cosmo_site_get_elevation   (CosmoSite *self);
gboolean       cosmo_site_get_primary     (CosmoSite *self);
const char    *cosmo_site_get_description (CosmoSite *self);
const char    *cosmo_site_get_source      (CosmoSite *self);
CosmoConfidence cosmo_site_get_confidence (CosmoSite *self);

G_END_DECLS
