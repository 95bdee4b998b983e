/* cosmo-timeline.c
 *
 * The static part (grid, axis labels, range bars, markers and their titles)
 * is recorded once into a render node and reused until the size, the
 * visible range, the selection, the time display or the theme changes; a
 * replay frame only appends that node and draws the playhead on top.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "cosmo-palette.h"
#include "cosmo-time-axis.h"
#include "cosmo-timeline.h"

#define LABEL_ROW_HEIGHT 18
#define BAR_TOP 4.0
#define BAR_HEIGHT 5.0
#define BAR_PITCH 7.0       /* lane height with the gap */
#define BAR_LANES 3
#define MIN_LABEL_SPACING 96.0
#define PLAYHEAD_GRAB 8.0
#define DRAG_THRESHOLD 4.0

enum {
  DRAG_NONE,
  DRAG_PENDING,   /* pressed; a click unless it moves */
  DRAG_PAN,
  DRAG_SCRUB,     /* moving the playhead */
};

struct _CosmoTimeline
{
  GtkWidget parent_instance;

  CosmoSession *session;

  /* Layout of the visible events, valid for cache_width x cache_height. */
  gboolean layout_valid;
  int cache_width;
  int cache_height;
  GPtrArray *mark_events;     /* CosmoEvent, one per mark, sorted by time */
  GArray *clusters;           /* CosmoAxisCluster over mark_events */
  GPtrArray *bar_events;      /* range events */
  GArray *bar_lanes;          /* int lane of each, so overlapping bars stack */
  /* The static picture in two layers, so the playhead goes between them:
   * the grid and axis under it, the bars and markers over it. */
  GskRenderNode *back_node;
  GskRenderNode *front_node;

  /* Colours, looked up when the theme changes. */
  GdkRGBA fg;
  GdkRGBA accent;
  GdkRGBA background;
  gboolean dark;

  /* Lines, markers and rows: 1, or bigger for a room when the session
   * presents. Type follows the widget's font, which presentation mode's
   * style sheet enlarges by the same factor. */
  double scale;

  int drag_mode;
  double drag_x;
  double drag_y;
  double drag_start;          /* visible range when the gesture began */
  double drag_end;

  double zoom_start;
  double zoom_end;
  double zoom_center_x;

  gint64 a11y_second;
};

G_DEFINE_FINAL_TYPE (CosmoTimeline, cosmo_timeline, GTK_TYPE_WIDGET)

static const double severity_radius[] = { 5.0, 5.5, 7.0, 8.5 };

static void
category_color (CosmoTimeline      *self,
                CosmoEventCategory  category,
                GdkRGBA            *rgba)
{
  double r, g, b;

  cosmo_palette_category_color (category, self->dark ? COSMO_PALETTE_DARK : COSMO_PALETTE_LIGHT, &r, &g, &b);
  *rgba = (GdkRGBA) { r, g, b, 1 };
}

static double
event_radius (CosmoTimeline *self,
              CosmoEvent    *event)
{
  return self->scale *
         severity_radius[MIN ((guint) cosmo_event_get_severity (event), G_N_ELEMENTS (severity_radius) - 1)];
}

/* Geometry */

static double
axis_y (CosmoTimeline *self,
        int            height)
{
  return height - (LABEL_ROW_HEIGHT + 2) * self->scale;
}

static double
bar_top (CosmoTimeline *self,
         int            lane)
{
  return (BAR_TOP + lane * BAR_PITCH) * self->scale;
}

static double
marker_y (CosmoTimeline *self,
          int            height)
{
  double top = bar_top (self, BAR_LANES);

  return top + (axis_y (self, height) - top) / 2;
}

double
cosmo_timeline_time_to_x (CosmoTimeline *self,
                          double         t)
{
  double start, end;

  g_return_val_if_fail (COSMO_IS_TIMELINE (self), 0);

  if (self->session == NULL)
    return 0;
  cosmo_session_get_visible_range (self->session, &start, &end);
  return (t - start) / (end - start) * gtk_widget_get_width (GTK_WIDGET (self));
}

static double
x_to_time (CosmoTimeline *self,
           double         x)
{
  double start, end;
  int width = MAX (1, gtk_widget_get_width (GTK_WIDGET (self)));

  cosmo_session_get_visible_range (self->session, &start, &end);
  return start + x / width * (end - start);
}

static CosmoClock *
get_clock (CosmoTimeline *self)
{
  return cosmo_session_get_clock (self->session);
}

static CosmoMission *
get_mission (CosmoTimeline *self)
{
  return self->session ? cosmo_session_get_mission (self->session) : NULL;
}

/* Layout */

