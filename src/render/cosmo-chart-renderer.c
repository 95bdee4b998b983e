/* cosmo-chart-renderer.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cosmo-chart-renderer.h"
#include "cosmo-event.h"
#include "cosmo-palette.h"
#include "cosmo-pyramid.h"

#define MAX_EVENT_LABEL_ROWS 2
#define MAX_EVENT_LABELS 64

static CosmoChartColor
rgb (guint32 hex,
     double  alpha)
{
  return (CosmoChartColor) { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                             (hex & 0xff) / 255.0, alpha };
}

static void
set_color (cairo_t         *cr,
           CosmoChartColor  c)
{
  cairo_set_source_rgba (cr, c.red, c.green, c.blue, c.alpha);
}

void
cosmo_chart_style_init (CosmoChartStyle *style,
                        CosmoChartTheme  theme,
                        double           scale)
{
  memset (style, 0, sizeof *style);
  style->theme = theme;
  style->scale = scale > 0 ? scale : 1.0;
  style->antialias = TRUE;
  style->font_size = 12.0;
  style->line_width = 1.5;
  g_strlcpy (style->font_family, "Cantarell, Sans", sizeof style->font_family);

  switch (theme)
    {
    case COSMO_CHART_THEME_DARK:
      style->background = rgb (0x242424, 1);
      style->plot_background = rgb (0x1e1e1e, 1);
      style->grid = rgb (0xffffff, 0.09);
      style->axis = rgb (0xffffff, 0.40);
      style->text = rgb (0xffffff, 0.92);
      style->dim_text = rgb (0xffffff, 0.62);
      style->cursor = rgb (0xff7b63, 1);
      style->badge = rgb (0xf8e45c, 1);
      break;

    case COSMO_CHART_THEME_HIGH_CONTRAST:
      style->background = rgb (0xffffff, 1);
      style->plot_background = rgb (0xffffff, 1);
      style->grid = rgb (0x000000, 0.28);
      style->axis = rgb (0x000000, 1);
      style->text = rgb (0x000000, 1);
      style->dim_text = rgb (0x000000, 1);
      style->cursor = rgb (0xc01c28, 1);
      style->badge = rgb (0x7a4a00, 1);
      style->line_width = 2.0;
      break;

    case COSMO_CHART_THEME_LIGHT:
    default:
      style->background = rgb (0xfafafa, 1);
      style->plot_background = rgb (0xffffff, 1);
      style->grid = rgb (0x000000, 0.08);
      style->axis = rgb (0x000000, 0.40);
      style->text = rgb (0x000000, 0.85);
      style->dim_text = rgb (0x000000, 0.58);
      style->cursor = rgb (0xe01b24, 1);
      style->badge = rgb (0x9c6e03, 1);
      break;
    }
}

CosmoChartColor
cosmo_chart_style_channel_color (const CosmoChartStyle *style,
                                 guint                  index)
{
  /* The GNOME palette: the 3 shades read on white, the 1-2 shades on
   * dark backgrounds. */
  static const guint32 light[] = { 0x1c71d8, 0xc64600, 0x26a269, 0x813d9c, 0xc01c28, 0x986a44, 0x1a5fb4, 0xa51d2d };
  static const guint32 dark[] = { 0x62a0ea, 0xffa348, 0x57e389, 0xdc8add, 0xf66151, 0xcdab8f, 0x99c1f1, 0xf8e45c };
  const guint32 *palette = style->theme == COSMO_CHART_THEME_DARK ? dark : light;

  return rgb (palette[index % G_N_ELEMENTS (light)], 1);
}

CosmoChartColor
cosmo_chart_style_event_color (const CosmoChartStyle *style,
                               CosmoEventCategory     category)
{
  gboolean dark = style->theme == COSMO_CHART_THEME_DARK;
  CosmoChartColor color;

  /* The high-contrast theme has a white ground, so the light colours. */
  cosmo_palette_category_color (category, dark ? COSMO_PALETTE_DARK : COSMO_PALETTE_LIGHT,
                                &color.red, &color.green, &color.blue);
  /* A little transparency keeps event lines behind the traces; schedule
   * and note lines are not physical events, so they stay quieter. */
  switch (category)
    {
    case COSMO_EVENT_CATEGORY_PAD:
      color.alpha = 0.9;
      break;
    case COSMO_EVENT_CATEGORY_SCHEDULE:
    case COSMO_EVENT_CATEGORY_NOTE:
      color.alpha = dark ? 0.5 : 0.45;
      break;
    case COSMO_EVENT_CATEGORY_FLIGHT:
    case COSMO_EVENT_CATEGORY_STATEMENT:
    case COSMO_EVENT_CATEGORY_RECOVERY:
    default:
      color.alpha = 0.85;
      break;
    }
  return color;
}

void
cosmo_chart_spec_init (CosmoChartSpec *spec)
{
  memset (spec, 0, sizeof *spec);
  spec->t_start = -60;
  spec->t_end = 600;
  spec->event_mask = COSMO_CHART_ALL_EVENTS;
  spec->event_labels = TRUE;
  spec->time_labels = TRUE;
  spec->pixel_scale = 1.0;
}

/* ---- ticks ------------------------------------------------------------ */

double
cosmo_chart_choose_value_step (double range,
                               double pixels,
                               double min_spacing)
{
  double raw, mag;

  if (!(range > 0) || !(pixels > 0) || !isfinite (range))
    return 1.0;
  raw = range * MAX (min_spacing, 1.0) / pixels;
  mag = pow (10.0, floor (log10 (raw)));
  for (guint i = 0; i < 4; i++)
    {
      static const double m[] = { 1, 2, 5, 10 };
      /* A relative slack so 0.3 / 0.1 rounding does not skip a step. */
      if (m[i] * mag >= raw * (1 - 1e-9))
        return m[i] * mag;
    }
  return 10 * mag;
}

