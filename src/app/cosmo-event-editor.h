/* cosmo-event-editor.h: a small dialog to add or edit an event or note
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cosmo-mission.h"

G_BEGIN_DECLS

/* Called with the edited copy (a new object) when the person presses Save. */
typedef void (*CosmoEventEditorDone) (CosmoEvent *edited,
                                      gpointer    user_data);

/* Shows the editor for @event (a copy is edited; @event is not touched). */
GtkWindow *cosmo_event_editor_show (GtkWindow            *parent,
                                    CosmoMission         *mission,
                                    CosmoEvent           *event,
                                    gboolean              is_new,
                                    CosmoEventEditorDone  done,
                                    gpointer              user_data);

G_END_DECLS
