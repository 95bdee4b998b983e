/* cosmo-tile-paintable.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cosmo-tile-paintable.h"

/* Why not a GdkMemoryTexture: GTK 4.8's cairo renderer downloads every
 * texture node it draws, every frame, through a float conversion (even
 * when the texture is already in the cairo format), and it draws the whole
 * window tree each frame, clipped only afterwards. With a screenful of
 * basemap tiles that conversion was most of a replay frame. A cairo render
 * node made once per tile is just painted (and clipped to the damage); the
 * GL renderers upload it once and cache it by node. */

/* Pixels of the tile's edge repeated outwards: enough for cairo's filter
 * when the previous zoom level's tiles show at a quarter of their size. */
#define PADDING 4

struct _CosmoTilePaintable
{
  GObject parent_instance;

  GskRenderNode *node;    /* the tile at 1:1 with PADDING around, made once */
  int            width;
  int            height;
};

static void cosmo_tile_paintable_iface_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CosmoTilePaintable, cosmo_tile_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, cosmo_tile_paintable_iface_init))

static void
cosmo_tile_paintable_snapshot (GdkPaintable *paintable,
                               GdkSnapshot  *snapshot,
                               double        width,
                               double        height)
{
  CosmoTilePaintable *self = COSMO_TILE_PAINTABLE (paintable);

  if (width <= 0 || height <= 0)
    return;

  /* The node repeats the tile's edge pixels a few pixels outwards and is
   * clipped to the tile: where the map sits between pixels, or is scaled
   * between zoom levels, the tile is sampled as GTK samples a texture
   * (edges padded), and neighbours meet without a faint seam. */
  gtk_snapshot_push_clip (GTK_SNAPSHOT (snapshot), &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (width == self->width && height == self->height)
    gtk_snapshot_append_node (GTK_SNAPSHOT (snapshot), self->node);
  else
    {
      gtk_snapshot_save (GTK_SNAPSHOT (snapshot));
      gtk_snapshot_scale (GTK_SNAPSHOT (snapshot), width / self->width, height / self->height);
      gtk_snapshot_append_node (GTK_SNAPSHOT (snapshot), self->node);
      gtk_snapshot_restore (GTK_SNAPSHOT (snapshot));
    }
  gtk_snapshot_pop (GTK_SNAPSHOT (snapshot));
}

static GdkPaintableFlags
cosmo_tile_paintable_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE | GDK_PAINTABLE_STATIC_CONTENTS;
}

static int
cosmo_tile_paintable_get_intrinsic_width (GdkPaintable *paintable)
{
  return COSMO_TILE_PAINTABLE (paintable)->width;
}

static int
cosmo_tile_paintable_get_intrinsic_height (GdkPaintable *paintable)
{
  return COSMO_TILE_PAINTABLE (paintable)->height;
}

static void
cosmo_tile_paintable_iface_init (GdkPaintableInterface *iface)
{
  iface->snapshot = cosmo_tile_paintable_snapshot;
  iface->get_flags = cosmo_tile_paintable_get_flags;
  iface->get_intrinsic_width = cosmo_tile_paintable_get_intrinsic_width;
  iface->get_intrinsic_height = cosmo_tile_paintable_get_intrinsic_height;
}

static void
cosmo_tile_paintable_finalize (GObject *object)
{
  CosmoTilePaintable *self = COSMO_TILE_PAINTABLE (object);

  g_clear_pointer (&self->node, gsk_render_node_unref);

  G_OBJECT_CLASS (cosmo_tile_paintable_parent_class)->finalize (object);
}

static void
cosmo_tile_paintable_class_init (CosmoTilePaintableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cosmo_tile_paintable_finalize;
}

static void
cosmo_tile_paintable_init (CosmoTilePaintable *self)
{
}

GdkPaintable *
cosmo_tile_paintable_new (cairo_surface_t *surface)
{
  CosmoTilePaintable *self;
  cairo_t *cr;

  g_return_val_if_fail (surface != NULL, NULL);
  g_return_val_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE, NULL);

  self = g_object_new (COSMO_TYPE_TILE_PAINTABLE, NULL);
  self->width = cairo_image_surface_get_width (surface);
  self->height = cairo_image_surface_get_height (surface);
  self->node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (-PADDING, -PADDING,
                                                        self->width + 2 * PADDING,
                                                        self->height + 2 * PADDING));
  cr = gsk_cairo_node_get_draw_context (self->node);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
  cairo_paint (cr);
  cairo_destroy (cr);

  return GDK_PAINTABLE (self);
}
