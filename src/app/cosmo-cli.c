/* cosmo-cli.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cosmo-application.h"
#include "cosmo-briefing.h"
#include "cosmo-chart-renderer.h"
#include "cosmo-cli.h"
#include "cosmo-csv-import.h"
#include "cosmo-mission-loader.h"
#include "cosmo-oem-reader.h"
#include "cosmo-time.h"
#include "cosmo-util.h"
#include "cosmo-video-export.h"

static const GOptionEntry cli_entries[] = {
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Load the mission package headless, print a summary or its errors, and exit"), NULL },
  { "print-state", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the vehicle state at TIME as one JSON object and exit"), N_("TIME") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    N_("Import a CSV (telemetry, trajectory or events), a JSON event list or a CCSDS OEM into --into; "
       "repeat for several files"), N_("FILE") },
  { "into", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The mission package --import adds to (created when it does not exist)"), N_("PACKAGE") },
  { "mission-id", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("--import: id of a new package (default: the folder name)"), N_("ID") },
  { "title", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("--import: title of a new package"), N_("TEXT") },
  { "t0", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("--import: T0 of a new package, ISO 8601 UTC (default: the first time in the data)"), N_("TIME") },
  { "time-column", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("--import: the CSV column that holds the time (default: guessed)"), N_("NAME") },
  { "time-form", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("--import: how times are written: seconds, mission (T±), iso or unix (default: guessed)"), N_("FORM") },
  { "column", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("--import: NAME=ROLE[:UNIT], ROLE one of ignore, time, value, lat, lon, alt, speed, title, category, "
       "severity, description, source, end; repeatable"), N_("MAPPING") },
  { "provenance", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("--import: measured (default), reconstructed or simulated"), N_("KIND") },
  { "export-briefing", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the briefing (title page, one page per chapter, every event with its source) as a PDF and exit"),
    N_("OUT.pdf") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Paper for --export-briefing: a4 (default) or letter, landscape"), N_("a4|letter") },
  { "export-video", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Render the replay at 1920x1080, 30 fps, to a WebM or MP4 file and exit (default: a tour of the chapters)"),
    N_("OUT.webm|OUT.mp4") },
  { "range", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Time range to export, or to show in the window, such as T-10..T+600 (with --rate for --export-video)"), N_("T1..T2") },
  { "export-chart", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Draw the sensor-trace charts (one per channel, events and --at cursor) to a PNG, SVG or PDF of --size "
       "and exit"), N_("OUT.png|OUT.svg|OUT.pdf") },
  { "channels", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Channel ids for --export-chart, comma-separated, top to bottom (default: the key vehicle and pad "
       "channels)"), N_("ID,ID") },
  { "present", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start in presentation mode: full screen, large type, chapter captions (F5 in the window)"), NULL },
  { "kiosk", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run as an unattended exhibit: full screen, the chapters in a loop, simple controls"), NULL },
  { NULL }
};

void
cosmo_cli_add_option_entries (GApplication *app)
{
  g_application_add_main_option_entries (app, cli_entries);
}

gboolean
cosmo_parse_size (const char *text,
                  int        *width,
                  int        *height)
{
  g_auto(GStrv) parts = NULL;
  guint64 w, h;

  if (text == NULL)
    return FALSE;
  parts = g_strsplit (text, "x", 2);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 64, 16384, &w, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 64, 16384, &h, NULL))
    return FALSE;

  *width = (int) w;
  *height = (int) h;
  return TRUE;
}

gboolean
cosmo_start_options_parse (CosmoStartOptions  *options,
                           GVariantDict       *dict,
                           GError            **error)
{
  const char *text;

  if (g_variant_dict_lookup (dict, "screenshot", "^&ay", &text))
    options->screenshot_path = g_strdup (text);

  if (g_variant_dict_lookup (dict, "size", "&s", &text) &&
      !cosmo_parse_size (text, &options->width, &options->height))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--size: expected WIDTHxHEIGHT such as 1920x1080, found \"%s\""), text);
      return FALSE;
    }

  if (g_variant_dict_lookup (dict, "at", "&s", &text))
    {
      double t;
      g_autoptr(GError) local_error = NULL;

      /* Absolute forms need T0, which only the mission knows: check the
       * relative forms now and the rest once it has loaded. */
      if (!cosmo_time_parse (text, NULL, &t, &local_error) &&
          !g_error_matches (local_error, COSMO_TIME_ERROR, COSMO_TIME_ERROR_NEEDS_T0))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--at: %s", local_error->message);
          return FALSE;
        }
      options->at = g_strdup (text);
    }

  if (g_variant_dict_lookup (dict, "rate", "&s", &text))
    {
      if (!cosmo_parse_double (text, &options->rate) || options->rate == 0 || fabs (options->rate) > 1000)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--rate: expected a non-zero number from -1000 to 1000, found \"%s\""), text);
          return FALSE;
        }
      options->has_rate = TRUE;
    }

  if (g_variant_dict_lookup (dict, "range", "&s", &text))
    options->range = g_strdup (text);

  if (g_variant_dict_contains (dict, "kiosk"))
    options->kiosk = TRUE;

  if (g_variant_dict_contains (dict, "present"))
    options->present = TRUE;

  return TRUE;
}

