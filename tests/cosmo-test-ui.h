/* cosmo-test-ui.h: helpers the UI tests share
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

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
