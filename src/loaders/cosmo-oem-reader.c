/* cosmo-oem-reader.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cosmo-csv-import.h"
#include "cosmo-csv-reader.h"
#include "cosmo-oem-reader.h"
#include "cosmo-time.h"

#define WGS84_A 6378137.0
#define WGS84_F (1 / 298.257223563)
#define EARTH_RATE 7.292115146706979e-5   /* rad/s */
#define ARCSEC (G_PI / (180.0 * 3600.0))

typedef enum {
  FRAME_INERTIAL,   /* EME2000, GCRF, ICRF: precession + sidereal time */
  FRAME_TEME,       /* true equator, mean equinox: sidereal time only */
  FRAME_FIXED,      /* ITRF, ITRS */
} FrameKind;

typedef enum {
  SYSTEM_UTC,
  SYSTEM_TAI,
  SYSTEM_GPS,
  SYSTEM_TT,
} TimeSystem;

static void
segment_free (CosmoOemSegment *segment)
{
  g_free (segment->object_name);
  g_free (segment->object_id);
  g_free (segment->center_name);
  g_free (segment->ref_frame);
  g_free (segment->time_system);
  g_free (segment);
}

void
cosmo_oem_free (CosmoOem *oem)
{
  if (oem == NULL)
    return;
  g_free (oem->version);
  g_free (oem->originator);
  g_free (oem->creation_date);
  g_ptr_array_unref (oem->segments);
  g_array_unref (oem->times);
  g_array_unref (oem->x);
  g_array_unref (oem->y);
  g_array_unref (oem->z);
  g_array_unref (oem->vx);
  g_array_unref (oem->vy);
  g_array_unref (oem->vz);
  g_array_unref (oem->inertial_speed);
  g_array_unref (oem->lines);
  g_free (oem);
}

static CosmoOem *
oem_new (void)
{
  CosmoOem *oem = g_new0 (CosmoOem, 1);

  oem->segments = g_ptr_array_new_with_free_func ((GDestroyNotify) segment_free);
  oem->times = g_array_new (FALSE, FALSE, sizeof (double));
  oem->x = g_array_new (FALSE, FALSE, sizeof (double));
  oem->y = g_array_new (FALSE, FALSE, sizeof (double));
  oem->z = g_array_new (FALSE, FALSE, sizeof (double));
  oem->vx = g_array_new (FALSE, FALSE, sizeof (double));
  oem->vy = g_array_new (FALSE, FALSE, sizeof (double));
  oem->vz = g_array_new (FALSE, FALSE, sizeof (double));
  oem->inertial_speed = g_array_new (FALSE, FALSE, sizeof (double));
  oem->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  return oem;
}

