/* mc-cli-queue.c — motcua queue take|call|recall|serve|finish|skip|transfer|
 * invite|rate|status|mine|stats|service|counter
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Thin over core's queue (mc-queue.c, mc-queue-stats.c). Who may run what
 * is in mc-cli.c's access_table and checked again in core: taking a ticket
 * needs nobody (the kiosk), the counter's actions a reception clerk in their
 * own name, services and counters the administrator.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-cli.h"
#include "mc-format.h"
#include "mc-queue-clerk.h"
#include "mc-queue-rating.h"
/* take (its --ticket-pdf), ticket and stats (its documents) are
 * motcua-full's (mc_cli_is_light_command): `motcua` runs the counter's
 * actions, status, services and counters without the document libraries. */
#ifndef MC_CLI_LIGHT
#include "mc-export-file.h"
#include "mc-queue-report.h"
#include "mc-queue-stats.h"
#include "mc-report-doc.h"
#endif

#define USAGE N_("Usage: motcua queue take --service S [--priority KIND] [--at TIME] [--ticket-pdf FILE.pdf]\n" \
                 "       motcua queue ticket --number LABEL [--day YYYY-MM-DD] --output FILE.pdf\n" \
                 "       motcua queue call|recall|serve|finish|skip --counter N [--at TIME]\n" \
                 "       motcua queue transfer --counter N (--to-counter M | --to-service S) [--at TIME]\n" \
                 "       motcua queue invite --counter N [--at TIME]\n" \
                 "       motcua queue rate --ticket A025 --level 1-5 [--day YYYY-MM-DD] [--at TIME]\n" \
                 "       motcua queue status [--counter N] [--day YYYY-MM-DD]\n" \
                 "       motcua queue mine [--day YYYY-MM-DD]\n" \
                 "       motcua queue stats --from YYYY-MM-DD --to YYYY-MM-DD [--by day|counter|service|hour]\n" \
                 "                          [--format text|csv|json | --format xlsx|pdf --output FILE]\n" \
                 "       motcua queue service add --name NAME [--prefix A] [--first N] [--last N] | service list\n" \
                 "       motcua queue counter add --number N --name NAME --services S,S… | counter list\n" \
                 "KIND: nguoi_cao_tuoi, nguoi_khuyet_tat, phu_nu_mang_thai, lich_hen_truc_tuyen;\n" \
                 "S: a service's letter, name or number; TIME: \"YYYY-MM-DD HH:MM\";\n" \
                 "level: 1 very dissatisfied … 5 very satisfied")

typedef struct {
  const char *service, *priority, *at, *counter, *to_counter, *to_service, *day;
  const char *from, *to, *by, *format, *name, *prefix, *first, *last, *number, *services, *output;
  const char *ticket, *level;
  const char *ticket_pdf;
} Options;

static gboolean
parse_options (int argc, char **argv, int first, Options *o)
{
  static const struct {
    const char *name;
    gsize       offset;
  } names[] = {
    { "--service", G_STRUCT_OFFSET (Options, service) },       { "--priority", G_STRUCT_OFFSET (Options, priority) },
    { "--at", G_STRUCT_OFFSET (Options, at) },                 { "--counter", G_STRUCT_OFFSET (Options, counter) },
    { "--to-counter", G_STRUCT_OFFSET (Options, to_counter) }, { "--to-service", G_STRUCT_OFFSET (Options, to_service) },
    { "--day", G_STRUCT_OFFSET (Options, day) },               { "--from", G_STRUCT_OFFSET (Options, from) },
    { "--to", G_STRUCT_OFFSET (Options, to) },                 { "--by", G_STRUCT_OFFSET (Options, by) },
    { "--format", G_STRUCT_OFFSET (Options, format) },         { "--name", G_STRUCT_OFFSET (Options, name) },
    { "--prefix", G_STRUCT_OFFSET (Options, prefix) },         { "--first", G_STRUCT_OFFSET (Options, first) },
    { "--last", G_STRUCT_OFFSET (Options, last) },             { "--number", G_STRUCT_OFFSET (Options, number) },
    { "--services", G_STRUCT_OFFSET (Options, services) },      { "--ticket", G_STRUCT_OFFSET (Options, ticket) },
    { "--level", G_STRUCT_OFFSET (Options, level) },           { "--output", G_STRUCT_OFFSET (Options, output) },
    { "-o", G_STRUCT_OFFSET (Options, output) },               { "--ticket-pdf", G_STRUCT_OFFSET (Options, ticket_pdf) },
  };

  memset (o, 0, sizeof *o);
  for (int i = first; i < argc; i += 2)
    {
      guint k;

      for (k = 0; k < G_N_ELEMENTS (names); k++)
        if (g_str_equal (argv[i], names[k].name))
          break;
      if (k == G_N_ELEMENTS (names) || i + 1 >= argc)
        return FALSE;
      G_STRUCT_MEMBER (const char *, o, names[k].offset) = argv[i + 1];
    }
  return TRUE;
}

