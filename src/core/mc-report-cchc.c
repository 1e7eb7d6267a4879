/* mc-report-cchc.c — Phụ lục 01b, thống kê số liệu về kết quả thực hiện
 * công tác cải cách hành chính (seed 003)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The appendix's lines are seed 003's, word for word, in its order
 * (sections 1–7). The figures the software holds are computed:
 * 3.1.3, 3.2.1 and 3.2.3 from the catalog (procedures at the unit's level,
 * by mechanism), 7.4.1–7.4.2 from the catalog's online levels, 3.3.x from
 * the dossiers, 3.4.2 from the results published (every dossier settled in
 * the period is shown on the public liveboard and listed in the public
 * results appendix, Phụ lục 01), 3.5 from the apology letters. The others
 * (the reform plan's tasks, inspections, legal documents, staff numbers,
 * 3.1.1–3.1.2 and 3.2.2 which the catalog does not date or tell apart,
 * 3.2.4–3.2.6, 3.4.1 and 3.4.3 which happen on the province's systems, and
 * e-government) are entered per unit and period (table cchc_entry).
 *
 * 3.3.1 is Biểu 06a's (3) (received in the period plus those carried over)
 * split by channel, online dossiers by their level (một phần = the old
 * "mức độ 3", toàn trình = "mức độ 4"; an online dossier of unknown level
 * counts as một phần); the line "Từ kỳ trước chuyển qua" (the seeds'
 * narratives give it) is printed when it is not 0, so the lines add up.
 * 3.3.2 is the dossiers settled in the period with a result before or at
 * their appointment, split by the channel they came in by. 3.3.3 and 3.3.4
 * are those of the fields whose name holds "đất đai" and "xây dựng". Every
 * value is the count of one predicate and its list selects with the same
 * one.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-db-private.h"
#include "mc-format.h"
#include "mc-report.h"
#include "mc-report-cchc.h"
#include "mc-report-private.h"
#include "mc-reception.h"
#include "mc-report-rules.h"
#include "mc-settings.h"
#include "mc-text.h"

#define NEW "(d.received_at >= ?2 AND d.received_at < ?3)"
#define ONLINE_FULL "(d.channel = 'truc_tuyen' AND d.online_level IS NOT DISTINCT FROM 'full')"
#define ONLINE_PARTIAL "(d.channel = 'truc_tuyen' AND d.online_level IS DISTINCT FROM 'full')"
/* Not late by the stored timeliness; item_condition puts the rule of
 * report.timeliness_basis in its place (mc-report-rules.c). */
#define NOT_LATE "d.timeliness IS DISTINCT FROM 'late'"
#define SETTLED "(d.finished_at >= ?2 AND d.finished_at < ?3)"
#define ON_TIME "(d.finished_at >= ?2 AND d.finished_at < ?3 AND coalesce (d.outcome, 'approved') = 'approved' " \
                "AND " NOT_LATE ")"

/* The SQL condition of each computed item: on procedure p for the first
 * five, on dossier d (and its procedure p) for the others. */
static const char *const conditions[MC_CCHC_N_ITEMS] = {
  [MC_CCHC_PROCEDURES] = "TRUE",
  [MC_CCHC_ONE_STOP] = "p.mechanism = 'mot_cua'",
  [MC_CCHC_LINKED] = "p.mechanism = 'lien_thong'",
  [MC_CCHC_ONLINE_PARTIAL_PROCEDURES] = "p.online_level = 'partial'",
  [MC_CCHC_ONLINE_FULL_PROCEDURES] = "p.online_level = 'full'",
  [MC_CCHC_RECEIVED] = "d.received_at < ?3 AND (d.finished_at IS NULL OR d.finished_at >= ?2)",
  [MC_CCHC_RECEIVED_DIRECT] = NEW " AND d.channel = 'truc_tiep'",
  [MC_CCHC_RECEIVED_POST] = NEW " AND d.channel = 'buu_chinh'",
  [MC_CCHC_RECEIVED_PARTIAL] = NEW " AND " ONLINE_PARTIAL,
  [MC_CCHC_RECEIVED_FULL] = NEW " AND " ONLINE_FULL,
  [MC_CCHC_RECEIVED_CARRIED] = "d.received_at < ?2 AND (d.finished_at IS NULL OR d.finished_at >= ?2)",
  [MC_CCHC_ON_TIME] = ON_TIME,
  [MC_CCHC_ON_TIME_DIRECT] = ON_TIME " AND d.channel = 'truc_tiep'",
  [MC_CCHC_ON_TIME_POST] = ON_TIME " AND d.channel = 'buu_chinh'",
  [MC_CCHC_ON_TIME_PARTIAL] = ON_TIME " AND " ONLINE_PARTIAL,
  [MC_CCHC_ON_TIME_FULL] = ON_TIME " AND " ONLINE_FULL,
  [MC_CCHC_ON_TIME_LAND] = ON_TIME " AND p.field_id IN ",
  [MC_CCHC_ON_TIME_CONSTRUCTION] = ON_TIME " AND p.field_id IN ",
  [MC_CCHC_PUBLISHED] = SETTLED,
  [MC_CCHC_APOLOGIES] =
    "EXISTS (SELECT 1 FROM apology a WHERE a.dossier_id = d.id AND a.issued_at >= ?2 AND a.issued_at < ?3)",
};

