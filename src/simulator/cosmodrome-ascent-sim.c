/* cosmodrome-ascent-sim.c: reconstruct the Soyuz MS-28 ascent
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: cosmodrome-ascent-sim --params soyuz-2.1a.ini --out DIR
 *
 * Writes the mission package's reconstructed trajectory, vehicle channels,
 * debris tracks and fall zones, and the simulated pad traces, into DIR, then
 * prints the milestone table.  Model and sources: README.md in this folder.
 * Same inputs give byte-identical files: fixed-step integration, fixed
 * iteration counts, fixed printf precision in the C locale, and a
 * fixed-seed pseudo-random generator for the pad traces.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "sim-earth.h"
#include "sim-flight.h"
#include "sim-pad.h"
#include "sim-params.h"

#define PROVENANCE_LINE \
  "# Reconstructed by cosmodrome-ascent-sim from published figures, not telemetry.\n"
#define INPUTS_LINE \
  "# Inputs: src/simulator/soyuz-2.1a.ini. Model, sources and limits: src/simulator/README.md.\n"

static const char *booster_ids[SIM_N_BOOSTERS] = { "b", "v", "g", "d" };
static const char *booster_names[SIM_N_BOOSTERS] = { "Blok B", "Blok V", "Blok G", "Blok D" };

/* Zhezkazgan, the published booster fall area (mission-facts 3 and 6). */
#define ZHEZKAZGAN_LAT 47.78
#define ZHEZKAZGAN_LON 67.77

/* ---- number formatting ------------------------------------------------- */

/* Fixed precision, C locale, and never "-0.000". */
static void
put_num (GString *s,
         double   v,
         int      prec)
{
  char buf[64];

  g_snprintf (buf, sizeof buf, "%.*f", prec, v);
  if (buf[0] == '-')
    {
      gboolean zero = TRUE;

      for (const char *c = buf + 1; *c; c++)
        if (*c != '0' && *c != '.')
          zero = FALSE;
      if (zero)
        {
          g_string_append (s, buf + 1);
          return;
        }
    }
  g_string_append (s, buf);
}

static gboolean
write_file (const char  *dir,
            const char  *name,
            GString     *contents,
            GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_set_contents (path, contents->str, (gssize) contents->len, error);
}

static void
header_common (GString    *s,
               const char *what)
{
  g_string_append_printf (s, "# %s\n", what);
  g_string_append (s, "# Soyuz MS-28, Soyuz-2.1a from Baikonur Site 31/6; "
                      "t = seconds from liftoff, T0 = 2025-11-27T09:27:57.402Z.\n");
  g_string_append (s, PROVENANCE_LINE);
  g_string_append (s, INPUTS_LINE);
}

static void
put_track_row (GString         *s,
               const SimSample *smp,
               int              tprec)
{
  put_num (s, smp->t, tprec);
  g_string_append_c (s, ',');
  put_num (s, smp->geo.lat / SIM_DEG, 6);
  g_string_append_c (s, ',');
  put_num (s, smp->geo.lon / SIM_DEG, 6);
  g_string_append_c (s, ',');
  put_num (s, smp->geo.h, 1);
  g_string_append_c (s, ',');
  put_num (s, smp->speed, 2);
  g_string_append_c (s, ',');
  put_num (s, smp->inertial_speed, 2);
  g_string_append_c (s, ',');
  put_num (s, smp->downrange / 1000.0, 3);
  g_string_append_c (s, '\n');
}

#define TRACK_COLUMNS_NOTE \
  "# lat, lon: WGS84 geodetic degrees; alt_m: metres above the WGS84 ellipsoid;\n" \
  "# speed_mps: relative to the rotating Earth; inertial_speed_mps: Earth-centred inertial;\n" \
  "# downrange_km: great-circle distance from the pad (mean Earth radius 6371.0088 km).\n"

static GString *
make_trajectory (GArray *samples)
{
  GString *s = g_string_new (NULL);

  header_common (s, "Ascent trajectory from liftoff to spacecraft separation, 10 samples/s.");
  g_string_append (s, TRACK_COLUMNS_NOTE);
  g_string_append (s, "t,lat,lon,alt_m,speed_mps,inertial_speed_mps,downrange_km\n");
  for (guint i = 0; i < samples->len; i++)
    put_track_row (s, &g_array_index (samples, SimSample, i), 1);
  return s;
}

