/* mc-stop-notice.h — Mẫu 05 of Thông tư 03/2025/TT-VPCP: Thông báo dừng giải quyết hồ sơ
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When the citizen asks to stop (withdraws the dossier) before a decision,
 * the one-stop office notifies that it stops settling it (TT 03/2025 Điều 7,
 * Nghị định 118/2025/NĐ-CP Điều 21 khoản 1). One drawing function serves the
 * preview, the printout and the PDF.
 */
#pragma once

#include <cairo.h>

#include "mc-export-error.h"
#include "mc-form-set.h"
#include "mc-records-private.h"
#include "mc-workflow.h"

G_BEGIN_DECLS

typedef struct {
  McRecordsUnit unit;
  char         *code;
  char         *procedure_name;
  char         *applicant_name;
  char         *applicant_id_number;
  char         *applicant_address;
  McTime        received_at;
  McTime        stopped_at;    /* the withdrawal: the date line and the stop */
  char         *reason;        /* as the citizen gave it, or NULL */
  char         *notifier_name; /* who recorded the withdrawal */
  char         *number_line;   /* "Số: 01/TBD-TTPVHCC"; NULL: dotted */
  int           a5;            /* 1: on A5, 0: on A4, -1: the default paper */
} McStopNoticeData;

/* The notice of a withdrawn dossier. Fails, naming the reason in Vietnamese,
 * when the dossier was not withdrawn or was withdrawn while the forms of
 * Thông tư 01/2018/TT-VPCP applied (they have no such form). Needs the right
 * to export personal data and is audited. */
McStopNoticeData *mc_stop_notice_data_new       (McWorkflow *workflow, const char *code, GError **error);
McStopNoticeData *mc_stop_notice_data_new_empty (void);
/* Printed on A5 (the setting forms.paper_2025), else A4. */
gboolean          mc_stop_notice_is_a5          (const McStopNoticeData *data);
void              mc_stop_notice_data_free      (McStopNoticeData *data);

const char *mc_stop_notice_get_title   (void);
int         mc_stop_notice_get_n_pages (const McStopNoticeData *data, double width, double height);
void        mc_stop_notice_draw_page   (cairo_t *cr, const McStopNoticeData *data, int page,
                                        double width, double height);
gboolean    mc_stop_notice_data_write_pdf (const McStopNoticeData *data, const char *path, GError **error);
gboolean    mc_stop_notice_write_pdf   (McWorkflow *workflow, const char *code, const char *path,
                                        GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McStopNoticeData, mc_stop_notice_data_free)

G_END_DECLS
