/* cosmo-csv-reader.c
 *
 * One pass over the bytes: memchr finds each line end, then the cells are
 * parsed in place. Numbers take an exact fast path (Clinger: a mantissa of
 * at most 2^53 scaled by an exactly representable power of ten) and fall
 * back to g_ascii_strtod for the rare rest, so results are correctly
 * rounded and never depend on LC_NUMERIC.
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cosmo-csv-reader.h"
#include "cosmo-load-error.h"

G_DEFINE_QUARK (cosmo-load-error-quark, cosmo_load_error)

struct _CosmoCsvTable
{
  gatomicrefcount ref_count;
  guint n_columns;
  gsize n_rows;
  gsize first_row_line;
  char **names;
  GBytes **columns;
  char *comments;
};

G_DEFINE_BOXED_TYPE (CosmoCsvTable, cosmo_csv_table, cosmo_csv_table_ref, cosmo_csv_table_unref)

static const double exact_powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

const char *
cosmo_parse_number (const char *p,
                    const char *end,
                    double     *out)
{
  const char *start = p;
  guint64 mantissa = 0;
  int significant = 0;
  int exp10 = 0;
  gboolean negative = FALSE;
  gboolean any_digit = FALSE;

  if (p < end && (*p == '-' || *p == '+'))
    {
      negative = *p == '-';
      p++;
    }

  for (; p < end && (guint) (*p - '0') < 10; p++)
    {
      any_digit = TRUE;
      if (mantissa == 0 && *p == '0')
        continue;
      if (significant < 19)
        mantissa = mantissa * 10 + (guint) (*p - '0');
      else
        exp10++;
      significant++;
    }

  if (p < end && *p == '.')
    {
      p++;
      for (; p < end && (guint) (*p - '0') < 10; p++)
        {
          any_digit = TRUE;
          if (mantissa == 0 && *p == '0')
            {
              exp10--;
              continue;
            }
          if (significant < 19)
            {
              mantissa = mantissa * 10 + (guint) (*p - '0');
              exp10--;
            }
          significant++;
        }
    }

  if (!any_digit)
    return NULL;

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      const char *q = p + 1;
      gboolean exp_negative = FALSE;
      int e = 0;

      if (q < end && (*q == '-' || *q == '+'))
        {
          exp_negative = *q == '-';
          q++;
        }
      if (q >= end || (guint) (*q - '0') >= 10)
        return NULL;  /* "1e" is not a number */
      for (; q < end && (guint) (*q - '0') < 10; q++)
        if (e < 100000)
          e = e * 10 + (*q - '0');
      exp10 += exp_negative ? -e : e;
      p = q;
    }

  if (significant <= 19 && mantissa <= (G_GUINT64_CONSTANT (1) << 53) && exp10 >= -22 && exp10 <= 22)
    {
      double v = (double) mantissa;

      v = exp10 < 0 ? v / exact_powers_of_ten[-exp10] : v * exact_powers_of_ten[exp10];
      *out = negative ? -v : v;
      return p;
    }

  /* Slow, rare path: long mantissas and large exponents. */
  {
    char buf[128];
    gsize len = p - start;
    g_autofree char *heap = NULL;
    char *s = buf;

    if (len >= sizeof buf)
      s = heap = g_malloc (len + 1);
    memcpy (s, start, len);
    s[len] = '\0';
    *out = g_ascii_strtod (s, NULL);
  }

  return p;
}

/* The common case, inline: [-]digits[.digits][e[-]digits] with at most
 * 19 significant digits and a small exponent, which one multiplication or
 * division of two exact doubles rounds correctly. Anything else (a '+',
 * spaces, quotes, an empty cell, long mantissas, "inf") returns NULL and
 * the line takes the general path, which also reports errors. */
