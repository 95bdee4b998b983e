/* cosmo-briefing.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "cosmo-basemap.h"
#include "cosmo-briefing.h"
#include "cosmo-mercator.h"
#include "cosmo-time.h"

#define FONT_FAMILY "Cantarell, Noto Sans, DejaVu Sans, Sans"

struct _CosmoBriefing
{
  GObject parent_instance;

  CosmoMission *mission;
  CosmoBasemap *basemap;
  GPtrArray *chapters;   /* borrowed CosmoEvent, kept alive by the mission */
};

G_DEFINE_FINAL_TYPE (CosmoBriefing, cosmo_briefing, G_TYPE_OBJECT)

/* Palette ----------------------------------------------------------------- */

typedef struct
{
  CosmoRgb ground;      /* page or frame background */
  CosmoRgb text;
  CosmoRgb dim;         /* secondary text */
  CosmoRgb rule;        /* axes and separators */
  CosmoRgb track;       /* flown part of the ground track */
  CosmoRgb vehicle;
  CosmoRgb playhead;
  gboolean dark;
} Palette;

static const Palette paper_palette = {
  { 1, 1, 1 }, { 0.08, 0.08, 0.10 }, { 0.36, 0.36, 0.40 }, { 0.75, 0.75, 0.78 },
  { 0.0, 0.447, 0.698 }, { 0.835, 0.369, 0.0 }, { 0.835, 0.369, 0.0 }, FALSE,
};

/* Projector: near-black ground, white type, saturated accents. */
static const Palette projector_palette = {
  { 0.05, 0.05, 0.06 }, { 1, 1, 1 }, { 0.80, 0.80, 0.82 }, { 0.45, 0.45, 0.48 },
  { 0.337, 0.706, 0.914 }, { 0.941, 0.894, 0.259 }, { 0.941, 0.894, 0.259 }, TRUE,
};

