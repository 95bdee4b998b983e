/* cosmo-cli.h: the command line — options that start the window somewhere,
 * and headless commands that need no display (--validate, --print-state,
 * exports). These are a public interface: keep names and output stable.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  GFile *mission;          /* PATH, or NULL for the bundled mission */
  char *screenshot_path;   /* --screenshot */
  int width;               /* --size, 0 when not given */
  int height;
  char *at;                /* --at, parsed once T0 is known */
  double rate;             /* --rate */
  gboolean has_rate;
  gboolean kiosk;          /* --kiosk */
  gboolean present;        /* --present */
  char *range;             /* --range: the visible time range, parsed once T0 is known */
} CosmoStartOptions;

gboolean cosmo_start_options_parse    (CosmoStartOptions  *options,
                                       GVariantDict       *dict,
                                       GError            **error);
void     cosmo_start_options_clear    (CosmoStartOptions  *options);

/* "1920x1080" */
gboolean cosmo_parse_size             (const char         *text,
                                       int                *width,
                                       int                *height);

/* "T1..T2", each end as cosmo_time_parse() reads it. */
gboolean cosmo_parse_time_range       (const char         *text,
                                       GDateTime          *t0,
                                       double             *start,
                                       double             *end,
                                       GError            **error);

void     cosmo_cli_add_option_entries (GApplication       *app);
/* Runs a headless command if one was asked for and returns its exit
 * status; -1 when the window should start. */
int      cosmo_cli_run_headless       (CosmoStartOptions  *options,
                                       GVariantDict       *dict,
                                       GFile              *mission);

G_END_DECLS
