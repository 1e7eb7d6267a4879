/* mc-control-sheet.h — Phiếu kiểm soát quá trình giải quyết hồ sơ
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mẫu 05 of Thông tư 01/2018/TT-VPCP, Mẫu 06 of Thông tư 03/2025/TT-VPCP,
 * as mc_form_set_for_time decides by the date received: every hand-over of the
 * dossier — who gave, who received, when, and how the giver's step ended
 * against its due time — with room for both to sign.
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
  char         *handling_body;      /* cơ quan (bộ phận) giải quyết hồ sơ */
  char         *coordinating_body;  /* cơ quan phối hợp giải quyết hồ sơ, or NULL */
  McTime        received_at;
  McTime        due_at;             /* the appointment written on Mẫu 01 */
  McTime        extended_due_at;    /* the one the apology (Mẫu 04) set, or 0 */
  GPtrArray    *handovers;          /* McHandover*, in order */
  int           form_set;           /* McFormSet; -1: by received_at, default switch date */
  int           a5;                 /* 1: on A5, 0: on A4, -1: the form set's default paper */
  char         *number_line;        /* "Số: 05/PKS-TTPVHCC"; NULL: dotted */
} McControlSheetData;

McControlSheetData *mc_control_sheet_data_new       (McWorkflow *workflow, const char *code, GError **error);
/* handovers is an empty array without a free function: the caller fills it. */
McControlSheetData *mc_control_sheet_data_new_empty (void);
void                mc_control_sheet_data_free      (McControlSheetData *data);

const char *mc_control_sheet_get_title   (void);
McFormSet   mc_control_sheet_get_form_set (const McControlSheetData *data);
/* Printed on A5 (mc_form_paper_is_a5 for its form set), else A4. */
gboolean    mc_control_sheet_is_a5 (const McControlSheetData *data);
int         mc_control_sheet_get_n_pages (const McControlSheetData *data, double width, double height);
void        mc_control_sheet_draw_page   (cairo_t *cr, const McControlSheetData *data, int page,
                                          double width, double height);
gboolean    mc_control_sheet_data_write_pdf (const McControlSheetData *data, const char *path,
                                             GError **error);
gboolean    mc_control_sheet_write_pdf   (McWorkflow *workflow, const char *code, const char *path,
                                          GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McControlSheetData, mc_control_sheet_data_free)

G_END_DECLS
