/* cosmo-csv-import.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cosmo-csv-import.h"
#include "cosmo-csv-reader.h"
#include "cosmo-time.h"

#define SNIFF_BYTES (256 * 1024)
#define SNIFF_LINES 50

typedef struct {
  const char *p;
  gsize len;
  gssize offset;   /* >= 0: unquoted copy at scratch->str + offset */
} Cell;

void
cosmo_import_plan_free (CosmoImportPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->display_name);
  g_strfreev (plan->names);
  g_strfreev (plan->units);
  g_free (plan->roles);
  if (plan->preview)
    g_ptr_array_unref (plan->preview);
  g_free (plan);
}

/* A cell's text for a message: valid UTF-8, at most 40 characters. */
static char *
cell_for_message (const char *p,
                  gsize       len)
{
  g_autofree char *valid = g_utf8_make_valid (p, MIN (len, 160));

  if (g_utf8_strlen (valid, -1) > 40)
    {
      *g_utf8_offset_to_pointer (valid, 39) = '\0';
      return g_strconcat (valid, "…", NULL);
    }
  return g_steal_pointer (&valid);
}

/* Next line in [*pos, end) without its line break; NULL at the end. */
static const char *
next_line (const char **pos,
           const char  *end,
           gsize       *len)
{
  const char *start = *pos, *nl;

  if (start >= end)
    return NULL;
  nl = memchr (start, '\n', end - start);
  if (nl == NULL)
    nl = end;
  *pos = nl < end ? nl + 1 : end;
  *len = nl - start;
  if (*len > 0 && start[*len - 1] == '\r')
    (*len)--;
  return start;
}

static gboolean
split_line (const char  *line,
            gsize        len,
            char         delimiter,
            GArray      *cells,
            GString     *scratch,
            const char  *name,
            gsize        lineno,
            GError     **error)
{
  const char *p = line, *end = line + len;

  g_array_set_size (cells, 0);
  g_string_truncate (scratch, 0);
  for (;;)
    {
      Cell cell = { p, 0, -1 };

      if (cells->len >= COSMO_MAX_CSV_COLUMNS)
        {
          g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_TOO_LARGE,
                       _("%s:%lu: more than %d columns"), name, lineno, COSMO_MAX_CSV_COLUMNS);
          return FALSE;
        }
      while (p < end && *p == ' ')
        p++;
      if (p < end && *p == '"')
        {
          cell.offset = scratch->len;
          for (p++;; p++)
            {
              if (p >= end)
                {
                  g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_SYNTAX,
                               _("%s:%lu: a quoted cell is not closed on its line"), name, lineno);
                  return FALSE;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    p++;
                  else
                    break;
                }
              g_string_append_c (scratch, *p);
            }
          cell.len = scratch->len - cell.offset;
          p++;
          while (p < end && *p == ' ')
            p++;
          if (p < end && *p != delimiter)
            {
              g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_SYNTAX,
                           _("%s:%lu: expected a delimiter after a quoted cell"), name, lineno);
              return FALSE;
            }
        }
      else
        {
          const char *stop = memchr (p, delimiter, end - p);

          if (stop == NULL)
            stop = end;
          cell.p = p;
          cell.len = stop - p;
          while (cell.len > 0 && (cell.p[cell.len - 1] == ' ' || cell.p[cell.len - 1] == '\t'))
            cell.len--;
          p = stop;
        }
      g_array_append_val (cells, cell);
      if (p >= end)
        break;
      p++;  /* the delimiter */
    }

  for (guint i = 0; i < cells->len; i++)
    {
      Cell *cell = &g_array_index (cells, Cell, i);

      if (cell->offset >= 0)
        cell->p = scratch->str + cell->offset;
    }
  return TRUE;
}

static gboolean
is_comment_or_blank (const char *line,
                     gsize       len)
{
  gsize i = 0;

  while (i < len && (line[i] == ' ' || line[i] == '\t'))
    i++;
  return i == len || line[i] == '#';
}

static gboolean
parse_number_cell (const char *p,
                   gsize       len,
                   char        delimiter,
                   double     *out)
{
  char buf[128];
  const char *end;

  if (len == 0 || len >= sizeof buf)
    return FALSE;
  /* With ; or tab as delimiter the decimal separator may be a comma. */
  if (delimiter != ',' && memchr (p, ',', len) != NULL && memchr (p, '.', len) == NULL)
    {
      memcpy (buf, p, len);
      for (gsize i = 0; i < len; i++)
        if (buf[i] == ',')
          buf[i] = '.';
      p = buf;
    }
  end = cosmo_parse_number (p, p + len, out);
  return end == p + len && isfinite (*out);
}

static gboolean
looks_like_time (const char *p,
                 gsize       len,
                 CosmoTimeForm *form)
{
  double v;
  g_autofree char *s = NULL;

  if (cosmo_parse_iso_utc (p, len, &v))
    {
      *form = COSMO_TIME_FORM_ISO;
      return TRUE;
    }
  if (parse_number_cell (p, len, 0, &v))
    {
      /* Unix time of anything after 1973 is above 1e8 s; nobody records
       * three years of mission time. */
      *form = fabs (v) > 1e8 ? COSMO_TIME_FORM_UNIX : COSMO_TIME_FORM_SECONDS;
      return TRUE;
    }
  if (len > 64)
    return FALSE;
  s = g_strndup (p, len);
  if (cosmo_time_parse (s, NULL, &v, NULL))
    {
      *form = COSMO_TIME_FORM_MISSION;
      return TRUE;
    }
  return FALSE;
}

