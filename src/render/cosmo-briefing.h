/* cosmo-briefing.h: briefing pages and replay frames composed with cairo
 *
 * The same composition serves the briefing PDF (one page per chapter), the
 * video export (one 1920x1080 frame per 1/30 s of replay) and anything else
 * that needs the map, the charts and the timeline at one moment without a
 * display. Everything is drawn from the mission alone: no widget, no GTK.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "cosmo-mission.h"

G_BEGIN_DECLS

typedef enum {
  COSMO_PAPER_A4,       /* landscape, 297 x 210 mm */
  COSMO_PAPER_LETTER,   /* landscape, 11 x 8.5 in */
} CosmoPaper;

gboolean cosmo_paper_from_name (const char *name,
                                CosmoPaper *paper);
/* Landscape size in PostScript points. */
void     cosmo_paper_get_size  (CosmoPaper  paper,
                                double     *width,
                                double     *height);

/* Colours of the projector palette: high contrast on a dark ground, and
 * event categories told apart by hue *and* lightness so they survive a
 * washed-out projector and the common colour-vision deficiencies (the
 * Okabe-Ito set, from cosmo-palette.h). @dark picks the projector's
 * near-black ground (COSMO_PALETTE_HIGH_CONTRAST), otherwise paper. */
typedef struct
{
  double red;
  double green;
  double blue;
} CosmoRgb;

void     cosmo_briefing_category_color (CosmoEventCategory  category,
                                        gboolean            dark,
                                        CosmoRgb           *color);

#define COSMO_TYPE_BRIEFING (cosmo_briefing_get_type ())
G_DECLARE_FINAL_TYPE (CosmoBriefing, cosmo_briefing, COSMO, BRIEFING, GObject)

/* Loads the offline basemap when it can find it (a briefing without one
 * still has the track, the sites and the pins on a plain ground). */
CosmoBriefing *cosmo_briefing_new           (CosmoMission  *mission);
CosmoMission  *cosmo_briefing_get_mission   (CosmoBriefing *self);

/* One replay frame as on screen (map, charts, timeline, caption band) at
 * mission time @t; the charts and the timeline show [@range_start,
 * @range_end]. Sizes follow @height, so 1280x720 and 1920x1080 look alike. */
void           cosmo_briefing_render_frame  (CosmoBriefing *self,
                                             cairo_t       *cr,
                                             int            width,
                                             int            height,
                                             double         t,
                                             double         range_start,
                                             double         range_end);

/* The caption for time @t: the current chapter (or, before the first, the
 * current event), NULL when there is none. Borrowed. */
CosmoEvent    *cosmo_briefing_get_caption_event (CosmoBriefing *self,
                                                 double         t);

/* Title page, one page per chapter, then every event with its source. */
guint          cosmo_briefing_get_n_pages   (CosmoBriefing *self,
                                             CosmoPaper     paper);
gboolean       cosmo_briefing_export_pdf    (CosmoBriefing  *self,
                                             const char     *path,
                                             CosmoPaper      paper,
                                             GError        **error);

G_END_DECLS
