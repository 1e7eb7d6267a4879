/* mc-report-compute.h — Báo cáo's figures computed in a thread, on a read connection of its own
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-db.h"
#include "mc-report-document.h"
#include "mc-report-narrative.h"
#include "mc-report-page.h"

G_BEGIN_DECLS

/* What the page asks for: its choices when the computation starts. */
typedef struct {
  McReportPageKind kind;
  gint64           unit_id;  /* 0: the center's own */
  McReportScope    scope;
  McDate           from, to;
  gboolean         only_with_dossiers;
  gint64           actor;    /* who asks: core checks and audits it */
} McReportRequest;

/* One page's worker: the path of the window's database and, once the
 * first computation opened it, a connection used by one thread at a time. */
typedef struct _McReportCompute McReportCompute;

McReportCompute *mc_report_compute_new    (McDb *db);
McReportCompute *mc_report_compute_ref    (McReportCompute *self);
void             mc_report_compute_unref  (McReportCompute *self);

/* The document (or, for MC_REPORT_PAGE_NARRATIVE, the narrative) of the
 * request, computed in a GTask thread; `cancellable` cancelled before the
 * thread starts skips the work. Callback in the calling thread's context. */
void             mc_report_compute_run    (McReportCompute *self, const McReportRequest *request,
                                           GCancellable *cancellable, GAsyncReadyCallback callback,
                                           gpointer user_data);
/* One of *doc and *narrative set, or FALSE with the error. */
gboolean         mc_report_compute_finish (GAsyncResult *result, McReportDocument **doc,
                                           McReportNarrative **narrative, GError **error);
/* The same on the window's own connection, in this thread (the tests'
 * in-memory databases, which a second connection would not see). */
gboolean         mc_report_compute_now    (McDb *db, const McReportRequest *request, McReportDocument **doc,
                                           McReportNarrative **narrative, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McReportCompute, mc_report_compute_unref)

G_END_DECLS
