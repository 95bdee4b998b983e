/* cosmo-chart-stack.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cosmo-chart-stack.h"

struct _CosmoChartStack
{
  GtkWidget parent_instance;

  CosmoSession *session;
};

G_DEFINE_FINAL_TYPE (CosmoChartStack, cosmo_chart_stack, GTK_TYPE_WIDGET)

static void
cosmo_chart_stack_dispose (GObject *object)
{
  CosmoChartStack *self = (CosmoChartStack *) object;

  g_clear_object (&self->session);

  G_OBJECT_CLASS (cosmo_chart_stack_parent_class)->dispose (object);
}

static void
cosmo_chart_stack_class_init (CosmoChartStackClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cosmo_chart_stack_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
cosmo_chart_stack_init (CosmoChartStack *self)
{
}

GtkWidget *
cosmo_chart_stack_new (void)
{
  return g_object_new (COSMO_TYPE_CHART_STACK, NULL);
}

CosmoSession *
cosmo_chart_stack_get_session (CosmoChartStack *self)
{
  g_return_val_if_fail (COSMO_IS_CHART_STACK (self), NULL);
  return self->session;
}

void
cosmo_chart_stack_set_session (CosmoChartStack *self,
                              CosmoSession *session)
{
  g_return_if_fail (COSMO_IS_CHART_STACK (self));
  g_set_object (&self->session, session);
}
