/* cosmo-basemap.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading: the file (data/basemap/README.md) is decoded once into flat
 * arrays of projected points (normalized Web-Mercator, see
 * cosmo-mercator.h), one LOD byte per point, and feature records with
 * bounding boxes. Long lines are cut into chunks so that the bounding
 * boxes stay tight. Place labels are turned into cairo paths with Pango at
 * load time, so rendering never touches Pango or fontconfig and needs no
 * locking: after construction nothing in the object changes.
 *
 * Rendering one tile or view: background water, then the shore polygons
 * level by level (GSHHG levels: 1 land, 2 lake, 3 island in a lake, 4 pond
 * on such an island), shore lines, graticule, rivers, borders and labels.
 * Each feature is skipped by its bounding box, its points by their LOD
 * byte, and polygons are clipped to the drawing area (plus a margin) before
 * cairo sees them: a lake outline that is millions of pixels long at zoom 16
 * would otherwise cost time and overflow cairo's 24.8 fixed point.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "cosmo-basemap.h"
#include "cosmo-mercator.h"

#define FORMAT_MAGIC "CSMOBMAP"
#define FORMAT_MAJOR 1
#define HEADER_SIZE 32
#define COORD_UNITS 100000.0   /* 1e-5 degree */
#define LOD_LIMIT 31           /* larger LOD bytes mean a corrupt file */
#define LINE_CHUNK 128         /* points per line chunk, for tight boxes */
#define N_LEVELS 4

/* Cairo keeps coordinates in 24.8 fixed point; stay well inside it. */
#define SAFE_COORD 1.0e6

enum {
  LINE_RIVER = 1,
  LINE_BORDER = 2,
};

enum {
  FEATURE_CONTEXT = 1 << 0,   /* low-resolution world layer */
};

typedef enum {
  PLACE_CAPITAL = 1,
  PLACE_CITY,
  PLACE_TOWN,
  PLACE_VILLAGE,
  PLACE_COUNTRY,
  PLACE_SEA,
  PLACE_LAKE,
  PLACE_RIVER,
  PLACE_LAST = PLACE_RIVER,
} PlaceKind;

typedef enum {
  ANCHOR_CENTER,
  ANCHOR_EAST,
  ANCHOR_WEST,
  ANCHOR_NORTH,
  ANCHOR_SOUTH,
  ANCHOR_LAST = ANCHOR_SOUTH,
} Anchor;

typedef struct
{
  double x0, y0, x1, y1;
} Box;

typedef struct
{
  Box     box;         /* normalized Web-Mercator */
  guint32 first;       /* index of the first point */
  guint32 n_points;
  guint8  kind;        /* rings: level 1-4; lines: LINE_* */
  guint8  klass;       /* lines: GSHHG river level or border level */
  guint8  flags;
  guint8  min_zoom;
} Feature;

typedef struct
{
  char         *name;
  char         *country;
  double        u, v;
  PlaceKind     kind;
  Anchor        anchor;
  guint8        min_zoom;
  guint8        max_zoom;
  double        font_px;
  Box           ink;   /* label ink extents around the baseline origin */
  cairo_path_t *path;  /* label outline, baseline origin at (0, 0) */
} Place;

struct _CosmoBasemap
{
  GObject     parent_instance;

  double     *xy;          /* 2 per point */
  guint8     *lod;         /* first zoom that needs the point */
  guint       n_points;

  Feature    *rings;       /* sorted by level */
  guint       n_rings;
  guint       level_start[N_LEVELS + 2];

  Feature    *lines;       /* chunks, sorted by kind and class */
  guint       n_lines;

  Place      *places;      /* in priority order */
  guint       n_places;

  Box         extent;      /* of all features, normalized */
  double      detail[4];   /* west, south, east, north in degrees */
  GHashTable *metadata;
};

G_DEFINE_FINAL_TYPE (CosmoBasemap, cosmo_basemap, G_TYPE_OBJECT)

G_DEFINE_QUARK (cosmo-basemap-error-quark, cosmo_basemap_error)

/* ------------------------------------------------------------------ */
/* Styles                                                               */

#define RGB(r, g, b) { (r) / 255.0, (g) / 255.0, (b) / 255.0, 1.0 }
#define RGBA(r, g, b, a) { (r) / 255.0, (g) / 255.0, (b) / 255.0, (a) }

static const CosmoBasemapStyle styles[] = {
  [COSMO_BASEMAP_STYLE_LIGHT] = {
    .name = "light",
    .water = RGB (0xa8, 0xcd, 0xe3),
    .land = RGB (0xf4, 0xf0, 0xe6),
    .shore = RGB (0x6f, 0xa3, 0xc4),
    .river = RGB (0x5e, 0x9c, 0xc8),
    .border = RGB (0x86, 0x4f, 0x9c),
    .border_casing = RGBA (0x86, 0x4f, 0x9c, 0.18),
    .graticule = RGBA (0x30, 0x40, 0x58, 0.13),
    .place_dot = RGB (0x30, 0x30, 0x30),
    .place_dot_outline = RGB (0xff, 0xff, 0xff),
    .label = RGB (0x1c, 0x1c, 0x1c),
    .label_halo = RGBA (0xff, 0xff, 0xff, 0.88),
    .water_label = RGB (0x1f, 0x5f, 0x8e),
    .country_label = RGB (0x6e, 0x45, 0x80),
    .line_scale = 1.0,
    .label_scale = 1.0,
    .halo_width = 3.0,
  },
  [COSMO_BASEMAP_STYLE_DARK] = {
    .name = "dark",
    .water = RGB (0x10, 0x2a, 0x47),
    .land = RGB (0x31, 0x34, 0x39),
    .shore = RGB (0x45, 0x74, 0xa3),
    .river = RGB (0x52, 0x8f, 0xc9),
    .border = RGB (0xc4, 0x9c, 0xd8),
    .border_casing = RGBA (0xc4, 0x9c, 0xd8, 0.16),
    .graticule = RGBA (0xff, 0xff, 0xff, 0.09),
    .place_dot = RGB (0xee, 0xee, 0xee),
    .place_dot_outline = RGB (0x1a, 0x1a, 0x1e),
    .label = RGB (0xf2, 0xf2, 0xf2),
    .label_halo = RGBA (0x14, 0x16, 0x1a, 0.85),
    .water_label = RGB (0x8f, 0xbd, 0xe4),
    .country_label = RGB (0xcb, 0xb0, 0xd9),
    .line_scale = 1.0,
    .label_scale = 1.0,
    .halo_width = 3.0,
  },
  /* For projectors, which wash out pale tints: white land, saturated
   * water, black borders and text, thicker lines, larger labels. */
  [COSMO_BASEMAP_STYLE_HIGH_CONTRAST] = {
    .name = "high-contrast",
    .water = RGB (0x2a, 0x6f, 0xd6),
    .land = RGB (0xff, 0xff, 0xff),
    .shore = RGB (0x0b, 0x2f, 0x7a),
    .river = RGB (0x1a, 0x5c, 0xd0),
    .border = RGB (0x00, 0x00, 0x00),
    .border_casing = RGBA (0xd0, 0x5a, 0x00, 0.35),
    .graticule = RGBA (0x00, 0x00, 0x00, 0.28),
    .place_dot = RGB (0x00, 0x00, 0x00),
    .place_dot_outline = RGB (0xff, 0xff, 0xff),
    .label = RGB (0x00, 0x00, 0x00),
    .label_halo = RGB (0xff, 0xff, 0xff),
    .water_label = RGB (0x00, 0x1e, 0x66),
    .country_label = RGB (0x3a, 0x00, 0x52),
    .line_scale = 1.5,
    .label_scale = 1.2,
    .halo_width = 4.0,
  },
};

