/* mc-report-narrative.c — the narrative report (BÁO CÁO) as a document:
 * its text from a template, and the text a leader edited kept per period
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
#include "mc-report-narrative-private.h"
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
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT name FROM unit WHERE (?1 = 0 AND relation = 'self') OR id = ?1 "
                                          "ORDER BY id LIMIT 1", NULL);
  g_autoptr(GError) error = NULL;
  char *name = NULL;

  if (stmt == NULL)
    return g_strdup ("");
  mc_sql_bind_int64 (stmt, 1, unit_id);
  /* A word of the narrative: its figures come from queries that fail with
   * the error, so the text is never shown with the name missing alone. */
  if (mc_db_step_row (db, stmt, &error) == MC_DB_STEP_ROW)
    name = g_strdup (mc_sql_column_text (stmt, 0));
  else if (error != NULL)
    g_debug ("The unit's name could not be read: %s", error->message);
  mc_sql_reset (stmt);
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

/* The document */

struct _McReportNarrative
{
  GObject  parent_instance;

  gint64   unit_id;      /* as asked: 0 for the center's own */
  gint64   stored_unit;  /* the unit its edit is kept under (the own unit's id for 0) */
  McDate   from, to, date;
  char    *texts[MC_NARRATIVE_N_TEXTS];
  char    *draft;        /* the template filled with the figures */
  char    *body;         /* the draft or the kept edit */
  GArray  *sections;     /* McNarrativeSection, from body */
  gboolean edited;
  char    *edited_by;
  McTime   edited_at;
};

G_DEFINE_FINAL_TYPE (McReportNarrative, mc_report_narrative, G_TYPE_OBJECT)

enum { PROP_0, PROP_BODY, PROP_EDITED, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* NĐ 30/2020/NĐ-CP Phụ lục I (docs/LEGAL.md): ô 3 số, ký hiệu ("Số:" then
 * the number and "/BC-UBND", BC the abbreviation of Báo cáo), ô 5a tên
 * loại "BÁO CÁO" with the trích yếu under it. The number is left blank for the records
 * clerk, who gives it when the report is registered (văn thư cấp số). */
static const char number_text[] = "Số:        /BC-UBND";
static const char title_text[] = "BÁO CÁO";

static void
clear_section (gpointer data)
{
  McNarrativeSection *section = data;

  g_free (section->heading);
  g_strfreev (section->paragraphs);
}

gboolean
mc_report_narrative_is_heading (const char *line)
{
  const char *p = line;

  g_return_val_if_fail (line != NULL, FALSE);

  while (*p == 'I' || *p == 'V' || *p == 'X')
    p++;
  return p > line && *p == '.';
}

/* The body's lines, stripped, the empty ones dropped; a heading starts a
 * section. What is before the first heading is a section without one. */
static void
split_sections (McReportNarrative *self)
{
  g_auto(GStrv) lines = g_strsplit (self->body, "\n", -1);
  g_autoptr(GPtrArray) paragraphs = NULL;
  char *heading = NULL;

  g_array_set_size (self->sections, 0);
  for (int i = 0; ; i++)
    {
      const char *line = lines[i] ? g_strstrip (lines[i]) : NULL;

      if (line != NULL && *line == '\0')
        continue;
      if (line == NULL || mc_report_narrative_is_heading (line))
        {
          if (paragraphs != NULL || heading != NULL)
            {
              McNarrativeSection section = { heading, NULL };

              if (paragraphs == NULL)
                paragraphs = g_ptr_array_new ();
              g_ptr_array_add (paragraphs, NULL);
              section.paragraphs = (GStrv) g_ptr_array_free (g_steal_pointer (&paragraphs), FALSE);
              g_array_append_val (self->sections, section);
            }
          if (line == NULL)
            break;
          heading = g_strdup (line);
          continue;
        }
      if (paragraphs == NULL)
        paragraphs = g_ptr_array_new ();
      g_ptr_array_add (paragraphs, g_strdup (line));
    }
}

static void
take_body (McReportNarrative *self, char *body)
{
  g_free (self->body);
  self->body = body;
  split_sections (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

static void
set_edited (McReportNarrative *self, gboolean edited, const char *by, McTime at)
{
  g_free (self->edited_by);
  self->edited_by = g_strdup (by);
  self->edited_at = at;
  if (self->edited != edited)
    {
      self->edited = edited;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITED]);
    }
}

static void
mc_report_narrative_finalize (GObject *object)
{
  McReportNarrative *self = MC_REPORT_NARRATIVE (object);

  for (int i = 0; i < MC_NARRATIVE_N_TEXTS; i++)
    g_free (self->texts[i]);
  g_free (self->draft);
  g_free (self->body);
  g_array_unref (self->sections);
  g_free (self->edited_by);
  G_OBJECT_CLASS (mc_report_narrative_parent_class)->finalize (object);
}

static void
mc_report_narrative_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McReportNarrative *self = MC_REPORT_NARRATIVE (object);

