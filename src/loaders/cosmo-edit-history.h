/* cosmo-edit-history.h: the undo/redo stack of a mission's edits
 *
 * Every change a person makes to the events (add, edit, delete) goes
 * through here as a command that knows how to undo itself. An edit replaces
 * the event object with an edited copy, so the event list stays sorted and
 * views see an ordinary remove + add.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cosmo-mission.h"

G_BEGIN_DECLS

#define COSMO_TYPE_EDIT_HISTORY (cosmo_edit_history_get_type ())
G_DECLARE_FINAL_TYPE (CosmoEditHistory, cosmo_edit_history, COSMO, EDIT_HISTORY, GObject)

CosmoEditHistory *cosmo_edit_history_new            (CosmoMission     *mission);
CosmoMission     *cosmo_edit_history_get_mission    (CosmoEditHistory *self);

/* Each applies the change and records it. */
void              cosmo_edit_history_add_event      (CosmoEditHistory *self,
                                                     CosmoEvent       *event);
void              cosmo_edit_history_remove_event   (CosmoEditHistory *self,
                                                     CosmoEvent       *event);
/* @event (in the mission) becomes @edited (a new object, e.g. from
 * cosmo_event_copy() with changes). */
void              cosmo_edit_history_replace_event  (CosmoEditHistory *self,
                                                     CosmoEvent       *event,
                                                     CosmoEvent       *edited);
/* Replaces all events at once (autosave recovery), as one undoable step. */
void              cosmo_edit_history_replace_all    (CosmoEditHistory *self,
                                                     GPtrArray        *events);

gboolean          cosmo_edit_history_can_undo       (CosmoEditHistory *self);
gboolean          cosmo_edit_history_can_redo       (CosmoEditHistory *self);
/* What undo/redo would do, e.g. "Add Note", or NULL. */
const char       *cosmo_edit_history_get_undo_label (CosmoEditHistory *self);
const char       *cosmo_edit_history_get_redo_label (CosmoEditHistory *self);
/* Returns the event the step touched (to select it), or NULL. */
CosmoEvent       *cosmo_edit_history_undo           (CosmoEditHistory *self);
CosmoEvent       *cosmo_edit_history_redo           (CosmoEditHistory *self);

/* TRUE when the events differ from the last save (or load). */
gboolean          cosmo_edit_history_get_dirty      (CosmoEditHistory *self);
void              cosmo_edit_history_mark_saved     (CosmoEditHistory *self);
/* Counts changes, for autosave to know whether it has anything new. */
guint64           cosmo_edit_history_get_serial     (CosmoEditHistory *self);

/* A new id for an event of @mission, "<prefix>-1", "<prefix>-2", ... */
char             *cosmo_edit_history_new_event_id   (CosmoEditHistory *self,
                                                     const char       *prefix);

G_END_DECLS