void
cosmo_start_options_clear (CosmoStartOptions *options)
{
  g_clear_object (&options->mission);
  g_clear_pointer (&options->screenshot_path, g_free);
  g_clear_pointer (&options->at, g_free);
  g_clear_pointer (&options->range, g_free);
}

static CosmoMission *
load_for_cli (GFile   *mission,
              GError **error)
{
  g_autoptr(GFile) folder = mission ? g_object_ref (mission) : cosmo_application_get_bundled_mission ();

  return cosmo_mission_load (folder, NULL, error);
}

static int
run_validate (GFile *mission_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoMission) mission = load_for_cli (mission_file, &error);
  g_autofree char *summary = NULL;

  if (mission == NULL)
    {
      /* One error per line, each "file:line: message". */
      g_printerr ("%s\n", error->message);
      return 1;
    }

  summary = cosmo_mission_format_summary (mission);
  g_print ("%s", summary);
  g_print ("OK\n");
  return 0;
}

/* Fixed decimals, so the output is stable and reads as the figure it is
 * (json-glib would print every binary digit: 46416.699999999997). */
static void
add_number (GString    *json,
            const char *name,
            double      value,
            int         decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_string_append_printf (json, "%s\"%s\": %s", json->len > 1 ? ", " : "", name,
                          isfinite (value) ? g_ascii_formatd (buf, sizeof buf, format, value) : "null");
}

static void
add_string (GString    *json,
            const char *name,
            const char *value)
{
  g_autofree char *escaped = g_strescape (value, NULL);

  g_string_append_printf (json, "%s\"%s\": \"%s\"", json->len > 1 ? ", " : "", name, escaped);
}

static int
run_print_state (GFile      *mission_file,
                 const char *time_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoMission) mission = load_for_cli (mission_file, &error);
  g_autoptr(GString) out = NULL;
  g_autofree char *json = NULL;
  g_autofree char *mission_time = NULL;
  g_autofree char *utc = NULL;
  CosmoTrajectory *trajectory;
  CosmoTrajectoryState state;
  double t;
  gboolean inside;

  if (mission == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (!cosmo_time_parse (time_text, cosmo_mission_get_t0 (mission), &t, &error))
    {
      g_printerr ("--print-state: %s\n", error->message);
      return 2;
    }

  trajectory = cosmo_mission_get_trajectory (mission);
  if (trajectory == NULL)
    {
      g_printerr (_("--print-state: the mission \"%s\" has no trajectory\n"), cosmo_mission_get_id (mission));
      return 1;
    }

  inside = cosmo_trajectory_get_state (trajectory, t, &state);
  mission_time = cosmo_time_format_mission (t, 1);
  utc = cosmo_time_format_absolute (cosmo_mission_get_t0 (mission), t, NULL, 1);

  out = g_string_new ("{");
  add_number (out, "t", t, 3);
  add_string (out, "mission_time", mission_time);
  add_string (out, "utc", utc);
  add_number (out, "lat", state.latitude, 6);
  add_number (out, "lon", state.longitude, 6);
  add_number (out, "alt_m", state.altitude, 1);
  add_number (out, "speed_mps", state.speed, 1);
  add_number (out, "inertial_speed_mps", state.inertial_speed, 1);
  add_number (out, "downrange_km", state.downrange / 1000, 2);
  g_string_append_printf (out, ", \"in_range\": %s", inside ? "true" : "false");
  add_string (out, "provenance", cosmo_enum_to_nick (COSMO_TYPE_PROVENANCE,
                                                      cosmo_trajectory_get_provenance (trajectory)));
  g_string_append_c (out, '}');
  json = g_string_free (g_steal_pointer (&out), FALSE);
  g_print ("%s\n", json);

  return 0;
}

