/* cosmo-tile-source.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cosmo-tile-paintable.h"
#include "cosmo-tile-source.h"

#define TILE_SIZE 256
#define MIN_ZOOM 2
#define MAX_ZOOM 16

struct _CosmoTileSource
{
  ShumateMapSource parent_instance;

  CosmoBasemap          *basemap;
  gboolean               use_default;
  CosmoBasemapStyleKind  style;
  guint                  pending;
  guint                  n_filled;
  GHashTable            *filled;   /* tile keys delivered */
};

static inline guint64
tile_key (int zoom,
          int x,
          int y)
{
  return ((guint64) zoom << 48) | ((guint64) x << 24) | (guint64) y;
}

G_DEFINE_FINAL_TYPE (CosmoTileSource, cosmo_tile_source, SHUMATE_TYPE_MAP_SOURCE)

enum {
  PROP_0,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  ShumateTile           *tile;
  CosmoBasemap          *basemap;
  gboolean               use_default;
  CosmoBasemapStyleKind  style;
  int                    zoom, x, y, size;
} TileJob;

static void
tile_job_free (TileJob *job)
{
  g_clear_object (&job->tile);
  g_clear_object (&job->basemap);
  g_free (job);
}

typedef struct
{
  cairo_surface_t *surface;
} Rendered;

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TileJob *job = task_data;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* The shared basemap loads here, in the first tile's worker thread. */
  if (job->basemap == NULL && job->use_default)
    job->basemap = cosmo_basemap_get_default () ? g_object_ref (cosmo_basemap_get_default ()) : NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, job->size, job->size);
  cr = cairo_create (surface);
  if (job->basemap != NULL)
    cosmo_basemap_render_tile (job->basemap, cr, job->zoom, job->x, job->y, job->size,
                               cosmo_basemap_style_get (job->style));
  else
    {
      const CosmoBasemapStyle *style = cosmo_basemap_style_get (job->style);

      cairo_set_source_rgba (cr, style->land.red, style->land.green, style->land.blue, 1);
      cairo_paint (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

static void
pending_changed (CosmoTileSource *self,
                 int              delta)
{
  self->pending += delta;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
on_rendered (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CosmoTileSource *self = COSMO_TILE_SOURCE (source);
  g_autoptr(GTask) outer = user_data;
  TileJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  surface = g_task_propagate_pointer (G_TASK (result), &error);
  if (surface == NULL)
    {
      pending_changed (self, -1);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  /* The paintable is made on the main thread: it copies the pixels into
   * a render node once, which every frame then reuses as it is. */
  {
    g_autoptr(GdkPaintable) paintable = cosmo_tile_paintable_new (surface);

    cairo_surface_destroy (surface);
    shumate_tile_set_paintable (job->tile, paintable);
    shumate_tile_set_fade_in (job->tile, FALSE);
    shumate_tile_set_state (job->tile, SHUMATE_STATE_DONE);
  }

  self->n_filled++;
  g_hash_table_add (self->filled, g_memdup2 (&(guint64) { tile_key (job->zoom, job->x, job->y) }, sizeof (guint64)));
  pending_changed (self, -1);
  g_task_return_boolean (outer, TRUE);
}

static void
cosmo_tile_source_fill_tile_async (ShumateMapSource    *source,
                                   ShumateTile         *tile,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  CosmoTileSource *self = COSMO_TILE_SOURCE (source);
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  TileJob *job;

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, cosmo_tile_source_fill_tile_async);

  job = g_new0 (TileJob, 1);
  job->tile = g_object_ref (tile);
  job->basemap = self->basemap ? g_object_ref (self->basemap) : NULL;
  job->use_default = self->use_default;
  job->style = self->style;
  job->zoom = shumate_tile_get_zoom_level (tile);
  job->x = shumate_tile_get_x (tile);
  job->y = shumate_tile_get_y (tile);
  job->size = shumate_tile_get_size (tile);
  if (job->size <= 0)
    job->size = TILE_SIZE;

  if (job->zoom < 0 || job->zoom > 22 || job->x >= (1 << job->zoom) || job->y >= (1 << job->zoom))
    {
      tile_job_free (job);
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "No such tile");
      return;
    }

  shumate_tile_set_state (tile, SHUMATE_STATE_LOADING);
  pending_changed (self, +1);

  /* Rendering takes milliseconds per tile: off the main thread. */
  inner = g_task_new (self, cancellable, on_rendered, g_steal_pointer (&outer));
  g_task_set_task_data (inner, job, (GDestroyNotify) tile_job_free);
  g_task_run_in_thread (inner, render_thread);
}

static gboolean
cosmo_tile_source_fill_tile_finish (ShumateMapSource  *source,
                                    GAsyncResult      *result,
                                    GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
cosmo_tile_source_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CosmoTileSource *self = COSMO_TILE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_uint (value, self->pending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cosmo_tile_source_dispose (GObject *object)
{
  CosmoTileSource *self = COSMO_TILE_SOURCE (object);

  g_clear_object (&self->basemap);
  g_clear_pointer (&self->filled, g_hash_table_unref);

  G_OBJECT_CLASS (cosmo_tile_source_parent_class)->dispose (object);
}

static void
cosmo_tile_source_class_init (CosmoTileSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->dispose = cosmo_tile_source_dispose;
  object_class->get_property = cosmo_tile_source_get_property;
  source_class->fill_tile_async = cosmo_tile_source_fill_tile_async;
  source_class->fill_tile_finish = cosmo_tile_source_fill_tile_finish;

  properties[PROP_PENDING] =
    g_param_spec_uint ("pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cosmo_tile_source_init (CosmoTileSource *self)
{
  self->filled = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/**
 * cosmo_tile_source_new:
 * @basemap: (nullable): the vector data; %NULL draws plain land
 * @style: light, dark or high contrast
 *
 * libshumate 1.0 cannot invalidate tiles, so a change of style takes a
 * new source (and a new map layer).
 */
static void cosmo_tile_source_setup (CosmoTileSource       *self,
                                     CosmoBasemapStyleKind  style);

CosmoTileSource *
cosmo_tile_source_new (CosmoBasemap          *basemap,
                       CosmoBasemapStyleKind  style)
{
  CosmoTileSource *self;

  g_return_val_if_fail (basemap == NULL || COSMO_IS_BASEMAP (basemap), NULL);

  self = g_object_new (COSMO_TYPE_TILE_SOURCE, NULL);
  self->basemap = basemap ? g_object_ref (basemap) : NULL;
  self->style = style;
  cosmo_tile_source_setup (self, style);
  return self;
}

CosmoTileSource *
cosmo_tile_source_new_default (CosmoBasemapStyleKind style)
{
  CosmoTileSource *self = g_object_new (COSMO_TYPE_TILE_SOURCE, NULL);

  self->use_default = TRUE;
  self->style = style;
  cosmo_tile_source_setup (self, style);
  return self;
}

static void
cosmo_tile_source_setup (CosmoTileSource       *self,
                         CosmoBasemapStyleKind  style)
{
  static guint serial = 0;
  /* A fresh id per source: libshumate's memory cache is keyed by it, and
   * each source must see (and count) its own tiles. */
  g_autofree char *id = g_strdup_printf ("cosmodrome-offline-%d-%u", (int) style, ++serial);

  shumate_map_source_set_id (SHUMATE_MAP_SOURCE (self), id);
  shumate_map_source_set_name (SHUMATE_MAP_SOURCE (self), _("Offline basemap"));
  shumate_map_source_set_license (SHUMATE_MAP_SOURCE (self), _("Basemap: GSHHG, DCW-GMT"));
  shumate_map_source_set_min_zoom_level (SHUMATE_MAP_SOURCE (self), MIN_ZOOM);
  shumate_map_source_set_max_zoom_level (SHUMATE_MAP_SOURCE (self), MAX_ZOOM);
  shumate_map_source_set_tile_size (SHUMATE_MAP_SOURCE (self), TILE_SIZE);
  shumate_map_source_set_projection (SHUMATE_MAP_SOURCE (self), SHUMATE_MAP_PROJECTION_MERCATOR);
}

CosmoBasemapStyleKind
cosmo_tile_source_get_style (CosmoTileSource *self)
{
  g_return_val_if_fail (COSMO_IS_TILE_SOURCE (self), COSMO_BASEMAP_STYLE_LIGHT);
  return self->style;
}

guint
cosmo_tile_source_get_pending (CosmoTileSource *self)
{
  g_return_val_if_fail (COSMO_IS_TILE_SOURCE (self), 0);
  return self->pending;
}

guint
cosmo_tile_source_get_n_filled (CosmoTileSource *self)
{
  g_return_val_if_fail (COSMO_IS_TILE_SOURCE (self), 0);
  return self->n_filled;
}

gboolean
cosmo_tile_source_has_tile (CosmoTileSource *self,
                            int              zoom,
                            int              x,
                            int              y)
{
  guint64 key = tile_key (zoom, x, y);

  g_return_val_if_fail (COSMO_IS_TILE_SOURCE (self), FALSE);
  return g_hash_table_contains (self->filled, &key);
}
