/* cosmo-briefing.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map, the charts and the time axis come from the shared renderers
 * (cosmo-track-renderer, cosmo-basemap, cosmo-chart-renderer,
 * cosmo-time-axis), so a page or a frame shows what the app shows; this
 * file only composes them with the text around them.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "cosmo-basemap.h"
#include "cosmo-briefing.h"
#include "cosmo-chart-renderer.h"
#include "cosmo-palette.h"
#include "cosmo-time.h"
#include "cosmo-time-axis.h"
#include "cosmo-track-renderer.h"

#define FONT_FAMILY "Cantarell, Noto Sans, DejaVu Sans, Sans"

/* The zoom that shows a launch site and its neighbours. */
#define SITE_ZOOM 10.5

struct _CosmoBriefing
{
  GObject parent_instance;

  CosmoMission *mission;
  CosmoBasemap *basemap;        /* shared, not owned; may be NULL */
  CosmoTrackRenderer *track;
  GPtrArray *chapters;          /* borrowed CosmoEvent, kept alive by the mission */
};

G_DEFINE_FINAL_TYPE (CosmoBriefing, cosmo_briefing, G_TYPE_OBJECT)

/* Palette ----------------------------------------------------------------- */

typedef struct
{
  CosmoRgb ground;      /* page or frame background */
  CosmoRgb text;
  CosmoRgb dim;         /* secondary text */
  CosmoRgb rule;        /* axes and separators */
  CosmoRgb playhead;
  gboolean dark;
} Palette;

static const Palette paper_palette = {
  { 1, 1, 1 }, { 0.08, 0.08, 0.10 }, { 0.36, 0.36, 0.40 }, { 0.75, 0.75, 0.78 },
  { 0.835, 0.369, 0.0 }, FALSE,
};

/* Projector: near-black ground, white type, saturated accents. */
static const Palette projector_palette = {
  { 0.05, 0.05, 0.06 }, { 1, 1, 1 }, { 0.80, 0.80, 0.82 }, { 0.45, 0.45, 0.48 },
  { 0.941, 0.894, 0.259 }, TRUE,
};

void
cosmo_briefing_category_color (CosmoEventCategory  category,
                               gboolean            dark,
                               CosmoRgb           *color)
{
  g_return_if_fail (color != NULL);

  /* Dark here is the projector's near-black ground. */
  cosmo_palette_category_color (category, dark ? COSMO_PALETTE_HIGH_CONTRAST : COSMO_PALETTE_LIGHT,
                                &color->red, &color->green, &color->blue);
}

static void
set_rgb (cairo_t        *cr,
         const CosmoRgb *c,
         double          alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, alpha);
}

static void
set_category (cairo_t            *cr,
              CosmoEventCategory  category,
              gboolean            dark,
              double              alpha)
{
  CosmoRgb c;

  cosmo_briefing_category_color (category, dark, &c);
  set_rgb (cr, &c, alpha);
}

/* Paper ------------------------------------------------------------------- */