/**
 * cosmo_basemap_style_get:
 * @kind: a built-in style
 *
 * Returns: (transfer none): a static style
 */
const CosmoBasemapStyle *
cosmo_basemap_style_get (CosmoBasemapStyleKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (styles), &styles[0]);

  return &styles[kind];
}

/* ------------------------------------------------------------------ */
/* Loading                                                              */

typedef struct
{
  const char   *name;      /* for messages: the file name */
  const guint8 *start;     /* of the whole file, for byte offsets */
  const guint8 *p;
  const guint8 *end;
  const char   *what;      /* what is being read, for messages */
  const char   *item_kind; /* "polygon", "line", "place" or NULL */
  guint         item;      /* 1-based */
  guint         n_items;
} Reader;

G_GNUC_PRINTF (3, 4)
static gboolean
reader_fail (Reader     *r,
             GError    **error,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (r->item_kind)
    g_set_error (error, COSMO_BASEMAP_ERROR, COSMO_BASEMAP_ERROR_INVALID,
                 "%s: %s, %s %u of %u, at byte %" G_GSIZE_FORMAT ": %s",
                 r->name, r->what, r->item_kind, r->item, r->n_items,
                 (gsize) (r->p - r->start), message);
  else
    g_set_error (error, COSMO_BASEMAP_ERROR, COSMO_BASEMAP_ERROR_INVALID,
                 "%s: %s at byte %" G_GSIZE_FORMAT ": %s",
                 r->name, r->what, (gsize) (r->p - r->start), message);
  return FALSE;
}

static gboolean
read_u8 (Reader  *r,
         guint8  *out,
         GError **error)
{
  if (r->p >= r->end)
    return reader_fail (r, error, "unexpected end of data");
  *out = *r->p++;
  return TRUE;
}

static gboolean
read_uvarint (Reader   *r,
              guint64  *out,
              GError  **error)
{
  guint64 value = 0;

  for (guint shift = 0; shift < 64; shift += 7)
    {
      guint8 b;

      if (r->p >= r->end)
        return reader_fail (r, error, "unexpected end of data inside a number");
      b = *r->p++;
      value |= (guint64) (b & 0x7f) << shift;
      if ((b & 0x80) == 0)
        {
          *out = value;
          return TRUE;
        }
    }

  return reader_fail (r, error, "number longer than 64 bits");
}

static gboolean
read_svarint (Reader  *r,
              gint64  *out,
              GError **error)
{
  guint64 u = 0;

  if (!read_uvarint (r, &u, error))
    return FALSE;
  /* Zig-zag: 0, -1, 1, -2, ... are stored as 0, 1, 2, 3, ... */
  *out = (gint64) (u >> 1) ^ -(gint64) (u & 1);
  return TRUE;
}

static gboolean
read_count (Reader  *r,
            guint    min_bytes_each,
            guint   *out,
            GError **error)
{
  guint64 n = 0;

  if (!read_uvarint (r, &n, error))
    return FALSE;
  /* Refuse counts the remaining bytes cannot hold, before allocating. */
  if (n > (guint64) (r->end - r->p) / MAX (min_bytes_each, 1))
    return reader_fail (r, error, "count %" G_GUINT64_FORMAT " is larger than the data", n);
  *out = (guint) n;
  return TRUE;
}

static guint32
read_le32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

static void
box_add (Box    *box,
         double  x,
         double  y)
{
  box->x0 = MIN (box->x0, x);
  box->y0 = MIN (box->y0, y);
  box->x1 = MAX (box->x1, x);
  box->y1 = MAX (box->y1, y);
}

static const Box empty_box = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

typedef struct
{
  GArray *xy;
  GArray *lod;
} Points;

static gboolean
read_feature (Reader   *r,
              gboolean  ring,
              Points   *pts,
              Feature  *f,
              GError  **error)
{
  gint64 west = 0, south = 0, lon, lat;
  guint64 width = 0, height = 0;
  guint n = 0;

  const guint8 *start = r->p;

  memset (f, 0, sizeof *f);
  if (!read_u8 (r, &f->kind, error) ||
      !read_u8 (r, &f->klass, error) ||
      !read_u8 (r, &f->flags, error) ||
      !read_u8 (r, &f->min_zoom, error))
    return FALSE;

  if (ring && (f->kind < 1 || f->kind > N_LEVELS))
    {
      r->p = start;
      return reader_fail (r, error, "polygon level %u is not 1 to %u", f->kind, N_LEVELS);
    }
  if (!ring && f->kind != LINE_RIVER && f->kind != LINE_BORDER)
    {
      r->p = start;
      return reader_fail (r, error, "line kind %u is neither river (1) nor border (2)", f->kind);
    }

  if (!read_svarint (r, &west, error) ||
      !read_svarint (r, &south, error) ||
      !read_uvarint (r, &width, error) ||
      !read_uvarint (r, &height, error))
    return FALSE;

  if (west < -540 * COORD_UNITS || west + (gint64) width > 540 * COORD_UNITS ||
      south < -90 * COORD_UNITS || south + (gint64) height > 90 * COORD_UNITS ||
      width > 720 * COORD_UNITS || height > 180 * COORD_UNITS)
    return reader_fail (r, error, "bounding box is outside the globe");

  /* Each point takes at least two bytes of deltas and one LOD byte. */
  if (!read_count (r, 3, &n, error))
    return FALSE;
  if (n < (ring ? 3u : 2u))
    return reader_fail (r, error, "%s with %u points", ring ? "polygon" : "line", n);
  if (pts->lod->len + (guint64) n > G_MAXUINT32)
    return reader_fail (r, error, "too many points");

  f->first = pts->lod->len;
  f->n_points = n;
  f->box = empty_box;

  lon = west;
  lat = south;
  for (guint i = 0; i < n; i++)
    {
      gint64 dx = 0, dy = 0;
      double xy[2];

      if (!read_svarint (r, &dx, error) || !read_svarint (r, &dy, error))
        return FALSE;
      lon += dx;
      lat += dy;
      if (lon < west || lon > west + (gint64) width ||
          lat < south || lat > south + (gint64) height)
        return reader_fail (r, error, "point %u (%.5f, %.5f) lies outside the feature's bounding box",
                            i, lat / COORD_UNITS, lon / COORD_UNITS);

      cosmo_mercator_project (lat / COORD_UNITS, lon / COORD_UNITS, &xy[0], &xy[1]);
      box_add (&f->box, xy[0], xy[1]);
      g_array_append_vals (pts->xy, xy, 2);
    }

  if ((gsize) (r->end - r->p) < n)
    return reader_fail (r, error, "unexpected end of data in the level-of-detail bytes");
  for (guint i = 0; i < n; i++)
    if (r->p[i] > LOD_LIMIT)
      return reader_fail (r, error, "level-of-detail byte %u is %u (at most %u)", i, r->p[i], LOD_LIMIT);
  g_array_append_vals (pts->lod, r->p, n);
  r->p += n;

  return TRUE;
}

