/* mc-kiosk.c — the ticket kiosk's figures and its masked dossier look-up
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-db-private.h"
#include "mc-dossier-state.h"
#include "mc-kiosk.h"
#include "mc-lateness.h"
#include "mc-privacy.h"
#include "mc-unit.h"

G_DEFINE_QUARK (mc-kiosk-error-quark, mc_kiosk_error)

/* ---- the estimated wait ------------------------------------------------ */

int
mc_kiosk_count_waiting (McQueue *queue, gint64 service_id, McDate day, GError **error)
{
  McDb *db = mc_queue_get_db (queue);
  g_autofree char *iso = mc_date_to_iso (day);
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT count (*) FROM queue_ticket WHERE day = ? AND state = 'waiting' "
                                       "AND service_id = ?", error);
  int n = -1;

  if (stmt == NULL)
    return -1;
  mc_sql_bind_text (stmt, 1, iso, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int64 (stmt, 2, service_id);
  if (mc_db_step_row (db, stmt, error) == MC_DB_STEP_ROW)
    n = mc_sql_column_int (stmt, 0);
  mc_sql_reset (stmt);
  return n;
}

/* The rule printed on the ticket ("Thời gian chờ dự kiến"). The service's
 * counters open today call in turn, each one person per average service
 * time, so the people ahead are served `open_counters` at a time:
 *
 *   wait = ceil (ahead / open_counters) × average service time
 *
 * e.g. 7 ahead, 2 counters, 6 min a person: 4 rounds × 6 = 24 min. The
 * average is that of the service's tickets done today (served → done), not
 * a figure from another day: the morning's first tickets print "đang cập
 * nhật" until one is done, rather than a guess. A counter is open when it
 * is active, calls the service and has called a ticket today (an active
 * counter nobody sits at does not shorten the wait). Priority tickets
 * taken later may still be called first (the priority rule), so this is an
 * estimate, and the ticket says "dự kiến". No data: -1. */
gint64
mc_kiosk_wait_rule (int ahead, gint64 average_service_seconds, int open_counters)
{
  if (ahead <= 0)
    return 0;
  if (average_service_seconds <= 0 || open_counters <= 0)
    return -1;
  return (gint64) ((ahead + open_counters - 1) / open_counters) * average_service_seconds;
}

static gboolean
read_average (McDb *db, McQueueTicket *ticket, gint64 *average, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT CAST (sum (done_at - served_at) AS bigint), count (*) "
                                       "FROM queue_ticket WHERE day = ? AND service_id = ? AND state = 'done' "
                                       "AND served_at IS NOT NULL AND done_at >= served_at", error);
  gint64 n;

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, mc_queue_ticket_get_day (ticket), -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int64 (stmt, 2, mc_queue_ticket_get_service_id (ticket));
  if (mc_db_step_row (db, stmt, error) != MC_DB_STEP_ROW)
    return FALSE;
  n = mc_sql_column_int64 (stmt, 1);
  /* Rounded to the second; a service of a few seconds is still counted. */
  *average = n > 0 ? MAX ((mc_sql_column_int64 (stmt, 0) + n / 2) / n, 1) : -1;
  mc_sql_reset (stmt);
  return TRUE;
}

static gboolean
read_open_counters (McDb *db, McQueueTicket *ticket, int *open, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT count (*) FROM queue_counter c WHERE c.active <> 0 "
                                       "AND EXISTS (SELECT 1 FROM queue_counter_service cs WHERE cs.counter_id = c.id "
                                       "AND cs.service_id = ?) AND EXISTS (SELECT 1 FROM queue_ticket t "
                                       "WHERE t.counter_id = c.id AND t.day = ? AND t.called_at IS NOT NULL)", error);

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, mc_queue_ticket_get_service_id (ticket));
  mc_sql_bind_text (stmt, 2, mc_queue_ticket_get_day (ticket), -1, MC_SQL_TRANSIENT);
  if (mc_db_step_row (db, stmt, error) != MC_DB_STEP_ROW)
    return FALSE;
  *open = mc_sql_column_int (stmt, 0);
  mc_sql_reset (stmt);
  return TRUE;
}

gboolean
mc_kiosk_wait_inputs (McQueue *queue, McQueueTicket *ticket, gint64 *average_service_seconds, int *open_counters,
                      GError **error)
{
  McDb *db;

  g_return_val_if_fail (MC_IS_QUEUE (queue) && MC_IS_QUEUE_TICKET (ticket), FALSE);
  db = mc_queue_get_db (queue);
  return read_average (db, ticket, average_service_seconds, error) && read_open_counters (db, ticket, open_counters, error);
}

