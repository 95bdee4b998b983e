/* cosmo-basemap.h: the offline vector basemap and its cairo tile renderer
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A CosmoBasemap holds the shores, rivers, borders and places of
 * data/basemap/basemap.cbm (format: data/basemap/README.md) and draws them
 * as Web-Mercator slippy-map tiles or as a whole view, with plain cairo.
 * It is immutable once loaded, so the render functions may be called from
 * any number of threads at once.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define COSMO_BASEMAP_ERROR (cosmo_basemap_error_quark ())

typedef enum
{
  COSMO_BASEMAP_ERROR_INVALID,
  COSMO_BASEMAP_ERROR_UNSUPPORTED_VERSION,
} CosmoBasemapError;

typedef enum
{
  COSMO_BASEMAP_STYLE_LIGHT,
  COSMO_BASEMAP_STYLE_DARK,
  COSMO_BASEMAP_STYLE_HIGH_CONTRAST,
} CosmoBasemapStyleKind;

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} CosmoBasemapColor;

/* Colours and sizes of one map style. Sizes are in 256-pixel-tile pixels
 * and scale with tile_size / 256 (a 512 tile is a HiDPI 256 tile). Copy a
 * built-in style and change fields to make a custom one. */
typedef struct
{
  const char        *name;
  CosmoBasemapColor  water;
  CosmoBasemapColor  land;
  CosmoBasemapColor  shore;
  CosmoBasemapColor  river;
  CosmoBasemapColor  border;
  CosmoBasemapColor  border_casing;
  CosmoBasemapColor  graticule;
  CosmoBasemapColor  place_dot;
  CosmoBasemapColor  place_dot_outline;
  CosmoBasemapColor  label;
  CosmoBasemapColor  label_halo;
  CosmoBasemapColor  water_label;
  CosmoBasemapColor  country_label;
  double             line_scale;   /* rivers, shores and borders */
  double             label_scale;  /* label text and place dots */
  double             halo_width;   /* label halo stroke, pixels */
  gboolean           no_labels;    /* skip place dots and labels, e.g.
                                    * when the caller draws its own */
} CosmoBasemapStyle;

const CosmoBasemapStyle *cosmo_basemap_style_get (CosmoBasemapStyleKind kind);

#define COSMO_TYPE_BASEMAP (cosmo_basemap_get_type ())
G_DECLARE_FINAL_TYPE (CosmoBasemap, cosmo_basemap, COSMO, BASEMAP, GObject)

GQuark        cosmo_basemap_error_quark      (void);

CosmoBasemap *cosmo_basemap_new_from_bytes   (GBytes                  *bytes,
                                              const char              *name,
                                              GError                 **error);
CosmoBasemap *cosmo_basemap_new_from_file    (const char              *path,
                                              GError                 **error);
/* The basemap that ships with the app (data/basemap/basemap.cbm under
 * $COSMODROME_DATADIR, the installed data or the source tree), loaded
 * once per process and shared; NULL when there is none. (transfer none) */
/* Where the installed (or source-tree) basemap is, without loading it; NULL if none. */
char *cosmo_basemap_find_default_path (void);
CosmoBasemap *cosmo_basemap_get_default      (void);

const char   *cosmo_basemap_get_metadata     (CosmoBasemap            *self,
                                              const char              *key);
void          cosmo_basemap_get_detail_area  (CosmoBasemap            *self,
                                              double                  *west,
                                              double                  *south,
                                              double                  *east,
                                              double                  *north);
guint         cosmo_basemap_get_n_places     (CosmoBasemap            *self);

void          cosmo_basemap_render_tile      (CosmoBasemap            *self,
                                              cairo_t                 *cr,
                                              int                      zoom,
                                              int                      x,
                                              int                      y,
                                              int                      tile_size,
                                              const CosmoBasemapStyle *style);
void          cosmo_basemap_render_view      (CosmoBasemap            *self,
                                              cairo_t                 *cr,
                                              double                   center_latitude,
                                              double                   center_longitude,
                                              double                   zoom,
                                              int                      width,
                                              int                      height,
                                              const CosmoBasemapStyle *style);

G_END_DECLS
