/* test-a11y.c: the main window's parts have accessible roles and names,
 * expose their state, and the Tab key visits them in reading order.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "cosmo-application.h"
#include "cosmo-chart-stack.h"
#include "cosmo-event-log.h"
#include "cosmo-map-view.h"
#include "cosmo-timeline.h"
#include "cosmo-transport-bar.h"
#include "cosmo-window.h"
#include "cosmo-test-ui.h"

/* Report and go on, so one missing piece does not hide the others
 * (g_test_fail_printf needs GLib 2.78). */
#define fail_check(...) G_STMT_START { g_test_message (__VA_ARGS__); g_test_fail (); } G_STMT_END

static GtkWidget *
find_by_action (GtkWidget  *root,
                const char *action)
{
  if (GTK_IS_ACTIONABLE (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_action (child, action);
      if (found)
        return found;
    }
  return NULL;
}

static CosmoWindow *
open_bundled (void)
{
  CosmoWindow *window = cosmo_test_open_bundled (1400, 900);

  cosmo_test_spin (250);
  return window;
}

/* A name: an accessible label, or a relation to a visible label. */
static gboolean
has_accessible_name (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static void
test_header_bar (void)
{
  CosmoWindow *window = open_bundled ();
  GtkWidget *open = find_by_action (GTK_WIDGET (window), "win.open");
  GtkWidget *menu = cosmo_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (open);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, "Open mission");

  g_assert_nonnull (menu);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL, "Main menu");
  /* F10 opens it: it is the window's primary menu. */
  g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (menu)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_views_have_roles_and_names (void)
{
  CosmoWindow *window = open_bundled ();
  const GType views[] = {
    COSMO_TYPE_MAP_VIEW, COSMO_TYPE_CHART_STACK, COSMO_TYPE_EVENT_LOG,
    COSMO_TYPE_TRANSPORT_BAR, COSMO_TYPE_TIMELINE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *view = cosmo_test_find_descendant (GTK_WIDGET (window), views[i]);
      GtkAccessibleRole role;

      g_assert_nonnull (view);
      role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view));
      if (role == GTK_ACCESSIBLE_ROLE_GENERIC || role == GTK_ACCESSIBLE_ROLE_NONE ||
          role == GTK_ACCESSIBLE_ROLE_PRESENTATION)
        fail_check ("%s has no meaningful accessible role", g_type_name (views[i]));
      if (!has_accessible_name (view))
        fail_check ("%s has no accessible name", g_type_name (views[i]));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Which main part @widget belongs to, in reading order; -1 for none. */
static int
part_of (GtkWidget *widget)
{
  const GType parts[] = {
    ADW_TYPE_HEADER_BAR, COSMO_TYPE_MAP_VIEW, COSMO_TYPE_CHART_STACK, COSMO_TYPE_EVENT_LOG,
    COSMO_TYPE_TRANSPORT_BAR, COSMO_TYPE_TIMELINE,
  };

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, parts[i]))
        return (int) i;
  return -1;
}

static void
test_tab_order (void)
{
  static const char *const names[] = { "header bar", "map", "charts", "event log", "transport bar", "timeline" };
  CosmoWindow *window = open_bundled ();
  int first_visit[G_N_ELEMENTS (names)];
  int last_part = -1;
  gboolean wrapped = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    first_visit[i] = -1;

  /* Walk the focus chain once round; record where each part is first
   * reached. Parts must come in reading order and never be revisited
   * after leaving them. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  for (int step = 0; step < 400 && !wrapped; step++)
    {
      GtkWidget *focus;
      int part;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        break;
      focus = gtk_root_get_focus (GTK_ROOT (window));
      part = focus ? part_of (focus) : -1;
      if (part < 0)
        continue;
      if (first_visit[part] < 0)
        first_visit[part] = step;
      else if (part != last_part)
        {
          /* Back at an earlier part: the chain wrapped around. */
          if (part == 0 || part < last_part)
            wrapped = TRUE;
          else
            fail_check ("Tab returns to the %s after leaving it", names[part]);
        }
      last_part = part;
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (first_visit[i] < 0)
        fail_check ("Tab never reaches the %s", names[i]);
      else if (i > 0 && first_visit[i - 1] >= 0 && first_visit[i] < first_visit[i - 1])
        fail_check ("Tab reaches the %s before the %s", names[i], names[i - 1]);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_dark_style (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  CosmoWindow *window;

  /* The app's own style sheet must not pin light colours: with the dark
   * scheme the window's background is dark. Checked on the style manager
   * (what libadwaita renders with) and with the window realized. */
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  window = open_bundled ();
  g_assert_true (adw_style_manager_get_dark (manager));
  {
    GdkRGBA color;
    GtkStyleContext *context;

    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    context = gtk_widget_get_style_context (GTK_WIDGET (window));
    gtk_style_context_get_color (context, &color);
    G_GNUC_END_IGNORE_DEPRECATIONS
    /* Light text on a dark window. */
    g_assert_cmpfloat (color.red + color.green + color.blue, >, 1.5);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/a11y/header-bar", test_header_bar);
  g_test_add_func ("/a11y/views-have-roles-and-names", test_views_have_roles_and_names);
  g_test_add_func ("/a11y/tab-order", test_tab_order);
  g_test_add_func ("/a11y/dark-style", test_dark_style);

  return g_test_run ();
}