static int
compare_rings (gconstpointer a,
               gconstpointer b)
{
  const Feature *fa = a, *fb = b;

  if (fa->kind != fb->kind)
    return fa->kind < fb->kind ? -1 : 1;
  /* Keep file order otherwise, so rendering does not depend on qsort. */
  return fa->first < fb->first ? -1 : fa->first > fb->first;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const Feature *fa = a, *fb = b;

  if (fa->kind != fb->kind)
    return fa->kind < fb->kind ? -1 : 1;
  if (fa->klass != fb->klass)
    return fa->klass < fb->klass ? -1 : 1;
  return fa->first < fb->first ? -1 : fa->first > fb->first;
}

static gboolean
parse_rings (CosmoBasemap  *self,
             Reader        *r,
             Points        *pts,
             GError       **error)
{
  guint n = 0;

  if (!read_count (r, 10, &n, error))
    return FALSE;

  self->rings = g_new0 (Feature, n);
  self->n_rings = n;
  r->item_kind = "polygon";
  r->n_items = n;
  for (guint i = 0; i < n; i++)
    {
      r->item = i + 1;
      if (!read_feature (r, TRUE, pts, &self->rings[i], error))
        return FALSE;
    }
  r->item_kind = NULL;

  qsort (self->rings, n, sizeof (Feature), compare_rings);

  /* level_start[l] .. level_start[l + 1] are the rings of level l. */
  for (guint level = 0, i = 0; level <= N_LEVELS + 1; level++)
    {
      while (i < n && self->rings[i].kind < level)
        i++;
      self->level_start[level] = i;
    }

  return TRUE;
}

static gboolean
parse_lines (CosmoBasemap  *self,
             Reader        *r,
             Points        *pts,
             GError       **error)
{
  g_autoptr(GArray) chunks = g_array_new (FALSE, FALSE, sizeof (Feature));
  guint n = 0;

  if (!read_count (r, 10, &n, error))
    return FALSE;

  r->item_kind = "line";
  r->n_items = n;
  for (guint i = 0; i < n; i++)
    {
      Feature f;

      r->item = i + 1;
      if (!read_feature (r, FALSE, pts, &f, error))
        return FALSE;

      /* Cut long lines into chunks sharing their end points, so that a
       * tile only walks the pieces near it. */
      for (guint start = 0; start + 1 < f.n_points; start += LINE_CHUNK - 1)
        {
          Feature c = f;
          const double *xy;

          c.first = f.first + start;
          c.n_points = MIN (LINE_CHUNK, f.n_points - start);
          c.box = empty_box;
          xy = &g_array_index (pts->xy, double, 2 * c.first);
          for (guint j = 0; j < c.n_points; j++)
            box_add (&c.box, xy[2 * j], xy[2 * j + 1]);
          g_array_append_val (chunks, c);
        }
    }

  r->item_kind = NULL;
  g_array_sort (chunks, compare_lines);
  self->n_lines = chunks->len;
  self->lines = (Feature *) (gpointer) g_array_free (g_steal_pointer (&chunks), FALSE);

  return TRUE;
}

static gboolean
parse_places (CosmoBasemap  *self,
              Reader        *r,
              GError       **error)
{
  guint n = 0;

  if (!read_count (r, 8, &n, error))
    return FALSE;

  self->places = g_new0 (Place, n);
  self->n_places = n;
  r->item_kind = "place";
  r->n_items = n;
  for (guint i = 0; i < n; i++)
    {
      Place *place = &self->places[i];
      guint8 kind = 0, anchor = 0;
      gint64 lon = 0, lat = 0;
      guint len = 0;

      r->item = i + 1;
      if (!read_u8 (r, &kind, error) ||
          !read_u8 (r, &place->min_zoom, error) ||
          !read_u8 (r, &place->max_zoom, error) ||
          !read_u8 (r, &anchor, error) ||
          !read_svarint (r, &lon, error) ||
          !read_svarint (r, &lat, error))
        return FALSE;

      if (kind < PLACE_CAPITAL || kind > PLACE_LAST)
        return reader_fail (r, error, "unknown kind %u", kind);
      if (anchor > ANCHOR_LAST)
        return reader_fail (r, error, "unknown label anchor %u", anchor);
      if (lon < -180 * COORD_UNITS || lon > 180 * COORD_UNITS ||
          lat < -90 * COORD_UNITS || lat > 90 * COORD_UNITS)
        return reader_fail (r, error, "coordinates outside the globe");
      place->kind = kind;
      place->anchor = anchor;
      cosmo_mercator_project (lat / COORD_UNITS, lon / COORD_UNITS, &place->u, &place->v);

      if (!read_count (r, 1, &len, error))
        return FALSE;
      if (len == 0 || !g_utf8_validate ((const char *) r->p, len, NULL))
        return reader_fail (r, error, "name is empty or not UTF-8");
      place->name = g_strndup ((const char *) r->p, len);
      r->p += len;

      if (!read_count (r, 1, &len, error))
        return FALSE;
      if (!g_utf8_validate ((const char *) r->p, len, NULL))
        return reader_fail (r, error, "country code is not UTF-8");
      place->country = g_strndup ((const char *) r->p, len);
      r->p += len;
    }

  r->item_kind = NULL;
  return TRUE;
}

static void
parse_metadata (CosmoBasemap *self,
                const guint8 *data,
                gsize         len)
{
  g_autofree char *text = g_strndup ((const char *) data, len);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      char *eq = strchr (lines[i], '=');

      if (eq == NULL || !g_utf8_validate (lines[i], -1, NULL))
        continue;
      *eq = '\0';
      g_hash_table_insert (self->metadata, g_strdup (lines[i]), g_strdup (eq + 1));
    }
}

/* Label fonts: sizes in pixels, so that they do not depend on the screen
 * resolution Pango assumes. */
static PangoFontDescription *
place_font (PlaceKind  kind,
            double    *px)
{
  PangoFontDescription *desc = pango_font_description_from_string ("Cantarell, DejaVu Sans, Sans");
  PangoWeight weight = PANGO_WEIGHT_NORMAL;
  PangoStyle style = PANGO_STYLE_NORMAL;

  switch (kind)
    {
    case PLACE_CAPITAL: *px = 15.5; weight = PANGO_WEIGHT_BOLD; break;
    case PLACE_CITY: *px = 14.5; weight = PANGO_WEIGHT_BOLD; break;
    case PLACE_TOWN: *px = 13.5; break;
    case PLACE_VILLAGE: *px = 12.5; break;
    case PLACE_COUNTRY: *px = 14.0; weight = PANGO_WEIGHT_BOLD; break;
    case PLACE_SEA:
    case PLACE_LAKE: *px = 14.0; style = PANGO_STYLE_ITALIC; break;
    case PLACE_RIVER: *px = 12.5; style = PANGO_STYLE_ITALIC; break;
    default: g_assert_not_reached ();
    }

  pango_font_description_set_absolute_size (desc, *px * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_font_description_set_style (desc, style);
  return desc;
}

/* Turn every label into an outline path once, so that rendering (possibly
 * in several threads) only replays paths. The paths are unhinted, so a
 * label cut by a tile edge joins up exactly with the neighbouring tile. */
static void
build_label_paths (CosmoBasemap *self)
{
  PangoFontMap *font_map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  for (guint i = 0; i < self->n_places; i++)
    {
      Place *place = &self->places[i];
      PangoLayout *layout = pango_layout_new (context);
      PangoFontDescription *desc = place_font (place->kind, &place->font_px);
      PangoRectangle ink;
      int baseline;

      pango_layout_set_font_description (layout, desc);
      pango_font_description_free (desc);

      if (place->kind == PLACE_COUNTRY)
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          /* Spaced capitals: the classic look for area names. */
          pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (3 * PANGO_SCALE));
          pango_layout_set_attributes (layout, attrs);
          pango_attr_list_unref (attrs);
        }
      pango_layout_set_text (layout, place->name, -1);

      pango_layout_get_extents (layout, &ink, NULL);
      baseline = pango_layout_get_baseline (layout);

      cairo_new_path (cr);
      cairo_move_to (cr, 0, -baseline / (double) PANGO_SCALE);
      pango_cairo_layout_path (cr, layout);
      place->path = cairo_copy_path (cr);
      place->ink.x0 = ink.x / (double) PANGO_SCALE;
      place->ink.y0 = (ink.y - baseline) / (double) PANGO_SCALE;
      place->ink.x1 = (ink.x + ink.width) / (double) PANGO_SCALE;
      place->ink.y1 = (ink.y + ink.height - baseline) / (double) PANGO_SCALE;
      g_object_unref (layout);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_object_unref (context);
  g_object_unref (font_map);
}

