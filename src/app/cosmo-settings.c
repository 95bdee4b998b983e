/* cosmo-settings.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cosmo-settings.h"

static GSettings *default_settings;

GSettings *
cosmo_settings_get_default (void)
{
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaSource) build_source = NULL;

  if (default_settings != NULL)
    return default_settings;

  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, COSMO_SETTINGS_SCHEMA_ID, TRUE);

  /* Run from the build tree without GSETTINGS_SCHEMA_DIR: use the schema
   * meson compiled there, so an uninstalled binary still starts. */
  if (schema == NULL)
    {
      build_source = g_settings_schema_source_new_from_directory (SCHEMA_BUILD_DIR, source, FALSE, NULL);
      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, COSMO_SETTINGS_SCHEMA_ID, FALSE);
    }

  if (schema == NULL)
    g_error ("The GSettings schema %s is not installed; run “meson install” or set GSETTINGS_SCHEMA_DIR",
             COSMO_SETTINGS_SCHEMA_ID);

  default_settings = g_settings_new_full (schema, NULL, NULL);
  return default_settings;
}

static gboolean
is_mission_folder (GFile *folder)
{
  g_autoptr(GFile) json = g_file_get_child (folder, "mission.json");

  return g_file_query_exists (json, NULL);
}

GFile *
cosmo_settings_mission_folder_for (GFile *file)
{
  g_autoptr(GFile) dir = NULL;
  GFile *candidate;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    return g_object_ref (file);

  dir = g_file_get_parent (file);
  if (dir == NULL)
    return g_object_ref (file);

  /* A data file may sit one or two folders below mission.json. */
  candidate = g_object_ref (dir);
  for (guint depth = 0; depth < 3 && candidate != NULL; depth++)
    {
      GFile *parent;

      if (is_mission_folder (candidate))
        return candidate;
      parent = g_file_get_parent (candidate);
      g_object_unref (candidate);
      candidate = parent;
    }
  g_clear_object (&candidate);

  return g_steal_pointer (&dir);
}

void
cosmo_settings_add_recent_mission (GFile *folder)
{
  GSettings *settings = cosmo_settings_get_default ();
  g_autofree char *path = g_file_get_path (folder);
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  if (path == NULL)
    return;

  old = g_settings_get_strv (settings, "recent-missions");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < COSMO_SETTINGS_MAX_RECENT; i++)
    {
      if (g_strcmp0 (old[i], path) == 0)
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }
  recent = g_strv_builder_end (builder);

  g_settings_delay (settings);
  g_settings_set_strv (settings, "recent-missions", (const char * const *) recent);
  g_settings_set_string (settings, "last-mission", path);
  g_settings_apply (settings);
}

GFile *
cosmo_settings_dup_last_mission (void)
{
  g_autofree char *path = g_settings_get_string (cosmo_settings_get_default (), "last-mission");
  g_autoptr(GFile) folder = NULL;

  if (path == NULL || path[0] == '\0')
    return NULL;

  folder = g_file_new_for_path (path);
  if (!is_mission_folder (folder))
    return NULL;

  return g_steal_pointer (&folder);
}

void
cosmo_settings_fill_recent_menu (GMenu *menu)
{
  g_auto(GStrv) recent = g_settings_get_strv (cosmo_settings_get_default (), "recent-missions");

  g_menu_remove_all (menu);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *name = g_path_get_basename (recent[i]);
      g_autofree char *label = NULL;

      /* Escape underscores: they would become mnemonics. */
      {
        g_auto(GStrv) parts = g_strsplit (name, "_", -1);
        label = g_strjoinv ("__", parts);
      }
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (recent[i]));
      g_menu_append_item (menu, item);
    }
}

void
cosmo_settings_restore_window_state (GtkWindow *window)
{
  GSettings *settings = cosmo_settings_get_default ();
  int width = g_settings_get_int (settings, "window-width");
  int height = g_settings_get_int (settings, "window-height");

  if (width > 0 && height > 0)
    gtk_window_set_default_size (window, width, height);
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (window);
}

void
cosmo_settings_save_window_state (GtkWindow *window)
{
  GSettings *settings = cosmo_settings_get_default ();
  int width, height;

  /* A fullscreen (kiosk, presentation) window says nothing about the size
   * the user wants next time. */
  if (gtk_window_is_fullscreen (window))
    return;

  g_settings_delay (settings);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      gtk_window_get_default_size (window, &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
    }
  g_settings_apply (settings);
}

static void
apply_color_scheme (GSettings  *settings,
                    const char *key,
                    gpointer    user_data)
{
  /* The enum's values are AdwColorScheme values. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      (AdwColorScheme) g_settings_get_enum (settings, "color-scheme"));
}

void
cosmo_settings_follow_color_scheme (void)
{
  GSettings *settings = cosmo_settings_get_default ();

  g_signal_connect (settings, "changed::color-scheme", G_CALLBACK (apply_color_scheme), NULL);
  apply_color_scheme (settings, "color-scheme", NULL);
}

typedef struct
{
  const char * const *nicks;
} EnumBinding;

/* Enum keys arrive as their nick; the property holds its index in nicks. */
static gboolean
enum_get_index (GValue   *value,
                GVariant *variant,
                gpointer  user_data)
{
  EnumBinding *binding = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; binding->nicks[i] != NULL; i++)
    {
      if (g_strcmp0 (binding->nicks[i], nick) != 0)
        continue;
      if (G_VALUE_HOLDS_UINT (value))
        g_value_set_uint (value, i);
      else
        g_value_set_int (value, (int) i);
      return TRUE;
    }
  return FALSE;
}

static GVariant *
enum_set_index (const GValue       *value,
                const GVariantType *expected_type,
                gpointer            user_data)
{
  EnumBinding *binding = user_data;
  gint64 index = G_VALUE_HOLDS_UINT (value) ? (gint64) g_value_get_uint (value) : g_value_get_int (value);

  /* AdwComboRow says GTK_INVALID_LIST_POSITION while its model changes. */
  if (index < 0 || index >= g_strv_length ((char **) binding->nicks))
    return NULL;
  return g_variant_new_string (binding->nicks[index]);
}

void
cosmo_settings_bind_enum (GSettings          *settings,
                          const char         *key,
                          gpointer            object,
                          const char         *property,
                          const char * const *nicks)
{
  EnumBinding *binding = g_new0 (EnumBinding, 1);

  g_return_if_fail (nicks != NULL);

  binding->nicks = nicks;
  g_settings_bind_with_mapping (settings, key, object, property, G_SETTINGS_BIND_DEFAULT,
                                enum_get_index, enum_set_index, binding, g_free);
}

static gboolean
map_source_get (GValue   *value,
                GVariant *variant,
                gpointer  user_data)
{
  g_value_set_boolean (value, g_strcmp0 (g_variant_get_string (variant, NULL), "online") == 0);
  return TRUE;
}

static GVariant *
map_source_set (const GValue       *value,
                const GVariantType *expected_type,
                gpointer            user_data)
{
  return g_variant_new_string (g_value_get_boolean (value) ? "online" : "offline");
}

void
cosmo_settings_bind_online (GSettings  *settings,
                            gpointer    object,
                            const char *property)
{
  g_settings_bind_with_mapping (settings, "map-source", object, property, G_SETTINGS_BIND_DEFAULT,
                                map_source_get, map_source_set, NULL, NULL);
}
