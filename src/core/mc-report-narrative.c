/* mc-report-narrative.c — the narrative report's text from a template
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures are those of Biểu 06a (received, settled, pending) and of the
 * CCHC statistics (channels, apologies), written the Vietnamese way
 * (1.157 hồ sơ; đạt 77%), the shares of the dossiers settled.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-audit.h"
#include "mc-db-private.h"
#include "mc-format.h"
#include "mc-report.h"
#include "mc-report-cchc.h"
#include "mc-report-narrative.h"
#include "mc-report-private.h"
#include "mc-settings.h"
#include "mc-report-rules.h"
#include "mc-unit.h"

static const char default_template[] =
  "Thực hiện chế độ báo cáo định kỳ, {{don_vi}} báo cáo tình hình, kết quả giải quyết thủ tục hành chính "
  "{{ky_bao_cao}} như sau:\n\n"
  "I. KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH\n\n"
  "- Tổng số hồ sơ đã tiếp nhận là {{tong_tiep_nhan}} hồ sơ. Trong đó:\n"
  "+ Số hồ sơ tiếp nhận trực tiếp: {{truc_tiep}} hồ sơ;\n"
  "+ Số hồ sơ tiếp nhận qua bưu chính công ích: {{buu_chinh}} hồ sơ;\n"
  "+ Số hồ sơ tiếp nhận trực tuyến {{muc_do_mot_phan}}: {{truc_tuyen_mot_phan}} hồ sơ;\n"
  "+ Số hồ sơ tiếp nhận trực tuyến {{muc_do_toan_trinh}}: {{truc_tuyen_toan_trinh}} hồ sơ;\n"
  "+ Số hồ sơ kỳ trước chuyển qua: {{ky_truoc}} hồ sơ.\n\n"
  "- Số hồ sơ đã giải quyết trả kết quả: {{da_giai_quyet}} hồ sơ. Trong đó:\n"
  "+ Số hồ sơ đã giải quyết trả trước hạn: {{truoc_han}} hồ sơ (đạt {{ty_le_truoc_han}});\n"
  "+ Số hồ sơ đã giải quyết trả đúng hạn: {{dung_han}} hồ sơ (đạt {{ty_le_dung_han}});\n"
  "+ Số hồ sơ đã giải quyết trả quá hạn: {{qua_han}} hồ sơ ({{ty_le_qua_han}}).\n\n"
  "- Số hồ sơ đang giải quyết: {{dang_giai_quyet}} hồ sơ. Trong đó:\n"
  "+ Số hồ sơ đang giải quyết chưa đến hạn: {{dang_trong_han}} hồ sơ;\n"
  "+ Số hồ sơ đang giải quyết quá hạn: {{dang_qua_han}} hồ sơ.\n\n"
  "- Số trường hợp đã công khai xin lỗi: {{xin_loi}} trường hợp.\n\n"
  "(Số liệu tính đến ngày {{den_ngay}}, có biểu mẫu kèm theo).\n\n"
  "II. ĐÁNH GIÁ CHUNG\n\n"
  "1. Thuận lợi:\n\n"
  "2. Tồn tại, hạn chế:\n\n"
  "III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TIẾP THEO\n\n"
  "Trên đây là báo cáo tình hình, kết quả giải quyết thủ tục hành chính {{ky_bao_cao}} của {{don_vi}}./.";

const char *
mc_report_narrative_default_template (void)
{
  return default_template;
}

char *
mc_report_narrative_fill (const char *template_text, GHashTable *values)
{
  GString *out = g_string_new (NULL);
  const char *p = template_text;

  g_return_val_if_fail (template_text != NULL && values != NULL, NULL);

  while (*p)
    {
      const char *open = strstr (p, "{{"), *close = open ? strstr (open + 2, "}}") : NULL;
      g_autofree char *name = NULL;
      const char *value;

      if (close == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      name = g_strstrip (g_strndup (open + 2, close - open - 2));
      value = g_hash_table_lookup (values, name);
      if (value != NULL)
        g_string_append (out, value);
      else
        g_string_append_len (out, open, close + 2 - open);
      p = close + 2;
    }
  return g_string_free (out, FALSE);
}

static void
put_count (GHashTable *values, const char *name, guint n)
{
  g_hash_table_insert (values, g_strdup (name), mc_format_count (n));
}

/* Every share with one decimal, Vietnamese comma: "77,0%", "21,4%",
 * "100,0%". The seeds mix "77%" and "78,6%" in one report (seed 002); one
 * precision reads as one table. Rounded half up on the tenth. */
