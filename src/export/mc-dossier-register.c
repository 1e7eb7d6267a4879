/* mc-dossier-register.c — Sổ theo dõi hồ sơ for a period, as PDF and XLSX
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Columns. TT 03/2025/TT-VPCP Mẫu 07, as reproduced in Quyết định
 * 3621/QĐ-BYT (24/11/2025), BM.06: "STT | Mã hồ sơ | Tên TTHC | Tên tổ chức, cá
 * nhân | Địa chỉ/SĐT | Cơ quan chủ trì giải quyết | Nhận và trả kết quả (Nhận hồ
 * sơ | Hẹn trả kết quả | Trả kết quả | Phương thức nhận kết quả | Ký nhận)" and
 * its two notes. TT 01/2018/TT-VPCP Mẫu 06: the official Phụ lục was not at hand
 * (docs/LEGAL.md §9, gap 1); its columns here are those its book is known by —
 * the 2025 ones plus "Số lượng hồ sơ (bộ)", the dates of "chuyển hồ sơ đến cơ
 * quan giải quyết" and "nhận kết quả từ cơ quan giải quyết" that 2025 dropped,
 * and "Ghi chú" — with the 2018 wording "Ngày, tháng, năm …" and "Địa chỉ, số
 * điện thoại". Check them against the official text before relying on them.
 * Both are numbered (1), (2), … under the header, as registers are.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "mc-audit.h"
#include "mc-dossier-register.h"
#include "mc-form-paper.h"
#include "mc-export-file.h"
#include "mc-receipt.h"
#include "mc-report-export-private.h"
#include "mc-xlsx-file.h"


typedef enum {
  FIELD_NUMBER, FIELD_CODE, FIELD_PROCEDURE, FIELD_SETS, FIELD_APPLICANT, FIELD_CONTACT,
  FIELD_BODY, FIELD_RECEIVED, FIELD_DUE, FIELD_TRANSFERRED, FIELD_FINISHED, FIELD_RETURNED,
  FIELD_METHOD, FIELD_SIGN, FIELD_NOTE,
} Field;

typedef struct {
  const char *title;
  const char *group;
  double      pdf_width;   /* points; 0: the rest */
  double      xlsx_width;  /* characters */
  gboolean    center;
  Field       field;
} Column;

#define GROUP "Nhận và trả kết quả"

/* The PDF widths are the least a column takes: the table shares the
 * landscape content width (714 pt) out by what the cells hold, measured
 * (MC_PDF_TABLE_FIT); the numbers and the room to sign keep theirs. The
 * 2018 book has three more columns: a smaller type. */
static const Column columns_2018[] = {
  { "STT", NULL, 24, 5, TRUE, FIELD_NUMBER },
  { "Mã hồ sơ", NULL, 0, 16, FALSE, FIELD_CODE },
  { "Tên TTHC", NULL, 0, 30, FALSE, FIELD_PROCEDURE },
  { "Số lượng hồ sơ (bộ)", NULL, 0, 8, TRUE, FIELD_SETS },
  { "Tên tổ chức, cá nhân", NULL, 0, 18, FALSE, FIELD_APPLICANT },
  { "Địa chỉ, số điện thoại", NULL, 0, 22, FALSE, FIELD_CONTACT },
  { "Cơ quan chủ trì giải quyết", NULL, 0, 16, FALSE, FIELD_BODY },
  { "Ngày, tháng, năm nhận hồ sơ", GROUP, 0, 12, TRUE, FIELD_RECEIVED },
  { "Ngày, tháng, năm hẹn trả kết quả", GROUP, 0, 12, TRUE, FIELD_DUE },
  { "Ngày, tháng, năm chuyển hồ sơ đến cơ quan giải quyết", GROUP, 0, 12, TRUE, FIELD_TRANSFERRED },
  { "Ngày, tháng, năm nhận kết quả từ cơ quan giải quyết", GROUP, 0, 12, TRUE, FIELD_FINISHED },
  { "Ngày, tháng, năm trả kết quả cho tổ chức, cá nhân", GROUP, 0, 12, TRUE, FIELD_RETURNED },
  { "Ký nhận", GROUP, 40, 14, TRUE, FIELD_SIGN },
  { "Ghi chú", NULL, 36, 12, FALSE, FIELD_NOTE },
};
#define SIZE_2018 9.0

