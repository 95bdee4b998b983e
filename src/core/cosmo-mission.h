/* cosmo-mission.h: everything known about one launch and its incident
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cosmo-channel.h"
#include "cosmo-event-list.h"
#include "cosmo-site.h"
#include "cosmo-trajectory.h"
#include "cosmo-zone.h"

G_BEGIN_DECLS

#define COSMO_TYPE_MISSION (cosmo_mission_get_type ())
G_DECLARE_FINAL_TYPE (CosmoMission, cosmo_mission, COSMO, MISSION, GObject)

CosmoMission    *cosmo_mission_new                 (const char *id,
                                                    const char *title,
                                                    GDateTime  *t0,
                                                    GTimeZone  *site_time_zone);
const char      *cosmo_mission_get_id              (CosmoMission *self);
const char      *cosmo_mission_get_title           (CosmoMission *self);
const char      *cosmo_mission_get_vehicle         (CosmoMission *self);
void             cosmo_mission_set_vehicle         (CosmoMission *self,
                                                    const char   *vehicle);
const char      *cosmo_mission_get_description     (CosmoMission *self);
void             cosmo_mission_set_description     (CosmoMission *self,
                                                    const char   *description);
/* T0: an absolute UTC instant with sub-second precision. */
GDateTime       *cosmo_mission_get_t0              (CosmoMission *self);
GTimeZone       *cosmo_mission_get_time_zone       (CosmoMission *self);
/* "Baikonur time": what the site's clock is called. */
const char      *cosmo_mission_get_time_zone_name  (CosmoMission *self);
void             cosmo_mission_set_time_zone_name  (CosmoMission *self,
                                                    const char   *name);
/* The package folder it was loaded from, or NULL. */
GFile           *cosmo_mission_get_location        (CosmoMission *self);
void             cosmo_mission_set_location        (CosmoMission *self,
                                                    GFile        *location);

GListModel      *cosmo_mission_get_sites           (CosmoMission *self);
void             cosmo_mission_add_site            (CosmoMission *self,
                                                    CosmoSite    *site);
CosmoSite       *cosmo_mission_lookup_site         (CosmoMission *self,
                                                    const char   *id);
/* The site marked primary (the launch pad), or the first pad. */
CosmoSite       *cosmo_mission_get_primary_site    (CosmoMission *self);

CosmoEventList  *cosmo_mission_get_events          (CosmoMission *self);

/* The vehicle's trajectory, or NULL when the package has none. */
CosmoTrajectory *cosmo_mission_get_trajectory      (CosmoMission    *self);
void             cosmo_mission_set_trajectory      (CosmoMission    *self,
                                                    CosmoTrajectory *trajectory);
/* Spent stages and other falling objects (CosmoTrajectory). */
GListModel      *cosmo_mission_get_debris          (CosmoMission    *self);
void             cosmo_mission_add_debris          (CosmoMission    *self,
                                                    CosmoTrajectory *trajectory);

GListModel      *cosmo_mission_get_channels        (CosmoMission *self);
void             cosmo_mission_add_channel         (CosmoMission *self,
                                                    CosmoChannel *channel);
CosmoChannel    *cosmo_mission_lookup_channel      (CosmoMission *self,
                                                    const char   *id);

GListModel      *cosmo_mission_get_zones           (CosmoMission *self);
void             cosmo_mission_add_zone            (CosmoMission *self,
                                                    CosmoZone    *zone);

/* Sources cited by the package as a whole (title and URL pairs). */
void             cosmo_mission_add_source          (CosmoMission *self,
                                                    const char   *title,
                                                    const char   *url);
guint            cosmo_mission_get_n_sources       (CosmoMission *self);
void             cosmo_mission_get_source          (CosmoMission *self,
                                                    guint         i,
                                                    const char  **title,
                                                    const char  **url);

/* The chapters of a briefing: events marked as chapters in the package, or
 * when none are, the flight events of warning severity and above plus the
 * first event of each other category. Returns a new array of borrowed
 * events in time order. */
GPtrArray       *cosmo_mission_get_chapters        (CosmoMission *self);

/* Span of everything in the mission: events, trajectory and channels. */
void             cosmo_mission_get_time_bounds     (CosmoMission *self,
                                                    double       *start,
                                                    double       *end);

G_END_DECLS
