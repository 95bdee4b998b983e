/* cosmo-time.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cosmo-time.h"

G_DEFINE_QUARK (cosmo-time-error-quark, cosmo_time_error)

static void
split_seconds (double  t,
               guint   decimals,
               char   *sign,
               gint64 *days,
               int    *hours,
               int    *minutes,
               double *seconds)
{
  double scale = pow (10.0, decimals);
  double a = fabs (t);
  gint64 ticks;
  gint64 whole;

  /* Round once, at the displayed precision, so 59.96 s shows as 01:00.0 and
   * not as 00:60.0. */
  ticks = (gint64) llround (a * scale);
  *sign = (t < 0 && ticks != 0) ? '-' : '+';
  whole = ticks / (gint64) scale;
  *seconds = (double) (whole % 60) + (double) (ticks % (gint64) scale) / scale;
  *minutes = (int) ((whole / 60) % 60);
  *hours = (int) ((whole / 3600) % 24);
  *days = whole / 86400;
}

char *
cosmo_time_format_mission (double t,
                           guint  decimals)
{
  char sign;
  gint64 days;
  int hours, minutes;
  double seconds;
  char secbuf[16];

  if (!isfinite (t))
    return g_strdup ("T?");

  decimals = MIN (decimals, 3);
  split_seconds (t, decimals, &sign, &days, &hours, &minutes, &seconds);

  if (decimals > 0)
    g_ascii_formatd (secbuf, sizeof secbuf, decimals == 1 ? "%04.1f" : decimals == 2 ? "%05.2f" : "%06.3f", seconds);
  else
    g_snprintf (secbuf, sizeof secbuf, "%02d", (int) seconds);

  if (days > 0)
    return g_strdup_printf ("T%c%" G_GINT64_FORMAT "d %02d:%02d:%s", sign, days, hours, minutes, secbuf);

  return g_strdup_printf ("T%c%02d:%02d:%s", sign, hours, minutes, secbuf);
}

char *
cosmo_time_format_duration (double seconds)
{
  double a = fabs (seconds);
  const char *sign = seconds < 0 ? "T-" : "T+";
  char num[32];

  if (a < 120)
    {
      g_ascii_formatd (num, sizeof num, a < 10 && a != floor (a) ? "%.1f" : "%.0f", a);
      /* TRANSLATORS: a time axis label in seconds, "T+118 s" */
      return g_strdup_printf (_("%s%s s"), sign, num);
    }
  if (a < 2 * 3600)
    return g_strdup_printf (_("%s%.0f min"), sign, a / 60.0);
  if (a < 2 * 86400)
    return g_strdup_printf (_("%s%.0f h"), sign, a / 3600.0);
  return g_strdup_printf (_("%s%.0f d"), sign, a / 86400.0);
}

GDateTime *
cosmo_time_to_datetime (GDateTime *t0,
                        double     t)
{
  g_return_val_if_fail (t0 != NULL, NULL);

  return g_date_time_add (t0, (GTimeSpan) llround (t * G_TIME_SPAN_SECOND));
}

double
cosmo_time_from_datetime (GDateTime *t0,
                          GDateTime *instant)
{
  return (double) g_date_time_difference (instant, t0) / G_TIME_SPAN_SECOND;
}

char *
cosmo_time_zone_label (GTimeZone *tz,
                       GDateTime *at)
{
  g_autoptr(GDateTime) local = NULL;
  GTimeSpan offset;
  int hours, minutes;

  if (tz == NULL)
    return g_strdup ("UTC");

  local = at != NULL ? g_date_time_to_timezone (at, tz) : g_date_time_new_now (tz);
  offset = g_date_time_get_utc_offset (local) / G_TIME_SPAN_MINUTE;
  if (offset == 0)
    return g_strdup ("UTC");

  hours = (int) (ABS (offset) / 60);
  minutes = (int) (ABS (offset) % 60);
  if (minutes != 0)
    return g_strdup_printf ("UTC%c%02d:%02d", offset < 0 ? '-' : '+', hours, minutes);
  return g_strdup_printf ("UTC%c%02d", offset < 0 ? '-' : '+', hours);
}