static const Column columns_2025[] = {
  { "STT", NULL, 26, 5, TRUE, FIELD_NUMBER },
  { "Mã hồ sơ", NULL, 0, 16, FALSE, FIELD_CODE },
  { "Tên TTHC", NULL, 0, 32, FALSE, FIELD_PROCEDURE },
  { "Tên tổ chức, cá nhân", NULL, 0, 18, FALSE, FIELD_APPLICANT },
  { "Địa chỉ/SĐT", NULL, 0, 24, FALSE, FIELD_CONTACT },
  { "Cơ quan chủ trì giải quyết", NULL, 0, 16, FALSE, FIELD_BODY },
  { "Nhận hồ sơ", GROUP, 0, 12, TRUE, FIELD_RECEIVED },
  { "Hẹn trả kết quả", GROUP, 0, 12, TRUE, FIELD_DUE },
  { "Trả kết quả", GROUP, 0, 12, TRUE, FIELD_RETURNED },
  { "Phương thức nhận kết quả", GROUP, 0, 14, FALSE, FIELD_METHOD },
  { "Ký nhận", GROUP, 50, 14, TRUE, FIELD_SIGN },
};
#define SIZE_2025 9.0

/* The document's words, Vietnamese whatever the interface language. */
static const char *
return_method_label (McChannel channel)
{
  switch (channel)
    {
    case MC_CHANNEL_TRUC_TIEP:
      return "Trực tiếp";
    case MC_CHANNEL_BUU_CHINH:
      return "Dịch vụ bưu chính công ích";
    case MC_CHANNEL_TRUC_TUYEN:
      return "Trực tuyến";
    default:
      return "";
    }
}

McDossierRegisterData *
mc_dossier_register_data_new_empty (McTime from, McTime to)
{
  McDossierRegisterData *data = g_new0 (McDossierRegisterData, 1);

  data->from = from;
  data->to = to;
  data->printed_at = mc_time_now ();
  data->rows = g_ptr_array_new ();
  data->form_set = -1;
  data->switch_at = -1;
  return data;
}

void
mc_dossier_register_data_free (McDossierRegisterData *data)
{
  if (data == NULL)
    return;
  mc_records_unit_clear (&data->unit);
  g_free (data->field);
  g_clear_pointer (&data->rows, g_ptr_array_unref);
  g_clear_pointer (&data->return_methods, g_hash_table_unref);
  g_free (data->number_line);
  g_free (data->audit_head);
  g_free (data);
}

/* How each result went back (the 2025 column "Phương thức nhận kết quả"),
 * which McRegisterRow does not carry. */
static GHashTable *
load_return_methods (McWorkflow *workflow, McTime from, McTime to, GError **error)
{
  g_autoptr(GHashTable) channels = mc_workflow_return_methods (workflow, from, to, error);
  GHashTable *methods;
  GHashTableIter iter;
  gpointer code, channel;

  if (channels == NULL)
    return NULL;
  methods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, channels);
  while (g_hash_table_iter_next (&iter, &code, &channel))
    g_hash_table_insert (methods, g_strdup (code), g_strdup (return_method_label (GPOINTER_TO_INT (channel))));
  return methods;
}

static McTime form_switch (McDb *db, McTime from, McTime to, GError **error);

/* The book of a period keeps one number, of the year it starts in. */
static gboolean
fill_number (McDb *db, McDossierRegisterData *data, GError **error)
{
  g_autofree char *from = mc_time_to_iso (data->from);
  g_autofree char *to = mc_time_to_iso (data->to);
  g_autofree char *subject = g_strdup_printf ("%s/%s", from, to);
  McFormSet set;

  if (!mc_form_paper_for_document (db, data->from, MC_FORM_TYPE_REGISTER, &set, NULL, error))
    return FALSE;
  data->form_set = set;
  data->number_line = mc_form_set_number_line (db, data->form_set, MC_FORM_TYPE_REGISTER, subject,
                                               mc_time_get_date (data->from), error);
  return data->number_line != NULL;
}

McDossierRegisterData *
mc_dossier_register_data_new (McWorkflow *workflow, McTime from, McTime to, const char *field,
                              GError **error)
{
  g_autoptr(McDossierRegisterData) data = mc_dossier_register_data_new_empty (from, to);
  GPtrArray *rows;

  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);

  if (to <= from)
    {
      g_set_error_literal (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID,
                           _("The end of the period must come after its start"));
      return NULL;
    }
  rows = mc_workflow_register (workflow, from, to, field, error);
  if (rows == NULL)
    return NULL;
  if (field != NULL && (data->field = mc_workflow_find_field (workflow, field, error)) == NULL)
    return NULL;
  g_ptr_array_unref (data->rows);
  data->rows = rows;
  data->return_methods = load_return_methods (workflow, from, to, error);
  if (data->return_methods == NULL ||
      !mc_records_unit_load (mc_workflow_get_db (workflow), &data->unit, error) ||
      !fill_number (mc_workflow_get_db (workflow), data, error))
    return NULL;
  data->audit_head = mc_audit_head_text (mc_workflow_get_db (workflow));
  data->switch_at = form_switch (mc_workflow_get_db (workflow), from, to, error);
  if (data->switch_at < 0)
    return NULL;
  return g_steal_pointer (&data);
}