static void
put_share (GHashTable *values, const char *name, guint n, guint of)
{
  guint64 tenths = of ? ((guint64) n * 2000 + of) / ((guint64) of * 2) : 0;

  g_hash_table_insert (values, g_strdup (name),
                       g_strdup_printf ("%" G_GUINT64_FORMAT ",%u%%", tenths / 10, (guint) (tenths % 10)));
}

static char *
unit_name (McDb *db, gint64 unit_id)
{
  sqlite3_stmt *stmt = mc_db_prepare (db, "SELECT name FROM unit WHERE (?1 = 0 AND relation = 'self') OR id = ?1 "
                                          "ORDER BY id LIMIT 1", NULL);
  g_autoptr(GError) error = NULL;
  char *name = NULL;

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, unit_id);
  /* A word of the narrative: its figures come from queries that fail with
   * the error, so the text is never shown with the name missing alone. */
  if (mc_db_step_row (db, stmt, &error) == MC_DB_STEP_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (error != NULL)
    g_debug ("The unit's name could not be read: %s", error->message);
  sqlite3_reset (stmt);
  return name ? name : g_strdup ("");
}

GHashTable *
mc_report_narrative_values (McDb *db, gint64 unit_id, McDate from, McDate to, const char *period_label,
                            GError **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(McReport06a) r = NULL;
  g_autofree McReportCchc *cchc = NULL;
  const guint *t;
  gboolean old_names;
  g_autoptr(GError) read_error = NULL;

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  if (!mc_report_check_permission (db, error) ||
      (r = mc_report_06a_compute (db, unit_id, from, to, TRUE, error)) == NULL ||
      (cchc = mc_report_cchc_compute (db, unit_id, from, to, error)) == NULL)
    return NULL;
  old_names = mc_report_cchc_old_online_names (db, to, &read_error);
  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return NULL;
    }
  t = r->total.c;
  g_hash_table_insert (values, g_strdup ("don_vi"), unit_name (db, unit_id));
  g_hash_table_insert (values, g_strdup ("ky_bao_cao"), g_strdup (period_label ? period_label : ""));
  g_hash_table_insert (values, g_strdup ("tu_ngay"), mc_format_date (from));
  /* "Số liệu tính đến ngày": a period not over yet is counted up to today. */
  g_hash_table_insert (values, g_strdup ("den_ngay"),
                       mc_format_date (MAX (from, MIN (to, mc_time_get_date (mc_time_now ())))));
  put_count (values, "tong_tiep_nhan", t[MC_06A_RECEIVED]);
  put_count (values, "truc_tiep", cchc->value[MC_CCHC_RECEIVED_DIRECT]);
  put_count (values, "buu_chinh", cchc->value[MC_CCHC_RECEIVED_POST]);
  put_count (values, "truc_tuyen_mot_phan", cchc->value[MC_CCHC_RECEIVED_PARTIAL]);
  put_count (values, "truc_tuyen_toan_trinh", cchc->value[MC_CCHC_RECEIVED_FULL]);
  /* The online levels as the period names them, as Phụ lục 01b does
   * (mc_report_cchc_old_online_names: "mức độ 3" in seed 003's 2023). */
  g_hash_table_insert (values, g_strdup ("muc_do_mot_phan"),
                       g_strdup (old_names ? "mức độ 3" : "một phần"));
  g_hash_table_insert (values, g_strdup ("muc_do_toan_trinh"),
                       g_strdup (old_names ? "mức độ 4" : "toàn trình"));
  put_count (values, "truc_tuyen", t[MC_06A_ONLINE]);
  put_count (values, "ky_truoc", t[MC_06A_CARRIED]);
  put_count (values, "da_giai_quyet", t[MC_06A_SETTLED]);
  put_count (values, "truoc_han", t[MC_06A_EARLY]);
  put_count (values, "dung_han", t[MC_06A_ON_TIME]);
  put_count (values, "qua_han", t[MC_06A_LATE]);
  put_share (values, "ty_le_truoc_han", t[MC_06A_EARLY], t[MC_06A_SETTLED]);
  put_share (values, "ty_le_dung_han", t[MC_06A_ON_TIME], t[MC_06A_SETTLED]);
  put_share (values, "ty_le_qua_han", t[MC_06A_LATE], t[MC_06A_SETTLED]);
  put_share (values, "ty_le_dung_va_truoc_han", t[MC_06A_EARLY] + t[MC_06A_ON_TIME], t[MC_06A_SETTLED]);
  put_count (values, "dang_giai_quyet", t[MC_06A_PENDING]);
  put_count (values, "dang_trong_han", t[MC_06A_PENDING_IN_TIME]);
  put_count (values, "dang_qua_han", t[MC_06A_PENDING_LATE]);
  put_count (values, "xin_loi", cchc->value[MC_CCHC_APOLOGIES]);
  put_count (values, "so_tthc", cchc->value[MC_CCHC_PROCEDURES]);
  put_count (values, "so_tthc_mot_cua", cchc->value[MC_CCHC_ONE_STOP]);
  put_count (values, "so_tthc_lien_thong", cchc->value[MC_CCHC_LINKED]);
  return g_steal_pointer (&values);
}

