/* cosmo-csv-import.h: import someone else's CSV (telemetry, a trajectory or
 * events) or a JSON list of events
 *
 * Unlike cosmo-csv-reader, which reads the package's own strict format,
 * this reads what people have: any of , ; tab | as the delimiter, a header
 * or none, quoted cells, decimal commas with ; or tab, and times as seconds
 * from T0, T± mission times, ISO 8601 UTC or Unix time. A sniff guesses a
 * CosmoImportPlan (which column is what) that a person may change in the
 * mapping dialog before the import runs.
 *
 * Every problem is an error "file:line: message"; nothing is skipped
 * silently.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cosmo-import.h"

G_BEGIN_DECLS

#define COSMO_IMPORT_PREVIEW_ROWS 20

typedef struct {
  char *display_name;
  gboolean json;             /* a JSON list of events rather than CSV */
  char delimiter;
  gboolean has_header;
  guint n_columns;
  char **names;              /* n_columns, UTF-8 */
  CosmoColumnRole *roles;    /* n_columns */
  char **units;              /* n_columns */
  CosmoTimeForm time_form;
  GPtrArray *preview;        /* GStrv per row, n_columns cells each */
} CosmoImportPlan;

void             cosmo_import_plan_free        (CosmoImportPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CosmoImportPlan, cosmo_import_plan_free)

/* Guesses the layout from the start of @data. */
CosmoImportPlan *cosmo_import_sniff            (const char      *data,
                                                gsize            length,
                                                const char      *display_name,
                                                GError         **error);
CosmoImportPlan *cosmo_import_sniff_file       (GFile           *file,
                                                GCancellable    *cancellable,
                                                GError         **error);
/* TRUE if the plan imports events (some column is the event title). */
gboolean         cosmo_import_plan_is_events   (const CosmoImportPlan *plan);
/* NULL when the plan can run; else why not ("Choose a time column"). */
char            *cosmo_import_plan_check       (const CosmoImportPlan *plan);
/* Finds a column by name; -1 when absent. */
int              cosmo_import_plan_find_column (const CosmoImportPlan *plan,
                                                const char            *name);

CosmoImportData *cosmo_import_table            (const char            *data,
                                                gsize                  length,
                                                const CosmoImportPlan *plan,
                                                CosmoImportProgress    progress,
                                                gpointer               progress_data,
                                                GCancellable          *cancellable,
                                                GError               **error);
/* Maps the file (up to COSMO_MAX_CSV_SIZE) and runs cosmo_import_table(). */
CosmoImportData *cosmo_import_table_file       (GFile                 *file,
                                                const CosmoImportPlan *plan,
                                                CosmoImportProgress    progress,
                                                gpointer               progress_data,
                                                GCancellable          *cancellable,
                                                GError               **error);

/* Reads a local file into memory (or maps it), refusing more than
 * @max_size bytes before reading. Shared by the importers. */
GBytes          *cosmo_import_read_file        (GFile                 *file,
                                                goffset                max_size,
                                                GCancellable          *cancellable,
                                                GError               **error);

G_END_DECLS