void
cosmo_briefing_category_color (CosmoEventCategory  category,
                               gboolean            dark,
                               CosmoRgb           *color)
{
  /* Okabe & Ito (2008): distinguishable with protanopia, deuteranopia and
   * tritanopia. On dark grounds the lighter member of each pair is used. */
  static const CosmoRgb light[] = {
    { 0.000, 0.447, 0.698 },  /* flight: blue */
    { 0.835, 0.369, 0.000 },  /* pad: vermillion */
    { 0.800, 0.475, 0.655 },  /* statement: reddish purple */
    { 0.000, 0.620, 0.451 },  /* recovery: bluish green */
    { 0.902, 0.624, 0.000 },  /* schedule: orange */
    { 0.400, 0.400, 0.400 },  /* note: grey */
  };
  static const CosmoRgb on_dark[] = {
    { 0.337, 0.706, 0.914 },  /* flight: sky blue */
    { 0.980, 0.450, 0.100 },  /* pad: vermillion, lifted */
    { 0.900, 0.600, 0.780 },  /* statement: reddish purple, lifted */
    { 0.100, 0.800, 0.600 },  /* recovery: bluish green, lifted */
    { 0.941, 0.894, 0.259 },  /* schedule: yellow */
    { 0.750, 0.750, 0.750 },  /* note: light grey */
  };

  g_return_if_fail (color != NULL);

  if ((guint) category >= G_N_ELEMENTS (light))
    category = COSMO_EVENT_CATEGORY_NOTE;
  *color = dark ? on_dark[category] : light[category];
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

/* Dark text behind a light halo (or the reverse) so labels stay legible on
 * the basemap. */
static void
draw_label (cairo_t        *cr,
            double          x,
            double          y,
            const char     *text,
            double          size,
            PangoWeight     weight,
            const Palette  *palette)
{
  TextStyle style = { size, weight, PANGO_ALIGN_LEFT, 1, FALSE };
  g_autoptr(PangoLayout) layout = make_layout (cr, text, -1, &style);

  cairo_save (cr);
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  set_rgb (cr, &palette->ground, 0.85);
  cairo_set_line_width (cr, size * 0.25);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_move_to (cr, x, y);
  set_rgb (cr, &palette->text, 1);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* The object ------------------------------------------------------------- */

static void
cosmo_briefing_dispose (GObject *object)
{
  CosmoBriefing *self = COSMO_BRIEFING (object);

  g_clear_pointer (&self->chapters, g_ptr_array_unref);
  g_clear_object (&self->basemap);
  g_clear_object (&self->mission);

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

static CosmoBasemap *
load_basemap (void)
{
  const char *candidates[] = { g_getenv ("COSMODROME_DATADIR"), PKGDATADIR, SOURCE_DATADIR };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      CosmoBasemap *basemap;

      if (candidates[i] == NULL)
        continue;
      path = g_build_filename (candidates[i], "basemap", "basemap.cbm", NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      basemap = cosmo_basemap_new_from_file (path, &error);
      if (basemap != NULL)
        return basemap;
      g_warning ("%s: %s", path, error->message);
    }
  return NULL;
}

CosmoBriefing *
cosmo_briefing_new (CosmoMission *mission)
{
  CosmoBriefing *self;

  g_return_val_if_fail (COSMO_IS_MISSION (mission), NULL);

  self = g_object_new (COSMO_TYPE_BRIEFING, NULL);
  self->mission = g_object_ref (mission);
  self->chapters = cosmo_mission_get_chapters (mission);
  self->basemap = load_basemap ();
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

/* Map adapter ------------------------------------------------------------
 *
 * Draws the basemap with the offline renderer, then the ground track, the
 * vehicle, the sites and the event's pin on top in the same Web-Mercator
 * pixels. */

typedef struct
{
  double latitude;
  double longitude;
  double zoom;
} MapView;

static gboolean
event_position (CosmoBriefing *self,
                CosmoEvent    *event,
                double        *latitude,
                double        *longitude)
{
  const char *site_id;

  if (event == NULL)
    return FALSE;
  if (cosmo_event_get_has_location (event))
    {
      *latitude = cosmo_event_get_latitude (event);
      *longitude = cosmo_event_get_longitude (event);
      return TRUE;
    }
  site_id = cosmo_event_get_site_id (event);
  if (site_id != NULL)
    {
      CosmoSite *site = cosmo_mission_lookup_site (self->mission, site_id);

      if (site != NULL)
        {
          *latitude = cosmo_site_get_latitude (site);
          *longitude = cosmo_site_get_longitude (site);
          return TRUE;
        }
    }
  return FALSE;
}

static double
fit_zoom (double west,
          double south,
          double east,
          double north,
          double width,
          double height)
{
  double x0, y0, x1, y1, span_x, span_y, zoom;

  cosmo_mercator_project (north, west, &x0, &y0);
  cosmo_mercator_project (south, east, &x1, &y1);
  span_x = MAX (fabs (x1 - x0), 1e-9) * 256;
  span_y = MAX (fabs (y1 - y0), 1e-9) * 256;
  zoom = log2 (MIN (width / span_x, height / span_y));
  return CLAMP (zoom, 2, 13);
}

/* Where to look at time @t: the ascent while the vehicle flies (the track
 * so far and a margin ahead), else the event's place, else the pad. */
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
  double lat, lon;

  view->latitude = pad ? cosmo_site_get_latitude (pad) : 0;
  view->longitude = pad ? cosmo_site_get_longitude (pad) : 0;
  view->zoom = 10.5;

  if (trajectory != NULL && cosmo_trajectory_get_n_samples (trajectory) > 1 &&
      t > cosmo_trajectory_get_start_time (trajectory) + 20 &&
      t <= cosmo_trajectory_get_end_time (trajectory) &&
      (event == NULL || cosmo_event_get_category (event) == COSMO_EVENT_CATEGORY_FLIGHT))
    {
      CosmoTrajectoryState state;
      double west = view->longitude, east = view->longitude;
      double south = view->latitude, north = view->latitude;

      cosmo_trajectory_get_state (trajectory, t, &state);
      west = MIN (west, state.longitude);
      east = MAX (east, state.longitude);
      south = MIN (south, state.latitude);
      north = MAX (north, state.latitude);
      view->latitude = (south + north) / 2;
      view->longitude = (west + east) / 2;
      view->zoom = MIN (fit_zoom (west, south, east, north, width * 0.7, height * 0.7), 10.5);
      return;
    }

  if (event_position (self, event, &lat, &lon))
    {
      view->latitude = lat;
      view->longitude = lon;
      view->zoom = cosmo_event_get_has_location (event) ? 7.5 : 10.5;
    }
}

static void
to_screen (const MapView *view,
           double         width,
           double         height,
           double         latitude,
           double         longitude,
           double        *x,
           double        *y)
{
  double cx, cy, px, py;

  cosmo_mercator_latlon_to_pixel (view->latitude, view->longitude, view->zoom, &cx, &cy);
  cosmo_mercator_latlon_to_pixel (latitude, longitude, view->zoom, &px, &py);
  *x = px - cx + width / 2;
  *y = py - cy + height / 2;
}

static void
draw_path (cairo_t         *cr,
           CosmoTrajectory *trajectory,
           const MapView   *view,
           double           width,
           double           height,
           double           t_from,
           double           t_to)
{
  const double *times = cosmo_trajectory_get_column (trajectory, COSMO_TRAJECTORY_TIME);
  const double *lats = cosmo_trajectory_get_column (trajectory, COSMO_TRAJECTORY_LATITUDE);
  const double *lons = cosmo_trajectory_get_column (trajectory, COSMO_TRAJECTORY_LONGITUDE);
  gsize n = cosmo_trajectory_get_n_samples (trajectory);
  double last_x = NAN, last_y = NAN;
  gboolean started = FALSE;

  /* Skip vertices closer than half a pixel: a 10 Hz track is thousands of
   * points that land on a few hundred pixels. */
  for (gsize i = 0; i < n; i++)
    {
      double x, y;

      if (times[i] < t_from)
        continue;
      if (times[i] > t_to)
        break;
      to_screen (view, width, height, lats[i], lons[i], &x, &y);
      if (started && fabs (x - last_x) < 0.5 && fabs (y - last_y) < 0.5)
        continue;
      if (!started)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
      started = TRUE;
      last_x = x;
      last_y = y;
    }
  if (started && t_to < cosmo_trajectory_get_end_time (trajectory))
    {
      CosmoTrajectoryState state;
      double x, y;

      cosmo_trajectory_get_state (trajectory, t_to, &state);
      to_screen (view, width, height, state.latitude, state.longitude, &x, &y);
      cairo_line_to (cr, x, y);
    }
}

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
  CosmoTrajectory *trajectory = cosmo_mission_get_trajectory (self->mission);
  GListModel *sites = cosmo_mission_get_sites (self->mission);
  GListModel *debris = cosmo_mission_get_debris (self->mission);
  MapView view;
  double lat, lon;
  gboolean projector;

  choose_view (self, event, t, width, height, &view);
  /* The projector's basemap style is a light one: draw what goes on top of
   * it in the paper colours so pins and labels keep their contrast. */
  projector = palette->dark;
  if (self->basemap != NULL)
    palette = &paper_palette;

  cairo_save (cr);
  cairo_translate (cr, x0, y0);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  if (self->basemap != NULL)
    {
      const CosmoBasemapStyle *style =
        cosmo_basemap_style_get (projector ? COSMO_BASEMAP_STYLE_HIGH_CONTRAST : COSMO_BASEMAP_STYLE_LIGHT);
      CosmoBasemapStyle scaled = *style;

      /* Thicker lines and bigger labels for a room or for paper. */
      scaled.line_scale *= MAX (u, 1);
      scaled.label_scale *= MAX (u, 1);
      cairo_save (cr);
      cosmo_basemap_render_view (self->basemap, cr, view.latitude, view.longitude, view.zoom,
                                 (int) ceil (width), (int) ceil (height), &scaled);
      cairo_restore (cr);
    }
  else
    {
      set_rgb (cr, palette->dark ? &(CosmoRgb) { 0.12, 0.13, 0.12 } : &(CosmoRgb) { 0.93, 0.92, 0.88 }, 1);
      cairo_paint (cr);
    }

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* Spent stages, faint. */
  for (guint i = 0; i < g_list_model_get_n_items (debris); i++)
    {
      g_autoptr(CosmoTrajectory) piece = g_list_model_get_item (debris, i);

      draw_path (cr, piece, &view, width, height, -G_MAXDOUBLE, t);
      set_rgb (cr, &palette->dim, 0.8);
      cairo_set_line_width (cr, 2 * u);
      cairo_stroke (cr);
    }

  if (trajectory != NULL && cosmo_trajectory_get_n_samples (trajectory) > 1)
    {
      CosmoTrajectoryState state;
      double dashes[] = { 6 * u, 6 * u };
      double vx, vy;

      /* What is still to come, dashed; what has been flown, solid. */
      draw_path (cr, trajectory, &view, width, height, t, G_MAXDOUBLE);
      cairo_set_dash (cr, dashes, 2, 0);
      set_rgb (cr, &palette->track, 0.55);
      cairo_set_line_width (cr, 2.5 * u);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      draw_path (cr, trajectory, &view, width, height, -G_MAXDOUBLE, t);
      set_rgb (cr, &palette->ground, 0.9);
      cairo_set_line_width (cr, 7 * u);
      cairo_stroke_preserve (cr);
      set_rgb (cr, &palette->track, 1);
      cairo_set_line_width (cr, 4 * u);
      cairo_stroke (cr);

      if (t >= cosmo_trajectory_get_start_time (trajectory) && t <= cosmo_trajectory_get_end_time (trajectory))
        {
          cosmo_trajectory_get_state (trajectory, t, &state);
          to_screen (&view, width, height, state.latitude, state.longitude, &vx, &vy);
          cairo_arc (cr, vx, vy, 9 * u, 0, 2 * G_PI);
          set_rgb (cr, &palette->vehicle, 1);
          cairo_fill_preserve (cr);
          set_rgb (cr, &palette->ground, 1);
          cairo_set_line_width (cr, 3 * u);
          cairo_stroke (cr);
        }
    }

  /* Sites: pads as triangles, the rest as dots; names for the pads. */
  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(CosmoSite) site = g_list_model_get_item (sites, i);
      double sx, sy, r = 6 * u;
      gboolean pad = cosmo_site_get_kind (site) == COSMO_SITE_KIND_PAD;

      to_screen (&view, width, height, cosmo_site_get_latitude (site), cosmo_site_get_longitude (site), &sx, &sy);
      if (sx < -50 || sy < -50 || sx > width + 50 || sy > height + 50)
        continue;
      if (pad)
        {
          cairo_move_to (cr, sx, sy - r * 1.3);
          cairo_line_to (cr, sx + r * 1.1, sy + r * 0.7);
          cairo_line_to (cr, sx - r * 1.1, sy + r * 0.7);
          cairo_close_path (cr);
        }
      else
        cairo_arc (cr, sx, sy, r * 0.7, 0, 2 * G_PI);
      set_rgb (cr, &palette->text, 1);
      cairo_fill_preserve (cr);
      set_rgb (cr, &palette->ground, 1);
      cairo_set_line_width (cr, 1.5 * u);
      cairo_stroke (cr);
      if (cosmo_site_get_primary (site) || (!pad && view.zoom >= 9))
        draw_label (cr, sx + r * 1.6, sy - 9 * u, cosmo_site_get_name (site), 13 * u,
                    cosmo_site_get_primary (site) ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL, palette);
    }

  /* The event's own pin, in its category's colour. */
  if (event_position (self, event, &lat, &lon))
    {
      double px, py;

      to_screen (&view, width, height, lat, lon, &px, &py);
      cairo_arc (cr, px, py, 16 * u, 0, 2 * G_PI);
      set_category (cr, cosmo_event_get_category (event), palette->dark, 1);
      cairo_set_line_width (cr, 5 * u);
      cairo_stroke (cr);
    }

  if (self->basemap != NULL)
    {
      TextStyle small = { 9 * u, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_RIGHT, 1, FALSE };

      /* TRANSLATORS: attribution of the offline basemap drawn under the map */
      draw_text (cr, width - 266 * u, height - 15 * u, 260 * u, _("Basemap: GSHHG, DCW-GMT"), &small, &palette->dim);
    }

  cairo_restore (cr);

  cairo_rectangle (cr, x0 + 0.5, y0 + 0.5, width - 1, height - 1);
  set_rgb (cr, &palette->rule, 1);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

/* Chart adapter -----------------------------------------------------------
 *
 * A compact trace per channel over [start, end], with the chapters as
 * event lines and a cursor at t. */

static GPtrArray *
relevant_channels (CosmoBriefing *self,
                   CosmoEvent    *event,
                   double         start,
                   double         end,
                   guint          max)
{
  GListModel *channels = cosmo_mission_get_channels (self->mission);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  const char *group = NULL;

  if (event != NULL)
    {
      if (cosmo_event_get_category (event) == COSMO_EVENT_CATEGORY_PAD)
        group = "pad";
      else if (cosmo_event_get_category (event) == COSMO_EVENT_CATEGORY_FLIGHT)
        group = "vehicle";
    }

  /* The event's own group first, then anything else with data in view. */
  for (int pass = 0; pass < 2 && result->len < max; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (channels) && result->len < max; i++)
      {
        g_autoptr(CosmoChannel) channel = g_list_model_get_item (channels, i);
        gboolean same = group != NULL && g_strcmp0 (cosmo_channel_get_group (channel), group) == 0;

        if ((pass == 0) != same)
          continue;
        if (cosmo_channel_get_n_samples (channel) < 2 ||
            cosmo_channel_get_end_time (channel) < start || cosmo_channel_get_start_time (channel) > end)
          continue;
        g_ptr_array_add (result, g_steal_pointer (&channel));
      }
  return result;
}

static void
draw_chart (CosmoBriefing  *self,
            cairo_t        *cr,
            CosmoChannel   *channel,
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
  const double *times = cosmo_channel_get_times (channel);
  const double *values = cosmo_channel_get_values (channel);
  gsize n = cosmo_channel_get_n_samples (channel);
  TextStyle label = { 12 * u, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, 1, FALSE };
  TextStyle small = { 10 * u, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, 1, FALSE };
  g_autofree char *title = NULL;
  g_autofree char *vmax_text = NULL;
  g_autofree char *vmin_text = NULL;
  double vmin = G_MAXDOUBLE, vmax = -G_MAXDOUBLE;
  double px, pw, py, ph, head;
  gboolean pen = FALSE;
  double last_x = -1e9;

  for (gsize i = 0; i < n; i++)
    if (times[i] >= start && times[i] <= end && isfinite (values[i]))
      {
        vmin = MIN (vmin, values[i]);
        vmax = MAX (vmax, values[i]);
      }
  if (vmin > vmax)
    {
      vmin = 0;
      vmax = 1;
    }
  if (vmax - vmin < 1e-9)
    {
      vmin -= 1;
      vmax += 1;
    }

  if (cosmo_channel_get_unit (channel) && *cosmo_channel_get_unit (channel))
    title = g_strdup_printf ("%s (%s)", cosmo_channel_get_name (channel), cosmo_channel_get_unit (channel));
  else
    title = g_strdup (cosmo_channel_get_name (channel));
  if (cosmo_channel_get_provenance (channel) != COSMO_PROVENANCE_MEASURED)
    {
      char *with = g_strdup_printf ("%s · %s", title, cosmo_provenance_get_label (cosmo_channel_get_provenance (channel)));
      g_free (title);
      title = with;
    }

  head = draw_text (cr, x0, y0, width, title, &label, &palette->text) + 2 * u;
  px = x0 + 54 * u;
  pw = width - 54 * u;
  py = y0 + head;
  ph = height - head - 4 * u;
  if (ph < 10 || pw < 10)
    return;

  vmax_text = g_strdup_printf ("%.4g", vmax);
  vmin_text = g_strdup_printf ("%.4g", vmin);
  draw_text (cr, x0, py - 2 * u, 50 * u, vmax_text, &small, &palette->dim);
  draw_text (cr, x0, py + ph - 12 * u, 50 * u, vmin_text, &small, &palette->dim);

  cairo_save (cr);
  cairo_rectangle (cr, px, py, pw, ph);
  set_rgb (cr, &palette->rule, 1);
  cairo_set_line_width (cr, 1 * u);
  cairo_stroke (cr);

  cairo_rectangle (cr, px, py, pw, ph);
  cairo_clip (cr);

  /* Chapters as event lines. */
  for (guint i = 0; i < self->chapters->len; i++)
    {
      CosmoEvent *chapter = g_ptr_array_index (self->chapters, i);
      double et = cosmo_event_get_time (chapter);
      double ex;

      if (et < start || et > end)
        continue;
      ex = px + (et - start) / (end - start) * pw;
      cairo_move_to (cr, ex, py);
      cairo_line_to (cr, ex, py + ph);
      set_category (cr, cosmo_event_get_category (chapter), palette->dark, 0.8);
      cairo_set_line_width (cr, 1.5 * u);
      cairo_stroke (cr);
    }

  /* The trace, one vertex per device-pixel column at most. */
  for (gsize i = 0; i < n; i++)
    {
      double sx, sy;

      if (times[i] < start || times[i] > end)
        continue;
      if (!isfinite (values[i]))
        {
          pen = FALSE;
          continue;
        }
      sx = px + (times[i] - start) / (end - start) * pw;
      sy = py + ph - (values[i] - vmin) / (vmax - vmin) * ph;
      if (pen && sx - last_x < 0.5 * u && i + 1 < n)
        continue;
      if (pen)
        cairo_line_to (cr, sx, sy);
      else
        cairo_move_to (cr, sx, sy);
      pen = TRUE;
      last_x = sx;
    }
  set_rgb (cr, &palette->track, 1);
  cairo_set_line_width (cr, 2.5 * u);
  cairo_stroke (cr);

  if (t >= start && t <= end)
    {
      double cx = px + (t - start) / (end - start) * pw;

      cairo_move_to (cr, cx, py);
      cairo_line_to (cr, cx, py + ph);
      set_rgb (cr, &palette->playhead, 1);
      cairo_set_line_width (cr, 2.5 * u);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* Timeline adapter ----------------------------------------------------------
 *
 * Every event in [start, end] as a tick in its category's colour, chapters
 * taller, and the playhead. */

static void
draw_timeline (CosmoBriefing  *self,
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
  TextStyle small = { 12 * u, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, 1, FALSE };
  double axis_y = y0 + height * 0.62;
  g_autofree char *left = cosmo_time_format_mission (start, 0);
  g_autofree char *right = cosmo_time_format_mission (end, 0);

  cairo_save (cr);
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
      gboolean chapter = FALSE;

      for (guint k = 0; k < self->chapters->len; k++)
        chapter = chapter || g_ptr_array_index (self->chapters, k) == (gpointer) event;

      if (cosmo_event_is_range (event))
        {
          double ee = x0 + (MIN (cosmo_event_get_end_time (event), end) - start) / (end - start) * width;

          cairo_rectangle (cr, ex, axis_y - 5 * u, MAX (ee - ex, 2 * u), 10 * u);
          set_category (cr, cosmo_event_get_category (event), palette->dark, 0.45);
          cairo_fill (cr);
        }
      cairo_move_to (cr, ex, axis_y - (chapter ? 26 : 12) * u);
      cairo_line_to (cr, ex, axis_y + (chapter ? 14 : 8) * u);
      set_category (cr, cosmo_event_get_category (event), palette->dark, 1);
      cairo_set_line_width (cr, (chapter ? 4 : 2) * u);
      cairo_stroke (cr);
    }

  draw_text (cr, x0, axis_y + 14 * u, width / 3, left, &small, &palette->dim);
  small.align = PANGO_ALIGN_RIGHT;
  draw_text (cr, x0 + width * 2 / 3, axis_y + 14 * u, width / 3, right, &small, &palette->dim);

  if (t >= start && t <= end)
    {
      double cx = x0 + (t - start) / (end - start) * width;

      cairo_move_to (cr, cx, y0 + 4 * u);
      cairo_line_to (cr, cx, y0 + height - 4 * u);
      set_rgb (cr, &palette->playhead, 1);
      cairo_set_line_width (cr, 3 * u);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* Frames ----------------------------------------------------------------- */

static char *
format_utc (CosmoBriefing *self,
            double         t)
{
  /* "2025-11-27 09:28:07 UTC": the formatter names the zone. */
  return cosmo_time_format_absolute (cosmo_mission_get_t0 (self->mission), t, NULL, 0);
}

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
  double top = 84 * u, timeline_h = 120 * u, caption_h = 150 * u, margin = 16 * u;
  double map_w = width * 0.62, content_h;
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
  draw_map (self, cr, 0, top, map_w, content_h, t, caption, u, palette);

  /* Charts of the channels that have data in range, stacked on the right. */
  channels = relevant_channels (self, caption, range_start, range_end, 3);
  if (channels->len > 0)
    {
      double cx = map_w + margin, cw = width - map_w - 2 * margin;
      double ch = (content_h - margin) / channels->len;

      for (guint i = 0; i < channels->len; i++)
        draw_chart (self, cr, g_ptr_array_index (channels, i), cx, top + margin / 2 + i * ch, cw, ch - margin / 2,
                    range_start, range_end, t, u, palette);
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
      cairo_set_source_rgba (cr, 0, 0, 0, 0.82);
      cairo_fill (cr);
      cairo_rectangle (cr, 0, by, 12 * u, caption_h);
      set_category (cr, cosmo_event_get_category (caption), TRUE, 1);
      cairo_fill (cr);
      draw_text (cr, 32 * u, by + 18 * u, map_w - 48 * u, cosmo_event_get_title (caption), &big,
                 &(CosmoRgb) { 1, 1, 1 });
      draw_text (cr, 32 * u, by + 88 * u, map_w - 48 * u, line, &sub, &(CosmoRgb) { 0.85, 0.85, 0.85 });
    }

  draw_timeline (self, cr, margin, top + content_h, width - 2 * margin, timeline_h,
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

      for (guint i = 0; i < channels->len; i++)
        draw_chart (self, cr, g_ptr_array_index (channels, i), m + i * (w + 14), y, w, charts_h - 20,
                    window_start, window_end, t, 0.75, p);
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

      draw_timeline (self, cr, m, y, page->width - 2 * m, 46, lo, hi, t, 0.75, p);
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
