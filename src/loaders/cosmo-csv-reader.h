/* cosmo-csv-reader.h: a strict, locale-independent reader of numeric CSV
 * into columns of doubles
 *
 * Format: optional leading comment lines ("# ..."), one header line of
 * column names, then rows of numbers in C notation separated by commas.
 * An empty cell is a missing sample and reads as NAN (a gap). Anything
 * else that is not a finite number is an error naming file, line and
 * column.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _CosmoCsvTable CosmoCsvTable;

#define COSMO_TYPE_CSV_TABLE (cosmo_csv_table_get_type ())
GType          cosmo_csv_table_get_type        (void) G_GNUC_CONST;

/* Reads a local file (mapped, so it never holds a second copy). Refuses a
 * file larger than @max_size (0: COSMO_MAX_CSV_SIZE) before reading it.
 * @display_name is what errors call the file (e.g. "vehicle.csv"). */
CosmoCsvTable *cosmo_csv_read_file             (GFile         *file,
                                                const char    *display_name,
                                                goffset        max_size,
                                                GCancellable  *cancellable,
                                                GError       **error);
CosmoCsvTable *cosmo_csv_parse                 (const char    *data,
                                                gsize          length,
                                                const char    *display_name,
                                                GCancellable  *cancellable,
                                                GError       **error);
CosmoCsvTable *cosmo_csv_table_ref             (CosmoCsvTable *self);
void           cosmo_csv_table_unref           (CosmoCsvTable *self);
guint          cosmo_csv_table_get_n_columns   (CosmoCsvTable *self);
gsize          cosmo_csv_table_get_n_rows      (CosmoCsvTable *self);
const char    *cosmo_csv_table_get_column_name (CosmoCsvTable *self,
                                                guint          column);
/* -1 when absent. */
int            cosmo_csv_table_find_column     (CosmoCsvTable *self,
                                                const char    *name);
/* The column's values, n_rows doubles; shared, not copied. */
GBytes        *cosmo_csv_table_get_column      (CosmoCsvTable *self,
                                                guint          column);
/* The file line (1-based) that holds data row @row. */
gsize          cosmo_csv_table_get_row_line    (CosmoCsvTable *self,
                                                gsize          row);
/* The comment lines before the header, without their "#". */
const char    *cosmo_csv_table_get_comments    (CosmoCsvTable *self);

/* Fast, exact, locale-independent parse of one number in [p, end).
 * Returns the position after it, or NULL if no number starts at p. */
const char    *cosmo_parse_number              (const char    *p,
                                                const char    *end,
                                                double        *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CosmoCsvTable, cosmo_csv_table_unref)

G_END_DECLS
