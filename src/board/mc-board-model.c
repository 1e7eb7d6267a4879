/* mc-board-model.c — what the public liveboard shows, as plain data
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The statistics are Biểu 06a's computation (mc_board_stats_06a_periods:
 * the daily counters, as the reports read them), so the lobby can never show a
 * figure the quarterly report contradicts; its
 * "Đang quá hạn" is 06a (13), the inbox's and the dossier list's quá hạn. The
 * board is public and speaks Vietnamese whatever the PC's language, as the
 * printed forms do, so its words are not translated.
 */
#include "config.h"

#include "mc-announcement.h"
#include "mc-board-model.h"
#include "mc-board-stats.h"
#include "mc-privacy.h"
#include "mc-unit.h"

void mc_board_cache_free (McBoardCache *cache);  /* mc-board-draw.c */

static void
result_free (McBoardResult *r)
{
  g_free (r->name);
  g_free (r->code);
  g_free (r->procedure);
  g_free (r);
}

static void
figures_free (McBoardFigures *f)
{
  g_free (f->label);
  g_free (f);
}

static void
department_free (McBoardDepartment *d)
{
  g_free (d->name);
  g_free (d);
}

static void
apology_free (McBoardApology *a)
{
  g_free (a->name);
  g_free (a->code);
  g_free (a->procedure);
  g_free (a->department);
  g_free (a);
}

McBoardModel *
mc_board_model_new (void)
{
  McBoardModel *model = g_new0 (McBoardModel, 1);

  model->unit_name = g_strdup ("");
  model->title = g_strdup ("CÔNG KHAI KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH");
  model->results = g_ptr_array_new_with_free_func ((GDestroyNotify) result_free);
  for (int p = 0; p < MC_BOARD_N_PERIODS; p++)
    {
      model->periods[p].title = g_strdup ("");
      model->periods[p].fields = g_ptr_array_new_with_free_func ((GDestroyNotify) figures_free);
      model->periods[p].total.label = g_strdup ("Tổng số");
    }
  model->departments = g_ptr_array_new_with_free_func ((GDestroyNotify) department_free);
  model->departments_period = g_strdup ("");
  model->apologies = g_ptr_array_new_with_free_func ((GDestroyNotify) apology_free);
  model->apologies_period = g_strdup ("");
  model->announcements = g_ptr_array_new_with_free_func (g_free);
  model->calls = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_queue_call_free);
  model->queue.wait_avg = -1;
  model->frame.page = -1;
  model->frame.page_seconds = 15;
  return model;
}

void
mc_board_model_free (McBoardModel *model)
{
  if (model == NULL)
    return;
  g_free (model->unit_name);
  g_free (model->title);
  g_ptr_array_unref (model->results);
  for (int p = 0; p < MC_BOARD_N_PERIODS; p++)
    {
      g_free (model->periods[p].title);
      g_free (model->periods[p].total.label);
      g_ptr_array_unref (model->periods[p].fields);
    }
  g_ptr_array_unref (model->departments);
  g_free (model->departments_period);
  g_ptr_array_unref (model->apologies);
  g_free (model->apologies_period);
  g_ptr_array_unref (model->announcements);
  g_ptr_array_unref (model->calls);
  g_clear_pointer (&model->cache, mc_board_cache_free);
  g_free (model);
}

void
mc_board_figures_from_06a (McBoardFigures *figures, const McReport06aRow *row)
{
  figures->received = row->c[MC_06A_ONLINE] + row->c[MC_06A_DIRECT];
  figures->settled = row->c[MC_06A_SETTLED];
  figures->early = row->c[MC_06A_EARLY];
  figures->on_time = row->c[MC_06A_ON_TIME];
  figures->late = row->c[MC_06A_LATE];
  figures->pending = row->c[MC_06A_PENDING];
  figures->pending_late = row->c[MC_06A_PENDING_LATE];
}

/* The newest results only: a center where results pile up uncollected
 * (50,618 in a test database of a million dossiers) would scroll for hours,
 * and the board reads no more rows than it shows. The subtitle says how
 * many wait in all. */
static gboolean
load_results (McBoardModel *model, McDb *db, GError **error)
{
  g_autoptr(GPtrArray) items = mc_board_stats_waiting (db, MC_BOARD_RESULTS_MAX, &model->results_total, error);

  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      McWaitingResult *item = items->pdata[i];
      McBoardResult *r = g_new0 (McBoardResult, 1);

      r->name = mc_privacy_mask_name (item->applicant_name);
      r->code = g_strdup (item->code);
      r->procedure = g_strdup (item->procedure);
      r->ready_at = item->ready_at;
      r->unqualified = item->unqualified;
      g_ptr_array_add (model->results, r);
    }
  return TRUE;
}

/* The periods up to `now`: what is open and overdue is so at `now`, the
 * same instant for the three periods. */
static void
set_period (McBoardPeriod *period, const McReport06a *report, char *title)
{
  g_free (period->title);
  period->title = title;
  period->from = report->from;
  period->to = report->to;
  mc_board_figures_from_06a (&period->total, &report->total);
  for (guint i = 0; i < report->rows->len; i++)
    {
      const McReport06aRow *row = report->rows->pdata[i];
      McBoardFigures *f = g_new0 (McBoardFigures, 1);

      f->label = g_strdup (row->field_name);
      mc_board_figures_from_06a (f, row);
      g_ptr_array_add (period->fields, f);
    }
}