#define S(n, l) { n, n, MC_CCHC_LINE_SECTION, -1, "", 0, l }
#define G(n, l, u) { n, n, MC_CCHC_LINE_GROUP, -1, u, 0, l }
#define C(n, i, l, u) { n, n, MC_CCHC_LINE_COMPUTED, MC_CCHC_##i, u, 0, l }
#define E(n, k, l, u, m) { n, k, MC_CCHC_LINE_ENTRY, -1, u, m, l }
#define YES_NO(yes, no) yes " = 1\n" no " = 0"

/* Seed 003's Phụ lục 01b (UBND thị trấn Bút Sơn, 6 tháng đầu năm 2023): its
 * numbering ("2.3.", "6.1.") and labels as printed. The level words are the
 * unit's ({cap}: "cấp xã" in the seed) and its superior's ({tren}); the
 * online levels are named as in the period ({muc3}, {muc4}). */
static const McCchcLine lines[] = {
  S ("1", "Công tác chỉ đạo điều hành CCHC"),
  G ("1.1", "Kế hoạch CCHC", ""),
  E ("1.1.1", "1.1.1", "Số nhiệm vụ đề ra trong kế hoạch", "Nhiệm vụ", 0),
  E ("1.1.2", "1.1.2", "Số nhiệm vụ đã hoàn thành", "Nhiệm vụ", 0),
  E ("1.1.3", "1.1.3", "Số văn bản chỉ đạo CCHC đã ban hành", "Văn bản", 0),
  G ("1.2", "Kiểm tra CCHC", ""),
  E ("1.2.1", "1.2.1", "Số bộ phận, công chức chuyên môn {cap} đã kiểm tra", "Bộ phận, công chức CM", 0),
  E ("1.2.2", "1.2.2", "Số vấn đề phát hiện qua kiểm tra", "Vấn đề", 0),
  E ("1.2.3", "1.2.3", "Số vấn đề phát hiện đã xử lý xong", "Vấn đề", 0),
  G ("1.3", "Thực hiện nhiệm vụ UBND {tren}, Chủ tịch UBND {tren} giao", ""),
  E ("1.3.1", "1.3.1", "Tổng số nhiệm vụ được giao", "Nhiệm vụ", 0),
  E ("1.3.2", "1.3.2", "Số nhiệm vụ đã hoàn thành đúng hạn", "Nhiệm vụ", 0),
  E ("1.3.3", "1.3.3", "Số nhiệm vụ đã hoàn thành nhưng quá hạn", "Nhiệm vụ", 0),
  G ("1.4", "Khảo sát sự hài lòng của người dân, tổ chức", ""),
  E ("1.4.1", "1.4.1", "Số lượng phiếu khảo sát", "Số lượng", 0),
  E ("1.4.2", "1.4.2", "Hình thức khảo sát", "Trực tuyến = 0\nPhát phiếu = 1\nKết hợp = 2", 2),
  E ("1.5", "1.5", "Tổ chức đối thoại của lãnh đạo với người dân, cộng đồng doanh nghiệp trên địa bàn",
     "Không = 0\nCó = 1", 1),
  S ("2", "Cải cách thể chế"),
  E ("2.1", "2.1", "Số VBQPPL đã ban hành/tham mưu ban hành", "Văn bản", 0),
  E ("2.2", "2.2", "Số VBQPPL đã kiểm tra theo thẩm quyền", "Văn bản", 0),
  E ("2.3.", "2.3", "Số VBQPPL đã rà soát", "Văn bản", 0),
  E ("2.4.", "2.4", "Số VBQPPL đã kiến nghị xử lý sau kiểm tra, rà soát", "Văn bản", 0),
  E ("2.5", "2.5", "Số VBQPPL có kiến nghị xử lý đã được xử lý xong", "Văn bản", 0),
  S ("3", "Cải cách thủ tục hành chính"),
  G ("3.1", "Thống kê TTHC", ""),
  E ("3.1.1", "3.1.1", "Số TTHC/ danh mục TTHC thuộc thẩm quyền quản lý công bố mới", "Thủ tục", 0),
  E ("3.1.2", "3.1.2", "Số TTHC thuộc thẩm quyền bãi bỏ, thay thế", "Thủ tục", 0),
  C ("3.1.3", PROCEDURES, "Tổng số TTHC đang áp dụng", "Thủ tục"),
  G ("3.2", "Thực hiện cơ chế một cửa, một cửa liên thông", ""),
  C ("3.2.1", ONE_STOP, "Số TTHC đưa vào thực hiện theo cơ chế một cửa tại {cap}", "Thủ tục"),
  E ("3.2.2", "3.2.2", "Số TTHC liên thông cùng cấp", "Thủ tục", 0),
  C ("3.2.3", LINKED, "Số TTHC liên thông giữa các cấp chính quyền", "Thủ tục"),
  E ("3.2.4", "3.2.4", "Tỷ lệ TTHC đã được phê duyệt quy trình nội bộ (Theo quy trình ISO)", "%", 100),
  E ("3.2.5", "3.2.5", "Tỷ lệ quy trình nội bộ giải quyết TTHC đã được điện tử hóa", "%", 100),
  E ("3.2.6", "3.2.6", "Số TTHC đã thực hiện tiếp nhận và giải quyết hồ sơ không phụ thuộc vào địa giới hành chính",
     "Thủ tục", 0),
  G ("3.3", "Kết quả giải quyết TTHC", ""),
  C ("3.3.1", RECEIVED, "Số lượng hồ sơ đã tiếp nhận", "Số lượng hồ sơ"),
  C ("", RECEIVED_DIRECT, "Tiếp nhận trực tiếp", "Số lượng hồ sơ"),
  C ("", RECEIVED_POST, "Tiếp nhận qua BCCI", "Số lượng hồ sơ"),
  C ("", RECEIVED_PARTIAL, "Tiếp nhận trực tuyến {muc3}", "Số lượng hồ sơ"),
  C ("", RECEIVED_FULL, "Tiếp nhận trực tuyến {muc4}", "Số lượng hồ sơ"),
  C ("", RECEIVED_CARRIED, "Từ kỳ trước chuyển qua", "Số lượng hồ sơ"),
  C ("3.3.2", ON_TIME, "Số lượng hồ sơ TTHC do UBND {cap} tiếp nhận được giải quyết đúng hạn", "Số lượng hồ sơ"),
  C ("", ON_TIME_DIRECT, "Trả trực tiếp", "nt"),
  C ("", ON_TIME_POST, "Trả qua BCCI", "nt"),
  C ("", ON_TIME_PARTIAL, "Giải quyết trực tuyến {muc3}", "nt"),
  C ("", ON_TIME_FULL, "Giải quyết trực tuyến {muc4}", "nt"),
  C ("3.3.3", ON_TIME_LAND, "Số lượng hồ sơ TTHC về lĩnh vực đất đai được giải quyết đúng hạn", "Số lượng hồ sơ"),
  C ("3.3.4", ON_TIME_CONSTRUCTION, "Số lượng hồ sơ TTHC về lĩnh vực xây dựng được giải quyết đúng hạn",
     "Số lượng hồ sơ"),
  G ("3.4", "Công khai kết quả giải quyết", ""),
  E ("3.4.1", "3.4.1", "Công khai kết quả giải quyết trên Cổng dịch vụ công của tỉnh", "Số hồ sơ đã giải quyết", 0),
  C ("3.4.2", PUBLISHED, "Công khai kết quả giải quyết trên trang TTĐT của đơn vị", "Số hồ sơ đã giải quyết"),
  E ("3.4.3", "3.4.3", "Số TTHC đã tích hợp dịch vụ thanh toán trực tuyến trên Cổng dịch vụ công.", "Thủ tục", 0),
  C ("3.5", APOLOGIES, "Số thư/ trường hợp đã công khai xin lỗi", ""),
  S ("4", "Cải cách tổ chức bộ máy hành chính nhà nước"),
  E ("4.1", "4.1", "Số liệu về biên chế cán bộ, công chức", "Người", 0),
  E ("4.1.1", "4.1.1", "Tổng số biên chế được giao trong năm", "Người", 0),
  E ("4.1.2", "4.1.2", "Tổng số biên chế có mặt tại thời điểm báo cáo", "Người", 0),
  E ("4.1.3", "4.1.3", "Số biên chế đã tinh giản trong kỳ báo cáo", "Người", 0),
  E ("4.1.4", "4.1.4", "Tỷ lệ phần trăm biên chế đã tinh giản so với năm 2015", "%", 100),
  S ("5", "Cải cách chế độ công vụ"),
  G ("5.1", "Thực hiện kỷ luật, kỷ cương hành chính; Số liệu về xử lý kỷ luật cán bộ, công chức "
            "(cả về Đảng và chính quyền).", ""),
  E ("5.2", "5.2", "Xây dựng kế hoạch tự kiểm tra kỷ luật, kỷ cương hành chính",
     YES_NO ("Có ban hành hoặc triển khai KH", "Không ban hành; triển khai KH"), 1),
  E ("5.3", "5.3", "Số lượng, tỷ lệ đơn vị được kiểm tra kỷ luật, kỷ cương hành chính", "%", 100),
  E ("5.4", "5.4", "Số lãnh đạo {cap} bị kỷ luật.", "Người", 0),
  E ("5.5", "5.5", "Số lượng công chức {cap} bị kỷ luật", "Người", 0),
  S ("6", "Cải cách tài chính công"),
  E ("6.1.", "6.1", "Đơn vị đã thực hiện xây dựng Quy chế chi tiêu nội bộ", YES_NO ("Có ban hành QC", "Không ban hành QC"), 1),
  E ("6.2.", "6.2", "Đơn vị đã thực hiện Quy chế quản lý tài sản công", YES_NO ("Có ban hành QC", "Không ban hành QC"), 1),
  S ("7", "Xây dựng và phát triển Chính quyền điện tử"),
  E ("7.1.", "7.1", "Xây dựng và vận hành Hệ thống họp trực tuyến Từ UBND tỉnh đến 100% UBND cấp xã",
     "Chưa có = 0\n2 cấp = 1\n3 cấp = 2", 2),
  G ("7.2", "Số liệu về trao đổi văn bản điện tử", "Văn bản"),
  E ("7.2.1", "7.2.1", "Thực hiện kết nối, liên thông các hệ thống quản lý văn bản điều hành từ tỉnh, huyện đến xã",
     YES_NO ("Đã kết nối", "Chưa kết nối"), 1),
  E ("7.2.2", "7.2.2", "Tổng số VĂN BẢN ĐI giữa các cơ quan nhà nước trên địa bàn {dia_ban}", "Văn bản", 0),
  E ("", "7.2.2a", "Tỷ lệ văn bản được gửi hoàn toàn dưới dạng điện tử (Sử dụng chữ ký số, chứng thư số và gửi "
                    "trên môi trường điện tử).", "%", 100),
  E ("", "7.2.2b", "Tỷ lệ văn bản được gửi hoàn toàn dưới dạng điện tử và song song với văn bản giấy", "%", 100),
  E ("7.3", "7.3", "Vận hành Hệ thống thông tin một cửa điện tử", "", 1),
  E ("7.3.1", "7.3.1", "Kết nối liên thông với Hệ thống một cửa điện tử cấp huyện, tỉnh",
     YES_NO ("Đã kết nối", "Chưa kết nối"), 1),
  G ("7.4", "Dịch vụ công trực tuyến", ""),
  C ("7.4.1", ONLINE_PARTIAL_PROCEDURES, "Tổng số TTHC cung cấp trực tuyến {muc3}", "TTHC"),
  C ("7.4.2", ONLINE_FULL_PROCEDURES, "Tổng số TTHC cung cấp trực tuyến {muc4}", "TTHC"),
  E ("7.5", "7.5", "Thực hiện duy trì, áp dụng hệ thống tại UBND {cap}", YES_NO ("Có thực hiện", "Không thực hiện"), 1),
};

