/* mc-report-compute.c — Báo cáo's figures computed in a thread, on a read connection of its own
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Biểu 06a of a quarter reads every dossier of it: 442 ms of the main
 * thread at 5,000,000 dossiers (issue 15), during which the window did not
 * paint. The page now shows at once and asks this worker, which computes
 * in a GTask thread. A connection (SQLite's or libpq's) is never shared
 * across threads, so the worker opens one of its own on the window's
 * database the first time (SQLite in WAL mode and a server both let it read
 * beside the window's) and keeps it for the page's later periods; a mutex
 * lets one thread at a time use it. It is a one-shot command's connection
 * (mc_db_new_for_command): SQLite's 2 MB page cache, not the window's
 * 32 MB, since a report reads its rows once (06a in a command took 162 ms
 * of processor with 2 MB, 309 ms with 32 MB), and the process's memory
 * stays under issue 15's 200 MB.
 */
#include "config.h"

#include "mc-report-compute.h"

struct _McReportCompute
{
  gatomicrefcount ref;
  char           *path;
  McDb           *memory_db;  /* the window's, when it is ":memory:" */
  GMutex          lock;       /* held while `db` computes */
  McDb           *db;         /* opened by the first computation */
};

/* A task's data: what was asked, the worker, and what came of it. */
typedef struct {
  McReportRequest    request;
  McReportCompute   *compute;
  McReportDocument  *doc;
  McReportNarrative *narrative;
} Job;

static void
job_free (Job *job)
{
  mc_report_compute_unref (job->compute);
  g_clear_object (&job->doc);
  g_clear_object (&job->narrative);
  g_free (job);
}

McReportCompute *
mc_report_compute_new (McDb *db)
{
  McReportCompute *self = g_new0 (McReportCompute, 1);

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  g_atomic_ref_count_init (&self->ref);
  self->path = g_strdup (mc_db_get_path (db));
  if (g_strcmp0 (self->path, ":memory:") == 0)
    self->memory_db = g_object_ref (db);
  g_mutex_init (&self->lock);
  return self;
}

McReportCompute *
mc_report_compute_ref (McReportCompute *self)
{
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

/* The last reference may go in the worker thread (a page closed while it
 * computed): closing a connection there is allowed. */
void
mc_report_compute_unref (McReportCompute *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  g_clear_object (&self->db);
  g_clear_object (&self->memory_db);
  g_mutex_clear (&self->lock);
  g_free (self->path);
  g_free (self);
}

gboolean
mc_report_compute_now (McDb *db, const McReportRequest *r, McReportDocument **doc, McReportNarrative **narrative,
                       GError **error)
{
  g_autofree char *period = NULL;

  *doc = NULL;
  *narrative = NULL;
  switch (r->kind)
    {
    case MC_REPORT_PAGE_06A:
      *doc = mc_report_document_new_06a (db, r->unit_id, r->from, r->to, r->only_with_dossiers, error);
      break;
    case MC_REPORT_PAGE_PUBLIC:
      *doc = mc_report_document_new_public (db, r->unit_id, r->scope, r->from, r->to, r->only_with_dossiers, error);
      break;
    case MC_REPORT_PAGE_CCHC:
      *doc = mc_report_document_new_cchc (db, r->unit_id, r->from, r->to, error);
      break;
    case MC_REPORT_PAGE_NARRATIVE:
      period = mc_report_period_text (db, r->from, r->to, FALSE);
      *narrative = mc_report_narrative_new (db, r->unit_id, r->from, r->to, period, error);
      break;
    case MC_REPORT_PAGE_EVALUATION:
    default:
      *doc = mc_report_document_new_evaluation (db, r->unit_id, r->from, r->to, error);
      break;
    }
  return *doc != NULL || *narrative != NULL;
}

/* In the worker thread, holding the lock. */
static gboolean
compute_locked (McReportCompute *self, Job *job, GError **error)
{
  if (self->db == NULL && (self->db = mc_db_new_for_command (self->path, error)) == NULL)
    return FALSE;
  mc_db_set_actor (self->db, job->request.actor);
  return mc_report_compute_now (self->db, &job->request, &job->doc, &job->narrative, error);
}

static void
compute_thread_cb (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  McReportCompute *self = job->compute;
  GError *error = NULL;
  gboolean done;

  g_mutex_lock (&self->lock);
  /* Another period chosen while this one waited for the connection. */
  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    done = FALSE;
  else
    done = compute_locked (self, job, &error);
  g_mutex_unlock (&self->lock);
  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
mc_report_compute_run (McReportCompute *self, const McReportRequest *request, GCancellable *cancellable,
                       GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);
  GError *error = NULL;

  job->request = *request;
  /* The page may be gone when the thread ends: the worker is the job's. */
  job->compute = mc_report_compute_ref (self);
  g_task_set_source_tag (task, mc_report_compute_run);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  if (self->memory_db != NULL)
    {
      /* In this thread; the callback still comes from the main loop, as
       * the thread's result would. */
      if (mc_report_compute_now (self->memory_db, request, &job->doc, &job->narrative, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, compute_thread_cb);
}

gboolean
mc_report_compute_finish (GAsyncResult *result, McReportDocument **doc, McReportNarrative **narrative,
                          GError **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  *doc = NULL;
  *narrative = NULL;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  job = g_task_get_task_data (G_TASK (result));
  *doc = g_steal_pointer (&job->doc);
  *narrative = g_steal_pointer (&job->narrative);
  return TRUE;
}