/* A macro, so that the format stays a literal (through _()) the compiler checks. */
#define invalid(format, value) mc_cli_fail (g_error_new (MC_QUEUE_ERROR, MC_QUEUE_ERROR_INVALID, format, value))

static gboolean
parse_int (const char *text, int min, int max, int *out)
{
  guint64 v;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, (guint64) min, (guint64) max, &v, NULL))
    return FALSE;
  *out = (int) v;
  return TRUE;
}

static gboolean
parse_at (const char *text, McTime *at)
{
  *at = mc_time_now ();
  return text == NULL || mc_time_parse_iso (text, at);
}

/* label, service, state, counter (empty if none), taken at. */
static void
print_ticket (McQueueTicket *t)
{
  g_autofree char *counter = mc_queue_ticket_get_counter (t) ? g_strdup_printf ("%d", mc_queue_ticket_get_counter (t))
                                                             : g_strdup ("");
  g_autofree char *taken = mc_time_to_iso (mc_queue_ticket_get_taken_at (t));

  mc_cli_print_row (mc_queue_ticket_get_label (t), mc_queue_ticket_get_service_name (t),
                    mc_queue_state_label (mc_queue_ticket_get_state (t)), counter, taken,
                    mc_queue_priority_label (mc_queue_ticket_get_priority (t)));
}

#ifndef MC_CLI_LIGHT
static int
take (McQueue *queue, const Options *o)
{
  g_autoptr(McQueueService) s = NULL;
  g_autoptr(McQueueTicket) t = NULL;
  GError *error = NULL;
  McQueuePriority priority;
  McTime at;
  int ahead;

  if (o->service == NULL)
    return mc_cli_usage (_(USAGE));
  if (!mc_queue_priority_from_string (o->priority, &priority))
    return invalid (_("Unknown priority “%s”: nguoi_cao_tuoi, nguoi_khuyet_tat, phu_nu_mang_thai or "
                      "lich_hen_truc_tuyen"), o->priority);
  if (!parse_at (o->at, &at))
    return invalid (_("Invalid time “%s”: write it as YYYY-MM-DD HH:MM"), o->at);
  /* The file is checked before the ticket is taken: a refused path takes no number. */
  if (o->ticket_pdf && !mc_cli_check_output (o->ticket_pdf, &error))
    return mc_cli_fail (error);
  if ((s = mc_queue_find_service (queue, o->service, &error)) == NULL ||
      (t = mc_queue_take (queue, s->id, priority, at, &error)) == NULL ||
      (ahead = mc_queue_count_ahead (queue, t, &error)) < 0)
    return mc_cli_fail (error);
  {
    g_autofree char *n = g_strdup_printf ("%d", ahead);
    g_autofree char *taken = mc_time_to_iso (mc_queue_ticket_get_taken_at (t));

    /* label, service, taken at, people waiting ahead */
    mc_cli_print_row (mc_queue_ticket_get_label (t), s->name, taken, n);
  }
  return o->ticket_pdf ? mc_cli_queue_write_ticket (queue, t, o->ticket_pdf) : 0;
}

