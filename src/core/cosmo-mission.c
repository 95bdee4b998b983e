/* cosmo-mission.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "cosmo-mission.h"
#include "cosmo-util.h"

struct _CosmoMission
{
  GObject parent_instance;

  char *id;
  char *title;
  char *vehicle;
  char *description;
  char *time_zone_name;
  GDateTime *t0;
  GTimeZone *time_zone;
  GFile *location;

  GListStore *sites;
  CosmoEventList *events;
  CosmoTrajectory *trajectory;
  GListStore *debris;
  GListStore *channels;
  GListStore *zones;
  GPtrArray *sources;   /* title, url, title, url, ... */
};

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_VEHICLE,
  PROP_DESCRIPTION,
  PROP_T0,
  PROP_TIME_ZONE,
  PROP_TRAJECTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CosmoMission, cosmo_mission, G_TYPE_OBJECT)

static void
cosmo_mission_finalize (GObject *object)
{
  CosmoMission *self = (CosmoMission *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->vehicle, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->time_zone_name, g_free);
  g_clear_pointer (&self->t0, g_date_time_unref);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_clear_object (&self->location);
  g_clear_object (&self->sites);
  g_clear_object (&self->events);
  g_clear_object (&self->trajectory);
  g_clear_object (&self->debris);
  g_clear_object (&self->channels);
  g_clear_object (&self->zones);
  g_clear_pointer (&self->sources, g_ptr_array_unref);

  G_OBJECT_CLASS (cosmo_mission_parent_class)->finalize (object);
}

static void
cosmo_mission_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CosmoMission *self = COSMO_MISSION (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_VEHICLE: g_value_set_string (value, self->vehicle); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_T0: g_value_set_boxed (value, self->t0); break;
    case PROP_TIME_ZONE: g_value_set_boxed (value, self->time_zone); break;
    case PROP_TRAJECTORY: g_value_set_object (value, self->trajectory); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cosmo_mission_class_init (CosmoMissionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cosmo_mission_finalize;
  object_class->get_property = cosmo_mission_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_VEHICLE] = g_param_spec_string ("vehicle", NULL, NULL, NULL, ro);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, ro);
  properties[PROP_T0] = g_param_spec_boxed ("t0", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_TIME_ZONE] = g_param_spec_boxed ("time-zone", NULL, NULL, G_TYPE_TIME_ZONE, ro);
  properties[PROP_TRAJECTORY] = g_param_spec_object ("trajectory", NULL, NULL, COSMO_TYPE_TRAJECTORY, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cosmo_mission_init (CosmoMission *self)
{
  self->sites = g_list_store_new (COSMO_TYPE_SITE);
  self->events = cosmo_event_list_new ();
  self->debris = g_list_store_new (COSMO_TYPE_TRAJECTORY);
  self->channels = g_list_store_new (COSMO_TYPE_CHANNEL);
  self->zones = g_list_store_new (COSMO_TYPE_ZONE);
  self->sources = g_ptr_array_new_with_free_func (g_free);
}

CosmoMission *
cosmo_mission_new (const char *id,
                   const char *title,
                   GDateTime  *t0,
                   GTimeZone  *site_time_zone)
{
  CosmoMission *self;

  g_return_val_if_fail (t0 != NULL, NULL);

  self = g_object_new (COSMO_TYPE_MISSION, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->t0 = g_date_time_to_utc (t0);
  self->time_zone = site_time_zone ? g_time_zone_ref (site_time_zone) : g_time_zone_new_utc ();

  return self;
}

const char *cosmo_mission_get_id (CosmoMission *self) { g_return_val_if_fail (COSMO_IS_MISSION (self), NULL); return self->id; }
const char *cosmo_mission_get_title (CosmoMission *self) { g_return_val_if_fail (COSMO_IS_MISSION (self), NULL); return self->title; }
const char *cosmo_mission_get_vehicle (CosmoMission *self) { g_return_val_if_fail (COSMO_IS_MISSION (self), NULL); return self->vehicle; }
const char *cosmo_mission_get_description (CosmoMission *self) { g_return_val_if_fail (COSMO_IS_MISSION (self), NULL); return self->description; }
GDateTime *cosmo_mission_get_t0 (CosmoMission *self) { g_return_val_if_fail (COSMO_IS_MISSION (self), NULL); return self->t0; }
GTimeZone *cosmo_mission_get_time_zone (CosmoMission *self) { g_return_val_if_fail (COSMO_IS_MISSION (self), NULL); return self->time_zone; }
const char *cosmo_mission_get_time_zone_name (CosmoMission *self) { g_return_val_if_fail (COSMO_IS_MISSION (self), NULL); return self->time_zone_name; }
GFile *cosmo_mission_get_location (CosmoMission *self) { g_return_val_if_fail (COSMO_IS_MISSION (self), NULL); return self->location; }
GListModel *cosmo_mission_get_sites (CosmoMission *self) { g_return_val_if_fail (COSMO_IS_MISSION (self), NULL); return G_LIST_MODEL (self->sites); }
CosmoEventList *cosmo_mission_get_events (CosmoMission *self) { g_return_val_if_fail (COSMO_IS_MISSION (self), NULL); return self->events; }
CosmoTrajectory *cosmo_mission_get_trajectory (CosmoMission *self) { g_return_val_if_fail (COSMO_IS_MISSION (self), NULL); return self->trajectory; }
GListModel *cosmo_mission_get_debris (CosmoMission *self) { g_return_val_if_fail (COSMO_IS_MISSION (self), NULL); return G_LIST_MODEL (self->debris); }
GListModel *cosmo_mission_get_channels (CosmoMission *self) { g_return_val_if_fail (COSMO_IS_MISSION (self), NULL); return G_LIST_MODEL (self->channels); }
GListModel *cosmo_mission_get_zones (CosmoMission *self) { g_return_val_if_fail (COSMO_IS_MISSION (self), NULL); return G_LIST_MODEL (self->zones); }

void
cosmo_mission_set_vehicle (CosmoMission *self,
                           const char   *vehicle)
{
  g_return_if_fail (COSMO_IS_MISSION (self));
  if (cosmo_set_str (&self->vehicle, vehicle))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VEHICLE]);
}