/* "Altitude (km)" -> "km"; "alt_km" -> "km" */
static char *
unit_from_name (const char *name)
{
  const char *open = strpbrk (name, "([");
  const char *suffixes[] = { "_km", "_m", "_ft", "_kmh", "_mps", "_kms", "_deg", "_s", "_kpa", "_pa", "_c", "_k" };
  const char *units[] = { "km", "m", "ft", "km/h", "m/s", "km/s", "°", "s", "kPa", "Pa", "°C", "K" };

  if (open != NULL)
    {
      const char *close = strpbrk (open + 1, ")]");

      if (close != NULL && close > open + 1)
        return g_strstrip (g_strndup (open + 1, close - open - 1));
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (name, suffixes[i]))
      return g_strdup (units[i]);
  return g_strdup ("");
}

static CosmoColumnRole
role_from_name (const char *raw)
{
  g_autofree char *name = g_ascii_strdown (raw, -1);
  char *cut = strpbrk (name, "([");
  static const struct { const char *word; CosmoColumnRole role; } words[] = {
    { "t", COSMO_COLUMN_TIME }, { "time", COSMO_COLUMN_TIME }, { "t_s", COSMO_COLUMN_TIME },
    { "epoch", COSMO_COLUMN_TIME }, { "utc", COSMO_COLUMN_TIME }, { "timestamp", COSMO_COLUMN_TIME },
    { "date", COSMO_COLUMN_TIME }, { "datetime", COSMO_COLUMN_TIME }, { "met", COSMO_COLUMN_TIME },
    { "start", COSMO_COLUMN_TIME }, { "time_utc", COSMO_COLUMN_TIME }, { "unix", COSMO_COLUMN_TIME },
    { "lat", COSMO_COLUMN_LATITUDE }, { "latitude", COSMO_COLUMN_LATITUDE }, { "lat_deg", COSMO_COLUMN_LATITUDE },
    { "lon", COSMO_COLUMN_LONGITUDE }, { "lng", COSMO_COLUMN_LONGITUDE }, { "long", COSMO_COLUMN_LONGITUDE },
    { "longitude", COSMO_COLUMN_LONGITUDE }, { "lon_deg", COSMO_COLUMN_LONGITUDE },
    { "alt", COSMO_COLUMN_ALTITUDE }, { "altitude", COSMO_COLUMN_ALTITUDE }, { "alt_m", COSMO_COLUMN_ALTITUDE },
    { "alt_km", COSMO_COLUMN_ALTITUDE }, { "alt_ft", COSMO_COLUMN_ALTITUDE }, { "height", COSMO_COLUMN_ALTITUDE },
    { "speed", COSMO_COLUMN_SPEED }, { "speed_mps", COSMO_COLUMN_SPEED }, { "velocity", COSMO_COLUMN_SPEED },
    { "title", COSMO_COLUMN_EVENT_TITLE }, { "event", COSMO_COLUMN_EVENT_TITLE }, { "summary", COSMO_COLUMN_EVENT_TITLE },
    { "name", COSMO_COLUMN_EVENT_TITLE },
    { "category", COSMO_COLUMN_EVENT_CATEGORY }, { "type", COSMO_COLUMN_EVENT_CATEGORY },
    { "severity", COSMO_COLUMN_EVENT_SEVERITY }, { "level", COSMO_COLUMN_EVENT_SEVERITY },
    { "description", COSMO_COLUMN_EVENT_DESCRIPTION }, { "details", COSMO_COLUMN_EVENT_DESCRIPTION },
    { "text", COSMO_COLUMN_EVENT_DESCRIPTION }, { "notes", COSMO_COLUMN_EVENT_DESCRIPTION },
    { "source", COSMO_COLUMN_EVENT_SOURCE }, { "reference", COSMO_COLUMN_EVENT_SOURCE },
    { "end", COSMO_COLUMN_EVENT_END }, { "end_time", COSMO_COLUMN_EVENT_END }, { "until", COSMO_COLUMN_EVENT_END },
  };

  if (cut != NULL)
    *cut = '\0';
  g_strstrip (name);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (name, words[i].word) == 0)
      return words[i].role;
  return COSMO_COLUMN_VALUE;
}