#undef S
#undef G
#undef C
#undef E
#undef YES_NO

const McCchcLine *
mc_report_cchc_lines (guint *n_lines)
{
  if (n_lines != NULL)
    *n_lines = G_N_ELEMENTS (lines);
  return lines;
}

const McCchcLine *
mc_report_cchc_entry_line (const char *key)
{
  g_autofree char *clean = g_strstrip (g_strdup (key ? key : ""));
  size_t len = strlen (clean);

  /* "6.1." as printed is the key "6.1". */
  if (len > 0 && clean[len - 1] == '.')
    clean[len - 1] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (lines[i].kind == MC_CCHC_LINE_ENTRY && g_ascii_strcasecmp (lines[i].key, clean) == 0)
      return &lines[i];
  return NULL;
}

/* Nghị định 42/2022/NĐ-CP (24/6/2022), Điều 11, names the online public
 * services "một phần" and "toàn trình" instead of the former mức độ 3 and 4
 * (the text itself is not in our sources; DOMAIN.md). The provincial
 * templates the seeds reproduce kept "mức độ 3 / mức độ 4" in 2023 (seed
 * 003) and in quý I/2024 (seed 002's narrative); no source says when the
 * province's form changed, so the date is the setting
 * report.online_names_from, by default the reform of 1/7/2025. */
