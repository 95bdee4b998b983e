/* cosmo-autosave.h: unsaved edits survive a crash or a power cut
 *
 * While a mission has unsaved edits its events are written now and then to
 * $XDG_STATE_HOME/cosmodrome/autosave/<hash of the package path>.json (one
 * file per package, atomically). A save or an explicit discard removes the
 * file; finding one when the package is opened means the last session
 * ended without either, and its events can be recovered.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cosmo-mission.h"

G_BEGIN_DECLS

#define COSMO_AUTOSAVE_FORMAT_NAME "cosmodrome-autosave"

/* Where @package's autosave lives (whether or not it exists). */
GFile     *cosmo_autosave_get_file     (GFile         *package);
gboolean   cosmo_autosave_write        (CosmoMission  *mission,
                                        GError       **error);
/* The time (Unix seconds) of the autosave of @mission's package, or 0
 * when there is none. */
gint64     cosmo_autosave_find         (CosmoMission  *mission);
/* The autosaved events, checked like mission.json's, or NULL. */
GPtrArray *cosmo_autosave_read_events  (CosmoMission  *mission,
                                        GError       **error);
void       cosmo_autosave_discard      (CosmoMission  *mission);

G_END_DECLS
