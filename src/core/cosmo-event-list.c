/* cosmo-event-list.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "cosmo-event-list.h"

struct _CosmoEventList
{
  GObject parent_instance;

  /* Sorted with cosmo_event_compare(). Small enough (thousands) that a
   * sorted array with binary search beats anything cleverer. */
  GPtrArray *events;
  /* Longest range; bounds how far back a range query must look. */
  double max_duration;
};

static GType
cosmo_event_list_get_item_type (GListModel *model)
{
  return COSMO_TYPE_EVENT;
}

static guint
cosmo_event_list_get_n_items (GListModel *model)
{
  return COSMO_EVENT_LIST (model)->events->len;
}

static gpointer
cosmo_event_list_get_item (GListModel *model,
                           guint       position)
{
  CosmoEventList *self = COSMO_EVENT_LIST (model);

  if (position >= self->events->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->events, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cosmo_event_list_get_item_type;
  iface->get_n_items = cosmo_event_list_get_n_items;
  iface->get_item = cosmo_event_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (CosmoEventList, cosmo_event_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void on_event_time_changed (CosmoEventList *self, GParamSpec *pspec, CosmoEvent *event);

static void
disconnect_event (gpointer data,
                  gpointer user_data)
{
  g_signal_handlers_disconnect_by_func (data, on_event_time_changed, user_data);
}

static void
cosmo_event_list_finalize (GObject *object)
{
  CosmoEventList *self = (CosmoEventList *) object;

  g_ptr_array_foreach (self->events, disconnect_event, self);
  g_clear_pointer (&self->events, g_ptr_array_unref);

  G_OBJECT_CLASS (cosmo_event_list_parent_class)->finalize (object);
}

static void
cosmo_event_list_class_init (CosmoEventListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cosmo_event_list_finalize;
}

static void
cosmo_event_list_init (CosmoEventList *self)
{
  self->events = g_ptr_array_new_with_free_func (g_object_unref);
}

CosmoEventList *
cosmo_event_list_new (void)
{
  return g_object_new (COSMO_TYPE_EVENT_LIST, NULL);
}

static double
event_duration (CosmoEvent *event)
{
  return cosmo_event_is_range (event) ? cosmo_event_get_end_time (event) - cosmo_event_get_time (event) : 0;
}

static void
update_max_duration (CosmoEventList *self)
{
  self->max_duration = 0;
  for (guint i = 0; i < self->events->len; i++)
    self->max_duration = MAX (self->max_duration, event_duration (g_ptr_array_index (self->events, i)));
}

static guint
insertion_point (CosmoEventList *self,
                 CosmoEvent     *event)
{
  guint lo = 0, hi = self->events->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (cosmo_event_compare (g_ptr_array_index (self->events, mid), event) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
on_event_time_changed (CosmoEventList *self,
                       GParamSpec     *pspec,
                       CosmoEvent     *event)
{
  guint old_pos, new_pos;

  g_assert (COSMO_IS_EVENT_LIST (self));

  if (!g_ptr_array_find (self->events, event, &old_pos))
    return;

  g_ptr_array_steal_index (self->events, old_pos);
  new_pos = insertion_point (self, event);
  g_ptr_array_insert (self->events, new_pos, event);
  update_max_duration (self);

  if (old_pos == new_pos)
    g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 1);
  else
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), new_pos, 0, 1);
    }
}

void
cosmo_event_list_add (CosmoEventList *self,
                      CosmoEvent     *event)
{
  guint pos;

  g_return_if_fail (COSMO_IS_EVENT_LIST (self));
  g_return_if_fail (COSMO_IS_EVENT (event));

  pos = insertion_point (self, event);
  g_ptr_array_insert (self->events, pos, g_object_ref (event));
  self->max_duration = MAX (self->max_duration, event_duration (event));
  g_signal_connect_swapped (event, "notify::time", G_CALLBACK (on_event_time_changed), self);
  g_signal_connect_swapped (event, "notify::end-time", G_CALLBACK (on_event_time_changed), self);
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 0, 1);
}

gboolean
cosmo_event_list_remove (CosmoEventList *self,
                         CosmoEvent     *event)
{
  guint pos;

  g_return_val_if_fail (COSMO_IS_EVENT_LIST (self), FALSE);

  if (!g_ptr_array_find (self->events, event, &pos))
    return FALSE;

  g_signal_handlers_disconnect_by_func (event, on_event_time_changed, self);
  g_ptr_array_remove_index (self->events, pos);
  update_max_duration (self);
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 0);
  return TRUE;
}