char *
mc_kiosk_format_wait (gint64 seconds)
{
  gint64 minutes, hours;

  if (seconds < 0)
    return g_strdup (_("updating"));
  if (seconds == 0)
    return g_strdup (_("your turn is next"));
  /* Up to the minute: a wait is never announced shorter than reckoned. */
  minutes = (seconds + 59) / 60;
  hours = minutes / 60;
  if (hours == 0)
    /* Translators: an estimated wait, e.g. "about 25 minutes". */
    return g_strdup_printf (ngettext ("about %d minute", "about %d minutes", (gulong) minutes), (int) minutes);
  if (minutes % 60 == 0)
    return g_strdup_printf (ngettext ("about %d hour", "about %d hours", (gulong) hours), (int) hours);
  /* Translators: an estimated wait of hours and minutes, e.g. "about 1 h 10 min". */
  return g_strdup_printf (_("about %d h %d min"), (int) hours, (int) (minutes % 60));
}

/* ---- the ticket ------------------------------------------------------- */

void
mc_kiosk_ticket_free (McKioskTicket *ticket)
{
  if (ticket == NULL)
    return;
  g_free (ticket->office_name);
  g_free (ticket->unit_name);
  g_free (ticket->label);
  g_free (ticket->service);
  g_free (ticket->qr);
  g_free (ticket);
}

char *
mc_kiosk_ticket_qr (McQueueTicket *ticket)
{
  g_return_val_if_fail (MC_IS_QUEUE_TICKET (ticket), NULL);
  return g_strdup_printf ("STT:%s;NGAY:%s;DV:%" G_GINT64_FORMAT, mc_queue_ticket_get_label (ticket),
                          mc_queue_ticket_get_day (ticket), mc_queue_ticket_get_service_id (ticket));
}

McKioskTicket *
mc_kiosk_ticket_new (McQueue *queue, McQueueTicket *ticket, GError **error)
{
  g_autoptr(McKioskTicket) k = g_new0 (McKioskTicket, 1);
  g_autoptr(McUnit) own = NULL;
  McDb *db;
  gint64 average;
  int open;

  g_return_val_if_fail (MC_IS_QUEUE (queue) && MC_IS_QUEUE_TICKET (ticket), NULL);
  db = mc_queue_get_db (queue);
  if ((k->office_name = mc_db_get_setting (db, "unit.office_name", "Trung tâm Phục vụ hành chính công", error)) == NULL ||
      (own = mc_unit_get_own (db, error)) == NULL ||
      (k->ahead = mc_queue_count_ahead (queue, ticket, error)) < 0 ||
      !mc_kiosk_wait_inputs (queue, ticket, &average, &open, error))
    return NULL;
  k->unit_name = g_strdup (mc_unit_get_name (own) ? mc_unit_get_name (own) : "");
  k->label = g_strdup (mc_queue_ticket_get_label (ticket));
  k->service = g_strdup (mc_queue_ticket_get_service_name (ticket));
  k->priority = mc_queue_ticket_get_priority (ticket);
  k->taken_at = mc_queue_ticket_get_taken_at (ticket);
  k->wait_seconds = mc_kiosk_wait_rule (k->ahead, average, open);
  k->qr = mc_kiosk_ticket_qr (ticket);
  return g_steal_pointer (&k);
}

/* ---- the dossier look-up ---------------------------------------------- */

void
mc_kiosk_dossier_free (McKioskDossier *dossier)
{
  if (dossier == NULL)
    return;
  g_free (dossier->code);
  g_free (dossier->applicant);
  g_free (dossier->procedure);
  g_free (dossier->state);
  g_free (dossier);
}

const char *
mc_kiosk_timeliness_label (McKioskTimeliness timeliness)
{
  switch (timeliness)
    {
    case MC_KIOSK_IN_TIME:
      return _("In time");
    case MC_KIOSK_OVERDUE:
      return _("Overdue");
    case MC_KIOSK_EARLY:
      return _("Settled before the appointment");
    case MC_KIOSK_ON_TIME:
      return _("Settled on time");
    case MC_KIOSK_LATE:
      return _("Settled late");
    case MC_KIOSK_SETTLED:
    default:
      return _("Settled");
    }
}

/* The code without spaces and line ends (a scanner ends with Enter; a
 * keypad may leave a space). NULL when
 * what is left is not made of a code's characters. */
static char *
clean_code (const char *typed)
{
  GString *s = g_string_new (NULL);

  for (const char *p = typed ? typed : ""; *p; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-')
        return (g_string_free (s, TRUE), NULL);
      g_string_append_c (s, *p);
    }
  if (s->len == 0 || s->len > 64)
    return (g_string_free (s, TRUE), NULL);
  return g_string_free (s, FALSE);
}

/* "231027-0361" (the date and the number, digits only): the own unit's
 * dossier of that tail, as mc-dossier-store.c makes codes (UNIT-YYMMDD-N). */
static gboolean
is_tail (const char *code)
{
  const char *dash = strchr (code, '-');

  if (dash == NULL || dash - code != 6 || strchr (dash + 1, '-') != NULL || dash[1] == '\0')
    return FALSE;
  for (const char *p = code; *p; p++)
    if (!g_ascii_isdigit (*p) && p != dash)
      return FALSE;
  return TRUE;
}

