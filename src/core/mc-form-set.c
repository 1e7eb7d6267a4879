/* mc-form-set.c — which circular's forms a document follows, their numbers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The switch date. Nghị định 118/2025/NĐ-CP took effect on 1/7/2025, but the
 * forms it calls for are those of Phụ lục I of Thông tư 03/2025/TT-VPCP,
 * dated 15/9/2025 (its preamble: hethongphapluat.com, "thong-tu-03-2025-tt-
 * vpcp-huong-dan-nghi-dinh-118-2025-nd-cp-…"). Its own article on entry
 * into force was not found in the stored copies; thuviennhadat.vn ("Tải file
 * word biểu mẫu Thông tư 03/2025/TT-VPCP …", article 708489) states that the
 * circular "quy định biểu mẫu về giải quyết thủ tục hành chính từ ngày
 * 15/9/2025". That is the default. No source found says which forms apply
 * between 1/7 and 15/9/2025, so the TT 01/2018 forms are kept until then, as
 * the issue asks; a unit whose province decided otherwise sets
 * forms.tt03_2025_from (docs/huong-dan-su-dung.md, "Biểu mẫu").
 *
 * The numbers. Every form of Phụ lục I, as reproduced in Quyết định
 * 3621/QĐ-BYT (24/11/2025, BM.01–BM.06; docs/LEGAL.md §1.2), carries a
 * "Số:" line: 01 "Số: …/-TTPVHCC (BPTNTKQ)", 02 "…/PBS-TTPVHCC (BPTNTKQ)",
 * 03 "…/PTC-TTPVHCC (BPTNTKQ)", 04 "…/PXL", Phiếu kiểm soát "…PKS-TTPVHCC
 * (BPTNTKQ)", Sổ theo dõi "…STD-TTPVHCC(BPTNTKQ)". "TTPVHCC (BPTNTKQ)"
 * means one or the other, as the issuer is a Trung tâm or a Bộ phận: a
 * setting. The Thông báo dừng (Mẫu 05) is not in that reproduction and its
 * text was not found: "TBD" (thông báo dừng) is our choice, in the pattern
 * of the others. The official Phụ lục of TT 01/2018 was not found either;
 * its forms carry the same line (the issue asks for it on every form).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-db-private.h"
#include "mc-form-set.h"

/* A dotted blank where the number is written by hand. */
#define NUMBER_BLANK "……"

McDate
mc_form_set_switch_date (McDb *db, GError **error)
{
  g_autoptr(GError) read_error = NULL;
  g_autofree char *text = db ? mc_db_get_setting (db, MC_FORMS_TT03_FROM_KEY, NULL, &read_error) : NULL;
  McDate date;

  if (read_error != NULL)
    g_propagate_error (error, g_steal_pointer (&read_error));
  else if (text != NULL && mc_date_parse_iso (text, &date))
    return date;
  if (!mc_date_parse_iso (MC_FORMS_TT03_FROM_DEFAULT, &date))
    g_assert_not_reached ();
  return date;
}

gboolean
mc_form_set_check_switch_date (const char *iso, GError **error)
{
  McDate date;

  if (iso == NULL || !mc_date_parse_iso (iso, &date))
    {
      g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID,
                   _("Invalid date “%s”: write it as YYYY-MM-DD"), iso ? iso : "");
      return FALSE;
    }
  /* Before Nghị định 118/2025 took effect there is nothing to switch to. */
  if (date < mc_date_from_ymd (2025, 7, 1))
    {
      g_set_error_literal (error, MC_DB_ERROR, MC_DB_ERROR_INVALID,
                           _("The forms of Thông tư 03/2025/TT-VPCP cannot apply before 1/7/2025, "
                             "when Nghị định 118/2025/NĐ-CP took effect"));
      return FALSE;
    }
  return TRUE;
}

/* For tests and scripts below the registry; a person goes through
 * `motcua settings set` (administrator, audited). */
