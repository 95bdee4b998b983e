/* test-i18n.c: the main window in Russian and in Kazakh shows no English
 * user-interface string: every visible label, tooltip and accessible name
 * is either translated, or comes from the mission data, or is a number.
 *
 * Usage: test-i18n LANG (ru or kk); tests/meson.build runs it once per language.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cosmo-application.h"
#include "cosmo-window.h"

static const char *language;
static GHashTable *msgids;       /* English msgid (mnemonics removed) -> translation or "" */
static GHashTable *translations; /* every translation (mnemonics removed) */
static char *mission_text;       /* every file of the mission package, lower-cased */

/* Words that are the same in every language here. */
static const char *const allowed_words[] = {
  "utc", "openstreetmap", "osm", "gshhg", "dcw", "gmt", "odbl", "png", "svg", "pdf", "csv", "json",
  "webm", "cosmodrome",
  /* key names in tooltips */
  "ctrl", "shift", "alt", "page", "down", "enter", "esc", "home", "end", "space", "tab", NULL,
};

static char *
strip_mnemonic (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '_' && p[1] == '_')
        {
          g_string_append_c (s, '_');
          p++;
        }
      else if (*p != '_')
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

/* A minimal .po reader: msgid/msgstr pairs, single and multi-line. */
static void
load_catalog (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) id = g_string_new (NULL);
  g_autoptr(GString) str = g_string_new (NULL);
  GString *current = NULL;
  gboolean fuzzy = FALSE;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; ; i++)
    {
      const char *line = lines[i];

      if (line == NULL || line[0] == '\0' || g_str_has_prefix (line, "#,"))
        {
          if (current != NULL && id->len > 0)
            {
              g_autofree char *key = strip_mnemonic (id->str);
              g_autofree char *value = strip_mnemonic (str->str);

              if (!fuzzy && value[0] != '\0')
                g_hash_table_add (translations, g_strdup (value));
              g_hash_table_replace (msgids, g_steal_pointer (&key),
                                    fuzzy ? g_strdup ("") : g_steal_pointer (&value));
            }
          if (line == NULL)
            break;
          if (line[0] == '\0')
            {
              current = NULL;
              fuzzy = FALSE;
              g_string_truncate (id, 0);
              g_string_truncate (str, 0);
            }
          else
            fuzzy = strstr (line, "fuzzy") != NULL;
          continue;
        }
      if (line[0] == '#')
        continue;
      if (g_str_has_prefix (line, "msgid "))
        current = id, line += 6;
      else if (g_str_has_prefix (line, "msgstr ") || g_str_has_prefix (line, "msgstr[0] "))
        current = str, line = strchr (line, ' ') + 1;
      else if (g_str_has_prefix (line, "msgid_plural") || g_str_has_prefix (line, "msgstr["))
        {
          current = NULL;
          continue;
        }
      if (current != NULL && line[0] == '"')
        {
          g_autofree char *inner = g_strndup (line + 1, strlen (line) - 2);
          g_autofree char *unescaped = g_strcompress (inner);
          g_string_append (current, unescaped);
        }
    }
}

static void
load_mission_text (void)
{
  g_autoptr(GFile) folder = cosmo_application_get_bundled_mission ();
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  GFileInfo *info;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
  g_assert_nonnull (children);
  while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (folder, g_file_info_get_name (info));
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_load_contents (child, NULL, &contents, &length, NULL, NULL))
        {
          g_autofree char *lower = g_utf8_strdown (contents, length);
          g_string_append (all, lower);
        }
      g_object_unref (info);
    }
  mission_text = g_string_free (g_steal_pointer (&all), FALSE);
}

/* NULL when @text is fine, else why not. */
static char *
check_text (const char *text)
{
  g_autofree char *plain = NULL;
  const char *translation;

  if (text == NULL || text[0] == '\0')
    return NULL;
  plain = strip_mnemonic (text);

  /* Shown exactly as an English msgid: fine only if the translation is the same text. */
  translation = g_hash_table_lookup (msgids, plain);
  if (translation != NULL && g_strcmp0 (translation, plain) != 0)
    return g_strdup_printf ("“%s” is shown in English", plain);

  /* A translation as a whole: whatever Latin words it keeps, a translator kept. */
  if (g_hash_table_contains (translations, plain))
    return NULL;

  /* Any other English word must come from the mission data. */
  for (const char *p = plain; *p; )
    {
      const char *start = p;
      g_autofree char *word = NULL;

      while (*p && !g_ascii_isalpha (*p))
        p++;
      start = p;
      while (g_ascii_isalpha (*p))
        p++;
      if (p - start < 3)
        continue;
      word = g_ascii_strdown (start, p - start);
      if (g_strv_contains (allowed_words, word) || strstr (mission_text, word) != NULL)
        continue;
      return g_strdup_printf ("“%s” in “%s” is neither translated nor mission data", word, plain);
    }
  return NULL;
}

