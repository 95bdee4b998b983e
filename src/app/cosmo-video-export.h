/* cosmo-video-export.h: the replay as a video file, rendered offscreen
 *
 * Each frame is composed with cosmo_briefing_render_frame() (not grabbed
 * from the screen) and encoded with GStreamer: WebM (VP8) or MP4 (H.264),
 * chosen by the file name. Frame k shows the mission at a time computed
 * from k alone (start + k * rate / fps for a range), so every frame is exact
 * whatever the machine's speed.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cosmo-mission.h"

G_BEGIN_DECLS

#define COSMO_VIDEO_WIDTH 1920
#define COSMO_VIDEO_HEIGHT 1080
#define COSMO_VIDEO_FPS 30

#define COSMO_TYPE_VIDEO_EXPORT (cosmo_video_export_get_type ())
G_DECLARE_FINAL_TYPE (CosmoVideoExport, cosmo_video_export, COSMO, VIDEO_EXPORT, GObject)

/* Fails unless @path ends in .webm or .mp4. By default the video is a tour
 * of the chapters: each one played in and held with its caption. */
CosmoVideoExport *cosmo_video_export_new            (CosmoMission      *mission,
                                                     const char        *path,
                                                     GError           **error);
/* Replay [start, end] at @rate instead of the chapter tour. */
void              cosmo_video_export_set_range      (CosmoVideoExport  *self,
                                                     double             start,
                                                     double             end,
                                                     double             rate);
void              cosmo_video_export_set_size       (CosmoVideoExport  *self,
                                                     int                width,
                                                     int                height);
guint             cosmo_video_export_get_n_frames   (CosmoVideoExport  *self);
double            cosmo_video_export_get_duration   (CosmoVideoExport  *self);
/* Mission time shown by frame @k. */
double            cosmo_video_export_get_frame_time (CosmoVideoExport  *self,
                                                     guint              k);

typedef void (*CosmoVideoProgressFunc) (double   fraction,
                                        gpointer user_data);

/* Blocking; @progress is called from the calling thread. */
gboolean          cosmo_video_export_run            (CosmoVideoExport        *self,
                                                     GCancellable            *cancellable,
                                                     CosmoVideoProgressFunc   progress,
                                                     gpointer                 user_data,
                                                     GError                 **error);
/* In a worker thread; @progress is called in the caller's main context. */
void              cosmo_video_export_run_async      (CosmoVideoExport        *self,
                                                     GCancellable            *cancellable,
                                                     CosmoVideoProgressFunc   progress,
                                                     gpointer                 progress_data,
                                                     GAsyncReadyCallback      callback,
                                                     gpointer                 user_data);
gboolean          cosmo_video_export_run_finish     (CosmoVideoExport        *self,
                                                     GAsyncResult            *result,
                                                     GError                 **error);

G_END_DECLS
