/* fuzz-csv.c: libFuzzer harness for the strict CSV reader and the CSV
 * importer (sniff, then import with every column mapped)
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>

#include "cosmo-csv-import.h"
#include "cosmo-csv-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoCsvTable) table = NULL;
  g_autoptr(CosmoImportPlan) plan = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  table = cosmo_csv_parse (text, size, "fuzz.csv", NULL, &error);
  g_assert ((table == NULL) != (error == NULL));
  g_clear_error (&error);

  plan = cosmo_import_sniff (text, size, "fuzz.csv", &error);
  g_assert ((plan == NULL) != (error == NULL));
  g_clear_error (&error);
  if (plan != NULL)
    for (int pass = 0; pass < 2; pass++)
      {
        g_autoptr(CosmoImportData) imported = NULL;

        /* First as guessed, then with every column a channel. */
        if (pass == 1)
          for (guint c = 0; c < plan->n_columns; c++)
            if (plan->roles[c] == COSMO_COLUMN_IGNORE)
              plan->roles[c] = COSMO_COLUMN_VALUE;
        imported = cosmo_import_table (text, size, plan, NULL, NULL, NULL, &error);
        g_assert ((imported == NULL) != (error == NULL));
        g_clear_error (&error);
      }
  return 0;
}