static char *
accessible_label (GtkWidget *widget)
{
  /* GTK 4.8 has no getter: a check against an impossible value returns
   * the real one. */
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                             "\x01impossible\x01");
}

static void
walk (GtkWidget *widget,
      GPtrArray *problems,
      guint     *n_checked)
{
  const char *texts[3] = { NULL, NULL, NULL };
  g_autofree char *a11y = NULL;

  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    texts[0] = gtk_label_get_text (GTK_LABEL (widget));
  texts[1] = gtk_widget_get_tooltip_text (widget);
  a11y = accessible_label (widget);
  texts[2] = a11y;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      char *problem = check_text (texts[i]);

      if (texts[i] != NULL && texts[i][0] != '\0')
        (*n_checked)++;
      if (problem != NULL)
        {
          g_ptr_array_add (problems, g_strdup_printf ("%s: %s", G_OBJECT_TYPE_NAME (widget), problem));
          g_free (problem);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    walk (child, problems, n_checked);
}

static void
test_locale_missing (void)
{
  g_test_skip ("the locale is not installed (Debian: locales-all)");
}

static void
test_catalog_is_used (void)
{
  /* Without this the walk below would pass on an English window. */
  g_assert_cmpstr (_("Main Menu"), !=, "Main Menu");
  g_assert_cmpstr (_("Preferences"), !=, "Preferences");
}

static void
test_main_window (gconstpointer data)
{
  const char *size = data;
  CosmoWindow *window = cosmo_window_new (NULL);
  g_autoptr(GFile) bundled = cosmo_application_get_bundled_mission ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint n_checked = 0;
  int width, height;

  g_assert_true (sscanf (size, "%dx%d", &width, &height) == 2);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  cosmo_window_open (window, bundled);
  gtk_window_present (GTK_WINDOW (window));
  while (cosmo_window_get_loading (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (cosmo_window_get_loading (window));
  /* A few frames so every view has mapped and filled in. */
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  walk (GTK_WIDGET (window), problems, &n_checked);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s: %s", language, (const char *) problems->pdata[i]);

  g_assert_cmpuint (n_checked, >, 10);
  g_assert_cmpuint (problems->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  static const char *const locales[][2] = { { "ru", "ru_RU.UTF-8" }, { "kk", "kk_KZ.UTF-8" } };
  const char *locale_name = NULL;
  g_autofree char *localedir = NULL;
  g_autofree char *po_path = NULL;
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");

  /* The language is our own first argument; take it out before GTest. */
  if (argc > 1 && argv[1][0] != '-')
    {
      language = argv[1];
      memmove (&argv[1], &argv[2], (argc - 1) * sizeof (char *));
      argc--;
    }
  if (language == NULL)
    language = "ru";
  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    if (g_str_equal (locales[i][0], language))
      locale_name = locales[i][1];
  g_assert_nonnull (locale_name);

  g_setenv ("LANGUAGE", language, TRUE);
  g_setenv ("LC_ALL", locale_name, TRUE);
  g_setenv ("LANG", locale_name, TRUE);

  /* The catalogs meson built, not installed ones. */
  localedir = g_build_filename (builddir ? builddir : ".", "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  if (setlocale (LC_ALL, NULL) == NULL || g_str_has_prefix (setlocale (LC_ALL, NULL), "C"))
    {
      g_test_add_func ("/i18n/locale-missing", test_locale_missing);
      return g_test_run ();
    }
  adw_init ();

  msgids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  po_path = g_strdup_printf ("%s/../po/%s.po", srcdir ? srcdir : ".", language);
  load_catalog (po_path);
  load_mission_text ();

  g_test_add_func ("/i18n/catalog-is-used", test_catalog_is_used);
  g_test_add_data_func ("/i18n/main-window/1920x1080", "1920x1080", test_main_window);
  g_test_add_data_func ("/i18n/main-window/1024x700", "1024x700", test_main_window);

  return g_test_run ();
}
