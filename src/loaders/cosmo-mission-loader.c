/* cosmo-mission-loader.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cosmo-csv-reader.h"
#include "cosmo-mission-loader.h"
#include "cosmo-time.h"

#define MISSION_JSON "mission.json"
#define MAX_ERRORS 50

typedef struct
{
  GFile *folder;
  char *folder_real;
  GCancellable *cancellable;
  JsonParser *parser;
  /* "%p.member" / "%p[index]" -> line where that value ended */
  GHashTable *lines;
  GPtrArray *errors;
  /* relative path -> CosmoCsvTable, so channels sharing a file share its time column */
  GHashTable *tables;
  /* tables whose time column was already checked */
  GHashTable *checked_times;
  CosmoMission *mission;
  GDateTime *t0;
  /* cosmo_mission_parse_events(): where events go instead of the mission */
  CosmoEventList *target_events;
  const char *display_name;
  /* event ids seen so far, to refuse duplicates */
  GHashTable *event_ids;
} LoadContext;

static void
load_context_free (LoadContext *ctx)
{
  g_clear_object (&ctx->folder);
  g_clear_pointer (&ctx->folder_real, g_free);
  g_clear_object (&ctx->parser);
  g_clear_pointer (&ctx->lines, g_hash_table_unref);
  g_clear_pointer (&ctx->errors, g_ptr_array_unref);
  g_clear_pointer (&ctx->tables, g_hash_table_unref);
  g_clear_pointer (&ctx->checked_times, g_hash_table_unref);
  g_clear_object (&ctx->mission);
  g_clear_pointer (&ctx->t0, g_date_time_unref);
  g_clear_object (&ctx->target_events);
  g_clear_pointer (&ctx->event_ids, g_hash_table_unref);
  g_free (ctx);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadContext, load_context_free)

static LoadContext *
load_context_new (void)
{
  LoadContext *ctx = g_new0 (LoadContext, 1);

  ctx->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->errors = g_ptr_array_new_with_free_func (g_free);
  ctx->tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cosmo_csv_table_unref);
  ctx->checked_times = g_hash_table_new (NULL, NULL);
  ctx->event_ids = g_hash_table_new (g_str_hash, g_str_equal);
  return ctx;
}

static void
add_error_literal (LoadContext *ctx,
                   const char  *message)
{
  if (ctx->errors->len < MAX_ERRORS)
    g_ptr_array_add (ctx->errors, g_strdup (message));
  else if (ctx->errors->len == MAX_ERRORS)
    g_ptr_array_add (ctx->errors, g_strdup (_("… more errors not shown")));
}

static void
add_gerror (LoadContext *ctx,
            GError      *error)
{
  add_error_literal (ctx, error->message);
}

static guint
member_line (LoadContext *ctx,
             gconstpointer container,
             const char   *member)
{
  char key[256];

  g_snprintf (key, sizeof key, "%p.%s", container, member);
  return GPOINTER_TO_UINT (g_hash_table_lookup (ctx->lines, key));
}

static guint
element_line (LoadContext   *ctx,
              gconstpointer  container,
              guint          index)
{
  char key[64];

  g_snprintf (key, sizeof key, "%p[%u]", container, index);
  return GPOINTER_TO_UINT (g_hash_table_lookup (ctx->lines, key));
}

/* "mission.json:42: events[3].time: <message>" */
static void
json_error (LoadContext  *ctx,
            guint         line,
            const char   *path,
            const char   *format,
            ...) G_GNUC_PRINTF (4, 5);

static void
json_error (LoadContext  *ctx,
            guint         line,
            const char   *path,
            const char   *format,
            ...)
{
  g_autofree char *message = NULL;
  g_autofree char *full = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    full = g_strdup_printf ("%s:%u: %s%s%s", ctx->display_name ? ctx->display_name : MISSION_JSON, line,
                            path ? path : "", path ? ": " : "", message);
  else
    full = g_strdup_printf ("%s: %s%s%s", ctx->display_name ? ctx->display_name : MISSION_JSON,
                            path ? path : "", path ? ": " : "", message);
  add_error_literal (ctx, full);
}

static void
on_object_member (JsonParser  *parser,
                  JsonObject  *object,
                  const char  *member,
                  LoadContext *ctx)
{
  g_hash_table_insert (ctx->lines, g_strdup_printf ("%p.%s", (gpointer) object, member),
                       GUINT_TO_POINTER (json_parser_get_current_line (parser)));
}

static void
on_array_element (JsonParser  *parser,
                  JsonArray   *array,
                  int          index,
                  LoadContext *ctx)
{
  g_hash_table_insert (ctx->lines, g_strdup_printf ("%p[%d]", (gpointer) array, index),
                       GUINT_TO_POINTER (json_parser_get_current_line (parser)));
}

static const char *
node_type_name (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return _("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING: return _("a string");
    case G_TYPE_BOOLEAN: return _("true or false");
    default: return _("a number");
    }
}

static char *
join_path (const char *prefix,
           const char *member)
{
  if (prefix == NULL || *prefix == '\0')
    return g_strdup (member);
  return g_strdup_printf ("%s.%s", prefix, member);
}

