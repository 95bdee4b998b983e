/* cosmo-enums.h: the small closed vocabularies of the mission model
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  COSMO_SITE_KIND_PAD,
  COSMO_SITE_KIND_AIRFIELD,
  COSMO_SITE_KIND_TOWN,
  COSMO_SITE_KIND_STATION,
  COSMO_SITE_KIND_LANDMARK,
} CosmoSiteKind;

typedef enum {
  COSMO_EVENT_CATEGORY_FLIGHT,
  COSMO_EVENT_CATEGORY_PAD,
  COSMO_EVENT_CATEGORY_STATEMENT,
  COSMO_EVENT_CATEGORY_RECOVERY,
  COSMO_EVENT_CATEGORY_SCHEDULE,
  COSMO_EVENT_CATEGORY_NOTE,
} CosmoEventCategory;
#define COSMO_N_EVENT_CATEGORIES (COSMO_EVENT_CATEGORY_NOTE + 1)

typedef enum {
  COSMO_SEVERITY_INFO,
  COSMO_SEVERITY_NOTICE,
  COSMO_SEVERITY_WARNING,
  COSMO_SEVERITY_CRITICAL,
} CosmoSeverity;

typedef enum {
  COSMO_CONFIDENCE_CONFIRMED,
  COSMO_CONFIDENCE_REPORTED,
  COSMO_CONFIDENCE_ESTIMATED,
} CosmoConfidence;

typedef enum {
  COSMO_PROVENANCE_MEASURED,
  COSMO_PROVENANCE_RECONSTRUCTED,
  COSMO_PROVENANCE_SIMULATED,
} CosmoProvenance;

#define COSMO_TYPE_SITE_KIND (cosmo_site_kind_get_type ())
#define COSMO_TYPE_EVENT_CATEGORY (cosmo_event_category_get_type ())
#define COSMO_TYPE_SEVERITY (cosmo_severity_get_type ())
#define COSMO_TYPE_CONFIDENCE (cosmo_confidence_get_type ())
#define COSMO_TYPE_PROVENANCE (cosmo_provenance_get_type ())

GType cosmo_site_kind_get_type      (void) G_GNUC_CONST;
GType cosmo_event_category_get_type (void) G_GNUC_CONST;
GType cosmo_severity_get_type       (void) G_GNUC_CONST;
GType cosmo_confidence_get_type     (void) G_GNUC_CONST;
GType cosmo_provenance_get_type     (void) G_GNUC_CONST;

/* The nick is the spelling used in mission.json ("pad", "confirmed", ...). */
const char *cosmo_enum_to_nick   (GType enum_type,
                                  int   value);
gboolean    cosmo_enum_from_nick (GType       enum_type,
                                  const char *nick,
                                  int        *value);
/* A comma-separated list of the nicks, for error messages. */
char       *cosmo_enum_list_nicks (GType enum_type);

/* Translated, human-readable labels for the UI. */
const char *cosmo_event_category_get_label (CosmoEventCategory category);
const char *cosmo_severity_get_label       (CosmoSeverity      severity);
const char *cosmo_confidence_get_label     (CosmoConfidence    confidence);
const char *cosmo_provenance_get_label     (CosmoProvenance    provenance);
const char *cosmo_site_kind_get_label      (CosmoSiteKind      kind);

G_END_DECLS
