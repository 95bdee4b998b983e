/* cosmo-chart-view.c
 *
 * The static part (grid, events, traces) is rendered once into a render
 * node and kept until the size, the visible range, the value range or the
 * style changes. Every frame appends that node and draws the cursor, the
 * hover line and the box-zoom band on top, so a moving clock never
 * re-strokes the data.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cosmo-chart-stack-private.h"
#include "cosmo-chart-view.h"

#define CLICK_SLOP 4.0

struct _CosmoChartView
{
  GtkWidget parent_instance;

  CosmoChartStack *stack;       /* unowned: our parent */
  CosmoChannel *channel;
  guint color_index;
  gboolean first, last;

  GskRenderNode *cache;
  CosmoChartLayout layout;
  guint n_renders;

  gboolean fixed_values;
  double v_min, v_max;

  /* drag: pan, or box-zoom on the value axis with shift */
  gboolean box;
  gboolean moved;
  double drag_x, drag_y, drag_dx, drag_dy;
  double drag_start, drag_end;

  /* pinch */
  double pinch_start, pinch_end, pinch_center;

  double pointer_x;
};

G_DEFINE_FINAL_TYPE (CosmoChartView, cosmo_chart_view, GTK_TYPE_WIDGET)

static void
fill_spec (CosmoChartView *self,
           CosmoChartSpec *spec)
{
  _cosmo_chart_stack_fill_spec (self->stack, spec);
  spec->channels = &self->channel;
  spec->n_channels = 1;
  spec->color_index = self->color_index;
  spec->event_labels = self->first;
  spec->time_labels = self->last;
  spec->fixed_values = self->fixed_values;
  spec->v_min = self->v_min;
  spec->v_max = self->v_max;
  spec->pixel_scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static void
draw_overlay (CosmoChartView        *self,
              cairo_t               *cr,
              const CosmoChartSpec  *spec,
              const CosmoChartStyle *style)
{
  const CosmoChartLayout *l = &self->layout;
  CosmoSession *session = cosmo_chart_stack_get_session (self->stack);
  double hover = _cosmo_chart_stack_get_hover_time (self->stack);

  if (session != NULL)
    cosmo_chart_render_cursor (cr, spec, style, l, cosmo_clock_get_time (cosmo_session_get_clock (session)));

  /* The hover line and a readout of time and value at it. */
  if (isfinite (hover) && hover >= l->t_start && hover <= l->t_end && session != NULL)
    {
      double x = round (cosmo_chart_layout_time_to_x (l, hover)) + 0.5;
      double v = cosmo_channel_get_value_at (self->channel, hover);
      g_autofree char *time_text = cosmo_session_format_time (session, hover, 1);
      g_autofree char *text = NULL;
      PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      const char *unit = cosmo_channel_get_unit (self->channel);
      int tw, th;
      double bx, by;

      if (isfinite (v))
        text = g_strdup_printf ("%s   %.*f %s", time_text,
                                fabs (v) >= 1000 ? 0 : fabs (v) >= 10 ? 1 : 3, v, unit ? unit : "");
      else
        text = g_strdup_printf ("%s   %s", time_text, _("no data"));

      cairo_set_source_rgba (cr, style->text.red, style->text.green, style->text.blue, 0.45);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, x, l->y);
      cairo_line_to (cr, x, l->y + l->h);
      cairo_stroke (cr);

      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &tw, &th);
      bx = x + 6;
      if (bx + tw + 8 > l->x + l->w)
        bx = x - 6 - tw - 8;
      by = l->y + l->h - th - 8;
      cairo_set_source_rgba (cr, style->plot_background.red, style->plot_background.green,
                             style->plot_background.blue, 0.92);
      cairo_rectangle (cr, bx, by, tw + 8, th + 4);
      cairo_fill (cr);
      cairo_set_source_rgba (cr, style->axis.red, style->axis.green, style->axis.blue, style->axis.alpha);
      cairo_rectangle (cr, bx + 0.5, by + 0.5, tw + 7, th + 3);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, style->text.red, style->text.green, style->text.blue, style->text.alpha);
      cairo_move_to (cr, bx + 4, by + 2);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
    }

  if (self->box && self->moved)
    {
      double y0 = CLAMP (self->drag_y, l->y, l->y + l->h);
      double y1 = CLAMP (self->drag_y + self->drag_dy, l->y, l->y + l->h);

      cairo_set_source_rgba (cr, style->cursor.red, style->cursor.green, style->cursor.blue, 0.15);
      cairo_rectangle (cr, l->x, MIN (y0, y1), l->w, fabs (y1 - y0));
      cairo_fill (cr);
    }
}