static gboolean
cosmo_basemap_load (CosmoBasemap  *self,
                    GBytes        *bytes,
                    const char    *name,
                    GError       **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  Reader r = { name, data, data, data + size, "header" };
  Points pts;
  guint16 major, minor;
  guint32 n_sections;
  gboolean have_rings = FALSE, have_lines = FALSE, have_places = FALSE;
  gboolean ok = FALSE;

  if (size < HEADER_SIZE || memcmp (data, FORMAT_MAGIC, 8) != 0)
    return reader_fail (&r, error, "not a Cosmodrome basemap file (expected \"%s\" and a %u-byte header)",
                        FORMAT_MAGIC, HEADER_SIZE);

  major = data[8] | data[9] << 8;
  minor = data[10] | data[11] << 8;
  if (major != FORMAT_MAJOR)
    {
      g_set_error (error, COSMO_BASEMAP_ERROR, COSMO_BASEMAP_ERROR_UNSUPPORTED_VERSION,
                   "%s: format version %u.%u is not supported (this build reads %u.x)",
                   name, major, minor, FORMAT_MAJOR);
      return FALSE;
    }
  n_sections = read_le32 (data + 12);
  for (guint i = 0; i < 4; i++)
    self->detail[i] = (gint32) read_le32 (data + 16 + 4 * i) / COORD_UNITS;

  pts.xy = g_array_new (FALSE, FALSE, sizeof (double));
  pts.lod = g_array_new (FALSE, FALSE, sizeof (guint8));

  r.p = data + HEADER_SIZE;
  for (guint32 s = 0; s < n_sections; s++)
    {
      char tag[5] = { 0 };
      guint32 len;
      Reader sr;

      r.what = "section table";
      if ((gsize) (r.end - r.p) < 8)
        {
          reader_fail (&r, error, "section %u of %u is missing (file truncated?)", s + 1, n_sections);
          goto out;
        }
      memcpy (tag, r.p, 4);
      len = read_le32 (r.p + 4);
      r.p += 8;
      if (len > (gsize) (r.end - r.p))
        {
          reader_fail (&r, error, "section '%s' is %u bytes long but only %" G_GSIZE_FORMAT " remain (file truncated?)",
                       g_str_is_ascii (tag) ? tag : "?", len, (gsize) (r.end - r.p));
          goto out;
        }

      sr = r;
      sr.end = r.p + len;
      r.p += len;

      if (strcmp (tag, "META") == 0)
        {
          parse_metadata (self, sr.p, len);
          continue;
        }
      else if (strcmp (tag, "RING") == 0)
        {
          sr.what = "RING section";
          if (have_rings || !parse_rings (self, &sr, &pts, error))
            goto dup_or_fail;
          have_rings = TRUE;
        }
      else if (strcmp (tag, "LINE") == 0)
        {
          sr.what = "LINE section";
          if (have_lines || !parse_lines (self, &sr, &pts, error))
            goto dup_or_fail;
          have_lines = TRUE;
        }
      else if (strcmp (tag, "PLAC") == 0)
        {
          sr.what = "PLAC section";
          if (have_places || !parse_places (self, &sr, error))
            goto dup_or_fail;
          have_places = TRUE;
        }
      else
        {
          /* Unknown sections are skipped: minor versions may add some. */
          continue;
        }

      if (sr.p != sr.end)
        {
          reader_fail (&sr, error, "%" G_GSIZE_FORMAT " unexpected bytes at the end of the section",
                       (gsize) (sr.end - sr.p));
          goto out;
        }
      continue;

    dup_or_fail:
      if (error && *error == NULL)
        reader_fail (&sr, error, "the section appears twice");
      goto out;
    }

  if (!have_rings || !have_lines || !have_places)
    {
      r.what = "section table";
      reader_fail (&r, error, "the file has no %s section",
                   !have_rings ? "RING" : !have_lines ? "LINE" : "PLAC");
      goto out;
    }

  self->n_points = pts.lod->len;
  self->xy = (double *) (gpointer) g_array_free (g_steal_pointer (&pts.xy), FALSE);
  self->lod = (guint8 *) g_array_free (g_steal_pointer (&pts.lod), FALSE);

  self->extent = empty_box;
  for (guint i = 0; i < self->n_rings; i++)
    {
      box_add (&self->extent, self->rings[i].box.x0, self->rings[i].box.y0);
      box_add (&self->extent, self->rings[i].box.x1, self->rings[i].box.y1);
    }
  for (guint i = 0; i < self->n_lines; i++)
    {
      box_add (&self->extent, self->lines[i].box.x0, self->lines[i].box.y0);
      box_add (&self->extent, self->lines[i].box.x1, self->lines[i].box.y1);
    }
  if (self->extent.x0 > self->extent.x1)
    self->extent = (Box) { 0, 0, 1, 1 };

  build_label_paths (self);
  ok = TRUE;

out:
  if (pts.xy)
    g_array_free (pts.xy, TRUE);
  if (pts.lod)
    g_array_free (pts.lod, TRUE);
  return ok;
}

static void
cosmo_basemap_finalize (GObject *object)
{
  CosmoBasemap *self = (CosmoBasemap *) object;

  for (guint i = 0; i < self->n_places; i++)
    {
      g_free (self->places[i].name);
      g_free (self->places[i].country);
      g_clear_pointer (&self->places[i].path, cairo_path_destroy);
    }
  g_clear_pointer (&self->places, g_free);
  g_clear_pointer (&self->rings, g_free);
  g_clear_pointer (&self->lines, g_free);
  g_clear_pointer (&self->xy, g_free);
  g_clear_pointer (&self->lod, g_free);
  g_clear_pointer (&self->metadata, g_hash_table_unref);

  G_OBJECT_CLASS (cosmo_basemap_parent_class)->finalize (object);
}

static void
cosmo_basemap_class_init (CosmoBasemapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cosmo_basemap_finalize;
}