gboolean
mc_report_cchc_old_online_names (McDb *db, McDate to, GError **error)
{
  g_autofree char *from = mc_settings_get (db, MC_REPORT_ONLINE_NAMES_KEY, error);
  McDate switch_date;

  if (from == NULL)
    return FALSE;
  return !mc_date_parse_iso (from, &switch_date) || to < switch_date;
}

static char *
unit_level (McDb *db, gint64 unit_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT level FROM unit WHERE (%" G_GINT64_FORMAT " = 0 AND relation = "
                                          "'self') OR id = %" G_GINT64_FORMAT " ORDER BY id LIMIT 1",
                                          unit_id, unit_id);
  McSqlStmt *stmt = mc_db_prepare (db, sql, NULL);
  g_autoptr(GError) error = NULL;
  char *level = NULL;

  /* For a line's label only: the figures of the same report are read by
   * queries that fail with the error, so a label is never shown alone. */
  if (stmt != NULL && mc_db_step_row (db, stmt, &error) == MC_DB_STEP_ROW)
    level = g_strdup (mc_sql_column_text (stmt, 0));
  if (error != NULL)
    g_debug ("The unit's level could not be read: %s", error->message);
  if (stmt != NULL)
    mc_sql_reset (stmt);
  return level ? level : g_strdup ("xa");
}

