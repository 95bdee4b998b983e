/* cosmo-pyramid.h: a min/max pyramid over one column of values, and the
 * decimation of a trace to pixel columns (M4: first, last, min and max of
 * each column) that it makes cheap.
 *
 * Level k of the pyramid holds the minimum and maximum of each block of
 * 16^k samples (over the finite values) and whether the block holds a
 * NAN (a gap). A range query touches at most 2 * 16 blocks per level, so
 * drawing any time range costs a few hundred reads per pixel column no
 * matter how many samples the channel has.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <math.h>

G_BEGIN_DECLS

typedef struct _CosmoPyramid CosmoPyramid;

/* @values must stay alive as long as the pyramid; @bytes (optional) is
 * referenced to guarantee that. */
CosmoPyramid *cosmo_pyramid_new        (const double       *values,
                                        gsize               n,
                                        GBytes             *bytes);
void          cosmo_pyramid_free       (CosmoPyramid       *self);
gsize         cosmo_pyramid_get_size   (const CosmoPyramid *self);
/* Bytes held by the pyramid itself (not the values). */
gsize         cosmo_pyramid_get_memory (const CosmoPyramid *self);
/* Minimum and maximum of the finite values in [i, j); FALSE when there is
 * none. @has_nan (optional) tells whether a NAN lies in the range. */
gboolean      cosmo_pyramid_range      (const CosmoPyramid *self,
                                        gsize               i,
                                        gsize               j,
                                        double             *min,
                                        double             *max,
                                        gboolean           *has_nan);
/* The first NAN's index in [i, j), or @j. */
gsize         cosmo_pyramid_find_nan   (const CosmoPyramid *self,
                                        gsize               i,
                                        gsize               j);

/* Whether a block (or a single sample, min == max) holds a sample that is
 * a hit. Must be exact: TRUE only if some sample in it is one. */
typedef gboolean (*CosmoPyramidTest) (double   min,
                                      double   max,
                                      gboolean has_nan,
                                      gpointer user_data);
/* The first / last hit in [i, j); @j when there is none. */
gsize         cosmo_pyramid_find_first (const CosmoPyramid *self,
                                        gsize               i,
                                        gsize               j,
                                        CosmoPyramidTest    test,
                                        gpointer            user_data);
gsize         cosmo_pyramid_find_last  (const CosmoPyramid *self,
                                        gsize               i,
                                        gsize               j,
                                        CosmoPyramidTest    test,
                                        gpointer            user_data);

/* One vertex of a trace: @x is the centre of its pixel column (in device
 * pixels from the plot's left edge), @y the vertical position (user
 * units); @move starts a new sub-path (after a gap). */
typedef struct
{
  double x;
  double y;
  gboolean move;
} CosmoTracePoint;

/* Value to y: y = base - (value - v_min) * scale. @exact_joins asks for
 * the two extra vertices per column that make an aliased stroke of the
 * decimated trace identical to the full one; an antialiased or span
 * drawing does not need them. */
typedef struct
{
  double v_min;
  double scale;
  double base;
  gboolean exact_joins;
} CosmoTraceTransform;

/* The pixel column that time @t falls in, for @n_columns columns over
 * [@t_start, @t_end). Both the decimated and the full trace use it, so
 * every sample lands in the same column either way. */
static inline double
cosmo_trace_column (double t,
                    double t_start,
                    double t_end,
                    int    n_columns)
{
  return floor ((t - t_start) * ((double) n_columns / (t_end - t_start)));
}

/* Appends to @out (a GArray of CosmoTracePoint) the vertices that draw
 * samples @times/@values over [@t_start, @t_end) into @n_columns pixel
 * columns: with @pyramid, at most six per gap-free run in a column (first,
 * min, max, last, and the first and last samples that differ in y from
 * them, so that a stroke's joins leave and enter the column in the same
 * direction as the full trace's); with @pyramid NULL, every sample (the
 * reference the decimated trace must match pixel for pixel). The nearest
 * sample on either side of the range is included so lines run to the
 * edges. */
void          cosmo_trace_build        (const double       *times,
                                        const double       *values,
                                        gsize               n,
                                        const CosmoPyramid *pyramid,
                                        double              t_start,
                                        double              t_end,
                                        int                 n_columns,
                                        const CosmoTraceTransform *transform,
                                        GArray             *out);

G_END_DECLS
