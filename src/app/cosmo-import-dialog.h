/* cosmo-import-dialog.h: maps the columns of a file to import, shows a
 * preview, and imports it into a mission package with progress and Cancel
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define COSMO_TYPE_IMPORT_DIALOG (cosmo_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CosmoImportDialog, cosmo_import_dialog, COSMO, IMPORT_DIALOG, AdwWindow)

/* @package: where the data goes (created if it does not exist);
 * @t0: the default T0 of a new package for relative times (nullable).
 * Emits "imported" (GFile *package) on success, then closes. Returns NULL
 * with @error when the file cannot be read at all. */
CosmoImportDialog *cosmo_import_dialog_new (GtkWindow  *parent,
                                            GFile      *file,
                                            GFile      *package,
                                            GDateTime  *t0,
                                            GError    **error);

G_END_DECLS
