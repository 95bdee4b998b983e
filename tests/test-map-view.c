/* test-map-view.c: the map widget: projection, pins, selection, offline start
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <shumate/shumate.h>

#include "cosmo-map-view.h"
#include "cosmo-tile-paintable.h"
#include "map-test-mission.h"

typedef struct
{
  CosmoSession *session;
  CosmoMission *mission;
  CosmoEvent   *pin_event;
  GtkWidget    *window;
  CosmoMapView *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  gint64 deadline;

  /* Below 50 km, without sites and chapters, the pins layer holds the one
   * pin and nothing else. */
  f->mission = map_test_mission_new (2000, 45000, FALSE);
  f->pin_event = map_test_add_event (f->mission, "max-q", 72, COSMO_EVENT_CATEGORY_FLIGHT, FALSE);
  f->session = cosmo_session_new ();
  cosmo_session_set_mission (f->session, f->mission);
  cosmo_clock_seek (cosmo_session_get_clock (f->session), 300);

  f->view = COSMO_MAP_VIEW (cosmo_map_view_new ());
  cosmo_map_view_set_session (f->view, f->session);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));

  deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline &&
         !(gtk_widget_get_mapped (GTK_WIDGET (f->view)) && cosmo_map_view_get_ready (f->view)))
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (cosmo_map_view_get_ready (f->view));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->session);
  g_clear_object (&f->mission);
}

/* Renders one layer on its own and returns the alpha-weighted centre of
 * what it drew (and the pixels). */
static cairo_surface_t *
render_layer (GtkWidget *layer)
{
  int width = gtk_widget_get_width (layer), height = gtk_widget_get_height (layer);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  GTK_WIDGET_GET_CLASS (layer)->snapshot (layer, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
alpha_centroid (cairo_surface_t *surface,
                double          *cx,
                double          *cy)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  double sum = 0, sx = 0, sy = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + 4 * x);
        double a = (pixel >> 24) / 255.0;

        sum += a;
        sx += a * (x + 0.5);
        sy += a * (y + 0.5);
      }
  if (sum == 0)
    return FALSE;
  *cx = sx / sum;
  *cy = sy / sum;
  return TRUE;
}

static guint
count_highlight (cairo_surface_t *surface,
                 double           cx,
                 double           cy,
                 double           radius)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint n = 0;

  for (int y = MAX (0, cy - radius); y < MIN (height, cy + radius); y++)
    for (int x = MAX (0, cx - radius); x < MIN (width, cx + radius); x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + 4 * x);
        int a = pixel >> 24, r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        /* The selection's yellow, opaque. */
        if (a > 240 && r > 220 && g > 180 && b < 90)
          n++;
      }
  return n;
}

static void
test_starts_offline (Fixture       *f,
                     gconstpointer  data)
{
  const char *network_types[] = { "ShumateRasterRenderer", "ShumateTileDownloader", "ShumateNetworkTileSource", "SoupSession" };

  g_assert_false (cosmo_map_view_get_online (f->view));

  /* The map is up and drawn: nothing that could reach the network has
   * ever been made (a GType is registered when its first instance, or
   * class, is made; libshumate's registry of online sources makes them). */
  for (guint i = 0; i < G_N_ELEMENTS (network_types); i++)
    g_assert_cmpuint (g_type_from_name (network_types[i]), ==, 0);

  /* The check can fail: turning online tiles on makes the registry. */
  cosmo_map_view_set_online (f->view, TRUE);
  g_assert_true (cosmo_map_view_get_online (f->view));
  g_assert_cmpuint (g_type_from_name ("ShumateRasterRenderer"), !=, 0);
  cosmo_map_view_set_online (f->view, FALSE);
}

static void
test_vehicle_projection (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *layer = cosmo_map_view_get_layer (f->view, "vehicle");
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (layer));
  CosmoTrajectoryState state;
  cairo_surface_t *surface;
  double x, y, cx, cy;

  cosmo_trajectory_get_state (cosmo_mission_get_trajectory (f->mission), 300, &state);
  shumate_viewport_location_to_widget_coords (viewport, layer, state.latitude, state.longitude, &x, &y);
  g_test_message ("vehicle at %.2f, %.2f in %dx%d (zoom %.1f)", x, y, gtk_widget_get_width (layer),
                  gtk_widget_get_height (layer), shumate_viewport_get_zoom_level (viewport));
  g_assert_true (x > 0 && y > 0 && x < gtk_widget_get_width (layer) && y < gtk_widget_get_height (layer));

  surface = render_layer (layer);
  g_assert_true (alpha_centroid (surface, &cx, &cy));
  g_test_message ("vehicle drawn at %.2f, %.2f; libshumate says %.2f, %.2f", cx, cy, x, y);
  g_assert_cmpfloat (fabs (cx - x), <=, 1.0);
  g_assert_cmpfloat (fabs (cy - y), <=, 1.0);
  cairo_surface_destroy (surface);
}