double
cosmo_chart_choose_time_step (double span,
                              double pixels,
                              double min_spacing)
{
  static const double ladder[] = {
    1, 2, 5, 10, 15, 30,
    60, 120, 300, 600, 900, 1800,
    3600, 2 * 3600, 3 * 3600, 6 * 3600, 12 * 3600,
    86400, 2 * 86400, 7 * 86400, 14 * 86400, 30 * 86400, 60 * 86400, 90 * 86400, 180 * 86400,
    365 * 86400,
  };
  double raw;

  if (!(span > 0) || !(pixels > 0) || !isfinite (span))
    return 1.0;
  raw = span * MAX (min_spacing, 1.0) / pixels;
  if (raw < 1)
    return cosmo_chart_choose_value_step (span, pixels, min_spacing);
  for (guint i = 0; i < G_N_ELEMENTS (ladder); i++)
    if (ladder[i] >= raw * (1 - 1e-9))
      return ladder[i];
  return 365 * 86400 * cosmo_chart_choose_value_step (raw / (365 * 86400), 1, 1);
}

static int
decimals_for_step (double step)
{
  if (!(step > 0) || step >= 1)
    return 0;
  return MIN (6, (int) ceil (-log10 (step) - 1e-9));
}

char *
cosmo_chart_format_value (double v,
                          double step)
{
  double a = fabs (v);

  if (a < step * 1e-6)
    return g_strdup ("0");

  if (step >= 1e6 || (step >= 1e5 && a >= 1e6))
    return g_strdup_printf ("%.*f M", decimals_for_step (step / 1e6), v / 1e6);
  if (step >= 1e3 || (step >= 100 && a >= 1e4))
    return g_strdup_printf ("%.*f k", decimals_for_step (step / 1e3), v / 1e3);
  return g_strdup_printf ("%.*f", decimals_for_step (step), v);
}

char *
cosmo_chart_format_time_tick (double           t,
                              double           step,
                              CosmoTimeDisplay display,
                              GDateTime       *t0,
                              GTimeZone       *site_zone)
{
  if (fabs (t) < step * 1e-6)
    t = 0;

  if (display != COSMO_TIME_DISPLAY_MISSION && t0 != NULL)
    {
      g_autoptr(GDateTime) utc = cosmo_time_to_datetime (t0, t);
      g_autoptr(GTimeZone) zone = display == COSMO_TIME_DISPLAY_SITE && site_zone
                                  ? g_time_zone_ref (site_zone) : g_time_zone_new_utc ();
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

      if (step >= 86400)
        return g_date_time_format (local, "%b %e");
      if (step >= 60)
        return g_date_time_format (local, "%H:%M");
      if (step >= 1)
        return g_date_time_format (local, "%H:%M:%S");
      {
        g_autofree char *hm = g_date_time_format (local, "%H:%M:");
        double seconds = g_date_time_get_seconds (local);
        int dec = decimals_for_step (step);
        return g_strdup_printf ("%s%0*.*f", hm, dec + 3, dec, seconds);
      }
    }

  {
    const char *sign = t < 0 ? "T-" : "T+";
    double a = fabs (t);

    if (t == 0)
      return g_strdup ("T0");
    if (step >= 86400)
      /* TRANSLATORS: a time axis label in days, "T+3 d" */
      return g_strdup_printf (_("%s%.0f d"), sign, a / 86400);
    if (step >= 3600)
      {
        int days = (int) floor (a / 86400 + 1e-9);
        int hours = (int) llround ((a - days * 86400.0) / 3600);
        if (days > 0)
          /* TRANSLATORS: a time axis label in days and hours, "T+2 d 06 h" */
          return g_strdup_printf (_("%s%d d %02d h"), sign, days, hours);
        /* TRANSLATORS: a time axis label in hours, "T+6 h" */
        return g_strdup_printf (_("%s%d h"), sign, hours);
      }
    if (step >= 60 && a < 3600)
      /* TRANSLATORS: a time axis label in minutes, "T+12 min" */
      return g_strdup_printf (_("%s%.0f min"), sign, a / 60);
    if (step < 60 && a < 1000)
      /* TRANSLATORS: a time axis label in seconds, "T+72 s" */
      return g_strdup_printf (_("%s%.*f s"), sign, decimals_for_step (step), a);
    return cosmo_time_format_mission (t, (guint) MIN (3, decimals_for_step (step)));
  }
}

/* ---- text ------------------------------------------------------------- */

static PangoLayout *
create_layout (cairo_t               *cr,
               const CosmoChartStyle *style,
               double                 size_factor,
               gboolean               bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (style->font_family);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_font_description_set_absolute_size (desc, style->font_size * style->scale * size_factor * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  /* Tabular figures keep tick labels from jittering while panning. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_font_description_free (desc);

  /* Text metrics must not follow the target's font options blindly:
   * hinting off keeps export and screen alike. */
  {
    cairo_font_options_t *options = cairo_font_options_create ();
    cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias (options, style->antialias ? CAIRO_ANTIALIAS_GRAY : CAIRO_ANTIALIAS_NONE);
    pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
    pango_layout_context_changed (layout);
    cairo_font_options_destroy (options);
  }
  return layout;
}

static void
text_size (PangoLayout *layout,
           const char  *text,
           double      *w,
           double      *h)
{
  int pw, ph;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &pw, &ph);
  if (w) *w = pw;
  if (h) *h = ph;
}

/* Draw @text with its top-left at (x, y) shifted by the alignment
 * fractions (0 left/top, 0.5 centre, 1 right/bottom). */
static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       align_x,
           double       align_y)
{
  double w, h;

  text_size (layout, text, &w, &h);
  cairo_move_to (cr, round (x - w * align_x), round (y - h * align_y));
  pango_cairo_show_layout (cr, layout);
}

/* ---- layout ----------------------------------------------------------- */

