/* mc-form-set.h — which circular's forms a document follows, their numbers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two form sets: Thông tư 01/2018/TT-VPCP (six forms) and Thông tư
 * 03/2025/TT-VPCP, Phụ lục I (seven forms). One function decides the set
 * of a document by its date (mc_form_set_for_time); every form, label,
 * command and page asks it, so the switch date is a setting in one place.
 */
#pragma once

#include <glib.h>

#include "mc-db.h"
#include "mc-time.h"

G_BEGIN_DECLS

typedef enum {
  MC_FORM_SET_2018,  /* Thông tư 01/2018/TT-VPCP (Nghị định 61/2018/NĐ-CP) */
  MC_FORM_SET_2025,  /* Thông tư 03/2025/TT-VPCP (Nghị định 118/2025/NĐ-CP) */
} McFormSet;

typedef enum {
  MC_FORM_TYPE_RECEIPT,        /* Giấy tiếp nhận hồ sơ và hẹn trả kết quả */
  MC_FORM_TYPE_SUPPLEMENT,     /* Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ */
  MC_FORM_TYPE_REFUSAL,        /* Phiếu từ chối tiếp nhận giải quyết hồ sơ */
  MC_FORM_TYPE_APOLOGY,        /* Phiếu xin lỗi … */
  MC_FORM_TYPE_STOP_NOTICE,    /* Thông báo dừng giải quyết hồ sơ (2025 only) */
  MC_FORM_TYPE_CONTROL_SHEET,  /* Phiếu kiểm soát quá trình giải quyết hồ sơ */
  MC_FORM_TYPE_REGISTER,       /* Sổ theo dõi hồ sơ */
  MC_N_FORM_TYPES
} McFormType;

/* The first day of the TT 03/2025 forms, "YYYY-MM-DD"; see mc-form-set.c
 * for the source of the default. */
#define MC_FORMS_TT03_FROM_KEY "forms.tt03_2025_from"
#define MC_FORMS_TT03_FROM_DEFAULT "2025-09-15"
/* "counter": each document gets the next number of its form and year;
 * "blank": the number is left as dots for the văn thư to write. */
#define MC_FORMS_NUMBERING_KEY "forms.numbering"
#define MC_FORMS_NUMBERING_DEFAULT "counter"
/* The issuer's abbreviation after the form's: "TTPVHCC" (a Trung tâm Phục
 * vụ hành chính công) or "BPTNTKQ" (a Bộ phận Tiếp nhận và Trả kết quả). */
#define MC_FORMS_ISSUER_KEY "forms.number_issuer"
#define MC_FORMS_ISSUER_DEFAULT "TTPVHCC"

/* The first day of the 2025 forms; db may be NULL (the default). A
 * setting that is not a date falls back to the default; one that could not
 * be read sets `error` (the default is returned for a label's sake only). */
McDate      mc_form_set_switch_date (McDb *db, GError **error);
gboolean    mc_form_set_set_switch_date (McDb *db, const char *text, GError **error);
/* The registry's check of a switch date "YYYY-MM-DD" (mc-settings.c). */
gboolean    mc_form_set_check_switch_date (const char *iso, GError **error);
/* THE decision: the set a document dated `t` follows. When the switch date
 * could not be read, `error` is set and the 2025 set returned: a document
 * is then refused with the error; only a label may pass NULL and show it. */
McFormSet   mc_form_set_for_time (McDb *db, McTime t, GError **error);

/* "Thông tư 01/2018/TT-VPCP" / "Thông tư 03/2025/TT-VPCP" */
const char *mc_form_set_circular (McFormSet set);
/* The form's number in the set, 1–7; 0 when the set has no such form. */
int         mc_form_set_form_number (McFormSet set, McFormType type);
/* "Mẫu 05", "Mẫu 06"…; "" when the set has no such form. */
char       *mc_form_set_label (McFormSet set, McFormType type);
/* The form's title as printed ("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"). */
const char *mc_form_set_title (McFormSet set, McFormType type);

/* The document's "Số: …" line. With numbering "counter" the document
 * identified by (type, subject) gets the next number of its form and of
 * the year of `date` once, in one transaction (safe across processes), and
 * keeps it: a reprint shows the same number. With "blank" the number is
 * dots and nothing is written. */
char       *mc_form_set_number_line (McDb *db, McFormSet set, McFormType type, const char *subject,
                                     McDate date, GError **error);
/* The line with the number left blank, for a form drawn without a database. */
char       *mc_form_set_blank_number_line (McFormSet set, McFormType type, const char *issuer);

G_END_DECLS