gboolean
cosmo_paper_from_name (const char *name,
                       CosmoPaper *paper)
{
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = COSMO_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = COSMO_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

void
cosmo_paper_get_size (CosmoPaper  paper,
                      double     *width,
                      double     *height)
{
  if (paper == COSMO_PAPER_LETTER)
    {
      *width = 11 * 72;
      *height = 8.5 * 72;
    }
  else
    {
      *width = 297 / 25.4 * 72;
      *height = 210 / 25.4 * 72;
    }
}

/* Text -------------------------------------------------------------------- */

typedef struct
{
  double size;              /* in user units */
  PangoWeight weight;
  PangoAlignment align;
  int max_lines;            /* 0: no limit */
  gboolean italic;
} TextStyle;

static PangoLayout *
make_layout (cairo_t         *cr,
             const char      *text,
             double           width,
             const TextStyle *style)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);
  PangoContext *context = pango_layout_get_context (layout);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Metrics independent of the surface's resolution, so a PDF page and a
   * frame lay out the same way. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72);
  pango_layout_context_changed (layout);

  pango_font_description_set_absolute_size (font, style->size * PANGO_SCALE);
  pango_font_description_set_weight (font, style->weight ? style->weight : PANGO_WEIGHT_NORMAL);
  if (style->italic)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, style->align);
  if (style->max_lines > 0)
    {
      pango_layout_set_height (layout, -style->max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

/* Draws @text with its top-left at (x, y); returns its height. */
static double
draw_text (cairo_t         *cr,
           double           x,
           double           y,
           double           width,
           const char      *text,
           const TextStyle *style,
           const CosmoRgb  *color)
{
  g_autoptr(PangoLayout) layout = NULL;
  int w, h;

  if (text == NULL || *text == '\0')
    return 0;
  layout = make_layout (cr, text, width, style);
  pango_layout_get_size (layout, &w, &h);
  if (color != NULL)
    {
      cairo_save (cr);
      set_rgb (cr, color, 1);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }
  return (double) h / PANGO_SCALE;
}

static double
measure_text (cairo_t         *cr,
              double           width,
              const char      *text,
              const TextStyle *style)
{
  return draw_text (cr, 0, 0, width, text, style, NULL);
}

/* The object ------------------------------------------------------------- */

static void
cosmo_briefing_dispose (GObject *object)
{
  CosmoBriefing *self = COSMO_BRIEFING (object);

  g_clear_pointer (&self->chapters, g_ptr_array_unref);
  g_clear_object (&self->track);
  g_clear_object (&self->mission);
  self->basemap = NULL;

  G_OBJECT_CLASS (cosmo_briefing_parent_class)->dispose (object);
}

static void
cosmo_briefing_class_init (CosmoBriefingClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cosmo_briefing_dispose;
}

static void
cosmo_briefing_init (CosmoBriefing *self)
{
}

CosmoBriefing *
cosmo_briefing_new (CosmoMission *mission)
{
  CosmoBriefing *self;

  g_return_val_if_fail (COSMO_IS_MISSION (mission), NULL);

  self = g_object_new (COSMO_TYPE_BRIEFING, NULL);
  self->mission = g_object_ref (mission);
  self->chapters = cosmo_mission_get_chapters (mission);
  self->basemap = cosmo_basemap_get_default ();
  self->track = cosmo_track_renderer_new (mission);
  /* As in the map view: the basemap names the towns when there is one. */
  cosmo_track_renderer_set_label_towns (self->track, self->basemap == NULL);
  return self;
}

CosmoMission *
cosmo_briefing_get_mission (CosmoBriefing *self)
{
  g_return_val_if_fail (COSMO_IS_BRIEFING (self), NULL);
  return self->mission;
}

CosmoEvent *
cosmo_briefing_get_caption_event (CosmoBriefing *self,
                                  double         t)
{
  CosmoEvent *current = NULL;

  g_return_val_if_fail (COSMO_IS_BRIEFING (self), NULL);

  for (guint i = 0; i < self->chapters->len; i++)
    {
      CosmoEvent *chapter = g_ptr_array_index (self->chapters, i);

      if (cosmo_event_get_time (chapter) <= t + 1e-3)
        current = chapter;
    }
  if (current == NULL)
    current = cosmo_event_list_get_current (cosmo_mission_get_events (self->mission), t);
  return current;
}

static char *
format_utc (CosmoBriefing *self,
            double         t)
{
  /* "2025-11-27 09:28:07 UTC": the formatter names the zone. */
  return cosmo_time_format_absolute (cosmo_mission_get_t0 (self->mission), t, NULL, 0);
}

/* Map --------------------------------------------------------------------
 *
 * The map view's drawing (basemap, zones, debris, track coloured by
 * altitude, vehicle, sites, pins, legend) from cosmo-track-renderer; this
 * part only chooses where to look. */

typedef struct
{
  double latitude;
  double longitude;
  double zoom;
} MapView;

/* Where @event happened: its site, else its pin (its own place, or the
 * vehicle's when in flight). */
static gboolean
event_place (CosmoBriefing *self,
             CosmoEvent    *event,
             double        *latitude,
             double        *longitude,
             double        *zoom)
{
  const char *site_id;
  CosmoSite *site;

  if (event == NULL)
    return FALSE;
  site_id = cosmo_event_get_site_id (event);
  site = site_id ? cosmo_mission_lookup_site (self->mission, site_id) : NULL;
  if (site != NULL)
    {
      *latitude = cosmo_site_get_latitude (site);
      *longitude = cosmo_site_get_longitude (site);
      *zoom = SITE_ZOOM;
      return TRUE;
    }
  *zoom = 7.5;
  return cosmo_track_renderer_get_event_location (self->track, event, latitude, longitude);
}

/* Where to look at time @t: the ascent while the vehicle flies (the pad,
 * the vehicle and what it flies next, whatever the caption), else the event's place, else the whole track after a
 * flight, else the pad. */
static void
choose_view (CosmoBriefing *self,
             CosmoEvent    *event,
             double         t,
             double         width,
             double         height,
             MapView       *view)
{
  CosmoTrajectory *trajectory = cosmo_mission_get_trajectory (self->mission);
  CosmoSite *pad = cosmo_mission_get_primary_site (self->mission);
  gboolean flight = event == NULL || cosmo_event_get_category (event) == COSMO_EVENT_CATEGORY_FLIGHT;
  gboolean has_track = trajectory != NULL && cosmo_trajectory_get_n_samples (trajectory) > 1;
  double south, west, north, east, padding = MIN (width, height) * 0.15;

  view->latitude = pad ? cosmo_site_get_latitude (pad) : 0;
  view->longitude = pad ? cosmo_site_get_longitude (pad) : 0;
  view->zoom = SITE_ZOOM;

  if (has_track && t > cosmo_trajectory_get_start_time (trajectory) + 20 &&
      t <= cosmo_trajectory_get_end_time (trajectory))
    {
      double start = cosmo_trajectory_get_start_time (trajectory);
      double lat, lon, ahead_lat, ahead_lon;

      /* The pad, the vehicle and a stretch of the track still to fly. */
      cosmo_track_renderer_get_vehicle (self->track, t, &lat, &lon, NULL);
      cosmo_track_renderer_get_vehicle (self->track, t + MAX (30, 0.3 * (t - start)), &ahead_lat, &ahead_lon, NULL);
      south = MIN (MIN (view->latitude, lat), ahead_lat);
      north = MAX (MAX (view->latitude, lat), ahead_lat);
      west = MIN (MIN (view->longitude, lon), ahead_lon);
      east = MAX (MAX (view->longitude, lon), ahead_lon);
      cosmo_map_frame_fit (south, west, north, east, width, height, padding, 2, SITE_ZOOM,
                           &view->latitude, &view->longitude, &view->zoom);
      return;
    }

  if (event_place (self, event, &view->latitude, &view->longitude, &view->zoom))
    return;

  if (flight && has_track && t > cosmo_trajectory_get_end_time (trajectory) &&
      cosmo_track_renderer_get_track_bounds (self->track, &south, &west, &north, &east))
    cosmo_map_frame_fit (south, west, north, east, width, height, padding, 2, SITE_ZOOM,
                         &view->latitude, &view->longitude, &view->zoom);
}

/* The map at @t in (x0, y0, width, height), lines and type @u times the
 * map view's, with the map view's legend and credits. */
static void
draw_map (CosmoBriefing  *self,
          cairo_t        *cr,
          double          x0,
          double          y0,
          double          width,
          double          height,
          double          t,
          CosmoEvent     *event,
          double          u,
          const Palette  *palette)
{
  TextStyle small = { 9, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, 1, FALSE };
  g_autoptr(GString) credits = g_string_new (NULL);
  const char *word = cosmo_track_renderer_get_provenance_word (self->track);
  MapView view;
  double legend_w, legend_h, credits_h;
  int credits_w;

  choose_view (self, event, t, width, height, &view);
  /* A projector washes colours out: the high-contrast map on a dark ground. */
  cosmo_track_renderer_set_style (self->track, palette->dark ? COSMO_BASEMAP_STYLE_HIGH_CONTRAST
                                                             : COSMO_BASEMAP_STYLE_LIGHT);
  cosmo_track_renderer_set_selected_event (self->track, event);

  cairo_save (cr);
  cairo_translate (cr, x0, y0);
  cosmo_track_renderer_render_view (self->track, cr, self->basemap, view.latitude, view.longitude, view.zoom,
                                    width, height, t, u);

  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_scale (cr, u, u);

  /* The legend (altitude colours, the track's provenance) where the map
   * view puts it, when the map has the room the map view asks for. */
  cosmo_track_renderer_draw_legend (self->track, NULL, 0, 0, &legend_w, &legend_h);
  if (legend_w > 0 && width / u >= 720 && height / u >= 380)
    cosmo_track_renderer_draw_legend (self->track, cr, 10, 10, NULL, NULL);

  /* Credits in the top right corner (captions cover the bottom). */
  g_string_append (credits, self->basemap ? _("Basemap: GSHHG, DCW-GMT") : "");
  if (word != NULL)
    {
      /* TRANSLATORS: the track's provenance in the map's attribution line, e.g. "Track: reconstructed" */
      g_autofree char *track = g_strdup_printf (_("Track: %s"), word);

      g_string_append_printf (credits, "%s%s", credits->len ? " · " : "", track);
    }
  if (credits->len > 0)
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, credits->str, -1, &small);

      pango_layout_get_pixel_size (layout, &credits_w, NULL);
      credits_h = measure_text (cr, -1, credits->str, &small);
      cairo_rectangle (cr, width / u - credits_w - 12, 0, credits_w + 12, credits_h + 6);
      set_rgb (cr, &paper_palette.ground, 0.75);
      cairo_fill (cr);
      draw_text (cr, width / u - credits_w - 6, 3, -1, credits->str, &small, &paper_palette.text);
    }
  cairo_restore (cr);

  cairo_rectangle (cr, x0 + 0.5, y0 + 0.5, width - 1, height - 1);
  set_rgb (cr, &palette->rule, 1);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

/* Charts -----------------------------------------------------------------
 *
 * The chart view's drawing (axes, event lines, cursor, provenance badge)
 * from cosmo-chart-renderer; this part picks the channels. */

/* The channels the chart stack shows first that hold data in [start,
 * end], the event's group (vehicle or pad) first. Borrowed. */
static GPtrArray *
relevant_channels (CosmoBriefing *self,
                   CosmoEvent    *event,
                   double         start,
                   double         end,
                   guint          max)
{
  g_autoptr(GPtrArray) candidates = cosmo_chart_default_channels (self->mission);
  GPtrArray *result = g_ptr_array_new ();
  const char *group = NULL;

  if (event != NULL)
    {
      if (cosmo_event_get_category (event) == COSMO_EVENT_CATEGORY_PAD)
        group = "pad";
      else if (cosmo_event_get_category (event) == COSMO_EVENT_CATEGORY_FLIGHT)
        group = "vehicle";
    }

  for (int pass = 0; pass < 2 && result->len < max; pass++)
    for (guint i = 0; i < candidates->len && result->len < max; i++)
      {
        CosmoChannel *channel = g_ptr_array_index (candidates, i);
        gboolean same = group != NULL && g_strcmp0 (cosmo_channel_get_group (channel), group) == 0;

        if ((pass == 0) != same)
          continue;
        if (cosmo_channel_get_n_samples (channel) < 2 ||
            cosmo_channel_get_end_time (channel) < start || cosmo_channel_get_start_time (channel) > end)
          continue;
        g_ptr_array_add (result, channel);
      }
  return result;
}

/* The chart stack gives a channel the colour of its place in the mission,
 * so a trace has the same colour on screen, on paper and in a video. */
static guint
channel_color_index (CosmoBriefing *self,
                     CosmoChannel  *channel)
{
  GListModel *channels = cosmo_mission_get_channels (self->mission);

  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(CosmoChannel) item = g_list_model_get_item (channels, i);

      if (item == channel)
        return i;
    }
  return 0;
}