static gsize
lower_bound (const double *times,
             gsize         n,
             double        t)
{
  gsize lo = 0, hi = n;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      if (times[mid] < t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Min and max of the channel's values over [t_start, t_end], one sample
 * beyond each end included so a line leaving the view stays in range. */
static gboolean
visible_value_range (CosmoChannel *channel,
                     double        t_start,
                     double        t_end,
                     double       *min,
                     double       *max)
{
  const CosmoPyramid *pyramid = cosmo_channel_get_pyramid (channel);
  const double *times = cosmo_channel_get_times (channel);
  gsize n = cosmo_channel_get_n_samples (channel);
  gsize a = lower_bound (times, n, t_start);
  gsize b = lower_bound (times, n, t_end);

  if (n == 0)
    return FALSE;
  a = a > 0 ? a - 1 : 0;
  b = MIN (b + 1, n);
  return cosmo_pyramid_range (pyramid, a, b, min, max, NULL);
}

static double
header_height (const CosmoChartStyle *style)
{
  return ceil (style->font_size * style->scale * 1.6);
}

static double
default_left_margin (const CosmoChartStyle *style)
{
  return ceil (style->font_size * style->scale * 5.2);
}

void
cosmo_chart_layout (const CosmoChartSpec  *spec,
                    const CosmoChartStyle *style,
                    double                 width,
                    double                 height,
                    CosmoChartLayout      *layout)
{
  double fs = style->font_size * style->scale;
  double ps = spec->pixel_scale > 0 ? spec->pixel_scale : 1.0;
  double left = spec->left_margin > 0 ? spec->left_margin : default_left_margin (style);
  double right = ceil (14 * style->scale);
  /* The channel names sit inside the plot's top strip, so a stack of
   * short charts spends its height on data. */
  double top = ceil (fs * 0.35);
  double bottom = spec->time_labels ? ceil (fs * 1.9) : ceil (fs * 0.35);
  double header = header_height (style);

  memset (layout, 0, sizeof *layout);
  layout->width = width;
  layout->height = height;
  layout->pixel_scale = ps;
  /* The plot's corners sit on device pixels so columns are whole pixels. */
  layout->x = round (left * ps) / ps;
  layout->y = round (top * ps) / ps;
  layout->w = MAX (1.0, round ((width - left - right) * ps) / ps);
  layout->h = MAX (1.0, round ((height - top - bottom) * ps) / ps);
  layout->t_start = spec->t_start;
  layout->t_end = spec->t_end > spec->t_start ? spec->t_end : spec->t_start + 1;

  if (spec->fixed_values && spec->v_max > spec->v_min)
    {
      layout->v_min = spec->v_min;
      layout->v_max = spec->v_max;
      return;
    }

  {
    double mn = INFINITY, mx = -INFINITY;

    for (guint i = 0; i < spec->n_channels; i++)
      {
        double a, b;
        if (visible_value_range (spec->channels[i], layout->t_start, layout->t_end, &a, &b) ||
            cosmo_channel_get_value_range (spec->channels[i], &a, &b))
          {
            mn = MIN (mn, a);
            mx = MAX (mx, b);
          }
      }
    if (!(mn <= mx))
      mn = 0, mx = 1;
    /* A span below a ten-millionth of the values is float noise (labels
     * would need eight significant digits): show such a trace as flat. */
    if (mx - mn < 1e-7 * MAX (fabs (mn), fabs (mx)) || mx - mn < 1e-12)
      {
        double pad = MAX (fabs (mx) * 0.05, 1.0);
        mn -= pad;
        mx += pad;
      }
    else
      {
        double pad = (mx - mn) * 0.06;
        /* Keep zero as the floor of an all-positive trace that starts
         * near it, the way people read altitude and speed. */
        mn = (mn >= 0 && mn - pad < 0) ? 0 : mn - pad;
        mx += pad;
      }
    /* Room above the data for the names in the top strip. */
    if (layout->h > header * 2)
      mx += (mx - mn) * header / (layout->h - header);
    layout->v_min = mn;
    layout->v_max = mx;
  }
}

double
cosmo_chart_layout_time_to_x (const CosmoChartLayout *l,
                              double                  t)
{
  return l->x + (t - l->t_start) * l->w / (l->t_end - l->t_start);
}

double
cosmo_chart_layout_x_to_time (const CosmoChartLayout *l,
                              double                  x)
{
  return l->t_start + (x - l->x) * (l->t_end - l->t_start) / l->w;
}

double
cosmo_chart_layout_value_to_y (const CosmoChartLayout *l,
                               double                  v)
{
  return l->y + l->h - (v - l->v_min) * l->h / (l->v_max - l->v_min);
}

double
cosmo_chart_layout_y_to_value (const CosmoChartLayout *l,
                               double                  y)
{
  return l->v_min + (l->y + l->h - y) * (l->v_max - l->v_min) / l->h;
}

/* ---- traces ----------------------------------------------------------- */

typedef struct
{
  cairo_t *cr;
  double x0, x1;                /* clip band, device columns */
  double ox, ps;
  gboolean have_prev, prev_drawn;
  double px, py;
} Clipper;

static inline double
clamp_y (double y)
{
  /* cairo's fixed point holds ±8 M; a value zoomed far out of view must
   * not overflow it. */
  return CLAMP (y, -1e6, 1e6);
}

/* Lines through far-away neighbours (sparse data zoomed in) are cut to a
 * band just outside the plot, in device columns, identically for the full
 * and the decimated trace. */
static void
clip_point (Clipper *c,
            double   x,
            double   y,
            gboolean move)
{
  y = clamp_y (y);

  if (move || !c->have_prev)
    {
      c->have_prev = TRUE;
      c->px = x;
      c->py = y;
      c->prev_drawn = FALSE;
      if (x >= c->x0 && x <= c->x1)
        {
          cairo_move_to (c->cr, c->ox + x / c->ps, y);
          c->prev_drawn = TRUE;
        }
      return;
    }

  {
    double ax = c->px, ay = c->py, bx = x, by = y;
    gboolean a_in = ax >= c->x0 && ax <= c->x1;
    gboolean b_in = bx >= c->x0 && bx <= c->x1;

    c->px = x;
    c->py = y;

    if (a_in && b_in)
      {
        if (!c->prev_drawn)
          cairo_move_to (c->cr, c->ox + ax / c->ps, ay);
        cairo_line_to (c->cr, c->ox + bx / c->ps, by);
        c->prev_drawn = TRUE;
        return;
      }
    if ((ax < c->x0 && bx < c->x0) || (ax > c->x1 && bx > c->x1) || ax == bx)
      {
        c->prev_drawn = FALSE;
        return;
      }
    {
      double lo = MAX (MIN (ax, bx), c->x0), hi = MIN (MAX (ax, bx), c->x1);
      double sa = ax < bx ? lo : hi, sb = ax < bx ? hi : lo;
      double ya = ay + (by - ay) * (sa - ax) / (bx - ax);
      double yb = ay + (by - ay) * (sb - ax) / (bx - ax);

      if (a_in)
        sa = ax, ya = ay;
      if (b_in)
        sb = bx, yb = by;
      if (!(a_in && c->prev_drawn))
        cairo_move_to (c->cr, c->ox + sa / c->ps, ya);
      cairo_line_to (c->cr, c->ox + sb / c->ps, yb);
      c->prev_drawn = b_in;
    }
  }
}

/* Dense traces (decimated, several samples per pixel column) are mostly
 * vertical runs inside each column. Stroking them with antialiasing costs
 * cairo tens of milliseconds at 10 M samples; writing each segment's
 * vertical extent per column into an A8 mask, antialiased at the ends,
 * costs about one. Vector targets (PDF, SVG) and antialiasing off (the
 * pixel-exact mode) keep the stroke. */
static gboolean
use_span_mask (cairo_t                *cr,
               const CosmoChartStyle  *style,
               guint                   n_points,
               int                     n_columns)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));

  if (!style->antialias || n_points < (guint) n_columns * 2)
    return FALSE;
  return type == CAIRO_SURFACE_TYPE_IMAGE || type == CAIRO_SURFACE_TYPE_RECORDING ||
         type == CAIRO_SURFACE_TYPE_XLIB || type == CAIRO_SURFACE_TYPE_XCB;
}

