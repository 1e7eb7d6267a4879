/* mc-receipt.h — the counter documents: Mẫu 01, 02 and 03 of the one-stop shop
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Giấy tiếp nhận hồ sơ và hẹn trả kết quả (01), Phiếu yêu cầu bổ sung, hoàn
 * thiện hồ sơ (02), Phiếu từ chối tiếp nhận giải quyết hồ sơ (03): Thông tư
 * 01/2018/TT-VPCP or Thông tư 03/2025/TT-VPCP (Nghị định 118/2025/NĐ-CP)
 * as mc_form_set_for_time decides by the date received. One drawing
 * function serves the preview, the printout, the PDF and the PNG.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "mc-export-error.h"
#include "mc-form-set.h"
#include "mc-time.h"

G_BEGIN_DECLS

typedef enum {
  MC_FORM_RECEIPT,     /* Mẫu 01 */
  MC_FORM_SUPPLEMENT,  /* Mẫu 02 */
  MC_FORM_REFUSAL,     /* Mẫu 03 */
} McFormKind;

typedef struct {
  char     *name;       /* tên giấy tờ */
  int       originals;  /* bản chính */
  int       copies;     /* bản sao */
  gboolean  received;   /* FALSE: missing, listed on Mẫu 02 */
} McReceiptDocument;

typedef struct {
  char      *parent_unit_name;    /* "UBND TỈNH THANH HÓA" (may be NULL) */
  char      *unit_name;           /* "Ủy ban nhân dân phường Phú Sơn" */
  char      *office_name;         /* "Bộ phận Tiếp nhận và Trả kết quả" */
  char      *place_name;          /* "Phú Sơn" (địa danh) */
  char      *code;                /* "000.00.06.H56-231027-0361"; printable ASCII */
  char      *procedure_name;      /* nội dung yêu cầu giải quyết */
  char      *applicant_name;
  char      *applicant_id_number; /* số định danh cá nhân/tổ chức (TT 03/2025 forms) */
  char      *applicant_address;
  char      *applicant_phone;
  char      *applicant_email;
  McTime     received_at;
  McTime     due_at;
  char      *receiver_name;       /* cán bộ tiếp nhận */
  char      *channel;             /* "truc_tiep" | "buu_chinh" | "truc_tuyen" */
  GPtrArray *documents;           /* McReceiptDocument* */
  gint64     fee;                 /* not on the legal forms; kept for callers */
  char      *reason;              /* Mẫu 03: refusal reason; Mẫu 02: "Lý do" */
  guint      copies_to_print;     /* informational (Mẫu 01 is made in 2 liên) */
  /* Optional; printed as dotted blanks to fill by hand when unset. */
  double     processing_days;     /* thời gian giải quyết theo quy định (working days) */
  char      *office_phone;        /* Mẫu 02: "liên hệ với … số điện thoại …" */
  /* The form set (McFormSet); -1: decided by received_at with the default
   * switch date (mc_form_set_for_time). Loaders from a database set it. */
  int        form_set;
  /* 1: printed on A5, 0: on A4, -1: the form set's default (mc_form_paper_is_a5). */
  int        a5;
  char      *number_line;         /* "Số: 05/PBS-TTPVHCC"; NULL: dotted */
} McReceiptData;

McReceiptDocument *mc_receipt_document_new  (const char        *name,
                                             int                originals,
                                             int                copies,
                                             gboolean           received);
void               mc_receipt_document_free (McReceiptDocument *document);

McReceiptData *mc_receipt_data_new      (void);
void           mc_receipt_data_free     (McReceiptData       *data);
/* The code must be printable as a barcode, the text valid UTF-8. */
gboolean       mc_receipt_data_validate (const McReceiptData *data,
                                         GError             **error);

McFormSet   mc_receipt_get_form_set (const McReceiptData *data);
/* Printed on A5 (mc_form_paper_is_a5 for its form set), else A4. */
gboolean    mc_receipt_is_a5 (const McReceiptData *data);
McFormType  mc_receipt_form_type (McFormKind kind);
const char *mc_receipt_get_title (McFormKind kind);

/* width × height is the area to draw in (cairo units); the A4 page is scaled
 * to fit it, centred. Pagination does not depend on it. */
int      mc_receipt_get_n_pages  (McFormKind           kind,
                                  const McReceiptData *data,
                                  double               width,
                                  double               height);
void     mc_receipt_draw_page    (cairo_t             *cr,
                                  McFormKind           kind,
                                  const McReceiptData *data,
                                  int                  page,
                                  double               width,
                                  double               height);
gboolean mc_receipt_write_pdf    (McFormKind           kind,
                                  const McReceiptData *data,
                                  const char          *path,
                                  GError             **error);
/* scale 1 = 72 dpi; 3 gives a 216 dpi image a barcode reader decodes. */
gboolean mc_receipt_write_png    (McFormKind           kind,
                                  const McReceiptData *data,
                                  int                  page,
                                  double               scale,
                                  const char          *path,
                                  GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McReceiptDocument, mc_receipt_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McReceiptData, mc_receipt_data_free)

G_END_DECLS
