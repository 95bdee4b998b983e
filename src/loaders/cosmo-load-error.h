/* cosmo-load-error.h: the one error domain of every loader
 *
 * Messages always start with "file:line: " (or "file: field: " where the
 * JSON field is known better than its line) so that a person can find the
 * mistake and a tool can parse the location.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define COSMO_LOAD_ERROR (cosmo_load_error_quark ())

typedef enum {
  COSMO_LOAD_ERROR_IO,            /* cannot read */
  COSMO_LOAD_ERROR_SYNTAX,        /* not JSON / not CSV */
  COSMO_LOAD_ERROR_INVALID,       /* well-formed, but a value is wrong */
  COSMO_LOAD_ERROR_MISSING,       /* a required field or file is absent */
  COSMO_LOAD_ERROR_TOO_LARGE,     /* refused before reading it whole */
  COSMO_LOAD_ERROR_OUTSIDE,       /* a path leaves the package folder */
  COSMO_LOAD_ERROR_UNSUPPORTED,   /* a newer format version */
} CosmoLoadError;

GQuark cosmo_load_error_quark (void);

/* Limits that keep a hostile file from exhausting the machine. */
#define COSMO_MAX_JSON_SIZE   (32 * 1024 * 1024)
#define COSMO_MAX_CSV_SIZE    ((goffset) 2 * 1024 * 1024 * 1024)
#define COSMO_MAX_CSV_COLUMNS 4096
#define COSMO_MAX_LINE_LENGTH (1024 * 1024)
#define COSMO_MAX_JSON_DEPTH  64

G_END_DECLS
