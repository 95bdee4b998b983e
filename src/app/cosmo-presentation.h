/* cosmo-presentation.h: presentation mode for projectors, and the caption
 * band it shows
 *
 * Presentation mode: full screen, header bar hidden, the "presentation"
 * style class on the window (views scale their type and lines for a
 * room), the chapter caption band in large type, the screen kept awake,
 * and the keys of a remote clicker: Page Down / Right / Space play to the
 * next chapter, Page Up / Left go back, Escape leaves.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cosmo-chapters.h"
#include "cosmo-session.h"

G_BEGIN_DECLS

#define COSMO_TYPE_CAPTION_BAND (cosmo_caption_band_get_type ())
G_DECLARE_FINAL_TYPE (CosmoCaptionBand, cosmo_caption_band, COSMO, CAPTION_BAND, GtkWidget)

void           cosmo_caption_band_set_chapters      (CosmoCaptionBand *self,
                                                     CosmoChapters    *chapters);
/* The kiosk's play/pause, restart and language controls. */
void           cosmo_caption_band_set_show_controls (CosmoCaptionBand *self,
                                                     gboolean          show);
gboolean       cosmo_caption_band_get_show_controls (CosmoCaptionBand *self);
const char    *cosmo_caption_band_get_title         (CosmoCaptionBand *self);

#define COSMO_TYPE_PRESENTATION (cosmo_presentation_get_type ())
G_DECLARE_FINAL_TYPE (CosmoPresentation, cosmo_presentation, COSMO, PRESENTATION, GObject)

/* Installs win.present (F5) and win.leave-presentation (Escape) on the
 * window class; call from its class_init. */
void               cosmo_presentation_install_actions (GtkWidgetClass    *widget_class);
/* Attaches presentation mode to @window: @header is what to hide (a
 * GtkRevealer around the header bar), @band the caption band. */
CosmoPresentation *cosmo_presentation_attach         (GtkWindow         *window,
                                                      CosmoSession      *session,
                                                      GtkRevealer       *header,
                                                      CosmoCaptionBand  *band);
CosmoPresentation *cosmo_presentation_get_for_window (GtkWindow         *window);
gboolean           cosmo_presentation_get_active     (CosmoPresentation *self);
void               cosmo_presentation_set_active     (CosmoPresentation *self,
                                                      gboolean           active);
CosmoChapters     *cosmo_presentation_get_chapters   (CosmoPresentation *self);
CosmoCaptionBand  *cosmo_presentation_get_band       (CosmoPresentation *self);
/* Kiosk: Escape does not leave, nothing opens a dialog. */
void               cosmo_presentation_set_locked     (CosmoPresentation *self,
                                                      gboolean           locked);

G_END_DECLS
