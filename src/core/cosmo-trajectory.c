/* cosmo-trajectory.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "cosmo-trajectory.h"
#include "cosmo-util.h"

#define EARTH_MEAN_RADIUS 6371008.8

struct _CosmoTrajectory
{
  GObject parent_instance;

  char *id;
  char *title;
  char *description;
  CosmoProvenance provenance;
  gsize n_samples;
  GBytes *columns[COSMO_TRAJECTORY_N_COLUMNS];
  const double *data[COSMO_TRAJECTORY_N_COLUMNS];
  double bounds[4];
};

G_DEFINE_FINAL_TYPE (CosmoTrajectory, cosmo_trajectory, G_TYPE_OBJECT)

static void
cosmo_trajectory_finalize (GObject *object)
{
  CosmoTrajectory *self = (CosmoTrajectory *) object;

  for (guint i = 0; i < COSMO_TRAJECTORY_N_COLUMNS; i++)
    g_clear_pointer (&self->columns[i], g_bytes_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (cosmo_trajectory_parent_class)->finalize (object);
}

static void
cosmo_trajectory_class_init (CosmoTrajectoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cosmo_trajectory_finalize;
}

static void
cosmo_trajectory_init (CosmoTrajectory *self)
{
}

double
cosmo_geo_distance (double lat1,
                    double lon1,
                    double lat2,
                    double lon2)
{
  double p1 = lat1 * G_PI / 180, p2 = lat2 * G_PI / 180;
  double dp = p2 - p1, dl = (lon2 - lon1) * G_PI / 180;
  double a = sin (dp / 2) * sin (dp / 2) + cos (p1) * cos (p2) * sin (dl / 2) * sin (dl / 2);

  return 2 * EARTH_MEAN_RADIUS * atan2 (sqrt (a), sqrt (MAX (0.0, 1 - a)));
}

static GBytes *
derive_column (CosmoTrajectory       *self,
               CosmoTrajectoryColumn  column)
{
  gsize n = self->n_samples;
  double *out = g_new0 (double, MAX (n, 1));
  const double *t = self->data[COSMO_TRAJECTORY_TIME];
  const double *lat = self->data[COSMO_TRAJECTORY_LATITUDE];
  const double *lon = self->data[COSMO_TRAJECTORY_LONGITUDE];
  const double *alt = self->data[COSMO_TRAJECTORY_ALTITUDE];

  for (gsize i = 0; i < n; i++)
    {
      if (column == COSMO_TRAJECTORY_DOWNRANGE)
        out[i] = cosmo_geo_distance (lat[0], lon[0], lat[i], lon[i]);
      else if (column == COSMO_TRAJECTORY_SPEED && n > 1)
        {
          /* Central differences of position: good enough for display when
           * a file gives no velocity. */
          gsize a = i > 0 ? i - 1 : 0, b = i + 1 < n ? i + 1 : n - 1;
          double horiz = cosmo_geo_distance (lat[a], lon[a], lat[b], lon[b]);
          double vert = alt[b] - alt[a];
          out[i] = sqrt (horiz * horiz + vert * vert) / (t[b] - t[a]);
        }
      else
        out[i] = NAN;
    }

  return g_bytes_new_take (out, n * sizeof (double));
}

