/* cosmo-video-export.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gst/app/gstappsrc.h>
#include <gst/gst.h>
#include <math.h>

#include "cosmo-briefing.h"
#include "cosmo-chapters.h"
#include "cosmo-video-export.h"

/* How long a chapter stays on screen with its caption in the tour. */
#define TOUR_HOLD_SECONDS 3.0

/* A stretch of video: @n_frames frames from mission time @start at @rate
 * (0 holds still), with the charts and timeline showing [range_start,
 * range_end]. */
typedef struct
{
  double start;
  double rate;
  guint n_frames;
  double range_start;
  double range_end;
} Segment;

struct _CosmoVideoExport
{
  GObject parent_instance;

  CosmoMission *mission;
  char *path;
  gboolean mp4;
  int width;
  int height;
  GArray *segments;
};

G_DEFINE_FINAL_TYPE (CosmoVideoExport, cosmo_video_export, G_TYPE_OBJECT)

static void
cosmo_video_export_finalize (GObject *object)
{
  CosmoVideoExport *self = COSMO_VIDEO_EXPORT (object);

  g_clear_object (&self->mission);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->segments, g_array_unref);

  G_OBJECT_CLASS (cosmo_video_export_parent_class)->finalize (object);
}

static void
cosmo_video_export_class_init (CosmoVideoExportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cosmo_video_export_finalize;
}

static void
cosmo_video_export_init (CosmoVideoExport *self)
{
  self->width = COSMO_VIDEO_WIDTH;
  self->height = COSMO_VIDEO_HEIGHT;
  self->segments = g_array_new (FALSE, TRUE, sizeof (Segment));
}

static void
add_segment (CosmoVideoExport *self,
             double            start,
             double            rate,
             double            seconds,
             double            range_start,
             double            range_end)
{
  Segment segment = { start, rate, (guint) MAX (1, lround (seconds * COSMO_VIDEO_FPS)), range_start, range_end };

  g_array_append_val (self->segments, segment);
}

/* The tour: each chapter played in as presentation mode does (a few
 * seconds whatever the gap) and held with its caption. */
static void
build_tour (CosmoVideoExport *self)
{
  g_autoptr(GPtrArray) chapters = cosmo_mission_get_chapters (self->mission);
  double t, previous;

  g_array_set_size (self->segments, 0);

  if (chapters->len == 0)
    {
      double start, end;

      cosmo_mission_get_time_bounds (self->mission, &start, &end);
      cosmo_video_export_set_range (self, start, end, CLAMP ((end - start) / 60, 1, COSMO_CLOCK_MAX_RATE));
      return;
    }

  t = previous = cosmo_event_get_time (g_ptr_array_index (chapters, 0)) - COSMO_KIOSK_LEAD_IN_SECONDS;
  for (guint i = 0; i < chapters->len; i++)
    {
      double target = cosmo_event_get_time (g_ptr_array_index (chapters, i));
      double gap = target - previous;
      double pad = MAX (gap * 0.15, 10);
      CosmoChapterStep step;

      cosmo_chapters_plan_step (t, target, COSMO_CHAPTERS_STEP_SECONDS, &step);
      if (isfinite (step.seek_to))
        t = step.seek_to;
      if (target - t > 1e-3)
        add_segment (self, t, step.rate, (target - t) / step.rate, previous - pad, target + pad);
      add_segment (self, target, 0, TOUR_HOLD_SECONDS, previous - pad, target + pad);
      previous = t = target;
    }
}

CosmoVideoExport *
cosmo_video_export_new (CosmoMission  *mission,
                        const char    *path,
                        GError       **error)
{
  CosmoVideoExport *self;
  gboolean mp4;

  g_return_val_if_fail (COSMO_IS_MISSION (mission), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (g_str_has_suffix (path, ".mp4") || g_str_has_suffix (path, ".MP4"))
    mp4 = TRUE;
  else if (g_str_has_suffix (path, ".webm") || g_str_has_suffix (path, ".WEBM"))
    mp4 = FALSE;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s: expected a file name ending in .webm or .mp4"), path);
      return NULL;
    }

  self = g_object_new (COSMO_TYPE_VIDEO_EXPORT, NULL);
  self->mission = g_object_ref (mission);
  self->path = g_strdup (path);
  self->mp4 = mp4;
  build_tour (self);
  return self;
}

void
cosmo_video_export_set_range (CosmoVideoExport *self,
                              double            start,
                              double            end,
                              double            rate)
{
  Segment segment;

  g_return_if_fail (COSMO_IS_VIDEO_EXPORT (self));
  g_return_if_fail (end >= start && rate > 0);

  /* Frame k shows start + k * rate / fps, up to and including end. */
  segment.start = start;
  segment.rate = rate;
  segment.n_frames = (guint) floor ((end - start) / rate * COSMO_VIDEO_FPS + 1e-6) + 1;
  segment.range_start = start;
  segment.range_end = end > start ? end : start + 1;
  g_array_set_size (self->segments, 0);
  g_array_append_val (self->segments, segment);
}

