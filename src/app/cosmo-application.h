/* cosmo-application.h
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define COSMO_TYPE_APPLICATION (cosmo_application_get_type ())
G_DECLARE_FINAL_TYPE (CosmoApplication, cosmo_application, COSMO, APPLICATION, AdwApplication)

CosmoApplication *cosmo_application_new                (void);
/* The Soyuz MS-28 package shipped with the app (installed or in the source
 * tree when run uninstalled). */
GFile            *cosmo_application_get_bundled_mission (void);

G_END_DECLS
