/* test-event-list.c: events stay sorted; range and stepping queries
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "cosmo-event-list.h"

static CosmoEvent *
add (CosmoEventList *list,
     const char     *id,
     double          t,
     double          end)
{
  g_autoptr(CosmoEvent) event = cosmo_event_new (id, t, COSMO_EVENT_CATEGORY_FLIGHT, id);

  cosmo_event_set_end_time (event, end);
  cosmo_event_list_add (list, event);
  return event;
}

static void
assert_sorted (CosmoEventList *list)
{
  for (guint i = 1; i < cosmo_event_list_get_count (list); i++)
    g_assert_cmpint (cosmo_event_compare (cosmo_event_list_get_event (list, i - 1),
                                          cosmo_event_list_get_event (list, i)), <, 0);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
test_ordering (void)
{
  g_autoptr(CosmoEventList) list = cosmo_event_list_new ();
  guint changes = 0;
  CosmoEvent *moved;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);

  add (list, "sep", 529, NAN);
  add (list, "liftoff", 0, NAN);
  add (list, "retract", -3597, NAN);
  moved = add (list, "collapse", 10, NAN);
  add (list, "repair", 4 * 86400, 96 * 86400);
  add (list, "b", 118, NAN);
  add (list, "a", 118, NAN);   /* same time: ordered by id */

  g_assert_cmpuint (changes, ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 7);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == COSMO_TYPE_EVENT);
  assert_sorted (list);
  g_assert_cmpstr (cosmo_event_get_id (cosmo_event_list_get_event (list, 0)), ==, "retract");
  g_assert_cmpstr (cosmo_event_get_id (cosmo_event_list_get_event (list, 3)), ==, "a");
  g_assert_cmpstr (cosmo_event_get_id (cosmo_event_list_get_event (list, 4)), ==, "b");

  /* Changing an event's time re-sorts the list and tells observers. */
  changes = 0;
  cosmo_event_set_time (moved, 600);
  assert_sorted (list);
  g_assert_cmpuint (changes, >, 0);
  g_assert_cmpstr (cosmo_event_get_id (cosmo_event_list_get_event (list, 5)), ==, "collapse");

  g_assert_true (cosmo_event_list_lookup (list, "liftoff") != NULL);
  g_assert_null (cosmo_event_list_lookup (list, "nope"));

  g_assert_true (cosmo_event_list_remove (list, moved));
  g_assert_false (cosmo_event_list_remove (list, moved));
  g_assert_cmpuint (cosmo_event_list_get_count (list), ==, 6);
  assert_sorted (list);
}

static void
test_stepping (void)
{
  g_autoptr(CosmoEventList) list = cosmo_event_list_new ();

  add (list, "liftoff", 0, NAN);
  add (list, "collapse", 10, NAN);
  add (list, "booster", 118, NAN);

  g_assert_null (cosmo_event_list_get_current (list, -1));
  g_assert_cmpstr (cosmo_event_get_id (cosmo_event_list_get_current (list, 0)), ==, "liftoff");
  g_assert_cmpstr (cosmo_event_get_id (cosmo_event_list_get_current (list, 9.99)), ==, "liftoff");
  g_assert_cmpstr (cosmo_event_get_id (cosmo_event_list_get_current (list, 10)), ==, "collapse");
  g_assert_cmpstr (cosmo_event_get_id (cosmo_event_list_get_current (list, 1e9)), ==, "booster");

  /* next/previous are strict, so stepping from an event moves off it */
  g_assert_cmpstr (cosmo_event_get_id (cosmo_event_list_get_next (list, 0)), ==, "collapse");
  g_assert_cmpstr (cosmo_event_get_id (cosmo_event_list_get_next (list, -5)), ==, "liftoff");
  g_assert_null (cosmo_event_list_get_next (list, 118));
  g_assert_cmpstr (cosmo_event_get_id (cosmo_event_list_get_previous (list, 10)), ==, "liftoff");
  g_assert_cmpstr (cosmo_event_get_id (cosmo_event_list_get_previous (list, 10.5)), ==, "collapse");
  g_assert_null (cosmo_event_list_get_previous (list, 0));
}

static void
test_range_query (void)
{
  g_autoptr(CosmoEventList) list = cosmo_event_list_new ();
  g_autoptr(GPtrArray) hits = NULL;
  double start, end;

  add (list, "retract", -3600, NAN);
  add (list, "liftoff", 0, NAN);
  add (list, "repair", 4 * 86400, 96 * 86400);   /* a long range */
  add (list, "statement", 10 * 3600, NAN);
  add (list, "launch", 115 * 86400, NAN);

  /* A window in the middle of the repair finds the range that crosses it. */
  hits = cosmo_event_list_query_range (list, 50 * 86400, 51 * 86400);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (cosmo_event_get_id (g_ptr_array_index (hits, 0)), ==, "repair");
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = cosmo_event_list_query_range (list, -60, 600);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (cosmo_event_get_id (g_ptr_array_index (hits, 0)), ==, "liftoff");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Bounds are inclusive. */
  hits = cosmo_event_list_query_range (list, 0, 10 * 3600);
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = cosmo_event_list_query_range (list, 200 * 86400, 300 * 86400);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_assert_true (cosmo_event_list_get_bounds (list, &start, &end));
  g_assert_cmpfloat (start, ==, -3600);
  g_assert_cmpfloat (end, ==, 115 * 86400);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/event-list/ordering", test_ordering);
  g_test_add_func ("/event-list/stepping", test_stepping);
  g_test_add_func ("/event-list/range-query", test_range_query);

  return g_test_run ();
}