static void
guess_roles (CosmoImportPlan *plan)
{
  gboolean have[COSMO_N_COLUMN_ROLES] = { FALSE, };

  for (guint c = 0; c < plan->n_columns; c++)
    {
      CosmoColumnRole role = plan->has_header ? role_from_name (plan->names[c]) : COSMO_COLUMN_VALUE;

      if (role != COSMO_COLUMN_VALUE && have[role])
        role = COSMO_COLUMN_VALUE;  /* only the first "time" is the time */
      have[role] = TRUE;
      plan->roles[c] = role;
      plan->units[c] = plan->has_header ? unit_from_name (plan->names[c]) : g_strdup ("");
    }
  if (!have[COSMO_COLUMN_TIME] && plan->n_columns > 0)
    {
      plan->roles[0] = COSMO_COLUMN_TIME;
      have[COSMO_COLUMN_TIME] = TRUE;
    }

  /* Columns of text in a telemetry file would only fail; leave them out. */
  for (guint c = 0; c < plan->n_columns; c++)
    {
      if (plan->roles[c] == COSMO_COLUMN_TIME && plan->preview->len > 0)
        {
          char **row = plan->preview->pdata[0];
          looks_like_time (row[c], strlen (row[c]), &plan->time_form);
        }
      if (plan->roles[c] == COSMO_COLUMN_VALUE)
        for (guint r = 0; r < plan->preview->len; r++)
          {
            char **row = plan->preview->pdata[r];
            double v;

            if (*row[c] != '\0' && !parse_number_cell (row[c], strlen (row[c]), plan->delimiter, &v))
              {
                plan->roles[c] = COSMO_COLUMN_IGNORE;
                break;
              }
          }
      if (have[COSMO_COLUMN_EVENT_TITLE] && plan->roles[c] == COSMO_COLUMN_VALUE)
        plan->roles[c] = COSMO_COLUMN_IGNORE;
    }
}

static char
guess_delimiter (GPtrArray *lines)
{
  static const char candidates[] = { '\t', ';', '|', ',' };
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  g_autoptr(GString) scratch = g_string_new (NULL);
  char best = ',';
  double best_score = -1;

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      guint first = 0, consistent = 0;

      for (guint i = 0; i < lines->len; i++)
        {
          const char *line = lines->pdata[i];

          if (!split_line (line, strlen (line), candidates[k], cells, scratch, "", 0, NULL))
            continue;
          if (i == 0)
            first = cells->len;
          if (cells->len == first && first > 1)
            consistent++;
        }
      /* The delimiter that splits every line alike, into several cells. */
      if (first > 1 && consistent * 1.0 / lines->len > best_score + 1e-9)
        {
          best_score = consistent * 1.0 / lines->len;
          best = candidates[k];
        }
    }
  return best;
}

static CosmoImportPlan *
sniff_json (const char  *data,
            gsize        length,
            const char  *display_name,
            GError     **error);

CosmoImportPlan *
cosmo_import_sniff (const char  *data,
                    gsize        length,
                    const char  *display_name,
                    GError     **error)
{
  g_autoptr(CosmoImportPlan) plan = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) line_numbers = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  g_autoptr(GString) scratch = g_string_new (NULL);
  const char *pos = data, *end = data + MIN (length, SNIFF_BYTES), *line;
  gsize len, lineno = 0;
  guint first_data;

  for (gsize i = 0; i < MIN (length, 4096); i++)
    {
      if (data[i] == '[' || data[i] == '{')
        return sniff_json (data, length, display_name, error);
      if (!g_ascii_isspace (data[i]))
        break;
    }

  while (lines->len < SNIFF_LINES && (line = next_line (&pos, end, &len)) != NULL)
    {
      lineno++;
      /* A line cut by the sniff window is not a line. */
      if (pos == end && end < data + length && line[len] != '\n')
        break;
      if (len > COSMO_MAX_LINE_LENGTH)
        {
          g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_TOO_LARGE,
                       _("%s:%lu: the line is longer than %d bytes"), display_name, lineno,
                       COSMO_MAX_LINE_LENGTH);
          return NULL;
        }
      if (memchr (line, '\0', len) != NULL)
        {
          g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_SYNTAX,
                       _("%s:%lu: expected text, found binary data"), display_name, lineno);
          return NULL;
        }
      if (is_comment_or_blank (line, len))
        continue;
      g_ptr_array_add (lines, g_strndup (line, len));
      g_array_append_val (line_numbers, lineno);
    }
  if (lines->len == 0)
    {
      if (length > SNIFF_BYTES && lineno <= 1)
        g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_TOO_LARGE,
                     _("%s:1: the line is longer than %d bytes"), display_name, SNIFF_BYTES);
      else
        g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_SYNTAX,
                     _("%s:%lu: expected a table, found no data"), display_name, MAX (lineno, 1));
      return NULL;
    }

  plan = g_new0 (CosmoImportPlan, 1);
  plan->display_name = g_strdup (display_name);
  plan->delimiter = guess_delimiter (lines);
  plan->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (!split_line (lines->pdata[0], strlen (lines->pdata[0]), plan->delimiter, cells, scratch, display_name,
                   g_array_index (line_numbers, gsize, 0), error))
    return NULL;
  plan->n_columns = cells->len;

  /* A header is a first line with a cell that is neither a number nor a
   * time. */
  for (guint c = 0; c < cells->len && !plan->has_header; c++)
    {
      Cell *cell = &g_array_index (cells, Cell, c);
      CosmoTimeForm form;

      plan->has_header = cell->len > 0 && !looks_like_time (cell->p, cell->len, &form);
    }
  plan->names = g_new0 (char *, plan->n_columns + 1);
  plan->units = g_new0 (char *, plan->n_columns + 1);
  plan->roles = g_new0 (CosmoColumnRole, plan->n_columns);
  for (guint c = 0; c < plan->n_columns; c++)
    {
      Cell *cell = &g_array_index (cells, Cell, c);

      if (plan->has_header && cell->len > 0)
        {
          if (!g_utf8_validate (cell->p, cell->len, NULL))
            {
              g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_SYNTAX,
                           _("%s:%lu: expected UTF-8 text in the header, found an invalid byte"),
                           display_name, g_array_index (line_numbers, gsize, 0));
              return NULL;
            }
          plan->names[c] = g_strndup (cell->p, cell->len);
        }
      else
        plan->names[c] = g_strdup_printf (_("Column %u"), c + 1);
    }

  first_data = plan->has_header ? 1 : 0;
  for (guint i = first_data; i < lines->len && plan->preview->len < COSMO_IMPORT_PREVIEW_ROWS; i++)
    {
      char **row = g_new0 (char *, plan->n_columns + 1);

      if (!split_line (lines->pdata[i], strlen (lines->pdata[i]), plan->delimiter, cells, scratch, display_name,
                       g_array_index (line_numbers, gsize, i), NULL))
        g_array_set_size (cells, 0);
      for (guint c = 0; c < plan->n_columns; c++)
        {
          Cell *cell = c < cells->len ? &g_array_index (cells, Cell, c) : NULL;
          row[c] = cell ? g_utf8_make_valid (cell->p, cell->len) : g_strdup ("");
        }
      g_ptr_array_add (plan->preview, row);
    }

  guess_roles (plan);
  return g_steal_pointer (&plan);
}