void
cosmo_mission_set_description (CosmoMission *self,
                               const char   *description)
{
  g_return_if_fail (COSMO_IS_MISSION (self));
  if (cosmo_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

void
cosmo_mission_set_time_zone_name (CosmoMission *self,
                                  const char   *name)
{
  g_return_if_fail (COSMO_IS_MISSION (self));
  cosmo_set_str (&self->time_zone_name, name);
}

void
cosmo_mission_set_location (CosmoMission *self,
                            GFile        *location)
{
  g_return_if_fail (COSMO_IS_MISSION (self));
  g_set_object (&self->location, location);
}

void
cosmo_mission_add_site (CosmoMission *self,
                        CosmoSite    *site)
{
  g_return_if_fail (COSMO_IS_MISSION (self));
  g_list_store_append (self->sites, site);
}

CosmoSite *
cosmo_mission_lookup_site (CosmoMission *self,
                           const char   *id)
{
  guint n;

  g_return_val_if_fail (COSMO_IS_MISSION (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sites));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CosmoSite) site = g_list_model_get_item (G_LIST_MODEL (self->sites), i);

      if (g_strcmp0 (cosmo_site_get_id (site), id) == 0)
        return site;  /* the store keeps it alive */
    }

  return NULL;
}

CosmoSite *
cosmo_mission_get_primary_site (CosmoMission *self)
{
  CosmoSite *first_pad = NULL;
  guint n;

  g_return_val_if_fail (COSMO_IS_MISSION (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sites));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CosmoSite) site = g_list_model_get_item (G_LIST_MODEL (self->sites), i);

      if (cosmo_site_get_primary (site))
        return site;
      if (first_pad == NULL && cosmo_site_get_kind (site) == COSMO_SITE_KIND_PAD)
        first_pad = site;
    }

  return first_pad;
}

void
cosmo_mission_set_trajectory (CosmoMission    *self,
                              CosmoTrajectory *trajectory)
{
  g_return_if_fail (COSMO_IS_MISSION (self));
  if (g_set_object (&self->trajectory, trajectory))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAJECTORY]);
}