static void
test_pin_projection_and_selection (Fixture       *f,
                                   gconstpointer  data)
{
  GtkWidget *layer = cosmo_map_view_get_layer (f->view, "pins");
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (layer));
  CosmoTrajectoryState state;
  cairo_surface_t *surface;
  double x, y, cx, cy;

  /* An event in flight without a place is pinned where the vehicle was. */
  cosmo_trajectory_get_state (cosmo_mission_get_trajectory (f->mission), 72, &state);
  shumate_viewport_location_to_widget_coords (viewport, layer, state.latitude, state.longitude, &x, &y);

  surface = render_layer (layer);
  g_assert_true (alpha_centroid (surface, &cx, &cy));
  g_test_message ("pin drawn at %.2f, %.2f; libshumate says %.2f, %.2f", cx, cy, x, y);
  g_assert_cmpfloat (fabs (cx - x), <=, 1.0);
  g_assert_cmpfloat (fabs (cy - y), <=, 1.0);
  g_assert_cmpuint (count_highlight (surface, x, y, 16), ==, 0);
  cairo_surface_destroy (surface);

  /* Clicking beside the pin selects nothing; on it, its event. */
  g_assert_null (cosmo_map_view_activate_at (f->view, x + 40, y + 40));
  g_assert_null (cosmo_session_get_selected_event (f->session));
  g_assert_true (cosmo_map_view_activate_at (f->view, x + 2, y - 2) == f->pin_event);
  g_assert_true (cosmo_session_get_selected_event (f->session) == f->pin_event);

  /* The selected pin is highlighted. */
  surface = render_layer (layer);
  g_assert_cmpuint (count_highlight (surface, x, y, 16), >, 20);
  cairo_surface_destroy (surface);

  /* Selection made elsewhere shows too, and clearing it clears the mark. */
  cosmo_session_set_selected_event (f->session, NULL);
  surface = render_layer (layer);
  g_assert_cmpuint (count_highlight (surface, x, y, 16), ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (cosmo_map_view_get_layer (f->view, "pins")));
  double zoom = shumate_viewport_get_zoom_level (viewport);
  double x, y;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "map.zoom-in", NULL));
  /* libshumate animates the zoom. */
  for (gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
       g_get_monotonic_time () < end && shumate_viewport_get_zoom_level (viewport) <= zoom;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), >, zoom);

  /* Following keeps the vehicle in the middle as the clock moves. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "map.follow", NULL));
  g_assert_true (cosmo_map_view_get_follow (f->view));
  cosmo_clock_seek (cosmo_session_get_clock (f->session), 400);
  {
    CosmoTrajectoryState state;

    cosmo_trajectory_get_state (cosmo_mission_get_trajectory (f->mission), 400, &state);
    cosmo_map_view_project (f->view, state.latitude, state.longitude, &x, &y);
    g_assert_cmpfloat (fabs (x - gtk_widget_get_width (GTK_WIDGET (f->view)) / 2.0), <, 1);
    g_assert_cmpfloat (fabs (y - gtk_widget_get_height (GTK_WIDGET (f->view)) / 2.0), <, 1);
  }
}

/* The layers the clock redraws every frame make nodes only as large as
 * what they draw: a widget-sized node made every frame repaints the whole
 * map under the cairo renderer. */
static void
test_clock_layers_small (Fixture       *f,
                         gconstpointer  data)
{
  const char *names[] = { "vehicle", "flown" };
  int width = gtk_widget_get_width (GTK_WIDGET (f->view));
  int height = gtk_widget_get_height (GTK_WIDGET (f->view));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *layer = cosmo_map_view_get_layer (f->view, names[i]);
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      graphene_rect_t bounds;

      GTK_WIDGET_GET_CLASS (layer)->snapshot (layer, snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      g_assert_nonnull (node);
      gsk_render_node_get_bounds (node, &bounds);
      g_test_message ("%s: %gx%g in %dx%d", names[i], bounds.size.width, bounds.size.height, width, height);
      g_assert_cmpfloat (bounds.size.width * bounds.size.height, <, 0.5 * width * height);
    }

  /* The vehicle symbol is about 30 px across. */
  {
    GtkWidget *layer = cosmo_map_view_get_layer (f->view, "vehicle");
    GtkSnapshot *snapshot = gtk_snapshot_new ();
    g_autoptr(GskRenderNode) node = NULL;
    graphene_rect_t bounds;

    GTK_WIDGET_GET_CLASS (layer)->snapshot (layer, snapshot);
    node = gtk_snapshot_free_to_node (snapshot);
    gsk_render_node_get_bounds (node, &bounds);
    g_assert_cmpfloat (bounds.size.width, <=, 40);
    g_assert_cmpfloat (bounds.size.height, <=, 40);
  }
}

static graphene_rect_t
layer_bounds (GtkWidget *layer)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  graphene_rect_t bounds;

  GTK_WIDGET_GET_CLASS (layer)->snapshot (layer, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_get_bounds (node, &bounds);
  return bounds;
}