/* JSON events: an array of objects, or an object with an "events" array.
 * Each object is a row; its members are the columns. */
static gboolean
check_json_depth (const char  *data,
                  gsize        length,
                  const char  *display_name,
                  GError     **error)
{
  guint depth = 0;
  gsize line = 1;
  gboolean in_string = FALSE;

  if (!g_utf8_validate (data, length, NULL))
    {
      const char *invalid;

      g_utf8_validate (data, length, &invalid);
      for (const char *p = data; p < invalid; p++)
        line += *p == '\n';
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_SYNTAX,
                   _("%s:%lu: expected UTF-8 text, found an invalid byte"), display_name, line);
      return FALSE;
    }
  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      line += c == '\n';
      if (in_string)
        {
          if (c == '\\' && i + 1 < length && data[i + 1] != '\n')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if ((c == '[' || c == '{') && ++depth > COSMO_MAX_JSON_DEPTH)
        {
          g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_SYNTAX,
                       _("%s:%lu: nested more than %d levels deep"), display_name, line,
                       COSMO_MAX_JSON_DEPTH);
          return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

typedef struct {
  GHashTable *lines;  /* "%p[%d]" -> line */
} JsonLines;

static void
on_json_element (JsonParser *parser,
                 JsonArray  *array,
                 int         index,
                 JsonLines  *lines)
{
  g_hash_table_insert (lines->lines, g_strdup_printf ("%p[%d]", (gpointer) array, index),
                       GUINT_TO_POINTER (json_parser_get_current_line (parser)));
}

/* Parses and returns the events array (owned by @parser) plus per-element
 * lines, or NULL. */
static JsonArray *
load_json_rows (JsonParser  *parser,
                GHashTable  *lines,
                const char  *data,
                gsize        length,
                const char  *display_name,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonLines ctx = { lines };
  JsonNode *root;

  if (length > COSMO_MAX_JSON_SIZE)
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_TOO_LARGE,
                   _("%s: the file is larger than the %d MB a JSON file may have"), display_name,
                   COSMO_MAX_JSON_SIZE >> 20);
      return NULL;
    }
  if (!check_json_depth (data, length, display_name, error))
    return NULL;
  g_signal_connect (parser, "array-element", G_CALLBACK (on_json_element), &ctx);
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_signal_handlers_disconnect_by_data (parser, &ctx);
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_SYNTAX, "%s:%u: %s", display_name,
                   json_parser_get_current_line (parser), local_error->message);
      return NULL;
    }
  g_signal_handlers_disconnect_by_data (parser, &ctx);
  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonNode *events = json_object_get_member (json_node_get_object (root), "events");

      root = events;
    }
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_SYNTAX,
                   _("%s:1: expected an array of events, or an object with an \"events\" array"), display_name);
      return NULL;
    }
  return json_node_get_array (root);
}

static char *
json_cell (JsonNode *node)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING: return g_strdup (json_node_get_string (node));
    case G_TYPE_BOOLEAN: return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    case G_TYPE_INT64: return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    default: return g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
    }
}

/* Rows of the JSON array as string vectors in the column order of @names
 * (extended with members seen for the first time when @names_out). */