static void
chart_style_init (CosmoChartStyle *style,
                  const Palette   *palette,
                  double           scale)
{
  cosmo_chart_style_init (style, palette->dark ? COSMO_CHART_THEME_DARK : COSMO_CHART_THEME_LIGHT, scale);
  /* The page or the frame shows through around the plot. */
  style->background.alpha = 0;
  if (palette->dark)
    style->plot_background = (CosmoChartColor) { 0.09, 0.09, 0.10, 1 };
}

/* One chart of @channel over [start, end] in (x, y, width, height), with
 * the cursor at @t. @pixel_scale: device pixels per unit (decimation). */
static void
draw_chart (CosmoBriefing         *self,
            cairo_t               *cr,
            CosmoChannel          *channel,
            double                 x,
            double                 y,
            double                 width,
            double                 height,
            double                 start,
            double                 end,
            double                 t,
            const CosmoChartStyle *style,
            double                 pixel_scale)
{
  CosmoChartSpec spec;

  cosmo_chart_spec_init (&spec);
  spec.channels = &channel;
  spec.n_channels = 1;
  spec.color_index = channel_color_index (self, channel);
  spec.t_start = start;
  spec.t_end = end;
  spec.events = cosmo_mission_get_events (self->mission);
  spec.t0 = cosmo_mission_get_t0 (self->mission);
  spec.site_zone = cosmo_mission_get_time_zone (self->mission);
  spec.pixel_scale = pixel_scale;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cosmo_chart_render_stack (cr, &spec, style, width, height, t);
  cairo_restore (cr);
}

