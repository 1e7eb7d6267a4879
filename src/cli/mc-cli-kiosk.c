/* mc-cli-kiosk.c — motcua kiosk lookup CODE, motcua queue ticket, and
 * queue take --ticket-pdf
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the kiosk window does (src/ui/mc-kiosk-window.c), for scripts and
 * tests: the dossier look-up runs on a kiosk-mode connection
 * (mc_db_set_kiosk), so it can do nothing else whoever runs it; the ticket
 * as the kiosk prints it, as a PDF on an 80 mm page (src/export/mc-ticket.c;
 * motcua-full only, as every document). `motcua kiosk` alone is the window
 * (motcua-gui); here it prints its usage.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-cli.h"
#include "mc-dossier.h"
#include "mc-format.h"
#include "mc-kiosk.h"
#ifndef MC_CLI_LIGHT
#include "mc-ticket.h"
#endif

#define KIOSK_USAGE N_("Usage: motcua [--db PATH] kiosk            the full-screen ticket kiosk\n" \
                       "       motcua kiosk lookup CODE              a dossier as the kiosk shows it (masked)")

/* One line per field, "name<TAB>value", as a person reads the kiosk's card. */
static int
lookup (McDb *db, const char *code)
{
  g_autoptr(McKioskDossier) d = NULL;
  g_autofree char *received = NULL, *appointment = NULL, *returned = NULL;
  GError *error = NULL;

  mc_db_set_kiosk (db);
  if ((d = mc_kiosk_lookup (db, code, mc_time_now (), &error)) == NULL)
    return mc_cli_fail (error);
  received = mc_format_time (d->received_at);
  appointment = mc_format_time (d->appointment);
  mc_cli_print_row (_("Dossier code"), d->code);
  mc_cli_print_row (_("Applicant"), d->applicant);
  mc_cli_print_row (_("Procedure"), d->procedure);
  mc_cli_print_row (_("State"), mc_dossier_state_to_label (d->state));
  mc_cli_print_row (_("Received on"), received);
  mc_cli_print_row (_("Appointment"), appointment);
  if (d->timeliness != MC_KIOSK_SETTLED)
    mc_cli_print_row (_("Timeliness"), mc_kiosk_timeliness_label (d->timeliness));
  if (d->returned_at)
    {
      returned = mc_format_time (d->returned_at);
      mc_cli_print_row (_("Result collected"), returned);
    }
  return 0;
}

int
mc_cli_kiosk (McDb *db, int argc, char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "lookup"))
    return lookup (db, argv[2]);
  return mc_cli_usage (_(KIOSK_USAGE));
}

#ifndef MC_CLI_LIGHT
int
mc_cli_queue_write_ticket (McQueue *queue, McQueueTicket *ticket, const char *output)
{
  g_autoptr(McKioskTicket) k = NULL;
  GError *error = NULL;

  if ((k = mc_kiosk_ticket_new (queue, ticket, &error)) == NULL ||
      !mc_ticket_write_pdf (k, output, mc_cli_output_flags (), &error))
    return mc_cli_fail (error);
  return 0;
}

/* A ticket of the day (today by default) by its number, printed again. */
int
mc_cli_queue_ticket (McQueue *queue, const char *label, const char *day, const char *output)
{
  g_autoptr(GPtrArray) tickets = NULL;
  GError *error = NULL;
  McDate date = mc_time_get_date (mc_time_now ());

  if (output == NULL)
    return mc_cli_usage (_("Usage: motcua queue ticket --number LABEL [--day YYYY-MM-DD] --output FILE.pdf"));
  if (day && !mc_date_parse_iso (day, &date))
    return mc_cli_fail (g_error_new (MC_QUEUE_ERROR, MC_QUEUE_ERROR_INVALID,
                                     _("Invalid date “%s”: write it as YYYY-MM-DD"), day));
  if (!mc_cli_check_output (output, &error) || (tickets = mc_queue_list_day (queue, date, &error)) == NULL)
    return mc_cli_fail (error);
  for (guint i = 0; i < tickets->len; i++)
    if (g_ascii_strcasecmp (mc_queue_ticket_get_label (tickets->pdata[i]), label) == 0)
      return mc_cli_queue_write_ticket (queue, tickets->pdata[i], output);
  {
    g_autofree char *on = mc_format_date (date);

    return mc_cli_fail (g_error_new (MC_QUEUE_ERROR, MC_QUEUE_ERROR_NOT_FOUND,
                                     _("No ticket number %s on %s"), label, on));
  }
}
#endif
