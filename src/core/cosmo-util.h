/* cosmo-util.h: small helpers the GLib floor (2.74) lacks
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* g_set_str() arrived in GLib 2.76. */
static inline gboolean
cosmo_set_str (char       **str_pointer,
               const char  *new_str)
{
  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;
  g_free (*str_pointer);
  *str_pointer = g_strdup (new_str);
  return TRUE;
}

G_END_DECLS