#endif

static int
at_counter (McQueue *queue, const char *action, const Options *o)
{
  g_autoptr(McQueueTicket) t = NULL;
  g_autoptr(McQueueService) to_service = NULL;
  GError *error = NULL;
  int counter, to_counter = 0;
  McTime at;

  if (!parse_int (o->counter, 1, 999, &counter))
    return o->counter ? invalid (_("Invalid counter number “%s”"), o->counter) : mc_cli_usage (_(USAGE));
  if (!parse_at (o->at, &at))
    return invalid (_("Invalid time “%s”: write it as YYYY-MM-DD HH:MM"), o->at);
  if (g_str_equal (action, "call"))
    t = mc_queue_call_next (queue, counter, at, &error);
  else if (g_str_equal (action, "recall"))
    t = mc_queue_recall (queue, counter, at, &error);
  else if (g_str_equal (action, "serve"))
    t = mc_queue_serve (queue, counter, at, &error);
  else if (g_str_equal (action, "finish"))
    t = mc_queue_finish (queue, counter, at, &error);
  else if (g_str_equal (action, "skip"))
    t = mc_queue_skip (queue, counter, at, &error);
  else if (g_str_equal (action, "invite"))
    t = mc_queue_invite_rating (queue, counter, at, &error);
  else if (o->to_counter && !parse_int (o->to_counter, 1, 999, &to_counter))
    return invalid (_("Invalid counter number “%s”"), o->to_counter);
  else if (o->to_service && (to_service = mc_queue_find_service (queue, o->to_service, &error)) == NULL)
    return mc_cli_fail (error);
  else
    t = mc_queue_transfer (queue, counter, to_counter, to_service ? to_service->id : 0, at, &error);
  if (t == NULL)
    return mc_cli_fail (error);
  print_ticket (t);
  return 0;
}

/* The citizen's rating (what the counter display records): the ticket, the
 * level's words, then the dossiers that took it as their rating. */
static int
rate (McQueue *queue, const Options *o)
{
  g_autoptr(McQueueTicket) t = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  GError *error = NULL;
  McTime at;
  McDate day;
  int level;

  if (o->ticket == NULL || o->level == NULL)
    return mc_cli_usage (_(USAGE));
  if (!parse_int (o->level, 1, MC_QUEUE_RATING_LEVELS, &level))
    return invalid (_("Invalid level “%s”: from 1 (very dissatisfied) to 5 (very satisfied)"), o->level);
  if (!parse_at (o->at, &at))
    return invalid (_("Invalid time “%s”: write it as YYYY-MM-DD HH:MM"), o->at);
  day = mc_time_get_date (at);
  if (o->day && !mc_date_parse_iso (o->day, &day))
    return invalid (_("Invalid date “%s”: write it as YYYY-MM-DD"), o->day);
  if ((t = mc_queue_find_ticket (queue, o->ticket, day, &error)) == NULL ||
      !mc_queue_rate (queue, mc_queue_ticket_get_id (t), level, at, &error))
    return mc_cli_fail (error);
  /* The rating is recorded; the dossiers are told only where they can be
   * read (a board's login on a server may not read them). */
  codes = mc_queue_rated_dossiers (queue, mc_queue_ticket_get_id (t), NULL);
  if (codes)
    g_ptr_array_add (codes, NULL);
  {
    g_autofree char *joined = codes ? g_strjoinv (";", (char **) codes->pdata) : g_strdup ("");

    /* label, level, its words, the dossiers rated with it */
    mc_cli_print_row (mc_queue_ticket_get_label (t), o->level, mc_queue_rating_level_label (level), joined);
  }
  return 0;
}