static void
cosmo_basemap_init (CosmoBasemap *self)
{
  self->metadata = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * cosmo_basemap_new_from_bytes:
 * @bytes: the contents of a basemap file
 * @name: (nullable): a name for error messages, such as the file name
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the basemap, or %NULL with @error
 *   set to a message naming @name and what is wrong where
 */
CosmoBasemap *
cosmo_basemap_new_from_bytes (GBytes      *bytes,
                              const char  *name,
                              GError     **error)
{
  g_autoptr(CosmoBasemap) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (COSMO_TYPE_BASEMAP, NULL);
  if (!cosmo_basemap_load (self, bytes, name ? name : "basemap data", error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * cosmo_basemap_new_from_file:
 * @path: a basemap file (data/basemap/basemap.cbm)
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the basemap
 */
CosmoBasemap *
cosmo_basemap_new_from_file (const char  *path,
                             GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* GLib's message already names the file. */
  if (!(mapped = g_mapped_file_new (path, FALSE, error)))
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);

  return cosmo_basemap_new_from_bytes (bytes, path, error);
}

/**
 * cosmo_basemap_get_metadata:
 * @key: e.g. "gshhg", "gmt-gshhg-full", "detail-resolution"
 *
 * Returns: (nullable): the value of @key in the file's META section
 */
const char *
cosmo_basemap_get_metadata (CosmoBasemap *self,
                            const char   *key)
{
  g_return_val_if_fail (COSMO_IS_BASEMAP (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->metadata, key);
}

/**
 * cosmo_basemap_get_detail_area:
 *
 * The box, in degrees, where the data is at full resolution. Outside it
 * only the low-resolution world layer is drawn.
 */
void
cosmo_basemap_get_detail_area (CosmoBasemap *self,
                               double       *west,
                               double       *south,
                               double       *east,
                               double       *north)
{
  g_return_if_fail (COSMO_IS_BASEMAP (self));

  if (west)
    *west = self->detail[0];
  if (south)
    *south = self->detail[1];
  if (east)
    *east = self->detail[2];
  if (north)
    *north = self->detail[3];
}

guint
cosmo_basemap_get_n_places (CosmoBasemap *self)
{
  g_return_val_if_fail (COSMO_IS_BASEMAP (self), 0);

  return self->n_places;
}

/* ------------------------------------------------------------------ */
/* Rendering                                                            */

typedef struct
{
  CosmoBasemap            *self;
  const CosmoBasemapStyle *style;
  cairo_t                 *cr;

  double  zoom;         /* display zoom, may be fractional */
  int     lod;          /* points with a larger LOD byte are skipped */
  double  scale;        /* user units per 256-tile pixel */
  double  world;        /* world size in user units */
  double  ox, oy;       /* user position of the world origin is (-ox, -oy) */
  double  width;
  double  height;
  double  margin;       /* user units drawn around the area */
  Box     view;         /* normalized, margin included */
  int     k_min, k_max; /* world copies (longitude wraps) that can show */
  gboolean whole_labels; /* drop labels that the area's edge would cut */

  /* Scratch for polygon clipping, owned by this render call. */
  double *buf[2];
  gsize   buf_cap;
} Render;

static inline void
set_color (cairo_t                 *cr,
           const CosmoBasemapColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

static inline gboolean
box_visible (const Render *r,
             const Box    *b,
             int           k)
{
  return b->x0 + k <= r->view.x1 && b->x1 + k >= r->view.x0 &&
         b->y0 <= r->view.y1 && b->y1 >= r->view.y0;
}

/* Room for n_points points in both scratch buffers, keeping contents. */
static void
ensure_buffers (Render *r,
                gsize   n_points)
{
  gsize need = 2 * n_points;

  if (need <= r->buf_cap)
    return;
  r->buf_cap = MAX (need, r->buf_cap * 2);
  r->buf[0] = g_renew (double, r->buf[0], r->buf_cap);
  r->buf[1] = g_renew (double, r->buf[1], r->buf_cap);
}

/* One Sutherland-Hodgman pass: keep the part of the polygon on one side of
 * an axis-aligned line. Where the polygon leaves and re-enters, the output
 * runs along the line; that edge lies in the margin outside the visible
 * area, so neither the fill nor the shore stroke along it shows. */
static gsize
clip_pass (const double *in,
           gsize         n,
           double       *out,
           int           axis,
           double        bound,
           gboolean      keep_below)
{
  gsize m = 0;
  double px, py;
  gboolean pin;

  if (n == 0)
    return 0;

  px = in[2 * (n - 1)];
  py = in[2 * (n - 1) + 1];
  pin = keep_below ? (axis ? py : px) <= bound : (axis ? py : px) >= bound;

  for (gsize i = 0; i < n; i++)
    {
      double cx = in[2 * i], cy = in[2 * i + 1];
      double c = axis ? cy : cx;
      gboolean cin = keep_below ? c <= bound : c >= bound;

      if (cin != pin)
        {
          double p = axis ? py : px;
          double t = (bound - p) / (c - p);

          out[2 * m] = axis ? px + t * (cx - px) : bound;
          out[2 * m + 1] = axis ? bound : py + t * (cy - py);
          m++;
        }
      if (cin)
        {
          out[2 * m] = cx;
          out[2 * m + 1] = cy;
          m++;
        }
      px = cx;
      py = cy;
      pin = cin;
    }

  return m;
}

static void
append_ring (Render        *r,
             const Feature *f,
             int            k)
{
  const double *xy = r->self->xy + 2 * (gsize) f->first;
  const guint8 *lod = r->self->lod + f->first;
  double x0 = -r->margin, y0 = -r->margin;
  double x1 = r->width + r->margin, y1 = r->height + r->margin;
  double *pts;
  gsize n = 0;

  ensure_buffers (r, f->n_points);
  pts = r->buf[0];

  for (guint i = 0; i < f->n_points; i++)
    {
      if (lod[i] > r->lod)
        continue;
      pts[2 * n] = (xy[2 * i] + k) * r->world - r->ox;
      pts[2 * n + 1] = xy[2 * i + 1] * r->world - r->oy;
      n++;
    }
  if (n < 3)
    return;

  /* Only polygons that reach outside the area need clipping. */
  if ((f->box.x0 + k) * r->world - r->ox < x0 ||
      (f->box.x1 + k) * r->world - r->ox > x1 ||
      f->box.y0 * r->world - r->oy < y0 ||
      f->box.y1 * r->world - r->oy > y1)
    {
      /* A pass emits at most two points per input edge. */
      ensure_buffers (r, 2 * n);
      n = clip_pass (r->buf[0], n, r->buf[1], 0, x0, FALSE);
      ensure_buffers (r, 2 * n);
      n = clip_pass (r->buf[1], n, r->buf[0], 0, x1, TRUE);
      ensure_buffers (r, 2 * n);
      n = clip_pass (r->buf[0], n, r->buf[1], 1, y0, FALSE);
      ensure_buffers (r, 2 * n);
      n = clip_pass (r->buf[1], n, r->buf[0], 1, y1, TRUE);
      if (n < 3)
        return;
    }

  pts = r->buf[0];
  cairo_move_to (r->cr, pts[0], pts[1]);
  for (gsize i = 1; i < n; i++)
    cairo_line_to (r->cr, pts[2 * i], pts[2 * i + 1]);
  cairo_close_path (r->cr);
}

static void
draw_polygons (Render *r)
{
  const CosmoBasemapStyle *style = r->style;
  cairo_t *cr = r->cr;
  cairo_path_t *paths[N_LEVELS + 1] = { NULL, };
  double min_px = 0.8;   /* lakes smaller than this are not drawn */
  double shore_width;

  set_color (cr, &style->water);
  cairo_paint (cr);

  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  for (guint level = 1; level <= N_LEVELS; level++)
    {
      gboolean any = FALSE;

      cairo_new_path (cr);
      for (guint i = r->self->level_start[level]; i < r->self->level_start[level + 1]; i++)
        {
          const Feature *f = &r->self->rings[i];

          if ((f->box.x1 - f->box.x0) * r->world < min_px &&
              (f->box.y1 - f->box.y0) * r->world < min_px)
            continue;

          for (int k = r->k_min; k <= r->k_max; k++)
            if (box_visible (r, &f->box, k))
              {
                append_ring (r, f, k);
                any = TRUE;
              }
        }
      if (!any)
        continue;

      paths[level] = cairo_copy_path (cr);
      /* Odd levels are land (continents, islands in lakes), even levels
       * water (lakes, ponds on those islands). */
      set_color (cr, level % 2 ? &style->land : &style->water);
      cairo_fill (cr);
    }

  /* A thin shore line keeps lake edges crisp against similar tints. */
  shore_width = CLAMP (0.45 + 0.1 * (r->zoom - 3), 0.45, 1.3) * style->line_scale * r->scale;
  cairo_new_path (cr);
  for (guint level = 1; level <= N_LEVELS; level++)
    if (paths[level])
      {
        cairo_append_path (cr, paths[level]);
        cairo_path_destroy (paths[level]);
      }
  set_color (cr, &style->shore);
  cairo_set_line_width (cr, shore_width);
  /* Round joins cost a lot in cairo's stroker and do not show at this
   * width. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_stroke (cr);
}

static void
draw_graticule (Render *r)
{
  double step, lat0, lat1, lon0, lon1;
  cairo_t *cr = r->cr;

  if (r->zoom > 8.5)
    return;
  step = r->zoom < 4 ? 10 : r->zoom < 6 ? 5 : r->zoom < 8 ? 2 : 1;

  cosmo_mercator_unproject (r->view.x0, r->view.y1, &lat0, &lon0);
  cosmo_mercator_unproject (r->view.x1, r->view.y0, &lat1, &lon1);
  lat0 = MAX (lat0, -80);
  lat1 = MIN (lat1, 80);

  cairo_new_path (cr);
  for (double lon = floor (lon0 / step) * step; lon <= lon1; lon += step)
    {
      double x = (lon + 180.0) / 360.0 * r->world - r->ox;

      cairo_move_to (cr, x, -r->margin);
      cairo_line_to (cr, x, r->height + r->margin);
    }
  for (double lat = ceil (lat0 / step) * step; lat <= lat1; lat += step)
    {
      double u, v;

      cosmo_mercator_project (lat, 0, &u, &v);
      cairo_move_to (cr, -r->margin, v * r->world - r->oy);
      cairo_line_to (cr, r->width + r->margin, v * r->world - r->oy);
    }
  set_color (cr, &r->style->graticule);
  cairo_set_line_width (cr, 0.8 * r->scale);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_stroke (cr);
}

/* Append one line chunk. Chunks are not clipped (that would restart dash
 * patterns at tile edges and break them between neighbouring tiles),
 * unless a chunk is so long at this zoom that it would overflow cairo. */
static void
append_line (Render        *r,
             const Feature *f,
             int            k)
{
  const double *xy = r->self->xy + 2 * (gsize) f->first;
  const guint8 *lod = r->self->lod + f->first;
  gboolean huge;

  huge = (f->box.x1 - f->box.x0) * r->world > SAFE_COORD ||
         (f->box.y1 - f->box.y0) * r->world > SAFE_COORD ||
         fabs ((f->box.x0 + k) * r->world - r->ox) > SAFE_COORD ||
         fabs (f->box.y0 * r->world - r->oy) > SAFE_COORD;

  if (!huge)
    {
      for (guint i = 0; i < f->n_points; i++)
        {
          double x, y;

          /* The ends are shared with the neighbouring chunks: always keep
           * them so that chunks join. */
          if (lod[i] > r->lod && i != 0 && i + 1 != f->n_points)
            continue;
          x = (xy[2 * i] + k) * r->world - r->ox;
          y = xy[2 * i + 1] * r->world - r->oy;
          if (i == 0)
            cairo_move_to (r->cr, x, y);
          else
            cairo_line_to (r->cr, x, y);
        }
      return;
    }

  /* Rare: zoomed far in on the coarse world layer. Keep only segments
   * that touch the area. */
  {
    double lx = 0, ly = 0;
    gboolean have_last = FALSE, pen_down = FALSE;
    double x0 = -r->margin, y0 = -r->margin;
    double x1 = r->width + r->margin, y1 = r->height + r->margin;

    for (guint i = 0; i < f->n_points; i++)
      {
        double x, y;

        if (lod[i] > r->lod && i != 0 && i + 1 != f->n_points)
          continue;
        x = (xy[2 * i] + k) * r->world - r->ox;
        y = xy[2 * i + 1] * r->world - r->oy;
        if (have_last)
          {
            gboolean touches = !(MAX (lx, x) < x0 || MIN (lx, x) > x1 ||
                                 MAX (ly, y) < y0 || MIN (ly, y) > y1);

            if (touches && fabs (lx) < SAFE_COORD && fabs (x) < SAFE_COORD &&
                fabs (ly) < SAFE_COORD && fabs (y) < SAFE_COORD)
              {
                if (!pen_down)
                  cairo_move_to (r->cr, lx, ly);
                cairo_line_to (r->cr, x, y);
                pen_down = TRUE;
              }
            else
              pen_down = FALSE;
          }
        lx = x;
        ly = y;
        have_last = TRUE;
      }
  }
}

/* Width in 256-tile pixels of a river of GSHHG level @klass at @zoom, or 0
 * if it is not drawn. Levels: 0 double-lined, 1-4 permanent rivers from
 * major to minor, 5-7 intermittent, 8-10 canals. */
static double
river_width (int       klass,
             double    zoom,
             gboolean *dashed)
{
  double major = CLAMP (0.55 + 0.35 * (zoom - 3), 0.55, 6.0);

  *dashed = FALSE;
  switch (klass)
    {
    case 0:
    case 1:
    case 2:
      return major;
    case 3:
      return MAX (0.5, major * 0.65);
    case 4:
      return MAX (0.5, major * 0.5);
    case 5:
    case 6:
    case 7:
      *dashed = TRUE;
      return MAX (0.5, major * 0.5);
    default:
      return MAX (0.5, major * 0.45);
    }
}

static void
draw_lines (Render *r,
            guint   kind)
{
  const CosmoBasemapStyle *style = r->style;
  cairo_t *cr = r->cr;
  guint i = 0;

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  while (i < r->self->n_lines)
    {
      const Feature *first = &r->self->lines[i];
      guint klass = first->klass;
      guint end = i;
      gboolean any = FALSE;

      /* Lines are sorted by kind and class: one stroke per run. */
      while (end < r->self->n_lines &&
             r->self->lines[end].kind == first->kind &&
             r->self->lines[end].klass == klass)
        end++;

      if (first->kind == kind)
        {
          cairo_new_path (cr);
          for (guint j = i; j < end; j++)
            {
              const Feature *f = &r->self->lines[j];

              if (f->min_zoom > r->zoom + 0.001)
                continue;
              for (int k = r->k_min; k <= r->k_max; k++)
                if (box_visible (r, &f->box, k))
                  {
                    append_line (r, f, k);
                    any = TRUE;
                  }
            }
        }

      if (any && kind == LINE_RIVER)
        {
          gboolean dashed;
          double w = river_width (klass, r->zoom, &dashed) * style->line_scale * r->scale;

          set_color (cr, &style->river);
          cairo_set_line_width (cr, w);
          cairo_set_line_join (cr, w < 2 ? CAIRO_LINE_JOIN_MITER : CAIRO_LINE_JOIN_ROUND);
          if (dashed)
            {
              double dash[2] = { 4 * w + 2 * r->scale, 2 * w + 1.5 * r->scale };

              cairo_set_dash (cr, dash, 2, 0);
            }
          else
            cairo_set_dash (cr, NULL, 0, 0);
          cairo_stroke (cr);
        }
      else if (any && kind == LINE_BORDER && r->zoom < 5)
        {
          /* Small scales show dozens of countries per tile: plain thin
           * lines read better there, and dashing and casing every border
           * of Europe would cost more than the rest of the tile. */
          cairo_set_dash (cr, NULL, 0, 0);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
          set_color (cr, &style->border);
          cairo_set_line_width (cr, 0.9 * style->line_scale * r->scale);
          cairo_stroke (cr);
        }
      else if (any && kind == LINE_BORDER)
        {
          double w = 1.4 * style->line_scale * r->scale;
          double dash[2] = { 6 * w, 3 * w };

          /* A soft casing under a dashed line: visible on any fill, and
           * the gaps of the dashes do not make the border vanish. */
          cairo_set_dash (cr, NULL, 0, 0);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          set_color (cr, &style->border_casing);
          cairo_set_line_width (cr, 5.0 * style->line_scale * r->scale);
          cairo_stroke_preserve (cr);
          cairo_set_dash (cr, dash, 2, 0);
          set_color (cr, &style->border);
          cairo_set_line_width (cr, w);
          cairo_stroke (cr);
        }
      cairo_new_path (cr);
      i = end;
    }

  cairo_set_dash (cr, NULL, 0, 0);
}

/* Labels -------------------------------------------------------------- */

typedef struct
{
  const Place *place;
  double       x, y;     /* label baseline origin, 256-tile pixels */
  double       px, py;   /* dot centre */
  double       dot;      /* dot radius, 0 for none */
  Box          box;
} Placed;

static double
dot_radius (PlaceKind kind)
{
  switch (kind)
    {
    case PLACE_CAPITAL: return 4.2;
    case PLACE_CITY: return 3.4;
    case PLACE_TOWN: return 3.0;
    case PLACE_VILLAGE: return 2.5;
    default: return 0;
    }
}

static gboolean
boxes_overlap (const Box *a,
               const Box *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* Choose which labels show and where, for the whole world at @zoom. This
 * is global and deterministic (greedy in the file's priority order), so
 * every tile of a zoom level agrees on the same labels: a tile draws all
 * chosen labels that reach into it, including those anchored in a
 * neighbouring tile, and labels are never cut at tile edges. It is cheap:
 * the file has about a hundred places. */
static guint
place_labels (CosmoBasemap            *self,
              const CosmoBasemapStyle *style,
              double                   zoom,
              Placed                  *out)
{
  double world = cosmo_mercator_world_size (zoom);
  int izoom = (int) floor (zoom + 1e-6);
  double s = style->label_scale;
  const double gap = 2.5 * s, pad = 3.0 * s;
  guint n = 0;

  for (guint i = 0; i < self->n_places; i++)
    {
      const Place *place = &self->places[i];
      double px = place->u * world, py = place->v * world;
      double r = dot_radius (place->kind) * s;
      const Box ink = { place->ink.x0 * s, place->ink.y0 * s, place->ink.x1 * s, place->ink.y1 * s };
      Anchor order[5];
      guint n_order = 0;

      if (izoom < place->min_zoom || izoom > place->max_zoom)
        continue;

      if (place->anchor == ANCHOR_CENTER)
        order[n_order++] = ANCHOR_CENTER;
      else
        {
          static const Anchor fallbacks[] = { ANCHOR_EAST, ANCHOR_WEST, ANCHOR_NORTH, ANCHOR_SOUTH };

          order[n_order++] = place->anchor;
          for (guint j = 0; j < G_N_ELEMENTS (fallbacks); j++)
            if (fallbacks[j] != place->anchor)
              order[n_order++] = fallbacks[j];
        }

      for (guint j = 0; j < n_order; j++)
        {
          Placed c = { place, 0, 0, px, py, r, { 0, } };
          Box dot_box = { px - r - 1, py - r - 1, px + r + 1, py + r + 1 };
          gboolean clear = TRUE;

          switch (order[j])
            {
            case ANCHOR_EAST:
              c.x = px + r + gap - ink.x0;
              c.y = py + 0.36 * place->font_px * s;
              break;
            case ANCHOR_WEST:
              c.x = px - r - gap - ink.x1;
              c.y = py + 0.36 * place->font_px * s;
              break;
            case ANCHOR_NORTH:
              c.x = px - (ink.x0 + ink.x1) / 2;
              c.y = py - r - gap - ink.y1;
              break;
            case ANCHOR_SOUTH:
              c.x = px - (ink.x0 + ink.x1) / 2;
              c.y = py + r + gap - ink.y0;
              break;
            case ANCHOR_CENTER:
            default:
              c.x = px - (ink.x0 + ink.x1) / 2;
              c.y = py - (ink.y0 + ink.y1) / 2;
              c.dot = 0;
              break;
            }
          c.box = (Box) { c.x + ink.x0 - pad, c.y + ink.y0 - pad, c.x + ink.x1 + pad, c.y + ink.y1 + pad };

          for (guint m = 0; m < n && clear; m++)
            {
              Box other_dot = { out[m].px - out[m].dot, out[m].py - out[m].dot,
                                out[m].px + out[m].dot, out[m].py + out[m].dot };

              if (boxes_overlap (&c.box, &out[m].box) ||
                  (out[m].dot > 0 && boxes_overlap (&c.box, &other_dot)) ||
                  (c.dot > 0 && boxes_overlap (&dot_box, &out[m].box)))
                clear = FALSE;
            }

          if (clear)
            {
              out[n++] = c;
              break;
            }
        }
    }

  return n;
}

static void
draw_labels (Render *r)
{
  const CosmoBasemapStyle *style = r->style;
  cairo_t *cr = r->cr;
  g_autofree Placed *placed = NULL;
  double halo = style->halo_width * r->scale;
  double css_world = cosmo_mercator_world_size (r->zoom);
  guint n = 0;

  if (style->no_labels)
    return;
  placed = g_new (Placed, MAX (r->self->n_places, 1));
  n = place_labels (r->self, style, r->zoom, placed);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, NULL, 0, 0);

  for (int k = r->k_min; k <= r->k_max; k++)
    {
      double shift = k * css_world;

      for (guint i = 0; i < n; i++)
        {
          const Placed *p = &placed[i];
          const Place *place = p->place;
          const CosmoBasemapColor *color;
          double bx0 = (p->box.x0 + shift) * r->scale - r->ox - halo;
          double bx1 = (p->box.x1 + shift) * r->scale - r->ox + halo;
          double by0 = p->box.y0 * r->scale - r->oy - halo;
          double by1 = p->box.y1 * r->scale - r->oy + halo;

          if (bx1 < 0 || bx0 > r->width || by1 < 0 || by0 > r->height)
            continue;
          /* Tiles draw the parts of labels that cross into them and
           * their neighbours draw the rest; a view has no neighbours. */
          if (r->whole_labels &&
              (bx0 + halo < 0 || bx1 - halo > r->width || by0 + halo < 0 || by1 - halo > r->height))
            continue;

          if (p->dot > 0)
            {
              double x = (p->px + shift) * r->scale - r->ox;
              double y = p->py * r->scale - r->oy;
              double rad = p->dot * r->scale;

              cairo_new_path (cr);
              cairo_arc (cr, x, y, rad, 0, 2 * G_PI);
              set_color (cr, &style->place_dot_outline);
              cairo_set_line_width (cr, 1.6 * r->scale * style->label_scale);
              cairo_stroke_preserve (cr);
              set_color (cr, &style->place_dot);
              cairo_fill (cr);
              if (place->kind == PLACE_CAPITAL)
                {
                  /* A ring around the dot marks capitals. */
                  cairo_arc (cr, x, y, rad * 0.45, 0, 2 * G_PI);
                  set_color (cr, &style->place_dot_outline);
                  cairo_fill (cr);
                }
            }

          cairo_new_path (cr);
          cairo_save (cr);
          cairo_translate (cr, (p->x + shift) * r->scale - r->ox, p->y * r->scale - r->oy);
          cairo_scale (cr, style->label_scale * r->scale, style->label_scale * r->scale);
          cairo_append_path (cr, place->path);
          cairo_restore (cr);

          switch (place->kind)
            {
            case PLACE_COUNTRY: color = &style->country_label; break;
            case PLACE_SEA:
            case PLACE_LAKE:
            case PLACE_RIVER: color = &style->water_label; break;
            default: color = &style->label; break;
            }

          set_color (cr, &style->label_halo);
          cairo_set_line_width (cr, halo);
          cairo_stroke_preserve (cr);
          set_color (cr, color);
          cairo_fill (cr);
        }
    }
}

/* Draw the area whose top-left is at world position (ox, oy) user units,
 * where the world is 256 * 2^zoom * scale user units wide. */
static void
render_area (CosmoBasemap            *self,
             cairo_t                 *cr,
             const CosmoBasemapStyle *style,
             double                   zoom,
             double                   scale,
             double                   ox,
             double                   oy,
             double                   width,
             double                   height,
             gboolean                 whole_labels)
{
  Render r = { 0, };
  double dx = 1, dy = 0, device_scale;

  /* Choose the level of detail by device pixels, so that a view drawn on
   * a scaled cairo context (HiDPI, print) is as detailed as it looks. */
  cairo_user_to_device_distance (cr, &dx, &dy);
  device_scale = MAX (hypot (dx, dy), 1e-6);

  r.self = self;
  r.style = style ? style : &styles[COSMO_BASEMAP_STYLE_LIGHT];
  r.cr = cr;
  r.zoom = zoom;
  r.scale = scale;
  r.world = cosmo_mercator_world_size (zoom) * scale;
  r.lod = (int) ceil (zoom + log2 (scale * device_scale) - 0.01);
  r.ox = ox;
  r.oy = oy;
  r.width = width;
  r.height = height;
  r.whole_labels = whole_labels;
  r.margin = 16 * scale * r.style->line_scale;
  r.view.x0 = (ox - r.margin) / r.world;
  r.view.x1 = (ox + width + r.margin) / r.world;
  r.view.y0 = (oy - r.margin) / r.world;
  r.view.y1 = (oy + height + r.margin) / r.world;
  /* Copies of the world k to the side can show when the area crosses the
   * antimeridian or, at low zoom, is wider than the world. */
  r.k_min = (int) ceil (r.view.x0 - MAX (self->extent.x1, 1.0));
  r.k_max = (int) floor (r.view.x1 - MIN (self->extent.x0, 0.0));

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  draw_polygons (&r);
  draw_graticule (&r);
  draw_lines (&r, LINE_RIVER);
  draw_lines (&r, LINE_BORDER);
  draw_labels (&r);

  cairo_restore (cr);

  g_free (r.buf[0]);
  g_free (r.buf[1]);
}

/**
 * cosmo_basemap_render_tile:
 * @self: a #CosmoBasemap
 * @cr: where to draw; the tile fills (0, 0)-(@tile_size, @tile_size) in
 *   user space
 * @zoom: slippy-map zoom level, 0 to 22
 * @x: tile column, 0 at 180 W
 * @y: tile row, 0 at 85.05 N
 * @tile_size: tile size in user units; sizes of lines and text scale with
 *   @tile_size / 256, so 512 gives a HiDPI tile of the same area
 * @style: (nullable): the style, or %NULL for the light one
 *
 * Draws the Web-Mercator tile (@zoom, @x, @y). Safe to call from several
 * threads at once, each with its own @cr.
 */
void
cosmo_basemap_render_tile (CosmoBasemap            *self,
                           cairo_t                 *cr,
                           int                      zoom,
                           int                      x,
                           int                      y,
                           int                      tile_size,
                           const CosmoBasemapStyle *style)
{
  g_return_if_fail (COSMO_IS_BASEMAP (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (zoom >= 0 && zoom <= 22);
  g_return_if_fail (x >= 0 && x < (1 << zoom));
  g_return_if_fail (y >= 0 && y < (1 << zoom));
  g_return_if_fail (tile_size > 0);

  render_area (self, cr, style, zoom, tile_size / 256.0,
               (double) x * tile_size, (double) y * tile_size, tile_size, tile_size, FALSE);
}

/**
 * cosmo_basemap_render_view:
 * @self: a #CosmoBasemap
 * @cr: where to draw; the view fills (0, 0)-(@width, @height) in user space
 * @center_latitude: degrees north at the centre of the view
 * @center_longitude: degrees east at the centre of the view
 * @zoom: zoom level, may be fractional (the world is 256 * 2^@zoom user
 *   units wide)
 * @width: view width in user units
 * @height: view height in user units
 * @style: (nullable): the style, or %NULL for the light one
 *
 * Draws a whole view at once, for exports and documents. Labels are placed
 * as for the tiles of the same integer zoom. Scale @cr for HiDPI or print;
 * the level of detail follows the device resolution.
 */
void
cosmo_basemap_render_view (CosmoBasemap            *self,
                           cairo_t                 *cr,
                           double                   center_latitude,
                           double                   center_longitude,
                           double                   zoom,
                           int                      width,
                           int                      height,
                           const CosmoBasemapStyle *style)
{
  double cx, cy;

  g_return_if_fail (COSMO_IS_BASEMAP (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (zoom >= 0 && zoom <= 22);
  g_return_if_fail (width > 0 && height > 0);

  cosmo_mercator_latlon_to_pixel (center_latitude,
                                  cosmo_mercator_wrap_longitude (center_longitude),
                                  zoom, &cx, &cy);
  render_area (self, cr, style, zoom, 1.0, cx - width / 2.0, cy - height / 2.0, width, height, TRUE);
}
char *
cosmo_basemap_find_default_path (void)
{
  const char *candidates[] = { g_getenv ("COSMODROME_DATADIR"), PKGDATADIR, SOURCE_DATADIR };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *path = NULL;

      if (candidates[i] == NULL)
        continue;
      path = g_build_filename (candidates[i], "basemap", "basemap.cbm", NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }

  return NULL;
}

CosmoBasemap *
cosmo_basemap_get_default (void)
{
  static CosmoBasemap *basemap = NULL;
  static gsize once = 0;

  /* Loading maps the file and indexes it: once per process is enough, and
   * the map's tiles, the exports and the briefing share it. The map calls
   * this from its first tile's worker thread, so start-up never waits. */
  if (g_once_init_enter (&once))
    {
      g_autofree char *path = cosmo_basemap_find_default_path ();
      g_autoptr(GError) error = NULL;

      if (path != NULL)
        {
          basemap = cosmo_basemap_new_from_file (path, &error);
          if (basemap == NULL)
            g_message ("Cannot read the basemap %s: %s", path, error->message);
        }
      if (basemap == NULL)
        g_debug ("No offline basemap found; maps show plain land");
      g_once_init_leave (&once, 1);
    }

  return basemap;
}