static gboolean
json_to_rows (JsonArray   *array,
              GHashTable  *lines,
              const char  *display_name,
              GPtrArray   *names,
              GPtrArray   *rows,
              GArray      *row_lines,
              guint        max_rows,
              GError     **error)
{
  for (guint i = 0; i < json_array_get_length (array) && rows->len < max_rows; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      char key[64];
      gsize line;
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;
      char **row;

      g_snprintf (key, sizeof key, "%p[%u]", (gpointer) array, i);
      line = GPOINTER_TO_UINT (g_hash_table_lookup (lines, key));
      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_INVALID,
                       _("%s:%lu: expected an event object"), display_name, line);
          return FALSE;
        }
      json_object_iter_init (&iter, json_node_get_object (element));
      while (json_object_iter_next (&iter, &member, &value))
        {
          gboolean known = FALSE;

          for (guint c = 0; c < names->len && !known; c++)
            known = strcmp (names->pdata[c], member) == 0;
          if (!known)
            {
              if (names->len >= COSMO_MAX_CSV_COLUMNS)
                {
                  g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_TOO_LARGE,
                               _("%s:%lu: more than %d different members"), display_name, line,
                               COSMO_MAX_CSV_COLUMNS);
                  return FALSE;
                }
              g_ptr_array_add (names, g_strdup (member));
            }
        }
      row = g_new0 (char *, names->len + 1);
      for (guint c = 0; c < names->len; c++)
        {
          JsonNode *node = json_object_get_member (json_node_get_object (element), names->pdata[c]);

          row[c] = json_cell (node);
          if (row[c] == NULL)
            {
              g_strfreev (row);
              g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_INVALID,
                           _("%s:%lu: \"%s\": expected text or a number, found an object or array"),
                           display_name, line, (char *) names->pdata[c]);
              return FALSE;
            }
        }
      g_ptr_array_add (rows, row);
      g_array_append_val (row_lines, line);
    }
  return TRUE;
}

static CosmoImportPlan *
sniff_json (const char  *data,
            gsize        length,
            const char  *display_name,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) row_lines = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(CosmoImportPlan) plan = NULL;
  JsonArray *array = load_json_rows (parser, lines, data, length, display_name, error);

  if (array == NULL)
    return NULL;
  /* All rows, so every member is a column, but only the first few kept. */
  if (!json_to_rows (array, lines, display_name, names, rows, row_lines, G_MAXUINT, error))
    return NULL;
  if (names->len == 0)
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_SYNTAX,
                   _("%s:1: expected a list of events, found no events"), display_name);
      return NULL;
    }

  plan = g_new0 (CosmoImportPlan, 1);
  plan->display_name = g_strdup (display_name);
  plan->json = TRUE;
  plan->delimiter = ',';
  plan->has_header = TRUE;
  plan->n_columns = names->len;
  plan->names = g_new0 (char *, names->len + 1);
  plan->units = g_new0 (char *, names->len + 1);
  plan->roles = g_new0 (CosmoColumnRole, names->len);
  for (guint c = 0; c < names->len; c++)
    plan->names[c] = g_strdup (names->pdata[c]);
  plan->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint r = 0; r < rows->len && r < COSMO_IMPORT_PREVIEW_ROWS; r++)
    {
      char **row = g_new0 (char *, names->len + 1);
      char **src = rows->pdata[r];
      guint have = g_strv_length (src);

      for (guint c = 0; c < names->len; c++)
        row[c] = g_strdup (c < have ? src[c] : "");
      g_ptr_array_add (plan->preview, row);
    }
  guess_roles (plan);
  return g_steal_pointer (&plan);
}

GBytes *
cosmo_import_read_file (GFile         *file,
                        goffset        max_size,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  GMappedFile *mapped;
  GBytes *bytes;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_IO, "%s: %s", name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_IO, _("%s: not a regular file"), name);
      return NULL;
    }
  if (g_file_info_get_size (info) > max_size)
    {
      g_autofree char *have = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (max_size);

      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_TOO_LARGE,
                   _("%s: the file is %s, more than the %s Cosmodrome imports at once"), name, have, limit);
      return NULL;
    }
  if (path == NULL)
    {
      char *contents;
      gsize length;

      if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
        {
          g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_IO, "%s: %s", name, local_error->message);
          return NULL;
        }
      return g_bytes_new_take (contents, length);
    }
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_IO, "%s: %s", name, local_error->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  g_mapped_file_unref (mapped);
  return bytes;
}

CosmoImportPlan *
cosmo_import_sniff_file (GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GBytes) bytes = cosmo_import_read_file (file, COSMO_MAX_CSV_SIZE, cancellable, error);
  g_autofree char *name = g_file_get_basename (file);
  gsize length;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return cosmo_import_sniff (data ? data : "", length, name, error);
}

gboolean
cosmo_import_plan_is_events (const CosmoImportPlan *plan)
{
  for (guint c = 0; c < plan->n_columns; c++)
    if (plan->roles[c] == COSMO_COLUMN_EVENT_TITLE)
      return TRUE;
  return FALSE;
}

int
cosmo_import_plan_find_column (const CosmoImportPlan *plan,
                               const char            *name)
{
  for (guint c = 0; c < plan->n_columns; c++)
    if (g_strcmp0 (plan->names[c], name) == 0)
      return (int) c;
  return -1;
}