/* Whether the counter numbered `number` would call this waiting ticket. */
static gboolean
waits_for (GPtrArray *counters, int number, McQueueTicket *t)
{
  if (mc_queue_ticket_get_counter (t) != 0)
    return mc_queue_ticket_get_counter (t) == number;
  for (guint i = 0; i < counters->len; i++)
    {
      McQueueCounter *c = counters->pdata[i];

      for (guint k = 0; c->number == number && k < c->service_ids->len; k++)
        if (g_array_index (c->service_ids, gint64, k) == mc_queue_ticket_get_service_id (t))
          return TRUE;
    }
  return FALSE;
}

/* One line per counter (its current ticket), then one per service (how
 * many wait), or the counter's line and the tickets waiting for it. */
static int
status (McQueue *queue, const Options *o)
{
  g_autoptr(GPtrArray) counters = NULL, day = NULL;
  GError *error = NULL;
  McDate date = mc_time_get_date (mc_time_now ());
  int only = 0;

  if (o->counter && !parse_int (o->counter, 1, 999, &only))
    return invalid (_("Invalid counter number “%s”"), o->counter);
  if (o->day && !mc_date_parse_iso (o->day, &date))
    return invalid (_("Invalid date “%s”: write it as YYYY-MM-DD"), o->day);
  if ((counters = mc_queue_list_counters (queue, &error)) == NULL ||
      (day = mc_queue_list_day (queue, date, &error)) == NULL)
    return mc_cli_fail (error);
  for (guint i = 0; i < counters->len; i++)
    {
      McQueueCounter *c = counters->pdata[i];
      g_autofree char *number = g_strdup_printf ("%d", c->number);
      McQueueTicket *current = NULL;

      if (only && c->number != only)
        continue;
      for (guint k = 0; k < day->len; k++)
        {
          McQueueTicket *t = day->pdata[k];
          McQueueState st = mc_queue_ticket_get_state (t);

          if (mc_queue_ticket_get_counter (t) == c->number &&
              (st == MC_QUEUE_STATE_CALLED || st == MC_QUEUE_STATE_SERVING))
            current = t;
        }
      mc_cli_print_row ("counter", number, c->name, current ? mc_queue_ticket_get_label (current) : "",
                        current ? mc_queue_state_label (mc_queue_ticket_get_state (current)) : "");
    }
  for (guint k = 0; k < day->len; k++)
    if (mc_queue_ticket_get_state (day->pdata[k]) == MC_QUEUE_STATE_WAITING &&
        (only == 0 || waits_for (counters, only, day->pdata[k])))
      {
        g_autofree char *to = mc_queue_ticket_get_counter (day->pdata[k])
                                ? g_strdup_printf ("%d", mc_queue_ticket_get_counter (day->pdata[k])) : g_strdup ("");

        mc_cli_print_row ("waiting", mc_queue_ticket_get_label (day->pdata[k]),
                          mc_queue_ticket_get_service_name (day->pdata[k]), to,
                          mc_queue_priority_label (mc_queue_ticket_get_priority (day->pdata[k])));
      }
  return 0;
}

#ifndef MC_CLI_LIGHT
/* Columns of the text table: padded by characters, not bytes (UTF-8). */
static void
print_padded (const char *const *cells, guint n, long first_width)
{
  for (guint i = 0; i < n; i++)
    {
      long width = i == 0 ? first_width : 11, len = g_utf8_strlen (cells[i], -1);

      if (i == 0)
        g_print ("%s%*s", cells[i], (int) MAX (width - len, 1), "");
      else
        g_print ("%*s%s", (int) MAX (width - len, 1), "", cells[i]);
    }
  g_print ("\n");
}

/* Seconds as minutes with one decimal (Vietnamese: 7,5), empty for none. */
static char *
minutes (double seconds)
{
  return seconds < 0 ? g_strdup ("") : mc_format_decimal (seconds / 60.0, 1);
}

/* Every grouping at once: the JSON for programs, or Thống kê xếp hàng as
 * the page exports it (XLSX, PDF: mc-queue-report.c's document). */
