/* cosmo-mission-writer.h: writes mission packages back, safely
 *
 * Every write goes to a new file in the same folder, is flushed to disk and
 * then renamed over the old one, so at any moment the folder holds either
 * the complete old file or the complete new one, never a truncated file.
 * The previous version is kept as "<name>~".
 *
 * Saving a mission rewrites only what editing can change (the events) and
 * keeps every other member of mission.json as it was, including members
 * this version does not know.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cosmo-mission.h"

G_BEGIN_DECLS

/* Lets a caller (a test) put its own stream between the writer and the
 * temporary file, e.g. one that fails like a full disk. Returns a new
 * reference; may return @base itself (with a new reference). */
typedef GOutputStream *(*CosmoStreamWrapFunc) (GOutputStream *base,
                                               gpointer       user_data);

typedef struct {
  gboolean make_backup;          /* keep the old file as "<name>~" */
  CosmoStreamWrapFunc wrap;      /* NULL: write to the file directly */
  gpointer wrap_data;
} CosmoWriteOptions;

/* Atomically replaces (or creates) the local file @file with @data. */
gboolean    cosmo_atomic_write            (GFile                   *file,
                                           const char              *data,
                                           gsize                    length,
                                           const CosmoWriteOptions *options,
                                           GCancellable            *cancellable,
                                           GError                 **error);

/* One event as mission.json spells it. @original (nullable) is the object
 * the event was loaded from: its unknown members and its time spelling are
 * kept when still right. */
JsonNode   *cosmo_event_to_json           (CosmoEvent   *event,
                                           CosmoMission *mission,
                                           JsonObject   *original);
/* The "events" array of @mission; @original_events (nullable) is the array
 * it was loaded from. */
JsonNode   *cosmo_events_to_json          (CosmoMission *mission,
                                           JsonArray    *original_events);
/* mission.json text for @mission: @original_root (nullable) with its
 * events replaced, or a new document with the header, sites and events. */
char       *cosmo_mission_to_json_data    (CosmoMission *mission,
                                           JsonNode     *original_root,
                                           gsize        *length);

/* Reads "<folder>/mission.json" as JSON (size-limited), or NULL. */
JsonNode   *cosmo_mission_read_json       (GFile        *folder,
                                           GCancellable *cancellable,
                                           GError      **error);

/* Saves @mission's events into its package folder (its location), or into
 * @folder when not NULL, atomically and with a backup. */
gboolean    cosmo_mission_save            (CosmoMission            *mission,
                                           GFile                   *folder,
                                           const CosmoWriteOptions *options,
                                           GCancellable            *cancellable,
                                           GError                 **error);

/* Copies a package folder (files and subfolders, links as the files they
 * point to) to @to, which must not exist yet: how a read-only package (the
 * bundled mission) becomes one the user can save into. */
gboolean    cosmo_mission_copy_package    (GFile        *from,
                                           GFile        *to,
                                           GCancellable *cancellable,
                                           GError      **error);

/* Formats a number so that it reads back exactly, in C notation. */
void        cosmo_format_double           (char         *buffer,
                                           gsize         size,
                                           double        value);

G_END_DECLS