/* Returns NULL (silently) when absent and not required. */
static const char *
get_string (LoadContext *ctx,
            JsonObject  *obj,
            const char  *prefix,
            const char  *member,
            gboolean     required,
            guint        fallback_line)
{
  JsonNode *node = json_object_get_member (obj, member);
  g_autofree char *path = join_path (prefix, member);

  if (node == NULL)
    {
      if (required)
        json_error (ctx, fallback_line, path, _("expected a string, but it is missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      json_error (ctx, member_line (ctx, obj, member), path, _("expected a string, found %s"),
                  node_type_name (node));
      return NULL;
    }
  if (required && *json_node_get_string (node) == '\0')
    {
      json_error (ctx, member_line (ctx, obj, member), path, _("expected a non-empty string"));
      return NULL;
    }
  return json_node_get_string (node);
}

static gboolean
get_number (LoadContext *ctx,
            JsonObject  *obj,
            const char  *prefix,
            const char  *member,
            gboolean     required,
            guint        fallback_line,
            double       min,
            double       max,
            double      *out)
{
  JsonNode *node = json_object_get_member (obj, member);
  g_autofree char *path = join_path (prefix, member);
  GType type;
  double v;

  if (node == NULL)
    {
      if (required)
        json_error (ctx, fallback_line, path, _("expected a number, but it is missing"));
      return FALSE;
    }
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    {
      json_error (ctx, member_line (ctx, obj, member), path, _("expected a number, found %s"),
                  node_type_name (node));
      return FALSE;
    }
  v = json_node_get_double (node);
  if (!isfinite (v) || v < min || v > max)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE], lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];
      json_error (ctx, member_line (ctx, obj, member), path, _("expected a number from %s to %s, found %s"),
                  g_ascii_dtostr (lo, sizeof lo, min), g_ascii_dtostr (hi, sizeof hi, max),
                  g_ascii_dtostr (buf, sizeof buf, v));
      return FALSE;
    }
  *out = v;
  return TRUE;
}

static gboolean
get_bool (LoadContext *ctx,
          JsonObject  *obj,
          const char  *prefix,
          const char  *member,
          gboolean     fallback)
{
  JsonNode *node = json_object_get_member (obj, member);
  g_autofree char *path = NULL;

  if (node == NULL)
    return fallback;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      path = join_path (prefix, member);
      json_error (ctx, member_line (ctx, obj, member), path, _("expected true or false, found %s"),
                  node_type_name (node));
      return fallback;
    }
  return json_node_get_boolean (node);
}

static gboolean
get_enum (LoadContext *ctx,
          JsonObject  *obj,
          const char  *prefix,
          const char  *member,
          GType        enum_type,
          gboolean     required,
          guint        fallback_line,
          int         *out)
{
  const char *nick = get_string (ctx, obj, prefix, member, required, fallback_line);
  g_autofree char *path = NULL;
  g_autofree char *choices = NULL;

  if (nick == NULL)
    return FALSE;
  if (cosmo_enum_from_nick (enum_type, nick, out))
    return TRUE;

  path = join_path (prefix, member);
  choices = cosmo_enum_list_nicks (enum_type);
  json_error (ctx, member_line (ctx, obj, member), path, _("expected one of %s, found \"%s\""), choices, nick);
  return FALSE;
}

static gboolean
get_time (LoadContext *ctx,
          JsonObject  *obj,
          const char  *prefix,
          const char  *member,
          gboolean     required,
          guint        fallback_line,
          double      *out)
{
  JsonNode *node = json_object_get_member (obj, member);
  g_autofree char *path = join_path (prefix, member);
  g_autoptr(GError) error = NULL;

  if (node == NULL)
    {
      if (required)
        json_error (ctx, fallback_line, path, _("expected a time, but it is missing"));
      return FALSE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) &&
      (json_node_get_value_type (node) == G_TYPE_DOUBLE || json_node_get_value_type (node) == G_TYPE_INT64))
    {
      *out = json_node_get_double (node);
      if (isfinite (*out))
        return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      json_error (ctx, member_line (ctx, obj, member), path,
                  _("expected a time such as \"T+118\" or \"2025-11-27T09:29:55Z\", found %s"),
                  node_type_name (node));
      return FALSE;
    }
  if (!cosmo_time_parse (json_node_get_string (node), ctx->t0, out, &error))
    {
      json_error (ctx, member_line (ctx, obj, member), path, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

static JsonArray *
get_array (LoadContext *ctx,
           JsonObject  *obj,
           const char  *member)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      json_error (ctx, member_line (ctx, obj, member), member, _("expected an array, found %s"),
                  node_type_name (node));
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
get_element_object (LoadContext *ctx,
                    JsonArray   *array,
                    guint        i,
                    const char  *path)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      json_error (ctx, element_line (ctx, array, i), path, _("expected an object, found %s"),
                  node_type_name (node));
      return NULL;
    }
  return json_node_get_object (node);
}

/* Resolves a package-relative path, refusing anything that could leave the
 * package folder: absolute paths, "..", and links pointing outside. */
static GFile *
resolve_package_file (LoadContext *ctx,
                      JsonObject  *obj,
                      const char  *prefix,
                      const char  *member)
{
  const char *rel = get_string (ctx, obj, prefix, member, TRUE, member_line (ctx, obj, member));
  g_autofree char *path = join_path (prefix, member);
  g_auto(GStrv) parts = NULL;
  g_autoptr(GFile) child = NULL;
  g_autofree char *child_path = NULL;
  g_autofree char *real = NULL;
  guint line = member_line (ctx, obj, member);

  if (rel == NULL)
    return NULL;

  if (g_path_is_absolute (rel) || rel[0] == '~' || strchr (rel, '\\') != NULL || strchr (rel, ':') != NULL)
    {
      json_error (ctx, line, path, _("expected a path inside the package folder, found \"%s\""), rel);
      return NULL;
    }
  parts = g_strsplit (rel, "/", -1);
  for (guint i = 0; parts[i]; i++)
    if (strcmp (parts[i], "..") == 0)
      {
        json_error (ctx, line, path, _("expected a path inside the package folder, found \"%s\""), rel);
        return NULL;
      }

  child = g_file_resolve_relative_path (ctx->folder, rel);
  child_path = g_file_get_path (child);
  real = child_path ? realpath (child_path, NULL) : NULL;
  if (real == NULL)
    {
      json_error (ctx, line, path, _("the file \"%s\" does not exist in the package folder"), rel);
      return NULL;
    }
  if (!g_str_has_prefix (real, ctx->folder_real) || real[strlen (ctx->folder_real)] != '/')
    {
      json_error (ctx, line, path, _("\"%s\" is a link that leads outside the package folder"), rel);
      free (g_steal_pointer (&real));
      return NULL;
    }
  free (g_steal_pointer (&real));

  return g_steal_pointer (&child);
}