  switch (prop_id)
    {
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_EDITED:
      g_value_set_boolean (value, self->edited);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_report_narrative_class_init (McReportNarrativeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_report_narrative_finalize;
  G_OBJECT_CLASS (klass)->get_property = mc_report_narrative_get_property;
  /* The text the files are written from: the draft or the kept edit. */
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, "",
                                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITED] = g_param_spec_boolean ("edited", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
}

static void
mc_report_narrative_init (McReportNarrative *self)
{
  self->sections = g_array_new (FALSE, TRUE, sizeof (McNarrativeSection));
  g_array_set_clear_func (self->sections, clear_section);
  self->draft = g_strdup ("");
  self->body = g_strdup ("");
  self->texts[MC_NARRATIVE_TEXT_NUMBER] = g_strdup (number_text);
  self->texts[MC_NARRATIVE_TEXT_TITLE] = g_strdup (title_text);
}

/* Builders (mc-report-narrative-private.h) */

McReportNarrative *
mc_report_narrative_alloc (gint64 unit_id, McDate from, McDate to)
{
  McReportNarrative *self = g_object_new (MC_TYPE_REPORT_NARRATIVE, NULL);

  self->unit_id = unit_id;
  self->from = from;
  self->to = to;
  self->date = to;
  return self;
}

void
mc_report_narrative_take_text (McReportNarrative *self, McNarrativeText which, char *text)
{
  g_return_if_fail (MC_IS_REPORT_NARRATIVE (self));
  g_return_if_fail (which < MC_NARRATIVE_N_TEXTS);

  g_free (self->texts[which]);
  self->texts[which] = text;
}

/* The draft: also the body while no edit is kept. */
void
mc_report_narrative_take_draft (McReportNarrative *self, char *draft)
{
  g_return_if_fail (MC_IS_REPORT_NARRATIVE (self));

  g_free (self->draft);
  self->draft = draft;
  if (!self->edited)
    take_body (self, g_strdup (draft));
}

/* Reading and keeping an edit */

static gboolean
load_edit (McReportNarrative *self, McDb *db, GError **error)
{
  g_autofree char *f = mc_date_to_iso (self->from), *t = mc_date_to_iso (self->to);
  McSqlStmt *stmt;
  McDbStep step;

  stmt = mc_db_prepare (db, "SELECT e.body, e.edited_at, s.full_name FROM narrative_edit e "
                            "LEFT JOIN staff s ON s.id = e.staff_id "
                            "WHERE e.unit_id = ? AND e.period_from = ? AND e.period_to = ?", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, self->stored_unit);
  mc_sql_bind_text (stmt, 2, f, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 3, t, -1, MC_SQL_TRANSIENT);
  step = mc_db_step_row (db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    {
      set_edited (self, TRUE, mc_sql_column_text (stmt, 2), mc_sql_column_int64 (stmt, 1));
      take_body (self, g_strdup (mc_sql_column_text (stmt, 0)));
    }
  mc_sql_reset (stmt);
  return step != MC_DB_STEP_ERROR;
}

McReportNarrative *
mc_report_narrative_new (McDb *db, gint64 unit_id, McDate from, McDate to, const char *period_label,
                         GError **error)
{
  g_autoptr(GHashTable) values = mc_report_narrative_values (db, unit_id, from, to, period_label, error);
  g_autoptr(McReportNarrative) n = NULL;
  g_autofree char *template_text = NULL, *subject = NULL, *recipients = NULL, *title = NULL, *name = NULL;
  g_autofree char *place = NULL, *addressee = NULL, *authority = NULL, *signer = NULL;
  McReportRules rules;

  if (values == NULL)
    return NULL;
  n = mc_report_narrative_alloc (unit_id, from, to);
  if ((n->stored_unit = unit_id != 0 ? unit_id : mc_report_own_unit (db, error)) == 0)
    return NULL;
  name = unit_name (db, unit_id);
  mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_ISSUER, g_utf8_strup (name, -1));
  if ((place = mc_settings_get (db, "report.place", error)) == NULL)
    return NULL;
  if (place[0] == '\0')
    {
      /* The setting left empty: the unit's own place name, as Biểu 06a. */
      g_autoptr(McUnit) own = mc_unit_get_own (db, NULL);

      if (own != NULL && mc_unit_get_place_name (own) != NULL)
        {
          g_free (place);
          place = g_strdup (mc_unit_get_place_name (own));
        }
    }
  /* A letter is never signed or addressed by default words because the
   * unit's could not be read: the error instead. */
  if ((template_text = mc_settings_get (db, MC_NARRATIVE_TEMPLATE_KEY, error)) == NULL ||
      (subject = mc_settings_get (db, MC_NARRATIVE_SUBJECT_KEY, error)) == NULL ||
      (addressee = mc_settings_get (db, MC_NARRATIVE_ADDRESSEE_KEY, error)) == NULL ||
      (recipients = mc_settings_get (db, MC_NARRATIVE_RECIPIENTS_KEY, error)) == NULL ||
      (title = mc_settings_get (db, "report.signer_title", error)) == NULL ||
      (authority = mc_settings_signer_authority (db, title, error)) == NULL ||
      (signer = mc_settings_get (db, "report.signer", error)) == NULL ||
      !mc_report_rules_load (db, &rules, error))
    return NULL;
  mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_PLACE, g_steal_pointer (&place));
  mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_SUBJECT, mc_report_narrative_fill (subject, values));
  /* "Kính gửi:" when the report goes to a body (NĐ 30/2020 Phụ lục I,
   * the table of Mục V: "Kính gửi:" + nơi nhận, 13–14, đứng). */
  if (addressee[0] != '\0')
    mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_ADDRESSEE, g_strdup_printf ("Kính gửi: %s", addressee));
  mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_RECIPIENTS, mc_settings_recipients_lines (recipients));
  /* The People's Committee signs its reports: TM. for the chairman, KT. CHỦ TỊCH for a deputy. */
  mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_AUTHORITY, g_steal_pointer (&authority));
  mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_SIGNER, g_steal_pointer (&signer));
  mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_AUDIT_HEAD, mc_audit_head_text (db));
  mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_RULES_NOTE, mc_report_rules_note (&rules, TRUE, TRUE, FALSE));
  mc_report_narrative_take_draft (n, mc_report_narrative_fill (template_text, values));
  if (!load_edit (n, db, error))
    return NULL;
  return g_steal_pointer (&n);
}