char *
cosmo_import_plan_check (const CosmoImportPlan *plan)
{
  guint count[COSMO_N_COLUMN_ROLES] = { 0, };
  gboolean events = cosmo_import_plan_is_events (plan);

  for (guint c = 0; c < plan->n_columns; c++)
    count[plan->roles[c]]++;
  if (count[COSMO_COLUMN_TIME] != 1)
    return g_strdup (_("Choose one time column"));
  for (guint r = COSMO_COLUMN_LATITUDE; r < COSMO_N_COLUMN_ROLES; r++)
    if (count[r] > 1)
      return g_strdup_printf (_("Only one column can be “%s”"), cosmo_column_role_get_label (r));
  if (events)
    return NULL;
  if (count[COSMO_COLUMN_EVENT_CATEGORY] + count[COSMO_COLUMN_EVENT_SEVERITY] + count[COSMO_COLUMN_EVENT_DESCRIPTION] +
      count[COSMO_COLUMN_EVENT_SOURCE] + count[COSMO_COLUMN_EVENT_END] > 0)
    return g_strdup (_("Events need a title column"));
  if ((count[COSMO_COLUMN_LATITUDE] + count[COSMO_COLUMN_LONGITUDE] + count[COSMO_COLUMN_ALTITUDE]) % 3 != 0)
    return g_strdup (_("A trajectory needs latitude, longitude and altitude columns"));
  if (count[COSMO_COLUMN_VALUE] + count[COSMO_COLUMN_LATITUDE] + count[COSMO_COLUMN_SPEED] +
      count[COSMO_COLUMN_ALTITUDE] == 0)
    return g_strdup (_("Choose at least one column to import"));
  return NULL;
}

/* Importing */

typedef struct {
  const CosmoImportPlan *plan;
  CosmoImportData *data;
  gboolean events;
  int time_col;
  CosmoImportSeries **series;  /* per column, or NULL */
  double last_time;
  gsize last_line;
} ImportCtx;

static gboolean
parse_time (ImportCtx  *ctx,
            const char *p,
            gsize       len,
            double     *out)
{
  switch (ctx->plan->time_form)
    {
    case COSMO_TIME_FORM_SECONDS:
    case COSMO_TIME_FORM_UNIX:
      return parse_number_cell (p, len, ctx->plan->delimiter, out);
    case COSMO_TIME_FORM_ISO:
      return cosmo_parse_iso_utc (p, len, out);
    case COSMO_TIME_FORM_MISSION:
    default:
      {
        char buf[128];

        if (len == 0 || len >= sizeof buf)
          return FALSE;
        memcpy (buf, p, len);
        buf[len] = '\0';
        return cosmo_time_parse (buf, NULL, out, NULL) && isfinite (*out);
      }
    }
}

static gboolean
cell_error (ImportCtx   *ctx,
            gsize        line,
            guint        column,
            const char  *expected,
            const char  *p,
            gsize        len,
            GError     **error)
{
  g_autofree char *found = cell_for_message (p, len);

  g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_INVALID,
               _("%s:%lu: column “%s”: expected %s, found “%s”"),
               ctx->plan->display_name, line, ctx->plan->names[column], expected, found);
  return FALSE;
}

static char *
text_cell (ImportCtx   *ctx,
           const char  *p,
           gsize        len,
           gsize        line,
           guint        column,
           GError     **error)
{
  if (!g_utf8_validate (p, len, NULL))
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_SYNTAX,
                   _("%s:%lu: column “%s”: expected UTF-8 text, found an invalid byte"),
                   ctx->plan->display_name, line, ctx->plan->names[column]);
      return NULL;
    }
  return g_strndup (p, len);
}

static gboolean
import_event_row (ImportCtx   *ctx,
                  Cell        *cells,
                  gsize        line,
                  GError     **error)
{
  const CosmoImportPlan *plan = ctx->plan;
  g_autofree CosmoImportEvent *event = g_new0 (CosmoImportEvent, 1);
  g_autofree char *title = NULL, *description = NULL, *source = NULL;

  event->end = NAN;
  event->line = line;
  event->category = COSMO_EVENT_CATEGORY_NOTE;
  event->severity = COSMO_SEVERITY_INFO;
  for (guint c = 0; c < plan->n_columns; c++)
    {
      Cell *cell = &cells[c];
      g_autofree char *lower = NULL;
      int value;

      switch (plan->roles[c])
        {
        case COSMO_COLUMN_TIME:
          if (!parse_time (ctx, cell->p, cell->len, &event->time))
            return cell_error (ctx, line, c, cosmo_time_form_get_label (plan->time_form), cell->p, cell->len, error);
          break;
        case COSMO_COLUMN_EVENT_END:
          if (cell->len > 0 && !parse_time (ctx, cell->p, cell->len, &event->end))
            return cell_error (ctx, line, c, cosmo_time_form_get_label (plan->time_form), cell->p, cell->len, error);
          break;
        case COSMO_COLUMN_EVENT_TITLE:
          if ((title = text_cell (ctx, cell->p, cell->len, line, c, error)) == NULL)
            return FALSE;
          break;
        case COSMO_COLUMN_EVENT_DESCRIPTION:
          if ((description = text_cell (ctx, cell->p, cell->len, line, c, error)) == NULL)
            return FALSE;
          break;
        case COSMO_COLUMN_EVENT_SOURCE:
          if ((source = text_cell (ctx, cell->p, cell->len, line, c, error)) == NULL)
            return FALSE;
          break;
        case COSMO_COLUMN_EVENT_CATEGORY:
        case COSMO_COLUMN_EVENT_SEVERITY:
          {
            GType type = plan->roles[c] == COSMO_COLUMN_EVENT_CATEGORY ? COSMO_TYPE_EVENT_CATEGORY
                                                                      : COSMO_TYPE_SEVERITY;
            if (cell->len == 0)
              break;
            lower = g_ascii_strdown (cell->p, cell->len);
            if (!cosmo_enum_from_nick (type, lower, &value))
              {
                g_autofree char *choices = cosmo_enum_list_nicks (type);
                return cell_error (ctx, line, c, choices, cell->p, cell->len, error);
              }
            if (plan->roles[c] == COSMO_COLUMN_EVENT_CATEGORY)
              event->category = value;
            else
              event->severity = value;
          }
          break;
        default:
          break;
        }
    }
  if (title == NULL || *g_strstrip (title) == '\0')
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_INVALID,
                   _("%s:%lu: expected an event title, found an empty cell"),
                   plan->display_name, line);
      return FALSE;
    }
  if (!isnan (event->end) && event->end < event->time)
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_INVALID,
                   _("%s:%lu: the end comes before the start"), plan->display_name, line);
      return FALSE;
    }
  event->title = g_steal_pointer (&title);
  event->description = g_steal_pointer (&description);
  event->source = g_steal_pointer (&source);
  g_ptr_array_add (ctx->data->events, g_steal_pointer (&event));
  return TRUE;
}