static void
cosmo_chart_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  CosmoChartView *self = COSMO_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  CosmoChartStyle style;
  CosmoChartSpec spec;
  cairo_t *cr;

  if (width <= 1 || height <= 1 || self->stack == NULL)
    return;

  _cosmo_chart_stack_get_style (self->stack, &style);
  fill_spec (self, &spec);

  if (self->cache == NULL)
    {
      GtkSnapshot *inner = gtk_snapshot_new ();

      cr = gtk_snapshot_append_cairo (inner, &GRAPHENE_RECT_INIT (0, 0, width, height));
      cosmo_chart_render (cr, &spec, &style, width, height, &self->layout);
      cairo_destroy (cr);
      self->cache = gtk_snapshot_free_to_node (inner);
      self->n_renders++;
    }
  if (self->cache != NULL)
    gtk_snapshot_append_node (snapshot, self->cache);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_overlay (self, cr, &spec, &style);
  cairo_destroy (cr);
}

static void
cosmo_chart_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  CosmoChartView *self = COSMO_CHART_VIEW (widget);

  if (self->cache != NULL && (self->layout.width != width || self->layout.height != height))
    g_clear_pointer (&self->cache, gsk_render_node_unref);
}

static void
cosmo_chart_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  CosmoChartView *self = COSMO_CHART_VIEW (widget);
  double scale = self->stack ? _cosmo_chart_stack_get_scale (self->stack) : 1.0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 240;
  else
    {
      /* Short charts are fine: the names sit inside the plot. Type and
       * lines grow in presentation mode, and the charts with them where
       * there is room (the last one holds the time labels). */
      *minimum = (int) ceil (self->last ? 74 * scale : 50);
      *natural = (int) ceil ((self->last ? 150 : 126) * scale);
    }
}

/* ---- gestures ---------------------------------------------------------- */

static CosmoSession *
get_session (CosmoChartView *self)
{
  return self->stack ? cosmo_chart_stack_get_session (self->stack) : NULL;
}

static gboolean
in_plot_x (CosmoChartView *self,
           double          x)
{
  return x >= self->layout.x && x <= self->layout.x + self->layout.w && self->layout.w > 0;
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           CosmoChartView           *self)
{
  CosmoSession *session = get_session (self);
  GdkModifierType mods = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double start, end;

  if (session == NULL || self->layout.w <= 0)
    return FALSE;
  cosmo_session_get_visible_range (session, &start, &end);

  if (mods & GDK_CONTROL_MASK)
    {
      double center = in_plot_x (self, self->pointer_x)
                      ? cosmo_chart_layout_x_to_time (&self->layout, self->pointer_x) : (start + end) / 2;
      cosmo_session_zoom (session, center, pow (1.2, dy));
      return TRUE;
    }
  if (dx != 0 || (mods & GDK_SHIFT_MASK))
    {
      double amount = dx != 0 ? dx : dy;
      cosmo_session_pan (session, amount * (end - start) * 0.05);
      return TRUE;
    }
  /* A plain wheel scrolls the stack. */
  return FALSE;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           CosmoChartView           *self)
{
  self->pointer_x = x;
  if (self->stack != NULL)
    _cosmo_chart_stack_set_hover_time (self->stack, in_plot_x (self, x)
                                       ? cosmo_chart_layout_x_to_time (&self->layout, x) : NAN);
}

static void
on_leave (GtkEventControllerMotion *controller,
          CosmoChartView           *self)
{
  if (self->stack != NULL)
    _cosmo_chart_stack_set_hover_time (self->stack, NAN);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               CosmoChartView *self)
{
  CosmoSession *session = get_session (self);
  GdkModifierType mods = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  self->drag_x = x;
  self->drag_y = y;
  self->drag_dx = self->drag_dy = 0;
  self->moved = FALSE;
  self->box = (mods & GDK_SHIFT_MASK) != 0 || x < self->layout.x;
  if (session != NULL)
    cosmo_session_get_visible_range (session, &self->drag_start, &self->drag_end);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                CosmoChartView *self)
{
  CosmoSession *session = get_session (self);

  self->drag_dx = dx;
  self->drag_dy = dy;
  if (fabs (dx) > CLICK_SLOP || fabs (dy) > CLICK_SLOP)
    self->moved = TRUE;
  if (!self->moved || session == NULL)
    return;

  if (self->box)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  else
    {
      double shift = dx * (self->drag_end - self->drag_start) / self->layout.w;
      cosmo_session_set_visible_range (session, self->drag_start - shift, self->drag_end - shift);
    }
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             CosmoChartView *self)
{
  CosmoSession *session = get_session (self);

  if (session == NULL)
    return;

  if (!self->moved)
    {
      /* A click: the clock jumps there. */
      if (in_plot_x (self, self->drag_x))
        cosmo_clock_seek (cosmo_session_get_clock (session),
                          cosmo_chart_layout_x_to_time (&self->layout, self->drag_x));
    }
  else if (self->box && fabs (dy) > CLICK_SLOP)
    {
      const CosmoChartLayout *l = &self->layout;
      double y0 = CLAMP (self->drag_y, l->y, l->y + l->h);
      double y1 = CLAMP (self->drag_y + dy, l->y, l->y + l->h);
      double a = cosmo_chart_layout_y_to_value (l, MAX (y0, y1));
      double b = cosmo_chart_layout_y_to_value (l, MIN (y0, y1));

      if (b > a)
        {
          self->fixed_values = TRUE;
          self->v_min = a;
          self->v_max = b;
          cosmo_chart_view_invalidate (self);
        }
    }
  self->box = FALSE;
  self->moved = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            CosmoChartView  *self)
{
  if (n_press == 2 && self->stack != NULL)
    _cosmo_chart_stack_reset_zoom (self->stack);
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                CosmoChartView   *self)
{
  CosmoSession *session = get_session (self);
  double cx, cy;

  if (session == NULL)
    return;
  cosmo_session_get_visible_range (session, &self->pinch_start, &self->pinch_end);
  if (gtk_gesture_get_bounding_box_center (gesture, &cx, &cy) && in_plot_x (self, cx))
    self->pinch_center = cosmo_chart_layout_x_to_time (&self->layout, cx);
  else
    self->pinch_center = (self->pinch_start + self->pinch_end) / 2;
}

