/* mc-cli-notifications.c — motcua notifications [list|read ID|read-all] [--unread]
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The signed-in person's notifications, the bell of the main window on the
 * command line: core answers only for the connection's actor, so nobody
 * reads or marks another person's.
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "mc-cli.h"
#include "mc-format.h"
#include "mc-notification-store.h"

#define USAGE N_("Usage: motcua --user NAME notifications [list] [--unread]\n" \
                 "       motcua --user NAME notifications read ID\n" \
                 "       motcua --user NAME notifications read-all")

/* id, unread/read, time (YYYY-MM-DD HH:MM), kind, dossier code, the line
 * the bell shows; newest first, at most MC_NOTIFICATION_LIST_MAX, and on
 * stderr how many there are when some are left out. Overdue dossiers are
 * checked first, as the application does at sign-in. */
static int
list (McDb *db, gboolean unread_only)
{
  GError *error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint total = 0;

  if (!mc_notification_check_overdue (db, mc_time_now (), NULL, &error) ||
      (items = mc_notification_list (db, unread_only, MC_NOTIFICATION_LIST_MAX, &total, &error)) == NULL)
    return mc_cli_fail (error);
  for (guint i = 0; i < items->len; i++)
    {
      McNotification *n = items->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, mc_notification_get_id (n));
      g_autofree char *at = mc_time_to_iso (mc_notification_get_at (n));

      mc_cli_print_row (id, mc_notification_get_read (n) ? "read" : "unread", at,
                        mc_notification_kind_to_string (mc_notification_get_kind (n)),
                        mc_notification_get_dossier_code (n), mc_notification_get_text (n));
    }
  if (total > items->len)
    {
      g_autofree char *shown = mc_format_count (items->len);
      g_autofree char *all = mc_format_count (total);

      /* Translators: "50 of 1.234 notifications shown, the newest" */
      g_printerr (_("%s of %s notifications shown, the newest\n"), shown, all);
    }
  return 0;
}

static int
read_one (McDb *db, const char *text)
{
  GError *error = NULL;
  char *end = NULL;
  gint64 id = g_ascii_strtoll (text, &end, 10);

  if (end == text || *end != '\0' || id <= 0)
    {
      g_printerr (_("“%s” is not a notification number\n"), text);
      return 2;
    }
  if (!mc_notification_mark_read (db, id, &error))
    return mc_cli_fail (error);
  return 0;
}

static int
read_all (McDb *db)
{
  GError *error = NULL;
  guint n = 0;
  g_autofree char *count = NULL;

  if (!mc_notification_mark_all_read (db, &n, &error))
    return mc_cli_fail (error);
  count = mc_format_count (n);
  g_print ("%s\n", count);
  return 0;
}

int
mc_cli_notifications (McDb *db, int argc, char **argv)
{
  const char *sub = argc > 1 && argv[1][0] != '-' ? argv[1] : "list";
  int first_option = argc > 1 && argv[1][0] != '-' ? 2 : 1;
  gboolean unread_only = FALSE;

  for (int i = first_option; i < argc; i++)
    {
      if (g_str_equal (sub, "list") && g_str_equal (argv[i], "--unread"))
        unread_only = TRUE;
      else if (!(g_str_equal (sub, "read") && i == first_option))
        return mc_cli_usage (_(USAGE));
    }
  if (g_str_equal (sub, "list"))
    return list (db, unread_only);
  if (g_str_equal (sub, "read") && argc == 3)
    return read_one (db, argv[2]);
  if (g_str_equal (sub, "read-all") && argc == 2)
    return read_all (db);
  return mc_cli_usage (_(USAGE));
}