gboolean
mc_form_set_set_switch_date (McDb *db, const char *text, GError **error)
{
  McDate date;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);

  if (!mc_form_set_check_switch_date (text, error) || !mc_date_parse_iso (text, &date))
    return FALSE;
  iso = mc_date_to_iso (date);
  return mc_db_set_setting (db, MC_FORMS_TT03_FROM_KEY, iso, error);
}

McFormSet
mc_form_set_for_time (McDb *db, McTime t, GError **error)
{
  g_autoptr(GError) read_error = NULL;
  McDate from = mc_form_set_switch_date (db, &read_error);

  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return MC_FORM_SET_2025;
    }
  /* A document keeps the forms of the rules of its date (a reprint of a
   * 2024 receipt is the 2018 form). */
  return t >= mc_time_from_local (from, 0) ? MC_FORM_SET_2025 : MC_FORM_SET_2018;
}

const char *
mc_form_set_circular (McFormSet set)
{
  return set == MC_FORM_SET_2025 ? "Thông tư 03/2025/TT-VPCP" : "Thông tư 01/2018/TT-VPCP";
}

int
mc_form_set_form_number (McFormSet set, McFormType type)
{
  /* TT 01/2018: 01–04, 05 Phiếu kiểm soát, 06 Sổ; TT 03/2025 inserts 05
   * Thông báo dừng (docs/LEGAL.md §1.1). */
  static const int numbers_2018[MC_N_FORM_TYPES] = { 1, 2, 3, 4, 0, 5, 6 };
  static const int numbers_2025[MC_N_FORM_TYPES] = { 1, 2, 3, 4, 5, 6, 7 };

  g_return_val_if_fail (type < MC_N_FORM_TYPES, 0);
  return set == MC_FORM_SET_2025 ? numbers_2025[type] : numbers_2018[type];
}

char *
mc_form_set_label (McFormSet set, McFormType type)
{
  int n = mc_form_set_form_number (set, type);

  return n > 0 ? g_strdup_printf ("Mẫu %02d", n) : g_strdup ("");
}

const char *
mc_form_set_title (McFormSet set, McFormType type)
{
  switch (type)
    {
    case MC_FORM_TYPE_RECEIPT:
      return "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ";
    case MC_FORM_TYPE_SUPPLEMENT:
      return "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ";
    case MC_FORM_TYPE_REFUSAL:
      return "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ";
    case MC_FORM_TYPE_APOLOGY:
      return set == MC_FORM_SET_2025 ? "PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"
                                     : "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ";
    case MC_FORM_TYPE_STOP_NOTICE:
      return "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ";
    case MC_FORM_TYPE_CONTROL_SHEET:
      return "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ";
    case MC_FORM_TYPE_REGISTER:
      return "SỔ THEO DÕI HỒ SƠ";
    case MC_N_FORM_TYPES:
    default:
      g_return_val_if_reached ("");
    }
}

/* The form's own abbreviation, "" for Mẫu 01 (see the comment at the top). */
static const char *
form_abbreviation (McFormType type)
{
  static const char *const abbreviations[MC_N_FORM_TYPES] = { "", "PBS", "PTC", "PXL", "TBD", "PKS", "STD" };

  return abbreviations[type];
}

/* "12/PBS-TTPVHCC"; Mẫu 04 names no issuer, Mẫu 01 no form. */
static char *
format_line (McFormType type, const char *number, const char *issuer)
{
  const char *form = form_abbreviation (type);

  if (type == MC_FORM_TYPE_APOLOGY)
    return g_strdup_printf ("Số: %s/%s", number, form);
  if (form[0] == '\0')
    return g_strdup_printf ("Số: %s/%s", number, issuer);
  return g_strdup_printf ("Số: %s/%s-%s", number, form, issuer);
}

char *
mc_form_set_blank_number_line (McFormSet set, McFormType type, const char *issuer)
{
  g_return_val_if_fail (type < MC_N_FORM_TYPES, NULL);

  return format_line (type, NUMBER_BLANK, issuer ? issuer : MC_FORMS_ISSUER_DEFAULT);
}

static const char *const type_names[MC_N_FORM_TYPES] = {
  "receipt", "supplement", "refusal", "apology", "stop_notice", "control_sheet", "register",
};

