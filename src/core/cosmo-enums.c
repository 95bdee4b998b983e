/* cosmo-enums.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cosmo-enums.h"

G_DEFINE_ENUM_TYPE (CosmoSiteKind, cosmo_site_kind,
  G_DEFINE_ENUM_VALUE (COSMO_SITE_KIND_PAD, "pad"),
  G_DEFINE_ENUM_VALUE (COSMO_SITE_KIND_AIRFIELD, "airfield"),
  G_DEFINE_ENUM_VALUE (COSMO_SITE_KIND_TOWN, "town"),
  G_DEFINE_ENUM_VALUE (COSMO_SITE_KIND_STATION, "station"),
  G_DEFINE_ENUM_VALUE (COSMO_SITE_KIND_LANDMARK, "landmark"))

G_DEFINE_ENUM_TYPE (CosmoEventCategory, cosmo_event_category,
  G_DEFINE_ENUM_VALUE (COSMO_EVENT_CATEGORY_FLIGHT, "flight"),
  G_DEFINE_ENUM_VALUE (COSMO_EVENT_CATEGORY_PAD, "pad"),
  G_DEFINE_ENUM_VALUE (COSMO_EVENT_CATEGORY_STATEMENT, "statement"),
  G_DEFINE_ENUM_VALUE (COSMO_EVENT_CATEGORY_RECOVERY, "recovery"),
  G_DEFINE_ENUM_VALUE (COSMO_EVENT_CATEGORY_SCHEDULE, "schedule"),
  G_DEFINE_ENUM_VALUE (COSMO_EVENT_CATEGORY_NOTE, "note"))

G_DEFINE_ENUM_TYPE (CosmoSeverity, cosmo_severity,
  G_DEFINE_ENUM_VALUE (COSMO_SEVERITY_INFO, "info"),
  G_DEFINE_ENUM_VALUE (COSMO_SEVERITY_NOTICE, "notice"),
  G_DEFINE_ENUM_VALUE (COSMO_SEVERITY_WARNING, "warning"),
  G_DEFINE_ENUM_VALUE (COSMO_SEVERITY_CRITICAL, "critical"))

G_DEFINE_ENUM_TYPE (CosmoConfidence, cosmo_confidence,
  G_DEFINE_ENUM_VALUE (COSMO_CONFIDENCE_CONFIRMED, "confirmed"),
  G_DEFINE_ENUM_VALUE (COSMO_CONFIDENCE_REPORTED, "reported"),
  G_DEFINE_ENUM_VALUE (COSMO_CONFIDENCE_ESTIMATED, "estimated"))

G_DEFINE_ENUM_TYPE (CosmoProvenance, cosmo_provenance,
  G_DEFINE_ENUM_VALUE (COSMO_PROVENANCE_MEASURED, "measured"),
  G_DEFINE_ENUM_VALUE (COSMO_PROVENANCE_RECONSTRUCTED, "reconstructed"),
  G_DEFINE_ENUM_VALUE (COSMO_PROVENANCE_SIMULATED, "simulated"))

const char *
cosmo_enum_to_nick (GType enum_type,
                    int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
cosmo_enum_from_nick (GType       enum_type,
                      const char *nick,
                      int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  *value = ev->value;
  return TRUE;
}

char *
cosmo_enum_list_nicks (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (str, i + 1 == klass->n_values ? " or " : ", ");
      g_string_append_printf (str, "\"%s\"", klass->values[i].value_nick);
    }

  return g_string_free (str, FALSE);
}

const char *
cosmo_event_category_get_label (CosmoEventCategory category)
{
  switch (category)
    {
    case COSMO_EVENT_CATEGORY_FLIGHT: return _("Flight");
    case COSMO_EVENT_CATEGORY_PAD: return _("Pad");
    case COSMO_EVENT_CATEGORY_STATEMENT: return _("Statement");
    case COSMO_EVENT_CATEGORY_RECOVERY: return _("Recovery");
    case COSMO_EVENT_CATEGORY_SCHEDULE: return _("Schedule");
    case COSMO_EVENT_CATEGORY_NOTE: return _("Note");
    default: g_return_val_if_reached ("");
    }
}

const char *
cosmo_severity_get_label (CosmoSeverity severity)
{
  switch (severity)
    {
    case COSMO_SEVERITY_INFO: return _("Info");
    case COSMO_SEVERITY_NOTICE: return _("Notice");
    case COSMO_SEVERITY_WARNING: return _("Warning");
    case COSMO_SEVERITY_CRITICAL: return _("Critical");
    default: g_return_val_if_reached ("");
    }
}

const char *
cosmo_confidence_get_label (CosmoConfidence confidence)
{
  switch (confidence)
    {
    case COSMO_CONFIDENCE_CONFIRMED: return _("Confirmed");
    case COSMO_CONFIDENCE_REPORTED: return _("Reported");
    case COSMO_CONFIDENCE_ESTIMATED: return _("Estimated");
    default: g_return_val_if_reached ("");
    }
}

const char *
cosmo_provenance_get_label (CosmoProvenance provenance)
{
  switch (provenance)
    {
    case COSMO_PROVENANCE_MEASURED: return _("Measured");
    case COSMO_PROVENANCE_RECONSTRUCTED: return _("Reconstructed");
    case COSMO_PROVENANCE_SIMULATED: return _("Simulated");
    default: g_return_val_if_reached ("");
    }
}

const char *
cosmo_site_kind_get_label (CosmoSiteKind kind)
{
  switch (kind)
    {
    case COSMO_SITE_KIND_PAD: return _("Launch pad");
    case COSMO_SITE_KIND_AIRFIELD: return _("Airfield");
    case COSMO_SITE_KIND_TOWN: return _("Town");
    case COSMO_SITE_KIND_STATION: return _("Station");
    case COSMO_SITE_KIND_LANDMARK: return _("Landmark");
    default: g_return_val_if_reached ("");
    }
}
