/* cosmo-pyramid.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "cosmo-pyramid.h"

#define SHIFT 4
#define FANOUT (1 << SHIFT)
#define MAX_LEVELS 16

typedef struct
{
  double min;
  double max;
} Block;

struct _CosmoPyramid
{
  const double *values;
  gsize n;
  GBytes *bytes;
  guint n_levels;               /* level 0 is the values themselves */
  Block *blocks[MAX_LEVELS];
  guint8 *nan[MAX_LEVELS];
  gsize counts[MAX_LEVELS];
};

/* Level 1 blocks [first, last) of @values. */
typedef struct
{
  const double *values;
  gsize n;
  gsize first, last;
  Block *out;
  guint8 *nan;
} Level1Job;

/* Below this many blocks a second thread costs more than it saves. */
#define PARALLEL_BLOCKS 16384

static void
level1_range (Level1Job *job)
{
  for (gsize b = job->first; b < job->last; b++)
    {
      const double *v = job->values + b * FANOUT;
      gsize len = MIN ((gsize) FANOUT, job->n - b * FANOUT);
      /* Two accumulators each so the comparisons pipeline; a NAN
       * fails every comparison and so never becomes min or max. */
      double mn0 = INFINITY, mn1 = INFINITY, mx0 = -INFINITY, mx1 = -INFINITY;
      guint gap = 0;
      gsize k = 0;

      for (; k + 1 < len; k += 2)
        {
          double a = v[k], c = v[k + 1];
          mn0 = a < mn0 ? a : mn0;
          mx0 = a > mx0 ? a : mx0;
          mn1 = c < mn1 ? c : mn1;
          mx1 = c > mx1 ? c : mx1;
          gap |= (a != a) | (c != c);
        }
      for (; k < len; k++)
        {
          double a = v[k];
          mn0 = a < mn0 ? a : mn0;
          mx0 = a > mx0 ? a : mx0;
          gap |= a != a;
        }
      job->out[b].min = MIN (mn0, mn1);
      job->out[b].max = MAX (mx0, mx1);
      job->nan[b] = gap;
    }
}

static gpointer
level1_thread (gpointer data)
{
  level1_range (data);
  return NULL;
}

CosmoPyramid *
cosmo_pyramid_new (const double *values,
                   gsize         n,
                   GBytes       *bytes)
{
  CosmoPyramid *self = g_new0 (CosmoPyramid, 1);

  self->values = values;
  self->n = n;
  self->bytes = bytes ? g_bytes_ref (bytes) : NULL;
  self->n_levels = 1;
  self->counts[0] = n;

  /* Level 1 straight from the values: the only pass over all of them, and
   * memory-bound, so a large channel splits it between two threads. */
  if (n > FANOUT)
    {
      gsize count = (n + FANOUT - 1) / FANOUT;
      Level1Job jobs[2] = {
        { values, n, 0, count, g_new (Block, count), g_new (guint8, count) },
      };
      GThread *helper = NULL;

      if (count >= PARALLEL_BLOCKS && g_get_num_processors () > 1)
        {
          jobs[1] = jobs[0];
          jobs[0].last = jobs[1].first = count / 2;
          helper = g_thread_try_new ("cosmo-pyramid", level1_thread, &jobs[1], NULL);
          if (helper == NULL)
            jobs[0].last = count;
        }
      level1_range (&jobs[0]);
      if (helper != NULL)
        g_thread_join (helper);

      self->blocks[1] = jobs[0].out;
      self->nan[1] = jobs[0].nan;
      self->counts[1] = count;
      self->n_levels = 2;
    }

  while (self->n_levels < MAX_LEVELS && self->counts[self->n_levels - 1] > FANOUT)
    {
      guint k = self->n_levels;
      gsize below = self->counts[k - 1];
      gsize count = (below + FANOUT - 1) / FANOUT;
      const Block *in = self->blocks[k - 1];
      const guint8 *in_nan = self->nan[k - 1];
      Block *out = g_new (Block, count);
      guint8 *nan = g_new (guint8, count);

      for (gsize b = 0; b < count; b++)
        {
          gsize end = MIN ((b + 1) * FANOUT, below);
          double mn = INFINITY, mx = -INFINITY;
          guint gap = 0;

          for (gsize c = b * FANOUT; c < end; c++)
            {
              mn = in[c].min < mn ? in[c].min : mn;
              mx = in[c].max > mx ? in[c].max : mx;
              gap |= in_nan[c];
            }
          out[b].min = mn;
          out[b].max = mx;
          nan[b] = gap;
        }
      self->blocks[k] = out;
      self->nan[k] = nan;
      self->counts[k] = count;
      self->n_levels++;
    }

  return self;
}