char *
cosmo_time_format_absolute (GDateTime *t0,
                            double     t,
                            GTimeZone *tz,
                            guint      decimals)
{
  g_autoptr(GDateTime) instant = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  g_autofree char *date = NULL;
  g_autofree char *zone = NULL;
  double seconds;
  char secbuf[16];

  g_return_val_if_fail (t0 != NULL, NULL);

  if (!isfinite (t))
    return g_strdup ("?");

  decimals = MIN (decimals, 3);
  instant = cosmo_time_to_datetime (t0, round (t * pow (10, decimals)) / pow (10, decimals));
  if (tz == NULL)
    tz = utc = g_time_zone_new_utc ();
  local = g_date_time_to_timezone (instant, tz);
  date = g_date_time_format (local, "%Y-%m-%d %H:%M");
  seconds = g_date_time_get_seconds (local);
  if (decimals > 0)
    g_ascii_formatd (secbuf, sizeof secbuf, decimals == 1 ? "%04.1f" : decimals == 2 ? "%05.2f" : "%06.3f", seconds);
  else
    g_snprintf (secbuf, sizeof secbuf, "%02d", (int) floor (seconds));
  zone = cosmo_time_zone_label (tz, instant);

  return g_strdup_printf ("%s:%s %s", date, secbuf, zone);
}

gboolean
cosmo_parse_double (const char *text,
                    double     *out)
{
  char *end = NULL;
  double v;

  if (text == NULL || *text == '\0' || g_ascii_isspace (*text))
    return FALSE;

  /* g_ascii_strtod ignores LC_NUMERIC, which GTK sets from the environment. */
  v = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (v))
    return FALSE;

  /* strtod also takes "inf", "nan" and hex; none are mission times. */
  for (const char *p = text; *p; p++)
    if (!(g_ascii_isdigit (*p) || *p == '.' || *p == '-' || *p == '+' || *p == 'e' || *p == 'E'))
      return FALSE;

  *out = v;
  return TRUE;
}

GDateTime *
cosmo_time_parse_iso8601 (const char *text,
                          GError    **error)
{
  GDateTime *dt;

  if (text == NULL || strchr (text, 'T') == NULL)
    goto fail;

  dt = g_date_time_new_from_iso8601 (text, NULL);
  if (dt != NULL)
    return dt;

fail:
  g_set_error (error, COSMO_TIME_ERROR, COSMO_TIME_ERROR_INVALID,
               _("expected an ISO 8601 time with a zone such as \"2025-11-27T09:27:57Z\", found \"%s\""),
               text ? text : "");
  return NULL;
}

/* "90", "1.5", with an optional unit suffix (s, min, m, h, d). */
static gboolean
parse_relative_amount (const char *text,
                       double     *out)
{
  static const struct { const char *suffix; double scale; } units[] = {
    { "min", 60 }, { "ms", 0.001 }, { "s", 1 }, { "m", 60 }, { "h", 3600 }, { "d", 86400 },
  };
  gsize len = strlen (text);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      gsize slen = strlen (units[i].suffix);

      if (len > slen && g_str_has_suffix (text, units[i].suffix))
        {
          g_autofree char *num = g_strndup (text, len - slen);
          double v;

          g_strchomp (num);
          if (!cosmo_parse_double (num, &v))
            return FALSE;
          *out = v * units[i].scale;
          return TRUE;
        }
    }

  return cosmo_parse_double (text, out);
}

/* "HH:MM:SS(.s)" or "MM:SS" or "Dd HH:MM:SS" */
static gboolean
parse_clock (const char *text,
             double     *out)
{
  g_auto(GStrv) parts = NULL;
  double days = 0, acc = 0;
  const char *rest = text;
  const char *d = strchr (text, 'd');
  guint n;

  if (d != NULL)
    {
      g_autofree char *num = g_strndup (text, d - text);
      if (!cosmo_parse_double (num, &days) || days < 0 || days != floor (days))
        return FALSE;
      rest = d + 1;
      while (*rest == ' ')
        rest++;
    }

  parts = g_strsplit (rest, ":", -1);
  n = g_strv_length (parts);
  if (n < 2 || n > 3)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      double v;

      if (!cosmo_parse_double (parts[i], &v) || v < 0)
        return FALSE;
      if (i + 1 < n && (v != floor (v) || (i > 0 && v >= 60)))
        return FALSE;
      if (i + 1 == n && v >= 60)
        return FALSE;
      acc = acc * 60 + v;
    }

  *out = days * 86400 + acc;
  return TRUE;
}