static GString *
make_vehicle (GArray *samples)
{
  GString *s = g_string_new (NULL);

  header_common (s, "Vehicle channels from liftoff to spacecraft separation, 10 samples/s.");
  g_string_append (s,
    "# alt_km: above the WGS84 ellipsoid; speed_mps: relative to the rotating Earth;\n"
    "# accel_g: sensed (thrust + drag) acceleration in units of 9.80665 m/s^2;\n"
    "# q_kpa: dynamic pressure; mach: empty above 86 km, the top of the 1976 US Standard\n"
    "# Atmosphere; mass_t: whole vehicle; thrust_kn: all burning engines at ambient pressure;\n"
    "# fpa_deg: flight path angle of the ground-relative velocity above the local horizontal.\n");
  g_string_append (s, "t,alt_km,speed_mps,inertial_speed_mps,accel_g,q_kpa,mach,mass_t,"
                      "thrust_kn,downrange_km,fpa_deg\n");
  for (guint i = 0; i < samples->len; i++)
    {
      const SimSample *smp = &g_array_index (samples, SimSample, i);

      put_num (s, smp->t, 1);
      g_string_append_c (s, ',');
      put_num (s, smp->geo.h / 1000.0, 4);
      g_string_append_c (s, ',');
      put_num (s, smp->speed, 2);
      g_string_append_c (s, ',');
      put_num (s, smp->inertial_speed, 2);
      g_string_append_c (s, ',');
      put_num (s, smp->sensed_accel / SIM_G0, 4);
      g_string_append_c (s, ',');
      put_num (s, smp->q / 1000.0, 4);
      g_string_append_c (s, ',');
      if (smp->mach_defined)
        put_num (s, smp->mach, 3);
      g_string_append_c (s, ',');
      put_num (s, smp->mass / 1000.0, 4);
      g_string_append_c (s, ',');
      put_num (s, smp->thrust / 1000.0, 2);
      g_string_append_c (s, ',');
      put_num (s, smp->downrange / 1000.0, 3);
      g_string_append_c (s, ',');
      put_num (s, smp->fpa / SIM_DEG, 4);
      g_string_append_c (s, '\n');
    }
  return s;
}

static GString *
make_debris (const char      *title,
             const char      *how,
             const SimDebrisResult *d)
{
  GString *s = g_string_new (NULL);
  g_autofree char *what = g_strdup_printf ("%s: ballistic fall from separation to impact "
                                           "(alt 0 = WGS84 ellipsoid), 1 sample/s.", title);

  header_common (s, what);
  g_string_append_printf (s, "# %s\n", how);
  g_string_append (s, TRACK_COLUMNS_NOTE);
  g_string_append (s, "t,lat,lon,alt_m,speed_mps,inertial_speed_mps,downrange_km\n");
  for (guint i = 0; i < d->samples->len; i++)
    put_track_row (s, &g_array_index (d->samples, SimSample, i), 2);
  return s;
}

static GString *
make_pad (GArray *pad)
{
  GString *s = g_string_new (NULL);

  g_string_append (s,
    "# SIMULATED, ILLUSTRATIVE pad traces: no instrument data from Site 31/6 is public.\n"
    "# Made by cosmodrome-ascent-sim from a simple physical model driven by the reconstructed\n"
    "# ascent, with fixed-seed pseudo-noise; see src/simulator/README.md. Not measurements.\n"
    "# t = seconds from liftoff (T0 = 2025-11-27T09:27:57.402Z), 20 samples/s.\n"
    "# acoustic_db: sound pressure level at a model microphone 150 m from the pad, dB re 20 uPa;\n"
    "# cabin_position_m: service cabin height relative to its stowed level (collapse ~T+10 s);\n"
    "# trench_temp_c: model flame-trench wall sensor, deg C.\n");
  g_string_append (s, "t,acoustic_db,cabin_position_m,trench_temp_c\n");
  for (guint i = 0; i < pad->len; i++)
    {
      const SimPadSample *p = &g_array_index (pad, SimPadSample, i);

      put_num (s, p->t, 2);
      g_string_append_c (s, ',');
      put_num (s, p->acoustic_db, 2);
      g_string_append_c (s, ',');
      put_num (s, p->cabin_position, 3);
      g_string_append_c (s, ',');
      put_num (s, p->trench_temp, 2);
      g_string_append_c (s, '\n');
    }
  return s;
}

/* ---- fall zones -------------------------------------------------------- */