void
cosmo_pyramid_free (CosmoPyramid *self)
{
  if (self == NULL)
    return;
  for (guint k = 1; k < self->n_levels; k++)
    {
      g_free (self->blocks[k]);
      g_free (self->nan[k]);
    }
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self);
}

gsize
cosmo_pyramid_get_size (const CosmoPyramid *self)
{
  return self->n;
}

gsize
cosmo_pyramid_get_memory (const CosmoPyramid *self)
{
  gsize total = sizeof *self;

  for (guint k = 1; k < self->n_levels; k++)
    total += self->counts[k] * (sizeof (Block) + 1);
  return total;
}

/* Whole blocks are used only when they fit in [i, j): climb while the
 * position is aligned to the next level's block and that block fits,
 * take blocks of the current level, and step down near the end. */
gboolean
cosmo_pyramid_range (const CosmoPyramid *self,
                     gsize               i,
                     gsize               j,
                     double             *min,
                     double             *max,
                     gboolean           *has_nan)
{
  double mn = INFINITY, mx = -INFINITY;
  guint gap = 0;
  guint k = 0;
  gsize bs = 1;

  j = MIN (j, self->n);
  while (i < j)
    {
      if (k + 1 < self->n_levels && (i & ((bs << SHIFT) - 1)) == 0 && i + (bs << SHIFT) <= j)
        {
          k++;
          bs <<= SHIFT;
          continue;
        }
      if (i + bs <= j)
        {
          if (k == 0)
            {
              double v = self->values[i];
              mn = v < mn ? v : mn;
              mx = v > mx ? v : mx;
              gap |= v != v;
            }
          else
            {
              const Block *b = &self->blocks[k][i >> (SHIFT * k)];
              mn = b->min < mn ? b->min : mn;
              mx = b->max > mx ? b->max : mx;
              gap |= self->nan[k][i >> (SHIFT * k)];
            }
          i += bs;
        }
      else
        {
          k--;
          bs >>= SHIFT;
        }
    }

  if (min)
    *min = mn;
  if (max)
    *max = mx;
  if (has_nan)
    *has_nan = gap != 0;
  return mn <= mx;
}

static inline gboolean
block_test (const CosmoPyramid *self,
            guint               k,
            gsize               i,
            CosmoPyramidTest    test,
            gpointer            user_data)
{
  if (k == 0)
    {
      double v = self->values[i];
      return test (v, v, isnan (v), user_data);
    }
  else
    {
      const Block *b = &self->blocks[k][i >> (SHIFT * k)];
      return test (b->min, b->max, self->nan[k][i >> (SHIFT * k)] != 0, user_data);
    }
}

gsize
cosmo_pyramid_find_first (const CosmoPyramid *self,
                          gsize               i,
                          gsize               j,
                          CosmoPyramidTest    test,
                          gpointer            user_data)
{
  guint k = 0;
  gsize bs = 1;

  j = MIN (j, self->n);
  while (i < j)
    {
      if (k + 1 < self->n_levels && (i & ((bs << SHIFT) - 1)) == 0 && i + (bs << SHIFT) <= j)
        {
          k++;
          bs <<= SHIFT;
          continue;
        }
      if (i + bs <= j)
        {
          if (block_test (self, k, i, test, user_data))
            {
              /* The first block with a hit holds the first hit: walk down
               * its children to the sample. */
              while (k > 0)
                {
                  k--;
                  bs >>= SHIFT;
                  while (!block_test (self, k, i, test, user_data))
                    i += bs;
                }
              return i;
            }
          i += bs;
        }
      else
        {
          k--;
          bs >>= SHIFT;
        }
    }
  return j;
}

