/* cosmo-mission-writer.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cosmo-load-error.h"
#include "cosmo-mission-loader.h"
#include "cosmo-mission-writer.h"
#include "cosmo-time.h"

#define MISSION_JSON "mission.json"

void
cosmo_format_double (char   *buffer,
                     gsize   size,
                     double  value)
{
  /* The shortest of %.15g/%.16g/%.17g that reads back exactly keeps files
   * small and round trips lossless. */
  for (int precision = 15; precision <= 17; precision++)
    {
      g_snprintf (buffer, size, "%.*g", precision, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  /* printf follows LC_NUMERIC; files always use '.' */
  for (char *p = buffer; *p; p++)
    if (*p == ',')
      *p = '.';
}

static void
fsync_path (const char *path,
            gboolean    directory)
{
  int fd = open (path, (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

gboolean
cosmo_atomic_write (GFile                   *file,
                    const char              *data,
                    gsize                    length,
                    const CosmoWriteOptions *options,
                    GCancellable            *cancellable,
                    GError                 **error)
{
  static const CosmoWriteOptions defaults = { TRUE, NULL, NULL };
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *backup_path = NULL;
  g_autoptr(GFile) tmp_file = NULL;
  g_autoptr(GFileOutputStream) file_stream = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  struct stat st;
  gboolean had_old;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (options == NULL)
    options = &defaults;
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("only local files can be saved safely"));
      return FALSE;
    }
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  had_old = g_lstat (path, &st) == 0;
  if (had_old && !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("%s: not a regular file"), base);
      return FALSE;
    }

  /* A new, unique file next to the old one: rename() is atomic only within
   * one file system. */
  for (int attempt = 0; file_stream == NULL; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.tmp", base, g_random_int ());

      g_clear_pointer (&tmp_path, g_free);
      g_clear_object (&tmp_file);
      g_clear_error (&local_error);
      tmp_path = g_build_filename (dir, name, NULL);
      tmp_file = g_file_new_for_path (tmp_path);
      file_stream = g_file_create (tmp_file, G_FILE_CREATE_NONE, cancellable, &local_error);
      if (file_stream == NULL && (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) || attempt > 8))
        {
          g_set_error (error, local_error->domain, local_error->code, _("%s: cannot save: %s"),
                       base, local_error->message);
          return FALSE;
        }
    }

  stream = options->wrap ? options->wrap (G_OUTPUT_STREAM (file_stream), options->wrap_data)
                         : g_object_ref (G_OUTPUT_STREAM (file_stream));

  if (!g_output_stream_write_all (stream, data, length, NULL, cancellable, &local_error) ||
      !g_output_stream_close (stream, cancellable, &local_error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (file_stream), cancellable, &local_error))
    {
      /* Nothing was renamed: the old file is untouched. */
      g_output_stream_close (G_OUTPUT_STREAM (file_stream), NULL, NULL);
      g_unlink (tmp_path);
      g_set_error (error, local_error->domain, local_error->code, _("%s: cannot save: %s"),
                   base, local_error->message);
      return FALSE;
    }

  /* The data must be on disk before the rename is, or a power cut could
   * leave an empty file under the old name. */
  fsync_path (tmp_path, FALSE);
  if (had_old)
    g_chmod (tmp_path, st.st_mode & 07777);

  if (had_old && options->make_backup)
    {
      backup_path = g_strconcat (path, "~", NULL);
      g_unlink (backup_path);
      /* A hard link keeps the old version without a window in which
       * mission.json does not exist; copy where links are not possible. */
      if (link (path, backup_path) != 0)
        {
          g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
          g_file_copy (file, backup, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, NULL);
        }
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("%s: cannot save: %s"),
                   base, g_strerror (saved));
      return FALSE;
    }
  fsync_path (dir, TRUE);
  return TRUE;
}

static void
set_string (JsonObject *obj,
            const char *member,
            const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (obj, member, value);
  else
    json_object_remove_member (obj, member);
}

