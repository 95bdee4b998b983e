/* test-replay.c: the replay in the window: the clock, the event log, the
 * timeline, the transport bar's time field, the replay.* actions and their
 * shortcuts, and the frame clock driving the replay
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "cosmo-application.h"
#include "cosmo-event-log.h"
#include "cosmo-replay-actions.h"
#include "cosmo-timeline.h"
#include "cosmo-transport-bar.h"
#include "cosmo-window.h"
#include "cosmo-test-ui.h"

static CosmoWindow *
open_bundled (void)
{
  CosmoWindow *window = cosmo_test_open_bundled (1400, 900);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  /* Until the views have a size. */
  while (gtk_widget_get_width (cosmo_test_find_descendant (GTK_WIDGET (window), COSMO_TYPE_TIMELINE)) == 0 &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return window;
}

static CosmoEvent *
lookup_event (CosmoSession *session,
              const char   *id)
{
  CosmoEvent *event = cosmo_event_list_lookup (cosmo_mission_get_events (cosmo_session_get_mission (session)), id);

  g_assert_nonnull (event);
  return event;
}

static void
test_clock_moves_log (void)
{
  CosmoWindow *window = open_bundled ();
  CosmoSession *session = cosmo_window_get_session (window);
  CosmoClock *clock = cosmo_session_get_clock (session);
  CosmoEventLog *log = COSMO_EVENT_LOG (cosmo_test_find_descendant (GTK_WIDGET (window), COSMO_TYPE_EVENT_LOG));
  CosmoEventList *events = cosmo_mission_get_events (cosmo_session_get_mission (session));
  CosmoEvent *boosters = lookup_event (session, "booster-separation");
  GtkListBoxRow *row;
  guint position;

  /* Setting the clock moves the current row ... */
  cosmo_clock_seek (clock, 118.2);
  row = cosmo_event_log_get_current_row (log);
  g_assert_nonnull (row);
  g_assert_true (g_object_get_data (G_OBJECT (row), "event") == boosters);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "current"));

  /* ... and activating a row moves the clock. */
  cosmo_clock_seek (clock, -100);
  g_assert_true (cosmo_event_list_find (events, boosters, &position));
  cosmo_event_log_activate_row (log, position);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 118);
  g_assert_true (cosmo_session_get_selected_event (session) == boosters);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_time_entry (void)
{
  static const struct { const char *text; double t; } accepted[] = {
    { "T+118", 118 },
    { "-60", -60 },
    { "T-30", -30 },
    { "118.5", 118.5 },
    { "09:29:55", 117.598 },                  /* UTC on the launch day; T0 is 09:27:57.402 */
    { "2025-11-27T09:29:55Z", 117.598 },
    { "2025-11-27T14:29:55+05:00", 117.598 },
    { "+2d", 2 * 86400 },
  };
  static const char *rejected[] = { "banana", "T+", "12:75:00", "T+400d" };
  CosmoWindow *window = open_bundled ();
  CosmoSession *session = cosmo_window_get_session (window);
  CosmoClock *clock = cosmo_session_get_clock (session);
  CosmoTransportBar *bar = COSMO_TRANSPORT_BAR (cosmo_test_find_descendant (GTK_WIDGET (window), COSMO_TYPE_TRANSPORT_BAR));
  GtkEntry *entry = cosmo_transport_bar_get_time_entry (bar);

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_test_message ("accepting %s", accepted[i].text);
      cosmo_clock_seek (clock, 1);
      gtk_editable_set_text (GTK_EDITABLE (entry), accepted[i].text);
      g_signal_emit_by_name (entry, "activate");
      g_assert_cmpfloat_with_epsilon (cosmo_clock_get_time (clock), accepted[i].t, 1e-3);
      g_assert_null (cosmo_transport_bar_get_error_message (bar));
      g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
      /* Done with it: the field empties for the next time. */
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
    }

  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      const char *message;

      g_test_message ("rejecting %s", rejected[i]);
      cosmo_clock_seek (clock, 42);
      gtk_editable_set_text (GTK_EDITABLE (entry), rejected[i]);
      g_signal_emit_by_name (entry, "activate");
      /* The clock stays; the field says why, visibly. */
      g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 42);
      message = cosmo_transport_bar_get_error_message (bar);
      g_assert_nonnull (message);
      g_assert_cmpstr (message, !=, "");
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, rejected[i]);
    }

  /* Editing the text clears the complaint. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "T+1");
  g_assert_null (cosmo_transport_bar_get_error_message (bar));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_timeline (void)
{
  CosmoWindow *window = open_bundled ();
  CosmoSession *session = cosmo_window_get_session (window);
  CosmoClock *clock = cosmo_session_get_clock (session);
  CosmoTimeline *timeline = COSMO_TIMELINE (cosmo_test_find_descendant (GTK_WIDGET (window), COSMO_TYPE_TIMELINE));
  CosmoEvent *collapse = lookup_event (session, "cabin-collapse");
  int height = gtk_widget_get_height (GTK_WIDGET (timeline));
  double x, start, end;
  gboolean found = FALSE;

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (timeline)), >, 0);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (timeline), GTK_ACCESSIBLE_ROLE_SLIDER);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (timeline), GTK_ACCESSIBLE_PROPERTY_LABEL, "Timeline");

  /* The ascent: the collapse's marker is where T+10 is. */
  cosmo_session_show_preset (session, COSMO_RANGE_PRESET_ASCENT);
  x = cosmo_timeline_time_to_x (timeline, 10);
  for (int y = 0; y < height && !found; y++)
    found = cosmo_timeline_pick_event (timeline, x, y) == collapse;
  g_assert_true (found);
  /* Nothing happened at T+40. */
  x = cosmo_timeline_time_to_x (timeline, 40);
  for (int y = 0; y < height; y++)
    g_assert_null (cosmo_timeline_pick_event (timeline, x, y));

  /* Zoomed out to the whole incident, the launch-day events merge into a
   * cluster, and the cluster picks its most severe event: the collapse. */
  cosmo_session_show_preset (session, COSMO_RANGE_PRESET_WHOLE_INCIDENT);
  x = cosmo_timeline_time_to_x (timeline, 10);
  found = FALSE;
  for (int y = 0; y < height && !found; y++)
    found = cosmo_timeline_pick_event (timeline, x, y) == collapse;
  g_assert_true (found);

  /* A jump outside the visible range brings the playhead into view. */
  cosmo_session_show_preset (session, COSMO_RANGE_PRESET_ASCENT);
  cosmo_clock_seek (clock, 5000);
  cosmo_session_get_visible_range (session, &start, &end);
  g_assert_cmpfloat (start, <=, 5000);
  g_assert_cmpfloat (end, >=, 5000);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_actions (void)
{
  CosmoWindow *window = open_bundled ();
  GtkWidget *widget = GTK_WIDGET (window);
  CosmoSession *session = cosmo_window_get_session (window);
  CosmoClock *clock = cosmo_session_get_clock (session);
  double start, end, ps, pe;

  cosmo_clock_seek (clock, 100);
  g_assert_true (gtk_widget_activate_action (widget, "replay.step", "d", 10.0));
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 110);
  gtk_widget_activate_action (widget, "replay.step", "d", -1.0);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 109);

  gtk_widget_activate_action (widget, "replay.next-event", NULL);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 114);
  gtk_widget_activate_action (widget, "replay.previous-event", NULL);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 72);
  gtk_widget_activate_action (widget, "replay.jump-to-t0", NULL);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 0);
  gtk_widget_activate_action (widget, "replay.end", NULL);
  cosmo_clock_get_bounds (clock, &start, &end);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, end);
  gtk_widget_activate_action (widget, "replay.start", NULL);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, start);

  gtk_widget_activate_action (widget, "replay.faster", NULL);
  g_assert_cmpfloat (cosmo_clock_get_rate (clock), ==, 2);
  gtk_widget_activate_action (widget, "replay.reverse", NULL);
  g_assert_cmpfloat (cosmo_clock_get_rate (clock), ==, -2);
  gtk_widget_activate_action (widget, "replay.rate", "d", 100.0);
  g_assert_cmpfloat (cosmo_clock_get_rate (clock), ==, -100);
  gtk_widget_activate_action (widget, "replay.slower", NULL);
  g_assert_cmpfloat (cosmo_clock_get_rate (clock), ==, -50);

  gtk_widget_activate_action (widget, "replay.loop", NULL);
  g_assert_true (cosmo_clock_get_loop (clock));

  gtk_widget_activate_action (widget, "replay.preset", "s", "launch-day");
  cosmo_session_get_visible_range (session, &start, &end);
  cosmo_session_get_preset_range (session, COSMO_RANGE_PRESET_LAUNCH_DAY, &ps, &pe);
  g_assert_cmpfloat_with_epsilon (start, ps, 1e-6);
  g_assert_cmpfloat_with_epsilon (end, pe, 1e-6);
  g_assert_cmpint (cosmo_replay_current_preset (session), ==, COSMO_RANGE_PRESET_LAUNCH_DAY);

  gtk_widget_activate_action (widget, "replay.fit", NULL);
  g_assert_cmpint (cosmo_replay_current_preset (session), ==, COSMO_RANGE_PRESET_WHOLE_INCIDENT);
  gtk_widget_activate_action (widget, "replay.zoom-in", NULL);
  g_assert_cmpint (cosmo_replay_current_preset (session), ==, -1);

  gtk_widget_activate_action (widget, "replay.time-display", "s", "site");
  g_assert_cmpint (cosmo_session_get_time_display (session), ==, COSMO_TIME_DISPLAY_SITE);
  gtk_widget_activate_action (widget, "replay.time-display", "s", "mission");

  gtk_widget_activate_action (widget, "replay.play-pause", NULL);
  g_assert_true (cosmo_clock_get_playing (clock));
  gtk_widget_activate_action (widget, "replay.play-pause", NULL);
  g_assert_false (cosmo_clock_get_playing (clock));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkShortcut *
