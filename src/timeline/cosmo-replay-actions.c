/* cosmo-replay-actions.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "cosmo-replay-actions.h"

typedef struct
{
  GtkWidget *window;         /* borrowed: it owns us */
  CosmoSession *session;
  GSimpleActionGroup *group;

  /* COSMODROME_BENCHMARK_REPLAY */
  double bench_seconds;
  GArray *bench_intervals;   /* ms between frames */
  GArray *bench_costs;       /* ms from a frame's start to its end of paint */
  gint64 bench_frame_start;
  gint64 bench_last_frame_time;
  gint64 bench_started;
  gulong bench_update_id;
  gulong bench_paint_id;
} ReplayActions;

static const char *preset_names[] = { "ascent", "launch-day", "whole-incident" };
static const char *display_names[] = { "mission", "utc", "site" };

static CosmoClock *
get_clock (ReplayActions *self)
{
  return cosmo_session_get_clock (self->session);
}

static GSimpleAction *
lookup (ReplayActions *self,
        const char    *name)
{
  return G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->group), name));
}

int
cosmo_replay_current_preset (CosmoSession *session)
{
  double start, end;

  g_return_val_if_fail (COSMO_IS_SESSION (session), -1);

  cosmo_session_get_visible_range (session, &start, &end);
  for (int i = 0; i < (int) G_N_ELEMENTS (preset_names); i++)
    {
      double ps, pe, tolerance;

      cosmo_session_get_preset_range (session, i, &ps, &pe);
      tolerance = (pe - ps) * 1e-6;
      if (fabs (ps - start) <= tolerance && fabs (pe - end) <= tolerance)
        return i;
    }
  return -1;
}

/* Action handlers */

static void
play_pause_activated (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  cosmo_clock_toggle_playing (get_clock (user_data));
}

static void
step_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  CosmoClock *clock = get_clock (user_data);

  cosmo_clock_seek (clock, cosmo_clock_get_time (clock) + g_variant_get_double (param));
}

static void
previous_event_activated (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  ReplayActions *self = user_data;

  cosmo_session_step_event (self->session, -1);
}

static void
next_event_activated (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  ReplayActions *self = user_data;

  cosmo_session_step_event (self->session, 1);
}

static void
start_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  CosmoClock *clock = get_clock (user_data);
  double start;

  cosmo_clock_get_bounds (clock, &start, NULL);
  cosmo_clock_seek (clock, start);
}

static void
end_activated (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  CosmoClock *clock = get_clock (user_data);
  double end;

  cosmo_clock_get_bounds (clock, NULL, &end);
  cosmo_clock_seek (clock, end);
}

static void
jump_to_t0_activated (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  cosmo_clock_seek (get_clock (user_data), 0);
}

static void
faster_activated (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  cosmo_clock_faster (get_clock (user_data));
}

static void
slower_activated (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  cosmo_clock_slower (get_clock (user_data));
}

static void
rate_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  CosmoClock *clock = get_clock (user_data);
  double sign = cosmo_clock_get_rate (clock) < 0 ? -1 : 1;

  cosmo_clock_set_rate (clock, sign * fabs (g_variant_get_double (param)));
}

static void
reverse_activated (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  CosmoClock *clock = get_clock (user_data);

  cosmo_clock_set_rate (clock, -cosmo_clock_get_rate (clock));
}

static void
update_loop_range (ReplayActions *self)
{
  double start, end;

  /* Loop over what is visible: zoom to the stretch to repeat. */
  cosmo_session_get_visible_range (self->session, &start, &end);
  if (end > start)
    cosmo_clock_set_loop_range (get_clock (self), start, end);
}

static void
loop_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  ReplayActions *self = user_data;
  CosmoClock *clock = get_clock (self);

  update_loop_range (self);
  cosmo_clock_set_loop (clock, !cosmo_clock_get_loop (clock));
}

static void
preset_activated (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  ReplayActions *self = user_data;
  const char *name = g_variant_get_string (param, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (preset_names); i++)
    if (g_str_equal (name, preset_names[i]))
      cosmo_session_show_preset (self->session, i);
}