McReportNarrative *
mc_report_narrative_new (McDb *db, gint64 unit_id, McDate from, McDate to, const char *period_label,
                         GError **error)
{
  g_autoptr(GHashTable) values = mc_report_narrative_values (db, unit_id, from, to, period_label, error);
  g_autoptr(McReportNarrative) n = g_new0 (McReportNarrative, 1);
  g_autofree char *template_text = NULL, *subject = NULL, *recipients = NULL, *title = NULL, *name = NULL;
  McReportRules rules;

  if (values == NULL)
    return NULL;
  name = unit_name (db, unit_id);
  n->issuer = g_utf8_strup (name, -1);
  if ((n->place = mc_settings_get (db, "report.place", error)) == NULL)
    return NULL;
  if (n->place[0] == '\0')
    {
      /* The setting left empty: the unit's own place name, as Biểu 06a. */
      g_autoptr(McUnit) own = mc_unit_get_own (db, NULL);

      if (own != NULL && mc_unit_get_place_name (own) != NULL)
        {
          g_free (n->place);
          n->place = g_strdup (mc_unit_get_place_name (own));
        }
    }
  n->date = to;
  /* A letter is never signed or addressed by default words because the
   * unit's could not be read: the error instead. */
  if ((template_text = mc_settings_get (db, MC_NARRATIVE_TEMPLATE_KEY, error)) == NULL ||
      (subject = mc_settings_get (db, MC_NARRATIVE_SUBJECT_KEY, error)) == NULL ||
      (n->addressee = mc_settings_get (db, MC_NARRATIVE_ADDRESSEE_KEY, error)) == NULL ||
      (recipients = mc_settings_get (db, MC_NARRATIVE_RECIPIENTS_KEY, error)) == NULL ||
      (title = mc_settings_get (db, "report.signer_title", error)) == NULL ||
      (n->authority = mc_settings_signer_authority (db, title, error)) == NULL ||
      (n->signer = mc_settings_get (db, "report.signer", error)) == NULL ||
      !mc_report_rules_load (db, &rules, error))
    return NULL;
  n->body = mc_report_narrative_fill (template_text, values);
  n->subject = mc_report_narrative_fill (subject, values);
  n->recipients = mc_settings_recipients_lines (recipients);
  /* The People's Committee signs its reports: TM. for the chairman, KT. CHỦ TỊCH for a deputy. */
  n->audit_head = mc_audit_head_text (db);
  n->rules_note = mc_report_rules_note (&rules, TRUE, TRUE, FALSE);
  return g_steal_pointer (&n);
}

void
mc_report_narrative_free (McReportNarrative *n)
{
  if (n == NULL)
    return;
  g_free (n->issuer);
  g_free (n->parent);
  g_free (n->place);
  g_free (n->subject);
  g_free (n->addressee);
  g_free (n->body);
  g_free (n->recipients);
  g_free (n->authority);
  g_free (n->signer);
  g_free (n->audit_head);
  g_free (n->rules_note);
  g_free (n);
}
