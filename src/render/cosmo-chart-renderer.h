/* cosmo-chart-renderer.h: sensor-trace charts drawn with cairo alone, so
 * that the widget, the PNG/SVG/PDF export and the briefing share them.
 *
 * A chart is one or more channels on a shared time axis, with a value
 * axis (units, nice ticks), event lines, gaps drawn as gaps and each
 * channel's provenance on the chart. The replay cursor is drawn by its
 * own function so a moving clock never re-draws the traces.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "cosmo-channel.h"
#include "cosmo-event-list.h"
#include "cosmo-mission.h"
#include "cosmo-time.h"

G_BEGIN_DECLS

typedef enum {
  COSMO_CHART_THEME_LIGHT,
  COSMO_CHART_THEME_DARK,
  COSMO_CHART_THEME_HIGH_CONTRAST,
} CosmoChartTheme;

typedef struct
{
  double red, green, blue, alpha;
} CosmoChartColor;

typedef struct
{
  CosmoChartTheme theme;
  /* 1 on a desktop; 1.5 to 2 for projectors: fonts and lines grow. */
  double scale;
  gboolean antialias;
  double font_size;             /* px at scale 1 */
  double line_width;            /* trace width, px at scale 1 */
  char font_family[64];
  CosmoChartColor background;   /* alpha 0: leave the target as it is */
  CosmoChartColor plot_background;
  CosmoChartColor grid;
  CosmoChartColor axis;
  CosmoChartColor text;
  CosmoChartColor dim_text;
  CosmoChartColor cursor;
  CosmoChartColor badge;
} CosmoChartStyle;

void            cosmo_chart_style_init          (CosmoChartStyle    *style,
                                                 CosmoChartTheme     theme,
                                                 double              scale);
CosmoChartColor cosmo_chart_style_channel_color (const CosmoChartStyle *style,
                                                 guint               index);
CosmoChartColor cosmo_chart_style_event_color   (const CosmoChartStyle *style,
                                                 CosmoEventCategory  category);

#define COSMO_CHART_ALL_EVENTS ((1u << COSMO_N_EVENT_CATEGORIES) - 1)

typedef struct
{
  CosmoChannel **channels;      /* borrowed */
  guint n_channels;
  guint color_index;            /* the first channel's palette entry */
  double t_start, t_end;        /* visible time range */
  /* A fixed value range (box zoom); otherwise fitted to the visible data. */
  gboolean fixed_values;
  double v_min, v_max;
  CosmoEventList *events;       /* borrowed, may be NULL */
  guint event_mask;             /* 1 << CosmoEventCategory */
  gboolean event_labels;        /* the top chart of a stack labels events */
  gboolean time_labels;         /* the bottom chart of a stack labels time */
  CosmoTimeDisplay time_display;
  GDateTime *t0;                /* borrowed; needed for UTC and site time */
  GTimeZone *site_zone;         /* borrowed */
  /* Device pixels per user unit: decimation works in device pixels. */
  double pixel_scale;
  /* Left margin for value labels, 0 for the style's default; a stack uses
   * one value so that the time axes line up. */
  double left_margin;
} CosmoChartSpec;

void     cosmo_chart_spec_init (CosmoChartSpec *spec);

/* Where things landed; what the widget needs to map pointer <-> data. */
typedef struct
{
  double width, height;         /* the whole chart */
  double x, y, w, h;            /* the plot area */
  double t_start, t_end;
  double v_min, v_max;
  double pixel_scale;
} CosmoChartLayout;

void     cosmo_chart_layout        (const CosmoChartSpec  *spec,
                                    const CosmoChartStyle *style,
                                    double                 width,
                                    double                 height,
                                    CosmoChartLayout      *layout);
double   cosmo_chart_layout_time_to_x  (const CosmoChartLayout *layout,
                                        double                  t);
double   cosmo_chart_layout_x_to_time  (const CosmoChartLayout *layout,
                                        double                  x);
double   cosmo_chart_layout_value_to_y (const CosmoChartLayout *layout,
                                        double                  v);
double   cosmo_chart_layout_y_to_value (const CosmoChartLayout *layout,
                                        double                  y);

/* The static part: background, grid, axes, events, traces, badges.
 * @layout (optional) receives the geometry. */
void     cosmo_chart_render        (cairo_t               *cr,
                                    const CosmoChartSpec  *spec,
                                    const CosmoChartStyle *style,
                                    double                 width,
                                    double                 height,
                                    CosmoChartLayout      *layout);
/* The replay cursor at @t, with a dot on each trace. */
void     cosmo_chart_render_cursor (cairo_t               *cr,
                                    const CosmoChartSpec  *spec,
                                    const CosmoChartStyle *style,
                                    const CosmoChartLayout *layout,
                                    double                 t);
/* One trace into @layout's plot area. @decimate FALSE strokes every
 * sample: the reference the decimated trace matches pixel for pixel
 * with antialiasing off. */
void     cosmo_chart_draw_trace    (cairo_t               *cr,
                                    const CosmoChartLayout *layout,
                                    const CosmoChartStyle *style,
                                    CosmoChannel          *channel,
                                    CosmoChartColor        color,
                                    gboolean               decimate);

/* A stack of charts, one per channel, on one time axis: the export. */
void     cosmo_chart_render_stack  (cairo_t               *cr,
                                    const CosmoChartSpec  *spec,
                                    const CosmoChartStyle *style,
                                    double                 width,
                                    double                 height,
                                    double                 cursor_time);

/* Writes the stack to @path as PNG, SVG or PDF, chosen by the file name's
 * extension, @width x @height pixels (points for SVG and PDF). */
gboolean cosmo_chart_export        (const char            *path,
                                    const CosmoChartSpec  *spec,
                                    const CosmoChartStyle *style,
                                    int                    width,
                                    int                    height,
                                    double                 cursor_time,
                                    GError               **error);

/* The channels a first look should show: the key vehicle traces
 * (altitude, speed, dynamic pressure, acceleration; else the first four
 * vehicle channels) then up to two pad channels. A new array of borrowed
 * channels. */
GPtrArray *cosmo_chart_default_channels (CosmoMission *mission);
/* The time span covered by @channels; FALSE when they hold no samples. */
gboolean   cosmo_chart_channels_extent  (CosmoChannel **channels,
                                         guint          n_channels,
                                         double        *start,
                                         double        *end);

/* Tick choice. The time step comes from a ladder of round durations
 * (1-2-5 below a second, then 1, 2, 5, 10, 15, 30 s, 1, 2, 5, 10, 15,
 * 30 min, 1, 2, 3, 6, 12 h, 1, 2, 7, 14, 30 days...) and is the smallest
 * that leaves @min_spacing pixels between ticks. */
double   cosmo_chart_choose_time_step  (double  span,
                                        double  pixels,
                                        double  min_spacing);
/* The smallest 1-2-5 x 10^k step leaving @min_spacing pixels. */
double   cosmo_chart_choose_value_step (double  range,
                                        double  pixels,
                                        double  min_spacing);
/* Axis label for tick @t at @step in @display ("T+72 s", "09:29:10"). */
char    *cosmo_chart_format_time_tick  (double           t,
                                        double           step,
                                        CosmoTimeDisplay display,
                                        GDateTime       *t0,
                                        GTimeZone       *site_zone);
/* Value label for @v at @step ("1.5", "120 k"). */
char    *cosmo_chart_format_value      (double  v,
                                        double  step);

G_END_DECLS