static char *
format_mission_time (double t)
{
  char buf[64];
  double us = round (fabs (t) * 1e6) / 1e6;
  char *p;

  /* Microseconds, trailing zeros trimmed: "T+157.5", "T-1800". */
  g_snprintf (buf, sizeof buf, "%.6f", us);
  for (p = buf; *p; p++)
    if (*p == ',')
      *p = '.';
  p = buf + strlen (buf) - 1;
  while (*p == '0')
    *p-- = '\0';
  if (*p == '.')
    *p = '\0';
  return g_strdup_printf ("T%c%s", t < 0 ? '-' : '+', buf);
}

static void
set_time (JsonObject *obj,
          const char *member,
          double      t,
          GDateTime  *t0,
          JsonObject *original)
{
  JsonNode *node = original ? json_object_get_member (original, member) : NULL;
  double old;

  /* Keep the author's spelling ("T+10", an ISO time) when it still says
   * the same instant. */
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
      cosmo_time_parse (json_node_get_string (node), t0, &old, NULL) && fabs (old - t) < 1e-6)
    {
      json_object_set_member (obj, member, json_node_copy (node));
      return;
    }
  {
    g_autofree char *text = format_mission_time (t);
    json_object_set_string_member (obj, member, text);
  }
}

JsonNode *
cosmo_event_to_json (CosmoEvent   *event,
                     CosmoMission *mission,
                     JsonObject   *original)
{
  JsonObject *obj;
  JsonNode *node;
  GDateTime *t0 = cosmo_mission_get_t0 (mission);
  const char *site_id = cosmo_event_get_site_id (event);
  CosmoSite *site = site_id ? cosmo_mission_lookup_site (mission, site_id) : NULL;
  g_autoptr(JsonObject) copy = NULL;

  /* Work on a copy: the original belongs to the parsed document. */
  copy = json_object_new ();
  if (original != NULL)
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;

      json_object_iter_init (&iter, original);
      while (json_object_iter_next (&iter, &member, &value))
        json_object_set_member (copy, member, json_node_copy (value));
    }
  obj = copy;

  json_object_set_string_member (obj, "id", cosmo_event_get_id (event));
  set_time (obj, "time", cosmo_event_get_time (event), t0, original);
  if (cosmo_event_is_range (event))
    set_time (obj, "end", cosmo_event_get_end_time (event), t0, original);
  else
    json_object_remove_member (obj, "end");
  json_object_set_string_member (obj, "category",
                                 cosmo_enum_to_nick (COSMO_TYPE_EVENT_CATEGORY, cosmo_event_get_category (event)));
  json_object_set_string_member (obj, "severity",
                                 cosmo_enum_to_nick (COSMO_TYPE_SEVERITY, cosmo_event_get_severity (event)));
  json_object_set_string_member (obj, "title", cosmo_event_get_title (event));
  set_string (obj, "description", cosmo_event_get_description (event));
  json_object_set_string_member (obj, "source",
                                 cosmo_event_get_source (event) && *cosmo_event_get_source (event)
                                   ? cosmo_event_get_source (event) : _("Unknown"));
  set_string (obj, "url", cosmo_event_get_source_url (event));
  json_object_set_string_member (obj, "confidence",
                                 cosmo_enum_to_nick (COSMO_TYPE_CONFIDENCE, cosmo_event_get_confidence (event)));
  set_string (obj, "site", site ? site_id : NULL);
  if (cosmo_event_get_chapter (event))
    json_object_set_boolean_member (obj, "chapter", TRUE);
  else
    json_object_remove_member (obj, "chapter");

  /* The loader puts a site's event at the site; write a location only when
   * it says something else. */
  if (cosmo_event_get_has_location (event) &&
      (site == NULL || cosmo_event_get_latitude (event) != cosmo_site_get_latitude (site) ||
       cosmo_event_get_longitude (event) != cosmo_site_get_longitude (site)))
    {
      JsonObject *loc = json_object_new ();

      json_object_set_double_member (loc, "lat", cosmo_event_get_latitude (event));
      json_object_set_double_member (loc, "lon", cosmo_event_get_longitude (event));
      json_object_set_object_member (obj, "location", loc);
    }
  else
    json_object_remove_member (obj, "location");

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, obj);
  return node;
}