static inline void
span_column (guchar *mask,
             int     stride,
             int     rows,
             int     column,
             double  y0,
             double  y1,
             double  weight)
{
  int r0, r1;

  if (y1 < 0 || y0 > rows)
    return;
  y0 = MAX (y0, 0);
  y1 = MIN (y1, rows);
  r0 = (int) floor (y0);
  r1 = MIN ((int) ceil (y1), rows);
  for (int r = r0; r < r1; r++)
    {
      double cover = (MIN (y1, r + 1.0) - MAX (y0, (double) r)) * weight;
      guchar value = (guchar) CLAMP (cover * 255 + 0.5, 0, 255);
      guchar *px = mask + (gsize) r * stride + column;
      if (value > *px)
        *px = value;
    }
}

static void
draw_trace_spans (cairo_t                *cr,
                  const CosmoChartLayout *layout,
                  const CosmoChartStyle  *style,
                  GArray                 *points,
                  int                     n_columns,
                  gboolean                dashed,
                  CosmoChartColor         color)
{
  double ps = layout->pixel_scale > 0 ? layout->pixel_scale : 1.0;
  int rows = (int) llround (layout->h * ps);
  cairo_surface_t *mask = cairo_image_surface_create (CAIRO_FORMAT_A8, n_columns, rows);
  guchar *data = cairo_image_surface_get_data (mask);
  int stride = cairo_image_surface_get_stride (mask);
  double half = style->line_width * style->scale * ps / 2;
  double side = CLAMP (half - 0.5, 0, 1);   /* coverage of the neighbour columns */
  double on = 7 * style->scale * ps, period = 11 * style->scale * ps;
  const CosmoTracePoint *prev = NULL;

  cairo_surface_flush (mask);
  for (guint i = 0; i < points->len; i++)
    {
      const CosmoTracePoint *p = &g_array_index (points, CosmoTracePoint, i);

      if (!p->move && prev != NULL)
        {
          double ax = prev->x, bx = p->x;
          double ay = (prev->y - layout->y) * ps, by = (p->y - layout->y) * ps;
          int c0, c1;

          if (ax > bx)
            {
              double t = ax; ax = bx; bx = t;
              t = ay; ay = by; by = t;
            }
          c0 = (int) floor (ax);
          c1 = (int) floor (bx);
          if (c1 >= 0 && c0 < n_columns)
            for (int c = MAX (c0, 0); c <= MIN (c1, n_columns - 1); c++)
              {
                /* The part of the segment inside this column. */
                double xa = MAX (ax, c), xb = MIN (bx, c + 1.0);
                double ya = bx > ax ? ay + (by - ay) * (xa - ax) / (bx - ax) : ay;
                double yb = bx > ax ? ay + (by - ay) * (xb - ax) / (bx - ax) : by;
                double lo = MIN (ya, yb) - half, hi = MAX (ya, yb) + half;

                if (dashed && fmod (c, period) >= on)
                  continue;
                span_column (data, stride, rows, c, lo, hi, 1.0);
                if (side > 0 && c > 0)
                  span_column (data, stride, rows, c - 1, lo, hi, side);
                if (side > 0 && c + 1 < n_columns)
                  span_column (data, stride, rows, c + 1, lo, hi, side);
              }
        }
      prev = p;
    }
  cairo_surface_mark_dirty (mask);
  cairo_surface_set_device_scale (mask, ps, ps);

  cairo_save (cr);
  set_color (cr, color);
  cairo_mask_surface (cr, mask, layout->x, layout->y);
  cairo_restore (cr);
  cairo_surface_destroy (mask);
}