static inline const char *
fast_number (const char *p,
             const char *end,
             double     *out)
{
  const char *digits;
  guint64 mantissa = 0;
  int n_digits, exp10 = 0;
  gboolean negative = FALSE;
  double v;

  if (p < end && *p == '-')
    {
      negative = TRUE;
      p++;
    }
  digits = p;
  while (p < end && (guint) (*p - '0') < 10)
    mantissa = mantissa * 10 + (guint) (*p++ - '0');
  n_digits = (int) (p - digits);
  if (p < end && *p == '.')
    {
      const char *fraction = ++p;
      while (p < end && (guint) (*p - '0') < 10)
        mantissa = mantissa * 10 + (guint) (*p++ - '0');
      exp10 = -(int) (p - fraction);
      n_digits -= exp10;
    }
  if (n_digits == 0 || n_digits > 19)
    return NULL;
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      gboolean exp_negative = FALSE;
      int e = 0;
      const char *exp_digits;

      p++;
      if (p < end && (*p == '-' || *p == '+'))
        exp_negative = *p++ == '-';
      exp_digits = p;
      while (p < end && (guint) (*p - '0') < 10 && p - exp_digits < 4)
        e = e * 10 + (*p++ - '0');
      if (p == exp_digits || (p < end && (guint) (*p - '0') < 10))
        return NULL;
      exp10 += exp_negative ? -e : e;
    }
  if (mantissa > (G_GUINT64_CONSTANT (1) << 53) || exp10 < -22 || exp10 > 22)
    return NULL;

  v = (double) mantissa;
  v = exp10 < 0 ? v / exact_powers_of_ten[-exp10] : v * exact_powers_of_ten[exp10];
  *out = negative ? -v : v;
  return p;
}

CosmoCsvTable *
cosmo_csv_table_ref (CosmoCsvTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cosmo_csv_table_unref (CosmoCsvTable *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->n_columns; i++)
    g_clear_pointer (&self->columns[i], g_bytes_unref);
  g_free (self->columns);
  g_strfreev (self->names);
  g_free (self->comments);
  g_free (self);
}

guint cosmo_csv_table_get_n_columns (CosmoCsvTable *self) { g_return_val_if_fail (self, 0); return self->n_columns; }
gsize cosmo_csv_table_get_n_rows (CosmoCsvTable *self) { g_return_val_if_fail (self, 0); return self->n_rows; }
const char *cosmo_csv_table_get_comments (CosmoCsvTable *self) { g_return_val_if_fail (self, NULL); return self->comments; }

const char *
cosmo_csv_table_get_column_name (CosmoCsvTable *self,
                                 guint          column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->names[column];
}

int
cosmo_csv_table_find_column (CosmoCsvTable *self,
                             const char    *name)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->n_columns; i++)
    if (g_strcmp0 (self->names[i], name) == 0)
      return (int) i;
  return -1;
}

GBytes *
cosmo_csv_table_get_column (CosmoCsvTable *self,
                            guint          column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->columns[column];
}

gsize
cosmo_csv_table_get_row_line (CosmoCsvTable *self,
                              gsize          row)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->first_row_line + row;
}

/* A short, printable rendering of bad input for an error message. */
static char *
quote_token (const char *p,
             gsize       len)
{
  g_autofree char *valid = NULL;
  gboolean cut = len > 40;

  valid = g_utf8_make_valid (p, MIN (len, 40));
  for (char *c = valid; *c; c++)
    if ((guchar) *c < 0x20)
      *c = '?';
  return g_strdup_printf ("\"%s%s\"", valid, cut ? "…" : "");
}

static gboolean
csv_error (GError    **error,
           int         code,
           const char *file,
           gsize       line,
           gsize       column,
           const char *format,
           ...) G_GNUC_PRINTF (6, 7);

static gboolean
csv_error (GError    **error,
           int         code,
           const char *file,
           gsize       line,
           gsize       column,
           const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (column > 0)
    g_set_error (error, COSMO_LOAD_ERROR, code, "%s:%lu:%lu: %s",
                 file, line, column, message);
  else
    g_set_error (error, COSMO_LOAD_ERROR, code, "%s:%lu: %s", file, line, message);
  return FALSE;
}