JsonNode *
cosmo_events_to_json (CosmoMission *mission,
                      JsonArray    *original_events)
{
  CosmoEventList *events = cosmo_mission_get_events (mission);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array = json_array_new ();
  JsonNode *node;
  guint n = original_events ? json_array_get_length (original_events) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (original_events, i);
      JsonObject *obj = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      JsonNode *id = obj ? json_object_get_member (obj, "id") : NULL;

      if (id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING)
        g_hash_table_insert (by_id, (gpointer) json_node_get_string (id), obj);
    }

  for (guint i = 0; i < cosmo_event_list_get_count (events); i++)
    {
      CosmoEvent *event = cosmo_event_list_get_event (events, i);

      json_array_add_element (array, cosmo_event_to_json (event, mission,
                                                          g_hash_table_lookup (by_id, cosmo_event_get_id (event))));
    }

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  return node;
}

static JsonNode *
new_document (CosmoMission *mission)
{
  JsonObject *root = json_object_new ();
  JsonArray *sites = json_array_new ();
  JsonArray *sources = json_array_new ();
  GListModel *site_model = cosmo_mission_get_sites (mission);
  g_autofree char *t0 = cosmo_time_format_absolute (cosmo_mission_get_t0 (mission), 0, NULL, 3);
  g_autoptr(GDateTime) t0_utc = g_date_time_to_utc (cosmo_mission_get_t0 (mission));
  g_autofree char *t0_iso = g_date_time_format (t0_utc, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *t0_full = NULL;
  JsonNode *node;
  int ms = (int) round (g_date_time_get_microsecond (t0_utc) / 1000.0);

  t0_full = ms ? g_strdup_printf ("%s.%03dZ", t0_iso, MIN (ms, 999)) : g_strdup_printf ("%sZ", t0_iso);
  json_object_set_string_member (root, "format", COSMO_MISSION_FORMAT_NAME);
  json_object_set_int_member (root, "version", COSMO_MISSION_FORMAT_VERSION);
  json_object_set_string_member (root, "id", cosmo_mission_get_id (mission));
  json_object_set_string_member (root, "title", cosmo_mission_get_title (mission));
  set_string (root, "vehicle", cosmo_mission_get_vehicle (mission));
  set_string (root, "description", cosmo_mission_get_description (mission));
  json_object_set_string_member (root, "t0", t0_full);
  set_string (root, "time_zone_name", cosmo_mission_get_time_zone_name (mission));

  for (guint i = 0; i < cosmo_mission_get_n_sources (mission); i++)
    {
      JsonObject *source = json_object_new ();
      const char *title, *url;

      cosmo_mission_get_source (mission, i, &title, &url);
      json_object_set_string_member (source, "title", title);
      set_string (source, "url", url);
      json_array_add_object_element (sources, source);
    }
  json_object_set_array_member (root, "sources", sources);

  for (guint i = 0; i < g_list_model_get_n_items (site_model); i++)
    {
      g_autoptr(CosmoSite) site = g_list_model_get_item (site_model, i);
      JsonObject *obj = json_object_new ();

      json_object_set_string_member (obj, "id", cosmo_site_get_id (site));
      json_object_set_string_member (obj, "name", cosmo_site_get_name (site));
      json_object_set_string_member (obj, "kind", cosmo_enum_to_nick (COSMO_TYPE_SITE_KIND, cosmo_site_get_kind (site)));
      json_object_set_double_member (obj, "lat", cosmo_site_get_latitude (site));
      json_object_set_double_member (obj, "lon", cosmo_site_get_longitude (site));
      json_object_set_double_member (obj, "elevation_m", cosmo_site_get_elevation (site));
      if (cosmo_site_get_primary (site))
        json_object_set_boolean_member (obj, "primary", TRUE);
      set_string (obj, "description", cosmo_site_get_description (site));
      set_string (obj, "source", cosmo_site_get_source (site));
      json_object_set_string_member (obj, "confidence",
                                     cosmo_enum_to_nick (COSMO_TYPE_CONFIDENCE, cosmo_site_get_confidence (site)));
      json_array_add_object_element (sites, obj);
    }
  json_object_set_array_member (root, "sites", sites);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, root);
  return node;
}