gboolean
cosmo_parse_time_range (const char  *text,
             GDateTime   *t0,
             double      *start,
             double      *end,
             GError     **error)
{
  const char *dots = strstr (text, "..");
  g_autofree char *first = NULL;

  if (dots == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--range: expected T1..T2 such as T-10..T+600, found \"%s\""), text);
      return FALSE;
    }
  first = g_strndup (text, dots - text);
  if (!cosmo_time_parse (first, t0, start, error) || !cosmo_time_parse (dots + 2, t0, end, error))
    {
      g_prefix_error (error, "--range: ");
      return FALSE;
    }
  if (!(*end > *start))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--range: the end must come after the start in \"%s\""), text);
      return FALSE;
    }
  return TRUE;
}

static int
run_export_briefing (GFile        *mission_file,
                     const char   *path,
                     GVariantDict *dict)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoMission) mission = NULL;
  g_autoptr(CosmoBriefing) briefing = NULL;
  CosmoPaper paper = COSMO_PAPER_A4;
  const char *paper_name;
  gint64 start_us = g_get_monotonic_time ();

  if (g_variant_dict_lookup (dict, "paper", "&s", &paper_name) && !cosmo_paper_from_name (paper_name, &paper))
    {
      g_printerr (_("--paper: expected a4 or letter, found \"%s\"\n"), paper_name);
      return 2;
    }

  mission = load_for_cli (mission_file, &error);
  if (mission == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  briefing = cosmo_briefing_new (mission);
  if (!cosmo_briefing_export_pdf (briefing, path, paper, &error))
    {
      g_printerr ("--export-briefing: %s\n", error->message);
      return 1;
    }
  g_print (_("%s: %u pages in %.1f s\n"), path, cosmo_briefing_get_n_pages (briefing, paper),
           (g_get_monotonic_time () - start_us) / 1e6);
  return 0;
}

static void
print_progress (double   fraction,
                gpointer user_data)
{
  /* Progress on a terminal only; scripts get the summary line. */
  if (isatty (fileno (stderr)))
    g_printerr ("\r%3d %%", (int) (fraction * 100));
}

static int
run_export_video (CosmoStartOptions *options,
                  GFile             *mission_file,
                  const char        *path,
                  GVariantDict      *dict)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoMission) mission = NULL;
  g_autoptr(CosmoVideoExport) video = NULL;
  const char *range;
  gint64 start_us = g_get_monotonic_time ();

  mission = load_for_cli (mission_file, &error);
  if (mission == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  video = cosmo_video_export_new (mission, path, &error);
  if (video == NULL)
    {
      g_printerr ("--export-video: %s\n", error->message);
      return 2;
    }

  if (g_variant_dict_lookup (dict, "range", "&s", &range))
    {
      double start, end;

      if (!cosmo_parse_time_range (range, cosmo_mission_get_t0 (mission), &start, &end, &error))
        {
          g_printerr ("%s\n", error->message);
          return 2;
        }
      if (options->has_rate && options->rate < 0)
        {
          g_printerr (_("--export-video: --rate must be positive\n"));
          return 2;
        }
      cosmo_video_export_set_range (video, start, end, options->has_rate ? options->rate : 1);
    }
  else if (options->has_rate)
    {
      g_printerr (_("--export-video: --rate needs --range (without it the video is a tour of the chapters)\n"));
      return 2;
    }

  if (options->width > 0 && options->height > 0)
    cosmo_video_export_set_size (video, options->width, options->height);

  if (!cosmo_video_export_run (video, NULL, print_progress, NULL, &error))
    {
      if (isatty (fileno (stderr)))
        g_printerr ("\n");
      g_printerr ("--export-video: %s\n", error->message);
      return 1;
    }
  if (isatty (fileno (stderr)))
    g_printerr ("\r");
  g_print (_("%s: %u frames, %.2f s of video, in %.1f s\n"), path, cosmo_video_export_get_n_frames (video),
           cosmo_video_export_get_duration (video), (g_get_monotonic_time () - start_us) / 1e6);
  return 0;
}

