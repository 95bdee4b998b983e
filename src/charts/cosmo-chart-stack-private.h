/* cosmo-chart-stack-private.h: what a chart view asks of its stack
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cosmo-chart-renderer.h"
#include "cosmo-chart-stack.h"

G_BEGIN_DECLS

/* The spec every chart of the stack shares: range, events, time display. */
void   _cosmo_chart_stack_fill_spec      (CosmoChartStack *self,
                                          CosmoChartSpec  *spec);
void   _cosmo_chart_stack_get_style      (CosmoChartStack *self,
                                          CosmoChartStyle *style);
/* 1, or the presentation scale when the session presents. */
double _cosmo_chart_stack_get_scale      (CosmoChartStack *self);
double _cosmo_chart_stack_get_hover_time (CosmoChartStack *self);
void   _cosmo_chart_stack_set_hover_time (CosmoChartStack *self,
                                          double           t);
/* Back to the channels' full extent and automatic value ranges. */
void   _cosmo_chart_stack_reset_zoom     (CosmoChartStack *self);

G_END_DECLS