static void
invalidate (CosmoTimeline *self)
{
  self->layout_valid = FALSE;
  g_clear_pointer (&self->back_node, gsk_render_node_unref);
  g_clear_pointer (&self->front_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ensure_layout (CosmoTimeline *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  CosmoMission *mission = get_mission (self);
  g_autoptr(GPtrArray) visible = NULL;
  g_autoptr(GArray) marks = NULL;
  double start, end, margin;
  double lane_end[BAR_LANES] = { -G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

  if (self->layout_valid && width == self->cache_width && height == self->cache_height)
    return;

  g_clear_pointer (&self->back_node, gsk_render_node_unref);
  g_clear_pointer (&self->front_node, gsk_render_node_unref);
  g_ptr_array_set_size (self->mark_events, 0);
  g_ptr_array_set_size (self->bar_events, 0);
  g_array_set_size (self->bar_lanes, 0);
  g_array_set_size (self->clusters, 0);
  self->layout_valid = TRUE;
  self->cache_width = width;
  self->cache_height = height;

  if (mission == NULL || width <= 0)
    return;

  cosmo_session_get_visible_range (self->session, &start, &end);
  /* Markers whose centre is just outside still show half of themselves. */
  margin = (end - start) / width * 12;
  visible = cosmo_event_list_query_range (cosmo_mission_get_events (mission), start - margin, end + margin);
  marks = g_array_sized_new (FALSE, FALSE, sizeof (CosmoAxisMark), visible->len);

  for (guint i = 0; i < visible->len; i++)
    {
      CosmoEvent *event = g_ptr_array_index (visible, i);
      double t = cosmo_event_get_time (event);
      CosmoAxisMark mark;

      if (cosmo_event_is_range (event))
        {
          double x0 = (t - start) / (end - start) * width;
          double x1 = (cosmo_event_get_end_time (event) - start) / (end - start) * width;
          int lane = 0;

          /* The first lane free at x0, or the one that frees soonest. */
          for (int l = 0; l < BAR_LANES; l++)
            {
              if (lane_end[l] + 3 < x0)
                {
                  lane = l;
                  break;
                }
              if (lane_end[l] < lane_end[lane])
                lane = l;
            }
          lane_end[lane] = MAX (lane_end[lane], MAX (x1, x0 + 4));
          g_ptr_array_add (self->bar_events, g_object_ref (event));
          g_array_append_val (self->bar_lanes, lane);
        }
      /* A range that began before the view has its bar but no marker. */
      if (t < start - margin)
        continue;

      mark.x = (t - start) / (end - start) * width;
      mark.radius = event_radius (self, event) + self->scale;
      g_array_append_val (marks, mark);
      g_ptr_array_add (self->mark_events, g_object_ref (event));
    }

  g_array_unref (self->clusters);
  self->clusters = cosmo_time_axis_cluster_marks ((CosmoAxisMark *) (gpointer) marks->data, marks->len,
                                                  3 * self->scale);
}

static CosmoEvent *
cluster_lead_event (CosmoTimeline          *self,
                    const CosmoAxisCluster *cluster)
{
  CosmoEvent *lead = NULL;

  /* The most severe member, the earliest among equals. */
  for (guint i = cluster->first; i < cluster->first + cluster->count; i++)
    {
      CosmoEvent *event = g_ptr_array_index (self->mark_events, i);

      if (lead == NULL || cosmo_event_get_severity (event) > cosmo_event_get_severity (lead))
        lead = event;
    }
  return lead;
}

static gboolean
cluster_contains (CosmoTimeline          *self,
                  const CosmoAxisCluster *cluster,
                  CosmoEvent             *event)
{
  for (guint i = cluster->first; i < cluster->first + cluster->count; i++)
    if (g_ptr_array_index (self->mark_events, i) == event)
      return TRUE;
  return FALSE;
}

static int
pick_cluster (CosmoTimeline *self,
              double         x,
              double         y)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  ensure_layout (self);
  if (fabs (y - marker_y (self, height)) > 16 * self->scale)
    return -1;
  return cosmo_time_axis_hit_test ((CosmoAxisCluster *) (gpointer) self->clusters->data,
                                   self->clusters->len, x, 3 * self->scale);
}

static CosmoEvent *
pick_bar (CosmoTimeline *self,
          double         x,
          double         y)
{
  ensure_layout (self);

  for (guint i = self->bar_events->len; i > 0; i--)
    {
      CosmoEvent *event = g_ptr_array_index (self->bar_events, i - 1);
      double top = bar_top (self, g_array_index (self->bar_lanes, int, i - 1));
      double x0 = cosmo_timeline_time_to_x (self, cosmo_event_get_time (event));
      double x1 = cosmo_timeline_time_to_x (self, cosmo_event_get_end_time (event));

      if (y >= top - 2 && y <= top + BAR_HEIGHT * self->scale + 2 && x >= x0 - 2 && x <= MAX (x1, x0 + 4) + 2)
        return event;
    }
  return NULL;
}

CosmoEvent *
cosmo_timeline_pick_event (CosmoTimeline *self,
                           double         x,
                           double         y)
{
  int index;

  g_return_val_if_fail (COSMO_IS_TIMELINE (self), NULL);

  if (get_mission (self) == NULL)
    return NULL;

  index = pick_cluster (self, x, y);
  if (index >= 0)
    return cluster_lead_event (self, &g_array_index (self->clusters, CosmoAxisCluster, index));
  return pick_bar (self, x, y);
}

/* Drawing */

static void
lookup_colors (CosmoTimeline *self)
{
  GtkStyleContext *context;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gtk_style_context_get_color (context, &self->fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &self->accent))
    gdk_rgba_parse (&self->accent, "#1c71d8");
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &self->background))
    gdk_rgba_parse (&self->background, "#ffffff");
  G_GNUC_END_IGNORE_DEPRECATIONS
  self->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

