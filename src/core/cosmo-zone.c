/* cosmo-zone.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cosmo-zone.h"
#include "cosmo-util.h"

struct _CosmoZone
{
  GObject parent_instance;

  char *id;
  char *title;
  char *kind;
  char *description;
  CosmoProvenance provenance;
  double *latitudes;
  double *longitudes;
  gsize n_vertices;
};

G_DEFINE_FINAL_TYPE (CosmoZone, cosmo_zone, G_TYPE_OBJECT)

static void
cosmo_zone_finalize (GObject *object)
{
  CosmoZone *self = (CosmoZone *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->latitudes, g_free);
  g_clear_pointer (&self->longitudes, g_free);

  G_OBJECT_CLASS (cosmo_zone_parent_class)->finalize (object);
}

static void
cosmo_zone_class_init (CosmoZoneClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cosmo_zone_finalize;
}

static void
cosmo_zone_init (CosmoZone *self)
{
}

CosmoZone *
cosmo_zone_new (const char      *id,
                const char      *title,
                const char      *kind,
                CosmoProvenance  provenance,
                const double    *latitudes,
                const double    *longitudes,
                gsize            n_vertices)
{
  CosmoZone *self = g_object_new (COSMO_TYPE_ZONE, NULL);

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->kind = g_strdup (kind);
  self->provenance = provenance;
  self->n_vertices = n_vertices;
  self->latitudes = g_memdup2 (latitudes, n_vertices * sizeof (double));
  self->longitudes = g_memdup2 (longitudes, n_vertices * sizeof (double));

  return self;
}

const char *cosmo_zone_get_id (CosmoZone *self) { g_return_val_if_fail (COSMO_IS_ZONE (self), NULL); return self->id; }
const char *cosmo_zone_get_title (CosmoZone *self) { g_return_val_if_fail (COSMO_IS_ZONE (self), NULL); return self->title; }
const char *cosmo_zone_get_kind (CosmoZone *self) { g_return_val_if_fail (COSMO_IS_ZONE (self), NULL); return self->kind; }
CosmoProvenance cosmo_zone_get_provenance (CosmoZone *self) { g_return_val_if_fail (COSMO_IS_ZONE (self), 0); return self->provenance; }
const char *cosmo_zone_get_description (CosmoZone *self) { g_return_val_if_fail (COSMO_IS_ZONE (self), NULL); return self->description; }
gsize cosmo_zone_get_n_vertices (CosmoZone *self) { g_return_val_if_fail (COSMO_IS_ZONE (self), 0); return self->n_vertices; }
const double *cosmo_zone_get_latitudes (CosmoZone *self) { g_return_val_if_fail (COSMO_IS_ZONE (self), NULL); return self->latitudes; }
const double *cosmo_zone_get_longitudes (CosmoZone *self) { g_return_val_if_fail (COSMO_IS_ZONE (self), NULL); return self->longitudes; }

void
cosmo_zone_set_description (CosmoZone  *self,
                            const char *description)
{
  g_return_if_fail (COSMO_IS_ZONE (self));
  cosmo_set_str (&self->description, description);
}

void
cosmo_zone_get_center (CosmoZone *self,
                       double    *latitude,
                       double    *longitude)
{
  double lat = 0, lon = 0;

  g_return_if_fail (COSMO_IS_ZONE (self));

  for (gsize i = 0; i < self->n_vertices; i++)
    {
      lat += self->latitudes[i];
      lon += self->longitudes[i];
    }
  if (self->n_vertices > 0)
    {
      lat /= self->n_vertices;
      lon /= self->n_vertices;
    }
  if (latitude) *latitude = lat;
  if (longitude) *longitude = lon;
}