static CosmoCsvTable *
load_table (LoadContext *ctx,
            JsonObject  *obj,
            const char  *prefix,
            const char  *member)
{
  g_autoptr(GFile) file = resolve_package_file (ctx, obj, prefix, member);
  g_autoptr(GError) error = NULL;
  const char *rel;
  CosmoCsvTable *table;

  if (file == NULL)
    return NULL;

  rel = json_object_get_string_member (obj, member);
  table = g_hash_table_lookup (ctx->tables, rel);
  if (table != NULL)
    return table;

  table = cosmo_csv_read_file (file, rel, 0, ctx->cancellable, &error);
  if (table == NULL)
    {
      add_gerror (ctx, error);
      return NULL;
    }

  g_hash_table_insert (ctx->tables, g_strdup (rel), table);
  return table;
}

static int
require_column (LoadContext   *ctx,
                CosmoCsvTable *table,
                const char    *file,
                const char    *name)
{
  int col = cosmo_csv_table_find_column (table, name);

  if (col < 0)
    {
      g_autofree char *msg = g_strdup_printf (_("%s:%lu: expected a column named \"%s\" in the header"),
                                              file, cosmo_csv_table_get_row_line (table, 0) - 1, name);
      add_error_literal (ctx, msg);
    }
  return col;
}

/* Times must be finite and strictly increasing; checked once per file. */
static gboolean
check_time_column (LoadContext   *ctx,
                   CosmoCsvTable *table,
                   const char    *file,
                   int            col)
{
  const double *t;
  gsize n = cosmo_csv_table_get_n_rows (table);

  if (g_hash_table_contains (ctx->checked_times, table))
    return GPOINTER_TO_INT (g_hash_table_lookup (ctx->checked_times, table)) == 1;

  t = g_bytes_get_data (cosmo_csv_table_get_column (table, col), NULL);
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *msg = NULL;
      char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];

      if (isnan (t[i]))
        msg = g_strdup_printf (_("%s:%lu: expected a time, found an empty cell"),
                               file, cosmo_csv_table_get_row_line (table, i));
      else if (i > 0 && t[i] < t[i - 1])
        msg = g_strdup_printf (_("%s:%lu: time goes backwards (%s after %s)"),
                               file, cosmo_csv_table_get_row_line (table, i),
                               g_ascii_formatd (a, sizeof a, "%.10g", t[i]),
                               g_ascii_formatd (b, sizeof b, "%.10g", t[i - 1]));
      else if (i > 0 && t[i] == t[i - 1])
        msg = g_strdup_printf (_("%s:%lu: time %s repeats the line before"),
                               file, cosmo_csv_table_get_row_line (table, i),
                               g_ascii_formatd (a, sizeof a, "%.10g", t[i]));
      if (msg != NULL)
        {
          add_error_literal (ctx, msg);
          g_hash_table_insert (ctx->checked_times, table, GINT_TO_POINTER (2));
          return FALSE;
        }
    }

  g_hash_table_insert (ctx->checked_times, table, GINT_TO_POINTER (1));
  return TRUE;
}

static gboolean
check_column_range (LoadContext   *ctx,
                    CosmoCsvTable *table,
                    const char    *file,
                    int            col,
                    double         min,
                    double         max,
                    gboolean       allow_gaps)
{
  const double *v = g_bytes_get_data (cosmo_csv_table_get_column (table, col), NULL);
  gsize n = cosmo_csv_table_get_n_rows (table);

  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *msg = NULL;
      char a[G_ASCII_DTOSTR_BUF_SIZE], lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];

      if (isnan (v[i]))
        {
          if (allow_gaps)
            continue;
          msg = g_strdup_printf (_("%s:%lu: expected a value in column \"%s\", found an empty cell"),
                                 file, cosmo_csv_table_get_row_line (table, i),
                                 cosmo_csv_table_get_column_name (table, col));
        }
      else if (v[i] < min || v[i] > max)
        msg = g_strdup_printf (_("%s:%lu: expected \"%s\" from %s to %s, found %s"),
                               file, cosmo_csv_table_get_row_line (table, i),
                               cosmo_csv_table_get_column_name (table, col),
                               g_ascii_dtostr (lo, sizeof lo, min), g_ascii_dtostr (hi, sizeof hi, max),
                               g_ascii_formatd (a, sizeof a, "%.10g", v[i]));
      if (msg != NULL)
        {
          add_error_literal (ctx, msg);
          return FALSE;
        }
    }
  return TRUE;
}

static GBytes *
scale_column (GBytes *column,
              double  factor)
{
  gsize n = g_bytes_get_size (column) / sizeof (double);
  const double *in = g_bytes_get_data (column, NULL);
  double *out = g_new (double, MAX (n, 1));

  for (gsize i = 0; i < n; i++)
    out[i] = in[i] * factor;
  return g_bytes_new_take (out, n * sizeof (double));
}