find_shortcut (GtkWidget  *window,
               const char *trigger_text)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (trigger_text);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          g_strcmp0 (gtk_event_controller_get_name (controller), "cosmo-replay-shortcuts") != 0)
        continue;

      /* The capture phase: before a focused button takes Space. */
      g_assert_cmpint (gtk_event_controller_get_propagation_phase (controller), ==, GTK_PHASE_CAPTURE);
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return g_steal_pointer (&shortcut);
        }
    }
  return NULL;
}

static gboolean
press (GtkWidget  *window,
       const char *trigger)
{
  g_autoptr(GtkShortcut) shortcut = find_shortcut (window, trigger);

  g_assert_nonnull (shortcut);
  return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, window,
                                       gtk_shortcut_get_arguments (shortcut));
}

static void
test_shortcuts (void)
{
  static const char *listed[] = {
    "space", "Left", "Right", "<Shift>Left", "<Shift>Right", "Page_Up", "Page_Down", "Home", "End",
    "plus", "minus", "KP_Add", "KP_Subtract", "equal", "<Control>0",
  };
  CosmoWindow *window = open_bundled ();
  GtkWidget *widget = GTK_WIDGET (window);
  CosmoSession *session = cosmo_window_get_session (window);
  CosmoClock *clock = cosmo_session_get_clock (session);
  CosmoTransportBar *bar = COSMO_TRANSPORT_BAR (cosmo_test_find_descendant (widget, COSMO_TYPE_TRANSPORT_BAR));
  GtkWidget *button;

  for (guint i = 0; i < G_N_ELEMENTS (listed); i++)
    {
      g_autoptr(GtkShortcut) shortcut = find_shortcut (widget, listed[i]);

      g_test_message ("%s", listed[i]);
      g_assert_nonnull (shortcut);
    }

  /* Space plays even with a button focused. */
  button = cosmo_test_find_descendant (GTK_WIDGET (bar), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_grab_focus (button));
  g_assert_true (press (widget, "space"));
  g_assert_true (cosmo_clock_get_playing (clock));
  g_assert_true (press (widget, "space"));
  g_assert_false (cosmo_clock_get_playing (clock));

  cosmo_clock_seek (clock, 100);
  g_assert_true (press (widget, "Right"));
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 101);
  g_assert_true (press (widget, "<Shift>Left"));
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 91);
  g_assert_true (press (widget, "Page_Down"));
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 114);
  g_assert_true (press (widget, "plus"));
  g_assert_cmpfloat (cosmo_clock_get_rate (clock), ==, 2);
  g_assert_true (press (widget, "KP_Subtract"));
  g_assert_cmpfloat (cosmo_clock_get_rate (clock), ==, 1);
  g_assert_true (press (widget, "<Control>0"));
  g_assert_cmpint (cosmo_replay_current_preset (session), ==, COSMO_RANGE_PRESET_WHOLE_INCIDENT);

  /* In the time field, Space, arrows, Home/End and +/- are text keys. */
  gtk_widget_grab_focus (GTK_WIDGET (cosmo_transport_bar_get_time_entry (bar)));
  g_assert_false (press (widget, "space"));
  g_assert_false (press (widget, "Left"));
  g_assert_false (press (widget, "minus"));
  g_assert_false (press (widget, "Home"));
  g_assert_false (cosmo_clock_get_playing (clock));
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 114);
  /* ... but Page Down still steps. */
  g_assert_true (press (widget, "Page_Down"));
  g_assert_cmpfloat (cosmo_clock_get_time (clock), ==, 118);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The frame clock drives the replay: play for half a second of real time. */
static void
test_frame_clock_drives_clock (void)
{
  CosmoWindow *window = open_bundled ();
  CosmoClock *clock = cosmo_session_get_clock (cosmo_window_get_session (window));
  gint64 until;

  cosmo_clock_seek (clock, 0);
  cosmo_clock_set_rate (clock, 10);
  cosmo_clock_set_playing (clock, TRUE);
  until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  cosmo_clock_set_playing (clock, FALSE);

  /* 0.5 s at 10x is 5 s, less the first (anchoring) frame and scheduling
   * slack on a busy machine; but it moved, and not faster than real time. */
  g_assert_cmpfloat (cosmo_clock_get_time (clock), >, 0.5);
  g_assert_cmpfloat (cosmo_clock_get_time (clock), <=, 5.5);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/replay/clock-moves-log", test_clock_moves_log);
  g_test_add_func ("/replay/time-entry", test_time_entry);
  g_test_add_func ("/replay/timeline", test_timeline);
  g_test_add_func ("/replay/actions", test_actions);
  g_test_add_func ("/replay/shortcuts", test_shortcuts);
  g_test_add_func ("/replay/frame-clock-drives-clock", test_frame_clock_drives_clock);

  return g_test_run ();
}
