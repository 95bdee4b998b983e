/* main.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cosmo-application.h"

/* COSMODROME_STARTUP_PROBE=1 prints the time from main() to the first
 * painted frame of the first window and quits there; build-aux/bench-startup.py
 * uses it to measure start-up without a stopwatch around the whole process. */
static gint64 main_start_us;

static void
on_first_paint (GdkFrameClock *frame_clock,
                GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_paint, window);
  g_print ("first-frame-ms %.1f\n", (g_get_monotonic_time () - main_start_us) / 1000.0);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
on_window_mapped (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_first_paint), window);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_handlers_disconnect_by_func (app, on_window_added, NULL);
  g_signal_connect (window, "map", G_CALLBACK (on_window_mapped), NULL);
}

/* Run from the build tree, use the catalogues meson compiled there, so a
 * developer's build speaks the user's language before "meson install". */
static gboolean
running_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  return exe != NULL && g_str_has_prefix (exe, BUILD_ROOT "/");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CosmoApplication) app = NULL;
  int status;

  main_start_us = g_get_monotonic_time ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, running_uninstalled () ? BUILD_LOCALEDIR : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cosmo_application_new ();
  if (g_strcmp0 (g_getenv ("COSMODROME_STARTUP_PROBE"), "1") == 0)
    g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);

  status = g_application_run (G_APPLICATION (app), argc, argv);
  /* A window-level command (--screenshot) that failed sets this. */
  if (status == 0)
    status = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (app), "exit-status"));
  return status;
}
