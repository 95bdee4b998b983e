/* cosmo-autosave.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "cosmo-autosave.h"
#include "cosmo-load-error.h"
#include "cosmo-mission-loader.h"
#include "cosmo-mission-writer.h"

static char *
package_key (GFile *package)
{
  g_autofree char *path = g_file_get_path (package);
  char *real = path ? realpath (path, NULL) : NULL;
  g_autofree char *uri = NULL;
  char *key;

  /* The same folder reached by two paths is one package. */
  if (real != NULL)
    {
      key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, real, -1);
      free (real);
      return key;
    }
  uri = g_file_get_uri (package);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
}

GFile *
cosmo_autosave_get_file (GFile *package)
{
  g_autofree char *key = package_key (package);
  g_autofree char *name = g_strconcat (key, ".json", NULL);

  return g_file_new_build_filename (g_get_user_state_dir (), "cosmodrome", "autosave", name, NULL);
}

gboolean
cosmo_autosave_write (CosmoMission  *mission,
                      GError       **error)
{
  static const CosmoWriteOptions options = { FALSE, NULL, NULL };
  GFile *package = cosmo_mission_get_location (mission);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format_iso8601 (now);
  g_autofree char *uri = NULL;
  g_autofree char *data = NULL;
  g_autofree char *dir_path = NULL;
  gsize length;

  g_return_val_if_fail (COSMO_IS_MISSION (mission), FALSE);

  if (package == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("the mission has no package folder"));
      return FALSE;
    }
  file = cosmo_autosave_get_file (package);
  dir = g_file_get_parent (file);
  dir_path = g_file_get_path (dir);
  if (g_mkdir_with_parents (dir_path, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: cannot create the folder"), dir_path);
      return FALSE;
    }

  uri = g_file_get_uri (package);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, COSMO_AUTOSAVE_FORMAT_NAME);
  json_builder_set_member_name (builder, "package");
  json_builder_add_string_value (builder, uri);
  json_builder_set_member_name (builder, "mission_id");
  json_builder_add_string_value (builder, cosmo_mission_get_id (mission));
  json_builder_set_member_name (builder, "saved_at");
  json_builder_add_string_value (builder, now_text);
  json_builder_set_member_name (builder, "events");
  json_builder_add_value (builder, cosmo_events_to_json (mission, NULL));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);
  return cosmo_atomic_write (file, data, length, &options, NULL, error);
}

gint64
cosmo_autosave_find (CosmoMission *mission)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (COSMO_IS_MISSION (mission), 0);

  if (cosmo_mission_get_location (mission) == NULL)
    return 0;
  file = cosmo_autosave_get_file (cosmo_mission_get_location (mission));
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return 0;
  return (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
}

GPtrArray *
cosmo_autosave_read_events (CosmoMission  *mission,
                            GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (COSMO_IS_MISSION (mission), NULL);

  if (cosmo_mission_get_location (mission) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("the mission has no package folder"));
      return NULL;
    }
  file = cosmo_autosave_get_file (cosmo_mission_get_location (mission));
  name = g_file_get_basename (file);
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;
  /* Checked like mission.json: an autosave is a file on disk too. */
  return cosmo_mission_parse_events (mission, contents, length, name, error);
}

void
cosmo_autosave_discard (CosmoMission *mission)
{
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (COSMO_IS_MISSION (mission));

  if (cosmo_mission_get_location (mission) == NULL)
    return;
  file = cosmo_autosave_get_file (cosmo_mission_get_location (mission));
  g_file_delete (file, NULL, NULL);
}