guint
cosmo_event_list_get_count (CosmoEventList *self)
{
  g_return_val_if_fail (COSMO_IS_EVENT_LIST (self), 0);
  return self->events->len;
}

CosmoEvent *
cosmo_event_list_get_event (CosmoEventList *self,
                            guint           position)
{
  g_return_val_if_fail (COSMO_IS_EVENT_LIST (self), NULL);
  if (position >= self->events->len)
    return NULL;
  return g_ptr_array_index (self->events, position);
}

CosmoEvent *
cosmo_event_list_lookup (CosmoEventList *self,
                         const char     *id)
{
  g_return_val_if_fail (COSMO_IS_EVENT_LIST (self), NULL);

  for (guint i = 0; i < self->events->len; i++)
    {
      CosmoEvent *event = g_ptr_array_index (self->events, i);

      if (g_strcmp0 (cosmo_event_get_id (event), id) == 0)
        return event;
    }

  return NULL;
}

gboolean
cosmo_event_list_find (CosmoEventList *self,
                       CosmoEvent     *event,
                       guint          *position)
{
  g_return_val_if_fail (COSMO_IS_EVENT_LIST (self), FALSE);
  return g_ptr_array_find (self->events, event, position);
}

guint
cosmo_event_list_lower_bound (CosmoEventList *self,
                              double          t)
{
  guint lo = 0, hi;

  g_return_val_if_fail (COSMO_IS_EVENT_LIST (self), 0);

  hi = self->events->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (cosmo_event_get_time (g_ptr_array_index (self->events, mid)) < t)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* First position whose time is > t. */
static guint
upper_bound (CosmoEventList *self,
             double          t)
{
  guint lo = 0, hi = self->events->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (cosmo_event_get_time (g_ptr_array_index (self->events, mid)) <= t)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

CosmoEvent *
cosmo_event_list_get_current (CosmoEventList *self,
                              double          t)
{
  guint pos;

  g_return_val_if_fail (COSMO_IS_EVENT_LIST (self), NULL);

  pos = upper_bound (self, t);
  return pos > 0 ? g_ptr_array_index (self->events, pos - 1) : NULL;
}

CosmoEvent *
cosmo_event_list_get_next (CosmoEventList *self,
                           double          t)
{
  guint pos;

  g_return_val_if_fail (COSMO_IS_EVENT_LIST (self), NULL);

  pos = upper_bound (self, t);
  return pos < self->events->len ? g_ptr_array_index (self->events, pos) : NULL;
}

CosmoEvent *
cosmo_event_list_get_previous (CosmoEventList *self,
                               double          t)
{
  guint pos;

  g_return_val_if_fail (COSMO_IS_EVENT_LIST (self), NULL);

  pos = cosmo_event_list_lower_bound (self, t);
  return pos > 0 ? g_ptr_array_index (self->events, pos - 1) : NULL;
}

GPtrArray *
cosmo_event_list_query_range (CosmoEventList *self,
                              double          start,
                              double          end)
{
  GPtrArray *result;
  guint first, last;

  g_return_val_if_fail (COSMO_IS_EVENT_LIST (self), NULL);

  result = g_ptr_array_new ();
  if (end < start)
    return result;

  first = cosmo_event_list_lower_bound (self, start - self->max_duration);
  last = upper_bound (self, end);

  for (guint i = first; i < last; i++)
    {
      CosmoEvent *event = g_ptr_array_index (self->events, i);
      double t0 = cosmo_event_get_time (event);
      double t1 = cosmo_event_is_range (event) ? cosmo_event_get_end_time (event) : t0;

      if (t1 >= start && t0 <= end)
        g_ptr_array_add (result, event);
    }

  return result;
}

gboolean
cosmo_event_list_get_bounds (CosmoEventList *self,
                             double         *start,
                             double         *end)
{
  double lo = INFINITY, hi = -INFINITY;

  g_return_val_if_fail (COSMO_IS_EVENT_LIST (self), FALSE);

  if (self->events->len == 0)
    return FALSE;

  for (guint i = 0; i < self->events->len; i++)
    {
      CosmoEvent *event = g_ptr_array_index (self->events, i);
      double t0 = cosmo_event_get_time (event);
      double t1 = cosmo_event_is_range (event) ? cosmo_event_get_end_time (event) : t0;

      lo = MIN (lo, t0);
      hi = MAX (hi, t1);
    }

  if (start) *start = lo;
  if (end) *end = hi;
  return TRUE;
}