void
cosmo_chart_draw_trace (cairo_t                *cr,
                        const CosmoChartLayout *layout,
                        const CosmoChartStyle  *style,
                        CosmoChannel           *channel,
                        CosmoChartColor         color,
                        gboolean                decimate)
{
  double ps = layout->pixel_scale > 0 ? layout->pixel_scale : 1.0;
  int n_columns = (int) llround (layout->w * ps);
  g_autoptr(GArray) points = g_array_sized_new (FALSE, FALSE, sizeof (CosmoTracePoint), 4 * n_columns + 16);
  Clipper clipper = { cr, -16, n_columns + 16, layout->x, ps, FALSE, FALSE, 0, 0 };
  CosmoTraceTransform transform = { layout->v_min, layout->h / (layout->v_max - layout->v_min),
                                     layout->y + layout->h, !style->antialias };

  cosmo_trace_build (cosmo_channel_get_times (channel), cosmo_channel_get_values (channel),
                     cosmo_channel_get_n_samples (channel),
                     decimate ? cosmo_channel_get_pyramid (channel) : NULL,
                     layout->t_start, layout->t_end, n_columns, &transform, points);
  if (points->len == 0)
    return;

  if (use_span_mask (cr, style, points->len, n_columns))
    {
      draw_trace_spans (cr, layout, style, points, n_columns,
                        cosmo_channel_get_provenance (channel) == COSMO_PROVENANCE_SIMULATED, color);
      return;
    }

  cairo_save (cr);
  cairo_rectangle (cr, layout->x, layout->y, layout->w, layout->h);
  cairo_clip (cr);
  cairo_new_path (cr);
  cairo_set_antialias (cr, style->antialias ? CAIRO_ANTIALIAS_DEFAULT : CAIRO_ANTIALIAS_NONE);
  cairo_set_line_width (cr, style->line_width * style->scale);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  if (cosmo_channel_get_provenance (channel) == COSMO_PROVENANCE_SIMULATED)
    {
      /* Dashed: this trace is a model, not a measurement. */
      double dashes[] = { 7 * style->scale, 4 * style->scale };
      cairo_set_dash (cr, dashes, 2, 0);
    }
  set_color (cr, color);

  for (guint i = 0; i < points->len; i++)
    {
      const CosmoTracePoint *p = &g_array_index (points, CosmoTracePoint, i);
      clip_point (&clipper, p->x, p->y, p->move);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* ---- the chart -------------------------------------------------------- */

static double
time_offset (const CosmoChartSpec *spec)
{
  /* Absolute ticks fall on round wall-clock times: measure from the
   * displayed zone's midnight before T0. */
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (spec->time_display == COSMO_TIME_DISPLAY_MISSION || spec->t0 == NULL)
    return 0;
  zone = spec->time_display == COSMO_TIME_DISPLAY_SITE && spec->site_zone
         ? g_time_zone_ref (spec->site_zone) : g_time_zone_new_utc ();
  local = g_date_time_to_timezone (spec->t0, zone);
  return g_date_time_get_hour (local) * 3600.0 + g_date_time_get_minute (local) * 60.0 +
         g_date_time_get_seconds (local);
}

static const char *
provenance_badge (CosmoProvenance provenance)
{
  switch (provenance)
    {
    case COSMO_PROVENANCE_SIMULATED:
      /* TRANSLATORS: a badge on a chart whose data come from a model */
      return _("SIMULATED — illustrative");
    case COSMO_PROVENANCE_RECONSTRUCTED:
      /* TRANSLATORS: a badge on a chart whose data were rebuilt from sparse public figures */
      return _("RECONSTRUCTED");
    case COSMO_PROVENANCE_MEASURED:
    default:
      return NULL;
    }
}

typedef struct
{
  CosmoEvent *event;
  int priority;
} LabelCandidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const LabelCandidate *ca = a, *cb = b;

  if (ca->priority != cb->priority)
    return cb->priority - ca->priority;
  return cosmo_event_compare (ca->event, cb->event);
}

static void
draw_events (cairo_t               *cr,
             const CosmoChartSpec  *spec,
             const CosmoChartStyle *style,
             const CosmoChartLayout *l)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GArray) candidates = NULL;
  double fs = style->font_size * style->scale;
  /* Label extents already placed, per row: pairs of x0, x1. */
  GArray *placed[MAX_EVENT_LABEL_ROWS] = { NULL, };
  PangoLayout *layout;

  if (spec->events == NULL || spec->event_mask == 0)
    return;
  events = cosmo_event_list_query_range (spec->events, l->t_start, l->t_end);
  if (events->len == 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, l->x, l->y, l->w, l->h);
  cairo_clip (cr);

  candidates = g_array_new (FALSE, FALSE, sizeof (LabelCandidate));
  for (guint i = 0; i < events->len; i++)
    {
      CosmoEvent *event = g_ptr_array_index (events, i);
      CosmoEventCategory category = cosmo_event_get_category (event);
      CosmoChartColor color = cosmo_chart_style_event_color (style, category);
      double x = cosmo_chart_layout_time_to_x (l, cosmo_event_get_time (event));

      if (!(spec->event_mask & (1u << category)))
        continue;

      if (cosmo_event_is_range (event))
        {
          double x1 = cosmo_chart_layout_time_to_x (l, cosmo_event_get_end_time (event));
          double a = MAX (x, l->x - 1), b = MIN (x1, l->x + l->w + 1);
          if (b > a)
            {
              cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.07);
              cairo_rectangle (cr, a, l->y, b - a, l->h);
              cairo_fill (cr);
            }
        }

      if (x >= l->x && x <= l->x + l->w)
        {
          double crisp = (floor (x * l->pixel_scale) + 0.5) / l->pixel_scale;

          set_color (cr, color);
          cairo_set_line_width (cr, MAX (1.0, style->scale) / l->pixel_scale);
          if (category == COSMO_EVENT_CATEGORY_STATEMENT || category == COSMO_EVENT_CATEGORY_NOTE ||
              category == COSMO_EVENT_CATEGORY_SCHEDULE)
            {
              double dashes[] = { 2 * style->scale, 3 * style->scale };
              cairo_set_dash (cr, dashes, 2, 0);
            }
          else
            cairo_set_dash (cr, NULL, 0, 0);
          cairo_move_to (cr, crisp, l->y);
          cairo_line_to (cr, crisp, l->y + l->h);
          cairo_stroke (cr);

          if (spec->event_labels)
            {
              LabelCandidate c = { event, 0 };
              c.priority = (cosmo_event_get_chapter (event) ? 8 : 0) + (int) cosmo_event_get_severity (event) * 2 +
                           (category == COSMO_EVENT_CATEGORY_FLIGHT || category == COSMO_EVENT_CATEGORY_PAD ? 1 : 0);
              g_array_append_val (candidates, c);
            }
        }
    }
  cairo_set_dash (cr, NULL, 0, 0);

  if (candidates->len == 0)
    {
      cairo_restore (cr);
      return;
    }

  /* Labels go to the most important events first; one that would overlap
   * a placed label in every row is left out (its line stays). */
  g_array_sort (candidates, compare_candidates);
  for (guint r = 0; r < MAX_EVENT_LABEL_ROWS; r++)
    placed[r] = g_array_new (FALSE, FALSE, sizeof (double));
  layout = create_layout (cr, style, 0.85, FALSE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, (int) (fs * 14 * PANGO_SCALE));

  for (guint i = 0; i < MIN (candidates->len, (guint) MAX_EVENT_LABELS); i++)
    {
      CosmoEvent *event = g_array_index (candidates, LabelCandidate, i).event;
      double x = cosmo_chart_layout_time_to_x (l, cosmo_event_get_time (event));
      double w, h, pad = 3 * style->scale, x0, x1;
      CosmoChartColor color = cosmo_chart_style_event_color (style, cosmo_event_get_category (event));

      text_size (layout, cosmo_event_get_title (event), &w, &h);
      x0 = x + pad;
      /* Flip to the left of the line near the right edge. */
      if (x0 + w + 2 * pad > l->x + l->w)
        x0 = x - pad - w - 2 * pad;
      x1 = x0 + w + 2 * pad;
      if (x0 < l->x)
        continue;

      for (guint r = 0; r < MAX_EVENT_LABEL_ROWS; r++)
        {
          gboolean free_slot = TRUE;
          double y = l->y + header_height (style) + 2 * style->scale + r * (h + 3 * style->scale);

          if (y + h > l->y + l->h * 0.75)
            break;
          for (guint k = 0; k < placed[r]->len; k += 2)
            if (x0 < g_array_index (placed[r], double, k + 1) + 4 * style->scale &&
                x1 > g_array_index (placed[r], double, k) - 4 * style->scale)
              free_slot = FALSE;
          if (!free_slot)
            continue;

          g_array_append_val (placed[r], x0);
          g_array_append_val (placed[r], x1);
          cairo_set_source_rgba (cr, style->plot_background.red, style->plot_background.green,
                                 style->plot_background.blue, 0.85);
          cairo_rectangle (cr, x0, y, x1 - x0, h);
          cairo_fill (cr);
          set_color (cr, color);
          cairo_rectangle (cr, x0, y, MAX (1.0, 2 * style->scale) / l->pixel_scale * 1.5, h);
          cairo_fill (cr);
          set_color (cr, style->text);
          cairo_move_to (cr, round (x0 + pad + style->scale), round (y));
          pango_layout_set_text (layout, cosmo_event_get_title (event), -1);
          pango_cairo_show_layout (cr, layout);
          break;
        }
    }

  g_object_unref (layout);
  for (guint r = 0; r < MAX_EVENT_LABEL_ROWS; r++)
    g_array_unref (placed[r]);
  cairo_restore (cr);
}