void
cosmo_mission_add_debris (CosmoMission    *self,
                          CosmoTrajectory *trajectory)
{
  g_return_if_fail (COSMO_IS_MISSION (self));
  g_list_store_append (self->debris, trajectory);
}

void
cosmo_mission_add_channel (CosmoMission *self,
                           CosmoChannel *channel)
{
  g_return_if_fail (COSMO_IS_MISSION (self));
  g_list_store_append (self->channels, channel);
}

CosmoChannel *
cosmo_mission_lookup_channel (CosmoMission *self,
                              const char   *id)
{
  guint n;

  g_return_val_if_fail (COSMO_IS_MISSION (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->channels));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CosmoChannel) channel = g_list_model_get_item (G_LIST_MODEL (self->channels), i);

      if (g_strcmp0 (cosmo_channel_get_id (channel), id) == 0)
        return channel;
    }

  return NULL;
}

void
cosmo_mission_add_zone (CosmoMission *self,
                        CosmoZone    *zone)
{
  g_return_if_fail (COSMO_IS_MISSION (self));
  g_list_store_append (self->zones, zone);
}

void
cosmo_mission_add_source (CosmoMission *self,
                          const char   *title,
                          const char   *url)
{
  g_return_if_fail (COSMO_IS_MISSION (self));
  g_ptr_array_add (self->sources, g_strdup (title ? title : url));
  g_ptr_array_add (self->sources, g_strdup (url));
}

guint
cosmo_mission_get_n_sources (CosmoMission *self)
{
  g_return_val_if_fail (COSMO_IS_MISSION (self), 0);
  return self->sources->len / 2;
}

void
cosmo_mission_get_source (CosmoMission *self,
                          guint         i,
                          const char  **title,
                          const char  **url)
{
  g_return_if_fail (COSMO_IS_MISSION (self));
  g_return_if_fail (i < self->sources->len / 2);

  if (title) *title = g_ptr_array_index (self->sources, 2 * i);
  if (url) *url = g_ptr_array_index (self->sources, 2 * i + 1);
}

GPtrArray *
cosmo_mission_get_chapters (CosmoMission *self)
{
  GPtrArray *chapters = g_ptr_array_new ();
  guint n;
  gboolean seen[COSMO_N_EVENT_CATEGORIES] = { FALSE, };

  g_return_val_if_fail (COSMO_IS_MISSION (self), chapters);

  n = cosmo_event_list_get_count (self->events);
  for (guint i = 0; i < n; i++)
    {
      CosmoEvent *event = cosmo_event_list_get_event (self->events, i);

      if (cosmo_event_get_chapter (event))
        g_ptr_array_add (chapters, event);
    }

  if (chapters->len > 0)
    return chapters;

  for (guint i = 0; i < n; i++)
    {
      CosmoEvent *event = cosmo_event_list_get_event (self->events, i);
      CosmoEventCategory category = cosmo_event_get_category (event);
      gboolean key = cosmo_event_get_severity (event) >= COSMO_SEVERITY_WARNING;

      if (category != COSMO_EVENT_CATEGORY_NOTE && !seen[category])
        key = TRUE;
      seen[category] = TRUE;
      if (key)
        g_ptr_array_add (chapters, event);
    }

  return chapters;
}

void
cosmo_mission_get_time_bounds (CosmoMission *self,
                               double       *start,
                               double       *end)
{
  double lo = 0, hi = 0;
  guint n;

  g_return_if_fail (COSMO_IS_MISSION (self));

  cosmo_event_list_get_bounds (self->events, &lo, &hi);
  lo = MIN (lo, 0);
  hi = MAX (hi, 0);

  if (self->trajectory != NULL && cosmo_trajectory_get_n_samples (self->trajectory) > 0)
    {
      lo = MIN (lo, cosmo_trajectory_get_start_time (self->trajectory));
      hi = MAX (hi, cosmo_trajectory_get_end_time (self->trajectory));
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->channels));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CosmoChannel) channel = g_list_model_get_item (G_LIST_MODEL (self->channels), i);

      if (cosmo_channel_get_n_samples (channel) == 0)
        continue;
      lo = MIN (lo, cosmo_channel_get_start_time (channel));
      hi = MAX (hi, cosmo_channel_get_end_time (channel));
    }

  if (start) *start = lo;
  if (end) *end = hi;
}
