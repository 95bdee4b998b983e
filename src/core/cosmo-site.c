/* cosmo-site.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cosmo-site.h"
#include "cosmo-util.h"

struct _CosmoSite
{
  GObject parent_instance;

  char *id;
  char *name;
  char *description;
  char *source;
  CosmoSiteKind kind;
  CosmoConfidence confidence;
  double latitude;
  double longitude;
  double elevation;
  guint primary : 1;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_LATITUDE,
  PROP_LONGITUDE,
  PROP_ELEVATION,
  PROP_PRIMARY,
  PROP_DESCRIPTION,
  PROP_SOURCE,
  PROP_CONFIDENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CosmoSite, cosmo_site, G_TYPE_OBJECT)

static void
cosmo_site_finalize (GObject *object)
{
  CosmoSite *self = (CosmoSite *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (cosmo_site_parent_class)->finalize (object);
}

static void
cosmo_site_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CosmoSite *self = COSMO_SITE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_LATITUDE: g_value_set_double (value, self->latitude); break;
    case PROP_LONGITUDE: g_value_set_double (value, self->longitude); break;
    case PROP_ELEVATION: g_value_set_double (value, self->elevation); break;
    case PROP_PRIMARY: g_value_set_boolean (value, self->primary); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_SOURCE: g_value_set_string (value, self->source); break;
    case PROP_CONFIDENCE: g_value_set_enum (value, self->confidence); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cosmo_site_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CosmoSite *self = COSMO_SITE (object);

  switch (prop_id)
    {
    case PROP_ID: cosmo_set_str (&self->id, g_value_get_string (value)); break;
    case PROP_NAME: cosmo_set_str (&self->name, g_value_get_string (value)); break;
    case PROP_KIND: self->kind = g_value_get_enum (value); break;
    case PROP_LATITUDE: self->latitude = g_value_get_double (value); break;
    case PROP_LONGITUDE: self->longitude = g_value_get_double (value); break;
    case PROP_ELEVATION: self->elevation = g_value_get_double (value); break;
    case PROP_PRIMARY: self->primary = g_value_get_boolean (value); break;
    case PROP_DESCRIPTION: cosmo_set_str (&self->description, g_value_get_string (value)); break;
    case PROP_SOURCE: cosmo_set_str (&self->source, g_value_get_string (value)); break;
    case PROP_CONFIDENCE: self->confidence = g_value_get_enum (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cosmo_site_class_init (CosmoSiteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cosmo_site_finalize;
  object_class->get_property = cosmo_site_get_property;
  object_class->set_property = cosmo_site_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, COSMO_TYPE_SITE_KIND,
                                             COSMO_SITE_KIND_LANDMARK, flags);
  properties[PROP_LATITUDE] = g_param_spec_double ("latitude", NULL, NULL, -90, 90, 0, flags);
  properties[PROP_LONGITUDE] = g_param_spec_double ("longitude", NULL, NULL, -180, 180, 0, flags);
  properties[PROP_ELEVATION] = g_param_spec_double ("elevation", NULL, NULL,
                                                    -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_PRIMARY] = g_param_spec_boolean ("primary", NULL, NULL, FALSE, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_CONFIDENCE] = g_param_spec_enum ("confidence", NULL, NULL, COSMO_TYPE_CONFIDENCE,
                                                   COSMO_CONFIDENCE_CONFIRMED, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cosmo_site_init (CosmoSite *self)
{
}

CosmoSite *
cosmo_site_new (const char    *id,
                const char    *name,
                CosmoSiteKind  kind,
                double         latitude,
                double         longitude)
{
  return g_object_new (COSMO_TYPE_SITE,
                       "id", id,
                       "name", name,
                       "kind", kind,
                       "latitude", latitude,
                       "longitude", longitude,
                       NULL);
}

const char *cosmo_site_get_id (CosmoSite *self) { g_return_val_if_fail (COSMO_IS_SITE (self), NULL); return self->id; }
const char *cosmo_site_get_name (CosmoSite *self) { g_return_val_if_fail (COSMO_IS_SITE (self), NULL); return self->name; }
CosmoSiteKind cosmo_site_get_kind (CosmoSite *self) { g_return_val_if_fail (COSMO_IS_SITE (self), 0); return self->kind; }
double cosmo_site_get_latitude (CosmoSite *self) { g_return_val_if_fail (COSMO_IS_SITE (self), 0); return self->latitude; }
double cosmo_site_get_longitude (CosmoSite *self) { g_return_val_if_fail (COSMO_IS_SITE (self), 0); return self->longitude; }
double cosmo_site_get_elevation (CosmoSite *self) { g_return_val_if_fail (COSMO_IS_SITE (self), 0); return self->elevation; }
gboolean cosmo_site_get_primary (CosmoSite *self) { g_return_val_if_fail (COSMO_IS_SITE (self), FALSE); return self->primary; }
const char *cosmo_site_get_description (CosmoSite *self) { g_return_val_if_fail (COSMO_IS_SITE (self), NULL); return self->description; }
const char *cosmo_site_get_source (CosmoSite *self) { g_return_val_if_fail (COSMO_IS_SITE (self), NULL); return self->source; }
CosmoConfidence cosmo_site_get_confidence (CosmoSite *self) { g_return_val_if_fail (COSMO_IS_SITE (self), 0); return self->confidence; }