/* --import FILE... --into PACKAGE */
static CosmoImportData *
import_one (const char    *path,
            GVariantDict  *dict,
            GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GBytes) bytes = cosmo_import_read_file (file, COSMO_MAX_CSV_SIZE, NULL, error);
  g_autoptr(CosmoImportPlan) plan = NULL;
  g_autofree char *problem = NULL;
  g_autofree char **mappings = NULL;
  const char *data, *text;
  gsize length;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";

  if (cosmo_oem_sniff (data, length))
    {
      g_autoptr(CosmoOem) oem = cosmo_oem_parse (data, length, name, NULL, error);

      return oem ? cosmo_oem_to_import (oem, name, error) : NULL;
    }

  plan = cosmo_import_sniff (data, length, name, error);
  if (plan == NULL)
    return NULL;

  if (g_variant_dict_lookup (dict, "time-column", "&s", &text))
    {
      int col = cosmo_import_plan_find_column (plan, text);

      if (col < 0)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--time-column: %s has no column “%s”"), name, text);
          return NULL;
        }
      for (guint c = 0; c < plan->n_columns; c++)
        if (plan->roles[c] == COSMO_COLUMN_TIME)
          plan->roles[c] = COSMO_COLUMN_IGNORE;
      plan->roles[col] = COSMO_COLUMN_TIME;
    }
  if (g_variant_dict_lookup (dict, "column", "^a&s", &mappings))
    for (guint i = 0; mappings[i]; i++)
      {
        g_auto(GStrv) parts = g_strsplit (mappings[i], "=", 2);
        g_auto(GStrv) role_unit = NULL;
        CosmoColumnRole role;
        int col;

        if (g_strv_length (parts) != 2)
          {
            g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("--column: expected NAME=ROLE[:UNIT], found “%s”"), mappings[i]);
            return NULL;
          }
        role_unit = g_strsplit (parts[1], ":", 2);
        col = cosmo_import_plan_find_column (plan, parts[0]);
        if (col < 0 || !cosmo_column_role_from_nick (role_unit[0], &role))
          {
            g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         col < 0 ? _("--column: %s has no column “%s”") : _("--column: %s: unknown role in “%s”"),
                         name, col < 0 ? parts[0] : mappings[i]);
            return NULL;
          }
        plan->roles[col] = role;
        if (role_unit[1] != NULL)
          cosmo_set_str (&plan->units[col], role_unit[1]);
      }
  if (g_variant_dict_lookup (dict, "time-form", "&s", &text) &&
      !cosmo_time_form_from_nick (text, &plan->time_form))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--time-form: expected seconds, mission, iso or unix, found “%s”"), text);
      return NULL;
    }

  problem = cosmo_import_plan_check (plan);
  if (problem != NULL)
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_INVALID, "%s: %s", name, problem);
      return NULL;
    }
  return cosmo_import_table (data, length, plan, NULL, NULL, NULL, error);
}

static int
run_import (GVariantDict *dict)
{
  g_autofree char **files = NULL;
  const char *into = NULL, *text;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GDateTime) t0 = NULL;
  CosmoPackageInfo info = { NULL, NULL, NULL };
  int provenance = COSMO_PROVENANCE_MEASURED;

  g_variant_dict_lookup (dict, "import", "^a&ay", &files);
  if (!g_variant_dict_lookup (dict, "into", "^&ay", &into))
    {
      g_printerr (_("cosmodrome: --import needs --into PACKAGE\n"));
      return 2;
    }
  folder = g_file_new_for_commandline_arg (into);
  g_variant_dict_lookup (dict, "mission-id", "&s", &info.id);
  g_variant_dict_lookup (dict, "title", "&s", &info.title);
  if (g_variant_dict_lookup (dict, "t0", "&s", &text))
    {
      g_autoptr(GError) error = NULL;

      t0 = cosmo_time_parse_iso8601 (text, &error);
      if (t0 == NULL)
        {
          g_printerr ("cosmodrome: --t0: %s\n", error->message);
          return 2;
        }
      info.t0 = t0;
    }
  if (g_variant_dict_lookup (dict, "provenance", "&s", &text) &&
      !cosmo_enum_from_nick (COSMO_TYPE_PROVENANCE, text, &provenance))
    {
      g_printerr (_("cosmodrome: --provenance: expected measured, reconstructed or simulated, found “%s”\n"), text);
      return 2;
    }

  for (guint i = 0; files && files[i]; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CosmoImportData) data = import_one (files[i], dict, &error);
      g_autofree char *summary = NULL;

      if (data != NULL)
        {
          data->provenance = provenance;
          if (cosmo_import_write_package (folder, data, &info, &summary, NULL, &error))
            {
              g_print ("%s", summary);
              continue;
            }
        }
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

