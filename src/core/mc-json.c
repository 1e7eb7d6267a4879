/* mc-json.c — the little JSON the commands print (--format json)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written here rather than with json-glib: the commands only print flat
 * objects of numbers and strings, and core would otherwise link one more
 * library for the string escape alone (the dashboard and the queue's
 * statistics had each copied this function).
 */
#include "mc-json.h"

void
mc_json_append_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text ? text : ""; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
