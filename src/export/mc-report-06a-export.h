/* mc-report-06a-export.h — Biểu số 06a/VPCP/KSTT as XLSX, PDF, CSV and print
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "mc-db.h"
#include "mc-records-private.h"
#include "mc-report.h"

G_BEGIN_DECLS

/* What the form prints besides the figures: the unit, the people who sign
 * (settings report.preparer, report.signer, report.signer_title), the place
 * (report.place, else the unit's place name) and the date (the last day). */
typedef struct {
  McReport06a *report;        /* owned */
  char        *unit_name;     /* UBND PHƯỜNG PHÚ SƠN */
  char        *place;
  char        *preparer;
  char        *signer;
  char        *signer_title;  /* PHÓ CHỦ TỊCH: "KT. THỦ TRƯỞNG ĐƠN VỊ" above it */
  McDate       signed_on;
  char        *rules_note;    /* the time rules the figures followed (mc_report_rules_note) */
  char        *audit_head;    /* "1234:3fa9…" when computed: printed so the trail can be checked against it */
} McReport06aDoc;

/* Computes the figures of the unit (0: the center's own) and gathers the rest. */
McReport06aDoc *mc_report_06a_doc_new        (McDb *db, gint64 unit_id, McDate from, McDate to,
                                              gboolean only_with_dossiers, GError **error);
void            mc_report_06a_doc_free       (McReport06aDoc *doc);
gboolean        mc_report_06a_doc_write_xlsx (const McReport06aDoc *doc, const char *path, GError **error);
gboolean        mc_report_06a_doc_write_pdf  (const McReport06aDoc *doc, const char *path, GError **error);
gboolean        mc_report_06a_doc_write_csv  (const McReport06aDoc *doc, const char *path, GError **error);
/* For the print preview: pages at width × height, and one page drawn. */
/* Every page laid out once, for printing (landscape A4). */
McRecordsPages *mc_report_06a_doc_record_pages (const McReport06aDoc *doc, GError **error);
/* The column headings (3)…(13) as the form prints them. */
const char     *mc_report_06a_column_title   (McReport06aColumn column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McReport06aDoc, mc_report_06a_doc_free)

G_END_DECLS