static void
fit_activated (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  ReplayActions *self = user_data;

  cosmo_session_show_preset (self->session, COSMO_RANGE_PRESET_WHOLE_INCIDENT);
}

static void
zoom_by (ReplayActions *self,
         double         factor)
{
  double start, end, t = cosmo_clock_get_time (get_clock (self));

  /* Around the playhead when it is in view, so it stays put. */
  cosmo_session_get_visible_range (self->session, &start, &end);
  if (t < start || t > end)
    t = (start + end) / 2;
  cosmo_session_zoom (self->session, t, factor);
}

static void
zoom_in_activated (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  zoom_by (user_data, 0.5);
}

static void
zoom_out_activated (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  zoom_by (user_data, 2.0);
}

static void
time_display_activated (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  ReplayActions *self = user_data;
  const char *name = g_variant_get_string (param, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (display_names); i++)
    if (g_str_equal (name, display_names[i]))
      cosmo_session_set_time_display (self->session, i);
}

/* Keeping the stateful actions in step with the session */

static void
sync_clock_state (ReplayActions *self)
{
  CosmoClock *clock = get_clock (self);
  double rate = cosmo_clock_get_rate (clock);

  g_simple_action_set_state (lookup (self, "rate"), g_variant_new_double (fabs (rate)));
  g_simple_action_set_state (lookup (self, "reverse"), g_variant_new_boolean (rate < 0));
  g_simple_action_set_state (lookup (self, "loop"), g_variant_new_boolean (cosmo_clock_get_loop (clock)));
}

static void
on_visible_range_changed (ReplayActions *self)
{
  int preset = cosmo_replay_current_preset (self->session);

  g_simple_action_set_state (lookup (self, "preset"),
                             g_variant_new_string (preset >= 0 ? preset_names[preset] : ""));
  if (cosmo_clock_get_loop (get_clock (self)))
    update_loop_range (self);
}

static void
sync_display_state (ReplayActions *self)
{
  CosmoTimeDisplay display = cosmo_session_get_time_display (self->session);

  g_simple_action_set_state (lookup (self, "time-display"),
                             g_variant_new_string (display_names[MIN (display, 2)]));
}

static void
sync_enabled (ReplayActions *self)
{
  gboolean has_mission = cosmo_session_get_mission (self->session) != NULL;
  char **names = g_action_group_list_actions (G_ACTION_GROUP (self->group));

  for (guint i = 0; names[i] != NULL; i++)
    g_simple_action_set_enabled (lookup (self, names[i]), has_mission);
  g_strfreev (names);
  on_visible_range_changed (self);
}

/* Shortcuts */

typedef struct
{
  const char *trigger;
  const char *action;
  const char *param;      /* GVariant text, or NULL */
  gboolean text_key;      /* a text field needs this key itself */
} ShortcutSpec;

static const ShortcutSpec shortcuts[] = {
  { "space", "play-pause", NULL, TRUE },
  { "KP_Space", "play-pause", NULL, TRUE },
  { "Left", "step", "-1.0", TRUE },
  { "Right", "step", "1.0", TRUE },
  { "KP_Left", "step", "-1.0", TRUE },
  { "KP_Right", "step", "1.0", TRUE },
  { "<Shift>Left", "step", "-10.0", TRUE },
  { "<Shift>Right", "step", "10.0", TRUE },
  { "Page_Up", "previous-event", NULL, FALSE },
  { "Page_Down", "next-event", NULL, FALSE },
  { "KP_Page_Up", "previous-event", NULL, FALSE },
  { "KP_Page_Down", "next-event", NULL, FALSE },
  { "Home", "start", NULL, TRUE },
  { "End", "end", NULL, TRUE },
  { "plus", "faster", NULL, TRUE },
  { "equal", "faster", NULL, TRUE },
  { "KP_Add", "faster", NULL, TRUE },
  { "minus", "slower", NULL, TRUE },
  { "KP_Subtract", "slower", NULL, TRUE },
  { "<Control>0", "fit", NULL, FALSE },
  { "<Control>KP_0", "fit", NULL, FALSE },
  { "<Control>plus", "zoom-in", NULL, FALSE },
  { "<Control>equal", "zoom-in", NULL, FALSE },
  { "<Control>KP_Add", "zoom-in", NULL, FALSE },
  { "<Control>minus", "zoom-out", NULL, FALSE },
  { "<Control>KP_Subtract", "zoom-out", NULL, FALSE },
};