static int
stats_document (McQueue *queue, McDate from, McDate to, const Options *o)
{
  g_autoptr(McQueueStatsAll) all = NULL;
  g_autoptr(McReportDocument) doc = NULL;
  GError *error = NULL;
  gboolean json = g_str_equal (o->format, "json");

  if (!json && o->output == NULL)
    return mc_cli_usage (_(USAGE));
  if (o->output != NULL && !mc_cli_check_output (o->output, &error))
    return mc_cli_fail (error);
  if ((all = mc_queue_stats_all (queue, from, to, &error)) == NULL)
    return mc_cli_fail (error);
  if (json)
    {
      g_autofree char *text = mc_queue_stats_all_to_json (all);

      if (o->output == NULL)
        {
          g_print ("%s", text);
          return 0;
        }
      return mc_export_file_set_contents (o->output, text, -1, &error) ? 0 : mc_cli_fail (error);
    }
  if ((doc = mc_queue_report_new (mc_queue_get_db (queue), all, &error)) == NULL ||
      !mc_report_doc_write (doc, o->format, o->output, &error))
    return mc_cli_fail (error);
  return 0;
}

static int
stats (McQueue *queue, const Options *o)
{
  g_autoptr(GPtrArray) rows = NULL;
  GError *error = NULL;
  McDate from, to;
  McQueueStatsBy by = MC_QUEUE_STATS_BY_DAY;
  gboolean csv = g_strcmp0 (o->format, "csv") == 0;
  long key_width;

  if (o->from == NULL || o->to == NULL)
    return mc_cli_usage (_(USAGE));
  if (!mc_date_parse_iso (o->from, &from))
    return invalid (_("Invalid date “%s”: write it as YYYY-MM-DD"), o->from);
  if (!mc_date_parse_iso (o->to, &to) || to < from)
    return invalid (_("Invalid end date “%s”: write it as YYYY-MM-DD, not before the start"), o->to);
  if (o->by && !mc_queue_stats_by_from_string (o->by, &by))
    return invalid (_("Unknown grouping “%s”: day, counter, service or hour"), o->by);
  if (o->format && (g_str_equal (o->format, "json") || g_str_equal (o->format, "xlsx") ||
                    g_str_equal (o->format, "pdf")))
    return stats_document (queue, from, to, o);
  if (o->format && !csv && !g_str_equal (o->format, "text"))
    return invalid (_("Unknown format “%s”: text, csv, json, xlsx or pdf"), o->format);
  if ((rows = mc_queue_stats (queue, from, to, by, &error)) == NULL)
    return mc_cli_fail (error);
  /* The group column as wide as its longest name: a service is named by
   * the administrator ("Đăng ký kinh doanh và đầu tư" is 28 characters), and a
   * fixed width pushed the figures of long names out of their columns. */
  key_width = g_utf8_strlen (_("Group"), -1);
  for (guint i = 0; i < rows->len; i++)
    key_width = MAX (key_width, g_utf8_strlen (((McQueueStatsRow *) rows->pdata[i])->key, -1));
  key_width += 2;
  if (csv)
    g_print ("%s\n", "nhom,so_phat,da_phuc_vu,vang_mat,cho_tb_phut,cho_p90_phut,phuc_vu_tb_phut");
  else
    print_padded ((const char *[]) { _("Group"), _("Issued"), _("Served"), _("Absent"), _("Wait avg"),
                                     _("Wait p90"), _("Service") }, 7, key_width);
  for (guint i = 0; i < rows->len; i++)
    {
      McQueueStatsRow *r = rows->pdata[i];
      g_autofree char *wait = minutes (r->wait_avg), *p90 = minutes ((double) r->wait_p90);
      g_autofree char *service = minutes (r->service_avg);
      g_autofree char *issued = mc_format_count (r->issued), *served = mc_format_count (r->served);
      g_autofree char *absent = mc_format_count (r->absent);

      if (csv)
        {
          g_auto(GStrv) parts = g_strsplit (r->key, "\"", -1);
          g_autofree char *key = g_strjoinv ("\"\"", parts);
          /* Plain numbers for a spreadsheet: minutes with a point. */
          g_print ("\"%s\",%d,%d,%d,%.1f,%.1f,%.1f\n", key, r->issued, r->served, r->absent,
                   r->wait_avg < 0 ? 0 : r->wait_avg / 60, r->wait_p90 < 0 ? 0 : r->wait_p90 / 60.0,
                   r->service_avg < 0 ? 0 : r->service_avg / 60);
        }
      else
        print_padded ((const char *[]) { r->key, issued, served, absent, wait, p90, service }, 7, key_width);
    }
  return 0;
}