static gint64
existing_number (McDb *db, McFormType type, const char *subject, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT seq FROM form_number WHERE form = ? AND subject = ?",
                                      error);
  gint64 seq = 0;
  McDbStep step;

  if (stmt == NULL)
    return -1;
  mc_sql_bind_text (stmt, 1, type_names[type], -1, MC_SQL_STATIC);
  mc_sql_bind_text (stmt, 2, subject, -1, MC_SQL_TRANSIENT);
  step = mc_db_step_row (db, stmt, error);
  if (step == MC_DB_STEP_ERROR)
    return -1;
  if (step == MC_DB_STEP_ROW)
    seq = mc_sql_column_int64 (stmt, 0);
  mc_sql_reset (stmt);
  return seq;
}

/* The next number of the form and year, recorded against the subject. */
static gint64
next_number (McDb *db, McFormType type, const char *subject, int year, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db,
      "INSERT INTO form_number_seq (form, year, last) VALUES (?, ?, 1) "
      "ON CONFLICT (form, year) DO UPDATE SET last = form_number_seq.last + 1 RETURNING last", error);
  gint64 seq = 0;

  if (stmt == NULL)
    return -1;
  mc_sql_bind_text (stmt, 1, type_names[type], -1, MC_SQL_STATIC);
  mc_sql_bind_int (stmt, 2, year);
  /* RETURNING always gives the row; no row is a failure, told by the step. */
  if (mc_db_step_row (db, stmt, error) != MC_DB_STEP_ROW)
    return -1;
  seq = mc_sql_column_int64 (stmt, 0);
  if (!mc_db_step_done (db, stmt, error))
    return -1;
  stmt = mc_db_prepare (db, "INSERT INTO form_number (form, subject, year, seq) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return -1;
  mc_sql_bind_text (stmt, 1, type_names[type], -1, MC_SQL_STATIC);
  mc_sql_bind_text (stmt, 2, subject, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int (stmt, 3, year);
  mc_sql_bind_int64 (stmt, 4, seq);
  return mc_db_step_done (db, stmt, error) ? seq : -1;
}

/* The subject's number, given once; BEGIN IMMEDIATE makes the look-up and
 * the increment one step for every process sharing the file. */
static gint64
assign_number (McDb *db, McFormType type, const char *subject, int year, GError **error)
{
  gint64 seq;

  if (!mc_db_begin (db, error))
    return -1;
  seq = existing_number (db, type, subject, error);
  if (seq == 0)
    seq = next_number (db, type, subject, year, error);
  if (seq < 0 || !mc_db_commit (db, error))
    {
      mc_db_rollback (db);
      return -1;
    }
  return seq;
}

char *
mc_form_set_number_line (McDb *db, McFormSet set, McFormType type, const char *subject, McDate date,
                         GError **error)
{
  g_autofree char *mode = NULL;
  g_autofree char *issuer = NULL;
  g_autofree char *number = NULL;
  gint64 seq;
  int year, month, day;

  g_return_val_if_fail (MC_IS_DB (db), NULL);
  g_return_val_if_fail (type < MC_N_FORM_TYPES, NULL);
  g_return_val_if_fail (subject != NULL && subject[0] != '\0', NULL);

  if ((mode = mc_db_get_setting (db, MC_FORMS_NUMBERING_KEY, MC_FORMS_NUMBERING_DEFAULT, error)) == NULL ||
      (issuer = mc_db_get_setting (db, MC_FORMS_ISSUER_KEY, MC_FORMS_ISSUER_DEFAULT, error)) == NULL)
    return NULL;
  if (g_strcmp0 (mode, "blank") == 0)
    return format_line (type, NUMBER_BLANK, issuer);
  mc_date_to_ymd (date, &year, &month, &day);
  seq = assign_number (db, type, subject, year, error);
  if (seq < 0)
    return NULL;
  /* NĐ 30/2020 Phụ lục I II.3: numbers below 10 take a leading 0. */
  number = g_strdup_printf ("%02" G_GINT64_FORMAT, seq);
  return format_line (type, number, issuer);
}
