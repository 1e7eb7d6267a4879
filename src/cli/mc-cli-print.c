/* mc-cli-print.c — the command line's tab-separated lines
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scripts split what we print at TABs and newlines, so a name holding
 * either (a migrated dossier's, a note typed over several lines) would
 * shift the columns or start a false record: every field is written
 * through mc_text_escape_tsv (README, "Command line").
 */
#include "config.h"

#include "mc-cli.h"
#include "mc-text.h"

void
mc_cli_print_fields (const char *const *fields, guint n_fields)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *field = mc_text_escape_tsv (fields[i]);

      if (i > 0)
        g_string_append_c (line, '\t');
      g_string_append (line, field);
    }
  g_string_append_c (line, '\n');
  g_print ("%s", line->str);
}