static PangoLayout *
create_small_layout (CosmoTimeline *self,
                     const char    *text,
                     gboolean       bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
  /* Tabular figures: labels don't jitter as digits change. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
append_layout_at (GtkSnapshot   *snapshot,
                  PangoLayout   *layout,
                  double         x,
                  double         y,
                  const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_axis (CosmoTimeline *self,
           GtkSnapshot   *snapshot,
           int            width,
           int            height)
{
  CosmoMission *mission = get_mission (self);
  CosmoTimeDisplay display = cosmo_session_get_time_display (self->session);
  GDateTime *t0 = mission ? cosmo_mission_get_t0 (mission) : NULL;
  GTimeZone *tz = mission ? cosmo_mission_get_time_zone (mission) : NULL;
  g_autoptr(GArray) ticks = NULL;
  g_autofree char *context = NULL;
  const CosmoTimeStep *step;
  double start, end, baseline = axis_y (self, height), label_right = -G_MAXDOUBLE;
  double s = self->scale, spacing = MIN_LABEL_SPACING * self->scale;
  GdkRGBA grid = with_alpha (&self->fg, 0.08);
  GdkRGBA tick_color = with_alpha (&self->fg, 0.45);
  GdkRGBA minor_color = with_alpha (&self->fg, 0.25);
  GdkRGBA label_color = with_alpha (&self->fg, 0.75);

  cosmo_session_get_visible_range (self->session, &start, &end);
  step = cosmo_time_axis_choose_step (end - start, width, spacing);
  ticks = cosmo_time_axis_get_ticks (start, end, width, spacing, display, t0, tz);

  gtk_snapshot_append_color (snapshot, &tick_color, &GRAPHENE_RECT_INIT (0, baseline, width, round (s)));

  /* What the labels leave out (the date, the zone) starts the label row. */
  context = cosmo_time_axis_format_context (start, step, display, t0, tz);
  if (context != NULL)
    {
      g_autoptr(PangoLayout) layout = create_small_layout (self, context, TRUE);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      append_layout_at (snapshot, layout, 4, baseline + 2, &label_color);
      label_right = 4 + w;
    }

  for (guint i = 0; i < ticks->len; i++)
    {
      CosmoTimeTick *tick = &g_array_index (ticks, CosmoTimeTick, i);
      double x = round ((tick->t - start) / (end - start) * width);

      if (!tick->major)
        {
          gtk_snapshot_append_color (snapshot, &minor_color, &GRAPHENE_RECT_INIT (x, baseline - 3 * s, round (s), 3 * s));
          continue;
        }

      gtk_snapshot_append_color (snapshot, &grid, &GRAPHENE_RECT_INIT (x, 0, round (s), baseline));
      gtk_snapshot_append_color (snapshot, &tick_color, &GRAPHENE_RECT_INIT (x, baseline - 6 * s, round (s), 6 * s));

      if (tick->label != NULL)
        {
          g_autoptr(PangoLayout) layout = create_small_layout (self, tick->label, FALSE);
          int w, h;
          double lx;

          pango_layout_get_pixel_size (layout, &w, &h);
          lx = CLAMP (x - w / 2.0, 2, width - w - 2);
          /* Never overlap the previous label or the context. */
          if (lx < label_right + 8)
            continue;
          append_layout_at (snapshot, layout, lx, baseline + 2, &label_color);
          label_right = lx + w;
        }
    }

  /* Liftoff gets its own line: everything is relative to it. */
  if (start < 0 && end > 0)
    {
      GdkRGBA t0_color = with_alpha (&self->fg, 0.35);
      double x = round (-start / (end - start) * width);

      gtk_snapshot_append_color (snapshot, &t0_color, &GRAPHENE_RECT_INIT (x, 0, round (s), baseline));
    }
}