/* Time strip --------------------------------------------------------------
 *
 * Every event in [start, end] as a tick in its category's colour, chapters
 * taller, range events as bars, the time axis with the timeline's ticks
 * and labels (cosmo-time-axis), and the playhead. */

static void
draw_time_strip (CosmoBriefing  *self,
                 cairo_t        *cr,
                 double          x0,
                 double          y0,
                 double          width,
                 double          height,
                 double          start,
                 double          end,
                 double          t,
                 double          u,
                 const Palette  *palette)
{
  CosmoEventList *events = cosmo_mission_get_events (self->mission);
  g_autoptr(GPtrArray) visible = cosmo_event_list_query_range (events, start, end);
  g_autoptr(GArray) ticks = NULL;
  /* Labels in proportion to the strip: large in a frame, small on paper. */
  TextStyle small = { height * 0.16, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER, 1, FALSE };
  double axis_y = y0 + height * 0.5;

  cairo_save (cr);
  cairo_rectangle (cr, x0 - 2 * u, y0, width + 4 * u, height);
  cairo_clip (cr);

  ticks = cosmo_time_axis_get_ticks (start, end, width, 110 * u, COSMO_TIME_DISPLAY_MISSION,
                                     cosmo_mission_get_t0 (self->mission), NULL);
  for (guint i = 0; i < ticks->len; i++)
    {
      const CosmoTimeTick *tick = &g_array_index (ticks, CosmoTimeTick, i);
      double tx = x0 + (tick->t - start) / (end - start) * width;

      cairo_move_to (cr, tx, axis_y);
      cairo_line_to (cr, tx, axis_y + (tick->major ? 8 : 4) * u);
      set_rgb (cr, &palette->rule, 1);
      cairo_set_line_width (cr, 1.5 * u);
      cairo_stroke (cr);
      if (tick->label != NULL && tx > x0 + 40 * u && tx < x0 + width - 40 * u)
        draw_text (cr, tx - 60 * u, axis_y + 10 * u, 120 * u, tick->label, &small, &palette->dim);
    }

  cairo_move_to (cr, x0, axis_y);
  cairo_line_to (cr, x0 + width, axis_y);
  set_rgb (cr, &palette->rule, 1);
  cairo_set_line_width (cr, 2 * u);
  cairo_stroke (cr);

  for (guint i = 0; i < visible->len; i++)
    {
      CosmoEvent *event = g_ptr_array_index (visible, i);
      double et = cosmo_event_get_time (event);
      double ex = x0 + (MAX (et, start) - start) / (end - start) * width;
      gboolean chapter = g_ptr_array_find (self->chapters, event, NULL);

      if (cosmo_event_is_range (event))
        {
          double ee = x0 + (MIN (cosmo_event_get_end_time (event), end) - start) / (end - start) * width;

          cairo_rectangle (cr, ex, axis_y - 5 * u, MAX (ee - ex, 2 * u), 10 * u);
          set_category (cr, cosmo_event_get_category (event), palette->dark, 0.45);
          cairo_fill (cr);
        }
      cairo_move_to (cr, ex, axis_y - (chapter ? 30 : 16) * u);
      cairo_line_to (cr, ex, axis_y);
      set_category (cr, cosmo_event_get_category (event), palette->dark, 1);
      cairo_set_line_width (cr, (chapter ? 4 : 2) * u);
      cairo_stroke (cr);
    }

  if (t >= start && t <= end)
    {
      double cx = x0 + (t - start) / (end - start) * width;

      cairo_move_to (cr, cx, y0 + 4 * u);
      cairo_line_to (cr, cx, axis_y + 6 * u);
      set_rgb (cr, &palette->playhead, 1);
      cairo_set_line_width (cr, 3 * u);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* Frames ----------------------------------------------------------------- */

void
cosmo_briefing_render_frame (CosmoBriefing *self,
                             cairo_t       *cr,
                             int            width,
                             int            height,
                             double         t,
                             double         range_start,
                             double         range_end)
{
  const Palette *palette = &projector_palette;
  double u = height / 1080.0;
  double top = 84 * u, timeline_h = 110 * u, caption_h = 150 * u, margin = 16 * u;
  double map_w = round (width * 0.62), content_h;
  CosmoEvent *caption = cosmo_briefing_get_caption_event (self, t);
  g_autoptr(GPtrArray) channels = NULL;
  g_autofree char *mission_time = cosmo_time_format_mission (t, 0);
  g_autofree char *utc = format_utc (self, t);
  TextStyle title_style = { 34 * u, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, 1, FALSE };
  TextStyle clock_style = { 48 * u, PANGO_WEIGHT_BOLD, PANGO_ALIGN_RIGHT, 1, FALSE };
  TextStyle utc_style = { 20 * u, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_RIGHT, 1, FALSE };

  g_return_if_fail (COSMO_IS_BRIEFING (self));

  if (!(range_end > range_start))
    range_end = range_start + 1;

  cairo_save (cr);
  set_rgb (cr, &palette->ground, 1);
  cairo_paint (cr);

  /* Header: the mission, and the clock in the largest type on screen. */
  draw_text (cr, margin, 20 * u, width / 2.0, cosmo_mission_get_title (self->mission), &title_style, &palette->text);
  draw_text (cr, width / 2.0, 4 * u, width / 2.0 - margin - 330 * u, mission_time, &clock_style, &palette->text);
  draw_text (cr, width - margin - 320 * u, 26 * u, 320 * u, utc, &utc_style, &palette->dim);

  content_h = height - top - timeline_h;
  /* The map at 1.25 times the map view's size: a video is watched from
   * further away than a desktop. */
  draw_map (self, cr, 0, top, map_w, content_h, t, caption, 1.25 * u, palette);

  /* Charts of the channels that have data in range, stacked on the right. */
  channels = relevant_channels (self, caption, range_start, range_end, 3);
  if (channels->len > 0)
    {
      CosmoChartStyle style;
      double cx = map_w + margin, cw = width - map_w - 2 * margin;
      double ch = (content_h - margin / 2) / channels->len;

      chart_style_init (&style, palette, 1.5 * u);
      for (guint i = 0; i < channels->len; i++)
        draw_chart (self, cr, g_ptr_array_index (channels, i), cx, top + margin / 2 + i * ch, cw, ch - margin / 2,
                    range_start, range_end, t, &style, 1);
    }
  else
    {
      /* No traces in range: list the events around the playhead instead. */
      CosmoEventList *events = cosmo_mission_get_events (self->mission);
      TextStyle item = { 20 * u, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, 2, FALSE };
      TextStyle when = { 16 * u, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, 1, FALSE };
      guint first = cosmo_event_list_lower_bound (events, t + 1e-3);
      double y = top + margin, cx = map_w + 2 * margin, cw = width - map_w - 3 * margin;

      first = first >= 4 ? first - 4 : 0;
      for (guint i = first; i < cosmo_event_list_get_count (events) && y < top + content_h - 80 * u; i++)
        {
          CosmoEvent *event = cosmo_event_list_get_event (events, i);
          g_autofree char *et = cosmo_time_format_mission (cosmo_event_get_time (event), 0);
          gboolean past = cosmo_event_get_time (event) <= t + 1e-3;

          cairo_rectangle (cr, cx - margin, y + 4 * u, 6 * u, 40 * u);
          set_category (cr, cosmo_event_get_category (event), TRUE, past ? 1 : 0.4);
          cairo_fill (cr);
          y += draw_text (cr, cx, y, cw, et, &when, past ? &palette->dim : &palette->rule);
          y += draw_text (cr, cx, y, cw, cosmo_event_get_title (event), &item,
                          past ? &palette->text : &palette->dim) + 12 * u;
        }
    }

  /* The caption band over the bottom of the map, in large type. */
  if (caption != NULL)
    {
      TextStyle big = { 44 * u, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, 1, FALSE };
      TextStyle sub = { 26 * u, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, 1, FALSE };
      g_autofree char *ct = cosmo_time_format_mission (cosmo_event_get_time (caption), 0);
      g_autofree char *cu = format_utc (self, cosmo_event_get_time (caption));
      g_autofree char *line = g_strdup_printf ("%s · %s · %s", ct, cu,
                                               cosmo_confidence_get_label (cosmo_event_get_confidence (caption)));
      double by = top + content_h - caption_h;

      cairo_rectangle (cr, 0, by, map_w, caption_h);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.9);
      cairo_fill (cr);
      cairo_rectangle (cr, 0, by, 12 * u, caption_h);
      set_category (cr, cosmo_event_get_category (caption), TRUE, 1);
      cairo_fill (cr);
      draw_text (cr, 32 * u, by + 18 * u, map_w - 48 * u, cosmo_event_get_title (caption), &big,
                 &(CosmoRgb) { 1, 1, 1 });
      draw_text (cr, 32 * u, by + 88 * u, map_w - 48 * u, line, &sub, &(CosmoRgb) { 0.85, 0.85, 0.85 });
    }

  draw_time_strip (self, cr, margin * 2, top + content_h, width - 4 * margin, timeline_h,
                   range_start, range_end, t, u, palette);
  cairo_restore (cr);
}

/* Pages ------------------------------------------------------------------ */

typedef struct
{
  double width;
  double height;
  double margin;
  guint page;
} Page;

static void
draw_footer (CosmoBriefing *self,
             cairo_t       *cr,
             const Page    *page)
{
  TextStyle small = { 8, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, 1, FALSE };
  g_autofree char *number = g_strdup_printf ("%u", page->page);
  g_autofree char *left = g_strdup_printf (_("%s · Cosmodrome briefing"), cosmo_mission_get_title (self->mission));

  draw_text (cr, page->margin, page->height - page->margin * 0.7, page->width / 2, left, &small, &paper_palette.dim);
  small.align = PANGO_ALIGN_RIGHT;
  draw_text (cr, page->width / 2, page->height - page->margin * 0.7, page->width / 2 - page->margin, number, &small,
             &paper_palette.dim);
}

static void
draw_title_page (CosmoBriefing *self,
                 cairo_t       *cr,
                 const Page    *page)
{
  CosmoMission *mission = self->mission;
  CosmoSite *pad = cosmo_mission_get_primary_site (mission);
  const Palette *p = &paper_palette;
  TextStyle huge = { 40, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, 2, FALSE };
  TextStyle heading = { 13, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, 1, FALSE };
  TextStyle body = { 11, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, 0, FALSE };
  TextStyle small = { 9, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, 0, FALSE };
  double x = page->margin, y = page->margin, col = page->width * 0.5 - page->margin * 1.5;
  double rx = page->width * 0.5 + page->margin * 0.5;
  g_autofree char *utc = format_utc (self, 0);
  g_autofree char *site_time = cosmo_time_format_absolute (cosmo_mission_get_t0 (mission), 0,
                                                          cosmo_mission_get_time_zone (mission), 0);
  g_autoptr(GString) when = g_string_new (NULL);
  double ry;

  /* Band in the flight colour down the left edge. */
  cairo_rectangle (cr, 0, 0, 10, page->height);
  set_category (cr, COSMO_EVENT_CATEGORY_FLIGHT, FALSE, 1);
  cairo_fill (cr);

  y += draw_text (cr, x, y, page->width - 2 * page->margin, _("Briefing"), &heading, &p->dim) + 4;
  y += draw_text (cr, x, y, page->width - 2 * page->margin, cosmo_mission_get_title (mission), &huge, &p->text) + 10;
  y += draw_text (cr, x, y, col, cosmo_mission_get_vehicle (mission), &body, &p->dim) + 18;

  g_string_append_printf (when, _("Launch (T0): %s"), utc);
  g_string_append_c (when, '\n');
  g_string_append (when, site_time);
  if (cosmo_mission_get_time_zone_name (mission))
    /* TRANSLATORS: after the site's local time, the name of that time: " (Baikonur time)" */
    g_string_append_printf (when, _(" (%s)"), cosmo_mission_get_time_zone_name (mission));
  y += draw_text (cr, x, y, col, _("Date"), &heading, &p->text) + 3;
  y += draw_text (cr, x, y, col, when->str, &body, &p->text) + 14;

  if (pad != NULL)
    {
      g_autofree char *where = g_strdup_printf ("%s\n%.4f° N, %.4f° E", cosmo_site_get_name (pad),
                                                cosmo_site_get_latitude (pad), cosmo_site_get_longitude (pad));
      y += draw_text (cr, x, y, col, _("Site"), &heading, &p->text) + 3;
      y += draw_text (cr, x, y, col, where, &body, &p->text) + 14;
    }

  if (cosmo_mission_get_description (mission))
    {
      body.max_lines = 12;
      y += draw_text (cr, x, y, col, cosmo_mission_get_description (mission), &body, &p->text) + 14;
      body.max_lines = 0;
    }

  {
    g_autofree char *chapters = g_strdup_printf (ngettext ("%u chapter follows, one a page, then every event with its source.",
                                                           "%u chapters follow, one a page, then every event with its source.",
                                                           self->chapters->len),
                                                 self->chapters->len);
    draw_text (cr, x, y, col, chapters, &small, &p->dim);
  }

  /* Sources on the right. */
  ry = page->margin + 100;
  ry += draw_text (cr, rx, ry, col, _("Sources"), &heading, &p->text) + 6;
  for (guint i = 0; i < cosmo_mission_get_n_sources (mission); i++)
    {
      const char *title, *url;
      g_autofree char *line = NULL;

      cosmo_mission_get_source (mission, i, &title, &url);
      line = url ? g_strdup_printf ("%s\n%s", title, url) : g_strdup (title);
      ry += draw_text (cr, rx, ry, col, line, &small, &p->text) + 6;
    }
  ry += 10;
  draw_text (cr, rx, ry, col,
             _("Times are mission elapsed time (T±) from liftoff and UTC. Each event carries its source and a "
               "confidence: confirmed, reported or estimated. Traces marked reconstructed or simulated are "
               "illustrative, not telemetry."),
             &small, &p->dim);

  draw_footer (self, cr, page);
}

static void
draw_chapter_page (CosmoBriefing *self,
                   cairo_t       *cr,
                   const Page    *page,
                   guint          index)
{
  CosmoEvent *event = g_ptr_array_index (self->chapters, index);
  const Palette *p = &paper_palette;
  double t = cosmo_event_get_time (event);
  double m = page->margin, y = m, x;
  double map_w = page->width * 0.56, map_h, col_x, col_w, charts_h;
  TextStyle kicker = { 10, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, 1, FALSE };
  TextStyle title = { 22, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, 2, FALSE };
  TextStyle heading = { 9, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, 1, FALSE };
  TextStyle body = { 10.5, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, 0, FALSE };
  TextStyle small = { 9, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, 0, FALSE };
  g_autofree char *kicker_text = NULL;
  g_autofree char *mission_time = cosmo_time_format_mission (t, 1);
  g_autofree char *utc = format_utc (self, t);
  g_autofree char *site_time = cosmo_time_format_absolute (cosmo_mission_get_t0 (self->mission), t,
                                                          cosmo_mission_get_time_zone (self->mission), 0);
  g_autoptr(GPtrArray) channels = NULL;
  double window_start, window_end;

  kicker_text = g_strdup_printf (_("Chapter %u of %u · %s"), index + 1, self->chapters->len,
                                 cosmo_event_category_get_label (cosmo_event_get_category (event)));
  cairo_rectangle (cr, 0, 0, 10, page->height);
  set_category (cr, cosmo_event_get_category (event), FALSE, 1);
  cairo_fill (cr);

  y += draw_text (cr, m, y, page->width - 2 * m, kicker_text, &kicker, &p->dim) + 2;
  y += draw_text (cr, m, y, page->width - 2 * m, cosmo_event_get_title (event), &title, &p->text) + 10;

  /* Charts: the channels with data within a few minutes of the event. */
  window_start = t - 120;
  window_end = t + 240;
  channels = relevant_channels (self, event, window_start, window_end, 2);
  charts_h = channels->len > 0 ? 150 : 70;
  map_h = page->height - y - m - charts_h - 14;

  draw_map (self, cr, m, y, map_w - m, map_h, t, event, 0.75, p);

  /* The facts beside the map. */
  col_x = map_w + 14;
  col_w = page->width - col_x - m;
  x = col_x;
  {
    double cy = y;
    const char *source = cosmo_event_get_source (event);
    const char *url = cosmo_event_get_source_url (event);
    g_autofree char *when = g_strdup_printf ("%s\n%s\n%s %s", mission_time, utc, site_time,
                                             cosmo_mission_get_time_zone_name (self->mission) ?
                                             cosmo_mission_get_time_zone_name (self->mission) : "");
    g_autofree char *sure = g_strdup_printf ("%s · %s", cosmo_confidence_get_label (cosmo_event_get_confidence (event)),
                                             cosmo_severity_get_label (cosmo_event_get_severity (event)));
    g_autofree char *cited = url ? g_strdup_printf ("%s\n%s", source ? source : "", url) : g_strdup (source);

    cy += draw_text (cr, x, cy, col_w, _("Time"), &heading, &p->dim) + 2;
    cy += draw_text (cr, x, cy, col_w, when, &body, &p->text) + 10;
    cy += draw_text (cr, x, cy, col_w, _("Confidence"), &heading, &p->dim) + 2;
    cy += draw_text (cr, x, cy, col_w, sure, &body, &p->text) + 10;
    if (cited != NULL)
      {
        cy += draw_text (cr, x, cy, col_w, _("Source"), &heading, &p->dim) + 2;
        cy += draw_text (cr, x, cy, col_w, cited, &small, &p->text) + 10;
      }
    if (cosmo_event_get_description (event))
      {
        body.max_lines = MAX (2, (int) ((y + map_h - cy - 14) / 14));
        cy += draw_text (cr, x, cy, col_w, _("What happened"), &heading, &p->dim) + 2;
        draw_text (cr, x, cy, col_w, cosmo_event_get_description (event), &body, &p->text);
        body.max_lines = 0;
      }
  }

  y += map_h + 10;
  if (channels->len > 0)
    {
      double w = (page->width - 2 * m - 14 * (channels->len - 1)) / channels->len;

      CosmoChartStyle style;

      /* Points, with lines and type as on a 96 dpi screen; decimated for
       * print (4 columns a point). */
      chart_style_init (&style, p, 0.75);
      for (guint i = 0; i < channels->len; i++)
        draw_chart (self, cr, g_ptr_array_index (channels, i), m + i * (w + 14), y, w, charts_h - 20,
                    window_start, window_end, t, &style, 4);
      y += charts_h - 12;
    }
  else
    {
      /* Where this chapter sits among the others. */
      CosmoEvent *first = g_ptr_array_index (self->chapters, 0);
      CosmoEvent *last = g_ptr_array_index (self->chapters, self->chapters->len - 1);
      double a = MIN (cosmo_event_get_time (first), t), b = MAX (cosmo_event_get_time (last), t);
      double span = MAX (b - a, 60);
      double lo = MIN (t, a) - span * 0.03, hi = MAX (t, b) + span * 0.03;

      draw_time_strip (self, cr, m, y, page->width - 2 * m, 56, lo, hi, t, 0.75, p);
    }

  draw_footer (self, cr, page);
}

/* The event list: lays out rows page by page; draws only when @cr is a
 * real page (a dry run counts the pages). Returns the number of pages. */
static guint
layout_event_list (CosmoBriefing *self,
                   cairo_t       *cr,
                   cairo_surface_t *surface,
                   Page          *page,
                   gboolean       draw)
{
  CosmoEventList *events = cosmo_mission_get_events (self->mission);
  const Palette *p = &paper_palette;
  TextStyle title = { 18, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, 1, FALSE };
  TextStyle head = { 8.5, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, 1, FALSE };
  TextStyle cell = { 8.5, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, 0, FALSE };
  double m = page->margin, avail = page->width - 2 * m;
  /* Column edges as fractions of the text width. */
  const double frac[] = { 0, 0.09, 0.25, 0.57, 0.65, 1 };
  const char *labels[] = { _("Mission time"), _("UTC"), _("Event"), _("Confidence"), _("Source") };
  guint n = cosmo_event_list_get_count (events);
  guint pages = 1;
  double y = 0;

#define COL_X(i) (m + frac[i] * avail)
#define COL_W(i) ((frac[(i) + 1] - frac[i]) * avail - 8)

  for (guint i = 0; i <= n; i++)
    {
      CosmoEvent *event = i < n ? cosmo_event_list_get_event (events, i) : NULL;
      g_autofree char *mt = NULL;
      g_autofree char *utc = NULL;
      g_autofree char *cited = NULL;
      double row_h = 0;
      const char *cells[5];

      if (i == 0 || y < 0)
        {
          /* A new page: title (first page only says so) and header row. */
          if (i > 0)
            {
              draw_footer (self, cr, page);
              if (draw)
                cairo_show_page (cr);
              page->page++;
              pages++;
            }
          y = m;
          y += (i == 0 ? draw_text (cr, m, y, avail, _("All events and their sources"), &title,
                                    draw ? &p->text : NULL)
                       : draw_text (cr, m, y, avail, _("All events and their sources (continued)"), &title,
                                    draw ? &p->text : NULL)) + 8;
          for (guint c = 0; c < 5; c++)
            draw_text (cr, COL_X (c), y, COL_W (c), labels[c], &head, draw ? &p->dim : NULL);
          y += 14;
          if (draw)
            {
              cairo_move_to (cr, m, y - 2);
              cairo_line_to (cr, m + avail, y - 2);
              set_rgb (cr, &p->rule, 1);
              cairo_set_line_width (cr, 0.75);
              cairo_stroke (cr);
            }
        }
      if (event == NULL)
        break;

      mt = cosmo_time_format_mission (cosmo_event_get_time (event), 0);
      utc = cosmo_time_format_absolute (cosmo_mission_get_t0 (self->mission), cosmo_event_get_time (event), NULL, 0);
      cited = cosmo_event_get_source_url (event)
        ? g_strdup_printf ("%s\n%s", cosmo_event_get_source (event) ? cosmo_event_get_source (event) : "",
                           cosmo_event_get_source_url (event))
        : g_strdup (cosmo_event_get_source (event));
      cells[0] = mt;
      cells[1] = utc;
      cells[2] = cosmo_event_get_title (event);
      cells[3] = cosmo_confidence_get_label (cosmo_event_get_confidence (event));
      cells[4] = cited;

      for (guint c = 0; c < 5; c++)
        row_h = MAX (row_h, measure_text (cr, COL_W (c), cells[c], &cell));
      row_h += 5;

      if (y + row_h > page->height - m * 1.2)
        {
          /* Does not fit: start the next page and redo this row. */
          y = -1;
          i--;
          continue;
        }

      if (draw)
        {
          cairo_rectangle (cr, COL_X (0) - 6, y, 3, row_h - 5);
          set_category (cr, cosmo_event_get_category (event), FALSE, 1);
          cairo_fill (cr);
          for (guint c = 0; c < 5; c++)
            draw_text (cr, COL_X (c), y, COL_W (c), cells[c], &cell, c == 0 || c == 3 ? &p->dim : &p->text);
        }
      y += row_h;
    }
#undef COL_X
#undef COL_W

  draw_footer (self, cr, page);
  if (draw)
    cairo_show_page (cr);
  (void) surface;
  return pages;
}

guint
cosmo_briefing_get_n_pages (CosmoBriefing *self,
                            CosmoPaper     paper)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  Page page = { 0, };
  guint list_pages;

  g_return_val_if_fail (COSMO_IS_BRIEFING (self), 0);

  cosmo_paper_get_size (paper, &page.width, &page.height);
  page.margin = 36;
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  list_pages = layout_event_list (self, cr, surface, &page, FALSE);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return 1 + self->chapters->len + list_pages;
}

gboolean
cosmo_briefing_export_pdf (CosmoBriefing  *self,
                           const char     *path,
                           CosmoPaper      paper,
                           GError        **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Page page = { 0, };
  g_autofree char *title = NULL;

  g_return_val_if_fail (COSMO_IS_BRIEFING (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  cosmo_paper_get_size (paper, &page.width, &page.height);
  page.margin = 36;
  page.page = 1;

  surface = cairo_pdf_surface_create (path, page.width, page.height);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s: %s"), path,
                   cairo_status_to_string (status));
      cairo_surface_destroy (surface);
      return FALSE;
    }

  title = g_strdup_printf (_("%s: briefing"), cosmo_mission_get_title (self->mission));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Cosmodrome " PACKAGE_VERSION);

  cr = cairo_create (surface);

  draw_title_page (self, cr, &page);
  cairo_show_page (cr);
  page.page++;

  for (guint i = 0; i < self->chapters->len; i++)
    {
      draw_chapter_page (self, cr, &page, i);
      cairo_show_page (cr);
      page.page++;
    }

  layout_event_list (self, cr, surface, &page, TRUE);

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
