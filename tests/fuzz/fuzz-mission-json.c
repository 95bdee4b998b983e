/* fuzz-mission-json.c: libFuzzer harness for the mission package loader
 *
 * The input becomes mission.json of a package folder that also holds two
 * small valid CSV files, so inputs that name them reach the CSV checks.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdint.h>

#include "cosmo-mission-loader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *package;
static char *json_path;

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(CosmoMission) mission = NULL;
  g_autoptr(GError) error = NULL;

  if (package == NULL)
    {
      g_autofree char *trajectory = NULL, *vehicle = NULL;

      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      package = g_dir_make_tmp ("cosmo-fuzz-XXXXXX", NULL);
      json_path = g_build_filename (package, "mission.json", NULL);
      trajectory = g_build_filename (package, "trajectory.csv", NULL);
      vehicle = g_build_filename (package, "vehicle.csv", NULL);
      g_file_set_contents (trajectory, "t,lat,lon,alt_m,speed_mps\n0,46,63.5,100,0\n1,46.1,63.6,200,10\n", -1, NULL);
      g_file_set_contents (vehicle, "t,alt_km,q_kpa\n0,0.1,0\n1,0.2,1\n", -1, NULL);
    }
  if (!g_file_set_contents (json_path, (const char *) data, size, NULL))
    return 0;
  folder = g_file_new_for_path (package);
  mission = cosmo_mission_load (folder, NULL, &error);
  /* Either a mission or an error, never both, never neither. */
  g_assert ((mission == NULL) != (error == NULL));
  return 0;
}