/* The level above the unit's: a commune reported to the district until the
 * districts ended on 1/7/2025 (Nghị định 118/2025; DOMAIN.md), to the
 * province after; a district to the province; a province to the
 * government. */
static const char *
superior (const char *level, McDate to)
{
  McDate reform = mc_date_from_ymd (2025, 7, 1);

  if (g_str_equal (level, "xa"))
    return to < reform ? "huyện" : "tỉnh";
  if (g_str_equal (level, "huyen"))
    return "tỉnh";
  return "Chính phủ";
}

static const char *
level_word (const char *level)
{
  return g_str_equal (level, "tinh") ? "tỉnh" : g_str_equal (level, "huyen") ? "huyện" : "xã";
}

char *
mc_report_cchc_line_label (McDb *db, const McCchcLine *line, gint64 unit_id, McDate to)
{
  g_autofree char *level = unit_level (db, unit_id);
  g_autofree char *cap = g_strconcat ("cấp ", level_word (level), NULL);
  g_autofree char *tren = g_str_equal (superior (level, to), "Chính phủ") ? NULL : g_strdup (superior (level, to));
  /* A label, like the unit's level above: the report it belongs to asked
   * the same setting with its error first (mc-report-document-build.c). */
  gboolean old = mc_report_cchc_old_online_names (db, to, NULL);
  g_autoptr(GString) out = g_string_new (line->label);

  g_string_replace (out, "{cap}", cap, 0);
  g_string_replace (out, "{dia_ban}", level_word (level), 0);
  /* A province's superior is the Government: "Chính phủ, Thủ tướng Chính phủ". */
  if (tren == NULL)
    g_string_replace (out, "UBND {tren}, Chủ tịch UBND {tren}", "Chính phủ, Thủ tướng Chính phủ", 0);
  else
    g_string_replace (out, "{tren}", tren, 0);
  g_string_replace (out, "{muc3}", old ? "mức độ 3" : "một phần", 0);
  g_string_replace (out, "{muc4}", old ? "mức độ 4" : "toàn trình", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
mc_report_cchc_item_is_procedures (McCchcItem item)
{
  return item <= MC_CCHC_ONLINE_FULL_PROCEDURES;
}

/* The fields whose folded name holds `words` ("dat dai"). */
static char *
fields_named (McDb *db, const char *words, GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT id, name FROM field", error);
  McDbStep step;

  if (stmt == NULL)
    return NULL;
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      g_autofree char *folded = mc_text_fold (mc_sql_column_text (stmt, 1));
      gint64 id = mc_sql_column_int64 (stmt, 0);

      if (strstr (folded, words) != NULL)
        g_array_append_val (ids, id);
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    return NULL;
  return mc_report_id_list (ids);
}

static char *
item_condition_as_stored (McDb *db, McCchcItem item, GError **error)
{
  g_autofree char *ids = NULL;

  /* Liên thông by the procedure's mechanism or the unit's declaration (mc-reception.h). */
  if (item == MC_CCHC_ONE_STOP || item == MC_CCHC_LINKED)
    {
      g_autofree char *linked = mc_reception_sql_linked ("?1");

      return item == MC_CCHC_LINKED ? g_steal_pointer (&linked) : g_strconcat ("NOT ", linked, NULL);
    }
  if (item != MC_CCHC_ON_TIME_LAND && item != MC_CCHC_ON_TIME_CONSTRUCTION)
    return g_strdup (conditions[item]);
  ids = fields_named (db, item == MC_CCHC_ON_TIME_LAND ? "dat dai" : "xay dung", error);
  return ids ? g_strconcat (conditions[item], "(", ids, ")", NULL) : NULL;
}

static char *
item_condition (McDb *db, McCchcItem item, GError **error)
{
  char *condition = item_condition_as_stored (db, item, error);
  g_autofree char *late = NULL;
  g_autofree char *not_late = NULL;
  McReportRules rules;
  GString *s;

  if (condition != NULL && !mc_report_rules_load (db, &rules, error))
    g_clear_pointer (&condition, g_free);
  if (condition == NULL || !rules.by_return || strstr (condition, NOT_LATE) == NULL)
    return condition;
  late = mc_report_rules_sql_late (&rules);
  not_late = g_strdup_printf ("NOT %s", late);
  s = g_string_new (condition);
  g_free (condition);
  g_string_replace (s, NOT_LATE, not_late, 0);
  return g_string_free (s, FALSE);
}


static char *
item_sql (McDb *db, McCchcItem item, gboolean count, GError **error)
{
  g_autofree char *condition = item_condition (db, item, error);

  if (condition == NULL)
    return NULL;
  /* The procedures the unit receives since 1/7/2025 (its competence and its
   * declarations, mc-reception.h), not only those of its level. */
  if (mc_report_cchc_item_is_procedures (item))
    {
      g_autofree char *received = mc_reception_sql_received ("?1");

      return g_strdup_printf ("SELECT %s FROM procedure p WHERE %s AND %s AND ?2 = ?2 AND ?3 = ?3 %s",
                              count ? "count (*)" : "p.code", received, condition, count ? "" : "ORDER BY p.code");
    }
  return g_strdup_printf ("SELECT %s FROM dossier d JOIN procedure p ON p.id = d.procedure_id "
                          "WHERE d.unit_id = ?1 AND %s %s", count ? "count (*)" : "d.code", condition,
                          count ? "" : "ORDER BY d.received_at, d.id");
}

static gint64
resolve_unit (McDb *db, gint64 unit_id, GError **error)
{
  if (!mc_report_check_permission (db, error))
    return 0;
  return unit_id != 0 ? unit_id : mc_report_own_unit (db, error);
}

McReportCchc *
mc_report_cchc_compute (McDb *db, gint64 unit_id, McDate from, McDate to, GError **error)
{
  g_autofree McReportCchc *report = g_new0 (McReportCchc, 1);
  McTime t0, t1;

  g_return_val_if_fail (MC_IS_DB (db), NULL);
  g_return_val_if_fail (from <= to, NULL);

  if ((unit_id = resolve_unit (db, unit_id, error)) == 0)
    return NULL;
  report->from = from;
  report->to = to;
  mc_report_bounds (from, to, &t0, &t1);
  for (int i = 0; i < MC_CCHC_N_ITEMS; i++)
    {
      g_autofree char *sql = item_sql (db, i, TRUE, error);
      McSqlStmt *stmt = sql ? mc_db_prepare (db, sql, error) : NULL;
      if (stmt == NULL)
        return NULL;
      mc_sql_bind_int64 (stmt, 1, unit_id);
      mc_sql_bind_int64 (stmt, 2, t0);
      mc_sql_bind_int64 (stmt, 3, t1);
      switch (mc_db_step_row (db, stmt, error))
        {
        case MC_DB_STEP_ERROR:
          return NULL;
        case MC_DB_STEP_DONE:  /* a count always gives its row */
          mc_sql_reset (stmt);
          mc_db_set_error (db, MC_SQL_DONE, error);
          return NULL;
        case MC_DB_STEP_ROW:
          break;
        }
      report->value[i] = (guint) mc_sql_column_int64 (stmt, 0);
      mc_sql_reset (stmt);
    }
  return g_steal_pointer (&report);
}

GPtrArray *
mc_report_cchc_items (McDb *db, gint64 unit_id, McDate from, McDate to, McCchcItem item, GError **error)
{
  g_autofree char *sql = NULL;
  McTime t0, t1;

  g_return_val_if_fail (MC_IS_DB (db), NULL);
  g_return_val_if_fail (item < MC_CCHC_N_ITEMS, NULL);

  if ((unit_id = resolve_unit (db, unit_id, error)) == 0 || (sql = item_sql (db, item, FALSE, error)) == NULL)
    return NULL;
  mc_report_bounds (from, to, &t0, &t1);
  return mc_report_query_strings (db, sql, unit_id, t0, t1, error);
}

/* Entered figures (table cchc_entry) */

static gboolean
entry_error (GError **error, const char *message)
{
  g_set_error_literal (error, MC_DB_ERROR, MC_DB_ERROR_INVALID, message);
  return FALSE;
}

GHashTable *
mc_report_cchc_entries (McDb *db, gint64 unit_id, McDate from, McDate to, GError **error)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *f = mc_date_to_iso (from), *t = mc_date_to_iso (to);
  McSqlStmt *stmt;
  McDbStep step;

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  if ((unit_id = resolve_unit (db, unit_id, error)) == 0 ||
      (stmt = mc_db_prepare (db, "SELECT item, value FROM cchc_entry WHERE unit_id = ? AND period_from = ? "
                                 "AND period_to = ?", error)) == NULL)
    return NULL;
  mc_sql_bind_int64 (stmt, 1, unit_id);
  mc_sql_bind_text (stmt, 2, f, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 3, t, -1, MC_SQL_TRANSIENT);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    g_hash_table_insert (entries, g_strdup (mc_sql_column_text (stmt, 0)),
                         g_strdup (mc_sql_column_text (stmt, 1)));
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&entries);
}