static void
shape_path (cairo_t       *cr,
            CosmoSeverity  severity,
            double         x,
            double         y,
            double         r)
{
  switch (severity)
    {
    case COSMO_SEVERITY_CRITICAL:
      /* Diamond */
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      break;
    case COSMO_SEVERITY_WARNING:
      /* Triangle, pointing up */
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y + r * 0.8);
      cairo_line_to (cr, x - r, y + r * 0.8);
      cairo_close_path (cr);
      break;
    case COSMO_SEVERITY_NOTICE:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case COSMO_SEVERITY_INFO:
    default:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_bars (CosmoTimeline *self,
           GtkSnapshot   *snapshot,
           int            width)
{
  CosmoEvent *selected = cosmo_session_get_selected_event (self->session);

  for (guint i = 0; i < self->bar_events->len; i++)
    {
      CosmoEvent *event = g_ptr_array_index (self->bar_events, i);
      double x0 = cosmo_timeline_time_to_x (self, cosmo_event_get_time (event));
      double x1 = cosmo_timeline_time_to_x (self, cosmo_event_get_end_time (event));
      GdkRGBA color;

      double top = bar_top (self, g_array_index (self->bar_lanes, int, i));
      double h = BAR_HEIGHT * self->scale, w = 1.5 * self->scale;

      x0 = MAX (x0, -4);
      x1 = MIN (MAX (x1, x0 + 4), width + 4);
      category_color (self, cosmo_event_get_category (event), &color);
      color.alpha = event == selected ? 1.0 : 0.65;
      gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x0, top, x1 - x0, h));
      if (event == selected)
        {
          GdkRGBA outline = self->fg;
          GskRoundedRect rect;
          float widths[4] = { w, w, w, w };
          GdkRGBA colors[4] = { outline, outline, outline, outline };

          gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x0 - w, top - w, x1 - x0 + 2 * w, h + 2 * w), 0);
          gtk_snapshot_append_border (snapshot, &rect, widths, colors);
        }
    }
}