static void
draw_time_axis (cairo_t               *cr,
                const CosmoChartSpec  *spec,
                const CosmoChartStyle *style,
                const CosmoChartLayout *l,
                PangoLayout           *text)
{
  double span = l->t_end - l->t_start;
  double fs = style->font_size * style->scale;
  double step = cosmo_chart_choose_time_step (span, l->w, fs * 6);
  double offset = time_offset (spec);
  double first;

  /* Widen the spacing if the real labels are longer than guessed. */
  if (spec->time_labels)
    {
      g_autofree char *a = cosmo_chart_format_time_tick (l->t_start, step, spec->time_display, spec->t0, spec->site_zone);
      g_autofree char *b = cosmo_chart_format_time_tick (l->t_end, step, spec->time_display, spec->t0, spec->site_zone);
      double wa, wb;

      text_size (text, a, &wa, NULL);
      text_size (text, b, &wb, NULL);
      if (MAX (wa, wb) + 2 * fs > fs * 6)
        step = cosmo_chart_choose_time_step (span, l->w, MAX (wa, wb) + 2 * fs);
    }

  first = ceil ((l->t_start + offset) / step - 1e-9) * step - offset;
  cairo_set_line_width (cr, 1.0 / l->pixel_scale);
  for (guint i = 0; i < 200; i++)
    {
      double t = first + i * step;
      double x;

      if (t > l->t_end + step * 1e-9)
        break;
      x = (floor (cosmo_chart_layout_time_to_x (l, t) * l->pixel_scale) + 0.5) / l->pixel_scale;
      set_color (cr, style->grid);
      cairo_move_to (cr, x, l->y);
      cairo_line_to (cr, x, l->y + l->h);
      cairo_stroke (cr);

      if (spec->time_labels)
        {
          g_autofree char *label = cosmo_chart_format_time_tick (t, step, spec->time_display, spec->t0, spec->site_zone);
          double w;

          set_color (cr, style->axis);
          cairo_move_to (cr, x, l->y + l->h);
          cairo_line_to (cr, x, l->y + l->h + 4 * style->scale);
          cairo_stroke (cr);

          text_size (text, label, &w, NULL);
          /* Keep the outermost labels inside the chart. */
          set_color (cr, style->dim_text);
          draw_text (cr, text, label, CLAMP (x, l->x + w / 2 - fs * 2, l->width - w / 2 - 1),
                     l->y + l->h + 5 * style->scale, 0.5, 0);
        }
    }

  if (spec->time_labels && spec->time_display != COSMO_TIME_DISPLAY_MISSION && spec->t0 != NULL)
    {
      g_autoptr(GDateTime) at = cosmo_time_to_datetime (spec->t0, l->t_start);
      g_autofree char *zone = cosmo_time_zone_label (spec->time_display == COSMO_TIME_DISPLAY_SITE ? spec->site_zone : NULL, at);

      set_color (cr, style->dim_text);
      draw_text (cr, text, zone, l->x - 6 * style->scale, l->y + l->h + 5 * style->scale, 1, 0);
    }
}

static void
draw_value_axis (cairo_t               *cr,
                 const CosmoChartStyle *style,
                 const CosmoChartLayout *l,
                 PangoLayout           *text)
{
  double fs = style->font_size * style->scale;
  double step = cosmo_chart_choose_value_step (l->v_max - l->v_min, l->h, fs * 1.9);
  double first = ceil (l->v_min / step - 1e-9) * step;

  cairo_set_line_width (cr, 1.0 / l->pixel_scale);
  for (guint i = 0; i < 100; i++)
    {
      double v = first + i * step;
      double y;
      g_autofree char *label = NULL;

      if (v > l->v_max + step * 1e-9)
        break;
      y = (floor (cosmo_chart_layout_value_to_y (l, v) * l->pixel_scale) + 0.5) / l->pixel_scale;
      set_color (cr, style->grid);
      cairo_move_to (cr, l->x, y);
      cairo_line_to (cr, l->x + l->w, y);
      cairo_stroke (cr);

      label = cosmo_chart_format_value (v, step);
      set_color (cr, style->dim_text);
      draw_text (cr, text, label, l->x - 6 * style->scale,
                 CLAMP (y, l->y + fs * 0.6, l->y + l->h), 1, 0.5);
    }
}