/* Split the header into trimmed, optionally quoted names. */
static char **
parse_header (const char  *p,
              const char  *end,
              const char  *file,
              gsize        line,
              GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *line_start = p;

  if (!g_utf8_validate (p, end - p, NULL))
    {
      csv_error (error, COSMO_LOAD_ERROR_SYNTAX, file, line, 0,
                 _("expected a header line of column names in UTF-8, found binary data"));
      return NULL;
    }

  for (;;)
    {
      const char *cell_start, *cell_end;
      g_autofree char *name = NULL;

      while (p < end && (*p == ' ' || *p == '\t'))
        p++;
      if (p < end && *p == '"')
        {
          cell_start = ++p;
          while (p < end && *p != '"')
            p++;
          if (p >= end)
            {
              csv_error (error, COSMO_LOAD_ERROR_SYNTAX, file, line, (cell_start - line_start),
                         _("expected a closing quote in the header"));
              return NULL;
            }
          cell_end = p++;
          while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        }
      else
        {
          cell_start = p;
          while (p < end && *p != ',')
            p++;
          cell_end = p;
          while (cell_end > cell_start && (cell_end[-1] == ' ' || cell_end[-1] == '\t'))
            cell_end--;
        }

      name = g_strndup (cell_start, cell_end - cell_start);
      if (*name == '\0')
        {
          csv_error (error, COSMO_LOAD_ERROR_SYNTAX, file, line, (cell_start - line_start) + 1,
                     _("expected a column name, found an empty header cell"));
          return NULL;
        }
      for (guint i = 0; i < names->len; i++)
        if (strcmp (g_ptr_array_index (names, i), name) == 0)
          {
            csv_error (error, COSMO_LOAD_ERROR_SYNTAX, file, line, (cell_start - line_start) + 1,
                       _("column \"%s\" appears twice in the header"), name);
            return NULL;
          }
      if (names->len >= COSMO_MAX_CSV_COLUMNS)
        {
          csv_error (error, COSMO_LOAD_ERROR_TOO_LARGE, file, line, 0,
                     _("more than %d columns; a mission file may have at most %d"),
                     COSMO_MAX_CSV_COLUMNS, COSMO_MAX_CSV_COLUMNS);
          return NULL;
        }
      g_ptr_array_add (names, g_steal_pointer (&name));

      if (p >= end)
        break;
      if (*p != ',')
        {
          csv_error (error, COSMO_LOAD_ERROR_SYNTAX, file, line, (p - line_start) + 1,
                     _("expected a comma after a quoted column name"));
          return NULL;
        }
      p++;
    }

  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

CosmoCsvTable *
cosmo_csv_parse (const char    *data,
                 gsize          length,
                 const char    *display_name,
                 GCancellable  *cancellable,
                 GError       **error)
{
  const char *p = data;
  const char *end = data + length;
  const char *file = display_name ? display_name : "CSV";
  g_autoptr(GString) comments = g_string_new (NULL);
  g_auto(GStrv) names = NULL;
  double **columns = NULL;
  gsize capacity = 0, n_rows = 0, line = 0, header_line = 0;
  guint n_columns;
  CosmoCsvTable *table;

  /* A UTF-8 byte order mark is harmless; skip it. */
  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  /* Leading comments, then the header. */
  for (;;)
    {
      const char *eol;
      const char *content_end;

      if (p >= end)
        {
          csv_error (error, COSMO_LOAD_ERROR_SYNTAX, file, line + 1, 0,
                     length == 0 ? _("expected a header line of column names, found an empty file")
                                 : _("expected a header line of column names, found only comments"));
          return NULL;
        }

      line++;
      eol = memchr (p, '\n', MIN ((gsize) (end - p), (gsize) COSMO_MAX_LINE_LENGTH + 1));
      if (eol == NULL && (gsize) (end - p) > COSMO_MAX_LINE_LENGTH)
        {
          csv_error (error, COSMO_LOAD_ERROR_TOO_LARGE, file, line, 0,
                     _("line longer than %d bytes"), COSMO_MAX_LINE_LENGTH);
          return NULL;
        }
      if (eol == NULL)
        eol = end;
      content_end = eol;
      if (content_end > p && content_end[-1] == '\r')
        content_end--;

      if (p < content_end && *p == '#')
        {
          g_autofree char *text = g_utf8_make_valid (p + 1, content_end - p - 1);
          g_string_append (comments, g_strstrip (text));
          g_string_append_c (comments, '\n');
          p = eol < end ? eol + 1 : end;
          continue;
        }

      names = parse_header (p, content_end, file, line, error);
      if (names == NULL)
        return NULL;
      header_line = line;
      p = eol < end ? eol + 1 : end;
      break;
    }

  n_columns = g_strv_length (names);
  columns = g_new0 (double *, n_columns);

  /* Guess the row count from the header's length so large files rarely
   * reallocate; the arrays are trimmed to size at the end. */
  capacity = 1024;

  while (p < end)
    {
      const char *eol, *content_end, *line_start = p;
      guint field = 0;

      line++;

      /* Fast path: a row of plain numbers, parsed as it is scanned. Any
       * surprise sends the whole line down the general path below. */
      if (n_rows < capacity && columns[0] != NULL)
        {
          const char *q = p;
          guint c = 0;

          for (; c < n_columns; c++)
            {
              q = fast_number (q, end, &columns[c][n_rows]);
              if (q == NULL)
                break;
              if (c + 1 < n_columns)
                {
                  if (q >= end || *q != ',')
                    break;
                  q++;
                }
            }
          if (c == n_columns)
            {
              if (q < end && *q == '\r')
                q++;
              if ((q == end || *q == '\n') && q - p <= COSMO_MAX_LINE_LENGTH)
                {
                  n_rows++;
                  p = q < end ? q + 1 : end;
                  if ((n_rows & 0xFFFF) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
                    goto fail;
                  continue;
                }
            }
        }

      eol = memchr (p, '\n', MIN ((gsize) (end - p), (gsize) COSMO_MAX_LINE_LENGTH + 1));
      if (eol == NULL && (gsize) (end - p) > COSMO_MAX_LINE_LENGTH)
        {
          csv_error (error, COSMO_LOAD_ERROR_TOO_LARGE, file, line, 0,
                     _("line longer than %d bytes"), COSMO_MAX_LINE_LENGTH);
          goto fail;
        }
      if (eol == NULL)
        eol = end;
      content_end = eol;
      if (content_end > p && content_end[-1] == '\r')
        content_end--;

      if (content_end == p)
        {
          /* Blank lines may only end the file. */
          const char *q = eol;
          while (q < end && (*q == '\n' || *q == '\r' || *q == ' ' || *q == '\t'))
            q++;
          if (q >= end)
            break;
          csv_error (error, COSMO_LOAD_ERROR_SYNTAX, file, line, 0,
                     _("expected %u values, found an empty line"), n_columns);
          goto fail;
        }

      if (n_rows == capacity || columns[0] == NULL)
        {
          if (columns[0] != NULL)
            capacity *= 2;
          else
            {
              gsize guess = (gsize) (end - p) / MAX ((gsize) (eol - p + 1), 2) + 16;
              capacity = MAX (capacity, guess + guess / 8);
            }
          for (guint c = 0; c < n_columns; c++)
            columns[c] = g_renew (double, columns[c], capacity);
        }

      while (p <= content_end)
        {
          const char *cell = p, *after;
          gboolean quoted = FALSE;
          double v;

          if (field >= n_columns)
            {
              /* Point at the first extra cell, as the other errors do. */
              csv_error (error, COSMO_LOAD_ERROR_SYNTAX, file, line, (p - line_start) + 1,
                         _("expected %u values, found more"), n_columns);
              goto fail;
            }

          while (p < content_end && (*p == ' ' || *p == '\t'))
            p++;
          if (p < content_end && *p == '"')
            {
              quoted = TRUE;
              p++;
            }

          if (p == content_end || *p == ',' || (quoted && *p == '"'))
            {
              v = NAN;  /* empty cell: a gap */
              after = p;
            }
          else
            {
              after = cosmo_parse_number (p, content_end, &v);
            }

          if (after != NULL && quoted)
            {
              if (after < content_end && *after == '"')
                after++;
              else
                after = NULL;
            }
          if (after != NULL)
            while (after < content_end && (*after == ' ' || *after == '\t'))
              after++;

          if (after == NULL || (after < content_end && *after != ','))
            {
              const char *tok_end = cell;
              g_autofree char *token = NULL;

              /* Report the whole cell, quotes and all, as the person wrote it. */
              if (quoted || (cell < content_end && (*cell == ' ' || *cell == '"')))
                {
                  const char *q = memchr (cell, '"', content_end - cell);
                  const char *close = q ? memchr (q + 1, '"', content_end - q - 1) : NULL;
                  tok_end = close ? close + 1 : content_end;
                }
              while (tok_end < content_end && *tok_end != ',')
                tok_end++;
              {
                const char *tok_start = cell;
                while (tok_start < tok_end && (*tok_start == ' ' || *tok_start == '\t'))
                  tok_start++;
                if (tok_start < tok_end && *tok_start == '"' && tok_end - tok_start >= 2 && tok_end[-1] == '"')
                  token = quote_token (tok_start + 1, tok_end - tok_start - 2);
                else
                  token = quote_token (tok_start, tok_end - tok_start);
              }
              csv_error (error, COSMO_LOAD_ERROR_SYNTAX, file, line, (cell - line_start) + 1,
                         _("expected a number, found %s"), token);
              goto fail;
            }

          if (!isnan (v) && !isfinite (v))
            {
              g_autofree char *token = quote_token (cell, after - cell);
              csv_error (error, COSMO_LOAD_ERROR_INVALID, file, line, (cell - line_start) + 1,
                         _("expected a finite number, found %s"), token);
              goto fail;
            }

          columns[field][n_rows] = v;
          field++;
          p = after + 1;  /* past the comma, or past content_end */
        }

      if (field != n_columns)
        {
          csv_error (error, COSMO_LOAD_ERROR_SYNTAX, file, line, 0,
                     _("expected %u values, found %u"), n_columns, field);
          goto fail;
        }

      n_rows++;
      p = eol < end ? eol + 1 : end;

      if ((n_rows & 0xFFFF) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
    }

  table = g_new0 (CosmoCsvTable, 1);
  g_atomic_ref_count_init (&table->ref_count);
  table->n_columns = n_columns;
  table->n_rows = n_rows;
  table->first_row_line = header_line + 1;
  table->names = g_steal_pointer (&names);
  table->columns = g_new0 (GBytes *, n_columns);
  table->comments = g_string_free (g_steal_pointer (&comments), FALSE);
  for (guint c = 0; c < n_columns; c++)
    {
      double *col = n_rows > 0 ? g_renew (double, columns[c], n_rows) : (g_free (columns[c]), NULL);
      table->columns[c] = g_bytes_new_take (col, n_rows * sizeof (double));
    }
  g_free (columns);

  return table;

fail:
  for (guint c = 0; c < n_columns; c++)
    g_free (columns[c]);
  g_free (columns);
  return NULL;
}

CosmoCsvTable *
cosmo_csv_read_file (GFile         *file,
                     const char    *display_name,
                     goffset        max_size,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  CosmoCsvTable *table;
  goffset size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = display_name ? g_strdup (display_name) : g_file_get_basename (file);
  if (max_size <= 0)
    max_size = COSMO_MAX_CSV_SIZE;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_IO, "%s: %s", name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_IO, _("%s: expected a regular file"), name);
      return NULL;
    }
  size = g_file_info_get_size (info);
  if (size > max_size)
    {
      g_autofree char *have = g_format_size (size);
      g_autofree char *limit = g_format_size (max_size);
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_TOO_LARGE,
                   _("%s: the file is %s, more than the %s a mission file may have"), name, have, limit);
      return NULL;
    }

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_IO, _("%s: expected a local file"), name);
      return NULL;
    }

  if (size == 0)
    return cosmo_csv_parse ("", 0, name, cancellable, error);

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, COSMO_LOAD_ERROR, COSMO_LOAD_ERROR_IO, "%s: %s", name, local_error->message);
      return NULL;
    }

  table = cosmo_csv_parse (g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped),
                           name, cancellable, error);
  return table;
}