double
cosmo_tai_minus_utc (double unix_utc)
{
  /* Start of each step (Unix seconds, UTC) and TAI - UTC from then on. */
  static const struct { double since; double value; } steps[] = {
    { 1483228800, 37 }, { 1435708800, 36 }, { 1341100800, 35 }, { 1230768000, 34 },
    { 1136073600, 33 }, { 915148800, 32 }, { 867715200, 31 }, { 820454400, 30 },
    { 773020800, 29 }, { 741484800, 28 }, { 709948800, 27 }, { 662688000, 26 },
    { 631152000, 25 }, { 567993600, 24 }, { 489024000, 23 }, { 425865600, 22 },
    { 394329600, 21 }, { 362793600, 20 }, { 315532800, 19 }, { 283996800, 18 },
    { 252460800, 17 }, { 220924800, 16 }, { 189302400, 15 }, { 157766400, 14 },
    { 126230400, 13 }, { 94694400, 12 }, { 78796800, 11 }, { 63072000, 10 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (unix_utc >= steps[i].since)
      return steps[i].value;
  return 10;  /* before 1972 UTC was not offset by whole seconds; close enough */
}

static void
rotate_z (double angle,
          double r[3])
{
  double c = cos (angle), s = sin (angle);
  double x = c * r[0] + s * r[1];
  double y = -s * r[0] + c * r[1];

  r[0] = x;
  r[1] = y;
}

static void
rotate_y (double angle,
          double r[3])
{
  double c = cos (angle), s = sin (angle);
  double x = c * r[0] - s * r[2];
  double z = s * r[0] + c * r[2];

  r[0] = x;
  r[2] = z;
}

static double
gmst (double unix_utc)
{
  /* IAU 1982, with UT1 taken as UTC. */
  double tu = (unix_utc / 86400.0 + 2440587.5 - 2451545.0) / 36525.0;
  double seconds = 67310.54841 + (876600.0 * 3600.0 + 8640184.812866) * tu + 0.093104 * tu * tu
                   - 6.2e-6 * tu * tu * tu;

  seconds = fmod (seconds, 86400.0);
  if (seconds < 0)
    seconds += 86400.0;
  return seconds * (G_PI / 43200.0);
}

static void
precess (double unix_utc,
         double r[3])
{
  /* IAU 1976 precession from J2000 to the mean equator and equinox of date. */
  double jd_tt = unix_utc / 86400.0 + 2440587.5 + (cosmo_tai_minus_utc (unix_utc) + 32.184) / 86400.0;
  double t = (jd_tt - 2451545.0) / 36525.0;
  double zeta = (2306.2181 * t + 0.30188 * t * t + 0.017998 * t * t * t) * ARCSEC;
  double z = (2306.2181 * t + 1.09468 * t * t + 0.018203 * t * t * t) * ARCSEC;
  double theta = (2004.3109 * t - 0.42665 * t * t - 0.041833 * t * t * t) * ARCSEC;

  rotate_z (-zeta, r);
  rotate_y (theta, r);
  rotate_z (-z, r);
}

static void
to_ecef (double     unix_utc,
         FrameKind  kind,
         double     r[3],
         double     v[3])
{
  double angle;

  if (kind == FRAME_FIXED)
    return;
  if (kind == FRAME_INERTIAL)
    {
      precess (unix_utc, r);
      precess (unix_utc, v);
    }
  angle = gmst (unix_utc);
  rotate_z (angle, r);
  rotate_z (angle, v);
  /* The frame turns under the vehicle: subtract omega x r. */
  v[0] += EARTH_RATE * r[1];
  v[1] -= EARTH_RATE * r[0];
}

void
cosmo_inertial_to_ecef (double unix_utc,
                        double r[3],
                        double v[3])
{
  to_ecef (unix_utc, FRAME_INERTIAL, r, v);
}

void
cosmo_ecef_to_geodetic (double  x,
                        double  y,
                        double  z,
                        double *lat,
                        double *lon,
                        double *alt)
{
  const double e2 = WGS84_F * (2 - WGS84_F);
  double p = hypot (x, y);
  double phi = atan2 (z, p * (1 - e2));

  /* Fixed-point iteration on the latitude; from this start it converges to
   * below a micrometre in a handful of steps at any altitude. */
  for (int i = 0; i < 10; i++)
    {
      double s = sin (phi);
      double n = WGS84_A / sqrt (1 - e2 * s * s);
      double next = atan2 (z + e2 * n * s, p);

      if (fabs (next - phi) < 1e-14)
        {
          phi = next;
          break;
        }
      phi = next;
    }
  *lat = phi * 180 / G_PI;
  *lon = atan2 (y, x) * 180 / G_PI;
  {
    double s = sin (phi);
    *alt = p * cos (phi) + z * s - WGS84_A * sqrt (1 - e2 * s * s);
  }
}

gboolean
cosmo_oem_sniff (const char *data,
                 gsize       length)
{
  const char *p = data, *end = data + MIN (length, 4096);

  while (p < end && g_ascii_isspace (*p))
    p++;
  return (gsize) (end - p) >= 14 && strncmp (p, "CCSDS_OEM_VERS", 14) == 0;
}

typedef enum {
  STATE_HEADER,
  STATE_META,
  STATE_DATA,
  STATE_COVARIANCE,
} ParseState;

typedef struct {
  const char *name;
  guint line;
  CosmoOem *oem;
  ParseState state;
  CosmoOemSegment *segment;
  FrameKind frame;
  TimeSystem system;
  gboolean have_start, have_stop;
  double last_time;
} OemCtx;

static gboolean
oem_error (OemCtx      *ctx,
           GError     **error,
           int          code,
           const char  *format,
           ...) G_GNUC_PRINTF (4, 5);

static gboolean
oem_error (OemCtx      *ctx,
           GError     **error,
           int          code,
           const char  *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, COSMO_LOAD_ERROR, code, "%s:%u: %s", ctx->name, ctx->line, message);
  return FALSE;
}

static gboolean
check_metadata (OemCtx  *ctx,
                GError **error)
{
  CosmoOemSegment *s = ctx->segment;
  const char *missing = NULL;
  g_autofree char *frame = NULL;

  if (s->object_name == NULL)
    missing = "OBJECT_NAME";
  else if (s->object_id == NULL)
    missing = "OBJECT_ID";
  else if (s->center_name == NULL)
    missing = "CENTER_NAME";
  else if (s->ref_frame == NULL)
    missing = "REF_FRAME";
  else if (s->time_system == NULL)
    missing = "TIME_SYSTEM";
  else if (!ctx->have_start)
    missing = "START_TIME";
  else if (!ctx->have_stop)
    missing = "STOP_TIME";
  if (missing != NULL)
    return oem_error (ctx, error, COSMO_LOAD_ERROR_MISSING, _("the metadata block has no %s"), missing);

  if (g_ascii_strcasecmp (s->center_name, "EARTH") != 0)
    return oem_error (ctx, error, COSMO_LOAD_ERROR_UNSUPPORTED,
                      _("CENTER_NAME is “%s”; only EARTH can be shown on the map"), s->center_name);

  frame = g_ascii_strup (s->ref_frame, -1);
  if (strcmp (frame, "EME2000") == 0 || strcmp (frame, "GCRF") == 0 || strcmp (frame, "ICRF") == 0 ||
      strcmp (frame, "J2000") == 0)
    ctx->frame = FRAME_INERTIAL;
  else if (strcmp (frame, "TEME") == 0)
    ctx->frame = FRAME_TEME;
  else if (g_str_has_prefix (frame, "ITRF") || strcmp (frame, "ITRS") == 0)
    ctx->frame = FRAME_FIXED;
  else
    return oem_error (ctx, error, COSMO_LOAD_ERROR_UNSUPPORTED,
                      _("REF_FRAME “%s” is not supported; expected EME2000, GCRF, ICRF, TEME or ITRF"),
                      s->ref_frame);

  if (g_ascii_strcasecmp (s->time_system, "UTC") == 0)
    ctx->system = SYSTEM_UTC;
  else if (g_ascii_strcasecmp (s->time_system, "TAI") == 0)
    ctx->system = SYSTEM_TAI;
  else if (g_ascii_strcasecmp (s->time_system, "GPS") == 0)
    ctx->system = SYSTEM_GPS;
  else if (g_ascii_strcasecmp (s->time_system, "TT") == 0)
    ctx->system = SYSTEM_TT;
  else
    return oem_error (ctx, error, COSMO_LOAD_ERROR_UNSUPPORTED,
                      _("TIME_SYSTEM “%s” is not supported; expected UTC, TAI, GPS or TT"), s->time_system);
  return TRUE;
}

static double
to_utc (TimeSystem system,
        double     t)
{
  double offset;

  switch (system)
    {
    case SYSTEM_TAI: offset = 0; break;
    case SYSTEM_GPS: offset = 19; break;         /* TAI = GPS + 19 s */
    case SYSTEM_TT: offset = -32.184; break;     /* TAI = TT - 32.184 s */
    case SYSTEM_UTC:
    default:
      return t;
    }
  /* TAI -> UTC; the table is indexed by UTC, so look up near the answer. */
  t += offset;
  return t - cosmo_tai_minus_utc (t - cosmo_tai_minus_utc (t - 37));
}

static gboolean
parse_data_line (OemCtx      *ctx,
                 const char  *line,
                 gsize        len,
                 GError     **error)
{
  const char *p = line, *end = line + len;
  const char *tokens[11];
  gsize lengths[11];
  guint n = 0;
  double values[9], t, r[3], v[3];
  CosmoOem *oem = ctx->oem;

  while (p < end)
    {
      const char *start;

      while (p < end && (*p == ' ' || *p == '\t'))
        p++;
      if (p >= end)
        break;
      start = p;
      while (p < end && *p != ' ' && *p != '\t')
        p++;
      if (n == G_N_ELEMENTS (tokens))
        return oem_error (ctx, error, COSMO_LOAD_ERROR_SYNTAX,
                          _("expected an epoch and 6 or 9 numbers, found more"));
      tokens[n] = start;
      lengths[n++] = p - start;
    }
  if (n != 7 && n != 10)
    return oem_error (ctx, error, COSMO_LOAD_ERROR_SYNTAX,
                      _("expected an epoch and 6 or 9 numbers (position, velocity, optional acceleration), found %u items"),
                      n);
  if (!cosmo_parse_iso_utc (tokens[0], lengths[0], &t))
    {
      g_autofree char *text = g_utf8_make_valid (tokens[0], MIN (lengths[0], 40));
      return oem_error (ctx, error, COSMO_LOAD_ERROR_SYNTAX,
                        _("expected an epoch such as 2025-11-27T09:36:46.000, found “%s”"), text);
    }
  for (guint i = 1; i < n; i++)
    if (cosmo_parse_number (tokens[i], tokens[i] + lengths[i], &values[i - 1]) != tokens[i] + lengths[i] ||
        !isfinite (values[i - 1]))
      {
        g_autofree char *text = g_utf8_make_valid (tokens[i], MIN (lengths[i], 40));
        return oem_error (ctx, error, COSMO_LOAD_ERROR_SYNTAX, _("expected a finite number, found “%s”"), text);
      }

  t = to_utc (ctx->system, t);
  if (oem->times->len > 0 && t < ctx->last_time)
    return oem_error (ctx, error, COSMO_LOAD_ERROR_INVALID, _("the epoch goes backwards"));
  if (ctx->segment->n_states > 0 && t == ctx->last_time)
    return oem_error (ctx, error, COSMO_LOAD_ERROR_INVALID, _("the epoch repeats the line before"));
  if (oem->times->len >= COSMO_MAX_IMPORT_ROWS)
    return oem_error (ctx, error, COSMO_LOAD_ERROR_TOO_LARGE, _("more than %lu states"),
                      COSMO_MAX_IMPORT_ROWS);
  ctx->last_time = t;

  for (int i = 0; i < 3; i++)
    {
      r[i] = values[i] * 1000;      /* km -> m */
      v[i] = values[i + 3] * 1000;  /* km/s -> m/s */
    }
  {
    double speed = sqrt (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);

    if (ctx->frame == FRAME_FIXED)
      speed = sqrt (pow (v[0] - EARTH_RATE * r[1], 2) + pow (v[1] + EARTH_RATE * r[0], 2) + v[2] * v[2]);
    g_array_append_val (oem->inertial_speed, speed);
  }
  to_ecef (t, ctx->frame, r, v);
  g_array_append_val (oem->times, t);
  g_array_append_val (oem->x, r[0]);
  g_array_append_val (oem->y, r[1]);
  g_array_append_val (oem->z, r[2]);
  g_array_append_val (oem->vx, v[0]);
  g_array_append_val (oem->vy, v[1]);
  g_array_append_val (oem->vz, v[2]);
  g_array_append_val (oem->lines, ctx->line);
  ctx->segment->n_states++;
  return TRUE;
}

static gboolean
set_meta (OemCtx      *ctx,
          const char  *key,
          const char  *value,
          GError     **error)
{
  CosmoOemSegment *s = ctx->segment;
  char **slot = NULL;
  double t;

  if (strcmp (key, "OBJECT_NAME") == 0)
    slot = &s->object_name;
  else if (strcmp (key, "OBJECT_ID") == 0)
    slot = &s->object_id;
  else if (strcmp (key, "CENTER_NAME") == 0)
    slot = &s->center_name;
  else if (strcmp (key, "REF_FRAME") == 0)
    slot = &s->ref_frame;
  else if (strcmp (key, "TIME_SYSTEM") == 0)
    slot = &s->time_system;
  else if (strcmp (key, "START_TIME") == 0 || strcmp (key, "STOP_TIME") == 0 ||
           strcmp (key, "USEABLE_START_TIME") == 0 || strcmp (key, "USEABLE_STOP_TIME") == 0 ||
           strcmp (key, "REF_FRAME_EPOCH") == 0)
    {
      if (!cosmo_parse_iso_utc (value, strlen (value), &t))
        return oem_error (ctx, error, COSMO_LOAD_ERROR_SYNTAX, _("%s: expected a date and time, found “%s”"),
                          key, value);
      if (strcmp (key, "START_TIME") == 0)
        ctx->have_start = TRUE;
      else if (strcmp (key, "STOP_TIME") == 0)
        ctx->have_stop = TRUE;
      return TRUE;
    }
  else if (strcmp (key, "INTERPOLATION") == 0 || strcmp (key, "INTERPOLATION_DEGREE") == 0)
    return TRUE;
  else
    return oem_error (ctx, error, COSMO_LOAD_ERROR_SYNTAX, _("unknown metadata keyword “%s”"), key);

  if (*slot != NULL)
    return oem_error (ctx, error, COSMO_LOAD_ERROR_SYNTAX, _("%s is given twice"), key);
  *slot = g_strdup (value);
  return TRUE;
}

static gboolean
parse_line (OemCtx      *ctx,
            char        *line,
            GError     **error)
{
  char *eq;

  g_strstrip (line);
  if (*line == '\0' || g_str_has_prefix (line, "COMMENT"))
    return TRUE;

  if (ctx->state == STATE_COVARIANCE)
    {
      if (strcmp (line, "COVARIANCE_STOP") == 0)
        ctx->state = STATE_DATA;
      return TRUE;  /* covariance is not used; skipped */
    }
  if (strcmp (line, "META_START") == 0)
    {
      if (ctx->state == STATE_META)
        return oem_error (ctx, error, COSMO_LOAD_ERROR_SYNTAX, _("META_START inside a metadata block"));
      if (ctx->oem->version == NULL)
        return oem_error (ctx, error, COSMO_LOAD_ERROR_SYNTAX, _("expected CCSDS_OEM_VERS before META_START"));
      if (ctx->segment != NULL && ctx->segment->n_states == 0)
        return oem_error (ctx, error, COSMO_LOAD_ERROR_MISSING, _("the segment before has no ephemeris lines"));
      ctx->segment = g_new0 (CosmoOemSegment, 1);
      ctx->segment->first_line = ctx->line;
      ctx->have_start = ctx->have_stop = FALSE;
      g_ptr_array_add (ctx->oem->segments, ctx->segment);
      ctx->state = STATE_META;
      return TRUE;
    }
  if (strcmp (line, "META_STOP") == 0)
    {
      if (ctx->state != STATE_META)
        return oem_error (ctx, error, COSMO_LOAD_ERROR_SYNTAX, _("META_STOP without META_START"));
      if (!check_metadata (ctx, error))
        return FALSE;
      ctx->state = STATE_DATA;
      return TRUE;
    }
  if (strcmp (line, "COVARIANCE_START") == 0)
    {
      if (ctx->state != STATE_DATA)
        return oem_error (ctx, error, COSMO_LOAD_ERROR_SYNTAX, _("COVARIANCE_START outside a data block"));
      ctx->state = STATE_COVARIANCE;
      return TRUE;
    }

  if (ctx->state == STATE_DATA && g_ascii_isdigit (line[0]))
    return parse_data_line (ctx, line, strlen (line), error);

  eq = strchr (line, '=');
  if (eq == NULL)
    return oem_error (ctx, error, COSMO_LOAD_ERROR_SYNTAX, _("expected “KEYWORD = value” or an ephemeris line"));
  *eq = '\0';
  g_strstrip (line);
  g_strstrip (eq + 1);

  if (!g_utf8_validate (eq + 1, -1, NULL))
    return oem_error (ctx, error, COSMO_LOAD_ERROR_SYNTAX, _("expected UTF-8 text, found an invalid byte"));

  if (ctx->state == STATE_META)
    return set_meta (ctx, line, eq + 1, error);
  if (ctx->state == STATE_DATA)
    return oem_error (ctx, error, COSMO_LOAD_ERROR_SYNTAX, _("expected an ephemeris line, found “%s =”"), line);

  /* header */
  if (strcmp (line, "CCSDS_OEM_VERS") == 0)
    {
      double version;

      if (ctx->oem->version != NULL)
        return oem_error (ctx, error, COSMO_LOAD_ERROR_SYNTAX, _("CCSDS_OEM_VERS is given twice"));
      if (!cosmo_parse_double (eq + 1, &version) || version < 1 || version >= 4)
        return oem_error (ctx, error, COSMO_LOAD_ERROR_UNSUPPORTED,
                          _("OEM version “%s” is not supported; expected 1.0, 2.0 or 3.0"), eq + 1);
      ctx->oem->version = g_strdup (eq + 1);
      return TRUE;
    }
  if (ctx->oem->version == NULL)
    return oem_error (ctx, error, COSMO_LOAD_ERROR_SYNTAX,
                      _("expected “CCSDS_OEM_VERS = …” as the first line of an OEM"));
  if (strcmp (line, "CREATION_DATE") == 0)
    {
      g_free (ctx->oem->creation_date);
      ctx->oem->creation_date = g_strdup (eq + 1);
    }
  else if (strcmp (line, "ORIGINATOR") == 0)
    {
      g_free (ctx->oem->originator);
      ctx->oem->originator = g_strdup (eq + 1);
    }
  /* MESSAGE_ID, CLASSIFICATION (version 3) and others are not needed. */
  return TRUE;
}

CosmoOem *
cosmo_oem_parse (const char    *data,
                 gsize          length,
                 const char    *display_name,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(CosmoOem) oem = oem_new ();
  OemCtx ctx = { display_name, 0, oem, STATE_HEADER, NULL, FRAME_FIXED, SYSTEM_UTC, FALSE, FALSE, 0 };
  const char *pos = data, *end = data + length;
  g_autofree char *buffer = NULL;
  gsize capacity = 0;

  while (pos < end)
    {
      const char *nl = memchr (pos, '\n', end - pos);
      gsize len = (nl ? nl : end) - pos;

      ctx.line++;
      if (len > COSMO_MAX_LINE_LENGTH)
        {
          oem_error (&ctx, error, COSMO_LOAD_ERROR_TOO_LARGE, _("the line is longer than %d bytes"),
                     COSMO_MAX_LINE_LENGTH);
          return NULL;
        }
      if (memchr (pos, '\0', len) != NULL)
        {
          oem_error (&ctx, error, COSMO_LOAD_ERROR_SYNTAX, _("expected text, found binary data"));
          return NULL;
        }
      if (len + 1 > capacity)
        {
          capacity = MAX (len + 1, 256);
          buffer = g_realloc (buffer, capacity);
        }
      memcpy (buffer, pos, len);
      buffer[len] = '\0';
      pos = nl ? nl + 1 : end;
      if (!parse_line (&ctx, buffer, error))
        return NULL;
      if ((ctx.line & 0xffff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
    }

  ctx.line = MAX (ctx.line, 1);
  if (oem->version == NULL)
    {
      oem_error (&ctx, error, COSMO_LOAD_ERROR_SYNTAX, _("expected “CCSDS_OEM_VERS = …”, found no OEM header"));
      return NULL;
    }
  if (ctx.state == STATE_META)
    {
      oem_error (&ctx, error, COSMO_LOAD_ERROR_SYNTAX, _("the file ends inside a metadata block"));
      return NULL;
    }
  if (ctx.state == STATE_COVARIANCE)
    {
      oem_error (&ctx, error, COSMO_LOAD_ERROR_SYNTAX, _("the file ends inside a covariance block"));
      return NULL;
    }
  if (oem->segments->len == 0 || ctx.segment->n_states == 0)
    {
      oem_error (&ctx, error, COSMO_LOAD_ERROR_MISSING, _("expected ephemeris lines, found none"));
      return NULL;
    }
  return g_steal_pointer (&oem);
}

CosmoOem *
cosmo_oem_read_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GBytes) bytes = cosmo_import_read_file (file, COSMO_MAX_OEM_SIZE, cancellable, error);
  g_autofree char *name = g_file_get_basename (file);
  const char *data;
  gsize length;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return cosmo_oem_parse (data ? data : "", length, name, cancellable, error);
}

CosmoImportData *
cosmo_oem_to_import (CosmoOem    *oem,
                     const char  *source_name,
                     GError     **error)
{
  g_autoptr(CosmoImportData) data = cosmo_import_data_new (source_name);
  CosmoImportSeries *lat, *lon, *alt, *speed, *inertial;
  CosmoOemSegment *first = oem->segments->pdata[0];

  data->absolute = TRUE;
  data->title = g_strdup (first->object_name);
  lat = cosmo_import_data_add_series (data, _("Latitude"), "°", COSMO_COLUMN_LATITUDE);
  lon = cosmo_import_data_add_series (data, _("Longitude"), "°", COSMO_COLUMN_LONGITUDE);
  alt = cosmo_import_data_add_series (data, _("Altitude"), "m", COSMO_COLUMN_ALTITUDE);
  speed = cosmo_import_data_add_series (data, _("Ground speed"), "m/s", COSMO_COLUMN_SPEED);
  inertial = cosmo_import_data_add_series (data, _("Inertial speed"), "m/s", COSMO_COLUMN_VALUE);
  inertial->id = g_strdup ("inertial_speed_mps");

  for (guint i = 0; i < oem->times->len; i++)
    {
      double t = g_array_index (oem->times, double, i);
      double x = g_array_index (oem->x, double, i), y = g_array_index (oem->y, double, i);
      double z = g_array_index (oem->z, double, i);
      double vx = g_array_index (oem->vx, double, i), vy = g_array_index (oem->vy, double, i);
      double vz = g_array_index (oem->vz, double, i);
      double la, lo, h, s;

      /* Where one segment ends the next often starts at the same epoch. */
      if (data->times->len > 0 && t <= g_array_index (data->times, double, data->times->len - 1))
        continue;
      cosmo_ecef_to_geodetic (x, y, z, &la, &lo, &h);
      if (h < -12000 || h > 1e9)
        {
          g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_INVALID,
                       _("%s:%u: the position is %.0f km from the surface, not a place near the Earth"),
                       source_name, g_array_index (oem->lines, guint, i), h / 1000);
          return NULL;
        }
      s = sqrt (vx * vx + vy * vy + vz * vz);
      g_array_append_val (data->times, t);
      g_array_append_val (lat->values, la);
      g_array_append_val (lon->values, lo);
      g_array_append_val (alt->values, h);
      g_array_append_val (speed->values, s);
      g_array_append_val (inertial->values, g_array_index (oem->inertial_speed, double, i));
    }
  if (data->times->len < 2)
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_MISSING,
                   _("%s: a trajectory needs at least two states"), source_name);
      return NULL;
    }
  return g_steal_pointer (&data);
}