static gboolean
shortcut_activated (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  const ShortcutSpec *spec = user_data;
  ReplayActions *self = g_object_get_data (G_OBJECT (widget), "cosmo-replay-actions");
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));
  g_autoptr(GVariant) param = NULL;

  if (self == NULL)
    return FALSE;
  /* Let entries (the time field, search fields) have their own keys. */
  if (spec->text_key && focus != NULL && GTK_IS_EDITABLE (focus))
    return FALSE;
  if (!g_action_group_get_action_enabled (G_ACTION_GROUP (self->group), spec->action))
    return FALSE;

  if (spec->param != NULL)
    param = g_variant_ref_sink (g_variant_new_parsed (spec->param));
  g_action_group_activate_action (G_ACTION_GROUP (self->group), spec->action, param);
  return TRUE;
}

/* COSMODROME_BENCHMARK_REPLAY=SECONDS: replay at 10x from T-10 s for that
 * long, print frame statistics and quit. A developer tool, used by
 * build-aux/benchmark-replay.sh. */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_stats (const char *what,
             GArray     *values)
{
  double *v = (double *) values->data;
  double sum = 0;

  if (values->len == 0)
    {
      g_print ("%s: no frames\n", what);
      return;
    }
  g_array_sort (values, compare_doubles);
  for (guint i = 0; i < values->len; i++)
    sum += v[i];
  g_print ("%s: n=%u median=%.2f ms p95=%.2f ms max=%.2f ms mean=%.2f ms\n", what, values->len,
           v[values->len / 2], v[MIN (values->len - 1, (guint) ceil (values->len * 0.95) - 1)],
           v[values->len - 1], sum / values->len);
}

static void
bench_finish (ReplayActions *self)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (self->window);

  g_clear_signal_handler (&self->bench_update_id, frame_clock);
  g_clear_signal_handler (&self->bench_paint_id, frame_clock);
  cosmo_clock_set_playing (get_clock (self), FALSE);

  g_print ("replay benchmark: %.0f s at 10x, window %dx%d, GSK_RENDERER=%s\n", self->bench_seconds,
           gtk_widget_get_width (self->window), gtk_widget_get_height (self->window),
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "(default)");
  print_stats ("frame interval (frame clock)", self->bench_intervals);
  print_stats ("frame cost (update to end of paint)", self->bench_costs);
  g_print ("clock reached %.3f s\n", cosmo_clock_get_time (get_clock (self)));

  gtk_window_destroy (GTK_WINDOW (self->window));
}

static void
on_bench_update (GdkFrameClock *frame_clock,
                 ReplayActions *self)
{
  gint64 frame_time = gdk_frame_clock_get_frame_time (frame_clock);

  self->bench_frame_start = g_get_monotonic_time ();
  if (self->bench_last_frame_time > 0)
    {
      double interval = (frame_time - self->bench_last_frame_time) / 1000.0;

      g_array_append_val (self->bench_intervals, interval);
    }
  self->bench_last_frame_time = frame_time;
}

static void
on_bench_after_paint (GdkFrameClock *frame_clock,
                      ReplayActions *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->bench_frame_start > 0)
    {
      double cost = (now - self->bench_frame_start) / 1000.0;

      g_array_append_val (self->bench_costs, cost);
    }
  if (now - self->bench_started >= self->bench_seconds * G_USEC_PER_SEC)
    bench_finish (self);
}

static gboolean
bench_start (gpointer data)
{
  ReplayActions *self = data;
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (self->window);
  CosmoClock *clock = get_clock (self);

  if (frame_clock == NULL)
    return G_SOURCE_REMOVE;

  cosmo_clock_set_rate (clock, 10);
  cosmo_clock_seek (clock, -10);
  cosmo_clock_set_playing (clock, TRUE);
  self->bench_started = g_get_monotonic_time ();
  self->bench_update_id = g_signal_connect (frame_clock, "update", G_CALLBACK (on_bench_update), self);
  self->bench_paint_id = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_bench_after_paint), self);
  return G_SOURCE_REMOVE;
}