static void
draw_markers (CosmoTimeline *self,
              GtkSnapshot   *snapshot,
              int            width,
              int            height)
{
  CosmoEvent *selected = cosmo_session_get_selected_event (self->session);
  double y = marker_y (self, height);
  GdkRGBA title_color = with_alpha (&self->fg, 0.85);
  double free_from, s = self->scale;
  cairo_t *cr;

  if (self->clusters->len == 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (-12 * s, y - 14 * s, width + 24 * s, 28 * s));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint i = 0; i < self->clusters->len; i++)
    {
      CosmoAxisCluster *cluster = &g_array_index (self->clusters, CosmoAxisCluster, i);
      CosmoEvent *lead = cluster_lead_event (self, cluster);
      gboolean is_selected = selected != NULL && cluster_contains (self, cluster, selected);
      GdkRGBA color;

      category_color (self, cosmo_event_get_category (lead), &color);
      cairo_new_path (cr);

      if (cluster->count == 1)
        {
          double r = event_radius (self, lead);

          shape_path (cr, cosmo_event_get_severity (lead), cluster->x, y, r);
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_fill_preserve (cr);
          /* A rim in the background colour keeps touching markers apart. */
          gdk_cairo_set_source_rgba (cr, &self->background);
          cairo_set_line_width (cr, 1.5 * s);
          cairo_stroke (cr);
          if (is_selected)
            {
              cairo_arc (cr, cluster->x, y, r + 4 * s, 0, 2 * G_PI);
              gdk_cairo_set_source_rgba (cr, &self->fg);
              cairo_set_line_width (cr, 2 * s);
              cairo_stroke (cr);
            }
        }
      else
        {
          g_autofree char *count = g_strdup_printf ("%u", cluster->count);
          g_autoptr(PangoLayout) layout = create_small_layout (self, count, TRUE);
          int tw, th;
          double bw, bh = 17 * s;

          pango_layout_get_pixel_size (layout, &tw, &th);
          bw = MAX (bh, tw + 10 * s);
          rounded_rect (cr, cluster->x - bw / 2, y - bh / 2, bw, bh, bh / 2);
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_fill_preserve (cr);
          gdk_cairo_set_source_rgba (cr, &self->background);
          cairo_set_line_width (cr, 1.5 * s);
          cairo_stroke (cr);
          /* A critical event inside gets a second ring, so a cluster never
           * hides the collapse. */
          if (cosmo_event_get_severity (lead) == COSMO_SEVERITY_CRITICAL)
            {
              rounded_rect (cr, cluster->x - bw / 2 - 2.5 * s, y - bh / 2 - 2.5 * s, bw + 5 * s, bh + 5 * s,
                            bh / 2 + 2.5 * s);
              gdk_cairo_set_source_rgba (cr, &color);
              cairo_set_line_width (cr, 1.5 * s);
              cairo_stroke (cr);
            }
          if (is_selected)
            {
              rounded_rect (cr, cluster->x - bw / 2 - 4 * s, y - bh / 2 - 4 * s, bw + 8 * s, bh + 8 * s,
                            bh / 2 + 4 * s);
              gdk_cairo_set_source_rgba (cr, &self->fg);
              cairo_set_line_width (cr, 2 * s);
              cairo_stroke (cr);
            }
          cairo_move_to (cr, cluster->x - tw / 2.0, y - th / 2.0);
          cairo_set_source_rgb (cr, 1, 1, 1);
          pango_cairo_show_layout (cr, layout);
        }
    }
  cairo_destroy (cr);

  /* Titles where there is room: after the marker, or else before it when
   * the space there is free (the last markers of a range, say). */
  free_from = 0;
  for (guint i = 0; i < self->clusters->len; i++)
    {
      CosmoAxisCluster *cluster = &g_array_index (self->clusters, CosmoAxisCluster, i);
      CosmoEvent *lead = cluster_lead_event (self, cluster);
      double half = cluster->count > 1 ? 12 * s : event_radius (self, lead) + 2 * s;
      double right_start = cluster->x + half + 4;
      double right_end = i + 1 < self->clusters->len
        ? g_array_index (self->clusters, CosmoAxisCluster, i + 1).start - 8 : width - 4;
      double left_end = cluster->x - half - 4;
      double left_start = MAX (free_from, 4);
      g_autoptr(PangoLayout) layout = NULL;
      g_autofree char *text = NULL;
      int tw, th;
      double lx;

      free_from = MAX (free_from, cluster->x + half + 8);
      if (cluster->x < -half || cluster->x > width + half)
        continue;

      if (cluster->count > 1)
        /* TRANSLATORS: a cluster of timeline markers: "<most severe event's title> (+2 more)" */
        text = g_strdup_printf (_("%s (+%u more)"), cosmo_event_get_title (lead), cluster->count - 1);
      else
        text = g_strdup (cosmo_event_get_title (lead));
      layout = create_small_layout (self, text, lead == selected);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &tw, &th);

      if (right_end - right_start >= MIN (tw, 48))
        {
          if (tw > right_end - right_start)
            pango_layout_set_width (layout, (int) ((right_end - right_start) * PANGO_SCALE));
          lx = right_start;
        }
      else if (left_end - left_start >= MIN (tw, 48))
        {
          if (tw > left_end - left_start)
            pango_layout_set_width (layout, (int) ((left_end - left_start) * PANGO_SCALE));
          pango_layout_get_pixel_size (layout, &tw, &th);
          lx = left_end - tw;
        }
      else
        continue;

      pango_layout_get_pixel_size (layout, &tw, &th);
      append_layout_at (snapshot, layout, lx, y - th / 2.0, &title_color);
      free_from = MAX (free_from, lx + tw + 8);
    }
}

static void
build_static_nodes (CosmoTimeline *self,
                    int            width,
                    int            height)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  lookup_colors (self);
  draw_axis (self, snapshot, width, height);
  self->back_node = gtk_snapshot_free_to_node (snapshot);

  snapshot = gtk_snapshot_new ();
  draw_bars (self, snapshot, width);
  draw_markers (self, snapshot, width, height);
  self->front_node = gtk_snapshot_free_to_node (snapshot);
}

static void
cosmo_timeline_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  CosmoTimeline *self = COSMO_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double start, end, t, x;
  GdkRGBA played;

  if (get_mission (self) == NULL || width <= 0 || height <= 0)
    return;

  ensure_layout (self);
  if (self->back_node == NULL && self->front_node == NULL)
    build_static_nodes (self, width, height);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->back_node != NULL)
    gtk_snapshot_append_node (snapshot, self->back_node);

  /* The playhead: the only thing a replay frame draws anew. */
  cosmo_session_get_visible_range (self->session, &start, &end);
  t = cosmo_clock_get_time (get_clock (self));
  x = round ((t - start) / (end - start) * width);
  played = with_alpha (&self->accent, 0.07);
  if (x > 0)
    gtk_snapshot_append_color (snapshot, &played, &GRAPHENE_RECT_INIT (0, 0, MIN (x, width), axis_y (self, height)));
  if (x >= -6 * self->scale && x <= width + 6 * self->scale)
    {
      double s = self->scale;

      gtk_snapshot_append_color (snapshot, &self->accent, &GRAPHENE_RECT_INIT (x - round (s), 0, 2 * round (s), height));
      gtk_snapshot_append_color (snapshot, &self->accent, &GRAPHENE_RECT_INIT (x - 5 * s, 0, 10 * s, 5 * s));
    }

  if (self->front_node != NULL)
    gtk_snapshot_append_node (snapshot, self->front_node);

  if (gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA ring = with_alpha (&self->accent, 0.5);
      GskRoundedRect outline;
      float widths[4] = { 2, 2, 2, 2 };
      GdkRGBA colors[4] = { ring, ring, ring, ring };

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 4);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }

  gtk_snapshot_pop (snapshot);
}

