/* test-presentation.c: presentation mode and the kiosk in a real window
 *
 * Set COSMO_PRESENTATION_SHOTS=DIR to also save what it looks like at
 * 1920x1080 and 1280x720.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cosmo-application.h"
#include "cosmo-kiosk.h"
#include "cosmo-presentation.h"
#include "cosmo-window.h"
#include "cosmo-test-ui.h"

static void
wait_loaded (CosmoWindow *window)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (cosmo_window_get_loading (window) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (cosmo_window_get_loading (window));
  g_assert_nonnull (cosmo_session_get_mission (cosmo_window_get_session (window)));
}

static CosmoWindow *
new_window (int width,
            int height)
{
  CosmoWindow *window = cosmo_window_new (NULL);
  g_autoptr(GFile) bundled = cosmo_application_get_bundled_mission ();

  /* Like --screenshot: a fixed size instead of full screen. */
  gtk_widget_add_css_class (GTK_WIDGET (window), "screenshot");
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  cosmo_window_open (window, bundled);
  gtk_window_present (GTK_WINDOW (window));
  wait_loaded (window);
  return window;
}

static void
check_presentation (int         width,
                    int         height,
                    const char *shot)
{
  CosmoWindow *window = new_window (width, height);
  CosmoPresentation *presentation = cosmo_presentation_get_for_window (GTK_WINDOW (window));
  CosmoSession *session = cosmo_window_get_session (window);
  CosmoChapters *chapters;
  CosmoCaptionBand *band;
  CosmoEvent *chapter;

  g_assert_nonnull (presentation);
  chapters = cosmo_presentation_get_chapters (presentation);
  band = cosmo_presentation_get_band (presentation);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (band)));

  g_assert_false (cosmo_session_get_presentation (session));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  g_assert_true (cosmo_presentation_get_active (presentation));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "presentation"));
  /* The views that draw their own lines and type scale them for a room. */
  g_assert_true (cosmo_session_get_presentation (session));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (band)));

  /* The caption follows the chapter. */
  g_assert_cmpuint (cosmo_chapters_get_n_chapters (chapters), >, 2);
  cosmo_chapters_go_to (chapters, 1);
  chapter = cosmo_chapters_get_chapter (chapters, 1);
  g_assert_cmpstr (cosmo_caption_band_get_title (band), ==, cosmo_event_get_title (chapter));

  cosmo_test_spin (1500);
  g_assert_true (cosmo_test_save_shot (GTK_WIDGET (window), "COSMO_PRESENTATION_SHOTS", shot));

  /* Escape's action leaves; F5's is off while presenting. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-presentation", NULL));
  g_assert_false (cosmo_presentation_get_active (presentation));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "presentation"));
  g_assert_false (cosmo_session_get_presentation (session));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (band)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_presentation_1080 (void)
{
  check_presentation (1920, 1080, "presentation-1920x1080.png");
}

static void
test_presentation_720 (void)
{
  check_presentation (1280, 720, "presentation-1280x720.png");
}

static void
test_kiosk (void)
{
  CosmoWindow *window = new_window (1280, 720);
  CosmoPresentation *presentation = cosmo_presentation_get_for_window (GTK_WINDOW (window));
  CosmoKiosk *kiosk = cosmo_kiosk_start (GTK_WINDOW (window));
  CosmoKioskLoop *loop = cosmo_kiosk_get_loop (kiosk);

  g_assert_true (cosmo_presentation_get_active (presentation));
  g_assert_true (cosmo_session_get_presentation (cosmo_window_get_session (window)));
  /* Nothing opens a file chooser; Escape does not leave. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-presentation", NULL);
  g_assert_true (cosmo_presentation_get_active (presentation));

  /* Let the loop start on its first frame (slow under sanitizers), then a
   * visitor's touch brings the controls. */
  cosmo_test_spin (500);
  cosmo_kiosk_loop_user_activity (loop, g_get_monotonic_time ());
  cosmo_test_spin (300);
  g_assert_true (cosmo_caption_band_get_show_controls (cosmo_presentation_get_band (presentation)));
  g_assert_true (cosmo_test_save_shot (GTK_WIDGET (window), "COSMO_PRESENTATION_SHOTS", "kiosk-1280x720.png"));

  /* It refuses to close; destroy it as the test's owner. */
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/presentation/1920x1080", test_presentation_1080);
  g_test_add_func ("/presentation/1280x720", test_presentation_720);
  g_test_add_func ("/presentation/kiosk", test_kiosk);

  return g_test_run ();
}
