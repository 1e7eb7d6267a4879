/* mc-cli-dashboard.c — motcua dashboard [--unit CODE] [--department CODE] [--at T] [--format text|json]
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures of the Tổng quan page (mc_dashboard_compute), for a leader
 * without the window and for scripts: today's workload by department and
 * person, the last twelve months (received by channel, on-time rate, rates
 * by department) and the apologies of the year. A head of department gets
 * their own department's; core refuses another.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-catalog.h"
#include "mc-cli.h"
#include "mc-dashboard.h"
#include "mc-format.h"
#include "mc-unit.h"

static const char usage[] =
  N_("Usage: motcua dashboard [--unit CODE] [--department CODE] [--at \"YYYY-MM-DD HH:MM\"] [--format text|json]");

typedef struct {
  const char *unit;
  const char *department;
  const char *format;
  McTime      at;
} Options;

static gboolean
parse_options (int argc, char **argv, Options *o)
{
  *o = (Options) { NULL, NULL, "text", 0 };
  for (int i = 1; i < argc; i += 2)
    {
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;

      if (value == NULL)
        return FALSE;
      if (g_str_equal (argv[i], "--unit"))
        o->unit = value;
      else if (g_str_equal (argv[i], "--department"))
        o->department = value;
      else if (g_str_equal (argv[i], "--format") && (g_str_equal (value, "text") || g_str_equal (value, "json")))
        o->format = value;
      else if (!g_str_equal (argv[i], "--at") || !mc_time_parse_iso (value, &o->at))
        return FALSE;
    }
  return TRUE;
}

static void
print_workload (const McDashboardWorkload *w, const char *name)
{
  g_autofree char *a = mc_format_count (w->n[MC_DASHBOARD_RECEIVED_TODAY]);
  g_autofree char *b = mc_format_count (w->n[MC_DASHBOARD_PROCESSING]);
  g_autofree char *c = mc_format_count (w->n[MC_DASHBOARD_DUE_TODAY]);
  g_autofree char *d = mc_format_count (w->n[MC_DASHBOARD_OVERDUE]);

  mc_cli_print_row (name, a, b, c, d);
}

static void
print_workload_header (const char *first)
{
  mc_cli_print_row (first, mc_dashboard_column_title (MC_DASHBOARD_RECEIVED_TODAY),
                    mc_dashboard_column_title (MC_DASHBOARD_PROCESSING),
                    mc_dashboard_column_title (MC_DASHBOARD_DUE_TODAY),
                    mc_dashboard_column_title (MC_DASHBOARD_OVERDUE));
}

static char *
rate_text (guint in_time, guint settled)
{
  return settled > 0 ? mc_format_percent ((double) in_time / settled, 1) : g_strdup ("—");
}

static void
print_months (const McDashboard *d)
{
  g_print ("\n%s\n", _("Last twelve months (Biểu 06a)"));
  mc_cli_print_row (_("Month"), _("Online"), _("In person or by post"), _("Settled"), _("On time or early"),
                    _("On-time rate"));
  for (int i = 0; i < MC_DASHBOARD_MONTHS; i++)
    {
      const McDashboardMonth *m = &d->months[i];
      g_autofree char *label = mc_dashboard_month_label (m);
      g_autofree char *online = mc_format_count (m->received_online);
      g_autofree char *direct = mc_format_count (m->received_direct);
      g_autofree char *settled = mc_format_count (m->settled);
      g_autofree char *in_time = mc_format_count (m->in_time);
      g_autofree char *rate = rate_text (m->in_time, m->settled);

      mc_cli_print_row (label, online, direct, settled, in_time, rate);
    }
}

static void
print_rates (const McDashboard *d)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);

  g_print ("\n%s\n", _("On-time rate by department in charge"));
  g_ptr_array_add (fields, g_strdup (_("Department")));
  for (int i = 0; i < MC_DASHBOARD_MONTHS; i++)
    g_ptr_array_add (fields, mc_dashboard_month_label (&d->months[i]));
  mc_cli_print_fields ((const char *const *) fields->pdata, fields->len);
  for (guint k = 0; k < d->rates->len; k++)
    {
      const McDashboardRates *r = d->rates->pdata[k];

      g_ptr_array_set_size (fields, 0);
      g_ptr_array_add (fields, g_strdup (r->name));
      for (int i = 0; i < MC_DASHBOARD_MONTHS; i++)
        g_ptr_array_add (fields, rate_text (r->in_time[i], r->settled[i]));
      mc_cli_print_fields ((const char *const *) fields->pdata, fields->len);
    }
}

static void
print_apologies (const McDashboard *d)
{
  g_autofree char *threshold = mc_format_count (d->apology_threshold);

  g_print ("\n");
  g_print (_("Apologies in %d by person responsible (flagged from %s)"), d->apology_year, threshold);
  g_print ("\n");
  for (guint i = 0; i < d->apologies->len; i++)
    {
      const McDashboardApologies *a = d->apologies->pdata[i];
      g_autofree char *count = mc_format_count (a->count);

      mc_cli_print_row (a->full_name, a->department_name, count, a->flagged ? _("flagged") : "");
    }
}

static void
print_text (const McDashboard *d)
{
  g_autofree char *at = mc_format_time (d->now);

  g_print ("%s — %s%s%s — %s\n", _("Overview"), d->unit_name, d->department_name ? " — " : "",
           d->department_name ? d->department_name : "", at);
  g_print ("\n%s\n", _("Today's workload by department"));
  print_workload_header (_("Department"));
  for (guint i = 0; i < d->departments->len; i++)
    print_workload (d->departments->pdata[i], ((McDashboardWorkload *) d->departments->pdata[i])->name);
  print_workload (&d->total, _("Total"));
  g_print ("\n%s\n", _("Today's workload by person"));
  print_workload_header (_("Person"));
  for (guint i = 0; i < d->people->len; i++)
    {
      const McDashboardWorkload *w = d->people->pdata[i];
      g_autofree char *name = g_strdup_printf ("%s (%s)", w->name, w->department_name);

      print_workload (w, name);
    }
  print_months (d);
  print_rates (d);
  print_apologies (d);
}

int
mc_cli_dashboard (McDb *db, int argc, char **argv)
{
  Options o;
  GError *error = NULL;
  gint64 unit_id = 0, department_id = 0;
  g_autoptr(McDashboard) dashboard = NULL;

  if (!parse_options (argc, argv, &o))
    return mc_cli_usage (_(usage));
  if (o.unit != NULL && (unit_id = mc_unit_lookup_code (db, o.unit, &error)) == 0)
    {
      if (error == NULL)
        g_set_error (&error, MC_DB_ERROR, MC_DB_ERROR_NOT_FOUND, _("No unit has the code “%s”"), o.unit);
      return mc_cli_fail (error);
    }
  if (o.department != NULL)
    {
      g_autoptr(McCatalog) catalog = mc_catalog_new (db);

      department_id = mc_catalog_lookup_department (catalog, o.department, &error);
      if (department_id == 0)
        {
          if (error == NULL)
            g_set_error (&error, MC_DB_ERROR, MC_DB_ERROR_NOT_FOUND, _("No department has the code “%s”"),
                         o.department);
          return mc_cli_fail (error);
        }
    }
  dashboard = mc_dashboard_compute (db, unit_id, department_id, o.at, &error);
  if (dashboard == NULL)
    return mc_cli_fail (error);
  if (g_str_equal (o.format, "json"))
    {
      g_autofree char *json = mc_dashboard_to_json (dashboard);

      g_print ("%s", json);
    }
  else
    print_text (dashboard);
  return 0;
}