static CosmoTrajectory *
load_trajectory (LoadContext *ctx,
                 JsonObject  *obj,
                 const char  *prefix,
                 guint        line,
                 const char  *default_id)
{
  static const struct { const char *name; CosmoTrajectoryColumn column; gboolean required; double scale; } columns[] = {
    { "t", COSMO_TRAJECTORY_TIME, TRUE, 1 },
    { "lat", COSMO_TRAJECTORY_LATITUDE, TRUE, 1 },
    { "lon", COSMO_TRAJECTORY_LONGITUDE, TRUE, 1 },
    { "alt_m", COSMO_TRAJECTORY_ALTITUDE, TRUE, 1 },
    { "speed_mps", COSMO_TRAJECTORY_SPEED, FALSE, 1 },
    { "inertial_speed_mps", COSMO_TRAJECTORY_INERTIAL_SPEED, FALSE, 1 },
    { "downrange_km", COSMO_TRAJECTORY_DOWNRANGE, FALSE, 1000 },
  };
  GBytes *data[COSMO_TRAJECTORY_N_COLUMNS] = { NULL, };
  g_autoptr(GBytes) scaled = NULL;
  CosmoCsvTable *table;
  const char *id, *title, *file, *description;
  int provenance = COSMO_PROVENANCE_MEASURED;
  gboolean ok = TRUE;
  guint errors_before = ctx->errors->len;
  CosmoTrajectory *trajectory;

  id = get_string (ctx, obj, prefix, "id", default_id == NULL, line);
  title = get_string (ctx, obj, prefix, "title", FALSE, line);
  description = get_string (ctx, obj, prefix, "description", FALSE, line);
  get_enum (ctx, obj, prefix, "provenance", COSMO_TYPE_PROVENANCE, TRUE, line, &provenance);
  table = load_table (ctx, obj, prefix, "file");
  if (table == NULL || ctx->errors->len > errors_before)
    return NULL;

  file = json_object_get_string_member (obj, "file");
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      int col = columns[i].required ? require_column (ctx, table, file, columns[i].name)
                                    : cosmo_csv_table_find_column (table, columns[i].name);
      if (col < 0)
        {
          ok &= !columns[i].required;
          continue;
        }
      if (columns[i].column == COSMO_TRAJECTORY_TIME)
        ok &= check_time_column (ctx, table, file, col);
      else if (columns[i].column == COSMO_TRAJECTORY_LATITUDE)
        ok &= check_column_range (ctx, table, file, col, -90, 90, FALSE);
      else if (columns[i].column == COSMO_TRAJECTORY_LONGITUDE)
        ok &= check_column_range (ctx, table, file, col, -180, 180, FALSE);
      else if (columns[i].column == COSMO_TRAJECTORY_ALTITUDE)
        ok &= check_column_range (ctx, table, file, col, -12000, 1e9, FALSE);
      data[columns[i].column] = cosmo_csv_table_get_column (table, col);
      if (columns[i].scale != 1)
        data[columns[i].column] = scaled = scale_column (data[columns[i].column], columns[i].scale);
    }

  if (ok && cosmo_csv_table_get_n_rows (table) < 2)
    {
      g_autofree char *msg = g_strdup_printf (_("%s:%lu: expected at least two samples"),
                                              file, cosmo_csv_table_get_row_line (table, 0));
      add_error_literal (ctx, msg);
      ok = FALSE;
    }
  if (!ok)
    return NULL;

  trajectory = cosmo_trajectory_new (id ? id : default_id, title, provenance, data);
  cosmo_trajectory_set_description (trajectory, description);
  return trajectory;
}

typedef void (*ElementLoader) (LoadContext *ctx,
                               JsonObject  *obj,
                               const char  *prefix,
                               guint        line);

/* Every array of objects in mission.json is read the same way: each
 * element is an object, named "member[i]" in errors, with its line. */
static void
load_array (LoadContext   *ctx,
            JsonObject    *root,
            const char    *member,
            ElementLoader  load_element)
{
  JsonArray *array = get_array (ctx, root, member);
  guint n = array ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%s[%u]", member, i);
      JsonObject *obj = get_element_object (ctx, array, i, prefix);

      if (obj != NULL)
        load_element (ctx, obj, prefix, element_line (ctx, array, i));
    }
}

static void
load_site_element (LoadContext *ctx,
                   JsonObject  *obj,
                   const char  *prefix,
                   guint        line)
{
  guint errors_before = ctx->errors->len;
  const char *id, *name;
  int kind = COSMO_SITE_KIND_LANDMARK, confidence = COSMO_CONFIDENCE_CONFIRMED;
  double lat = 0, lon = 0, elevation = 0;
  g_autoptr(CosmoSite) site = NULL;

  id = get_string (ctx, obj, prefix, "id", TRUE, line);
  name = get_string (ctx, obj, prefix, "name", TRUE, line);
  get_enum (ctx, obj, prefix, "kind", COSMO_TYPE_SITE_KIND, TRUE, line, &kind);
  get_number (ctx, obj, prefix, "lat", TRUE, line, -90, 90, &lat);
  get_number (ctx, obj, prefix, "lon", TRUE, line, -180, 180, &lon);
  get_number (ctx, obj, prefix, "elevation_m", FALSE, line, -500, 9000, &elevation);
  get_enum (ctx, obj, prefix, "confidence", COSMO_TYPE_CONFIDENCE, FALSE, line, &confidence);
  if (id != NULL && cosmo_mission_lookup_site (ctx->mission, id) != NULL)
    json_error (ctx, member_line (ctx, obj, "id"), prefix, _("the site id \"%s\" is used twice"), id);
  if (ctx->errors->len > errors_before)
    return;

  site = g_object_new (COSMO_TYPE_SITE,
                       "id", id,
                       "name", name,
                       "kind", kind,
                       "latitude", lat,
                       "longitude", lon,
                       "elevation", elevation,
                       "primary", get_bool (ctx, obj, prefix, "primary", FALSE),
                       "description", get_string (ctx, obj, prefix, "description", FALSE, line),
                       "source", get_string (ctx, obj, prefix, "source", FALSE, line),
                       "confidence", confidence,
                       NULL);
  cosmo_mission_add_site (ctx->mission, site);
}

