/* test-font-check.c — whether "Times New Roman" is the real font: the
 * decision on a match, and fontconfig's answer under two configurations made
 * for the test (the metric-compatible substitute; a font named Times New
 * Roman), so the result does not depend on what this machine has installed
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "mc-font-check.h"
#include "mc-test-utils.h"

#define LIBERATION "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
#define DEJAVU "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"

static void
test_decision (void)
{
  const char *real[] = { "Times New Roman", NULL };
  const char *localized[] = { "Times New Roman", "Times New Roman Regular", NULL };
  const char *case_apart[] = { "times new roman", NULL };
  const char *substitute[] = { "Liberation Serif", NULL };
  const char *similar[] = { "Times New Roman PS", "Times", NULL };

  g_assert_true (mc_font_family_is (MC_DOCUMENT_FONT, real));
  g_assert_true (mc_font_family_is (MC_DOCUMENT_FONT, localized));
  g_assert_true (mc_font_family_is (MC_DOCUMENT_FONT, case_apart));
  g_assert_false (mc_font_family_is (MC_DOCUMENT_FONT, substitute));
  g_assert_false (mc_font_family_is (MC_DOCUMENT_FONT, similar));
  g_assert_false (mc_font_family_is (MC_DOCUMENT_FONT, NULL));
}

/* A configuration of its own: `font` in a folder of the test's, the cache
 * beside it, and `extra` (rules) after. */
static FcConfig *
config_with (const char *font, const char *extra)
{
  g_autofree char *dir = mc_test_tmp_path ("fonts");
  g_autofree char *cache = mc_test_tmp_path ("fontcache");
  g_autofree char *base = g_path_get_basename (font);
  g_autofree char *copy = g_build_filename (dir, base, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *xml = NULL;
  gsize length;
  FcConfig *config = FcConfigCreate ();

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_get_contents (font, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  xml = g_strdup_printf ("<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">"
                         "<fontconfig><dir>%s</dir><cachedir>%s</cachedir>%s</fontconfig>", dir, cache, extra);
  g_assert_true (FcConfigParseAndLoadFromMemory (config, (const FcChar8 *) xml, FcTrue));
  g_assert_true (FcConfigBuildFonts (config));
  return config;
}

/* Debian's rule (30-metric-aliases.conf): Times New Roman → Liberation Serif. */
static void
test_substitute (void)
{
  FcConfig *config;
  g_autoptr(McFontMatch) match = NULL;
  g_autofree char *warning = NULL;

  if (!g_file_test (LIBERATION, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("Liberation Serif is not installed");
      return;
    }
  config = config_with (LIBERATION, "<alias binding=\"same\"><family>Times New Roman</family>"
                                    "<accept><family>Liberation Serif</family></accept></alias>");
  match = mc_font_match_family (config, MC_DOCUMENT_FONT);
  g_assert_nonnull (match);
  /* A match exists, and it is not the font. */
  g_assert_cmpstr (match->family, ==, "Liberation Serif");
  g_assert_nonnull (strstr (match->file, "LiberationSerif-Regular.ttf"));
  g_assert_false (match->is_real);
  warning = mc_font_warning_for (match);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "Liberation Serif"));
  g_assert_nonnull (strstr (warning, "Times New Roman"));
  FcConfigDestroy (config);
}

/* A font whose family is Times New Roman (DejaVu Serif renamed when the
 * folder is scanned, as an installed Times New Roman would be found). */
static void
test_real (void)
{
  FcConfig *config;
  g_autoptr(McFontMatch) match = NULL;
  g_autofree char *warning = NULL;

  if (!g_file_test (DEJAVU, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("DejaVu Serif is not installed");
      return;
    }
  config = config_with (DEJAVU, "<match target=\"scan\"><test name=\"family\"><string>DejaVu Serif</string></test>"
                                "<edit name=\"family\" mode=\"assign_replace\"><string>Times New Roman</string>"
                                "</edit></match>");
  match = mc_font_match_family (config, MC_DOCUMENT_FONT);
  g_assert_nonnull (match);
  g_assert_cmpstr (match->family, ==, "Times New Roman");
  g_assert_true (match->is_real);
  warning = mc_font_warning_for (match);
  g_assert_null (warning);
  FcConfigDestroy (config);
}

/* No match at all. */
static void
test_nothing (void)
{
  g_autofree char *warning = mc_font_warning_for (NULL);

  g_assert_nonnull (strstr (warning, "Times New Roman"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/font/decision", test_decision);
  g_test_add_func ("/font/substitute", test_substitute);
  g_test_add_func ("/font/real", test_real);
  g_test_add_func ("/font/nothing", test_nothing);
  return g_test_run ();
}
