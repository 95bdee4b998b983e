/* cosmo-import.h: what an importer produces (time series, a trajectory or
 * events) and how it becomes part of a mission package
 *
 * Importers (cosmo-csv-import, cosmo-oem-reader) fill a CosmoImportData;
 * cosmo_import_write_package() turns it into CSV files plus entries in
 * mission.json, creating the package when it does not exist yet. The
 * package is written with cosmo_atomic_write(), so a failure leaves the
 * previous mission.json intact.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cosmo-enums.h"
#include "cosmo-load-error.h"

G_BEGIN_DECLS

/* The most samples (rows) one import may hold: 50 million rows of a
 * handful of columns is already several GB of doubles. */
#define COSMO_MAX_IMPORT_ROWS ((gsize) 50 * 1000 * 1000)

typedef enum {
  COSMO_COLUMN_IGNORE,
  COSMO_COLUMN_TIME,
  COSMO_COLUMN_VALUE,        /* a telemetry channel */
  COSMO_COLUMN_LATITUDE,     /* degrees */
  COSMO_COLUMN_LONGITUDE,    /* degrees */
  COSMO_COLUMN_ALTITUDE,     /* unit "m", "km" or "ft" */
  COSMO_COLUMN_SPEED,        /* unit "m/s", "km/s" or "km/h" */
  COSMO_COLUMN_EVENT_TITLE,
  COSMO_COLUMN_EVENT_CATEGORY,
  COSMO_COLUMN_EVENT_SEVERITY,
  COSMO_COLUMN_EVENT_DESCRIPTION,
  COSMO_COLUMN_EVENT_SOURCE,
  COSMO_COLUMN_EVENT_END,
} CosmoColumnRole;
#define COSMO_N_COLUMN_ROLES (COSMO_COLUMN_EVENT_END + 1)

typedef enum {
  COSMO_TIME_FORM_SECONDS,   /* seconds from T0: 118.5, -60 */
  COSMO_TIME_FORM_MISSION,   /* T+118, T-00:01:00, +2d */
  COSMO_TIME_FORM_ISO,       /* 2025-11-27T09:29:55.402Z */
  COSMO_TIME_FORM_UNIX,      /* seconds since 1970-01-01 UTC */
} CosmoTimeForm;
#define COSMO_N_TIME_FORMS (COSMO_TIME_FORM_UNIX + 1)

const char *cosmo_column_role_get_label (CosmoColumnRole role);
const char *cosmo_column_role_to_nick   (CosmoColumnRole role);
gboolean    cosmo_column_role_from_nick (const char      *nick,
                                         CosmoColumnRole *role);
const char *cosmo_time_form_get_label   (CosmoTimeForm   form);
const char *cosmo_time_form_to_nick     (CosmoTimeForm   form);
gboolean    cosmo_time_form_from_nick   (const char      *nick,
                                         CosmoTimeForm   *form);

/* Called now and then with the fraction done (0..1); from the thread that
 * runs the import. */
typedef void (*CosmoImportProgress) (double   fraction,
                                     gpointer user_data);

typedef struct {
  char *id;          /* column id in the written CSV */
  char *name;        /* as the user sees it */
  char *unit;
  CosmoColumnRole role;
  GArray *values;    /* doubles, NAN = gap */
} CosmoImportSeries;

typedef struct {
  double time;       /* as CosmoImportData.absolute says */
  double end;        /* NAN when not a range */
  char *title;
  CosmoEventCategory category;
  CosmoSeverity severity;
  char *description;
  char *source;
  guint line;        /* where it came from, for messages */
} CosmoImportEvent;

typedef struct {
  char *source_name;       /* the file's basename, for ids and messages */
  char *title;             /* a human title, e.g. "ISS (ZARYA)" from OEM */
  gboolean absolute;       /* times are Unix seconds UTC; else seconds from T0 */
  GArray *times;           /* doubles, strictly increasing */
  GPtrArray *series;       /* CosmoImportSeries */
  GPtrArray *events;       /* CosmoImportEvent */
  CosmoProvenance provenance;
} CosmoImportData;

CosmoImportData *cosmo_import_data_new          (const char      *source_name);
void             cosmo_import_data_free         (CosmoImportData *data);
CosmoImportSeries *cosmo_import_data_add_series (CosmoImportData *data,
                                                 const char      *name,
                                                 const char      *unit,
                                                 CosmoColumnRole  role);
/* The series with @role, or NULL. */
CosmoImportSeries *cosmo_import_data_find_role  (CosmoImportData *data,
                                                 CosmoColumnRole  role);
gboolean         cosmo_import_data_has_trajectory (CosmoImportData *data);
/* Unix time of the first sample or event, or NAN. */
double           cosmo_import_data_get_first_time (CosmoImportData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CosmoImportData, cosmo_import_data_free)

/* What a new package is called; ignored when the package exists. */
typedef struct {
  const char *id;          /* NULL: from the folder name */
  const char *title;       /* NULL: from the data or the id */
  GDateTime *t0;           /* NULL: the first absolute time in the data */
} CosmoPackageInfo;

/* Adds @data to the package in @folder (created with a new mission.json
 * when it has none). Writes "<stem>.csv" next to mission.json for samples;
 * the new mission.json is written atomically with a backup. On success
 * @summary (optional) says what was added, one line per item. */
gboolean cosmo_import_write_package (GFile                  *folder,
                                     CosmoImportData        *data,
                                     const CosmoPackageInfo *info,
                                     char                  **summary,
                                     GCancellable           *cancellable,
                                     GError                **error);

/* Fast, locale-independent parser for "YYYY-MM-DD[T ]hh:mm[:ss[.f]][Z|±hh[:mm]]"
 * (no zone means UTC) and the day-of-year form "YYYY-DDDThh:mm:ss". Returns
 * Unix seconds in @out. */
gboolean cosmo_parse_iso_utc (const char *text,
                              gsize       length,
                              double     *out);
/* Unix seconds -> "2025-11-27T09:27:57.402Z" (milliseconds when not whole). */
char    *cosmo_format_iso_utc (double unix_time);

G_END_DECLS