/* Presentation mode draws the overlays bigger for a room, over the same
 * ground, and leaving it gives back exactly the desktop drawing. */
static void
test_presentation_scale (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *layer = cosmo_map_view_get_layer (f->view, "vehicle");
  graphene_rect_t normal, presenting, again;

  normal = layer_bounds (layer);
  cosmo_session_set_presentation (f->session, TRUE);
  presenting = layer_bounds (layer);
  cosmo_session_set_presentation (f->session, FALSE);
  again = layer_bounds (layer);

  g_test_message ("vehicle: %gx%g, presenting %gx%g", normal.size.width, normal.size.height,
                  presenting.size.width, presenting.size.height);
  g_assert_cmpfloat_with_epsilon (presenting.size.width / normal.size.width, COSMO_SESSION_PRESENTATION_SCALE, 0.15);
  g_assert_true (graphene_rect_equal (&normal, &again));
}

static cairo_surface_t *
draw_node_at (GskRenderNode *node,
              double         dx,
              double         dy)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 530, 530);
  cairo_t *cr = cairo_create (surface);

  cairo_translate (cr, dx, dy);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static GskRenderNode *
snapshot_paintable (GdkPaintable *paintable,
                    double        size)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), size, size);
  return gtk_snapshot_free_to_node (snapshot);
}

/* Tiles are cairo nodes (GTK 4.8's cairo renderer converts every texture
 * on every frame) that must draw exactly as the texture did: at whole and
 * half pixels, and scaled. */
static void
test_tile_paintable (void)
{
  cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 256, 256);
  cairo_t *cr = cairo_create (tile);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  const double offsets[][2] = { { 0, 0 }, { 7, 3 }, { 0.5, 0.25 } };
  const double sizes[] = { 256, 300, 200, 512, 128, 64 };

  cairo_set_source_rgb (cr, 0.9, 0.85, 0.7);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.9);
  cairo_rectangle (cr, 0, 0, 256, 3);
  cairo_rectangle (cr, 253, 0, 3, 256);
  cairo_rectangle (cr, 100, 40, 60, 90);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (tile);

  bytes = g_bytes_new (cairo_image_surface_get_data (tile), 256 * cairo_image_surface_get_stride (tile));
  texture = gdk_memory_texture_new (256, 256, GDK_MEMORY_DEFAULT, bytes, cairo_image_surface_get_stride (tile));
  paintable = cosmo_tile_paintable_new (tile);
  cairo_surface_destroy (tile);

  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 256);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GskRenderNode) expected_node = NULL;
      g_autoptr(GskRenderNode) node = snapshot_paintable (paintable, sizes[s]);

      {
        GtkSnapshot *snapshot = gtk_snapshot_new ();

        gdk_paintable_snapshot (GDK_PAINTABLE (texture), GDK_SNAPSHOT (snapshot), sizes[s], sizes[s]);
        expected_node = gtk_snapshot_free_to_node (snapshot);
      }
      g_assert_cmpint (gsk_render_node_get_node_type (expected_node), ==, GSK_TEXTURE_NODE);
      g_assert_cmpint (gsk_render_node_get_node_type (node), !=, GSK_TEXTURE_NODE);

      for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
        {
          cairo_surface_t *a = draw_node_at (expected_node, offsets[i][0], offsets[i][1]);
          cairo_surface_t *b = draw_node_at (node, offsets[i][0], offsets[i][1]);
          int stride = cairo_image_surface_get_stride (a);
          const guint8 *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
          guint differ = 0, worst = 0;

          for (int j = 0; j < 530 * stride; j++)
            {
              differ += pa[j] != pb[j];
              worst = MAX (worst, (guint) ABS (pa[j] - pb[j]));
            }
          g_test_message ("size %g, offset %g,%g: %u bytes differ, by up to %u", sizes[s], offsets[i][0], offsets[i][1], differ, worst);
          g_assert_cmpuint (differ, ==, 0);
          cairo_surface_destroy (a);
          cairo_surface_destroy (b);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/map-view/starts-offline", Fixture, NULL, fixture_set_up, test_starts_offline, fixture_tear_down);
  g_test_add ("/map-view/vehicle-projection", Fixture, NULL, fixture_set_up, test_vehicle_projection, fixture_tear_down);
  g_test_add ("/map-view/pin-projection-selection", Fixture, NULL, fixture_set_up, test_pin_projection_and_selection, fixture_tear_down);
  g_test_add ("/map-view/actions", Fixture, NULL, fixture_set_up, test_actions, fixture_tear_down);
  g_test_add ("/map-view/clock-layers-small", Fixture, NULL, fixture_set_up, test_clock_layers_small, fixture_tear_down);
  g_test_add ("/map-view/presentation-scale", Fixture, NULL, fixture_set_up, test_presentation_scale, fixture_tear_down);
  g_test_add_func ("/map-view/tile-paintable", test_tile_paintable);

  return g_test_run ();
}