static void
cosmo_timeline_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  CosmoTimeline *self = COSMO_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 800;
    }
  else
    {
      *minimum = (int) ceil (72 * self->scale);
      *natural = (int) ceil (112 * self->scale);
    }
}

/* Accessibility */

static void
update_accessible (CosmoTimeline *self,
                   gboolean       force)
{
  CosmoMission *mission = get_mission (self);
  CosmoEvent *selected;
  double t, lo, hi;
  g_autofree char *mission_time = NULL;
  g_autofree char *utc = NULL;
  g_autofree char *text = NULL;

  if (mission == NULL)
    return;

  t = cosmo_clock_get_time (get_clock (self));
  /* Screen readers need the time, not 60 updates a second. */
  if (!force && (gint64) floor (t) == self->a11y_second)
    return;
  self->a11y_second = (gint64) floor (t);

  cosmo_clock_get_bounds (get_clock (self), &lo, &hi);
  mission_time = cosmo_time_format_mission (t, 0);
  utc = cosmo_time_format_absolute (cosmo_mission_get_t0 (mission), t, NULL, 0);
  selected = cosmo_session_get_selected_event (self->session);
  if (selected != NULL)
    /* TRANSLATORS: timeline value: "<mission time>, <UTC time>; selected: <event title>" */
    text = g_strdup_printf (_("%s, %s; selected: %s"), mission_time, utc, cosmo_event_get_title (selected));
  else
    text = g_strdup_printf ("%s, %s", mission_time, utc);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, lo,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, hi,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, t,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

/* Following the session */

static void
on_time_changed (CosmoTimeline *self)
{
  CosmoClock *clock = get_clock (self);
  double t = cosmo_clock_get_time (clock);
  double start, end, span;

  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_accessible (self, FALSE);

  if (get_mission (self) == NULL || self->drag_mode == DRAG_PAN || self->drag_mode == DRAG_SCRUB)
    return;

  /* Keep the playhead in view: page on while playing, centre on a jump. */
  cosmo_session_get_visible_range (self->session, &start, &end);
  if (t >= start && t <= end)
    return;
  span = end - start;
  if (cosmo_clock_get_playing (clock))
    {
      if (cosmo_clock_get_rate (clock) > 0)
        cosmo_session_set_visible_range (self->session, t - span * 0.05, t + span * 0.95);
      else
        cosmo_session_set_visible_range (self->session, t - span * 0.95, t + span * 0.05);
    }
  else
    cosmo_session_set_visible_range (self->session, t - span / 2, t + span / 2);
}

static void
on_selection_changed (CosmoTimeline *self)
{
  invalidate (self);
  update_accessible (self, TRUE);
}

static void
on_mission_changed (CosmoTimeline *self)
{
  invalidate (self);
  update_accessible (self, TRUE);
}

/* Input */

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               CosmoTimeline  *self)
{
  double playhead;

  if (get_mission (self) == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_x = x;
  self->drag_y = y;
  cosmo_session_get_visible_range (self->session, &self->drag_start, &self->drag_end);

  playhead = cosmo_timeline_time_to_x (self, cosmo_clock_get_time (get_clock (self)));
  /* Grab the playhead itself, or scrub along the label row. */
  if (fabs (x - playhead) <= PLAYHEAD_GRAB * self->scale || y > axis_y (self, gtk_widget_get_height (GTK_WIDGET (self))))
    {
      self->drag_mode = DRAG_SCRUB;
      cosmo_clock_seek (get_clock (self), x_to_time (self, x));
    }
  else
    self->drag_mode = DRAG_PENDING;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                CosmoTimeline  *self)
{
  int width = MAX (1, gtk_widget_get_width (GTK_WIDGET (self)));

  if (self->drag_mode == DRAG_PENDING && fabs (dx) > DRAG_THRESHOLD)
    {
      self->drag_mode = DRAG_PAN;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }

  if (self->drag_mode == DRAG_PAN)
    {
      double shift = -dx / width * (self->drag_end - self->drag_start);

      cosmo_session_set_visible_range (self->session, self->drag_start + shift, self->drag_end + shift);
    }
  else if (self->drag_mode == DRAG_SCRUB)
    cosmo_clock_seek (get_clock (self), x_to_time (self, self->drag_x + dx));
}

static void
click (CosmoTimeline *self,
       double         x,
       double         y)
{
  int index = pick_cluster (self, x, y);
  CosmoEvent *event;

  if (index >= 0)
    {
      CosmoAxisCluster cluster = g_array_index (self->clusters, CosmoAxisCluster, index);
      double first = cosmo_event_get_time (g_ptr_array_index (self->mark_events, cluster.first));
      double last = cosmo_event_get_time (g_ptr_array_index (self->mark_events, cluster.first + cluster.count - 1));

      cosmo_session_set_selected_event (self->session, cluster_lead_event (self, &cluster));
      /* A cluster opens up: zoom until its members stand apart. */
      if (cluster.count > 1 && last > first)
        {
          double pad = (last - first) * 0.6;

          cosmo_session_set_visible_range (self->session, first - pad, last + pad);
        }
      return;
    }

  if ((event = pick_bar (self, x, y)) != NULL)
    {
      cosmo_session_set_selected_event (self->session, event);
      return;
    }

  cosmo_clock_seek (get_clock (self), x_to_time (self, x));
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             CosmoTimeline  *self)
{
  if (self->drag_mode == DRAG_PENDING)
    click (self, self->drag_x, self->drag_y);
  self->drag_mode = DRAG_NONE;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           CosmoTimeline            *self)
{
  const char *cursor = NULL;

  if (get_mission (self) == NULL || self->drag_mode != DRAG_NONE)
    return;

  if (fabs (x - cosmo_timeline_time_to_x (self, cosmo_clock_get_time (get_clock (self)))) <= PLAYHEAD_GRAB * self->scale)
    cursor = "ew-resize";
  else if (cosmo_timeline_pick_event (self, x, y) != NULL)
    cursor = "pointer";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           CosmoTimeline            *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  int width = MAX (1, gtk_widget_get_width (GTK_WIDGET (self)));
  double start, end, pointer_x = width / 2.0;
  GdkEvent *event;

  if (get_mission (self) == NULL)
    return FALSE;

  event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  if (event != NULL)
    {
      double ex, ey;
      graphene_point_t p;
      GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));

      if (gdk_event_get_position (event, &ex, &ey) &&
          gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self), &GRAPHENE_POINT_INIT (ex, ey), &p))
        pointer_x = p.x;
    }

  cosmo_session_get_visible_range (self->session, &start, &end);
  if (state & GDK_CONTROL_MASK)
    {
      /* Zoom around the pointer: the time under it stays under it. */
      double factor = pow (wheel ? 1.25 : 1.01, dy);

      cosmo_session_zoom (self->session, x_to_time (self, pointer_x), factor);
    }
  else
    {
      double shift = wheel ? (dx + dy) * (end - start) * 0.1 : (dx + dy) / width * (end - start);

      cosmo_session_pan (self->session, shift);
    }
  return TRUE;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               CosmoTimeline    *self)
{
  double cx = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0, cy;

  if (get_mission (self) == NULL)
    return;
  gtk_gesture_get_bounding_box_center (gesture, &cx, &cy);
  self->zoom_center_x = cx;
  cosmo_session_get_visible_range (self->session, &self->zoom_start, &self->zoom_end);
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       CosmoTimeline  *self)
{
  int width = MAX (1, gtk_widget_get_width (GTK_WIDGET (self)));
  double span = self->zoom_end - self->zoom_start;
  double frac = self->zoom_center_x / width;
  double center = self->zoom_start + frac * span;
  double new_span;

  if (get_mission (self) == NULL || !(scale > 0))
    return;
  new_span = span / scale;
  cosmo_session_set_visible_range (self->session, center - frac * new_span, center + (1 - frac) * new_span);
}

