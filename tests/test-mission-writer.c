/* test-mission-writer.c: saving keeps what it does not edit, is atomic
 * under failure, keeps a backup; undo/redo; autosave survives a killed
 * process
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <unistd.h>

#include "cosmo-autosave.h"
#include "cosmo-edit-history.h"
#include "cosmo-mission-loader.h"
#include "cosmo-mission-writer.h"

static char *state_dir;

#define MISSION \
  "{\n" \
  "  \"format\": \"cosmodrome-mission\",\n" \
  "  \"version\": 1,\n" \
  "  \"id\": \"test\",\n" \
  "  \"title\": \"Test mission\",\n" \
  "  \"t0\": \"2025-11-27T09:27:57.402Z\",\n" \
  "  \"x-future-member\": {\"kept\": [1, 2, 3]},\n" \
  "  \"sites\": [{\"id\": \"pad\", \"name\": \"Pad\", \"kind\": \"pad\", \"lat\": 46.0, \"lon\": 63.5}],\n" \
  "  \"events\": [\n" \
  "    {\"id\": \"liftoff\", \"time\": \"T+0\", \"category\": \"flight\", \"title\": \"Liftoff\",\n" \
  "     \"source\": \"test\", \"confidence\": \"confirmed\", \"site\": \"pad\", \"x-note\": \"kept too\"},\n" \
  "    {\"id\": \"docking\", \"time\": \"2025-11-27T12:34:35Z\", \"category\": \"flight\", \"title\": \"Docking\",\n" \
  "     \"source\": \"test\", \"confidence\": \"confirmed\"}\n" \
  "  ]\n" \
  "}\n"

static char *
make_package (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cosmo-writer-XXXXXX", &error);
  g_autofree char *json = g_build_filename (dir, "mission.json", NULL);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (json, MISSION, -1, &error));
  return dir;
}

static void
remove_package (const char *dir)
{
  const char *names[] = { "mission.json", "mission.json~" };

  g_chmod (dir, 0755);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static CosmoMission *
load (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  CosmoMission *mission = cosmo_mission_load (folder, NULL, &error);

  g_assert_no_error (error);
  return mission;
}

static char *
read_text (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, NULL);
  return text;
}

static CosmoEvent *
new_note (CosmoEditHistory *history,
          double            t,
          const char       *title)
{
  g_autofree char *id = cosmo_edit_history_new_event_id (history, "note");
  CosmoEvent *event = cosmo_event_new (id, t, COSMO_EVENT_CATEGORY_NOTE, title);

  cosmo_event_set_source (event, "test");
  cosmo_event_set_confidence (event, COSMO_CONFIDENCE_REPORTED);
  return event;
}

static void
test_save_round_trip (void)
{
  g_autofree char *dir = make_package ();
  g_autoptr(CosmoMission) mission = load (dir);
  g_autoptr(CosmoEditHistory) history = cosmo_edit_history_new (mission);
  g_autoptr(CosmoEvent) note = new_note (history, 12.25, "Cabin moves");
  g_autoptr(CosmoMission) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *backup = NULL;
  CosmoEvent *saved;

  cosmo_event_set_description (note, "Seen on camera 3");
  cosmo_edit_history_add_event (history, note);
  g_assert_true (cosmo_mission_save (mission, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  again = load (dir);
  g_assert_cmpuint (cosmo_event_list_get_count (cosmo_mission_get_events (again)), ==, 3);
  saved = cosmo_event_list_lookup (cosmo_mission_get_events (again), "note-1");
  g_assert_nonnull (saved);
  g_assert_cmpfloat (cosmo_event_get_time (saved), ==, 12.25);
  g_assert_cmpstr (cosmo_event_get_description (saved), ==, "Seen on camera 3");
  g_assert_cmpint (cosmo_event_get_category (saved), ==, COSMO_EVENT_CATEGORY_NOTE);

  /* Unknown members and the authors' time spellings survive. */
  text = read_text (dir, "mission.json");
  g_assert_nonnull (strstr (text, "x-future-member"));
  g_assert_nonnull (strstr (text, "\"kept too\""));
  g_assert_nonnull (strstr (text, "\"2025-11-27T12:34:35Z\""));
  g_assert_nonnull (strstr (text, "\"T+0\""));
  g_assert_nonnull (strstr (text, "\"T+12.25\""));
  /* The version before is kept. */
  backup = read_text (dir, "mission.json~");
  g_assert_cmpstr (backup, ==, MISSION);

  remove_package (dir);
}

/* A stream that accepts @limit bytes and then fails like a full disk. */
typedef struct {
  GOutputStream parent;
  GOutputStream *base;
  gsize left;
} FullDisk;
typedef GOutputStreamClass FullDiskClass;
static GType full_disk_get_type (void);
G_DEFINE_TYPE (FullDisk, full_disk, G_TYPE_OUTPUT_STREAM)