typedef struct
{
  double lat, lon;   /* rad */
} LatLon;

typedef struct
{
  LatLon centre;
  double major, minor;     /* semi-axes, m */
  double major_bearing;    /* rad from north */
  LatLon vertices[64];
  int    n_vertices;
} Zone;

/* An ellipse around the points, in a local azimuthal-equidistant plane at
 * their centroid: principal axes from the points' covariance, semi-axes =
 * largest extent along each axis + margin. */
static void
fit_zone (const LatLon *pts,
          int           n,
          double        margin,
          int           n_vertices,
          Zone         *z)
{
  double cx = 0.0, cy = 0.0, cz = 0.0;
  double sxx = 0.0, syy = 0.0, sxy = 0.0, psi;
  double ext_a = 0.0, ext_b = 0.0;
  double xs[64], ys[64];

  g_assert (n <= 64 && n_vertices < 64);
  for (int i = 0; i < n; i++)
    {
      cx += cos (pts[i].lat) * cos (pts[i].lon);
      cy += cos (pts[i].lat) * sin (pts[i].lon);
      cz += sin (pts[i].lat);
    }
  z->centre.lat = atan2 (cz, hypot (cx, cy));
  z->centre.lon = atan2 (cy, cx);

  for (int i = 0; i < n; i++)
    {
      double d = sim_great_circle_m (z->centre.lat, z->centre.lon, pts[i].lat, pts[i].lon);
      double b = d > 0.0 ? sim_initial_bearing (z->centre.lat, z->centre.lon,
                                                pts[i].lat, pts[i].lon) : 0.0;

      xs[i] = d * sin (b);   /* east */
      ys[i] = d * cos (b);   /* north */
      sxx += xs[i] * xs[i];
      syy += ys[i] * ys[i];
      sxy += xs[i] * ys[i];
    }
  psi = 0.5 * atan2 (2.0 * sxy, sxx - syy);   /* major axis, from east */
  for (int i = 0; i < n; i++)
    {
      double a = xs[i] * cos (psi) + ys[i] * sin (psi);
      double b = -xs[i] * sin (psi) + ys[i] * cos (psi);

      ext_a = MAX (ext_a, fabs (a));
      ext_b = MAX (ext_b, fabs (b));
    }
  z->major = ext_a + margin;
  z->minor = ext_b + margin;
  z->major_bearing = fmod (M_PI / 2.0 - psi + 2.0 * M_PI, M_PI);

  for (int k = 0; k < n_vertices; k++)
    {
      double ph = 2.0 * M_PI * k / n_vertices;
      double ea = z->major * cos (ph), eb = z->minor * sin (ph);
      double x = ea * cos (psi) - eb * sin (psi);
      double y = ea * sin (psi) + eb * cos (psi);

      sim_destination (z->centre.lat, z->centre.lon, atan2 (x, y), hypot (x, y),
                       &z->vertices[k].lat, &z->vertices[k].lon);
    }
  z->vertices[n_vertices] = z->vertices[0];   /* closed */
  z->n_vertices = n_vertices + 1;
}

static GString *
make_zone (const char *what,
           const char *how,
           const Zone *z)
{
  GString *s = g_string_new (NULL);

  header_common (s, what);
  g_string_append_printf (s, "# %s\n", how);
  g_string_append_printf (s, "# Ellipse: centre %.4f N %.4f E, semi-axes %.1f x %.1f km, "
                             "major axis bearing %.1f deg; closed polygon (last = first).\n",
                          z->centre.lat / SIM_DEG, z->centre.lon / SIM_DEG,
                          z->major / 1000.0, z->minor / 1000.0, z->major_bearing / SIM_DEG);
  g_string_append (s, "lat,lon\n");
  for (int k = 0; k < z->n_vertices; k++)
    {
      put_num (s, z->vertices[k].lat / SIM_DEG, 5);
      g_string_append_c (s, ',');
      put_num (s, z->vertices[k].lon / SIM_DEG, 5);
      g_string_append_c (s, '\n');
    }
  return s;
}

/* ---- milestone table --------------------------------------------------- */

typedef struct
{
  const char *what;
  const char *unit;
  double      lo, hi;      /* acceptance range */
  double      nominal;     /* published value the error is measured from */
  double      reached;
} Milestone;