static gboolean
parse_signed_relative (const char *body,
                       double     *out)
{
  double magnitude;
  int sign = 1;

  if (*body == '+' || *body == '-')
    {
      sign = *body == '-' ? -1 : 1;
      body++;
    }
  if (*body == '\0' || *body == '+' || *body == '-')
    return FALSE;

  if (strchr (body, ':') != NULL)
    {
      if (!parse_clock (body, &magnitude))
        return FALSE;
    }
  else if (!parse_relative_amount (body, &magnitude))
    return FALSE;

  *out = sign * magnitude;
  return TRUE;
}

gboolean
cosmo_time_parse (const char *text,
                  GDateTime  *t0,
                  double     *out_t,
                  GError    **error)
{
  g_autofree char *s = NULL;
  double t;

  g_return_val_if_fail (out_t != NULL, FALSE);

  if (text == NULL)
    text = "";
  s = g_strstrip (g_strdup (text));

  if (*s == '\0')
    {
      g_set_error_literal (error, COSMO_TIME_ERROR, COSMO_TIME_ERROR_INVALID,
                           _("expected a time such as \"T+118\", \"-60\", \"09:29:55\" or \"2025-11-27T09:29:55Z\", found nothing"));
      return FALSE;
    }

  /* T±… : mission elapsed time */
  if ((s[0] == 'T' || s[0] == 't') && (s[1] == '+' || s[1] == '-'))
    {
      if (parse_signed_relative (s + 1, &t))
        goto done;
      goto fail;
    }

  /* ISO 8601 with a date */
  if (strlen (s) > 10 && g_ascii_isdigit (s[0]) && s[4] == '-' && (s[10] == 'T' || s[10] == ' '))
    {
      g_autoptr(GDateTime) dt = NULL;
      g_autofree char *iso = g_strdup (s);

      iso[10] = 'T';
      /* A bare UTC time is allowed without "Z": people paste those. */
      dt = g_date_time_new_from_iso8601 (iso, NULL);
      if (dt == NULL)
        {
          g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
          dt = g_date_time_new_from_iso8601 (iso, utc);
        }
      if (dt == NULL)
        goto fail;
      if (t0 == NULL)
        {
          g_set_error (error, COSMO_TIME_ERROR, COSMO_TIME_ERROR_NEEDS_T0,
                       _("\"%s\" is an absolute time, but the mission has no T0"), s);
          return FALSE;
        }
      t = cosmo_time_from_datetime (t0, dt);
      goto done;
    }

  /* Time of day, UTC, on T0's date: "09:29:55" */
  if (g_ascii_isdigit (s[0]) && strchr (s, ':') != NULL && strchr (s, 'd') == NULL)
    {
      double tod;

      if (!parse_clock (s, &tod) || tod >= 86400 || strchr (s, ':') == strrchr (s, ':'))
        goto fail;
      if (t0 == NULL)
        {
          g_set_error (error, COSMO_TIME_ERROR, COSMO_TIME_ERROR_NEEDS_T0,
                       _("\"%s\" is a time of day, but the mission has no T0"), s);
          return FALSE;
        }
      {
        g_autoptr(GDateTime) t0_utc = g_date_time_to_utc (t0);
        g_autoptr(GDateTime) midnight =
          g_date_time_new_utc (g_date_time_get_year (t0_utc), g_date_time_get_month (t0_utc),
                               g_date_time_get_day_of_month (t0_utc), 0, 0, 0);
        t = cosmo_time_from_datetime (t0, midnight) + tod;
      }
      goto done;
    }

  /* Plain seconds or a relative amount: "118.5", "-60", "+2d" */
  if (parse_signed_relative (s, &t))
    goto done;

fail:
  g_set_error (error, COSMO_TIME_ERROR, COSMO_TIME_ERROR_INVALID,
               _("expected a time such as \"T+118\", \"-60\", \"+2d\", \"09:29:55\" or \"2025-11-27T09:29:55Z\", found \"%s\""),
               s);
  return FALSE;

done:
  if (!isfinite (t))
    goto fail;
  *out_t = t;
  return TRUE;
}
