/* cosmo-replay-actions.h: the replay.* actions and their keyboard shortcuts
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cosmo-session.h"

G_BEGIN_DECLS

/* Inserts the "replay" action group on @window, operating on @session:
 *
 *   replay.play-pause          Space
 *   replay.step(d)             Left/Right (±1 s), Shift+Left/Right (±10 s)
 *   replay.previous-event      Page Up
 *   replay.next-event          Page Down
 *   replay.start, replay.end   Home, End
 *   replay.jump-to-t0
 *   replay.faster              plus, KP_Add, equal
 *   replay.slower              minus, KP_Subtract
 *   replay.rate(d)             stateful: the speed magnitude (menu)
 *   replay.reverse             stateful boolean
 *   replay.loop                stateful boolean
 *   replay.preset(s)           stateful: "ascent", "launch-day", "whole-incident"
 *   replay.fit                 Ctrl+0 (the whole incident)
 *   replay.zoom-in/zoom-out    Ctrl+plus / Ctrl+minus
 *   replay.time-display(s)     stateful: "mission", "utc", "site"
 *
 * The shortcuts run in the capture phase so a focused button or list does
 * not swallow Space or the arrows, except in text fields, which keep their
 * text and cursor keys. */
void cosmo_replay_actions_install (GtkWidget    *window,
                                   CosmoSession *session);

/* The preset whose range is the session's visible range now, or -1. */
int  cosmo_replay_current_preset  (CosmoSession *session);

G_END_DECLS