static const SimSample *
sample_at (GArray          *samples,
           const SimParams *p,
           double           t)
{
  long i = lround (t * p->output_hz);

  i = CLAMP (i, 0, (long) samples->len - 1);
  return &g_array_index (samples, SimSample, i);
}

static void
print_table (FILE            *fp,
             const Milestone *m,
             int              n,
             int             *failures)
{
  fprintf (fp, "| milestone | target | reached | error | ok |\n");
  fprintf (fp, "| --- | --- | --- | --- | --- |\n");
  for (int i = 0; i < n; i++)
    {
      gboolean ok = m[i].reached >= m[i].lo && m[i].reached <= m[i].hi;
      double half = (m[i].hi - m[i].lo) / 2.0;

      if (fabs (m[i].nominal - (m[i].lo + m[i].hi) / 2.0) < 1e-9 && m[i].lo > -1e300)
        fprintf (fp, "| %s | %.4g ± %.3g %s | %.4g %s | %+.3g %s | %s |\n",
                 m[i].what, m[i].nominal, half, m[i].unit, m[i].reached, m[i].unit,
                 m[i].reached - m[i].nominal, m[i].unit, ok ? "yes" : "NO");
      else if (m[i].lo <= -1e300)
        fprintf (fp, "| %s | < %.4g %s | %.4g %s | %+.3g %s | %s |\n",
                 m[i].what, m[i].hi, m[i].unit, m[i].reached, m[i].unit,
                 m[i].reached - m[i].nominal, m[i].unit, ok ? "yes" : "NO");
      else
        fprintf (fp, "| %s | %.4g to %.4g %s | %.4g %s | %+.3g %s | %s |\n",
                 m[i].what, m[i].lo, m[i].hi, m[i].unit, m[i].reached, m[i].unit,
                 m[i].reached - m[i].nominal, m[i].unit, ok ? "yes" : "NO");
      if (!ok)
        (*failures)++;
    }
}

/* ---- main -------------------------------------------------------------- */

