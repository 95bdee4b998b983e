/* fuzz-oem.c: libFuzzer harness for the CCSDS OEM reader and its
 * conversion to a trajectory
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdint.h>

#include "cosmo-oem-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CosmoOem) oem = NULL;
  g_autoptr(CosmoImportData) imported = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  oem = cosmo_oem_parse ((const char *) data, size, "fuzz.oem", NULL, &error);
  g_assert ((oem == NULL) != (error == NULL));
  if (oem == NULL)
    return 0;
  imported = cosmo_oem_to_import (oem, "fuzz.oem", &error);
  g_assert ((imported == NULL) != (error == NULL));
  if (imported != NULL)
    for (guint s = 0; s < imported->series->len; s++)
      {
        CosmoImportSeries *series = imported->series->pdata[s];

        for (guint i = 0; i < series->values->len; i++)
          g_assert (isfinite (g_array_index (series->values, double, i)));
      }
  return 0;
}
