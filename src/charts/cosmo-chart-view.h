/* cosmo-chart-view.h: one chart of the stack — a cached render node of
 * the traces, the cursor drawn on top, and the pointer gestures
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cosmo-channel.h"

G_BEGIN_DECLS

typedef struct _CosmoChartStack CosmoChartStack;

#define COSMO_TYPE_CHART_VIEW (cosmo_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (CosmoChartView, cosmo_chart_view, COSMO, CHART_VIEW, GtkWidget)

GtkWidget    *cosmo_chart_view_new          (CosmoChartStack *stack,
                                             CosmoChannel    *channel,
                                             guint            color_index);
CosmoChannel *cosmo_chart_view_get_channel  (CosmoChartView  *self);
/* The top chart labels events, the bottom one labels time. */
void          cosmo_chart_view_set_position (CosmoChartView  *self,
                                             gboolean         first,
                                             gboolean         last);
/* Drop the cached traces (range, size, data or style changed). */
void          cosmo_chart_view_invalidate   (CosmoChartView  *self);
/* Automatic value range again. */
void          cosmo_chart_view_reset_values (CosmoChartView  *self);
/* How many times the static traces were rendered (for tests). */
guint         cosmo_chart_view_get_n_renders (CosmoChartView *self);

G_END_DECLS
