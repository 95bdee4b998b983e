/* cosmo-event.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "cosmo-event.h"
#include "cosmo-util.h"

struct _CosmoEvent
{
  GObject parent_instance;

  char *id;
  char *title;
  char *description;
  char *site_id;
  char *source;
  char *source_url;
  double time;
  double end_time;
  double latitude;
  double longitude;
  CosmoEventCategory category;
  CosmoSeverity severity;
  CosmoConfidence confidence;
  guint has_location : 1;
  guint chapter : 1;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_TIME,
  PROP_END_TIME,
  PROP_CATEGORY,
  PROP_SEVERITY,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_HAS_LOCATION,
  PROP_LATITUDE,
  PROP_LONGITUDE,
  PROP_SITE_ID,
  PROP_SOURCE,
  PROP_SOURCE_URL,
  PROP_CONFIDENCE,
  PROP_CHAPTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CosmoEvent, cosmo_event, G_TYPE_OBJECT)

static void
cosmo_event_finalize (GObject *object)
{
  CosmoEvent *self = (CosmoEvent *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->site_id, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->source_url, g_free);

  G_OBJECT_CLASS (cosmo_event_parent_class)->finalize (object);
}

static void
cosmo_event_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CosmoEvent *self = COSMO_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_TIME: g_value_set_double (value, self->time); break;
    case PROP_END_TIME: g_value_set_double (value, self->end_time); break;
    case PROP_CATEGORY: g_value_set_enum (value, self->category); break;
    case PROP_SEVERITY: g_value_set_enum (value, self->severity); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_HAS_LOCATION: g_value_set_boolean (value, self->has_location); break;
    case PROP_LATITUDE: g_value_set_double (value, self->latitude); break;
    case PROP_LONGITUDE: g_value_set_double (value, self->longitude); break;
    case PROP_SITE_ID: g_value_set_string (value, self->site_id); break;
    case PROP_SOURCE: g_value_set_string (value, self->source); break;
    case PROP_SOURCE_URL: g_value_set_string (value, self->source_url); break;
    case PROP_CONFIDENCE: g_value_set_enum (value, self->confidence); break;
    case PROP_CHAPTER: g_value_set_boolean (value, self->chapter); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cosmo_event_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CosmoEvent *self = COSMO_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID: cosmo_set_str (&self->id, g_value_get_string (value)); break;
    case PROP_TIME: cosmo_event_set_time (self, g_value_get_double (value)); break;
    case PROP_END_TIME: cosmo_event_set_end_time (self, g_value_get_double (value)); break;
    case PROP_CATEGORY: cosmo_event_set_category (self, g_value_get_enum (value)); break;
    case PROP_SEVERITY: cosmo_event_set_severity (self, g_value_get_enum (value)); break;
    case PROP_TITLE: cosmo_event_set_title (self, g_value_get_string (value)); break;
    case PROP_DESCRIPTION: cosmo_event_set_description (self, g_value_get_string (value)); break;
    case PROP_SITE_ID: cosmo_event_set_site_id (self, g_value_get_string (value)); break;
    case PROP_SOURCE: cosmo_event_set_source (self, g_value_get_string (value)); break;
    case PROP_SOURCE_URL: cosmo_event_set_source_url (self, g_value_get_string (value)); break;
    case PROP_CONFIDENCE: cosmo_event_set_confidence (self, g_value_get_enum (value)); break;
    case PROP_CHAPTER: cosmo_event_set_chapter (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cosmo_event_class_init (CosmoEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cosmo_event_finalize;
  object_class->get_property = cosmo_event_get_property;
  object_class->set_property = cosmo_event_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME] = g_param_spec_double ("time", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_END_TIME] = g_param_spec_double ("end-time", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_CATEGORY] = g_param_spec_enum ("category", NULL, NULL, COSMO_TYPE_EVENT_CATEGORY,
                                                 COSMO_EVENT_CATEGORY_FLIGHT, rw);
  properties[PROP_SEVERITY] = g_param_spec_enum ("severity", NULL, NULL, COSMO_TYPE_SEVERITY,
                                                 COSMO_SEVERITY_INFO, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  properties[PROP_HAS_LOCATION] = g_param_spec_boolean ("has-location", NULL, NULL, FALSE, ro);
  properties[PROP_LATITUDE] = g_param_spec_double ("latitude", NULL, NULL, -90, 90, 0, ro);
  properties[PROP_LONGITUDE] = g_param_spec_double ("longitude", NULL, NULL, -180, 180, 0, ro);
  properties[PROP_SITE_ID] = g_param_spec_string ("site-id", NULL, NULL, NULL, rw);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, rw);
  properties[PROP_SOURCE_URL] = g_param_spec_string ("source-url", NULL, NULL, NULL, rw);
  properties[PROP_CONFIDENCE] = g_param_spec_enum ("confidence", NULL, NULL, COSMO_TYPE_CONFIDENCE,
                                                   COSMO_CONFIDENCE_CONFIRMED, rw);
  properties[PROP_CHAPTER] = g_param_spec_boolean ("chapter", NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cosmo_event_init (CosmoEvent *self)
{
  self->end_time = NAN;
}

CosmoEvent *
cosmo_event_new (const char         *id,
                 double              time,
                 CosmoEventCategory  category,
                 const char         *title)
{
  return g_object_new (COSMO_TYPE_EVENT,
                       "id", id,
                       "time", time,
                       "category", category,
                       "title", title,
                       NULL);
}

CosmoEvent *
cosmo_event_copy (CosmoEvent *self)
{
  CosmoEvent *copy;

  g_return_val_if_fail (COSMO_IS_EVENT (self), NULL);

  copy = cosmo_event_new (self->id, self->time, self->category, self->title);
  copy->end_time = self->end_time;
  copy->severity = self->severity;
  copy->description = g_strdup (self->description);
  copy->site_id = g_strdup (self->site_id);
  copy->source = g_strdup (self->source);
  copy->source_url = g_strdup (self->source_url);
  copy->confidence = self->confidence;
  copy->chapter = self->chapter;
  copy->has_location = self->has_location;
  copy->latitude = self->latitude;
  copy->longitude = self->longitude;

  return copy;
}

#define GETTER(type, name, field, fallback) \
  type cosmo_event_get_##name (CosmoEvent *self) \
  { g_return_val_if_fail (COSMO_IS_EVENT (self), fallback); return self->field; }

GETTER (const char *, id, id, NULL)
GETTER (double, time, time, NAN)
GETTER (double, end_time, end_time, NAN)
GETTER (CosmoEventCategory, category, category, 0)
GETTER (CosmoSeverity, severity, severity, 0)
GETTER (const char *, title, title, NULL)
GETTER (const char *, description, description, NULL)
GETTER (gboolean, has_location, has_location, FALSE)
GETTER (double, latitude, latitude, NAN)
GETTER (double, longitude, longitude, NAN)
GETTER (const char *, site_id, site_id, NULL)
GETTER (const char *, source, source, NULL)
GETTER (const char *, source_url, source_url, NULL)
GETTER (CosmoConfidence, confidence, confidence, 0)
GETTER (gboolean, chapter, chapter, FALSE)

#undef GETTER

gboolean
cosmo_event_is_range (CosmoEvent *self)
{
  g_return_val_if_fail (COSMO_IS_EVENT (self), FALSE);
  return isfinite (self->end_time) && self->end_time > self->time;
}

void
cosmo_event_set_time (CosmoEvent *self,
                      double      time)
{
  g_return_if_fail (COSMO_IS_EVENT (self));
  if (self->time == time)
    return;
  self->time = time;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
}

void
cosmo_event_set_end_time (CosmoEvent *self,
                          double      end_time)
{
  g_return_if_fail (COSMO_IS_EVENT (self));
  if (self->end_time == end_time || (isnan (self->end_time) && isnan (end_time)))
    return;
  self->end_time = end_time;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_TIME]);
}

void
cosmo_event_set_category (CosmoEvent         *self,
                          CosmoEventCategory  category)
{
  g_return_if_fail (COSMO_IS_EVENT (self));
  if (self->category == category)
    return;
  self->category = category;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

void
cosmo_event_set_severity (CosmoEvent    *self,
                          CosmoSeverity  severity)
{
  g_return_if_fail (COSMO_IS_EVENT (self));
  if (self->severity == severity)
    return;
  self->severity = severity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEVERITY]);
}

void
cosmo_event_set_confidence (CosmoEvent      *self,
                            CosmoConfidence  confidence)
{
  g_return_if_fail (COSMO_IS_EVENT (self));
  if (self->confidence == confidence)
    return;
  self->confidence = confidence;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIDENCE]);
}

void
cosmo_event_set_chapter (CosmoEvent *self,
                         gboolean    chapter)
{
  g_return_if_fail (COSMO_IS_EVENT (self));
  chapter = !!chapter;
  if (self->chapter == (guint) chapter)
    return;
  self->chapter = chapter;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHAPTER]);
}

#define STRING_SETTER(name, field, prop) \
  void cosmo_event_set_##name (CosmoEvent *self, const char *value) \
  { \
    g_return_if_fail (COSMO_IS_EVENT (self)); \
    if (cosmo_set_str (&self->field, value)) \
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
  }

STRING_SETTER (title, title, PROP_TITLE)
STRING_SETTER (description, description, PROP_DESCRIPTION)
STRING_SETTER (site_id, site_id, PROP_SITE_ID)
STRING_SETTER (source, source, PROP_SOURCE)
STRING_SETTER (source_url, source_url, PROP_SOURCE_URL)

#undef STRING_SETTER

void
cosmo_event_set_location (CosmoEvent *self,
                          double      latitude,
                          double      longitude)
{
  g_return_if_fail (COSMO_IS_EVENT (self));
  g_return_if_fail (latitude >= -90 && latitude <= 90);
  g_return_if_fail (longitude >= -180 && longitude <= 180);

  g_object_freeze_notify (G_OBJECT (self));
  self->latitude = latitude;
  self->longitude = longitude;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATITUDE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LONGITUDE]);
  if (!self->has_location)
    {
      self->has_location = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_LOCATION]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
cosmo_event_clear_location (CosmoEvent *self)
{
  g_return_if_fail (COSMO_IS_EVENT (self));
  if (!self->has_location)
    return;
  self->has_location = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_LOCATION]);
}

int
cosmo_event_compare (gconstpointer a,
                     gconstpointer b)
{
  CosmoEvent *ea = (CosmoEvent *) a;
  CosmoEvent *eb = (CosmoEvent *) b;
  double enda = isnan (ea->end_time) ? ea->time : ea->end_time;
  double endb = isnan (eb->end_time) ? eb->time : eb->end_time;

  if (ea->time < eb->time) return -1;
  if (ea->time > eb->time) return 1;
  if (enda < endb) return -1;
  if (enda > endb) return 1;
  return g_strcmp0 (ea->id, eb->id);
}
