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

#include "cosmo-application.h"
#include "cosmo-cli.h"
#include "cosmo-mission-loader.h"
#include "cosmo-time.h"

static const GOptionEntry cli_entries[] = {
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Load the mission package headless, print a summary or its errors, and exit"), NULL },
  { "print-state", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the vehicle state at TIME as one JSON object and exit"), N_("TIME") },
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

  if (g_variant_dict_contains (dict, "kiosk"))
    options->kiosk = TRUE;

  return TRUE;
}

void
cosmo_start_options_clear (CosmoStartOptions *options)
{
  g_clear_object (&options->mission);
  g_clear_pointer (&options->screenshot_path, g_free);
  g_clear_pointer (&options->at, g_free);
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

static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value,
            double       scale)
{
  json_builder_set_member_name (builder, name);
  if (isfinite (value))
    json_builder_add_double_value (builder, round (value * scale) / scale);
  else
    json_builder_add_null_value (builder);
}

static int
run_print_state (GFile      *mission_file,
                 const char *time_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoMission) mission = load_for_cli (mission_file, &error);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
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

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_number (builder, "t", t, 1000);
  json_builder_set_member_name (builder, "mission_time");
  json_builder_add_string_value (builder, mission_time);
  json_builder_set_member_name (builder, "utc");
  json_builder_add_string_value (builder, utc);
  add_number (builder, "lat", state.latitude, 1e6);
  add_number (builder, "lon", state.longitude, 1e6);
  add_number (builder, "alt_m", state.altitude, 10);
  add_number (builder, "speed_mps", state.speed, 10);
  add_number (builder, "inertial_speed_mps", state.inertial_speed, 10);
  add_number (builder, "downrange_km", state.downrange / 1000, 100);
  json_builder_set_member_name (builder, "in_range");
  json_builder_add_boolean_value (builder, inside);
  json_builder_set_member_name (builder, "provenance");
  json_builder_add_string_value (builder, cosmo_enum_to_nick (COSMO_TYPE_PROVENANCE,
                                                               cosmo_trajectory_get_provenance (trajectory)));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  g_print ("%s\n", json);

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

  return -1;
}