McReportNarrative *
mc_report_narrative_copy (McReportNarrative *self)
{
  McReportNarrative *copy;

  g_return_val_if_fail (MC_IS_REPORT_NARRATIVE (self), NULL);

  copy = mc_report_narrative_alloc (self->unit_id, self->from, self->to);
  copy->stored_unit = self->stored_unit;
  copy->date = self->date;
  for (int i = 0; i < MC_NARRATIVE_N_TEXTS; i++)
    mc_report_narrative_take_text (copy, i, g_strdup (self->texts[i]));
  g_free (copy->draft);
  copy->draft = g_strdup (self->draft);
  set_edited (copy, self->edited, self->edited_by, self->edited_at);
  take_body (copy, g_strdup (self->body));
  return copy;
}

static gboolean
edit_error (GError **error, const char *message)
{
  g_set_error_literal (error, MC_DB_ERROR, MC_DB_ERROR_INVALID, message);
  return FALSE;
}

/* The text as kept: lines end in \n (a text pasted from Windows has \r\n),
 * no trailing spaces or blank lines at the end. */
static char *
clean_body (const char *body)
{
  g_auto(GStrv) lines = g_strsplit (body, "\n", -1);
  GString *out = g_string_new (NULL);

  for (int i = 0; lines[i]; i++)
    {
      g_strchomp (lines[i]);
      g_string_append (out, lines[i]);
      g_string_append_c (out, '\n');
    }
  while (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static gboolean
delete_edit (McReportNarrative *self, McDb *db, GError **error)
{
  g_autofree char *f = mc_date_to_iso (self->from), *t = mc_date_to_iso (self->to);
  McSqlStmt *stmt = mc_db_prepare (db, "DELETE FROM narrative_edit WHERE unit_id = ? AND period_from = ? "
                                          "AND period_to = ?", error);

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, self->stored_unit);
  mc_sql_bind_text (stmt, 2, f, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 3, t, -1, MC_SQL_TRANSIENT);
  if (!mc_db_step_done (db, stmt, error))
    return FALSE;
  mc_db_note_change (db, MC_CHANGE_REPORT, self->stored_unit);  /* WITHOUT ROWID: no update hook */
  return TRUE;
}

static gboolean
store_edit (McReportNarrative *self, McDb *db, const char *body, McTime now, GError **error)
{
  g_autofree char *f = mc_date_to_iso (self->from), *t = mc_date_to_iso (self->to);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body, -1);
  gint64 actor = mc_db_get_actor (db);
  McSqlStmt *stmt;

  stmt = mc_db_prepare (db, "INSERT INTO narrative_edit (unit_id, period_from, period_to, body, body_sha256, "
                            "staff_id, edited_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                            "ON CONFLICT (unit_id, period_from, period_to) DO UPDATE SET "
                            "body = excluded.body, body_sha256 = excluded.body_sha256, staff_id = excluded.staff_id, "
                            "edited_at = excluded.edited_at WHERE narrative_edit.body IS DISTINCT FROM excluded.body", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, self->stored_unit);
  mc_sql_bind_text (stmt, 2, f, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 3, t, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 4, body, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 5, sum, -1, MC_SQL_TRANSIENT);
  if (actor > 0)
    mc_sql_bind_int64 (stmt, 6, actor);
  else
    mc_sql_bind_null (stmt, 6);
  mc_sql_bind_int64 (stmt, 7, now);
  if (!mc_db_step_done (db, stmt, error))
    return FALSE;
  mc_db_note_change (db, MC_CHANGE_REPORT, self->stored_unit);
  return TRUE;
}