#endif

static int
service (McQueue *queue, int argc, char **argv)
{
  Options o;
  GError *error = NULL;
  int first = 1, last = 999;

  if (argc == 3 && g_str_equal (argv[2], "list"))
    {
      g_autoptr(GPtrArray) all = mc_queue_list_services (queue, FALSE, &error);

      if (all == NULL)
        return mc_cli_fail (error);
      for (guint i = 0; i < all->len; i++)
        {
          McQueueService *s = all->pdata[i];
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, s->id);
          g_autofree char *range = g_strdup_printf ("%d-%d", s->first_number, s->last_number);

          /* id, letter, range, active, name */
          mc_cli_print_row (id, s->prefix, range, s->active ? "active" : "inactive", s->name);
        }
      return 0;
    }
  if (argc < 3 || !g_str_equal (argv[2], "add") || !parse_options (argc, argv, 3, &o) || o.name == NULL)
    return mc_cli_usage (_(USAGE));
  if ((o.first && !parse_int (o.first, 1, 99999, &first)) || (o.last && !parse_int (o.last, 1, 99999, &last)))
    return invalid (_("Invalid number “%s”: from 1 to 99.999"), o.first && !parse_int (o.first, 1, 99999, &first)
                                                                  ? o.first : o.last);
  {
    g_autoptr(McQueueService) s = mc_queue_add_service (queue, o.name, o.prefix, first, last, &error);
    g_autofree char *id = NULL;

    if (s == NULL)
      return mc_cli_fail (error);
    id = g_strdup_printf ("%" G_GINT64_FORMAT, s->id);
    mc_cli_print_row (id, s->prefix, s->name);
  }
  return 0;
}

static int
list_counters (McQueue *queue)
{
  g_autoptr(GPtrArray) counters = NULL, services = NULL;
  GError *error = NULL;

  if ((counters = mc_queue_list_counters (queue, &error)) == NULL ||
      (services = mc_queue_list_services (queue, FALSE, &error)) == NULL)
    return mc_cli_fail (error);
  for (guint i = 0; i < counters->len; i++)
    {
      McQueueCounter *c = counters->pdata[i];
      g_autofree char *number = g_strdup_printf ("%d", c->number);
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint k = 0; k < c->service_ids->len; k++)
        for (guint j = 0; j < services->len; j++)
          if (((McQueueService *) services->pdata[j])->id == g_array_index (c->service_ids, gint64, k))
            g_string_append_printf (names, "%s%s", names->len ? "; " : "",
                                    ((McQueueService *) services->pdata[j])->name);
      /* number, name, active, the services it calls */
      mc_cli_print_row (number, c->name, c->active ? "active" : "inactive", names->str);
    }
  return 0;
}