static void
append_event_tooltip (CosmoTimeline *self,
                      GString       *markup,
                      CosmoEvent    *event,
                      gboolean       detailed)
{
  CosmoMission *mission = get_mission (self);
  g_autofree char *mission_time = cosmo_time_format_mission (cosmo_event_get_time (event), 0);
  g_autofree char *title = g_markup_escape_text (cosmo_event_get_title (event), -1);

  if (!detailed)
    {
      g_string_append_printf (markup, "%s  %s", mission_time, title);
      return;
    }

  {
    g_autofree char *utc = cosmo_time_format_absolute (cosmo_mission_get_t0 (mission),
                                                       cosmo_event_get_time (event), NULL, 0);

    g_string_append_printf (markup, "<b>%s</b>\n%s · %s\n%s · %s", title, mission_time, utc,
                            cosmo_event_category_get_label (cosmo_event_get_category (event)),
                            cosmo_severity_get_label (cosmo_event_get_severity (event)));
  }
}

static gboolean
cosmo_timeline_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard,
                              GtkTooltip *tooltip)
{
  CosmoTimeline *self = COSMO_TIMELINE (widget);
  g_autoptr(GString) markup = g_string_new (NULL);
  CosmoEvent *event;
  int index;

  if (get_mission (self) == NULL)
    return FALSE;

  if (keyboard)
    {
      if ((event = cosmo_session_get_selected_event (self->session)) == NULL)
        return FALSE;
      append_event_tooltip (self, markup, event, TRUE);
    }
  else if ((index = pick_cluster (self, x, y)) >= 0)
    {
      CosmoAxisCluster *cluster = &g_array_index (self->clusters, CosmoAxisCluster, index);

      if (cluster->count == 1)
        append_event_tooltip (self, markup, g_ptr_array_index (self->mark_events, cluster->first), TRUE);
      else
        {
          guint shown = MIN (cluster->count, 8);
          /* TRANSLATORS: tooltip heading of a timeline cluster */
          g_autofree char *heading = g_strdup_printf (ngettext ("%u event", "%u events", cluster->count),
                                                      cluster->count);

          g_string_append_printf (markup, "<b>%s</b>", heading);
          for (guint i = 0; i < shown; i++)
            {
              g_string_append_c (markup, '\n');
              append_event_tooltip (self, markup, g_ptr_array_index (self->mark_events, cluster->first + i), FALSE);
            }
          if (cluster->count > shown)
            g_string_append_printf (markup, "\n%s", _("…"));
          g_string_append_printf (markup, "\n<i>%s</i>", _("Click to zoom in"));
        }
    }
  else if ((event = pick_bar (self, x, y)) != NULL)
    append_event_tooltip (self, markup, event, TRUE);
  else
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup->str);
  return TRUE;
}