static char *
actor_name (McDb *db)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT full_name FROM staff WHERE id = ?", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;
  mc_sql_bind_int64 (stmt, 1, mc_db_get_actor (db));
  if (mc_db_step_row (db, stmt, NULL) == MC_DB_STEP_ROW)
    name = g_strdup (mc_sql_column_text (stmt, 0));
  mc_sql_reset (stmt);
  return name;
}

gboolean
mc_report_narrative_save (McReportNarrative *self, McDb *db, const char *body, GError **error)
{
  g_autofree char *clean = NULL, *draft = NULL, *name = NULL;
  McTime now = mc_time_now ();

  g_return_val_if_fail (MC_IS_REPORT_NARRATIVE (self), FALSE);
  g_return_val_if_fail (MC_IS_DB (db), FALSE);
  g_return_val_if_fail (body != NULL, FALSE);

  if (!mc_report_check_permission (db, error))
    return FALSE;
  if (!g_utf8_validate (body, -1, NULL))
    return edit_error (error, _("The report’s text is not valid UTF-8"));
  clean = clean_body (body);
  draft = clean_body (self->draft);
  if (g_utf8_strlen (clean, -1) > MC_NARRATIVE_MAX_BODY)
    return edit_error (error, _("The report’s text is too long (at most 100.000 characters)"));
  /* The draft itself, or nothing at all: there is no edit to keep. */
  if (clean[strspn (clean, " \t\n")] == '\0' || g_str_equal (clean, draft))
    return mc_report_narrative_restore (self, db, error);
  if (!mc_db_begin (db, error))
    return FALSE;
  if (!store_edit (self, db, clean, now, error))
    {
      mc_db_rollback (db);
      return FALSE;
    }
  if (!mc_db_commit (db, error))
    return FALSE;
  name = actor_name (db);
  set_edited (self, TRUE, name, now);
  take_body (self, g_steal_pointer (&clean));
  return TRUE;
}

