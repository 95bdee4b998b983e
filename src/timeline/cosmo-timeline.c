/* cosmo-timeline.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cosmo-timeline.h"

struct _CosmoTimeline
{
  GtkWidget parent_instance;

  CosmoSession *session;
};

G_DEFINE_FINAL_TYPE (CosmoTimeline, cosmo_timeline, GTK_TYPE_WIDGET)

static void
cosmo_timeline_dispose (GObject *object)
{
  CosmoTimeline *self = (CosmoTimeline *) object;

  g_clear_object (&self->session);

  G_OBJECT_CLASS (cosmo_timeline_parent_class)->dispose (object);
}

static void
cosmo_timeline_class_init (CosmoTimelineClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cosmo_timeline_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
cosmo_timeline_init (CosmoTimeline *self)
{
}

GtkWidget *
cosmo_timeline_new (void)
{
  return g_object_new (COSMO_TYPE_TIMELINE, NULL);
}

CosmoSession *
cosmo_timeline_get_session (CosmoTimeline *self)
{
  g_return_val_if_fail (COSMO_IS_TIMELINE (self), NULL);
  return self->session;
}

void
cosmo_timeline_set_session (CosmoTimeline *self,
                           CosmoSession *session)
{
  g_return_if_fail (COSMO_IS_TIMELINE (self));
  g_set_object (&self->session, session);
}