static gboolean
import_sample_row (ImportCtx   *ctx,
                   Cell        *cells,
                   gsize        line,
                   GError     **error)
{
  const CosmoImportPlan *plan = ctx->plan;
  Cell *tcell = &cells[ctx->time_col];
  double t;

  if (!parse_time (ctx, tcell->p, tcell->len, &t))
    return cell_error (ctx, line, ctx->time_col, cosmo_time_form_get_label (plan->time_form), tcell->p, tcell->len,
                       error);
  if (ctx->data->times->len > 0 && t <= ctx->last_time)
    {
      char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];

      if (t == ctx->last_time)
        g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_INVALID,
                     _("%s:%lu: the time repeats line %lu; times must increase"),
                     plan->display_name, line, ctx->last_line);
      else
        g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_INVALID,
                     _("%s:%lu: time goes backwards (%s after %s on line %lu)"),
                     plan->display_name, line, g_ascii_formatd (a, sizeof a, "%.10g", t),
                     g_ascii_formatd (b, sizeof b, "%.10g", ctx->last_time), ctx->last_line);
      return FALSE;
    }
  if (ctx->data->times->len >= COSMO_MAX_IMPORT_ROWS)
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_TOO_LARGE,
                   _("%s:%lu: more than %lu rows; split the file"),
                   plan->display_name, line, COSMO_MAX_IMPORT_ROWS);
      return FALSE;
    }

  for (guint c = 0; c < plan->n_columns; c++)
    {
      CosmoImportSeries *series = ctx->series[c];
      Cell *cell = &cells[c];
      double v = NAN;

      if (series == NULL)
        continue;
      if (cell->len == 0 && series->role == COSMO_COLUMN_VALUE)
        v = NAN;  /* a gap */
      else if (!parse_number_cell (cell->p, cell->len, plan->delimiter, &v))
        return cell_error (ctx, line, c, _("a finite number"), cell->p, cell->len, error);
      else if (series->role == COSMO_COLUMN_LATITUDE && (v < -90 || v > 90))
        return cell_error (ctx, line, c, _("a latitude from -90 to 90"), cell->p, cell->len, error);
      else if (series->role == COSMO_COLUMN_LONGITUDE)
        {
          if (v < -180 || v > 360)
            return cell_error (ctx, line, c, _("a longitude from -180 to 360"), cell->p, cell->len, error);
          if (v > 180)
            v -= 360;
        }
      g_array_append_val (series->values, v);
    }
  g_array_append_val (ctx->data->times, t);
  ctx->last_time = t;
  ctx->last_line = line;
  return TRUE;
}

static gboolean
import_row (ImportCtx   *ctx,
            Cell        *cells,
            guint        n_cells,
            gsize        line,
            GError     **error)
{
  if (n_cells != ctx->plan->n_columns)
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_SYNTAX,
                   _("%s:%lu: expected %u cells as in the first line, found %u"),
                   ctx->plan->display_name, line, ctx->plan->n_columns, n_cells);
      return FALSE;
    }
  return ctx->events ? import_event_row (ctx, cells, line, error) : import_sample_row (ctx, cells, line, error);
}

static gboolean
setup_ctx (ImportCtx              *ctx,
           const CosmoImportPlan  *plan,
           GError                **error)
{
  g_autofree char *problem = cosmo_import_plan_check (plan);

  if (problem != NULL)
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_INVALID, "%s: %s", plan->display_name, problem);
      return FALSE;
    }
  ctx->plan = plan;
  ctx->data = cosmo_import_data_new (plan->display_name);
  ctx->data->absolute = plan->time_form == COSMO_TIME_FORM_ISO || plan->time_form == COSMO_TIME_FORM_UNIX;
  ctx->events = cosmo_import_plan_is_events (plan);
  ctx->series = g_new0 (CosmoImportSeries *, plan->n_columns);
  for (guint c = 0; c < plan->n_columns; c++)
    {
      if (plan->roles[c] == COSMO_COLUMN_TIME)
        ctx->time_col = c;
      else if (!ctx->events && plan->roles[c] >= COSMO_COLUMN_VALUE && plan->roles[c] <= COSMO_COLUMN_SPEED)
        {
          /* "pressure (kPa)" is the channel "pressure" in kPa. */
          g_autofree char *name = g_strdup (plan->names[c]);
          char *bracket = strpbrk (name, "([");

          if (bracket != NULL && bracket > name)
            *bracket = '\0';
          g_strstrip (name);
          ctx->series[c] = cosmo_import_data_add_series (ctx->data, *name ? name : plan->names[c],
                                                         plan->units[c], plan->roles[c]);
        }
    }
  return TRUE;
}