/* A figure as Vietnamese write it: "0", or digits without a leading zero,
 * grouped by three with "." (1.157) or not (1157), then "," and decimals
 * (0,05). */
static const char *
parse_whole (const char *p, gint64 *whole)
{
  const char *start = p;
  int first = 0;

  *whole = 0;
  if (*p == '0')
    return g_ascii_isdigit (p[1]) || p[1] == '.' ? NULL : p + 1;
  while (g_ascii_isdigit (*p))
    *whole = *whole * 10 + (*p++ - '0'), first++;
  if (first == 0 || first > 15)
    return NULL;
  if (*p != '.')
    return p;
  if (first > 3)
    return NULL;
  while (*p == '.')
    {
      for (int i = 1; i <= 3; i++)
        if (!g_ascii_isdigit (p[i]))
          return NULL;
      *whole = *whole * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
      p += 4;
      if (p - start > 20)
        return NULL;
    }
  return g_ascii_isdigit (*p) ? NULL : p;
}

static gboolean
parse_figure (const char *text, double *value, int *decimals)
{
  gboolean negative = *text == '-';
  const char *p;
  gint64 whole = 0;
  double frac = 0, scale = 1;
  int n = 0;

  if ((p = parse_whole (text + negative, &whole)) == NULL)
    return FALSE;
  if (*p == ',')
    {
      for (p++; g_ascii_isdigit (*p) && n < 6; p++, n++)
        frac = frac * 10 + (*p - '0'), scale *= 10;
      if (n == 0)
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;
  *value = (negative ? -1 : 1) * ((double) whole + frac / scale);
  *decimals = n;
  return TRUE;
}

/* A figure as typed: Vietnamese (1.157; 0,05) or plain digits ("02" as the
 * seeds write it), not negative, at most `max`; written back the way the
 * reports print figures. */
static char *
normalize_figure (const char *text, double max, GError **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));
  double value;
  int decimals;

  if (!parse_figure (clean, &value, &decimals))
    {
      char *end = NULL;

      decimals = 0;
      value = clean[0] != '\0' && g_ascii_isdigit (clean[0]) ? g_ascii_strtod (clean, &end) : -1;
      if (end == NULL || *end != '\0' || strchr (clean, '.') != NULL)
        {
          g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID,
                       _("“%s” is not a number: write it as 26, 1.157 or 0,05"), clean);
          return NULL;
        }
    }
  if (value < 0 && max <= 0)
    {
      g_set_error_literal (error, MC_DB_ERROR, MC_DB_ERROR_INVALID, _("The figure cannot be negative"));
      return NULL;
    }
  if (value < 0 || (max > 0 && value > max))
    {
      g_autofree char *limit = mc_format_decimal (max, 0);

      g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID, _("The figure must be between 0 and %s"), limit);
      return NULL;
    }
  return mc_format_decimal (value, MIN (decimals, 2));
}