gboolean
mc_report_narrative_restore (McReportNarrative *self, McDb *db, GError **error)
{
  g_return_val_if_fail (MC_IS_REPORT_NARRATIVE (self), FALSE);
  g_return_val_if_fail (MC_IS_DB (db), FALSE);

  if (!mc_report_check_permission (db, error) || !delete_edit (self, db, error))
    return FALSE;
  set_edited (self, FALSE, NULL, 0);
  take_body (self, g_strdup (self->draft));
  return TRUE;
}

/* Reading */

gint64
mc_report_narrative_get_unit_id (McReportNarrative *self)
{
  g_return_val_if_fail (MC_IS_REPORT_NARRATIVE (self), 0);

  return self->unit_id;
}

McDate
mc_report_narrative_get_from (McReportNarrative *self)
{
  g_return_val_if_fail (MC_IS_REPORT_NARRATIVE (self), 0);

  return self->from;
}

McDate
mc_report_narrative_get_to (McReportNarrative *self)
{
  g_return_val_if_fail (MC_IS_REPORT_NARRATIVE (self), 0);

  return self->to;
}

McDate
mc_report_narrative_get_date (McReportNarrative *self)
{
  g_return_val_if_fail (MC_IS_REPORT_NARRATIVE (self), 0);

  return self->date;
}

const char *
mc_report_narrative_get_text (McReportNarrative *self, McNarrativeText which)
{
  g_return_val_if_fail (MC_IS_REPORT_NARRATIVE (self), NULL);
  g_return_val_if_fail (which < MC_NARRATIVE_N_TEXTS, NULL);

  return self->texts[which];
}

const char *
mc_report_narrative_get_body (McReportNarrative *self)
{
  g_return_val_if_fail (MC_IS_REPORT_NARRATIVE (self), NULL);

  return self->body;
}

const char *
mc_report_narrative_get_draft (McReportNarrative *self)
{
  g_return_val_if_fail (MC_IS_REPORT_NARRATIVE (self), NULL);

  return self->draft;
}

gboolean
mc_report_narrative_get_edited (McReportNarrative *self)
{
  g_return_val_if_fail (MC_IS_REPORT_NARRATIVE (self), FALSE);

  return self->edited;
}

const char *
mc_report_narrative_get_edited_by (McReportNarrative *self)
{
  g_return_val_if_fail (MC_IS_REPORT_NARRATIVE (self), NULL);

  return self->edited_by;
}

McTime
mc_report_narrative_get_edited_at (McReportNarrative *self)
{
  g_return_val_if_fail (MC_IS_REPORT_NARRATIVE (self), 0);

  return self->edited_at;
}

guint
mc_report_narrative_get_n_sections (McReportNarrative *self)
{
  g_return_val_if_fail (MC_IS_REPORT_NARRATIVE (self), 0);

  return self->sections->len;
}

const McNarrativeSection *
mc_report_narrative_get_section (McReportNarrative *self, guint i)
{
  g_return_val_if_fail (MC_IS_REPORT_NARRATIVE (self), NULL);
  g_return_val_if_fail (i < self->sections->len, NULL);

  return &g_array_index (self->sections, McNarrativeSection, i);
}

void
mc_report_narrative_set_body (McReportNarrative *self, const char *body)
{
  g_return_if_fail (MC_IS_REPORT_NARRATIVE (self));
  g_return_if_fail (body != NULL);

  take_body (self, g_strdup (body));
}
