/* mc-locale.c — the language of messages, for motcua and motcua-gui alike
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "mc-locale.h"

/* The centers work in Vietnamese: unless the user chose a language
 * explicitly (LANGUAGE), messages are Vietnamese whatever the system locale.
 * gettext ignores LANGUAGE under the C locale, so fall back to C.UTF-8. */
void
mc_locale_setup (void)
{
  const char *locale = setlocale (LC_ALL, "");

  if (g_getenv ("LANGUAGE") == NULL)
    g_setenv ("LANGUAGE", "vi", TRUE);
  if (locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX"))
    if (setlocale (LC_ALL, "vi_VN.UTF-8") == NULL)
      setlocale (LC_ALL, "C.UTF-8");
  /* Numbers in the files we write are never localized. */
  setlocale (LC_NUMERIC, "C");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MOTCUA_LOCALEDIR") ? g_getenv ("MOTCUA_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