int
main (int    argc,
      char **argv)
{
  g_autofree char *params_path = NULL;
  g_autofree char *out_dir = NULL;
  gboolean quiet = FALSE;
  GOptionEntry entries[] = {
    { "params", 0, 0, G_OPTION_ARG_FILENAME, &params_path, "Parameter file (GKeyFile)", "FILE" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out_dir, "Output directory", "DIR" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Do not print the milestone table", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = NULL;
  g_autoptr(GError) error = NULL;
  SimParams p;
  SimFlightResult flight;
  SimDebrisResult boosters[SIM_N_BOOSTERS], core;
  LatLon booster_pts[SIM_N_BOOSTERS * 3], core_pts[3];
  Zone booster_zone, core_zone;
  GArray *pad;
  SimOrbit orbit;
  double rev_min, rev_max;
  int failures = 0;

  setlocale (LC_ALL, "C");

  ctx = g_option_context_new ("- reconstruct the Soyuz MS-28 ascent");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (params_path == NULL || out_dir == NULL)
    {
      g_printerr ("usage: %s --params FILE --out DIR\n", g_get_prgname ());
      return 2;
    }
  if (!sim_params_load (params_path, &p, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (g_mkdir_with_parents (out_dir, 0755) != 0)
    {
      g_printerr ("cannot create %s\n", out_dir);
      return 1;
    }

  /* ascent */
  if (!sim_flight_run (&p, &flight, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* boosters: the Korolev cross.  Each one is pushed outward from the core,
   * perpendicular to the long axis, Blok B on the side away from the Earth,
   * then V, G, D at 90 degree steps. */
  {
    const SimSeparation *bs = &flight.booster_sep;
    SimVec3 up = sim_vec3_normalize (bs->r);
    SimVec3 up_perp = sim_vec3_normalize (sim_vec3_axpy (up, -sim_vec3_dot (up, bs->axis),
                                                         bs->axis));
    SimVec3 side = sim_vec3_cross (bs->axis, up_perp);

    for (int k = 0; k < SIM_N_BOOSTERS; k++)
      {
        double ang = k * M_PI / 2.0;
        SimVec3 out = sim_vec3_add (sim_vec3_scale (up_perp, cos (ang)),
                                    sim_vec3_scale (side, sin (ang)));
        SimVec3 v0 = sim_vec3_axpy (bs->v, p.booster_sep_dv[k], out);
        SimDebrisResult lo, hi;

        sim_debris_propagate (&p, bs->t, bs->r, v0, p.booster_beta, 1.0, &boosters[k]);
        sim_debris_propagate (&p, bs->t, bs->r, v0, p.booster_beta * (1.0 - p.beta_dispersion),
                              0.0, &lo);
        sim_debris_propagate (&p, bs->t, bs->r, v0, p.booster_beta * (1.0 + p.beta_dispersion),
                              0.0, &hi);
        booster_pts[3 * k] = (LatLon) { boosters[k].impact_lat, boosters[k].impact_lon };
        booster_pts[3 * k + 1] = (LatLon) { lo.impact_lat, lo.impact_lon };
        booster_pts[3 * k + 2] = (LatLon) { hi.impact_lat, hi.impact_lon };
      }
    fit_zone (booster_pts, SIM_N_BOOSTERS * 3, p.booster_margin, p.zone_vertices,
              &booster_zone);
  }

  /* core stage: pushed back along the axis by the third stage's plume */
  {
    const SimSeparation *cs = &flight.core_sep;
    SimVec3 v0 = sim_vec3_axpy (cs->v, p.core_sep_dv, cs->axis);
    SimDebrisResult lo, hi;

    sim_debris_propagate (&p, cs->t, cs->r, v0, p.core_beta, 1.0, &core);
    sim_debris_propagate (&p, cs->t, cs->r, v0, p.core_beta * (1.0 - p.beta_dispersion), 0.0, &lo);
    sim_debris_propagate (&p, cs->t, cs->r, v0, p.core_beta * (1.0 + p.beta_dispersion), 0.0, &hi);
    core_pts[0] = (LatLon) { core.impact_lat, core.impact_lon };
    core_pts[1] = (LatLon) { lo.impact_lat, lo.impact_lon };
    core_pts[2] = (LatLon) { hi.impact_lat, hi.impact_lon };
    fit_zone (core_pts, 3, p.core_margin, p.zone_vertices, &core_zone);
  }

  pad = sim_pad_generate (&p, flight.samples);

  /* files */
  {
    struct { const char *name; GString *s; } files[16];
    int nf = 0;
    g_autofree char *how_b = g_strdup_printf (
      "Separation at T+%.1f s with %s; ballistic coefficient %.0f kg/m^2 (README.md).",
      flight.booster_sep.t, "a small outward push (Korolev cross)", p.booster_beta);
    g_autofree char *how_a = g_strdup_printf (
      "Separation at T+%.1f s; ballistic coefficient %.0f kg/m^2 (README.md).",
      flight.core_sep.t, p.core_beta);
    g_autofree char *how_zb = g_strdup_printf (
      "Encloses the 4 booster impacts, also with ballistic coefficient -/+%.0f %%, "
      "plus a %.0f km margin.", p.beta_dispersion * 100.0, p.booster_margin / 1000.0);
    g_autofree char *how_za = g_strdup_printf (
      "Encloses the core stage impact, also with ballistic coefficient -/+%.0f %%, "
      "plus a %.0f km margin.", p.beta_dispersion * 100.0, p.core_margin / 1000.0);

    files[nf].name = "trajectory.csv";
    files[nf++].s = make_trajectory (flight.samples);
    files[nf].name = "vehicle.csv";
    files[nf++].s = make_vehicle (flight.samples);
    files[nf].name = "pad.csv";
    files[nf++].s = make_pad (pad);
    for (int k = 0; k < SIM_N_BOOSTERS; k++)
      {
        g_autofree char *title = g_strdup_printf ("Strap-on booster %s", booster_names[k]);
        g_autofree char *name = g_strdup_printf ("debris-blok-%s.csv", booster_ids[k]);

        files[nf].name = g_intern_string (name);
        files[nf++].s = make_debris (title, how_b, &boosters[k]);
      }
    files[nf].name = "debris-blok-a.csv";
    files[nf++].s = make_debris ("Core stage Blok A", how_a, &core);
    files[nf].name = "fall-zone-boosters.csv";
    files[nf++].s = make_zone ("Strap-on booster fall zone (reconstructed).", how_zb,
                               &booster_zone);
    files[nf].name = "fall-zone-core.csv";
    files[nf++].s = make_zone ("Core stage (Blok A) fall zone (reconstructed).", how_za,
                               &core_zone);

    for (int i = 0; i < nf; i++)
      {
        if (!write_file (out_dir, files[i].name, files[i].s, &error))
          {
            g_printerr ("%s\n", error->message);
            return 1;
          }
        g_string_free (files[i].s, TRUE);
      }
  }

  /* milestone table */
  sim_orbit_from_state (flight.r_final, flight.v_final, &orbit);
  sim_first_revolution (p.spacecraft_separation, flight.r_final, flight.v_final, orbit.period,
                        &rev_min, &rev_max);
  {
    Milestone m[24];
    int n = 0;
    double t_maxq = 0.0, q_max = -1.0;
    const SimSample *s118 = sample_at (flight.samples, &p, 118.0);
    const SimSample *s288 = sample_at (flight.samples, &p, 288.0);
    const SimSample *s529 = sample_at (flight.samples, &p, 529.0);
    double zlat = ZHEZKAZGAN_LAT * SIM_DEG, zlon = ZHEZKAZGAN_LON * SIM_DEG;
    double ust_lat, ust_lon, worst_b = 0.0;

    for (guint i = 0; i < flight.samples->len; i++)
      {
        const SimSample *smp = &g_array_index (flight.samples, SimSample, i);
        if (smp->q > q_max)
          {
            q_max = smp->q;
            t_maxq = smp->t;
          }
      }
    for (int k = 0; k < SIM_N_BOOSTERS; k++)
      worst_b = MAX (worst_b, sim_great_circle_m (zlat, zlon, boosters[k].impact_lat,
                                                  boosters[k].impact_lon));
    /* Ust-Kan as placed by mission-facts 6: 1,650 km from the pad at 62.9 deg */
    sim_destination (p.site_lat, p.site_lon, 62.9 * SIM_DEG, 1650e3, &ust_lat, &ust_lon);

#define MS(w, u, l, h, nom, r) m[n++] = (Milestone) { w, u, l, h, nom, r }
    MS ("max-Q time", "s", 62, 82, 72, t_maxq);
    MS ("T+118 altitude", "km", 43, 53, 48, s118->geo.h / 1000.0);
    MS ("T+118 speed (ground-relative)", "km/s", 1.6, 2.0, 1.8, s118->speed / 1000.0);
    MS ("T+288 altitude", "km", 161, 191, 176, s288->geo.h / 1000.0);
    MS ("T+288 inertial speed", "km/s", 3.45, 4.05, 3.75, s288->inertial_speed / 1000.0);
    MS ("T+288 downrange", "km", 440, 560, 500, s288->downrange / 1000.0);
    MS ("third stage cutoff", "s", 526, 528, 527, flight.cutoff_time);
    MS ("T+529 inertial speed", "km/s", 7.8, 8.0, 8.0, s529->inertial_speed / 1000.0);
    MS ("T+529 downrange", "km", 1560, 1720, 1640, s529->downrange / 1000.0);
    MS ("T+529 distance from 51.1 N 84.6 E", "deg", -1e308, 1.0, 0.0,
        sim_great_circle_m (51.1 * SIM_DEG, 84.6 * SIM_DEG, s529->geo.lat, s529->geo.lon)
        / SIM_MEAN_RADIUS / SIM_DEG);
    MS ("perigee", "km", 190, 205, 197.5, orbit.perigee_alt / 1000.0);
    MS ("apogee", "km", 225, 260, 242.5, orbit.apogee_alt / 1000.0);
    MS ("inclination", "deg", 51.56, 51.76, 51.66, orbit.inclination / SIM_DEG);
    MS ("booster impacts from Zhezkazgan (worst)", "km", -1e308, 120, 36, worst_b / 1000.0);
    MS ("core impact from Ust-Kan point (1650 km, 62.9 deg)", "km", -1e308, 150, 0,
        sim_great_circle_m (ust_lat, ust_lon, core.impact_lat, core.impact_lon) / 1000.0);
#undef MS

    if (!quiet)
      {
        printf ("cosmodrome-ascent-sim: wrote %s\n\n", out_dir);
        printf ("launch azimuth %.2f deg inertial, %.2f deg ground-relative; "
                "gravity turn from T+%.2f s\n",
                flight.launch_azimuth_inertial / SIM_DEG, flight.launch_azimuth_ground / SIM_DEG,
                flight.gravity_turn_start);
        printf ("guidance: staging pitch %.4f deg, tangent rate %.6e /s, %d Newton iterations, "
                "residual %.3f m / %.2e deg\n",
                flight.staging_pitch / SIM_DEG, flight.tangent_rate, flight.solver_iterations,
                flight.solver_radius_error, flight.solver_fpa_error / SIM_DEG);
        printf ("mass budget: Blok I propellant %.0f kg (burned %.0f), dry %.0f kg; "
                "jettisoned tower + fairing + aft %.0f kg\n",
                p.third_propellant, flight.third_propellant_used, p.third_dry,
                p.tower_mass + p.fairing_mass + p.third_aft_mass);
        printf ("at separation: each booster %.0f kg (%.0f unburned), core %.0f kg "
                "(%.0f unburned)\n",
                p.booster.mass_at_separation, p.booster.residual,
                p.core.mass_at_separation, p.core.residual);
        printf ("sea-level Isp from F_sl / mdot: RD-107A %.1f s (published %.1f), "
                "RD-108A %.1f s (published %.1f); exit areas %.3f / %.3f m^2\n",
                p.booster.thrust_sl / (p.booster.mdot * SIM_G0), p.booster.isp_sl,
                p.core.thrust_sl / (p.core.mdot * SIM_G0), p.core.isp_sl,
                p.booster.exit_area, p.core.exit_area);
        printf ("max-Q %.2f kPa at T+%.1f s; third stage cutoff T+%.2f s (%s)\n",
                q_max / 1000.0, t_maxq, flight.cutoff_time,
                flight.cutoff_guided ? "guided" : "propellant depletion");
        printf ("orbit at T+%.0f: %.1f x %.1f km (over the equatorial radius), i = %.3f deg, "
                "period %.2f min; first revolution geodetic altitude %.1f to %.1f km\n",
                p.spacecraft_separation, orbit.perigee_alt / 1000.0, orbit.apogee_alt / 1000.0,
                orbit.inclination / SIM_DEG, orbit.period / 60.0, rev_min / 1000.0,
                rev_max / 1000.0);
        printf ("T+118: %.2f km, %.1f m/s ground, %.1f m/s inertial\n",
                s118->geo.h / 1000.0, s118->speed, s118->inertial_speed);
        printf ("T+288: %.2f km, %.1f m/s ground, %.1f m/s inertial, %.1f km downrange\n",
                s288->geo.h / 1000.0, s288->speed, s288->inertial_speed,
                s288->downrange / 1000.0);
        printf ("T+529: %.4f N %.4f E, %.2f km, %.1f m/s inertial, %.1f km downrange\n",
                s529->geo.lat / SIM_DEG, s529->geo.lon / SIM_DEG, s529->geo.h / 1000.0,
                s529->inertial_speed, s529->downrange / 1000.0);
        for (int k = 0; k < SIM_N_BOOSTERS; k++)
          printf ("impact %s: %.4f N %.4f E at T+%.1f s, %.1f km downrange, "
                  "%.1f km from Zhezkazgan\n",
                  booster_names[k], boosters[k].impact_lat / SIM_DEG,
                  boosters[k].impact_lon / SIM_DEG, boosters[k].impact_t,
                  sim_great_circle_m (p.site_lat, p.site_lon, boosters[k].impact_lat,
                                      boosters[k].impact_lon) / 1000.0,
                  sim_great_circle_m (zlat, zlon, boosters[k].impact_lat,
                                      boosters[k].impact_lon) / 1000.0);
        printf ("impact Blok A: %.4f N %.4f E at T+%.1f s, %.1f km downrange, bearing %.2f deg\n",
                core.impact_lat / SIM_DEG, core.impact_lon / SIM_DEG, core.impact_t,
                sim_great_circle_m (p.site_lat, p.site_lon, core.impact_lat, core.impact_lon)
                / 1000.0,
                sim_initial_bearing (p.site_lat, p.site_lon, core.impact_lat, core.impact_lon)
                / SIM_DEG);
        printf ("booster zone %.1f x %.1f km, core zone %.1f x %.1f km (semi-axes)\n\n",
                booster_zone.major / 1000.0, booster_zone.minor / 1000.0,
                core_zone.major / 1000.0, core_zone.minor / 1000.0);
      }
    if (!quiet)
      print_table (stdout, m, n, &failures);
  }

  for (int k = 0; k < SIM_N_BOOSTERS; k++)
    sim_debris_clear (&boosters[k]);
  sim_debris_clear (&core);
  g_array_unref (pad);
  sim_flight_clear (&flight);

  if (failures > 0)
    g_printerr ("%d milestone(s) outside their tolerance\n", failures);
  return 0;
}
