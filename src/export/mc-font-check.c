/* mc-font-check.c — whether "Times New Roman" is the real font here
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The match is made as Pango makes it (the pattern substituted by the
 * configuration and the defaults, then FcFontMatch), so what is said is
 * what the PDFs embed.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-font-check.h"

void
mc_font_match_free (McFontMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->requested);
  g_free (match->family);
  g_free (match->file);
  g_free (match);
}

gboolean
mc_font_family_is (const char *requested, const char *const *families)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (requested != NULL, FALSE);

  wanted = g_utf8_casefold (requested, -1);
  for (guint i = 0; families != NULL && families[i] != NULL; i++)
    {
      g_autofree char *name = g_utf8_casefold (families[i], -1);

      if (g_str_equal (name, wanted))
        return TRUE;
    }
  return FALSE;
}

/* Every family name the font carries (FC_FAMILY has one per language). */
static GStrv
families_of (FcPattern *font)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  FcChar8 *name;

  for (int i = 0; FcPatternGetString (font, FC_FAMILY, i, &name) == FcResultMatch; i++)
    g_strv_builder_add (builder, (const char *) name);
  return g_strv_builder_end (builder);
}

McFontMatch *
mc_font_match_family (FcConfig *config, const char *family)
{
  FcPattern *pattern;
  FcPattern *font;
  FcResult result = FcResultNoMatch;
  McFontMatch *match = NULL;

  g_return_val_if_fail (family != NULL, NULL);

  pattern = FcPatternCreate ();
  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) family);
  FcConfigSubstitute (config, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  font = FcFontMatch (config, pattern, &result);
  FcPatternDestroy (pattern);
  if (font != NULL)
    {
      g_auto(GStrv) families = families_of (font);
      FcChar8 *file = NULL;

      match = g_new0 (McFontMatch, 1);
      match->requested = g_strdup (family);
      match->family = g_strdup (families[0] != NULL ? families[0] : "");
      if (FcPatternGetString (font, FC_FILE, 0, &file) == FcResultMatch)
        match->file = g_strdup ((const char *) file);
      match->is_real = mc_font_family_is (family, (const char *const *) families);
      FcPatternDestroy (font);
    }
  return match;
}

char *
mc_font_warning_for (const McFontMatch *match)
{
  if (match != NULL && match->is_real)
    return NULL;
  if (match == NULL || match->family[0] == '\0')
    return g_strdup (_("The font Times New Roman required by Decree 30/2020/NĐ-CP is not installed, and no "
                       "font replaces it: documents may print wrongly. Install Times New Roman (see the user "
                       "guide)."));
  return g_strdup_printf (_("Times New Roman, the font Decree 30/2020/NĐ-CP requires, is not installed: "
                            "documents are printed in %s, a font of the same size but not the one required. "
                            "Install Times New Roman (see the user guide)."), match->family);
}

const char *
mc_font_check_warning (void)
{
  static char *warning;
  static gsize checked;

  if (g_once_init_enter (&checked))
    {
      g_autoptr(McFontMatch) match = mc_font_match_family (NULL, MC_DOCUMENT_FONT);

      warning = mc_font_warning_for (match);
      g_once_init_leave (&checked, 1);
    }
  return warning;
}
