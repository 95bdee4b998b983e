/* cosmo-map-view.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cosmo-map-view.h"

struct _CosmoMapView
{
  GtkWidget parent_instance;

  CosmoSession *session;
};

G_DEFINE_FINAL_TYPE (CosmoMapView, cosmo_map_view, GTK_TYPE_WIDGET)

static void
cosmo_map_view_dispose (GObject *object)
{
  CosmoMapView *self = (CosmoMapView *) object;

  g_clear_object (&self->session);

  G_OBJECT_CLASS (cosmo_map_view_parent_class)->dispose (object);
}

static void
cosmo_map_view_class_init (CosmoMapViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cosmo_map_view_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
cosmo_map_view_init (CosmoMapView *self)
{
}

GtkWidget *
cosmo_map_view_new (void)
{
  return g_object_new (COSMO_TYPE_MAP_VIEW, NULL);
}

CosmoSession *
cosmo_map_view_get_session (CosmoMapView *self)
{
  g_return_val_if_fail (COSMO_IS_MAP_VIEW (self), NULL);
  return self->session;
}

void
cosmo_map_view_set_session (CosmoMapView *self,
                           CosmoSession *session)
{
  g_return_if_fail (COSMO_IS_MAP_VIEW (self));
  g_set_object (&self->session, session);
}

gboolean
cosmo_map_view_get_ready (CosmoMapView *self)
{
  g_return_val_if_fail (COSMO_IS_MAP_VIEW (self), TRUE);
  return TRUE;
}