static void
load_event_element (LoadContext *ctx,
                    JsonObject  *obj,
                    const char  *prefix,
                    guint        line)
{
  guint errors_before = ctx->errors->len;
  const char *id, *title, *site_id, *source, *url;
  int category = 0, severity = COSMO_SEVERITY_INFO, confidence = 0;
  double t = 0, end = NAN, lat = NAN, lon = NAN;
  JsonNode *location;
  g_autoptr(CosmoEvent) event = NULL;

  id = get_string (ctx, obj, prefix, "id", TRUE, line);
  title = get_string (ctx, obj, prefix, "title", TRUE, line);
  get_time (ctx, obj, prefix, "time", TRUE, line, &t);
  if (json_object_has_member (obj, "end") && get_time (ctx, obj, prefix, "end", FALSE, line, &end) && end < t)
    json_error (ctx, member_line (ctx, obj, "end"), prefix, _("the end comes before the start"));
  get_enum (ctx, obj, prefix, "category", COSMO_TYPE_EVENT_CATEGORY, TRUE, line, &category);
  get_enum (ctx, obj, prefix, "severity", COSMO_TYPE_SEVERITY, FALSE, line, &severity);
  get_enum (ctx, obj, prefix, "confidence", COSMO_TYPE_CONFIDENCE, TRUE, line, &confidence);
  source = get_string (ctx, obj, prefix, "source", TRUE, line);
  url = get_string (ctx, obj, prefix, "url", FALSE, line);
  site_id = get_string (ctx, obj, prefix, "site", FALSE, line);
  if (site_id != NULL && cosmo_mission_lookup_site (ctx->mission, site_id) == NULL)
    json_error (ctx, member_line (ctx, obj, "site"), prefix, _("no site has the id \"%s\""), site_id);

  location = json_object_get_member (obj, "location");
  if (location != NULL)
    {
      g_autofree char *loc_prefix = g_strdup_printf ("%s.location", prefix);

      if (!JSON_NODE_HOLDS_OBJECT (location))
        json_error (ctx, member_line (ctx, obj, "location"), loc_prefix,
                    _("expected an object with \"lat\" and \"lon\", found %s"), node_type_name (location));
      else
        {
          JsonObject *loc = json_node_get_object (location);
          guint loc_line = member_line (ctx, obj, "location");

          get_number (ctx, loc, loc_prefix, "lat", TRUE, loc_line, -90, 90, &lat);
          get_number (ctx, loc, loc_prefix, "lon", TRUE, loc_line, -180, 180, &lon);
        }
    }

  if (id != NULL)
    {
      if (g_hash_table_contains (ctx->event_ids, id))
        json_error (ctx, member_line (ctx, obj, "id"), prefix, _("the event id \"%s\" is used twice"), id);
      g_hash_table_add (ctx->event_ids, (gpointer) id);
    }
  if (ctx->errors->len > errors_before)
    return;

  event = cosmo_event_new (id, t, category, title);
  cosmo_event_set_end_time (event, end);
  cosmo_event_set_severity (event, severity);
  cosmo_event_set_confidence (event, confidence);
  cosmo_event_set_description (event, get_string (ctx, obj, prefix, "description", FALSE, line));
  cosmo_event_set_source (event, source);
  cosmo_event_set_source_url (event, url);
  cosmo_event_set_chapter (event, get_bool (ctx, obj, prefix, "chapter", FALSE));
  if (site_id != NULL)
    {
      CosmoSite *site = cosmo_mission_lookup_site (ctx->mission, site_id);

      cosmo_event_set_site_id (event, site_id);
      if (isnan (lat))
        {
          lat = cosmo_site_get_latitude (site);
          lon = cosmo_site_get_longitude (site);
        }
    }
  if (!isnan (lat) && !isnan (lon))
    cosmo_event_set_location (event, lat, lon);

  cosmo_event_list_add (ctx->target_events ? ctx->target_events : cosmo_mission_get_events (ctx->mission), event);
}

static void
load_channel_element (LoadContext *ctx,
                      JsonObject  *obj,
                      const char  *prefix,
                      guint        line)
{
  guint errors_before = ctx->errors->len;
  const char *id, *name, *unit, *group, *column, *time_column, *file;
  int provenance = 0, tcol, vcol;
  CosmoCsvTable *table;
  g_autoptr(CosmoChannel) channel = NULL;

  id = get_string (ctx, obj, prefix, "id", TRUE, line);
  name = get_string (ctx, obj, prefix, "name", TRUE, line);
  unit = get_string (ctx, obj, prefix, "unit", TRUE, line);
  group = get_string (ctx, obj, prefix, "group", FALSE, line);
  column = get_string (ctx, obj, prefix, "column", TRUE, line);
  time_column = get_string (ctx, obj, prefix, "time_column", FALSE, line);
  get_enum (ctx, obj, prefix, "provenance", COSMO_TYPE_PROVENANCE, TRUE, line, &provenance);
  if (id != NULL && cosmo_mission_lookup_channel (ctx->mission, id) != NULL)
    json_error (ctx, member_line (ctx, obj, "id"), prefix, _("the channel id \"%s\" is used twice"), id);
  if (ctx->errors->len > errors_before)
    return;

  table = load_table (ctx, obj, prefix, "file");
  if (table == NULL)
    return;
  file = json_object_get_string_member (obj, "file");
  tcol = require_column (ctx, table, file, time_column ? time_column : "t");
  vcol = require_column (ctx, table, file, column);
  if (tcol < 0 || vcol < 0 || !check_time_column (ctx, table, file, tcol))
    return;

  channel = cosmo_channel_new (id, name, unit, group ? group : "", provenance,
                               cosmo_csv_table_get_column (table, tcol),
                               cosmo_csv_table_get_column (table, vcol));
  cosmo_channel_set_description (channel, get_string (ctx, obj, prefix, "description", FALSE, line));
  cosmo_mission_add_channel (ctx->mission, channel);
}

static void
load_debris_element (LoadContext *ctx,
                     JsonObject  *obj,
                     const char  *prefix,
                     guint        line)
{
  g_autoptr(CosmoTrajectory) trajectory = NULL;

  get_string (ctx, obj, prefix, "title", TRUE, line);
  trajectory = load_trajectory (ctx, obj, prefix, line, NULL);
  if (trajectory != NULL)
    cosmo_mission_add_debris (ctx->mission, trajectory);
}

