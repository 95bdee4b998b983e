/* cosmo-editing.h: annotations, undo/redo, saving, autosave, recovery and
 * import for one window (the "edit." actions)
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cosmo-session.h"

G_BEGIN_DECLS

/* Installs the edit.* actions (undo, redo, save, add-note, edit-event,
 * delete-event, import) with their shortcuts on @window, autosaves
 * unsaved edits, offers recovery when a mission opens, and asks before a
 * window with unsaved edits closes. */
void     cosmo_editing_attach    (GtkWindow    *window,
                                  CosmoSession *session);
/* TRUE when @window has edits not saved to the package. */
gboolean cosmo_editing_get_dirty (GtkWindow    *window);

/* Opens the import dialog for @file (as after choosing it), or shows why
 * it cannot be read and returns NULL. */
GtkWindow *cosmo_editing_import_file (GtkWindow *window,
                                      GFile     *file);

G_END_DECLS