char *
cosmo_mission_to_json_data (CosmoMission *mission,
                            JsonNode     *original_root,
                            gsize        *length)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *obj;
  JsonNode *events_node;
  JsonArray *original_events = NULL;
  g_autoptr(GString) out = NULL;
  char *text;

  g_return_val_if_fail (COSMO_IS_MISSION (mission), NULL);

  if (original_root != NULL && JSON_NODE_HOLDS_OBJECT (original_root))
    root = json_node_copy (original_root);
  else
    root = new_document (mission);
  obj = json_node_get_object (root);

  events_node = json_object_get_member (obj, "events");
  if (events_node != NULL && JSON_NODE_HOLDS_ARRAY (events_node))
    original_events = json_node_get_array (events_node);
  json_object_set_member (obj, "events", cosmo_events_to_json (mission, original_events));

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  out = g_string_new (text);
  g_free (text);
  g_string_append_c (out, '\n');
  if (length != NULL)
    *length = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

JsonNode *
cosmo_mission_read_json (GFile         *folder,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GFile) file = g_file_get_child (folder, MISSION_JSON);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *contents = NULL;
  g_autoptr(GFileInfo) info = NULL;
  gsize length;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > COSMO_MAX_JSON_SIZE)
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_TOO_LARGE,
                   _("%s: the file is larger than a mission.json may be"), MISSION_JSON);
      return NULL;
    }
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  if (!json_parser_load_from_data (parser, contents, length, error))
    return NULL;
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_SYNTAX,
                   _("%s:1: expected a JSON object at the top"), MISSION_JSON);
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

gboolean
cosmo_mission_save (CosmoMission             *mission,
                    GFile                    *folder,
                    const CosmoWriteOptions  *options,
                    GCancellable             *cancellable,
                    GError                  **error)
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(JsonNode) original = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (COSMO_IS_MISSION (mission), FALSE);

  if (folder == NULL)
    folder = cosmo_mission_get_location (mission);
  if (folder == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("the mission has no package folder"));
      return FALSE;
    }

  /* Start from what is on disk so that nothing else in it is lost. */
  original = cosmo_mission_read_json (folder, cancellable, &local_error);
  if (original == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  data = cosmo_mission_to_json_data (mission, original, &length);
  target = g_file_get_child (folder, MISSION_JSON);
  return cosmo_atomic_write (target, data, length, options, cancellable, error);
}

gboolean
cosmo_mission_copy_package (GFile         *from,
                            GFile         *to,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  g_return_val_if_fail (G_IS_FILE (from), FALSE);
  g_return_val_if_fail (G_IS_FILE (to), FALSE);

  if (!g_file_make_directory_with_parents (to, cancellable, error))
    return FALSE;

  children = g_file_enumerate_children (from, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (children == NULL)
    return FALSE;

  while (g_file_enumerator_iterate (children, &info, &child, cancellable, error))
    {
      g_autoptr(GFile) target = NULL;

      if (info == NULL)
        return TRUE;

      target = g_file_get_child (to, g_file_info_get_name (info));
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          if (!cosmo_mission_copy_package (child, target, cancellable, error))
            return FALSE;
        }
      else if (!g_file_copy (child, target, G_FILE_COPY_NONE, cancellable, NULL, NULL, error))
        return FALSE;
    }

  return FALSE;
}