static void
load_zone_element (LoadContext *ctx,
                   JsonObject  *obj,
                   const char  *prefix,
                   guint        line)
{
  guint errors_before = ctx->errors->len;
  const char *id, *title, *kind, *file;
  int provenance = 0, lat_col, lon_col;
  CosmoCsvTable *table;
  g_autoptr(CosmoZone) zone = NULL;

  id = get_string (ctx, obj, prefix, "id", TRUE, line);
  title = get_string (ctx, obj, prefix, "title", TRUE, line);
  kind = get_string (ctx, obj, prefix, "kind", TRUE, line);
  get_enum (ctx, obj, prefix, "provenance", COSMO_TYPE_PROVENANCE, TRUE, line, &provenance);
  if (ctx->errors->len > errors_before)
    return;
  table = load_table (ctx, obj, prefix, "file");
  if (table == NULL)
    return;
  file = json_object_get_string_member (obj, "file");
  lat_col = require_column (ctx, table, file, "lat");
  lon_col = require_column (ctx, table, file, "lon");
  if (lat_col < 0 || lon_col < 0 ||
      !check_column_range (ctx, table, file, lat_col, -90, 90, FALSE) ||
      !check_column_range (ctx, table, file, lon_col, -180, 180, FALSE))
    return;
  if (cosmo_csv_table_get_n_rows (table) < 3)
    {
      g_autofree char *msg = g_strdup_printf (_("%s:%lu: expected a polygon of at least three vertices"),
                                              file, cosmo_csv_table_get_row_line (table, 0));
      add_error_literal (ctx, msg);
      return;
    }

  zone = cosmo_zone_new (id, title, kind, provenance,
                         g_bytes_get_data (cosmo_csv_table_get_column (table, lat_col), NULL),
                         g_bytes_get_data (cosmo_csv_table_get_column (table, lon_col), NULL),
                         cosmo_csv_table_get_n_rows (table));
  cosmo_zone_set_description (zone, get_string (ctx, obj, prefix, "description", FALSE, line));
  cosmo_mission_add_zone (ctx->mission, zone);
}

static void
load_source_element (LoadContext *ctx,
                     JsonObject  *obj,
                     const char  *prefix,
                     guint        line)
{
  const char *title, *url;

  title = get_string (ctx, obj, prefix, "title", TRUE, line);
  url = get_string (ctx, obj, prefix, "url", FALSE, line);
  if (title != NULL)
    cosmo_mission_add_source (ctx->mission, title, url);
}

/* json-glib's parser recurses once per nesting level; refuse deep nesting
 * before handing it the text, so a hostile file cannot exhaust the stack.
 * Also finds invalid UTF-8 with its line. */
static gboolean
precheck_json (const char  *data,
               gsize        length,
               GError     **error)
{
  const char *invalid = NULL;
  guint line = 1, depth = 0;
  gboolean in_string = FALSE;

  if (!g_utf8_validate (data, length, &invalid))
    {
      for (const char *p = data; p < invalid; p++)
        if (*p == '\n')
          line++;
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_SYNTAX,
                   _("%s:%u: expected UTF-8 text, found an invalid byte"), MISSION_JSON, line);
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > COSMO_MAX_JSON_DEPTH)
            {
              g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_SYNTAX,
                           _("%s:%u: nested more than %d levels deep"), MISSION_JSON, line, COSMO_MAX_JSON_DEPTH);
              return FALSE;
            }
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }

  return TRUE;
}

static gboolean
parse_root (LoadContext  *ctx,
            GError      **error)
{
  g_autoptr(GFile) json_file = g_file_get_child (ctx->folder, MISSION_JSON);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  info = g_file_query_info (json_file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, ctx->cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_MISSING,
                     _("%s: expected a mission package folder with a mission.json file, but there is none"),
                     MISSION_JSON);
      else
        g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_IO, "%s: %s", MISSION_JSON, local_error->message);
      return FALSE;
    }
  if (g_file_info_get_size (info) > COSMO_MAX_JSON_SIZE)
    {
      g_autofree char *have = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (COSMO_MAX_JSON_SIZE);
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_TOO_LARGE,
                   _("%s: the file is %s, more than the %s a mission.json may have; put bulk data in CSV files"),
                   MISSION_JSON, have, limit);
      return FALSE;
    }

  if (!g_file_load_contents (json_file, ctx->cancellable, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_IO, "%s: %s", MISSION_JSON, local_error->message);
      return FALSE;
    }
  if (length == 0)
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_SYNTAX,
                   _("%s:1: expected a JSON object, found an empty file"), MISSION_JSON);
      return FALSE;
    }
  if (!precheck_json (contents, length, error))
    return FALSE;

  ctx->parser = json_parser_new_immutable ();
  g_signal_connect (ctx->parser, "object-member", G_CALLBACK (on_object_member), ctx);
  g_signal_connect (ctx->parser, "array-element", G_CALLBACK (on_array_element), ctx);

  if (!json_parser_load_from_data (ctx->parser, contents, length, &local_error))
    {
      /* json-glib says "<data>:12:3: Parse error: ..."; name the real file. */
      const char *msg = local_error->message;
      const char *colon = g_str_has_prefix (msg, "<data>:") ? msg + strlen ("<data>") : NULL;

      if (colon != NULL)
        g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_SYNTAX, "%s%s", MISSION_JSON, colon);
      else
        g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_SYNTAX, "%s:%u: %s", MISSION_JSON,
                     json_parser_get_current_line (ctx->parser), msg);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (ctx->parser)))
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_SYNTAX,
                   _("%s:1: expected a JSON object at the top, found %s"), MISSION_JSON,
                   node_type_name (json_parser_get_root (ctx->parser)));
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_header (LoadContext  *ctx,
             JsonObject   *root,
             GError      **error)
{
  const char *format, *id, *title, *t0_text, *zone_text;
  double version = 0;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GTimeZone) zone = NULL;

  format = get_string (ctx, root, NULL, "format", TRUE, 1);
  if (format != NULL && strcmp (format, COSMO_MISSION_FORMAT_NAME) != 0)
    json_error (ctx, member_line (ctx, root, "format"), "format",
                _("expected \"%s\", found \"%s\""), COSMO_MISSION_FORMAT_NAME, format);
  if (get_number (ctx, root, NULL, "version", TRUE, 1, 1, G_MAXINT, &version))
    {
      if (version != floor (version))
        json_error (ctx, member_line (ctx, root, "version"), "version", _("expected a whole number"));
      else if (version > COSMO_MISSION_FORMAT_VERSION)
        {
          g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_UNSUPPORTED,
                       _("%s:%u: version: the package has format version %d; this Cosmodrome reads version %d, "
                         "so it needs a newer Cosmodrome"),
                       MISSION_JSON, member_line (ctx, root, "version"), (int) version, COSMO_MISSION_FORMAT_VERSION);
          return FALSE;
        }
    }

  id = get_string (ctx, root, NULL, "id", TRUE, 1);
  title = get_string (ctx, root, NULL, "title", TRUE, 1);
  t0_text = get_string (ctx, root, NULL, "t0", TRUE, 1);
  if (t0_text != NULL)
    {
      ctx->t0 = cosmo_time_parse_iso8601 (t0_text, &local_error);
      if (ctx->t0 == NULL)
        json_error (ctx, member_line (ctx, root, "t0"), "t0", "%s", local_error->message);
    }

  zone_text = get_string (ctx, root, NULL, "time_zone", FALSE, 1);
  if (zone_text != NULL)
    {
      zone = g_time_zone_new_identifier (zone_text);
      if (zone == NULL)
        json_error (ctx, member_line (ctx, root, "time_zone"), "time_zone",
                    _("expected a time zone such as \"+05:00\" or \"Asia/Almaty\", found \"%s\""), zone_text);
    }

  if (ctx->errors->len > 0 || ctx->t0 == NULL)
    return TRUE;  /* reported with the rest */

  ctx->mission = cosmo_mission_new (id, title, ctx->t0, zone);
  cosmo_mission_set_vehicle (ctx->mission, get_string (ctx, root, NULL, "vehicle", FALSE, 1));
  cosmo_mission_set_description (ctx->mission, get_string (ctx, root, NULL, "description", FALSE, 1));
  cosmo_mission_set_time_zone_name (ctx->mission, get_string (ctx, root, NULL, "time_zone_name", FALSE, 1));
  cosmo_mission_set_location (ctx->mission, ctx->folder);
  return TRUE;
}