/* A dossier found not qualified or withdrawn keeps the timeliness its close
 * was counted with (the reports need it), but it was not "giải quyết": a
 * citizen refused at the kiosk must not read "Đã giải quyết trước hạn" beside
 * "Không đủ điều kiện"; the state alone says what happened. */
static McKioskTimeliness
timeliness_of (const char *state, const char *stored, McTime finished_at, const McDeadlines *deadlines,
               McTime now)
{
  if (g_strcmp0 (state, "unqualified") == 0 || g_strcmp0 (state, "withdrawn") == 0)
    return MC_KIOSK_SETTLED;
  if (finished_at != 0)
    return g_strcmp0 (stored, "early") == 0     ? MC_KIOSK_EARLY
           : g_strcmp0 (stored, "on_time") == 0 ? MC_KIOSK_ON_TIME
           : g_strcmp0 (stored, "late") == 0    ? MC_KIOSK_LATE
                                                : MC_KIOSK_SETTLED;
  return mc_deadlines_is_overdue (deadlines, now) ? MC_KIOSK_OVERDUE : MC_KIOSK_IN_TIME;
}

static McKioskDossier *
read_dossier (McDb *db, const char *code, McTime now, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT code, applicant, procedure_name, state, received_at, due_at, "
                                       "extended_due_at, extended_at, paused_since, finished_at, returned_at, "
                                       "timeliness FROM kiosk_dossier WHERE code = ?", error);
  g_autoptr(McKioskDossier) d = NULL;
  McDeadlines deadlines = { 0 };

  if (stmt == NULL)
    return NULL;
  mc_sql_bind_text (stmt, 1, code, -1, MC_SQL_TRANSIENT);
  switch (mc_db_step_row (db, stmt, error))
    {
    case MC_DB_STEP_ROW:
      break;
    case MC_DB_STEP_DONE:
      g_set_error (error, MC_KIOSK_ERROR, MC_KIOSK_ERROR_NOT_FOUND,
                   _("No dossier has the code “%s”: check the code on your receipt, or ask at the counter"), code);
      return NULL;
    default:
      return NULL;
    }
  d = g_new0 (McKioskDossier, 1);
  d->code = g_strdup ((const char *) mc_sql_column_text (stmt, 0));
  /* Masked here on both engines: PostgreSQL's view masks already, and a
   * masked name stays as it is. */
  d->applicant = mc_privacy_mask_name ((const char *) mc_sql_column_text (stmt, 1));
  d->procedure = g_strdup ((const char *) mc_sql_column_text (stmt, 2));
  d->state = g_strdup ((const char *) mc_sql_column_text (stmt, 3));
  deadlines.received_at = d->received_at = mc_sql_column_int64 (stmt, 4);
  deadlines.due_at = mc_sql_column_int64 (stmt, 5);
  deadlines.extended_due_at = mc_sql_column_int64 (stmt, 6);
  deadlines.extended_at = mc_sql_column_int64 (stmt, 7);
  deadlines.paused_since = mc_sql_column_int64 (stmt, 8);
  deadlines.finished_at = d->finished_at = mc_sql_column_int64 (stmt, 9);
  d->returned_at = mc_sql_column_int64 (stmt, 10);
  d->appointment = mc_deadlines_appointment (&deadlines, now);
  d->timeliness = timeliness_of (d->state, (const char *) mc_sql_column_text (stmt, 11), d->finished_at,
                                 &deadlines, now);
  mc_sql_reset (stmt);
  return g_steal_pointer (&d);
}

McKioskDossier *
mc_kiosk_lookup (McDb *db, const char *typed, McTime now, GError **error)
{
  g_autofree char *code = clean_code (typed);

  g_return_val_if_fail (MC_IS_DB (db), NULL);
  if (code == NULL)
    {
      g_set_error_literal (error, MC_KIOSK_ERROR, MC_KIOSK_ERROR_INVALID,
                           _("This is not a dossier code: scan the QR code on your receipt, or type the code "
                             "printed under it"));
      return NULL;
    }
  if (is_tail (code))
    {
      g_autoptr(McUnit) own = mc_unit_get_own (db, error);
      g_autofree char *full = NULL;

      if (own == NULL)
        return NULL;
      full = g_strdup_printf ("%s-%s", mc_unit_get_code (own), code);
      return read_dossier (db, full, now, error);
    }
  return read_dossier (db, code, now, error);
}

gboolean
mc_kiosk_window_wanted (int argc, char **argv, const char **db_path)
{
  int i = 1;

  while (i < argc && g_str_has_prefix (argv[i], "--db"))
    {
      if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        {
          if (db_path)
            *db_path = argv[i + 1];
          i += 2;
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          if (db_path)
            *db_path = argv[i] + 5;
          i++;
        }
      else
        return FALSE;
    }
  return i == argc - 1 && g_str_equal (argv[i], "kiosk");
}