static void
draw_header (cairo_t               *cr,
             const CosmoChartSpec  *spec,
             const CosmoChartStyle *style,
             const CosmoChartLayout *l)
{
  PangoLayout *bold = create_layout (cr, style, 1.0, TRUE);
  PangoLayout *small = create_layout (cr, style, 0.85, TRUE);
  double fs = style->font_size * style->scale;
  double x = l->x + fs * 0.5;
  double baseline_y = l->y + header_height (style) - fs * 0.2;
  CosmoProvenance worst = COSMO_PROVENANCE_MEASURED;
  const char *badge;

  for (guint i = 0; i < spec->n_channels; i++)
    {
      CosmoChannel *channel = spec->channels[i];
      CosmoChartColor color = cosmo_chart_style_channel_color (style, spec->color_index + i);
      const char *unit = cosmo_channel_get_unit (channel);
      g_autofree char *label = unit && *unit
        ? g_strdup_printf ("%s (%s)", cosmo_channel_get_name (channel), unit)
        : g_strdup (cosmo_channel_get_name (channel));
      double w, h, sw = fs * 1.1;

      worst = MAX (worst, cosmo_channel_get_provenance (channel));
      text_size (bold, label, &w, &h);

      set_color (cr, color);
      cairo_set_line_width (cr, MAX (2.0, style->line_width * style->scale));
      if (cosmo_channel_get_provenance (channel) == COSMO_PROVENANCE_SIMULATED)
        {
          double dashes[] = { 4 * style->scale, 2.5 * style->scale };
          cairo_set_dash (cr, dashes, 2, 0);
        }
      cairo_move_to (cr, x, round (baseline_y - h / 2));
      cairo_line_to (cr, x + sw, round (baseline_y - h / 2));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      /* A veil under the name keeps it readable over grid and events. */
      cairo_set_source_rgba (cr, style->plot_background.red, style->plot_background.green,
                             style->plot_background.blue, 0.8);
      cairo_rectangle (cr, x + sw + fs * 0.2, baseline_y - h, w + fs * 0.4, h);
      cairo_fill (cr);
      set_color (cr, style->text);
      draw_text (cr, bold, label, x + sw + fs * 0.4, baseline_y, 0, 1);
      x += sw + fs * 0.4 + w + fs * 1.2;
    }

  /* The least certain provenance on the chart, in its corner, so nobody
   * mistakes a model for a measurement. */
  badge = provenance_badge (worst);
  if (badge != NULL)
    {
      double w, h, pad = 4 * style->scale;
      double bx, by;

      text_size (small, badge, &w, &h);
      bx = l->x + l->w - w - 2 * pad - fs * 0.3;
      by = l->y + (header_height (style) - h - pad) / 2;
      if (bx > x - fs * 0.6)
        {
          cairo_set_source_rgba (cr, style->badge.red, style->badge.green, style->badge.blue, 0.16);
          cairo_rectangle (cr, bx, by, w + 2 * pad, h + pad);
          cairo_fill (cr);
          set_color (cr, style->badge);
          cairo_set_line_width (cr, 1.0);
          cairo_rectangle (cr, bx + 0.5, by + 0.5, w + 2 * pad - 1, h + pad - 1);
          cairo_stroke (cr);
          cairo_move_to (cr, round (bx + pad), round (by + pad * 0.5));
          pango_cairo_show_layout (cr, small);
        }
    }

  g_object_unref (bold);
  g_object_unref (small);
}

void
cosmo_chart_render (cairo_t               *cr,
                    const CosmoChartSpec  *spec,
                    const CosmoChartStyle *style,
                    double                 width,
                    double                 height,
                    CosmoChartLayout      *out_layout)
{
  CosmoChartLayout l;
  PangoLayout *text;

  cosmo_chart_layout (spec, style, width, height, &l);
  if (out_layout)
    *out_layout = l;

  cairo_save (cr);
  if (style->background.alpha > 0)
    {
      set_color (cr, style->background);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }
  set_color (cr, style->plot_background);
  cairo_rectangle (cr, l.x, l.y, l.w, l.h);
  cairo_fill (cr);

  text = create_layout (cr, style, 0.92, FALSE);
  draw_value_axis (cr, style, &l, text);
  draw_time_axis (cr, spec, style, &l, text);
  g_object_unref (text);

  draw_events (cr, spec, style, &l);

  for (guint i = 0; i < spec->n_channels; i++)
    cosmo_chart_draw_trace (cr, &l, style, spec->channels[i],
                            cosmo_chart_style_channel_color (style, spec->color_index + i), TRUE);

  /* The frame: the value axis and the baseline. */
  set_color (cr, style->axis);
  cairo_set_line_width (cr, 1.0 / l.pixel_scale);
  cairo_move_to (cr, l.x - 0.5 / l.pixel_scale, l.y);
  cairo_line_to (cr, l.x - 0.5 / l.pixel_scale, l.y + l.h + 0.5 / l.pixel_scale);
  cairo_line_to (cr, l.x + l.w, l.y + l.h + 0.5 / l.pixel_scale);
  cairo_stroke (cr);

  draw_header (cr, spec, style, &l);

  /* Show "no data here" rather than an empty frame. */
  {
    gboolean any = FALSE;
    for (guint i = 0; i < spec->n_channels && !any; i++)
      {
        CosmoChannel *c = spec->channels[i];
        any = cosmo_channel_get_n_samples (c) > 0 &&
              cosmo_channel_get_start_time (c) <= l.t_end && cosmo_channel_get_end_time (c) >= l.t_start;
      }
    if (!any && spec->n_channels > 0)
      {
        PangoLayout *note = create_layout (cr, style, 1.0, FALSE);
        set_color (cr, style->dim_text);
        draw_text (cr, note, _("No data in this time range"), l.x + l.w / 2, l.y + l.h / 2, 0.5, 0.5);
        g_object_unref (note);
      }
  }

  cairo_restore (cr);
}