McFormSet
mc_dossier_register_get_form_set (const McDossierRegisterData *data)
{
  if (data->form_set >= 0)
    return (McFormSet) data->form_set;
  return mc_form_set_for_time (NULL, data->from, NULL);
}

/* Parts */

/* With `error` set, the answer is not to be used. */
static gboolean
on_2025_forms (McDb *db, McTime t, GError **error)
{
  return mc_form_set_for_time (db, t, error) == MC_FORM_SET_2025;
}

/* The first instant of [from, to) whose dossiers take the TT 03/2025 forms
 * (to when none does), by days: the one function that decides the form set
 * (mc_form_set_for_time, its switch date a setting) is asked, never a date
 * of our own. */
static McTime
form_switch (McDb *db, McTime from, McTime to, GError **error)
{
  McDate lo = mc_time_get_date (from), hi = mc_time_get_date (to - 1);
  g_autoptr(GError) read_error = NULL;
  gboolean on;

  on = on_2025_forms (db, from, &read_error);
  if (read_error == NULL && on)
    return from;
  on = read_error == NULL && on_2025_forms (db, mc_time_from_local (hi, 0), &read_error);
  if (read_error == NULL && !on)
    return to;
  /* lo is on the old forms, hi on the new: the first new day is in (lo, hi]. */
  while (read_error == NULL && hi - lo > 1)
    {
      McDate mid = lo + (hi - lo) / 2;

      if (on_2025_forms (db, mc_time_from_local (mid, 0), &read_error))
        hi = mid;
      else
        lo = mid;
    }
  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return -1;
    }
  return MAX (from, mc_time_from_local (hi, 0));
}

static void
part_free (McDossierRegisterPart *part)
{
  g_ptr_array_unref (part->rows);
  g_free (part);
}

static McDossierRegisterPart *
part_new (const McDossierRegisterData *data, gboolean form_2025, const char *field, McTime cut)
{
  McDossierRegisterPart *part = g_new0 (McDossierRegisterPart, 1);

  part->form_2025 = form_2025;
  part->field = field;
  part->from = form_2025 ? cut : data->from;
  part->to = form_2025 ? data->to : cut;
  part->rows = g_ptr_array_new ();
  return part;
}

/* TT 01/2018 first; the rows came by field already, and a stable sort keeps
 * that order within each form set. */
static int
compare_parts (gconstpointer a, gconstpointer b)
{
  const McDossierRegisterPart *pa = *(McDossierRegisterPart **) a, *pb = *(McDossierRegisterPart **) b;

  return (int) pa->form_2025 - (int) pb->form_2025;
}

GPtrArray *
mc_dossier_register_data_get_parts (const McDossierRegisterData *data)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);
  McTime cut;
  McDossierRegisterPart *last = NULL;

  g_return_val_if_fail (data != NULL, parts);

  /* Built by hand (no database): the default switch date. */
  cut = data->switch_at >= 0 ? data->switch_at : form_switch (NULL, data->from, data->to, NULL);
  for (guint r = 0; r < data->rows->len; r++)
    {
      McRegisterRow *row = g_ptr_array_index (data->rows, r);
      gboolean form_2025 = row->received_at >= cut;
      McDossierRegisterPart *part = NULL;

      /* Rows of one field are together: only the current parts can match. */
      for (guint i = last ? parts->len - MIN (parts->len, 2) : 0; i < parts->len; i++)
        {
          McDossierRegisterPart *p = g_ptr_array_index (parts, i);

          if (p->form_2025 == form_2025 && g_strcmp0 (p->field, row->field_name) == 0)
            part = p;
        }
      if (part == NULL)
        g_ptr_array_add (parts, part = part_new (data, form_2025, row->field_name, cut));
      g_ptr_array_add (part->rows, row);
      last = part;
    }
  if (parts->len == 0)
    {
      if (cut > data->from)
        g_ptr_array_add (parts, part_new (data, FALSE, data->field, cut));
      if (cut < data->to)
        g_ptr_array_add (parts, part_new (data, TRUE, data->field, cut));
    }
  g_ptr_array_sort (parts, compare_parts);
  return parts;
}

static const Column *
get_columns (const McDossierRegisterPart *part, int *n_columns)
{
  if (part->form_2025)
    {
      *n_columns = G_N_ELEMENTS (columns_2025);
      return columns_2025;
    }
  *n_columns = G_N_ELEMENTS (columns_2018);
  return columns_2018;
}

const char *
mc_dossier_register_get_title (void)
{
  return "SỔ THEO DÕI HỒ SƠ";
}