static gboolean
bench_wait (gpointer data)
{
  ReplayActions *self = data;

  if (cosmo_session_get_mission (self->session) == NULL || !gtk_widget_get_mapped (self->window))
    return G_SOURCE_CONTINUE;
  /* Let the views settle (the map fills its tiles) before measuring. */
  g_timeout_add_seconds (2, bench_start, self);
  return G_SOURCE_REMOVE;
}

static void
replay_actions_free (gpointer data)
{
  ReplayActions *self = data;

  g_signal_handlers_disconnect_by_data (self->session, self);
  g_signal_handlers_disconnect_by_data (cosmo_session_get_clock (self->session), self);
  g_clear_object (&self->session);
  g_clear_object (&self->group);
  g_clear_pointer (&self->bench_intervals, g_array_unref);
  g_clear_pointer (&self->bench_costs, g_array_unref);
  g_free (self);
}

void
cosmo_replay_actions_install (GtkWidget    *window,
                              CosmoSession *session)
{
  const GActionEntry entries[] = {
    { "play-pause", play_pause_activated },
    { "step", step_activated, "d" },
    { "previous-event", previous_event_activated },
    { "next-event", next_event_activated },
    { "start", start_activated },
    { "end", end_activated },
    { "jump-to-t0", jump_to_t0_activated },
    { "faster", faster_activated },
    { "slower", slower_activated },
    { "rate", rate_activated, "d", "1.0" },
    { "reverse", reverse_activated, NULL, "false" },
    { "loop", loop_activated, NULL, "false" },
    { "preset", preset_activated, "s", "''" },
    { "fit", fit_activated },
    { "zoom-in", zoom_in_activated },
    { "zoom-out", zoom_out_activated },
    { "time-display", time_display_activated, "s", "'mission'" },
  };
  ReplayActions *self;
  GtkEventController *controller;
  const char *bench;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (COSMO_IS_SESSION (session));

  self = g_new0 (ReplayActions, 1);
  self->window = window;
  self->session = g_object_ref (session);
  self->group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->group), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (window, "replay", G_ACTION_GROUP (self->group));
  g_object_set_data_full (G_OBJECT (window), "cosmo-replay-actions", self, replay_actions_free);

  g_signal_connect_swapped (session, "notify::mission", G_CALLBACK (sync_enabled), self);
  g_signal_connect_swapped (session, "notify::visible-start", G_CALLBACK (on_visible_range_changed), self);
  g_signal_connect_swapped (session, "notify::visible-end", G_CALLBACK (on_visible_range_changed), self);
  g_signal_connect_swapped (session, "notify::time-display", G_CALLBACK (sync_display_state), self);
  g_signal_connect_swapped (cosmo_session_get_clock (session), "notify::rate", G_CALLBACK (sync_clock_state), self);
  g_signal_connect_swapped (cosmo_session_get_clock (session), "notify::loop", G_CALLBACK (sync_clock_state), self);
  sync_clock_state (self);
  sync_display_state (self);
  sync_enabled (self);

  /* Capture phase: the window sees the keys before a focused button or
   * list row turns Space into a click or the arrows into focus moves. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (controller, "cosmo-replay-shortcuts");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_LOCAL);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string (shortcuts[i].trigger);

      g_assert (trigger != NULL);
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (trigger,
                                                              gtk_callback_action_new (shortcut_activated,
                                                                                       (gpointer) &shortcuts[i],
                                                                                       NULL)));
    }
  gtk_widget_add_controller (window, controller);

  bench = g_getenv ("COSMODROME_BENCHMARK_REPLAY");
  if (bench != NULL && *bench != '\0')
    {
      self->bench_seconds = g_ascii_strtod (bench, NULL);
      if (!(self->bench_seconds > 0))
        self->bench_seconds = 20;
      self->bench_intervals = g_array_new (FALSE, FALSE, sizeof (double));
      self->bench_costs = g_array_new (FALSE, FALSE, sizeof (double));
      g_timeout_add (100, bench_wait, self);
    }
}
