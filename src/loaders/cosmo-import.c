/* cosmo-import.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cosmo-import.h"
#include "cosmo-mission-loader.h"
#include "cosmo-mission-writer.h"
#include "cosmo-time.h"
#include "cosmo-util.h"

/* A value's spelling on the command line and in files, and its label. */
typedef struct { const char *nick; const char *label; } NamedValue;

static const NamedValue roles[] = {
  { "ignore", N_("Ignore") },
  { "time", N_("Time") },
  { "value", N_("Channel") },
  { "lat", N_("Latitude (°)") },
  { "lon", N_("Longitude (°)") },
  { "alt", N_("Altitude") },
  { "speed", N_("Speed") },
  { "title", N_("Event title") },
  { "category", N_("Event category") },
  { "severity", N_("Event severity") },
  { "description", N_("Event description") },
  { "source", N_("Event source") },
  { "end", N_("Event end time") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (roles) == COSMO_N_COLUMN_ROLES);

static const NamedValue forms[] = {
  { "seconds", N_("Seconds from T0") },
  { "mission", N_("Mission time (T±)") },
  { "iso", N_("ISO 8601 UTC") },
  { "unix", N_("Unix time") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (forms) == COSMO_N_TIME_FORMS);

const char *
cosmo_column_role_get_label (CosmoColumnRole role)
{
  g_return_val_if_fail (role < COSMO_N_COLUMN_ROLES, NULL);
  return _(roles[role].label);
}

const char *
cosmo_column_role_to_nick (CosmoColumnRole role)
{
  g_return_val_if_fail (role < COSMO_N_COLUMN_ROLES, NULL);
  return roles[role].nick;
}

static gboolean
find_nick (const NamedValue *table,
           guint             n,
           const char       *nick,
           guint            *index)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (nick, table[i].nick) == 0)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
cosmo_column_role_from_nick (const char      *nick,
                             CosmoColumnRole *role)
{
  guint i;

  if (!find_nick (roles, G_N_ELEMENTS (roles), nick, &i))
    return FALSE;
  *role = i;
  return TRUE;
}

const char *
cosmo_time_form_get_label (CosmoTimeForm form)
{
  g_return_val_if_fail (form < COSMO_N_TIME_FORMS, NULL);
  return _(forms[form].label);
}

const char *
cosmo_time_form_to_nick (CosmoTimeForm form)
{
  g_return_val_if_fail (form < COSMO_N_TIME_FORMS, NULL);
  return forms[form].nick;
}

gboolean
cosmo_time_form_from_nick (const char    *nick,
                           CosmoTimeForm *form)
{
  guint i;

  if (!find_nick (forms, G_N_ELEMENTS (forms), nick, &i))
    return FALSE;
  *form = i;
  return TRUE;
}

static void
series_free (CosmoImportSeries *series)
{
  g_free (series->id);
  g_free (series->name);
  g_free (series->unit);
  g_array_unref (series->values);
  g_free (series);
}

static void
event_free (CosmoImportEvent *event)
{
  g_free (event->title);
  g_free (event->description);
  g_free (event->source);
  g_free (event);
}

CosmoImportData *
cosmo_import_data_new (const char *source_name)
{
  CosmoImportData *data = g_new0 (CosmoImportData, 1);

  data->source_name = g_strdup (source_name);
  data->times = g_array_new (FALSE, FALSE, sizeof (double));
  data->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  data->events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  data->provenance = COSMO_PROVENANCE_MEASURED;
  return data;
}

void
cosmo_import_data_free (CosmoImportData *data)
{
  if (data == NULL)
    return;
  g_free (data->source_name);
  g_free (data->title);
  g_array_unref (data->times);
  g_ptr_array_unref (data->series);
  g_ptr_array_unref (data->events);
  g_free (data);
}

CosmoImportSeries *
cosmo_import_data_add_series (CosmoImportData *data,
                              const char      *name,
                              const char      *unit,
                              CosmoColumnRole  role)
{
  CosmoImportSeries *series = g_new0 (CosmoImportSeries, 1);

  series->name = g_strdup (name);
  series->unit = g_strdup (unit ? unit : "");
  series->role = role;
  series->values = g_array_new (FALSE, FALSE, sizeof (double));
  g_ptr_array_add (data->series, series);
  return series;
}

CosmoImportSeries *
cosmo_import_data_find_role (CosmoImportData *data,
                             CosmoColumnRole  role)
{
  for (guint i = 0; i < data->series->len; i++)
    {
      CosmoImportSeries *series = data->series->pdata[i];

      if (series->role == role)
        return series;
    }
  return NULL;
}

gboolean
cosmo_import_data_has_trajectory (CosmoImportData *data)
{
  return cosmo_import_data_find_role (data, COSMO_COLUMN_LATITUDE) != NULL &&
         cosmo_import_data_find_role (data, COSMO_COLUMN_LONGITUDE) != NULL &&
         cosmo_import_data_find_role (data, COSMO_COLUMN_ALTITUDE) != NULL;
}

double
cosmo_import_data_get_first_time (CosmoImportData *data)
{
  double first = NAN;

  if (!data->absolute)
    return NAN;
  if (data->times->len > 0)
    first = g_array_index (data->times, double, 0);
  for (guint i = 0; i < data->events->len; i++)
    {
      CosmoImportEvent *event = data->events->pdata[i];

      if (isnan (first) || event->time < first)
        first = event->time;
    }
  return first;
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar. */
static gint64
days_from_civil (gint64 y,
                 int    m,
                 int    d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static gboolean
read_digits (const char **p,
             const char  *end,
             int          n,
             int         *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (*p >= end || !g_ascii_isdigit (**p))
        return FALSE;
      v = v * 10 + (**p - '0');
      (*p)++;
    }
  *out = v;
  return TRUE;
}

gboolean
cosmo_parse_iso_utc (const char *text,
                     gsize       length,
                     double     *out)
{
  const char *p = text, *end = text + length;
  int year, month = 1, day = 1, doy = 0, hour, minute, second = 0;
  double fraction = 0, offset = 0;
  gint64 days;

  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
    end--;

  if (!read_digits (&p, end, 4, &year) || p >= end || *p++ != '-')
    return FALSE;
  /* "YYYY-DDD" (day of year, CCSDS) or "YYYY-MM-DD" */
  if (end - p >= 3 && g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
      (end - p == 3 || p[3] == 'T' || p[3] == ' '))
    {
      if (!read_digits (&p, end, 3, &doy) || doy < 1 || doy > 366)
        return FALSE;
    }
  else if (!read_digits (&p, end, 2, &month) || p >= end || *p++ != '-' || !read_digits (&p, end, 2, &day))
    return FALSE;
  if (month < 1 || month > 12 || day < 1 || day > 31)
    return FALSE;
  if (p >= end || (*p != 'T' && *p != ' '))
    return FALSE;
  p++;
  if (!read_digits (&p, end, 2, &hour) || p >= end || *p++ != ':' || !read_digits (&p, end, 2, &minute))
    return FALSE;
  if (p < end && *p == ':')
    {
      p++;
      if (!read_digits (&p, end, 2, &second))
        return FALSE;
      if (p < end && (*p == '.' || *p == ','))
        {
          double scale = 0.1;

          p++;
          if (p >= end || !g_ascii_isdigit (*p))
            return FALSE;
          for (; p < end && g_ascii_isdigit (*p); p++, scale /= 10)
            fraction += (*p - '0') * scale;
        }
    }
  /* 23:59:60 is a leap second; it is folded into the next second. */
  if (hour > 23 || minute > 59 || second > 60)
    return FALSE;
  if (p < end && *p == 'Z')
    p++;
  else if (p < end && (*p == '+' || *p == '-'))
    {
      int sign = *p++ == '-' ? -1 : 1, oh, om = 0;

      if (!read_digits (&p, end, 2, &oh))
        return FALSE;
      if (p < end && *p == ':')
        p++;
      if (p < end && !read_digits (&p, end, 2, &om))
        return FALSE;
      if (oh > 23 || om > 59)
        return FALSE;
      offset = sign * (oh * 3600 + om * 60);
    }
  if (p != end)
    return FALSE;

  if (doy > 0)
    days = days_from_civil (year, 1, 1) + doy - 1;
  else
    {
      static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
      gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

      if (day > mdays[month - 1] || (month == 2 && day == 29 && !leap))
        return FALSE;
      days = days_from_civil (year, month, day);
    }
  *out = (double) days * 86400 + hour * 3600 + minute * 60 + second + fraction - offset;
  return TRUE;
}

char *
cosmo_format_iso_utc (double unix_time)
{
  double whole = floor (unix_time);
  int ms = (int) round ((unix_time - whole) * 1000);
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *text = NULL;

  if (ms == 1000)
    whole += 1, ms = 0;
  dt = g_date_time_new_from_unix_utc ((gint64) whole);
  if (dt == NULL)
    return g_strdup ("");
  text = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
  if (ms != 0)
    return g_strdup_printf ("%s.%03dZ", text, ms);
  return g_strdup_printf ("%sZ", text);
}

/* "ISS (ZARYA) oem.txt" -> "iss-zarya-oem" */
static char *
make_id (const char *text)
{
  GString *id = g_string_new (NULL);

  for (const char *p = text; p && *p; p++)
    {
      char c = g_ascii_tolower (*p);

      if (g_ascii_isalnum (c))
        g_string_append_c (id, c);
      else if (c == '_')
        g_string_append_c (id, '_');
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append (id, "import");
  if (id->len > 40)
    g_string_truncate (id, 40);
  return g_string_free (id, FALSE);
}

static char *
file_stem (const char *name)
{
  g_autofree char *base = g_path_get_basename (name);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return make_id (base);
}

static double
unit_scale (CosmoColumnRole role,
            const char     *unit)
{
  if (role == COSMO_COLUMN_ALTITUDE)
    {
      if (g_ascii_strcasecmp (unit, "km") == 0)
        return 1000;
      if (g_ascii_strcasecmp (unit, "ft") == 0)
        return 0.3048;
    }
  else if (role == COSMO_COLUMN_SPEED)
    {
      if (g_ascii_strcasecmp (unit, "km/s") == 0)
        return 1000;
      if (g_ascii_strcasecmp (unit, "km/h") == 0)
        return 1 / 3.6;
    }
  return 1;
}

static gboolean
id_in_array (JsonObject *root,
             const char *member,
             const char *key,
             const char *id)
{
  JsonNode *node = json_object_get_member (root, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *obj = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      JsonNode *value = obj ? json_object_get_member (obj, key) : NULL;

      if (value && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (value), id) == 0)
        return TRUE;
    }
  return FALSE;
}

static char *
unique_id (JsonObject *root,
           const char *member,
           const char *base,
           GHashTable *taken)
{
  for (guint n = 1;; n++)
    {
      char *id = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);

      if (!id_in_array (root, member, "id", id) && !g_hash_table_contains (taken, id))
        {
          g_hash_table_add (taken, g_strdup (id));
          return id;
        }
      g_free (id);
    }
}

static JsonArray *
ensure_array (JsonObject *root,
              const char *member)
{
  JsonNode *node = json_object_get_member (root, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      json_object_set_array_member (root, member, json_array_new ());
      node = json_object_get_member (root, member);
    }
  return json_node_get_array (node);
}

static char *
format_relative (double t)
{
  char buf[64];

  cosmo_format_double (buf, sizeof buf, fabs (t));
  return g_strdup_printf ("T%c%s", t < 0 ? '-' : '+', buf);
}

gboolean
cosmo_import_write_package (GFile                  *folder,
                            CosmoImportData        *data,
                            const CosmoPackageInfo *info,
                            char                  **summary,
                            GCancellable           *cancellable,
                            GError                **error)
{
  static const CosmoWriteOptions write_options = { TRUE, NULL, NULL };
  g_autoptr(GFile) json_file = g_file_get_child (folder, "mission.json");
  g_autoptr(CosmoMission) existing = NULL;
  g_autoptr(JsonNode) root_node = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GDateTime) t0 = NULL;
  g_autofree char *stem = file_stem (data->source_name ? data->source_name : "import");
  g_autofree char *old_text = NULL;
  gsize old_length = 0;
  g_autofree char *folder_path = g_file_get_path (folder);
  JsonObject *root;
  double t0_unix, offset;
  const char *provenance = cosmo_enum_to_nick (COSMO_TYPE_PROVENANCE, data->provenance);
  gsize n = data->times->len;

  if (folder_path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("only local folders can hold packages"));
      return FALSE;
    }

  if (g_file_query_exists (json_file, cancellable))
    {
      /* Only add to a package that loads: never build on a broken one. */
      existing = cosmo_mission_load (folder, cancellable, error);
      if (existing == NULL)
        return FALSE;
      if (!g_file_load_contents (json_file, cancellable, &old_text, &old_length, NULL, error))
        return FALSE;
      root_node = cosmo_mission_read_json (folder, cancellable, error);
      if (root_node == NULL)
        return FALSE;
      t0 = g_date_time_ref (cosmo_mission_get_t0 (existing));
    }
  else
    {
      g_autofree char *base = g_file_get_basename (folder);
      g_autofree char *id = make_id (info && info->id ? info->id : base);
      double first = cosmo_import_data_get_first_time (data);
      JsonObject *obj;

      if (info && info->t0)
        t0 = g_date_time_to_utc (info->t0);
      else if (!isnan (first))
        {
          /* Whole milliseconds: T0 is written with three decimals. */
          g_autoptr(GDateTime) epoch = g_date_time_new_utc (1970, 1, 1, 0, 0, 0);
          t0 = g_date_time_add (epoch, (GTimeSpan) llround (floor (first * 1000)) * 1000);
        }
      else
        {
          g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_MISSING,
                       _("%s: the times are relative, so the new package needs a T0 (--t0 or the T0 field)"),
                       data->source_name);
          return FALSE;
        }
      if (g_mkdir_with_parents (folder_path, 0755) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: cannot create the folder: %s"),
                       folder_path, g_strerror (errno));
          return FALSE;
        }

      obj = json_object_new ();
      json_object_set_string_member (obj, "format", COSMO_MISSION_FORMAT_NAME);
      json_object_set_int_member (obj, "version", COSMO_MISSION_FORMAT_VERSION);
      json_object_set_string_member (obj, "id", id);
      json_object_set_string_member (obj, "title", info && info->title ? info->title
                                                   : data->title ? data->title : id);
      {
        g_autofree char *t0_text = cosmo_format_iso_utc (g_date_time_to_unix (t0) +
                                                         g_date_time_get_microsecond (t0) / 1e6);
        json_object_set_string_member (obj, "t0", t0_text);
      }
      json_object_set_array_member (obj, "events", json_array_new ());
      root_node = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (root_node, obj);
      g_string_append_printf (report, _("Created the package “%s”\n"), id);
    }
  root = json_node_get_object (root_node);
  t0_unix = g_date_time_to_unix (t0) + g_date_time_get_microsecond (t0) / 1e6;
  offset = data->absolute ? t0_unix : 0;

  /* Samples: one CSV with a "t" column and one column per series. */
  if (n > 0 && data->series->len > 0)
    {
      g_autoptr(GString) csv = g_string_new (NULL);
      g_autofree char *csv_name = NULL;
      g_autoptr(GFile) csv_file = NULL;
      g_autofree double *scale = g_new (double, data->series->len);
      g_autoptr(GHashTable) column_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      gboolean trajectory = cosmo_import_data_has_trajectory (data);
      JsonArray *channels = NULL;

      for (guint k = 1;; k++)
        {
          g_autofree char *candidate = k == 1 ? g_strdup_printf ("%s.csv", stem)
                                              : g_strdup_printf ("%s-%u.csv", stem, k);
          g_autoptr(GFile) f = g_file_get_child (folder, candidate);

          if (!g_file_query_exists (f, cancellable))
            {
              csv_name = g_steal_pointer (&candidate);
              csv_file = g_steal_pointer (&f);
              break;
            }
        }

      g_hash_table_add (column_ids, g_strdup ("t"));
      for (guint s = 0; s < data->series->len; s++)
        {
          CosmoImportSeries *series = data->series->pdata[s];
          const char *fixed = NULL;

          scale[s] = unit_scale (series->role, series->unit);
          switch (series->role)
            {
            case COSMO_COLUMN_LATITUDE: fixed = "lat"; break;
            case COSMO_COLUMN_LONGITUDE: fixed = "lon"; break;
            case COSMO_COLUMN_ALTITUDE: fixed = "alt_m"; break;
            case COSMO_COLUMN_SPEED: fixed = "speed_mps"; break;
            default: break;
            }
          if (series->id != NULL && fixed == NULL && !g_hash_table_contains (column_ids, series->id))
            ;  /* the importer chose it, e.g. "inertial_speed_mps" */
          else if (fixed != NULL && !g_hash_table_contains (column_ids, fixed))
            cosmo_set_str (&series->id, fixed);
          else
            {
              g_autofree char *base = make_id (series->name);

              g_clear_pointer (&series->id, g_free);
              for (guint k = 1; series->id == NULL; k++)
                {
                  char *candidate = k == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, k);

                  if (g_hash_table_contains (column_ids, candidate))
                    g_free (candidate);
                  else
                    series->id = candidate;
                }
            }
          g_hash_table_add (column_ids, g_strdup (series->id));
        }

      g_string_append_printf (csv, "# Imported by Cosmodrome from %s\n", data->source_name);
      g_string_append (csv, "t");
      for (guint s = 0; s < data->series->len; s++)
        g_string_append_printf (csv, ",%s", ((CosmoImportSeries *) data->series->pdata[s])->id);
      g_string_append_c (csv, '\n');
      for (gsize i = 0; i < n; i++)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          cosmo_format_double (buf, sizeof buf, g_array_index (data->times, double, i) - offset);
          g_string_append (csv, buf);
          for (guint s = 0; s < data->series->len; s++)
            {
              CosmoImportSeries *series = data->series->pdata[s];
              double v = g_array_index (series->values, double, i);

              g_string_append_c (csv, ',');
              if (!isnan (v))
                {
                  cosmo_format_double (buf, sizeof buf, v * scale[s]);
                  g_string_append (csv, buf);
                }
            }
          g_string_append_c (csv, '\n');
          if ((i & 0xffff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
        }
      if (!cosmo_atomic_write (csv_file, csv->str, csv->len, &write_options, cancellable, error))
        return FALSE;
      g_string_append_printf (report, _("Wrote %s: %lu samples\n"), csv_name, n);

      if (trajectory)
        {
          JsonObject *obj = json_object_new ();
          g_autofree char *description = g_strdup_printf (_("Imported from %s"), data->source_name);

          json_object_set_string_member (obj, "id", stem);
          json_object_set_string_member (obj, "title", data->title ? data->title : stem);
          json_object_set_string_member (obj, "file", csv_name);
          json_object_set_string_member (obj, "provenance", provenance);
          json_object_set_string_member (obj, "description", description);
          if (json_object_has_member (root, "trajectory"))
            g_string_append (report, _("Replaced the trajectory (the previous mission.json is kept as mission.json~)\n"));
          else
            g_string_append (report, _("Added the trajectory\n"));
          json_object_set_object_member (root, "trajectory", obj);
        }

      for (guint s = 0; s < data->series->len; s++)
        {
          CosmoImportSeries *series = data->series->pdata[s];
          JsonObject *obj;
          g_autofree char *base = NULL;
          g_autofree char *id = NULL;

          /* Position columns belong to the trajectory; speed too when
           * there is one. Everything else is a chart channel. */
          if (trajectory && series->role != COSMO_COLUMN_VALUE)
            continue;
          if (series->role != COSMO_COLUMN_VALUE && series->role != COSMO_COLUMN_SPEED &&
              series->role != COSMO_COLUMN_ALTITUDE)
            continue;
          if (channels == NULL)
            channels = ensure_array (root, "channels");
          base = g_strdup_printf ("%s-%s", stem, series->id);
          id = unique_id (root, "channels", base, taken);
          obj = json_object_new ();
          json_object_set_string_member (obj, "id", id);
          json_object_set_string_member (obj, "name", series->name);
          json_object_set_string_member (obj, "unit",
                                         series->role == COSMO_COLUMN_ALTITUDE ? "m"
                                         : series->role == COSMO_COLUMN_SPEED ? "m/s"
                                         /* mission.json needs a unit; a dash says there is none */
                                         : *series->unit ? series->unit : "–");
          json_object_set_string_member (obj, "group", "vehicle");
          json_object_set_string_member (obj, "file", csv_name);
          json_object_set_string_member (obj, "column", series->id);
          json_object_set_string_member (obj, "provenance", provenance);
          json_array_add_object_element (channels, obj);
          g_string_append_printf (report, _("Added the channel “%s” (%s)\n"), series->name, id);
        }
    }

  if (data->events->len > 0)
    {
      JsonArray *events = ensure_array (root, "events");

      for (guint i = 0; i < data->events->len; i++)
        {
          CosmoImportEvent *event = data->events->pdata[i];
          JsonObject *obj = json_object_new ();
          g_autofree char *id = unique_id (root, "events", stem, taken);
          g_autofree char *time = data->absolute ? cosmo_format_iso_utc (event->time)
                                                 : format_relative (event->time);

          json_object_set_string_member (obj, "id", id);
          json_object_set_string_member (obj, "time", time);
          if (!isnan (event->end))
            {
              g_autofree char *end = data->absolute ? cosmo_format_iso_utc (event->end)
                                                    : format_relative (event->end);
              json_object_set_string_member (obj, "end", end);
            }
          json_object_set_string_member (obj, "category",
                                         cosmo_enum_to_nick (COSMO_TYPE_EVENT_CATEGORY, event->category));
          json_object_set_string_member (obj, "severity", cosmo_enum_to_nick (COSMO_TYPE_SEVERITY, event->severity));
          json_object_set_string_member (obj, "title", event->title);
          if (event->description && *event->description)
            json_object_set_string_member (obj, "description", event->description);
          json_object_set_string_member (obj, "source", event->source && *event->source ? event->source
                                                                                        : data->source_name);
          json_object_set_string_member (obj, "confidence", "reported");
          json_array_add_object_element (events, obj);
        }
      g_string_append_printf (report, ngettext ("Added %u event\n", "Added %u events\n", data->events->len),
                              data->events->len);
    }

  {
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autofree char *text = NULL;
    g_autoptr(GString) out = NULL;
    g_autoptr(CosmoMission) check = NULL;
    g_autoptr(GError) check_error = NULL;

    json_generator_set_root (generator, root_node);
    json_generator_set_pretty (generator, TRUE);
    json_generator_set_indent (generator, 2);
    text = json_generator_to_data (generator, NULL);
    out = g_string_new (text);
    g_string_append_c (out, '\n');
    if (!cosmo_atomic_write (json_file, out->str, out->len, &write_options, cancellable, error))
      return FALSE;

    /* The result must load; if it does not, put the old text back. */
    check = cosmo_mission_load (folder, cancellable, &check_error);
    if (check == NULL)
      {
        if (old_text != NULL)
          cosmo_atomic_write (json_file, old_text, old_length, &write_options, NULL, NULL);
        else
          g_file_delete (json_file, NULL, NULL);
        g_propagate_prefixed_error (error, g_steal_pointer (&check_error),
                                    _("The imported data does not make a valid package; nothing was changed:\n"));
        return FALSE;
      }
  }

  if (summary != NULL)
    *summary = g_string_free (g_steal_pointer (&report), FALSE);
  return TRUE;
}