static McTime
row_time (const McRegisterRow *row, Field field)
{
  switch (field)
    {
    case FIELD_RECEIVED:
      return row->received_at;
    case FIELD_DUE:
      return row->due_at;
    case FIELD_TRANSFERRED:
      return row->transferred_at;
    case FIELD_FINISHED:
      return row->finished_at;
    case FIELD_RETURNED:
      return row->returned_at;
    default:
      return 0;
    }
}

static gboolean
is_time_field (Field field)
{
  return field >= FIELD_RECEIVED && field <= FIELD_RETURNED;
}

/* The text of a cell (times as "dd/mm/yyyy HH:MM"). */
static char *
cell_text (const McDossierRegisterData *data, const McRegisterRow *row, guint index, Field field)
{
  const char *method = data->return_methods != NULL && row->code != NULL
                       ? g_hash_table_lookup (data->return_methods, row->code) : NULL;

  /* The day over the time: the date columns stay narrow. */
  if (is_time_field (field))
    return g_strdelimit (mc_records_format_short (row_time (row, field)), " ", '\n');
  switch (field)
    {
    case FIELD_NUMBER:
      return g_strdup_printf ("%u", index + 1);
    case FIELD_CODE:
      return g_strdup (row->code);
    case FIELD_PROCEDURE:
      return g_strdup (row->procedure_name);
    case FIELD_SETS:
      return row->n_sets > 0 ? g_strdup_printf ("%02d", row->n_sets) : g_strdup ("");
    case FIELD_APPLICANT:
      return g_strdup (row->applicant_name);
    case FIELD_CONTACT:
      return g_strdup (row->applicant_contact);
    case FIELD_BODY:
      return g_strdup (row->handling_body);
    case FIELD_METHOD:
      return g_strdup (method);
    case FIELD_SIGN:
      /* Who collected it; they sign beside their name in the printed book. */
      return g_strdup (row->returned_to);
    case FIELD_NOTE:
      return g_strdup (row->note);
    default:
      return g_strdup ("");
    }
}

/* "(Từ ngày 01/01/2024 đến ngày 31/03/2024)": the end is the last day included. */
static char *
period_text (const McDossierRegisterPart *part)
{
  g_autofree char *from = mc_records_format_short (part->from);
  g_autofree char *to = mc_records_format_short (part->to - 1);

  from[10] = '\0';
  to[10] = '\0';
  return g_strdup_printf ("(Từ ngày %s đến ngày %s)", from, to);
}

/* PDF */

static void
header (McPdfDocument *doc, const McDossierRegisterData *data)
{
  const char *bodies[3] = { NULL, };
  g_autofree char *blank = NULL;
  int n = 0;

  if (data->unit.unit_name != NULL && data->unit.unit_name[0] != '\0')
    bodies[n++] = data->unit.unit_name;
  else if (data->unit.parent_unit_name != NULL && data->unit.parent_unit_name[0] != '\0')
    bodies[n++] = data->unit.parent_unit_name;
  bodies[n++] = data->unit.office_name != NULL ? data->unit.office_name : MC_RECORDS_BLANK;
  if (data->number_line == NULL)
    blank = mc_form_set_blank_number_line (mc_dossier_register_get_form_set (data), MC_FORM_TYPE_REGISTER, NULL);
  mc_pdf_document_header_numbered (doc, bodies, data->number_line ? data->number_line : blank,
                                   data->unit.place_name, mc_time_get_date (data->printed_at));
}

static void
notes (McPdfDocument *doc)
{
  mc_pdf_document_space (doc, 8);
  mc_pdf_document_text (doc, "<b><i>Ghi chú:</i></b>", 12, MC_PDF_TEXT_PLAIN);
  mc_pdf_document_text (doc, "- Sổ theo dõi hồ sơ được lập theo từng lĩnh vực hoặc nhóm lĩnh vực tại Bộ phận "
                             "Một cửa.", 12, MC_PDF_TEXT_JUSTIFY);
  mc_pdf_document_text (doc, "- Trường hợp áp dụng Sổ theo dõi hồ sơ điện tử thì theo dõi trực tiếp trên Hệ "
                             "thống thông tin giải quyết thủ tục hành chính, không cần thực hiện in sổ giấy "
                             "nhưng phải đảm bảo đầy đủ thông tin theo quy định.", 12, MC_PDF_TEXT_JUSTIFY);
}

/* The field the book is kept for, under the title. */
static void
field_line (McPdfDocument *doc, const McDossierRegisterPart *part)
{
  g_autofree char *markup = NULL;

  if (part->field == NULL)
    return;
  markup = g_markup_printf_escaped ("Lĩnh vực: <b>%s</b>", part->field);
  mc_pdf_document_text (doc, markup, 13, MC_PDF_TEXT_CENTER);
}