static gssize
full_disk_write (GOutputStream *stream,
                 const void    *buffer,
                 gsize          count,
                 GCancellable  *cancellable,
                 GError       **error)
{
  FullDisk *self = (FullDisk *) stream;

  if (self->left == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
      return -1;
    }
  count = MIN (count, self->left);
  self->left -= count;
  return g_output_stream_write (self->base, buffer, count, cancellable, error);
}

static void
full_disk_finalize (GObject *object)
{
  g_clear_object (&((FullDisk *) object)->base);
  G_OBJECT_CLASS (full_disk_parent_class)->finalize (object);
}

static void
full_disk_class_init (FullDiskClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = full_disk_finalize;
  klass->write_fn = full_disk_write;
}

static void
full_disk_init (FullDisk *self)
{
}

static GOutputStream *
wrap_full_disk (GOutputStream *base,
                gpointer       user_data)
{
  FullDisk *stream = g_object_new (full_disk_get_type (), NULL);

  stream->base = g_object_ref (base);
  stream->left = GPOINTER_TO_SIZE (user_data);
  return G_OUTPUT_STREAM (stream);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d && g_dir_read_name (d))
    n++;
  return n;
}

static void
test_full_disk (void)
{
  g_autofree char *dir = make_package ();
  g_autoptr(CosmoMission) mission = load (dir);
  g_autoptr(CosmoEditHistory) history = cosmo_edit_history_new (mission);
  g_autoptr(CosmoEvent) note = new_note (history, 5, "A note");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  CosmoWriteOptions options = { TRUE, wrap_full_disk, GSIZE_TO_POINTER (100) };

  cosmo_edit_history_add_event (history, note);
  g_assert_false (cosmo_mission_save (mission, NULL, &options, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_true (g_str_has_prefix (error->message, "mission.json: cannot save"));

  /* The old file is intact, and no temporary file is left behind. */
  text = read_text (dir, "mission.json");
  g_assert_cmpstr (text, ==, MISSION);
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_assert_true (cosmo_edit_history_get_dirty (history));

  remove_package (dir);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = NULL;

  if (g_test_subprocess ())
    {
      const char *package = g_getenv ("COSMO_TEST_PACKAGE");
      g_autoptr(CosmoMission) mission = load (package);
      g_autoptr(CosmoEditHistory) history = cosmo_edit_history_new (mission);
      g_autoptr(CosmoEvent) note = new_note (history, 5, "A note");
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      /* root writes anywhere: be nobody for this. */
      if (geteuid () == 0)
        {
          g_assert_cmpint (setgid (65534), ==, 0);
          g_assert_cmpint (setuid (65534), ==, 0);
        }
      cosmo_edit_history_add_event (history, note);
      g_assert_false (cosmo_mission_save (mission, NULL, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      text = read_text (package, "mission.json");
      g_assert_cmpstr (text, ==, MISSION);
      return;
    }

  dir = make_package ();
  g_chmod (dir, 0755);
  g_setenv ("COSMO_TEST_PACKAGE", dir, TRUE);
  g_chmod (dir, 0555);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_assert_cmpuint (count_files (dir), ==, 1);
  remove_package (dir);
}

static void
test_undo_redo (void)
{
  g_autofree char *dir = make_package ();
  g_autoptr(CosmoMission) mission = load (dir);
  g_autoptr(CosmoEditHistory) history = cosmo_edit_history_new (mission);
  CosmoEventList *events = cosmo_mission_get_events (mission);
  CosmoEvent *liftoff = cosmo_event_list_lookup (events, "liftoff");
  g_autoptr(CosmoEvent) note = new_note (history, 30, "Note");
  g_autoptr(CosmoEvent) edited = cosmo_event_copy (liftoff);
  g_autofree char *second_id = NULL;

  g_assert_false (cosmo_edit_history_get_dirty (history));
  g_assert_false (cosmo_edit_history_can_undo (history));

  /* add */
  cosmo_edit_history_add_event (history, note);
  g_assert_cmpuint (cosmo_event_list_get_count (events), ==, 3);
  g_assert_cmpstr (cosmo_edit_history_get_undo_label (history), ==, "Add Note");
  g_assert_true (cosmo_edit_history_get_dirty (history));
  /* an id stays unique even while its event is undone */
  g_assert_null (cosmo_edit_history_undo (history));  /* nothing left to select */
  g_assert_cmpuint (cosmo_event_list_get_count (events), ==, 2);
  g_assert_false (cosmo_edit_history_get_dirty (history));
  second_id = cosmo_edit_history_new_event_id (history, "note");
  g_assert_cmpstr (second_id, ==, "note-2");
  g_assert_true (cosmo_edit_history_redo (history) == note);
  g_assert_cmpuint (cosmo_event_list_get_count (events), ==, 3);

  /* edit: moving an event keeps the list sorted */
  cosmo_event_set_time (edited, 100);
  cosmo_event_set_title (edited, "Liftoff (corrected)");
  cosmo_edit_history_replace_event (history, liftoff, edited);
  g_assert_true (cosmo_event_list_get_event (events, 0) == note);
  g_assert_true (cosmo_event_list_lookup (events, "liftoff") == edited);
  cosmo_edit_history_undo (history);
  g_assert_true (cosmo_event_list_lookup (events, "liftoff") == liftoff);
  g_assert_true (cosmo_event_list_get_event (events, 0) == liftoff);
  cosmo_edit_history_redo (history);
  g_assert_true (cosmo_event_list_lookup (events, "liftoff") == edited);

  /* delete */
  cosmo_edit_history_remove_event (history, note);
  g_assert_null (cosmo_event_list_lookup (events, note ? cosmo_event_get_id (note) : NULL));
  cosmo_edit_history_undo (history);
  g_assert_nonnull (cosmo_event_list_lookup (events, cosmo_event_get_id (note)));

  /* save marks clean; a new edit after undo drops the redo branch */
  cosmo_edit_history_mark_saved (history);
  g_assert_false (cosmo_edit_history_get_dirty (history));
  g_assert_true (cosmo_edit_history_can_redo (history));
  cosmo_edit_history_undo (history);  /* the edit of liftoff */
  g_assert_true (cosmo_edit_history_get_dirty (history));
  cosmo_edit_history_remove_event (history, liftoff);
  g_assert_false (cosmo_edit_history_can_redo (history));
  g_assert_true (cosmo_edit_history_get_dirty (history));
  while (cosmo_edit_history_can_undo (history))
    cosmo_edit_history_undo (history);
  g_assert_cmpuint (cosmo_event_list_get_count (events), ==, 2);
  g_assert_true (cosmo_event_list_lookup (events, "liftoff") == liftoff);

  remove_package (dir);
}

static void
test_autosave_after_kill (void)
{
  g_autofree char *dir = NULL;

  if (g_test_subprocess ())
    {
      /* The child: edit, autosave, and die without saving or cleaning up. */
      const char *package = g_getenv ("COSMO_TEST_PACKAGE");
      g_autoptr(CosmoMission) mission = load (package);
      g_autoptr(CosmoEditHistory) history = cosmo_edit_history_new (mission);
      g_autoptr(CosmoEvent) note = new_note (history, 42, "Written before the crash");
      g_autoptr(GError) error = NULL;

      cosmo_edit_history_add_event (history, note);
      g_assert_true (cosmo_autosave_write (mission, &error));
      g_assert_no_error (error);
      kill (getpid (), SIGKILL);
      g_assert_not_reached ();
    }

  dir = make_package ();
  g_setenv ("COSMO_TEST_PACKAGE", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();

  {
    g_autoptr(CosmoMission) mission = load (dir);
    g_autoptr(CosmoEditHistory) history = cosmo_edit_history_new (mission);
    g_autoptr(GPtrArray) recovered = NULL;
    g_autoptr(GError) error = NULL;

    /* The package itself never saw the note... */
    g_assert_cmpuint (cosmo_event_list_get_count (cosmo_mission_get_events (mission)), ==, 2);
    /* ...but the autosave did, and recovering it is one undoable step. */
    g_assert_cmpint (cosmo_autosave_find (mission), >, 0);
    recovered = cosmo_autosave_read_events (mission, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (recovered->len, ==, 3);
    cosmo_edit_history_replace_all (history, recovered);
    g_assert_nonnull (cosmo_event_list_lookup (cosmo_mission_get_events (mission), "note-1"));
    g_assert_true (cosmo_edit_history_get_dirty (history));
    g_assert_true (cosmo_mission_save (mission, NULL, NULL, NULL, &error));
    cosmo_autosave_discard (mission);
    g_assert_cmpint (cosmo_autosave_find (mission), ==, 0);
  }
  remove_package (dir);
}

int
main (int argc, char *argv[])
{
  /* Autosaves go to a private state folder, not the user's. */
  if (g_getenv ("COSMO_TEST_STATE") == NULL)
    {
      state_dir = g_dir_make_tmp ("cosmo-state-XXXXXX", NULL);
      g_setenv ("COSMO_TEST_STATE", state_dir, TRUE);
    }
  g_setenv ("XDG_STATE_HOME", g_getenv ("COSMO_TEST_STATE"), TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/writer/save-round-trip", test_save_round_trip);
  g_test_add_func ("/writer/full-disk", test_full_disk);
  g_test_add_func ("/writer/read-only-folder", test_read_only_folder);
  g_test_add_func ("/history/undo-redo", test_undo_redo);
  g_test_add_func ("/autosave/after-kill", test_autosave_after_kill);

  return g_test_run ();
}
