/* mc-apology-form.h — Mẫu 04: the apology with a new appointment for a late dossier
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Phiếu xin lỗi và hẹn lại ngày trả kết quả (Thông tư 01/2018/TT-VPCP) or
 * Phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết (Thông tư
 * 03/2025/TT-VPCP), as mc_form_set_for_time decides by the date received. One drawing function serves
 * the preview, the printout and the PDF.
 */
#pragma once

#include <cairo.h>

#include "mc-export-error.h"
#include "mc-form-set.h"
#include "mc-records-private.h"
#include "mc-workflow.h"

G_BEGIN_DECLS

typedef struct {
  McRecordsUnit unit;                /* the agency that apologises, its parent, the place */
  char         *code;
  char         *procedure_name;
  char         *applicant_name;
  char         *applicant_id_number; /* số định danh (TT 03/2025 form) */
  McTime        received_at;
  McTime        issued_at;           /* the date line */
  McTime        previous_due_at;     /* the appointment that was missed */
  McTime        new_due_at;          /* the new one (0: a dotted blank) */
  char         *reason;
  char         *department_name;     /* responsible; not printed on the form */
  char         *responsible_name;
  int           form_set;            /* McFormSet; -1: by received_at, default switch date */
  int           a5;                  /* 1: on A5, 0: on A4, -1: the form set's default paper */
  char         *number_line;         /* "Số: 03/PXL"; NULL: dotted */
  char         *signer_authority;    /* "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" (NĐ 30 II.7) */
  char         *signer_name;         /* may be empty: written by hand */
  char         *recipients;          /* "- Như trên;\n- Lưu: VT." */
} McApologyFormData;

McApologyFormData *mc_apology_form_data_new      (McWorkflow *workflow, gint64 apology_id, GError **error);
McApologyFormData *mc_apology_form_data_new_empty (void);
void               mc_apology_form_data_free     (McApologyFormData *data);

const char *mc_apology_form_get_title  (const McApologyFormData *data);
McFormSet   mc_apology_form_get_form_set (const McApologyFormData *data);
/* Printed on A5 (mc_form_paper_is_a5 for its form set), else A4. */
gboolean    mc_apology_form_is_a5 (const McApologyFormData *data);
/* width × height is the area to draw in; the A4 page is scaled to fit it. */
int         mc_apology_form_get_n_pages (const McApologyFormData *data, double width, double height);
void        mc_apology_form_draw_page   (cairo_t *cr, const McApologyFormData *data, int page,
                                         double width, double height);
gboolean    mc_apology_form_data_write_pdf (const McApologyFormData *data, const char *path,
                                            GError **error);
gboolean    mc_apology_form_write_pdf   (McWorkflow *workflow, gint64 apology_id, const char *path,
                                         GError **error);
/* The latest apology of the dossier `code` (audited, its number kept). */
gboolean    mc_apology_form_reprint_pdf (McWorkflow *workflow, const char *code, const char *path,
                                         GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McApologyFormData, mc_apology_form_data_free)

G_END_DECLS