static int
counter (McQueue *queue, int argc, char **argv)
{
  Options o;
  GError *error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) keys = NULL;
  int number;

  if (argc == 3 && g_str_equal (argv[2], "list"))
    return list_counters (queue);
  if (argc < 3 || !g_str_equal (argv[2], "add") || !parse_options (argc, argv, 3, &o) || o.name == NULL ||
      o.number == NULL)
    return mc_cli_usage (_(USAGE));
  if (!parse_int (o.number, 1, 999, &number))
    return invalid (_("Invalid counter number “%s”"), o.number);
  keys = g_strsplit (o.services ? o.services : "", ",", -1);
  for (int i = 0; keys[i]; i++)
    {
      g_autoptr(McQueueService) s = NULL;

      if (*g_strstrip (keys[i]) == '\0')
        continue;
      if ((s = mc_queue_find_service (queue, keys[i], &error)) == NULL)
        return mc_cli_fail (error);
      g_array_append_val (ids, s->id);
    }
  {
    g_autoptr(McQueueCounter) c = mc_queue_add_counter (queue, number, o.name, (gint64 *) ids->data, ids->len, &error);

    if (c == NULL)
      return mc_cli_fail (error);
  }
  return list_counters (queue);
}

/* The signed-in clerk's day: one figure a line, "name<TAB>value", seconds
 * and averages with a dot, empty where there is none. */
static int
mine (McQueue *queue, const Options *o)
{
  McDate day = mc_time_get_date (mc_time_now ());
  McQueueClerkDay d;
  GError *error = NULL;
  char avg[3][G_ASCII_DTOSTR_BUF_SIZE];

  if (o->day && !mc_date_parse_iso (o->day, &day))
    return invalid (_("Invalid date “%s”: write it as YYYY-MM-DD"), o->day);
  if (!mc_queue_clerk_day (queue, mc_db_get_actor (mc_queue_get_db (queue)), day, &d, &error))
    return mc_cli_fail (error);
  g_ascii_formatd (avg[0], sizeof avg[0], "%.1f", d.wait_avg);
  g_ascii_formatd (avg[1], sizeof avg[1], "%.1f", d.service_avg);
  g_ascii_formatd (avg[2], sizeof avg[2], "%.2f", d.rating_avg);
  g_print ("called\t%d\nserved\t%d\nabsent\t%d\nwait_avg_s\t%s\nservice_avg_s\t%s\nratings\t%d\n"
           "rating_avg\t%s\n", d.called, d.served, d.absent, d.wait_avg < 0 ? "" : avg[0],
           d.service_avg < 0 ? "" : avg[1], d.ratings, d.rating_avg < 0 ? "" : avg[2]);
  for (int level = 5; level >= 1; level--)
    g_print ("rating_%d\t%d\n", level, d.levels[level - 1]);
  return 0;
}

int
mc_cli_queue (McDb *db, int argc, char **argv)
{
  g_autoptr(McQueue) queue = mc_queue_new (db);
  static const char *const counter_actions[] = { "call", "recall", "serve", "finish", "skip", "transfer", "invite",
                                                  NULL };
  Options o;

  if (argc < 2)
    return mc_cli_usage (_(USAGE));
  if (g_str_equal (argv[1], "service"))
    return service (queue, argc, argv);
  if (g_str_equal (argv[1], "counter"))
    return counter (queue, argc, argv);
  if (!parse_options (argc, argv, 2, &o))
    return mc_cli_usage (_(USAGE));
#ifndef MC_CLI_LIGHT
  if (g_str_equal (argv[1], "take"))
    return take (queue, &o);
#endif
  if (g_strv_contains (counter_actions, argv[1]))
    return at_counter (queue, argv[1], &o);
  if (g_str_equal (argv[1], "rate"))
    return rate (queue, &o);
  if (g_str_equal (argv[1], "status"))
    return status (queue, &o);
  if (g_str_equal (argv[1], "mine"))
    return mine (queue, &o);
#ifndef MC_CLI_LIGHT
  if (g_str_equal (argv[1], "ticket"))
    return o.number ? mc_cli_queue_ticket (queue, o.number, o.day, o.output) : mc_cli_usage (_(USAGE));
  if (g_str_equal (argv[1], "stats"))
    return stats (queue, &o);
#endif
  return mc_cli_usage (_(USAGE));
}