static int
run_export_chart (CosmoStartOptions *options,
                  GFile             *mission_file,
                  const char        *path,
                  GVariantDict      *dict)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoMission) mission = load_for_cli (mission_file, &error);
  g_autoptr(GPtrArray) channels = NULL;
  const char *text;
  CosmoChartStyle style;
  CosmoChartSpec spec;
  double start, end, cursor = NAN;
  int width = options->width > 0 ? options->width : 1600;
  int height = options->height > 0 ? options->height : 900;

  if (mission == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (g_variant_dict_lookup (dict, "channels", "&s", &text))
    {
      g_auto(GStrv) ids = g_strsplit (text, ",", -1);

      channels = g_ptr_array_new ();
      for (guint i = 0; ids[i] != NULL; i++)
        {
          const char *id = g_strstrip (ids[i]);
          CosmoChannel *channel;

          if (*id == '\0')
            continue;
          channel = cosmo_mission_lookup_channel (mission, id);
          if (channel == NULL)
            {
              GListModel *all = cosmo_mission_get_channels (mission);
              g_autoptr(GString) valid = g_string_new (NULL);

              for (guint k = 0; k < g_list_model_get_n_items (all); k++)
                {
                  g_autoptr(CosmoChannel) c = g_list_model_get_item (all, k);
                  g_string_append_printf (valid, "%s%s", k ? ", " : "", cosmo_channel_get_id (c));
                }
              g_printerr (_("--channels: the mission has no channel \"%s\"; its channels are: %s\n"),
                          id, valid->len ? valid->str : _("(none)"));
              return 2;
            }
          g_ptr_array_add (channels, channel);
        }
      if (channels->len == 0)
        {
          g_printerr (_("--channels: expected channel ids separated by commas, found \"%s\"\n"), text);
          return 2;
        }
    }
  else
    channels = cosmo_chart_default_channels (mission);

  if (g_variant_dict_lookup (dict, "range", "&s", &text))
    {
      if (!cosmo_parse_time_range (text, cosmo_mission_get_t0 (mission), &start, &end, &error))
        {
          g_printerr ("%s\n", error->message);
          return 2;
        }
    }
  else if (!cosmo_chart_channels_extent ((CosmoChannel **) channels->pdata, channels->len, &start, &end))
    {
      start = -60;
      end = 600;
    }

  if (options->at != NULL && !cosmo_time_parse (options->at, cosmo_mission_get_t0 (mission), &cursor, &error))
    {
      g_printerr ("--at: %s\n", error->message);
      return 2;
    }

  /* Fonts and lines grow with the picture, so a 4K export reads like a
   * 1080p one. */
  cosmo_chart_style_init (&style, COSMO_CHART_THEME_LIGHT, MAX (1.0, MIN (width / 1920.0, height / 1080.0)));
  cosmo_chart_spec_init (&spec);
  spec.channels = (CosmoChannel **) channels->pdata;
  spec.n_channels = channels->len;
  spec.t_start = start;
  spec.t_end = end;
  spec.events = cosmo_mission_get_events (mission);
  spec.t0 = cosmo_mission_get_t0 (mission);
  spec.site_zone = cosmo_mission_get_time_zone (mission);

  if (!cosmo_chart_export (path, &spec, &style, width, height, cursor, &error))
    {
      g_printerr ("--export-chart: %s\n", error->message);
      return 1;
    }
  g_print (_("Wrote %s (%dx%d, %u charts)\n"), path, width, height, channels->len);
  return 0;
}

int
cosmo_cli_run_headless (CosmoStartOptions *options,
                        GVariantDict      *dict,
                        GFile             *mission)
{
  const char *text;

  if (g_variant_dict_contains (dict, "validate"))
    return run_validate (mission);

  if (g_variant_dict_lookup (dict, "print-state", "&s", &text))
    return run_print_state (mission, text);

  if (g_variant_dict_contains (dict, "import"))
    return run_import (dict);

  if (g_variant_dict_lookup (dict, "export-briefing", "^&ay", &text))
    return run_export_briefing (mission, text, dict);

  if (g_variant_dict_lookup (dict, "export-chart", "^&ay", &text))
    return run_export_chart (options, mission, text, dict);

  if (g_variant_dict_lookup (dict, "export-video", "^&ay", &text))
    return run_export_video (options, mission, text, dict);

  return -1;
}