static void
on_pinch_scale (GtkGestureZoom *gesture,
                double          scale,
                CosmoChartView *self)
{
  CosmoSession *session = get_session (self);
  double c = self->pinch_center;

  if (session == NULL || !(scale > 0))
    return;
  cosmo_session_set_visible_range (session, c - (c - self->pinch_start) / scale,
                                   c + (self->pinch_end - c) / scale);
}

/* ---- object ------------------------------------------------------------ */

static void
update_accessible (CosmoChartView *self)
{
  const char *unit = cosmo_channel_get_unit (self->channel);
  g_autofree char *label = NULL;

  /* TRANSLATORS: accessible name of a chart: "Altitude (m) chart, Simulated" */
  label = g_strdup_printf (_("%s%s%s%s chart, %s"), cosmo_channel_get_name (self->channel),
                           unit && *unit ? " (" : "", unit && *unit ? unit : "", unit && *unit ? ")" : "",
                           cosmo_provenance_get_label (cosmo_channel_get_provenance (self->channel)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Ctrl+scroll or pinch to zoom, drag to pan, Shift+drag to zoom the values, "
                                    "double-click to reset, click to move the clock"),
                                  -1);
}

static void
cosmo_chart_view_dispose (GObject *object)
{
  CosmoChartView *self = COSMO_CHART_VIEW (object);

  g_clear_pointer (&self->cache, gsk_render_node_unref);
  g_clear_object (&self->channel);
  self->stack = NULL;

  G_OBJECT_CLASS (cosmo_chart_view_parent_class)->dispose (object);
}

static void
cosmo_chart_view_class_init (CosmoChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cosmo_chart_view_dispose;
  widget_class->snapshot = cosmo_chart_view_snapshot;
  widget_class->size_allocate = cosmo_chart_view_size_allocate;
  widget_class->measure = cosmo_chart_view_measure;
  gtk_widget_class_set_css_name (widget_class, "cosmo-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cosmo_chart_view_init (CosmoChartView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->pointer_x = -1;

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_pinch_scale), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

GtkWidget *
cosmo_chart_view_new (CosmoChartStack *stack,
                      CosmoChannel    *channel,
                      guint            color_index)
{
  CosmoChartView *self = g_object_new (COSMO_TYPE_CHART_VIEW, NULL);

  self->stack = stack;
  self->channel = g_object_ref (channel);
  self->color_index = color_index;
  update_accessible (self);
  return GTK_WIDGET (self);
}

CosmoChannel *
cosmo_chart_view_get_channel (CosmoChartView *self)
{
  g_return_val_if_fail (COSMO_IS_CHART_VIEW (self), NULL);
  return self->channel;
}

void
cosmo_chart_view_set_position (CosmoChartView *self,
                               gboolean        first,
                               gboolean        last)
{
  g_return_if_fail (COSMO_IS_CHART_VIEW (self));

  if (self->first == first && self->last == last)
    return;
  self->first = first;
  self->last = last;
  cosmo_chart_view_invalidate (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
cosmo_chart_view_invalidate (CosmoChartView *self)
{
  g_return_if_fail (COSMO_IS_CHART_VIEW (self));

  g_clear_pointer (&self->cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cosmo_chart_view_reset_values (CosmoChartView *self)
{
  g_return_if_fail (COSMO_IS_CHART_VIEW (self));

  self->fixed_values = FALSE;
  cosmo_chart_view_invalidate (self);
}

guint
cosmo_chart_view_get_n_renders (CosmoChartView *self)
{
  g_return_val_if_fail (COSMO_IS_CHART_VIEW (self), 0);
  return self->n_renders;
}