static gboolean
load_periods (McBoardModel *model, McDb *db, McTime now, GError **error)
{
  McDate today = mc_time_get_date (now);
  g_autoptr(GPtrArray) reports = NULL;
  int y, m, d;

  mc_date_to_ymd (today, &y, &m, &d);
  {
    const McDate from[MC_BOARD_N_PERIODS] = {
      [MC_BOARD_TODAY] = today, [MC_BOARD_MONTH] = mc_date_from_ymd (y, m, 1),
      [MC_BOARD_YEAR] = mc_date_from_ymd (y, 1, 1),
    };

    reports = mc_board_stats_06a_periods (db, from, MC_BOARD_N_PERIODS, today, now, error);
  }
  if (reports == NULL)
    return FALSE;
  set_period (&model->periods[MC_BOARD_TODAY], reports->pdata[MC_BOARD_TODAY], g_strdup ("Hôm nay"));
  set_period (&model->periods[MC_BOARD_MONTH], reports->pdata[MC_BOARD_MONTH], g_strdup_printf ("Tháng %d/%d", m, y));
  set_period (&model->periods[MC_BOARD_YEAR], reports->pdata[MC_BOARD_YEAR], g_strdup_printf ("Năm %d", y));
  return TRUE;
}

static gboolean
load_departments (McBoardModel *model, McDb *db, McDate today, GError **error)
{
  int y, m, d;
  g_autoptr(GPtrArray) rates = NULL;

  mc_date_to_ymd (today, &y, &m, &d);
  rates = mc_board_stats_department_rates (db, mc_date_from_ymd (y, 1, 1), today, error);
  if (rates == NULL)
    return FALSE;
  g_free (model->departments_period);
  model->departments_period = g_strdup_printf ("Năm %d", y);
  for (guint i = 0; i < rates->len; i++)
    {
      McDepartmentRate *rate = rates->pdata[i];
      McBoardDepartment *dep = g_new0 (McBoardDepartment, 1);

      dep->name = g_strdup (rate->name);
      dep->settled = rate->settled;
      dep->in_time = rate->in_time;
      g_ptr_array_add (model->departments, dep);
    }
  return TRUE;
}

/* The apologies of the current month: a year's would take minutes to scroll. */
static gboolean
load_apologies (McBoardModel *model, McWorkflow *workflow, McDate today, GError **error)
{
  int y, m, d;
  g_autoptr(GPtrArray) records = NULL;

  mc_date_to_ymd (today, &y, &m, &d);
  /* On a server the board's own login reads only the masked view. */
  if (mc_db_is_server (mc_workflow_get_db (workflow)))
    records = mc_board_stats_apologies (mc_workflow_get_db (workflow), mc_time_from_local (mc_date_from_ymd (y, m, 1), 0),
                                        mc_time_from_local (today + 1, 0), error);
  else
    records = mc_workflow_apologies (workflow, mc_time_from_local (mc_date_from_ymd (y, m, 1), 0),
                                     mc_time_from_local (today + 1, 0), error);
  if (records == NULL)
    return FALSE;
  g_free (model->apologies_period);
  model->apologies_period = g_strdup_printf ("Tháng %d/%d", m, y);
  for (guint i = 0; i < records->len; i++)
    {
      McApologyRecord *rec = records->pdata[i];
      McBoardApology *a = g_new0 (McBoardApology, 1);

      a->name = mc_privacy_mask_name (rec->applicant_name);
      a->code = g_strdup (rec->dossier_code);
      a->procedure = g_strdup (rec->procedure_name);
      a->department = g_strdup (rec->department_name);
      a->issued_at = rec->issued_at;
      a->new_due_at = rec->new_due_at;
      g_ptr_array_add (model->apologies, a);
    }
  return TRUE;
}

static gboolean
load_header (McBoardModel *model, McDb *db, GError **error)
{
  g_autoptr(McUnit) own = mc_unit_get_own (db, error);
  g_autoptr(GPtrArray) lines = NULL;

  if (own == NULL)
    return FALSE;
  g_free (model->unit_name);
  model->unit_name = g_strdup (mc_unit_get_name (own) ? mc_unit_get_name (own) : "");
  lines = mc_announcement_list (db, TRUE, error);
  if (lines == NULL)
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (model->announcements, g_strdup (((McAnnouncement *) lines->pdata[i])->text));
  return TRUE;
}

/* The queue's part: each counter's last call of today and the day's
 * figures, tickets only (mc-queue-board.c: bounded by the counters). */
static gboolean
load_calls (McBoardModel *model, McDb *db, McDate today, GError **error)
{
  g_autoptr(GPtrArray) calls = NULL;

  if (!mc_queue_board_summary (db, today, &model->queue, error))
    return FALSE;
  if (model->queue.counters == 0)
    return TRUE;
  calls = mc_queue_board_calls (db, today, MC_BOARD_CALLS_MAX, error);
  if (calls == NULL)
    return FALSE;
  g_ptr_array_extend_and_steal (model->calls, g_steal_pointer (&calls));
  return TRUE;
}

gboolean
mc_board_model_has_calls (const McBoardModel *model)
{
  return model->queue.counters > 0;
}

gboolean
mc_board_call_blinking (const McQueueCall *call, McTime clock)
{
  return clock >= call->called_at - 1 && clock < call->called_at + MC_BOARD_CALL_BLINK_SECONDS;
}

McBoardModel *
mc_board_model_load (McWorkflow *workflow, McTime now, GError **error)
{
  g_autoptr(McBoardModel) model = mc_board_model_new ();
  McDb *db;
  McDate today;

  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);

  db = mc_workflow_get_db (workflow);
  model->loaded_at = now ? now : mc_time_now ();
  model->frame.clock = model->loaded_at;
  today = mc_time_get_date (model->loaded_at);
  if (!load_header (model, db, error) ||
      !load_results (model, db, error) ||
      !load_periods (model, db, model->loaded_at, error) ||
      !load_departments (model, db, today, error) ||
      !load_apologies (model, workflow, today, error) ||
      !load_calls (model, db, today, error))
    return NULL;
  return g_steal_pointer (&model);
}