gsize
cosmo_pyramid_find_last (const CosmoPyramid *self,
                         gsize               i,
                         gsize               j,
                         CosmoPyramidTest    test,
                         gpointer            user_data)
{
  gsize none = j, e;
  guint k = 0;
  gsize bs = 1;

  e = MIN (j, self->n);
  /* The mirror image of find_first, working down from the end. */
  while (e > i)
    {
      if (k + 1 < self->n_levels && (e & ((bs << SHIFT) - 1)) == 0 && e >= i + (bs << SHIFT))
        {
          k++;
          bs <<= SHIFT;
          continue;
        }
      if (e >= i + bs)
        {
          if (block_test (self, k, e - bs, test, user_data))
            {
              while (k > 0)
                {
                  k--;
                  bs >>= SHIFT;
                  while (!block_test (self, k, e - bs, test, user_data))
                    e -= bs;
                }
              return e - 1;
            }
          e -= bs;
        }
      else
        {
          k--;
          bs >>= SHIFT;
        }
    }
  return none;
}

static gboolean
test_nan (double   min,
          double   max,
          gboolean has_nan,
          gpointer user_data)
{
  return has_nan;
}

gsize
cosmo_pyramid_find_nan (const CosmoPyramid *self,
                        gsize               i,
                        gsize               j)
{
  return cosmo_pyramid_find_first (self, i, j, test_nan, NULL);
}

typedef struct
{
  GArray *out;
  gboolean pen_up;
  CosmoTraceTransform tr;
} Emitter;

static inline double
to_y (const Emitter *em,
      double         v)
{
  return em->tr.base - (v - em->tr.v_min) * em->tr.scale;
}

/* cairo stores coordinates in 24.8 fixed point and drops a line to the
 * point it is already at; this is its rounding. */
static inline gint64
fixed_y (double y)
{
  return (gint64) nearbyint (y * 256.0);
}

static inline void
emit (Emitter *em,
      double   x,
      double   value)
{
  CosmoTracePoint p = { x, to_y (em, value), em->pen_up };

  g_array_append_val (em->out, p);
  em->pen_up = FALSE;
}

/* Every sample of [s, e) at column centre x, breaking at gaps. */
static void
emit_all (Emitter      *em,
          const double *values,
          gsize         s,
          gsize         e,
          double        x)
{
  for (gsize i = s; i < e; i++)
    {
      if (isnan (values[i]))
        em->pen_up = TRUE;
      else
        emit (em, x, values[i]);
    }
}

typedef struct
{
  const Emitter *em;
  gint64 key;
} DiffersTest;

/* y is monotonic in the value, so a block differs from @key somewhere
 * exactly when its min or its max does. */
static gboolean
test_differs (double   min,
              double   max,
              gboolean has_nan,
              gpointer user_data)
{
  const DiffersTest *d = user_data;

  return fixed_y (to_y (d->em, min)) != d->key || fixed_y (to_y (d->em, max)) != d->key;
}

static void
emit_column (Emitter            *em,
             const CosmoPyramid *pyramid,
             const double       *values,
             gsize               s,
             gsize               e,
             double              x)
{
  gsize pos = s;

  if (e - s <= 6)
    {
      emit_all (em, values, s, e, x);
      return;
    }

  while (pos < e)
    {
      gsize gap = cosmo_pyramid_find_nan (pyramid, pos, e);

      if (gap - pos <= 6)
        emit_all (em, values, pos, gap, x);
      else
        {
          DiffersTest first = { em, fixed_y (to_y (em, values[pos])) };
          DiffersTest last = { em, fixed_y (to_y (em, values[gap - 1])) };
          gsize after_first = gap, before_last = gap - 1;
          double mn, mx;

          if (em->tr.exact_joins)
            {
              after_first = cosmo_pyramid_find_first (pyramid, pos + 1, gap, test_differs, &first);
              before_last = cosmo_pyramid_find_last (pyramid, pos, gap - 1, test_differs, &last);
            }

          /* Within a column every vertex has the same x, so the run is a
           * vertical stroke from its min to its max. The first and last
           * samples carry the lines from and to the neighbour columns;
           * the samples next to them that move away set the direction of
           * the stroke's joins there, as in the full trace. */
          cosmo_pyramid_range (pyramid, pos, gap, &mn, &mx, NULL);
          emit (em, x, values[pos]);
          if (after_first < gap)
            emit (em, x, values[after_first]);
          emit (em, x, mn);
          emit (em, x, mx);
          if (before_last < gap - 1)
            emit (em, x, values[before_last]);
          emit (em, x, values[gap - 1]);
        }

      if (gap < e)
        {
          em->pen_up = TRUE;
          pos = gap + 1;
        }
      else
        pos = e;
    }
}

