/* cosmo-test-ui.h: helpers the UI tests share
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cosmo-application.h"
#include "cosmo-window.h"

/* The first widget of @type in @root's tree, depth first. */
static inline GtkWidget *
cosmo_test_find_descendant (GtkWidget *root,
                            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cosmo_test_find_descendant (child, type);
      if (found)
        return found;
    }
  return NULL;
}

/* Iterates until the window has loaded its mission (20 s at most), then
 * lets the views react. */
static inline void
cosmo_test_wait_for_load (CosmoWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (cosmo_window_get_loading (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (cosmo_window_get_loading (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Runs the main loop for @ms milliseconds without blocking. */
static inline void
cosmo_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* A window showing the bundled mission, loaded; @width and @height set
 * its default size when not 0. */
static inline CosmoWindow *
cosmo_test_open_bundled (int width,
                         int height)
{
  CosmoWindow *window = cosmo_window_new (NULL);
  g_autoptr(GFile) bundled = cosmo_application_get_bundled_mission ();

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  cosmo_window_open (window, bundled);
  gtk_window_present (GTK_WINDOW (window));
  cosmo_test_wait_for_load (window);
  return window;
}

/* Saves what @widget shows as @name.png in the folder the environment
 * variable @dir_variable names, when it is set: a way to look at what a
 * test saw. Returns FALSE only when saving was asked for and failed. */
static inline gboolean
cosmo_test_save_shot (GtkWidget  *widget,
                      const char *dir_variable,
                      const char *name)
{
  const char *dir = g_getenv (dir_variable);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  if (dir == NULL)
    return TRUE;
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_test_message ("%s: nothing drawn yet", name);
      return TRUE;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_build_filename (dir, name, NULL);
  g_test_message ("saving %s (%dx%d)", path, w, h);
  return gdk_texture_save_to_png (texture, path);
}