void
cosmo_chart_render_cursor (cairo_t                *cr,
                           const CosmoChartSpec   *spec,
                           const CosmoChartStyle  *style,
                           const CosmoChartLayout *l,
                           double                  t)
{
  double x = cosmo_chart_layout_time_to_x (l, t);

  if (!isfinite (t) || x < l->x - 1 || x > l->x + l->w + 1)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, l->x - 6 * style->scale, l->y, l->w + 12 * style->scale, l->h);
  cairo_clip (cr);
  set_color (cr, style->cursor);
  cairo_set_line_width (cr, 1.5 * style->scale);
  cairo_move_to (cr, x, l->y);
  cairo_line_to (cr, x, l->y + l->h);
  cairo_stroke (cr);

  for (guint i = 0; i < spec->n_channels; i++)
    {
      double v = cosmo_channel_get_value_at (spec->channels[i], t);
      double y;

      if (!isfinite (v))
        continue;
      y = cosmo_chart_layout_value_to_y (l, v);
      if (y < l->y || y > l->y + l->h)
        continue;
      cairo_arc (cr, x, y, 3.5 * style->scale, 0, 2 * G_PI);
      set_color (cr, style->plot_background);
      cairo_fill_preserve (cr);
      set_color (cr, cosmo_chart_style_channel_color (style, spec->color_index + i));
      cairo_set_line_width (cr, 2 * style->scale);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
cosmo_chart_render_stack (cairo_t               *cr,
                          const CosmoChartSpec  *spec,
                          const CosmoChartStyle *style,
                          double                 width,
                          double                 height,
                          double                 cursor_time)
{
  double fs = style->font_size * style->scale;
  double extra = ceil (fs * 1.9) - ceil (fs * 0.5);
  guint n = spec->n_channels;
  double each, y = 0;

  if (n == 0)
    {
      PangoLayout *note = create_layout (cr, style, 1.0, FALSE);

      if (style->background.alpha > 0)
        {
          set_color (cr, style->background);
          cairo_paint (cr);
        }
      set_color (cr, style->dim_text);
      draw_text (cr, note, _("No channels to chart"), width / 2, height / 2, 0.5, 0.5);
      g_object_unref (note);
      return;
    }

  each = floor ((height - extra) / n);
  for (guint i = 0; i < n; i++)
    {
      CosmoChartSpec one = *spec;
      CosmoChartLayout layout;
      double h = i + 1 == n ? height - y : each;

      one.channels = &spec->channels[i];
      one.n_channels = 1;
      one.color_index = spec->color_index + i;
      one.event_labels = spec->event_labels && i == 0;
      one.time_labels = i + 1 == n;

      cairo_save (cr);
      cairo_translate (cr, 0, y);
      cairo_rectangle (cr, 0, 0, width, h);
      cairo_clip (cr);
      cosmo_chart_render (cr, &one, style, width, h, &layout);
      if (isfinite (cursor_time))
        cosmo_chart_render_cursor (cr, &one, style, &layout, cursor_time);
      cairo_restore (cr);
      y += h;
    }
}

gboolean
cosmo_chart_export (const char            *path,
                    const CosmoChartSpec  *spec,
                    const CosmoChartStyle *style,
                    int                    width,
                    int                    height,
                    double                 cursor_time,
                    GError               **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  enum { PNG, SVG, PDF } kind;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_str_has_suffix (lower, ".png"))
    kind = PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    kind = SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    kind = PDF;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s: expected a file name ending in .png, .svg or .pdf"), path);
      return FALSE;
    }
  if (width < 64 || height < 64 || width > 16384 || height > 16384)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("expected a size from 64x64 to 16384x16384, found %dx%d"), width, height);
      return FALSE;
    }

  switch (kind)
    {
    case SVG:
      surface = cairo_svg_surface_create (path, width, height);
      /* Pixels, so an SVG of "1920x1080" is 1920 by 1080 user units. */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case PDF:
      surface = cairo_pdf_surface_create (path, width, height);
      break;
    case PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      break;
    }

  cr = cairo_create (surface);
  cosmo_chart_render_stack (cr, spec, style, width, height, cursor_time);
  cairo_destroy (cr);

  if (kind == PNG)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static int
key_rank (CosmoChannel *channel)
{
  static const char *const keys[][3] = {
    { "alt", "height", NULL },
    { "speed", "velocity", NULL },
    { "dynamic", "q_", "pressure" },
    { "accel", "g_load", "load" },
  };
  g_autofree char *id = g_ascii_strdown (cosmo_channel_get_id (channel), -1);
  g_autofree char *name = g_ascii_strdown (cosmo_channel_get_name (channel), -1);

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    for (guint j = 0; j < 3 && keys[k][j]; j++)
      if (strstr (id, keys[k][j]) || strstr (name, keys[k][j]) || (k == 2 && g_strcmp0 (id, "q") == 0))
        return (int) k;
  return -1;
}

GPtrArray *
cosmo_chart_default_channels (CosmoMission *mission)
{
  GPtrArray *out = g_ptr_array_new ();
  GListModel *channels;
  guint n, pads = 0;
  CosmoChannel *keyed[4] = { NULL, };

  g_return_val_if_fail (COSMO_IS_MISSION (mission), out);
  channels = cosmo_mission_get_channels (mission);
  n = g_list_model_get_n_items (channels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CosmoChannel) c = g_list_model_get_item (channels, i);
      int rank;

      if (g_strcmp0 (cosmo_channel_get_group (c), "pad") == 0)
        continue;
      rank = key_rank (c);
      if (rank >= 0 && keyed[rank] == NULL)
        keyed[rank] = c;
    }
  for (guint k = 0; k < G_N_ELEMENTS (keyed); k++)
    if (keyed[k] != NULL)
      g_ptr_array_add (out, keyed[k]);

  /* No recognisable names: the first vehicle channels. */
  for (guint i = 0; i < n && out->len < 4; i++)
    {
      g_autoptr(CosmoChannel) c = g_list_model_get_item (channels, i);

      if (g_strcmp0 (cosmo_channel_get_group (c), "pad") != 0 && !g_ptr_array_find (out, c, NULL))
        g_ptr_array_add (out, c);
    }
  for (guint i = 0; i < n && pads < 2; i++)
    {
      g_autoptr(CosmoChannel) c = g_list_model_get_item (channels, i);

      if (g_strcmp0 (cosmo_channel_get_group (c), "pad") == 0)
        {
          g_ptr_array_add (out, c);
          pads++;
        }
    }
  return out;
}

gboolean
cosmo_chart_channels_extent (CosmoChannel **channels,
                             guint          n_channels,
                             double        *start,
                             double        *end)
{
  double a = INFINITY, b = -INFINITY;

  for (guint i = 0; i < n_channels; i++)
    if (cosmo_channel_get_n_samples (channels[i]) > 0)
      {
        a = MIN (a, cosmo_channel_get_start_time (channels[i]));
        b = MAX (b, cosmo_channel_get_end_time (channels[i]));
      }
  if (start) *start = a;
  if (end) *end = b;
  return a < b;
}
