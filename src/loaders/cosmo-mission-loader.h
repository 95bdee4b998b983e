/* cosmo-mission-loader.h: reads a mission package (a folder with
 * mission.json and CSV files; see data/missions/FORMAT.md)
 *
 * A mission is returned only when all of it loaded: any error fails the
 * whole load, so a half-loaded mission can never be shown as complete.
 * The GError's message holds every problem found, one per line, each as
 * "file:line: message".
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cosmo-load-error.h"
#include "cosmo-mission.h"

G_BEGIN_DECLS

#define COSMO_MISSION_FORMAT_NAME    "cosmodrome-mission"
#define COSMO_MISSION_FORMAT_VERSION 1

CosmoMission *cosmo_mission_load          (GFile               *folder,
                                           GCancellable        *cancellable,
                                           GError             **error);
/* Runs cosmo_mission_load() in a worker thread. */
void          cosmo_mission_load_async    (GFile               *folder,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
CosmoMission *cosmo_mission_load_finish   (GAsyncResult        *result,
                                           GError             **error);

/* Reads the "events" array of a JSON object (a mission.json or an autosave)
 * against @mission's T0 and sites, with the same checks as the loader.
 * Returns the events (a new array) or NULL with every problem in @error. */
GPtrArray    *cosmo_mission_parse_events  (CosmoMission        *mission,
                                           const char          *data,
                                           gsize                length,
                                           const char          *display_name,
                                           GError             **error);

/* A one-screen summary for --validate. */
char         *cosmo_mission_format_summary (CosmoMission       *mission);

G_END_DECLS