static CosmoImportData *
finish_ctx (ImportCtx  *ctx,
            gboolean    ok,
            gsize       last_line,
            GError    **error)
{
  CosmoImportData *data = g_steal_pointer (&ctx->data);

  g_free (ctx->series);
  if (ok && data->times->len == 0 && data->events->len == 0)
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_MISSING,
                   _("%s:%lu: expected rows of data, found none"), ctx->plan->display_name,
                   MAX (last_line, 1));
      ok = FALSE;
    }
  if (!ok)
    {
      cosmo_import_data_free (data);
      return NULL;
    }
  return data;
}

static CosmoImportData *
import_json (const char             *data,
             gsize                   length,
             const CosmoImportPlan  *plan,
             GCancellable           *cancellable,
             GError                **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) row_lines = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autofree Cell *cells = NULL;
  ImportCtx ctx = { 0, };
  JsonArray *array;
  gboolean ok = TRUE;

  for (guint c = 0; c < plan->n_columns; c++)
    g_ptr_array_add (names, g_strdup (plan->names[c]));
  array = load_json_rows (parser, lines, data, length, plan->display_name, error);
  if (array == NULL || !json_to_rows (array, lines, plan->display_name, names, rows, row_lines, G_MAXUINT, error))
    return NULL;
  if (!setup_ctx (&ctx, plan, error))
    return NULL;
  cells = g_new0 (Cell, plan->n_columns);
  for (guint r = 0; r < rows->len && ok; r++)
    {
      char **row = rows->pdata[r];
      guint have = g_strv_length (row);

      for (guint c = 0; c < plan->n_columns; c++)
        {
          cells[c].p = c < have ? row[c] : "";
          cells[c].len = strlen (cells[c].p);
        }
      ok = import_row (&ctx, cells, plan->n_columns, g_array_index (row_lines, gsize, r), error);
    }
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  return finish_ctx (&ctx, ok, 1, error);
}

CosmoImportData *
cosmo_import_table (const char             *data,
                    gsize                   length,
                    const CosmoImportPlan  *plan,
                    CosmoImportProgress     progress,
                    gpointer                progress_data,
                    GCancellable           *cancellable,
                    GError                **error)
{
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  g_autoptr(GString) scratch = g_string_new (NULL);
  const char *pos = data, *end = data + length, *line;
  gsize len, lineno = 0;
  gboolean header_seen = !plan->has_header, ok = TRUE;
  ImportCtx ctx = { 0, };

  g_return_val_if_fail (plan != NULL, NULL);

  if (plan->json)
    return import_json (data, length, plan, cancellable, error);
  if (!setup_ctx (&ctx, plan, error))
    return NULL;

  while (ok && (line = next_line (&pos, end, &len)) != NULL)
    {
      lineno++;
      if ((lineno & 0xffff) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              ok = FALSE;
              break;
            }
          if (progress)
            progress ((double) (pos - data) / length, progress_data);
        }
      if (len > COSMO_MAX_LINE_LENGTH)
        {
          g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_TOO_LARGE,
                       _("%s:%lu: the line is longer than %d bytes"), plan->display_name, lineno,
                       COSMO_MAX_LINE_LENGTH);
          ok = FALSE;
          break;
        }
      if (is_comment_or_blank (line, len))
        continue;
      if (memchr (line, '\0', len) != NULL)
        {
          g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_SYNTAX,
                       _("%s:%lu: expected text, found binary data"), plan->display_name, lineno);
          ok = FALSE;
          break;
        }
      if (!split_line (line, len, plan->delimiter, cells, scratch, plan->display_name, lineno, error))
        {
          ok = FALSE;
          break;
        }
      if (!header_seen)
        {
          header_seen = TRUE;
          if (cells->len != plan->n_columns)
            {
              g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_SYNTAX,
                           _("%s:%lu: expected a header of %u columns, found %u"),
                           plan->display_name, lineno, plan->n_columns, cells->len);
              ok = FALSE;
            }
          continue;
        }
      ok = import_row (&ctx, (Cell *) cells->data, cells->len, lineno, error);
    }
  if (ok && progress)
    progress (1.0, progress_data);
  return finish_ctx (&ctx, ok, lineno, error);
}

CosmoImportData *
cosmo_import_table_file (GFile                  *file,
                         const CosmoImportPlan  *plan,
                         CosmoImportProgress     progress,
                         gpointer                progress_data,
                         GCancellable           *cancellable,
                         GError                **error)
{
  g_autoptr(GBytes) bytes = cosmo_import_read_file (file, plan->json ? COSMO_MAX_JSON_SIZE : COSMO_MAX_CSV_SIZE,
                                                    cancellable, error);
  const char *data;
  gsize length;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return cosmo_import_table (data ? data : "", length, plan, progress, progress_data, cancellable, error);
}