/* "000.00.06.H56-\n260302-0039": the code on two lines after the agency's
 * part (TT 01/2018 Điều 19), never broken inside its numbers. */
static char *
code_lines (const McRegisterRow *row)
{
  const char *dash = row->code != NULL ? strchr (row->code, '-') : NULL;

  if (dash == NULL)
    return g_strdup (row->code ? row->code : "");
  return g_strdup_printf ("%.*s\n%s", (int) (dash - row->code + 1), row->code, dash + 1);
}

static void
lay_out_part (McPdfDocument *doc, const McDossierRegisterData *data, const McDossierRegisterPart *part)
{
  int n_columns;
  const Column *columns = get_columns (part, &n_columns);
  g_autofree McPdfColumn *pdf_columns = g_new0 (McPdfColumn, n_columns);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *period = period_text (part);
  g_autofree char *period_markup = g_markup_printf_escaped ("<i>%s</i>", period);

  for (int c = 0; c < n_columns; c++)
    pdf_columns[c] = (McPdfColumn) { columns[c].title, columns[c].pdf_width, columns[c].center,
                                     columns[c].group, .whole = columns[c].field == FIELD_CODE };
  for (guint r = 0; r < part->rows->len; r++)
    {
      char **cells = g_new0 (char *, n_columns + 1);

      for (int c = 0; c < n_columns; c++)
        cells[c] = columns[c].field == FIELD_CODE ? code_lines (g_ptr_array_index (part->rows, r))
                                                  : cell_text (data, g_ptr_array_index (part->rows, r), r,
                                                               columns[c].field);
      g_ptr_array_add (rows, cells);
    }
  mc_report_pdf_audit_note (doc, data->audit_head, NULL);
  header (doc, data);
  mc_pdf_document_title (doc, mc_dossier_register_get_title ());
  field_line (doc, part);
  mc_pdf_document_text (doc, period_markup, 13, MC_PDF_TEXT_CENTER);
  mc_pdf_document_space (doc, 10);
  mc_pdf_document_table_full (doc, pdf_columns, n_columns, rows, MC_PDF_TABLE_NUMBERED | MC_PDF_TABLE_FIT,
                              part->form_2025 ? SIZE_2025 : SIZE_2018);
  if (part->form_2025)
    notes (doc);
}

/* Each book starts on a page of its own. */
static void
lay_out (McPdfDocument *doc, const McDossierRegisterData *data)
{
  g_autoptr(GPtrArray) parts = mc_dossier_register_data_get_parts (data);

  for (guint i = 0; i < parts->len && !mc_pdf_document_is_cancelled (doc); i++)
    {
      if (i > 0)
        mc_pdf_document_break_page (doc);
      lay_out_part (doc, data, g_ptr_array_index (parts, i));
    }
}

int
mc_dossier_register_get_n_pages (const McDossierRegisterData *data, double width, double height)
{
  g_return_val_if_fail (data != NULL, 0);

  return mc_records_count_pages ((McRecordsLayOutFunc) lay_out, data, MC_PDF_LANDSCAPE_WIDTH, MC_PDF_LANDSCAPE_HEIGHT);
}

void
mc_dossier_register_draw_page (cairo_t *cr, const McDossierRegisterData *data, int page,
                               double width, double height)
{
  g_return_if_fail (cr != NULL && data != NULL);
  g_return_if_fail (width > 0 && height > 0);

  mc_records_draw_page (cr, (McRecordsLayOutFunc) lay_out, data, page, MC_PDF_LANDSCAPE_WIDTH, MC_PDF_LANDSCAPE_HEIGHT, width, height);
}

