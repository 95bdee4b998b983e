/* cosmo-transport-bar.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cosmo-transport-bar.h"

struct _CosmoTransportBar
{
  GtkWidget parent_instance;

  CosmoSession *session;
};

G_DEFINE_FINAL_TYPE (CosmoTransportBar, cosmo_transport_bar, GTK_TYPE_WIDGET)

static void
cosmo_transport_bar_dispose (GObject *object)
{
  CosmoTransportBar *self = (CosmoTransportBar *) object;

  g_clear_object (&self->session);

  G_OBJECT_CLASS (cosmo_transport_bar_parent_class)->dispose (object);
}

static void
cosmo_transport_bar_class_init (CosmoTransportBarClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cosmo_transport_bar_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
cosmo_transport_bar_init (CosmoTransportBar *self)
{
}

GtkWidget *
cosmo_transport_bar_new (void)
{
  return g_object_new (COSMO_TYPE_TRANSPORT_BAR, NULL);
}

CosmoSession *
cosmo_transport_bar_get_session (CosmoTransportBar *self)
{
  g_return_val_if_fail (COSMO_IS_TRANSPORT_BAR (self), NULL);
  return self->session;
}

void
cosmo_transport_bar_set_session (CosmoTransportBar *self,
                                CosmoSession *session)
{
  g_return_if_fail (COSMO_IS_TRANSPORT_BAR (self));
  g_set_object (&self->session, session);
}
