/* mc-dossier-register.h — Sổ theo dõi hồ sơ for a period, as PDF and XLSX
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mẫu 06 of Thông tư 01/2018/TT-VPCP or Mẫu 07 of Thông tư 03/2025/TT-VPCP,
 * as mc_form_set_for_time decides for each dossier's reception: one line per
 * dossier received in the period, one book per field and form set,
 * landscape A4 with numbered columns fitted to what they hold.
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
  McTime        from;      /* dossiers received in [from, to) */
  McTime        to;
  McTime        printed_at; /* the date line */
  char         *field;     /* the one field asked for, or NULL for all */
  GPtrArray    *rows;      /* McRegisterRow*, by field, then in the order received */
  GHashTable   *return_methods; /* code → "Trực tiếp", …; may be NULL */
  int           form_set;  /* McFormSet; -1: by `from`, default switch date */
  McTime        switch_at; /* the first instant on the TT 03/2025 forms within the
                            * period (`to` if none); -1: by the default switch date */
  char         *number_line; /* "Số: 02/STD-TTPVHCC"; NULL: dotted */
  char         *audit_head; /* the audit trail's head when read (mc_audit_head_text), or NULL */
} McDossierRegisterData;

/* One book per field and per form set: the rows are cut where their field
 * changes and where the forms switch (mc_receipt_is_2025_form), each part
 * with its own title page, numbering and columns (one worksheet in XLSX). */
typedef struct {
  gboolean     form_2025;
  const char  *field;     /* NULL: rows without a field (built by hand) */
  McTime       from;      /* the period, cut at the switch of forms */
  McTime       to;
  GPtrArray   *rows;      /* McRegisterRow*, borrowed from the data */
} McDossierRegisterPart;

/* field: a field's name (without case or tone marks), or NULL for all. */
McDossierRegisterData *mc_dossier_register_data_new       (McWorkflow *workflow, McTime from, McTime to,
                                                           const char *field, GError **error);
/* rows is an empty array without a free function: the caller fills it. */
McDossierRegisterData *mc_dossier_register_data_new_empty (McTime from, McTime to);
void                   mc_dossier_register_data_free      (McDossierRegisterData *data);
/* The parts, in print order: TT 01/2018 before TT 03/2025, fields in the
 * catalog's order; a register with no row still has one empty part per
 * form set of its period. Free with g_ptr_array_unref. */
GPtrArray             *mc_dossier_register_data_get_parts (const McDossierRegisterData *data);

const char *mc_dossier_register_get_title   (void);
McFormSet   mc_dossier_register_get_form_set (const McDossierRegisterData *data);
/* The page is landscape A4 (MC_PDF_LANDSCAPE_WIDTH × MC_PDF_LANDSCAPE_HEIGHT),
 * scaled to fit width × height. */
int         mc_dossier_register_get_n_pages (const McDossierRegisterData *data, double width, double height);
void        mc_dossier_register_draw_page   (cairo_t *cr, const McDossierRegisterData *data, int page,
                                             double width, double height);
gboolean    mc_dossier_register_data_write_pdf  (const McDossierRegisterData *data, const char *path,
                                                 GError **error);
gboolean    mc_dossier_register_data_write_xlsx (const McDossierRegisterData *data, const char *path,
                                                 GError **error);
/* The same watched by a monitor (progress, Cancel); a cancelled export
 * fails with G_IO_ERROR_CANCELLED and leaves no file. */
gboolean    mc_dossier_register_data_write_pdf_full  (const McDossierRegisterData *data, const char *path,
                                                      const McExportMonitor *monitor, GError **error);
gboolean    mc_dossier_register_data_write_xlsx_full (const McDossierRegisterData *data, const char *path,
                                                      const McExportMonitor *monitor, GError **error);
gboolean    mc_dossier_register_write_pdf   (McWorkflow *workflow, McTime from, McTime to, const char *path,
                                             GError **error);
gboolean    mc_dossier_register_write_xlsx  (McWorkflow *workflow, McTime from, McTime to, const char *path,
                                             GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McDossierRegisterData, mc_dossier_register_data_free)

G_END_DECLS