void
cosmo_video_export_set_size (CosmoVideoExport *self,
                             int               width,
                             int               height)
{
  g_return_if_fail (COSMO_IS_VIDEO_EXPORT (self));
  g_return_if_fail (width >= 16 && height >= 16);

  /* Encoders want even sizes. */
  self->width = width & ~1;
  self->height = height & ~1;
}

guint
cosmo_video_export_get_n_frames (CosmoVideoExport *self)
{
  guint n = 0;

  g_return_val_if_fail (COSMO_IS_VIDEO_EXPORT (self), 0);

  for (guint i = 0; i < self->segments->len; i++)
    n += g_array_index (self->segments, Segment, i).n_frames;
  return n;
}

double
cosmo_video_export_get_duration (CosmoVideoExport *self)
{
  return (double) cosmo_video_export_get_n_frames (self) / COSMO_VIDEO_FPS;
}

static const Segment *
find_segment (CosmoVideoExport *self,
              guint             k,
              guint            *offset)
{
  for (guint i = 0; i < self->segments->len; i++)
    {
      const Segment *segment = &g_array_index (self->segments, Segment, i);

      if (k < segment->n_frames || i + 1 == self->segments->len)
        {
          *offset = k;
          return segment;
        }
      k -= segment->n_frames;
    }
  return NULL;
}

double
cosmo_video_export_get_frame_time (CosmoVideoExport *self,
                                   guint             k)
{
  const Segment *segment;
  guint offset;

  g_return_val_if_fail (COSMO_IS_VIDEO_EXPORT (self), 0);

  segment = find_segment (self, k, &offset);
  if (segment == NULL)
    return 0;
  return segment->start + (double) offset * segment->rate / COSMO_VIDEO_FPS;
}

static GstElement *
make_pipeline (CosmoVideoExport  *self,
               GError           **error)
{
  const char *description = self->mp4
    ? "appsrc name=src format=time ! videoconvert ! video/x-raw,format=I420 ! "
      "x264enc speed-preset=faster bitrate=8000 key-int-max=60 ! video/x-h264,profile=high ! "
      "mp4mux faststart=true ! filesink name=sink"
    : "appsrc name=src format=time ! videoconvert ! video/x-raw,format=I420 ! "
      "vp8enc deadline=1 cpu-used=16 threads=2 target-bitrate=6000000 keyframe-max-dist=60 ! "
      "webmmux ! filesink name=sink";
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) src = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstCaps) caps = NULL;

  pipeline = gst_parse_launch (description, error);
  if (pipeline == NULL)
    {
      g_prefix_error (error, _("GStreamer cannot encode %s (are gstreamer1.0-plugins-good and -ugly installed?): "),
                      self->mp4 ? "MP4" : "WebM");
      return NULL;
    }
  gst_object_ref_sink (pipeline);

  src = gst_bin_get_by_name (GST_BIN (pipeline), "src");
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  /* Cairo's RGB24 is BGRx in memory on little-endian machines. */
  caps = gst_caps_new_simple ("video/x-raw",
                              "format", G_TYPE_STRING, G_BYTE_ORDER == G_LITTLE_ENDIAN ? "BGRx" : "xRGB",
                              "width", G_TYPE_INT, self->width,
                              "height", G_TYPE_INT, self->height,
                              "framerate", GST_TYPE_FRACTION, COSMO_VIDEO_FPS, 1,
                              "pixel-aspect-ratio", GST_TYPE_FRACTION, 1, 1,
                              NULL);
  g_object_set (src, "caps", caps, "block", TRUE, "max-bytes", (guint64) self->width * self->height * 4 * 4, NULL);
  g_object_set (sink, "location", self->path, NULL);

  return g_steal_pointer (&pipeline);
}