CosmoTrajectory *
cosmo_trajectory_new (const char       *id,
                      const char       *title,
                      CosmoProvenance   provenance,
                      GBytes          **columns)
{
  CosmoTrajectory *self;
  gsize n;

  g_return_val_if_fail (columns != NULL, NULL);
  for (guint i = 0; i <= COSMO_TRAJECTORY_ALTITUDE; i++)
    g_return_val_if_fail (columns[i] != NULL, NULL);

  n = g_bytes_get_size (columns[COSMO_TRAJECTORY_TIME]) / sizeof (double);
  for (guint i = 0; i < COSMO_TRAJECTORY_N_COLUMNS; i++)
    g_return_val_if_fail (columns[i] == NULL || g_bytes_get_size (columns[i]) == n * sizeof (double), NULL);

  self = g_object_new (COSMO_TYPE_TRAJECTORY, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->provenance = provenance;
  self->n_samples = n;

  for (guint i = 0; i < COSMO_TRAJECTORY_N_COLUMNS; i++)
    if (columns[i] != NULL)
      {
        self->columns[i] = g_bytes_ref (columns[i]);
        self->data[i] = g_bytes_get_data (columns[i], NULL);
      }

  for (guint i = COSMO_TRAJECTORY_SPEED; i < COSMO_TRAJECTORY_N_COLUMNS; i++)
    if (self->columns[i] == NULL)
      {
        self->columns[i] = derive_column (self, i);
        self->data[i] = g_bytes_get_data (self->columns[i], NULL);
      }

  self->bounds[0] = self->bounds[1] = INFINITY;
  self->bounds[2] = self->bounds[3] = -INFINITY;
  for (gsize i = 0; i < n; i++)
    {
      self->bounds[0] = MIN (self->bounds[0], self->data[COSMO_TRAJECTORY_LATITUDE][i]);
      self->bounds[1] = MIN (self->bounds[1], self->data[COSMO_TRAJECTORY_LONGITUDE][i]);
      self->bounds[2] = MAX (self->bounds[2], self->data[COSMO_TRAJECTORY_LATITUDE][i]);
      self->bounds[3] = MAX (self->bounds[3], self->data[COSMO_TRAJECTORY_LONGITUDE][i]);
    }

  return self;
}

const char *cosmo_trajectory_get_id (CosmoTrajectory *self) { g_return_val_if_fail (COSMO_IS_TRAJECTORY (self), NULL); return self->id; }
const char *cosmo_trajectory_get_title (CosmoTrajectory *self) { g_return_val_if_fail (COSMO_IS_TRAJECTORY (self), NULL); return self->title; }
const char *cosmo_trajectory_get_description (CosmoTrajectory *self) { g_return_val_if_fail (COSMO_IS_TRAJECTORY (self), NULL); return self->description; }
CosmoProvenance cosmo_trajectory_get_provenance (CosmoTrajectory *self) { g_return_val_if_fail (COSMO_IS_TRAJECTORY (self), 0); return self->provenance; }
gsize cosmo_trajectory_get_n_samples (CosmoTrajectory *self) { g_return_val_if_fail (COSMO_IS_TRAJECTORY (self), 0); return self->n_samples; }

void
cosmo_trajectory_set_description (CosmoTrajectory *self,
                                  const char      *description)
{
  g_return_if_fail (COSMO_IS_TRAJECTORY (self));
  cosmo_set_str (&self->description, description);
}

const double *
cosmo_trajectory_get_column (CosmoTrajectory       *self,
                             CosmoTrajectoryColumn  column)
{
  g_return_val_if_fail (COSMO_IS_TRAJECTORY (self), NULL);
  g_return_val_if_fail (column < COSMO_TRAJECTORY_N_COLUMNS, NULL);
  return self->data[column];
}

double
cosmo_trajectory_get_start_time (CosmoTrajectory *self)
{
  g_return_val_if_fail (COSMO_IS_TRAJECTORY (self), NAN);
  return self->n_samples ? self->data[COSMO_TRAJECTORY_TIME][0] : NAN;
}

double
cosmo_trajectory_get_end_time (CosmoTrajectory *self)
{
  g_return_val_if_fail (COSMO_IS_TRAJECTORY (self), NAN);
  return self->n_samples ? self->data[COSMO_TRAJECTORY_TIME][self->n_samples - 1] : NAN;
}

gsize
cosmo_trajectory_find_index (CosmoTrajectory *self,
                             double           t)
{
  const double *times;
  gsize lo = 0, hi;

  g_return_val_if_fail (COSMO_IS_TRAJECTORY (self), 0);

  times = self->data[COSMO_TRAJECTORY_TIME];
  hi = self->n_samples;
  /* first index with time > t, minus one */
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (times[mid] <= t)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo > 0 ? lo - 1 : 0;
}

static double
lerp (double a, double b, double f)
{
  if (isnan (a)) return b;
  if (isnan (b)) return a;
  return a + (b - a) * f;
}

gboolean
cosmo_trajectory_get_state (CosmoTrajectory      *self,
                            double                t,
                            CosmoTrajectoryState *state)
{
  const double *times;
  gsize i, j;
  double f, lon_a, lon_b;
  gboolean inside;

  g_return_val_if_fail (COSMO_IS_TRAJECTORY (self), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  if (self->n_samples == 0)
    return FALSE;

  times = self->data[COSMO_TRAJECTORY_TIME];
  inside = t >= times[0] && t <= times[self->n_samples - 1];
  i = cosmo_trajectory_find_index (self, t);
  j = MIN (i + 1, self->n_samples - 1);
  f = (j == i || t <= times[i]) ? 0 : MIN (1.0, (t - times[i]) / (times[j] - times[i]));

#define COL(c, k) (self->data[COSMO_TRAJECTORY_##c][k])
  state->t = inside ? t : times[t < times[0] ? 0 : self->n_samples - 1];
  state->latitude = lerp (COL (LATITUDE, i), COL (LATITUDE, j), f);
  /* Interpolate longitude the short way round the antimeridian. */
  lon_a = COL (LONGITUDE, i);
  lon_b = COL (LONGITUDE, j);
  if (lon_b - lon_a > 180) lon_b -= 360;
  if (lon_a - lon_b > 180) lon_b += 360;
  state->longitude = lerp (lon_a, lon_b, f);
  if (state->longitude > 180) state->longitude -= 360;
  if (state->longitude < -180) state->longitude += 360;
  state->altitude = lerp (COL (ALTITUDE, i), COL (ALTITUDE, j), f);
  state->speed = lerp (COL (SPEED, i), COL (SPEED, j), f);
  state->inertial_speed = lerp (COL (INERTIAL_SPEED, i), COL (INERTIAL_SPEED, j), f);
  state->downrange = lerp (COL (DOWNRANGE, i), COL (DOWNRANGE, j), f);
#undef COL

  return inside;
}

void
cosmo_trajectory_get_bounds (CosmoTrajectory *self,
                             double          *min_lat,
                             double          *min_lon,
                             double          *max_lat,
                             double          *max_lon)
{
  g_return_if_fail (COSMO_IS_TRAJECTORY (self));

  if (min_lat) *min_lat = self->bounds[0];
  if (min_lon) *min_lon = self->bounds[1];
  if (max_lat) *max_lat = self->bounds[2];
  if (max_lon) *max_lon = self->bounds[3];
}
