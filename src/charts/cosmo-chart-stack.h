/* cosmo-chart-stack.h: The stack of sensor-trace charts
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cosmo-session.h"

G_BEGIN_DECLS

#define COSMO_TYPE_CHART_STACK (cosmo_chart_stack_get_type ())
G_DECLARE_FINAL_TYPE (CosmoChartStack, cosmo_chart_stack, COSMO, CHART_STACK, GtkWidget)

GtkWidget    *cosmo_chart_stack_new         (void);
CosmoSession *cosmo_chart_stack_get_session (CosmoChartStack *self);
void          cosmo_chart_stack_set_session (CosmoChartStack *self,
                                            CosmoSession *session);
/* The charted channels, top to bottom: a new array of borrowed channels. */
GPtrArray    *cosmo_chart_stack_get_channels (CosmoChartStack *self);
/* Writes the charts as shown (channels, range, cursor) to a PNG, SVG or
 * PDF chosen by @path's extension. */
gboolean      cosmo_chart_stack_export      (CosmoChartStack  *self,
                                             const char       *path,
                                             int               width,
                                             int               height,
                                             GError          **error);

G_END_DECLS