static gboolean
check_bus (GstElement  *pipeline,
           GstClockTime timeout,
           GError     **error)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
  g_autoptr(GstMessage) message = gst_bus_timed_pop_filtered (bus, timeout, GST_MESSAGE_ERROR | GST_MESSAGE_EOS);

  if (message != NULL && GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      g_autoptr(GError) gst_error = NULL;
      g_autofree char *debug = NULL;

      gst_message_parse_error (message, &gst_error, &debug);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Video encoding failed: %s"), gst_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
cosmo_video_export_run (CosmoVideoExport        *self,
                        GCancellable            *cancellable,
                        CosmoVideoProgressFunc   progress,
                        gpointer                 user_data,
                        GError                 **error)
{
  g_autoptr(CosmoBriefing) briefing = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) src = NULL;
  cairo_surface_t *surface;
  guint n = cosmo_video_export_get_n_frames (self);
  gboolean ok = TRUE;
  int last_percent = -1;

  g_return_val_if_fail (COSMO_IS_VIDEO_EXPORT (self), FALSE);

  if (!gst_init_check (NULL, NULL, error))
    return FALSE;

  pipeline = make_pipeline (self, error);
  if (pipeline == NULL)
    return FALSE;
  src = gst_bin_get_by_name (GST_BIN (pipeline), "src");

  if (gst_element_set_state (pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      check_bus (pipeline, 0, error);
      if (error == NULL || *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not start encoding to %s"), self->path);
      gst_element_set_state (pipeline, GST_STATE_NULL);
      return FALSE;
    }

  briefing = cosmo_briefing_new (self->mission);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, self->width, self->height);

  for (guint k = 0; k < n && ok; k++)
    {
      guint offset;
      const Segment *segment = find_segment (self, k, &offset);
      double t = segment->start + (double) offset * segment->rate / COSMO_VIDEO_FPS;
      cairo_t *cr = cairo_create (surface);
      GstBuffer *buffer;
      GstMapInfo map;
      int stride = cairo_image_surface_get_stride (surface);
      const guchar *data;

      cosmo_briefing_render_frame (briefing, cr, self->width, self->height, t,
                                   segment->range_start, segment->range_end);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      data = cairo_image_surface_get_data (surface);
      buffer = gst_buffer_new_allocate (NULL, (gsize) self->width * 4 * self->height, NULL);
      gst_buffer_map (buffer, &map, GST_MAP_WRITE);
      for (int row = 0; row < self->height; row++)
        memcpy (map.data + (gsize) row * self->width * 4, data + (gsize) row * stride, (gsize) self->width * 4);
      gst_buffer_unmap (buffer, &map);
      GST_BUFFER_PTS (buffer) = gst_util_uint64_scale (k, GST_SECOND, COSMO_VIDEO_FPS);
      GST_BUFFER_DURATION (buffer) = gst_util_uint64_scale (k + 1, GST_SECOND, COSMO_VIDEO_FPS) - GST_BUFFER_PTS (buffer);

      if (gst_app_src_push_buffer (GST_APP_SRC (src), buffer) != GST_FLOW_OK)
        ok = check_bus (pipeline, 0, error) && FALSE;
      else if (!check_bus (pipeline, 0, error))
        ok = FALSE;

      if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;

      if (ok && progress != NULL && (int) (k * 100 / MAX (n, 1)) != last_percent)
        {
          last_percent = (int) (k * 100 / MAX (n, 1));
          progress ((double) k / n, user_data);
        }
    }
  cairo_surface_destroy (surface);

  if (ok)
    {
      gst_app_src_end_of_stream (GST_APP_SRC (src));
      ok = check_bus (pipeline, GST_CLOCK_TIME_NONE, error);
    }
  gst_element_set_state (pipeline, GST_STATE_NULL);

  if (!ok)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s"), self->path);
      /* No half-written file left behind. */
      g_unlink (self->path);
      return FALSE;
    }

  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}

/* Async: the same in a worker thread ------------------------------------- */

typedef struct
{
  GMainContext *context;
  CosmoVideoProgressFunc func;
  gpointer data;
} ProgressRelay;

typedef struct
{
  ProgressRelay *relay;
  double fraction;
} ProgressCall;

static gboolean
progress_in_main (gpointer user_data)
{
  ProgressCall *call = user_data;

  call->relay->func (call->fraction, call->relay->data);
  return G_SOURCE_REMOVE;
}

static void
progress_call_free (gpointer data)
{
  ProgressCall *call = data;

  g_atomic_rc_box_release_full (call->relay, NULL);
  g_free (call);
}

static void
relay_progress (double   fraction,
                gpointer user_data)
{
  ProgressRelay *relay = user_data;
  ProgressCall *call = g_new0 (ProgressCall, 1);

  call->relay = g_atomic_rc_box_acquire (relay);
  call->fraction = fraction;
  g_main_context_invoke_full (relay->context, G_PRIORITY_DEFAULT, progress_in_main, call, progress_call_free);
}

static void
relay_free (gpointer data)
{
  ProgressRelay *relay = data;

  g_main_context_unref (relay->context);
}

static void
release_relay (gpointer data)
{
  g_atomic_rc_box_release_full (data, relay_free);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CosmoVideoExport *self = source_object;
  ProgressRelay *relay = task_data;
  GError *error = NULL;

  if (cosmo_video_export_run (self, cancellable, relay->func ? relay_progress : NULL, relay, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cosmo_video_export_run_async (CosmoVideoExport        *self,
                              GCancellable            *cancellable,
                              CosmoVideoProgressFunc   progress,
                              gpointer                 progress_data,
                              GAsyncReadyCallback      callback,
                              gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  ProgressRelay *relay;

  g_return_if_fail (COSMO_IS_VIDEO_EXPORT (self));

  relay = g_atomic_rc_box_new0 (ProgressRelay);
  relay->context = g_main_context_ref_thread_default ();
  relay->func = progress;
  relay->data = progress_data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cosmo_video_export_run_async);
  g_task_set_task_data (task, relay, release_relay);
  g_task_run_in_thread (task, run_in_thread);
}

gboolean
cosmo_video_export_run_finish (CosmoVideoExport  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