static gboolean
check_texts (const McDossierRegisterData *data, GError **error)
{
  const char *unit[] = { data->unit.parent_unit_name, data->unit.unit_name, data->unit.office_name,
                         data->unit.place_name };

  if (!mc_records_check_utf8 (unit, G_N_ELEMENTS (unit), error))
    return FALSE;
  for (guint i = 0; i < data->rows->len; i++)
    {
      McRegisterRow *row = g_ptr_array_index (data->rows, i);
      const char *texts[] = { row->code, row->procedure_name, row->applicant_name, row->applicant_contact,
                              row->handling_body, row->returned_to, row->note };

      if (!mc_records_check_utf8 (texts, G_N_ELEMENTS (texts), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
mc_dossier_register_data_write_pdf (const McDossierRegisterData *data, const char *path, GError **error)
{
  return mc_dossier_register_data_write_pdf_full (data, path, NULL, error);
}

gboolean
mc_dossier_register_data_write_pdf_full (const McDossierRegisterData *data, const char *path,
                                         const McExportMonitor *monitor, GError **error)
{
  g_return_val_if_fail (data != NULL && path != NULL, FALSE);

  if (!check_texts (data, error))
    return FALSE;
  return mc_records_write_pdf (path, mc_dossier_register_get_title (), MC_PDF_LANDSCAPE_WIDTH,
                               MC_PDF_LANDSCAPE_HEIGHT, (McRecordsLayOutFunc) lay_out, data, monitor, error);
}

/* XLSX */

typedef struct {
  lxw_format *body;      /* the issuing body, bold */
  lxw_format *nation;
  lxw_format *title;
  lxw_format *period;
  lxw_format *number_line;  /* "Số: 01/STD-TTPVHCC" */
  lxw_format *head;
  lxw_format *number;    /* "(1)" */
  lxw_format *cell;
  lxw_format *center;
  lxw_format *time;
  lxw_format *note;
} Formats;

static lxw_format *
base_format (lxw_workbook *wb, double size, gboolean bold)
{
  lxw_format *f = workbook_add_format (wb);

  format_set_font_name (f, "Times New Roman");
  format_set_font_size (f, size);
  format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap (f);
  if (bold)
    format_set_bold (f);
  return f;
}

static lxw_format *
bordered (lxw_workbook *wb, gboolean bold, uint8_t align)
{
  lxw_format *f = base_format (wb, 11, bold);

  format_set_border (f, LXW_BORDER_THIN);
  format_set_align (f, align);
  return f;
}

static void
make_formats (lxw_workbook *wb, Formats *f)
{
  f->body = base_format (wb, 12, TRUE);
  format_set_align (f->body, LXW_ALIGN_CENTER);
  f->nation = base_format (wb, 12, TRUE);
  format_set_align (f->nation, LXW_ALIGN_CENTER);
  f->title = base_format (wb, 14, TRUE);
  format_set_align (f->title, LXW_ALIGN_CENTER);
  f->number_line = base_format (wb, 13, FALSE);
  format_set_align (f->number_line, LXW_ALIGN_CENTER);
  f->period = base_format (wb, 13, FALSE);
  format_set_italic (f->period);
  format_set_align (f->period, LXW_ALIGN_CENTER);
  f->head = bordered (wb, TRUE, LXW_ALIGN_CENTER);
  f->number = bordered (wb, FALSE, LXW_ALIGN_CENTER);
  format_set_italic (f->number);
  f->cell = bordered (wb, FALSE, LXW_ALIGN_LEFT);
  f->center = bordered (wb, FALSE, LXW_ALIGN_CENTER);
  f->time = bordered (wb, FALSE, LXW_ALIGN_CENTER);
  format_set_num_format (f->time, "dd/mm/yyyy hh:mm");
  f->note = base_format (wb, 11, FALSE);
}

static char *
upper (const char *text)
{
  return g_utf8_strup (text != NULL ? text : "", -1);
}

/* Rows 0–4: the issuing body and the national name, the title (with the
 * field), the period. */
static void
write_heading (lxw_worksheet *ws, const Formats *f, const McDossierRegisterData *data,
               const McDossierRegisterPart *part, int n_columns)
{
  int split = n_columns / 2 - 1;
  g_autofree char *unit = upper (data->unit.unit_name);
  g_autofree char *office = upper (data->unit.office_name);
  g_autofree char *period_only = period_text (part);
  g_autofree char *period = part->field != NULL ? g_strdup_printf ("Lĩnh vực: %s %s", part->field, period_only)
                                                : g_strdup (period_only);
  g_autofree char *blank = data->number_line ? NULL
                                             : mc_form_set_blank_number_line (part->form_2025 ? MC_FORM_SET_2025
                                                                                              : MC_FORM_SET_2018,
                                                                              MC_FORM_TYPE_REGISTER, NULL);

  worksheet_merge_range (ws, 0, 0, 0, split, unit, f->body);
  worksheet_merge_range (ws, 1, 0, 1, split, office, f->body);
  /* The book's number under the office, as on the PDF. */
  worksheet_merge_range (ws, 2, 0, 2, split, data->number_line ? data->number_line : blank, f->number_line);
  worksheet_merge_range (ws, 0, split + 1, 0, n_columns - 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f->nation);
  worksheet_merge_range (ws, 1, split + 1, 1, n_columns - 1, "Độc lập - Tự do - Hạnh phúc", f->nation);
  worksheet_merge_range (ws, 3, 0, 3, n_columns - 1, mc_dossier_register_get_title (), f->title);
  worksheet_merge_range (ws, 4, 0, 4, n_columns - 1, period, f->period);
  worksheet_set_row (ws, 3, 22, NULL);
}

#define HEAD_ROW 6

/* Rows 6–8: group headings, column titles (an ungrouped title spans both),
 * the column numbers; repeated on every printed page. */
static void
write_table_head (lxw_worksheet *ws, const Formats *f, const Column *columns, int n_columns)
{
  for (int c = 0; c < n_columns; c++)
    {
      g_autofree char *number = g_strdup_printf ("(%d)", c + 1);

      worksheet_set_column (ws, c, c, columns[c].xlsx_width, NULL);
      if (columns[c].group == NULL)
        worksheet_merge_range (ws, HEAD_ROW, c, HEAD_ROW + 1, c, columns[c].title, f->head);
      else
        {
          int last = c;

          while (last + 1 < n_columns && g_strcmp0 (columns[last + 1].group, columns[c].group) == 0)
            last++;
          if (c == 0 || g_strcmp0 (columns[c - 1].group, columns[c].group) != 0)
            worksheet_merge_range (ws, HEAD_ROW, c, HEAD_ROW, last, columns[c].group, f->head);
          worksheet_write_string (ws, HEAD_ROW + 1, c, columns[c].title, f->head);
        }
      worksheet_write_string (ws, HEAD_ROW + 2, c, number, f->number);
    }
  worksheet_set_row (ws, HEAD_ROW + 1, 60, NULL);
  worksheet_repeat_rows (ws, HEAD_ROW, HEAD_ROW + 2);
}

static lxw_datetime
to_datetime (McTime t)
{
  int y, m, d, minute = mc_time_get_minute (t);

  mc_date_to_ymd (mc_time_get_date (t), &y, &m, &d);
  return (lxw_datetime) { y, m, d, minute / 60, minute % 60, 0 };
}

static void
write_rows (lxw_worksheet *ws, const Formats *f, const McDossierRegisterData *data,
            const McDossierRegisterPart *part, const Column *columns, int n_columns,
            const McExportMonitor *monitor)
{
  for (guint r = 0; r < part->rows->len && !mc_export_monitor_is_cancelled (monitor); r++)
    {
      McRegisterRow *row = g_ptr_array_index (part->rows, r);
      lxw_row_t y = HEAD_ROW + 3 + r;

      if (r % 256 == 0)
        mc_export_monitor_report (monitor, 0.9 * r / part->rows->len);

      for (int c = 0; c < n_columns; c++)
        {
          Field field = columns[c].field;

          if (field == FIELD_NUMBER)
            worksheet_write_number (ws, y, c, r + 1, f->center);
          else if (field == FIELD_SETS && row->n_sets > 0)
            worksheet_write_number (ws, y, c, row->n_sets, f->center);
          else if (is_time_field (field) && row_time (row, field) != 0)
            {
              lxw_datetime dt = to_datetime (row_time (row, field));

              worksheet_write_datetime (ws, y, c, &dt, f->time);
            }
          else
            {
              g_autofree char *text = cell_text (data, row, r, field);

              worksheet_write_string (ws, y, c, text, columns[c].center ? f->center : f->cell);
            }
        }
    }
}

static void
write_notes (lxw_worksheet *ws, const Formats *f, const McDossierRegisterPart *part, int n_columns)
{
  lxw_row_t y = HEAD_ROW + 4 + part->rows->len;

  if (!part->form_2025)
    return;
  worksheet_merge_range (ws, y, 0, y, n_columns - 1, "Ghi chú:", f->note);
  worksheet_merge_range (ws, y + 1, 0, y + 1, n_columns - 1,
                         "- Sổ theo dõi hồ sơ được lập theo từng lĩnh vực hoặc nhóm lĩnh vực tại Bộ phận "
                         "Một cửa.", f->note);
  worksheet_merge_range (ws, y + 2, 0, y + 2, n_columns - 1,
                         "- Trường hợp áp dụng Sổ theo dõi hồ sơ điện tử thì theo dõi trực tiếp trên Hệ "
                         "thống thông tin giải quyết thủ tục hành chính, không cần thực hiện in sổ giấy "
                         "nhưng phải đảm bảo đầy đủ thông tin theo quy định.", f->note);
  worksheet_set_row (ws, y + 2, 30, NULL);
}

static void
page_setup (lxw_worksheet *ws, const McDossierRegisterData *data)
{
  lxw_header_footer_options none = { 0 };
  g_autofree char *note = mc_report_audit_note (data->audit_head);
  /* The audit note as the reports print it (left, small), the page number centred. */
  g_autofree char *footer = g_strdup_printf ("%s%s&CTrang &P/&N", note ? "&L&6" : "", note ? note : "");

  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9);  /* A4 */
  worksheet_fit_to_pages (ws, 1, 0);
  /* NĐ 30/2020 margins, in inches: left 30 mm, right 15 mm, top and bottom 20 mm. */
  worksheet_set_margins (ws, 30 / 25.4, 15 / 25.4, 20 / 25.4, 20 / 25.4);
  worksheet_set_footer_opt (ws, footer, &none);
  worksheet_freeze_panes (ws, HEAD_ROW + 3, 0);
}

gboolean
mc_dossier_register_data_write_xlsx (const McDossierRegisterData *data, const char *path, GError **error)
{
  return mc_dossier_register_data_write_xlsx_full (data, path, NULL, error);
}

/* "2. Hộ tịch (TT 03/2025)": Excel allows 31 characters, none of []:*?/\ ,
 * and no two sheets alike (the number keeps them apart). */
static char *
sheet_name (const McDossierRegisterPart *part, guint index, gboolean crossing)
{
  g_autofree char *name = g_strdup_printf ("%u. %s%s", index + 1, part->field ? part->field : "Sổ theo dõi hồ sơ",
                                           !crossing ? "" : part->form_2025 ? " (TT 03-2025)" : " (TT 01-2018)");
  g_autofree char *clean = g_strdelimit (g_strdup (name), "[]:*?/\\", '-');

  if (g_utf8_strlen (clean, -1) <= 31)
    return g_steal_pointer (&clean);
  return g_utf8_substring (clean, 0, 31);
}

static gboolean
crosses_switch (GPtrArray *parts)
{
  for (guint i = 1; i < parts->len; i++)
    if (((McDossierRegisterPart *) parts->pdata[i])->form_2025 !=
        ((McDossierRegisterPart *) parts->pdata[0])->form_2025)
      return TRUE;
  return FALSE;
}

static void
write_part (lxw_workbook *wb, const Formats *f, const McDossierRegisterData *data,
            const McDossierRegisterPart *part, const char *name, const McExportMonitor *monitor)
{
  int n_columns;
  const Column *columns = get_columns (part, &n_columns);
  lxw_worksheet *ws = workbook_add_worksheet (wb, name);

  write_heading (ws, f, data, part, n_columns);
  write_table_head (ws, f, columns, n_columns);
  write_rows (ws, f, data, part, columns, n_columns, monitor);
  write_notes (ws, f, part, n_columns);
  page_setup (ws, data);
}

/* The workbook into `file` (the temporary file the caller renames): one
 * worksheet per book. */
static gboolean
write_workbook (const McDossierRegisterData *data, const char *file, const char *path,
                const McExportMonitor *monitor, GError **error)
{
  g_autoptr(GPtrArray) parts = mc_dossier_register_data_get_parts (data);
  gboolean crossing = crosses_switch (parts);
  lxw_workbook *wb = mc_xlsx_file_new (file, path, error);
  g_autoptr(GError) local = NULL;
  gboolean ok;
  Formats f;

  if (wb == NULL)
    return FALSE;
  make_formats (wb, &f);
  for (guint i = 0; i < parts->len; i++)
    {
      g_autofree char *name = sheet_name (g_ptr_array_index (parts, i), i, crossing);

      write_part (wb, &f, data, g_ptr_array_index (parts, i), name, monitor);
    }
  ok = mc_xlsx_file_close (wb, path, &local);
  /* Cancelled during the close: the cancellation is the error, not what it broke. */
  if (!mc_export_monitor_check (monitor, error))
    return FALSE;
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  mc_export_monitor_report (monitor, 1.0);
  return TRUE;
}

gboolean
mc_dossier_register_data_write_xlsx_full (const McDossierRegisterData *data, const char *path,
                                          const McExportMonitor *monitor, GError **error)
{
  g_autofree char *tmp = NULL;

  g_return_val_if_fail (data != NULL && path != NULL, FALSE);

  /* libxlsxwriter writes invalid UTF-8 as is, producing a file Excel refuses. */
  if (!check_texts (data, error))
    return FALSE;
  tmp = mc_export_file_begin (path, error);
  if (tmp == NULL)
    return FALSE;
  return mc_export_file_finish (tmp, path, write_workbook (data, tmp, path, monitor, error), error);
}

gboolean
mc_dossier_register_write_pdf (McWorkflow *workflow, McTime from, McTime to, const char *path,
                               GError **error)
{
  g_autoptr(McDossierRegisterData) data = NULL;

  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = mc_dossier_register_data_new (workflow, from, to, NULL, error);
  return data != NULL && mc_dossier_register_data_write_pdf (data, path, error);
}

gboolean
mc_dossier_register_write_xlsx (McWorkflow *workflow, McTime from, McTime to, const char *path,
                                GError **error)
{
  g_autoptr(McDossierRegisterData) data = NULL;

  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = mc_dossier_register_data_new (workflow, from, to, NULL, error);
  return data != NULL && mc_dossier_register_data_write_xlsx (data, path, error);
}