CosmoMission *
cosmo_mission_load (GFile         *folder,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(LoadContext) ctx = load_context_new ();
  g_autofree char *folder_path = NULL;
  JsonObject *root;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  ctx->folder = g_object_ref (folder);
  ctx->cancellable = cancellable;

  folder_path = g_file_get_path (folder);
  ctx->folder_real = folder_path ? realpath (folder_path, NULL) : NULL;
  if (ctx->folder_real == NULL || !g_file_test (ctx->folder_real, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = g_file_get_parse_name (folder);
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_MISSING,
                   _("%s: expected a mission package folder"), name);
      return NULL;
    }
  /* realpath() allocates with malloc; keep it in GLib's allocator. */
  {
    char *real = ctx->folder_real;
    ctx->folder_real = g_strdup (real);
    free (real);
  }

  if (!parse_root (ctx, error))
    return NULL;

  root = json_node_get_object (json_parser_get_root (ctx->parser));
  if (!load_header (ctx, root, error))
    return NULL;

  if (ctx->mission != NULL)
    {
      load_array (ctx, root, "sources", load_source_element);
      load_array (ctx, root, "sites", load_site_element);
      load_array (ctx, root, "events", load_event_element);

      if (json_object_has_member (root, "trajectory"))
        {
          JsonNode *node = json_object_get_member (root, "trajectory");

          if (!JSON_NODE_HOLDS_OBJECT (node))
            json_error (ctx, member_line (ctx, root, "trajectory"), "trajectory",
                        _("expected an object, found %s"), node_type_name (node));
          else
            {
              g_autoptr(CosmoTrajectory) trajectory =
                load_trajectory (ctx, json_node_get_object (node), "trajectory",
                                 member_line (ctx, root, "trajectory"), "vehicle");
              if (trajectory != NULL)
                cosmo_mission_set_trajectory (ctx->mission, trajectory);
            }
        }

      load_array (ctx, root, "debris", load_debris_element);
      load_array (ctx, root, "channels", load_channel_element);
      load_array (ctx, root, "zones", load_zone_element);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (ctx->errors->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (ctx->errors, NULL);
      joined = g_strjoinv ("\n", (char **) ctx->errors->pdata);
      g_set_error_literal (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_INVALID, joined);
      return NULL;
    }

  /* Charts need each channel's min/max pyramid; build it here, on the
   * loader's thread, so the first frame does not. */
  {
    GListModel *channels = cosmo_mission_get_channels (ctx->mission);

    for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
      {
        g_autoptr(CosmoChannel) channel = g_list_model_get_item (channels, i);
        cosmo_channel_get_pyramid (channel);
      }
  }

  return g_steal_pointer (&ctx->mission);
}

GPtrArray *
cosmo_mission_parse_events (CosmoMission  *mission,
                            const char    *data,
                            gsize          length,
                            const char    *display_name,
                            GError       **error)
{
  g_autoptr(LoadContext) ctx = load_context_new ();
  g_autoptr(GError) local_error = NULL;
  GPtrArray *result;
  JsonNode *root;

  g_return_val_if_fail (COSMO_IS_MISSION (mission), NULL);

  ctx->display_name = display_name;
  ctx->mission = g_object_ref (mission);
  ctx->t0 = g_date_time_ref (cosmo_mission_get_t0 (mission));
  ctx->target_events = cosmo_event_list_new ();

  if (length > COSMO_MAX_JSON_SIZE)
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_TOO_LARGE,
                   _("%s: the file is larger than the %d MB allowed"), display_name, COSMO_MAX_JSON_SIZE >> 20);
      return NULL;
    }
  if (!precheck_json (data, length, error))
    return NULL;
  ctx->parser = json_parser_new_immutable ();
  g_signal_connect (ctx->parser, "object-member", G_CALLBACK (on_object_member), ctx);
  g_signal_connect (ctx->parser, "array-element", G_CALLBACK (on_array_element), ctx);
  if (!json_parser_load_from_data (ctx->parser, data, length, &local_error))
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_SYNTAX, "%s:%u: %s", display_name,
                   json_parser_get_current_line (ctx->parser), local_error->message);
      return NULL;
    }
  root = json_parser_get_root (ctx->parser);
  /* Empty text parses to no root at all. */
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_SYNTAX,
                   _("%s:1: expected a JSON object at the top, found %s"), display_name,
                   root ? node_type_name (root) : _("nothing"));
      return NULL;
    }
  load_array (ctx, json_node_get_object (root), "events", load_event_element);
  if (ctx->errors->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (ctx->errors, NULL);
      joined = g_strjoinv ("\n", (char **) ctx->errors->pdata);
      g_set_error_literal (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_INVALID, joined);
      return NULL;
    }

  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < cosmo_event_list_get_count (ctx->target_events); i++)
    g_ptr_array_add (result, g_object_ref (cosmo_event_list_get_event (ctx->target_events, i)));
  return result;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  CosmoMission *mission = cosmo_mission_load (task_data, cancellable, &error);

  if (mission == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, mission, g_object_unref);
}