/* First index in [lo, hi) whose column is >= @column (hi when none),
 * galloping from lo: successive columns are near each other. */
static gsize
column_lower_bound (const double *times,
                    gsize         lo,
                    gsize         hi,
                    double        column,
                    double        t_start,
                    double        t_end,
                    int           n_columns,
                    gsize         per_column)
{
  gsize step = 1, a = lo, b;

  if (lo >= hi || cosmo_trace_column (times[lo], t_start, t_end, n_columns) >= column)
    return lo;

  /* Evenly sampled data: the boundary is about one column's worth of
   * samples on; check just before and at the guess. */
  if (per_column > 2 && lo + per_column < hi)
    {
      gsize guess = lo + per_column;

      if (cosmo_trace_column (times[guess], t_start, t_end, n_columns) >= column)
        {
          if (cosmo_trace_column (times[guess - 1], t_start, t_end, n_columns) < column)
            return guess;
        }
      else if (guess + 1 < hi && cosmo_trace_column (times[guess + 1], t_start, t_end, n_columns) >= column)
        return guess + 1;
    }
  /* invariant: column(times[a]) < column */
  for (;;)
    {
      b = a + step;
      if (b >= hi)
        {
          b = hi;
          break;
        }
      if (cosmo_trace_column (times[b], t_start, t_end, n_columns) >= column)
        break;
      a = b;
      step *= 2;
    }
  /* column(times[a]) < column <= column(times[b]) (or b == hi) */
  while (b - a > 1)
    {
      gsize mid = a + (b - a) / 2;

      if (cosmo_trace_column (times[mid], t_start, t_end, n_columns) >= column)
        b = mid;
      else
        a = mid;
    }
  return b;
}

static gsize
time_lower_bound (const double *times,
                  gsize         n,
                  double        column,
                  double        t_start,
                  double        t_end,
                  int           n_columns)
{
  gsize lo = 0, hi = n;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (cosmo_trace_column (times[mid], t_start, t_end, n_columns) >= column)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

void
cosmo_trace_build (const double       *times,
                   const double       *values,
                   gsize               n,
                   const CosmoPyramid *pyramid,
                   double              t_start,
                   double              t_end,
                   int                 n_columns,
                   const CosmoTraceTransform *transform,
                   GArray             *out)
{
  Emitter em = { out, TRUE, *transform };
  gsize lo, hi, a, b, i, per_column;

  if (n == 0 || !(t_end > t_start) || n_columns <= 0)
    return;
  g_return_if_fail (pyramid == NULL || cosmo_pyramid_get_size (pyramid) == n);

  lo = time_lower_bound (times, n, 0, t_start, t_end, n_columns);
  hi = time_lower_bound (times, n, n_columns, t_start, t_end, n_columns);
  a = lo > 0 ? lo - 1 : 0;
  b = hi < n ? hi + 1 : n;

  if (pyramid == NULL)
    {
      for (i = a; i < b; i++)
        {
          if (isnan (values[i]))
            em.pen_up = TRUE;
          else
            emit (&em, cosmo_trace_column (times[i], t_start, t_end, n_columns) + 0.5, values[i]);
        }
      return;
    }

  /* The neighbours outside the range: one sample each, enough to carry
   * the line to the edge. */
  if (a < lo)
    emit_all (&em, values, a, lo, cosmo_trace_column (times[a], t_start, t_end, n_columns) + 0.5);

  per_column = (hi - lo) / (gsize) n_columns;
  for (i = lo; i < hi;)
    {
      double column = cosmo_trace_column (times[i], t_start, t_end, n_columns);
      gsize e = column_lower_bound (times, i, hi, column + 1, t_start, t_end, n_columns, per_column);

      emit_column (&em, pyramid, values, i, e, column + 0.5);
      i = e;
    }

  if (hi < b)
    emit_all (&em, values, hi, b, cosmo_trace_column (times[hi], t_start, t_end, n_columns) + 0.5);
}
