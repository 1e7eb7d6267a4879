/* mc-cli-settings.c — motcua settings list|get|set|reset
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Thin over core's registry (mc-settings.c): the administrator's (the
 * access_table's row and core's check again in mc_settings_set), each
 * change in the audit trail with the person who made it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-cli.h"
#include "mc-settings.h"

#define USAGE N_("Usage: motcua settings list\n" \
                 "       motcua settings get KEY\n" \
                 "       motcua settings set KEY VALUE | motcua settings set KEY --file FILE\n" \
                 "       motcua settings reset KEY")

/* key, value (as stored; the default when not set), whether the unit set
 * it ("set"/"default"), the group and the label in Vietnamese. */
static int
list (McDb *db)
{
  guint n;
  const McSettingInfo *all = mc_settings_all (&n);

  for (guint i = 0; i < n; i++)
    {
      GError *error = NULL;
      g_autofree char *value = mc_settings_get (db, all[i].key, &error);
      gboolean set = FALSE;

      /* A list cut short by the error, never a default shown as the unit's value. */
      if (value == NULL || !mc_settings_is_set (db, all[i].key, &set, &error))
        return mc_cli_fail (error);
      mc_cli_print_row (all[i].key, value, set ? "set" : "default",
                        mc_settings_group_label (all[i].group), _(all[i].label));
    }
  return 0;
}

static int
get (McDb *db, const char *key)
{
  g_autofree char *value = NULL;

  if (mc_settings_lookup (key) == NULL)
    {
      GError *error = NULL;

      g_set_error (&error, MC_SETTINGS_ERROR, MC_SETTINGS_ERROR_UNKNOWN_KEY,
                   _("There is no setting “%s” (motcua settings list shows them)"), key);
      return mc_cli_fail (error);
    }
  {
    GError *error = NULL;

    if ((value = mc_settings_get (db, key, &error)) == NULL)
      return mc_cli_fail (error);
  }
  /* The value as it is: a template's lines stay lines. */
  g_print ("%s\n", value);
  return 0;
}

static int
set (McDb *db, const char *key, const char *value, const char *file)
{
  GError *error = NULL;
  g_autofree char *contents = NULL;

  if (file != NULL && !g_file_get_contents (file, &contents, NULL, &error))
    return mc_cli_fail (error);
  if (!mc_settings_set (db, key, contents ? contents : value, &error))
    return mc_cli_fail (error);
  return get (db, key);
}

int
mc_cli_settings (McDb *db, int argc, char **argv)
{
  GError *error = NULL;

  if (argc == 2 && g_str_equal (argv[1], "list"))
    return list (db);
  if (argc == 3 && g_str_equal (argv[1], "get"))
    return get (db, argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "set"))
    return set (db, argv[2], argv[3], NULL);
  if (argc == 5 && g_str_equal (argv[1], "set") && g_str_equal (argv[3], "--file"))
    return set (db, argv[2], NULL, argv[4]);
  if (argc == 3 && g_str_equal (argv[1], "reset"))
    {
      if (!mc_settings_reset (db, argv[2], &error))
        return mc_cli_fail (error);
      return get (db, argv[2]);
    }
  return mc_cli_usage (_(USAGE));
}