void
cosmo_mission_load_async (GFile               *folder,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (folder));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cosmo_mission_load_async);
  g_task_set_task_data (task, g_object_ref (folder), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

CosmoMission *
cosmo_mission_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
append_provenance_line (GString         *out,
                        const char      *what,
                        const char      *name,
                        CosmoProvenance  provenance,
                        gsize            n_samples,
                        const char      *description)
{
  g_string_append_printf (out, "  %-24s %-14s %9" G_GSIZE_FORMAT " samples", name,
                          cosmo_enum_to_nick (COSMO_TYPE_PROVENANCE, provenance), n_samples);
  if (description != NULL && *description != '\0')
    {
      g_autofree char *first = g_strdup (description);
      char *dot = strchr (first, '.');
      if (dot != NULL)
        dot[1] = '\0';
      if (g_utf8_strlen (first, -1) > 60)
        *g_utf8_offset_to_pointer (first, 57) = '\0', g_strlcat (first, "…", 64);
      g_string_append_printf (out, "  %s", first);
    }
  g_string_append_c (out, '\n');
}

char *
cosmo_mission_format_summary (CosmoMission *mission)
{
  GString *out = g_string_new (NULL);
  CosmoEventList *events = cosmo_mission_get_events (mission);
  CosmoTrajectory *trajectory = cosmo_mission_get_trajectory (mission);
  GListModel *channels = cosmo_mission_get_channels (mission);
  GListModel *debris = cosmo_mission_get_debris (mission);
  GListModel *zones = cosmo_mission_get_zones (mission);
  g_autofree char *t0 = cosmo_time_format_absolute (cosmo_mission_get_t0 (mission), 0, NULL, 3);
  g_autofree char *t0_site = cosmo_time_format_absolute (cosmo_mission_get_t0 (mission), 0,
                                                         cosmo_mission_get_time_zone (mission), 0);
  guint counts[COSMO_N_EVENT_CATEGORIES] = { 0, };
  guint n_events = cosmo_event_list_get_count (events);
  double start = 0, end = 0;
  g_autofree char *start_text = NULL, *end_text = NULL;
  g_autoptr(GPtrArray) chapters = cosmo_mission_get_chapters (mission);

  g_string_append_printf (out, "%s (%s)\n", cosmo_mission_get_title (mission), cosmo_mission_get_id (mission));
  if (cosmo_mission_get_vehicle (mission))
    g_string_append_printf (out, "Vehicle:    %s\n", cosmo_mission_get_vehicle (mission));
  g_string_append_printf (out, "T0:         %s (%s)\n", t0, t0_site);
  g_string_append_printf (out, "Sites:      %u\n", g_list_model_get_n_items (cosmo_mission_get_sites (mission)));

  for (guint i = 0; i < n_events; i++)
    counts[cosmo_event_get_category (cosmo_event_list_get_event (events, i))]++;
  g_string_append_printf (out, "Events:     %u (", n_events);
  for (guint c = 0, shown = 0; c < COSMO_N_EVENT_CATEGORIES; c++)
    if (counts[c] > 0)
      g_string_append_printf (out, "%s%u %s", shown++ ? ", " : "", counts[c],
                              cosmo_enum_to_nick (COSMO_TYPE_EVENT_CATEGORY, c));
  g_string_append (out, ")\n");
  g_string_append_printf (out, "Chapters:   %u\n", chapters->len);

  cosmo_mission_get_time_bounds (mission, &start, &end);
  start_text = cosmo_time_format_mission (start, 0);
  end_text = cosmo_time_format_mission (end, 0);
  g_string_append_printf (out, "Time span:  %s to %s\n", start_text, end_text);

  g_string_append (out, "Trajectory:\n");
  if (trajectory != NULL)
    append_provenance_line (out, "trajectory", cosmo_trajectory_get_id (trajectory),
                            cosmo_trajectory_get_provenance (trajectory),
                            cosmo_trajectory_get_n_samples (trajectory),
                            cosmo_trajectory_get_description (trajectory));
  else
    g_string_append (out, "  none\n");

  g_string_append_printf (out, "Debris:     %u\n", g_list_model_get_n_items (debris));
  for (guint i = 0; i < g_list_model_get_n_items (debris); i++)
    {
      g_autoptr(CosmoTrajectory) d = g_list_model_get_item (debris, i);
      append_provenance_line (out, "debris", cosmo_trajectory_get_id (d), cosmo_trajectory_get_provenance (d),
                              cosmo_trajectory_get_n_samples (d), NULL);
    }

  g_string_append_printf (out, "Channels:   %u\n", g_list_model_get_n_items (channels));
  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(CosmoChannel) channel = g_list_model_get_item (channels, i);
      append_provenance_line (out, "channel", cosmo_channel_get_id (channel),
                              cosmo_channel_get_provenance (channel), cosmo_channel_get_n_samples (channel),
                              cosmo_channel_get_description (channel));
    }

  g_string_append_printf (out, "Zones:      %u\n", g_list_model_get_n_items (zones));
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(CosmoZone) zone = g_list_model_get_item (zones, i);
      g_string_append_printf (out, "  %-24s %-14s %s\n", cosmo_zone_get_id (zone),
                              cosmo_enum_to_nick (COSMO_TYPE_PROVENANCE, cosmo_zone_get_provenance (zone)),
                              cosmo_zone_get_title (zone));
    }

  return g_string_free (out, FALSE);
}