/* Life cycle */

static void
update_scale (CosmoTimeline *self)
{
  double scale = self->session && cosmo_session_get_presentation (self->session)
    ? COSMO_SESSION_PRESENTATION_SCALE : 1.0;

  if (scale != self->scale)
    {
      self->scale = scale;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  invalidate (self);
}

static void
disconnect_session (CosmoTimeline *self)
{
  if (self->session == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->session, self);
  g_signal_handlers_disconnect_by_data (cosmo_session_get_clock (self->session), self);
}

static void
cosmo_timeline_dispose (GObject *object)
{
  CosmoTimeline *self = (CosmoTimeline *) object;

  disconnect_session (self);
  g_clear_object (&self->session);
  g_clear_pointer (&self->back_node, gsk_render_node_unref);
  g_clear_pointer (&self->front_node, gsk_render_node_unref);
  g_clear_pointer (&self->mark_events, g_ptr_array_unref);
  g_clear_pointer (&self->bar_events, g_ptr_array_unref);
  g_clear_pointer (&self->bar_lanes, g_array_unref);
  g_clear_pointer (&self->clusters, g_array_unref);

  G_OBJECT_CLASS (cosmo_timeline_parent_class)->dispose (object);
}

static void
cosmo_timeline_class_init (CosmoTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cosmo_timeline_dispose;

  widget_class->snapshot = cosmo_timeline_snapshot;
  widget_class->measure = cosmo_timeline_measure;
  widget_class->query_tooltip = cosmo_timeline_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
cosmo_timeline_init (CosmoTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *drag, *zoom;
  GtkEventController *controller;

  self->scale = 1.0;
  self->mark_events = g_ptr_array_new_with_free_func (g_object_unref);
  self->bar_events = g_ptr_array_new_with_free_func (g_object_unref);
  self->bar_lanes = g_array_new (FALSE, FALSE, sizeof (int));
  self->clusters = g_array_new (FALSE, FALSE, sizeof (CosmoAxisCluster));
  self->a11y_second = G_MININT64;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (widget, controller);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (invalidate), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Events and the playhead. Click a marker to select its event; "
                                    "drag to pan, Ctrl+scroll to zoom."),
                                  -1);
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
                            CosmoSession  *session)
{
  g_return_if_fail (COSMO_IS_TIMELINE (self));
  g_return_if_fail (session == NULL || COSMO_IS_SESSION (session));

  if (self->session == session)
    return;

  disconnect_session (self);
  g_set_object (&self->session, session);

  if (session != NULL)
    {
      CosmoClock *clock = cosmo_session_get_clock (session);

      g_signal_connect_object (session, "notify::mission", G_CALLBACK (on_mission_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::visible-start", G_CALLBACK (invalidate), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::visible-end", G_CALLBACK (invalidate), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::selected-event", G_CALLBACK (on_selection_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::time-display", G_CALLBACK (invalidate), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::presentation", G_CALLBACK (update_scale), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (clock, "notify::time", G_CALLBACK (on_time_changed), self, G_CONNECT_SWAPPED);
    }

  update_scale (self);
  update_accessible (self, TRUE);
}
