/* fuzz-events.c: libFuzzer harness for event import (JSON lists of events
 * through the mapping, and mission.json-style events as autosave recovery
 * reads them)
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>

#include "cosmo-csv-import.h"
#include "cosmo-mission-loader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static CosmoMission *mission;

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoImportPlan) plan = NULL;
  g_autoptr(GPtrArray) events = NULL;

  if (mission == NULL)
    {
      g_autoptr(GDateTime) t0 = g_date_time_new_utc (2025, 11, 27, 9, 27, 57.402);
      g_autoptr(CosmoSite) site = cosmo_site_new ("pad", "Pad", COSMO_SITE_KIND_PAD, 46, 63.5);

      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      mission = cosmo_mission_new ("fuzz", "Fuzz", t0, NULL);
      cosmo_mission_add_site (mission, site);
    }

  plan = cosmo_import_sniff (text, size, "fuzz.json", &error);
  g_assert ((plan == NULL) != (error == NULL));
  g_clear_error (&error);
  if (plan != NULL)
    {
      g_autoptr(CosmoImportData) imported = cosmo_import_table (text, size, plan, NULL, NULL, NULL, &error);
      g_assert ((imported == NULL) != (error == NULL));
      g_clear_error (&error);
    }

  events = cosmo_mission_parse_events (mission, text, size, "fuzz.json", &error);
  g_assert ((events == NULL) != (error == NULL));
  return 0;
}