gboolean
mc_report_cchc_set_entry (McDb *db, gint64 unit_id, McDate from, McDate to, const char *key, const char *value,
                          GError **error)
{
  const McCchcLine *line = mc_report_cchc_entry_line (key);
  g_autofree char *figure = NULL, *f = mc_date_to_iso (from), *t = mc_date_to_iso (to);
  g_autofree char *typed = g_strstrip (g_strdup (value ? value : ""));
  gboolean clear = *typed == '\0';
  McSqlStmt *stmt;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);

  if ((unit_id = resolve_unit (db, unit_id, error)) == 0)
    return FALSE;
  if (from > to)
    return entry_error (error, _("The first day of the period comes after its last day"));
  if (line == NULL)
    {
      g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID,
                   _("The CCHC statistics have no figure to enter numbered “%s”"), key ? key : "");
      return FALSE;
    }
  if (!clear && (figure = normalize_figure (typed, line->max, error)) == NULL)
    return FALSE;
  stmt = mc_db_prepare (db, clear ? "DELETE FROM cchc_entry WHERE unit_id = ?1 AND period_from = ?2 "
                                    "AND period_to = ?3 AND item = ?4"
                                  : "INSERT INTO cchc_entry (unit_id, period_from, period_to, item, value) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (unit_id, period_from, period_to, item) "
                                    "DO UPDATE SET value = excluded.value "
                                    "WHERE cchc_entry.value IS DISTINCT FROM excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, unit_id);
  mc_sql_bind_text (stmt, 2, f, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 3, t, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 4, line->key, -1, MC_SQL_STATIC);
  if (!clear)
    mc_sql_bind_text (stmt, 5, figure, -1, MC_SQL_TRANSIENT);
  if (!mc_db_step_done (db, stmt, error))
    return FALSE;
  mc_db_note_change (db, MC_CHANGE_REPORT, unit_id);  /* WITHOUT ROWID: no update hook */
  return TRUE;
}

gboolean
mc_report_cchc_set_entries (McDb *db, gint64 unit_id, McDate from, McDate to, const char *const *keys,
                            const char *const *values, int *failed, GError **error)
{
  g_return_val_if_fail (MC_IS_DB (db), FALSE);
  g_return_val_if_fail (keys != NULL && values != NULL, FALSE);

  if (failed != NULL)
    *failed = -1;
  if (!mc_db_begin (db, error))
    return FALSE;
  for (int i = 0; keys[i] != NULL && values[i] != NULL; i++)
    if (!mc_report_cchc_set_entry (db, unit_id, from, to, keys[i], values[i], error))
      {
        if (failed != NULL)
          *failed = i;
        mc_db_rollback (db);
        return FALSE;
      }
  return mc_db_commit (db, error);
}
