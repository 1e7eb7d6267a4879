/* mc-control-sheet.c — Phiếu kiểm soát quá trình giải quyết hồ sơ
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Wording and layout. TT 03/2025/TT-VPCP Mẫu 06, as reproduced in Quyết định
 * 3621/QĐ-BYT (24/11/2025), BM.05: "Mã số hồ sơ", "Cơ quan (bộ phận) giải quyết
 * hồ sơ", "Cơ quan phối hợp giải quyết hồ sơ", "Ngày nhận", "Hẹn trả kết quả
 * vào …giờ…phút, ngày…"; columns "Tên đơn vị | Thời gian giao nhận hồ sơ |
 * Kết quả giải quyết hồ sơ (trước hạn/đúng hạn/quá hạn) | Ghi chú"; each row
 * "1. Giao: … 2. Nhận: …", "….giờ….phút, ngày…", then "Người giao | Người nhận";
 * its two notes. TT 01/2018/TT-VPCP Mẫu 05 as implementations of it print it
 * (Ninh Thuận's and Thanh Hóa's one-stop systems, docs/LEGAL.md §1.2): columns
 * "TÊN CƠ QUAN | THỜI GIAN GIAO, NHẬN HỒ SƠ | KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước
 * hạn/đúng hạn/quá hạn) | GHI CHÚ", "…giờ…phút, ngày … tháng … năm …", and the
 * three notes ("Trường hợp hồ sơ được chuyển qua dịch vụ bưu chính công ích
 * theo Quyết định số 45/2016/QĐ-TTg …"). "Kèm theo hồ sơ của" is from those
 * implementations; "Nội dung yêu cầu giải quyết" (the procedure) is Mẫu 01's
 * label, added so that the sheet names what the dossier asks for.
 * The time cell gives the hand-over ("Giao") and, once confirmed, the receipt
 * ("Nhận"); the names of giver and receiver are printed under the room left
 * for their signatures ("ký và ghi rõ họ tên").
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-control-sheet.h"
#include "mc-form-paper.h"
#include "mc-receipt.h"

#define TABLE_SIZE   11.0
#define PAD_X        3.0
#define PAD_Y        2.5
#define SIGN_ROOM    30.0   /* blank space to sign in */
#define LINE_WIDTH   0.6

/* Widths on the A4 portrait content width (467.7 pt); the note takes the rest. */
#define W_BODY   128.0
#define W_TIME   206.0
#define W_RESULT 70.0

McControlSheetData *
mc_control_sheet_data_new_empty (void)
{
  McControlSheetData *data = g_new0 (McControlSheetData, 1);

  data->handovers = g_ptr_array_new ();
  data->form_set = -1;
  data->a5 = -1;
  return data;
}

void
mc_control_sheet_data_free (McControlSheetData *data)
{
  if (data == NULL)
    return;
  mc_records_unit_clear (&data->unit);
  g_free (data->code);
  g_free (data->procedure_name);
  g_free (data->applicant_name);
  g_free (data->handling_body);
  g_free (data->coordinating_body);
  g_free (data->number_line);
  g_clear_pointer (&data->handovers, g_ptr_array_unref);
  g_free (data);
}

/* The distinct receivers of hand-overs of one kind, in order, joined. */
static char *
receivers (GPtrArray *handovers, const char *kind)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < handovers->len; i++)
    {
      McHandover *h = g_ptr_array_index (handovers, i);

      if (g_strcmp0 (h->kind, kind) == 0 && h->to_name != NULL && h->to_name[0] != '\0' &&
          !g_ptr_array_find_with_equal_func (names, h->to_name, g_str_equal, NULL))
        g_ptr_array_add (names, h->to_name);
    }
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

McControlSheetData *
mc_control_sheet_data_new (McWorkflow *workflow, const char *code, GError **error)
{
  g_autoptr(McControlSheetData) data = mc_control_sheet_data_new_empty ();
  g_autoptr(McWorkItem) item = NULL;
  GPtrArray *handovers;
  McFormSet set;
  gboolean a5;

  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  item = mc_workflow_get_item (workflow, code, mc_time_now (), error);
  if (item == NULL)
    return NULL;
  {
    /* The sheet names the applicant and every hand: audited, like each
     * export with personal data. */
    g_autofree char *detail = g_strdup_printf ("Phiếu kiểm soát %s", item->code);
    if (!mc_accounts_audit_personal_export (mc_workflow_get_db (workflow), "export.control_sheet", 0,
                                            detail, error))
      return NULL;
  }
  if ((handovers = mc_workflow_handovers (workflow, code, error)) == NULL)
    return NULL;
  g_ptr_array_unref (data->handovers);
  data->handovers = handovers;
  data->code = g_strdup (item->code);
  data->procedure_name = g_strdup (item->procedure_name);
  data->applicant_name = g_strdup (item->applicant_name);
  data->received_at = item->received_at;
  /* Both appointments: the one the citizen was given on Mẫu 01 and the one
   * the apology moved it to; the sheet follows the dossier through both. */
  data->due_at = item->due_at;
  data->extended_due_at = item->extended_due_at;
  data->handling_body = receivers (handovers, "transfer");
  if (data->handling_body == NULL)
    data->handling_body = g_strdup (item->department_name);
  data->coordinating_body = receivers (handovers, "send_external");
  if (!mc_records_unit_load_for_dossier (mc_workflow_get_db (workflow), data->code, &data->unit, error))
    return NULL;
  /* The sheet starts at reception: the forms of the date received. */
  if (!mc_form_paper_for_document (mc_workflow_get_db (workflow), data->received_at, MC_FORM_TYPE_CONTROL_SHEET,
                                   &set, &a5, error))
    return NULL;
  data->form_set = set;
  data->a5 = a5;
  data->number_line = mc_form_set_number_line (mc_workflow_get_db (workflow), data->form_set,
                                               MC_FORM_TYPE_CONTROL_SHEET, data->code,
                                               mc_time_get_date (data->received_at), error);
  if (data->number_line == NULL)
    return NULL;
  return g_steal_pointer (&data);
}

gboolean
mc_control_sheet_is_a5 (const McControlSheetData *data)
{
  g_return_val_if_fail (data != NULL, FALSE);

  if (data->a5 >= 0)
    return data->a5;
  return mc_form_paper_is_a5 (NULL, mc_control_sheet_get_form_set (data), MC_FORM_TYPE_CONTROL_SHEET, NULL);
}

McFormSet
mc_control_sheet_get_form_set (const McControlSheetData *data)
{
  if (data->form_set >= 0)
    return (McFormSet) data->form_set;
  return mc_form_set_for_time (NULL, data->received_at, NULL);
}

static gboolean
is_2025_form (const McControlSheetData *data)
{
  return mc_control_sheet_get_form_set (data) == MC_FORM_SET_2025;
}

const char *
mc_control_sheet_get_title (void)
{
  return "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ";
}

/* Issued by the one-stop office of the unit, as the receipt is. */
static void
header (McPdfDocument *doc, const McControlSheetData *data)
{
  mc_records_office_header (doc, &data->unit, mc_control_sheet_get_form_set (data), MC_FORM_TYPE_CONTROL_SHEET,
                            data->number_line, data->received_at);
}

static void
form_line (McPdfDocument *doc, const char *label, const char *value)
{
  g_autofree char *markup = g_markup_printf_escaped ("%s %s", label, value);

  mc_pdf_document_text (doc, markup, 13, MC_PDF_TEXT_JUSTIFY);
  mc_pdf_document_space (doc, 3);
}

/* The new appointment of an apology, named after the form that set it:
 * TT 01/2018 Mẫu 04 "Phiếu xin lỗi và hẹn lại ngày trả kết quả", TT 03/2025
 * Mẫu 04 "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết". */
static void
extended_line (McPdfDocument *doc, const McControlSheetData *data, gboolean new_form)
{
  g_autofree char *when = NULL;
  g_autofree char *markup = NULL;

  if (data->extended_due_at == 0 || data->extended_due_at == data->due_at)
    return;
  when = mc_records_format_instant (data->extended_due_at);
  markup = new_form
    ? g_markup_printf_escaped ("Gia hạn trả kết quả đến <b>%s</b> (theo Văn bản xin lỗi và đề nghị gia hạn "
                               "thời gian giải quyết)", when)
    : g_markup_printf_escaped ("Hẹn lại ngày trả kết quả vào <b>%s</b> (theo Phiếu xin lỗi và hẹn lại ngày "
                               "trả kết quả)", when);
  mc_pdf_document_space (doc, 3);
  mc_pdf_document_text (doc, markup, 13, MC_PDF_TEXT_JUSTIFY);
}

static void
dossier_lines (McPdfDocument *doc, const McControlSheetData *data)
{
  gboolean new_form = is_2025_form (data);
  g_autofree char *code = g_markup_printf_escaped ("%s <b>%s</b>", new_form ? "Mã số hồ sơ:" : "Mã hồ sơ:",
                                                   mc_records_or_blank (data->code));
  g_autofree char *received = mc_records_format_instant (data->received_at);
  g_autofree char *due = mc_records_format_instant (data->due_at);
  g_autofree char *due_line = g_markup_printf_escaped ("Hẹn trả kết quả vào <b>%s</b>", due);

  mc_pdf_document_text (doc, code, 13, MC_PDF_TEXT_CENTER);
  mc_pdf_document_space (doc, 8);
  form_line (doc, "Kèm theo hồ sơ của:", mc_records_or_blank (data->applicant_name));
  form_line (doc, "Nội dung yêu cầu giải quyết:", mc_records_or_blank (data->procedure_name));
  form_line (doc, "Cơ quan (bộ phận) giải quyết hồ sơ:", mc_records_or_blank (data->handling_body));
  form_line (doc, "Cơ quan phối hợp giải quyết hồ sơ:", mc_records_or_blank (data->coordinating_body));
  form_line (doc, "Ngày nhận:", received);
  mc_pdf_document_text (doc, due_line, 13, MC_PDF_TEXT_JUSTIFY);
  extended_line (doc, data, new_form);
  mc_pdf_document_space (doc, 8);
}

/* The table, drawn here: its time column splits into a line for the times
 * and two cells to sign in, which the engine's tables do not do. */

typedef struct {
  double x[4];
  double w[4];
} Grid;

static void
make_grid (McPdfDocument *doc, Grid *g)
{
  /* On a narrower page (A5) the A4 widths in proportion, the names'
   * column taking most of what the notes' (written by hand, if at all)
   * gives up. */
  double cw = mc_pdf_document_get_content_width (doc), k = cw / MC_PDF_CONTENT_WIDTH;
  gboolean narrow = k < 0.9;

  g->w[0] = narrow ? cw * 0.32 : W_BODY;
  g->w[1] = W_TIME * k;
  g->w[2] = W_RESULT * k;
  g->w[3] = mc_pdf_document_get_content_width (doc) - g->w[0] - g->w[1] - g->w[2];
  g->x[0] = mc_pdf_document_get_margin_left (doc);
  for (int i = 1; i < 4; i++)
    g->x[i] = g->x[i - 1] + g->w[i - 1];
}

static PangoLayout *
cell (McPdfDocument *doc, const char *markup, McPdfTextFlags flags, double width)
{
  return mc_pdf_document_create_layout (doc, markup, TABLE_SIZE, flags, width - 2 * PAD_X);
}

static double
height_of (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return pango_units_to_double (h) + 2 * PAD_Y;
}

static void
box (cairo_t *cr, double x, double y, double w, double h)
{
  cairo_rectangle (cr, x, y, w, h);
  cairo_stroke (cr);
}

static void
show (cairo_t *cr, PangoLayout *layout, double x, double y)
{
  cairo_move_to (cr, x + PAD_X, y + PAD_Y);
  pango_cairo_show_layout (cr, layout);
}

static void
table_head (McPdfDocument *doc, const Grid *g, gboolean new_form)
{
  const char *titles_2018[] = { "TÊN CƠ QUAN", "THỜI GIAN GIAO, NHẬN HỒ SƠ",
                                "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/đúng hạn/quá hạn)", "GHI CHÚ" };
  const char *titles_2025[] = { "Tên đơn vị", "Thời gian giao nhận hồ sơ",
                                "Kết quả giải quyết hồ sơ (trước hạn/đúng hạn/quá hạn)", "Ghi chú" };
  const char **titles = new_form ? titles_2025 : titles_2018;
  PangoLayout *layouts[4];
  double height = 0, top;
  cairo_t *cr;

  for (int i = 0; i < 4; i++)
    {
      g_autofree char *markup = g_markup_escape_text (titles[i], -1);

      layouts[i] = cell (doc, markup, MC_PDF_TEXT_BOLD | MC_PDF_TEXT_CENTER, g->w[i]);
      height = MAX (height, height_of (layouts[i]));
    }
  top = mc_pdf_document_place (doc, height);
  cr = mc_pdf_document_get_cairo (doc);
  for (int i = 0; i < 4; i++)
    {
      if (cr != NULL)
        {
          box (cr, g->x[i], top, g->w[i], height);
          show (cr, layouts[i], g->x[i], top + (height - height_of (layouts[i])) / 2);
        }
      g_object_unref (layouts[i]);
    }
}

static const char *
giver_name (const McControlSheetData *data, const McHandover *h)
{
  /* The first hand-over leaves the counter, which the form names so. */
  if (h->from_name == NULL || h->from_name[0] == '\0')
    return mc_records_or_blank (data->unit.office_name);
  return h->from_name;
}

static gboolean
is_return (const McHandover *h)
{
  return g_strcmp0 (h->kind, "return") == 0;
}

/* A result, a refusal or a withdrawal goes back to the counter; the return
 * goes to the citizen, whose name (the collector's) stands for the staff. */
static const char *
receiver_name (const McControlSheetData *data, const McHandover *h)
{
  static const char *const to_counter[] = { "finish", "unqualified", "withdraw", NULL };

  if (is_return (h))
    return "Tổ chức, cá nhân";
  if ((h->to_name == NULL || h->to_name[0] == '\0') && h->kind != NULL && g_strv_contains (to_counter, h->kind))
    return mc_records_or_blank (data->unit.office_name);
  return mc_records_or_blank (h->to_name);
}

static const char *
receiver_staff (const McHandover *h)
{
  return is_return (h) ? h->to_name : h->to_staff;
}

static char *
party (const char *label, const char *name, const char *staff)
{
  if (staff != NULL && staff[0] != '\0')
    return g_markup_printf_escaped ("<b>%s</b> %s\n<i>(%s)</i>", label, name, staff);
  return g_markup_printf_escaped ("<b>%s</b> %s", label, name);
}

/* TT 03/2025 writes "….giờ….phút, ngày…../…../……"; TT 01/2018 "….giờ….phút,
 * ngày…tháng….năm…". */
static char *
format_time (McTime t, gboolean new_form)
{
  int y, m, d, minute;

  if (!new_form)
    return mc_records_format_instant (t);
  mc_date_to_ymd (mc_time_get_date (t), &y, &m, &d);
  minute = mc_time_get_minute (t);
  return g_strdup_printf ("%02d giờ %02d phút, ngày %02d/%02d/%d", minute / 60, minute % 60, d, m, y);
}

static char *
times_markup (const McHandover *h, gboolean new_form)
{
  g_autofree char *given = format_time (h->at, new_form);

  if (h->accepted_at == 0 || h->accepted_at == h->at)
    return g_markup_printf_escaped ("%s", given);
  {
    g_autofree char *taken = format_time (h->accepted_at, new_form);

    return g_markup_printf_escaped ("Giao: %s\nNhận: %s", given, taken);
  }
}

/* Back from another agency, the staff on the event is the one who took it in. */
static const char *
giver_staff (const McHandover *h)
{
  return g_strcmp0 (h->kind, "receive_external") == 0 ? NULL : h->from_staff;
}

/* "Người giao" / "Người nhận", room to sign, the name. */
static PangoLayout *
signer (McPdfDocument *doc, const char *role, const char *name, double width)
{
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>\n\n\n<i>%s</i>", role,
                                                     name != NULL ? name : "");

  return cell (doc, markup, MC_PDF_TEXT_CENTER, width);
}

typedef struct {
  PangoLayout *body, *times, *giver, *receiver, *result, *note;
  double       times_height, sign_height, height;
} Row;

static void
row_measure (McPdfDocument *doc, const McControlSheetData *data, const McHandover *h,
             const Grid *g, Row *row)
{
  g_autofree char *giver = party ("1. Giao:", giver_name (data, h), giver_staff (h));
  g_autofree char *receiver = party ("2. Nhận:", receiver_name (data, h), receiver_staff (h));
  g_autofree char *body = g_strconcat (giver, "\n", receiver, NULL);
  g_autofree char *times = times_markup (h, is_2025_form (data));
  g_autofree char *result = g_markup_escape_text (h->has_timeliness ? mc_records_timeliness_label (h->timeliness)
                                                                    : "", -1);
  g_autofree char *note = g_markup_escape_text (h->note ? h->note : "", -1);

  row->body = cell (doc, body, MC_PDF_TEXT_PLAIN, g->w[0]);
  row->times = cell (doc, times, MC_PDF_TEXT_CENTER, g->w[1]);
  row->giver = signer (doc, "Người giao", giver_staff (h), g->w[1] / 2);
  row->receiver = signer (doc, "Người nhận", receiver_staff (h), g->w[1] / 2);
  row->result = cell (doc, result, MC_PDF_TEXT_CENTER, g->w[2]);
  row->note = cell (doc, note, MC_PDF_TEXT_PLAIN, g->w[3]);
  row->times_height = height_of (row->times);
  row->sign_height = MAX (height_of (row->giver), height_of (row->receiver));
  row->height = MAX (MAX (height_of (row->body), row->times_height + row->sign_height),
                     MAX (height_of (row->result), height_of (row->note)));
  /* The signatures take whatever the other columns leave. */
  row->sign_height = row->height - row->times_height;
}

static void
row_clear (Row *row)
{
  g_clear_object (&row->body);
  g_clear_object (&row->times);
  g_clear_object (&row->giver);
  g_clear_object (&row->receiver);
  g_clear_object (&row->result);
  g_clear_object (&row->note);
}

static void
row_draw (McPdfDocument *doc, const Grid *g, const Row *row)
{
  double top = mc_pdf_document_place (doc, row->height);
  double half = g->w[1] / 2;
  double sign_top = top + row->times_height;
  cairo_t *cr = mc_pdf_document_get_cairo (doc);

  if (cr == NULL)
    return;
  cairo_save (cr);
  cairo_set_line_width (cr, LINE_WIDTH);
  for (int i = 0; i < 4; i++)
    box (cr, g->x[i], top, g->w[i], row->height);
  show (cr, row->body, g->x[0], top);
  show (cr, row->times, g->x[1], top);
  box (cr, g->x[1], sign_top, half, row->sign_height);
  box (cr, g->x[1] + half, sign_top, half, row->sign_height);
  show (cr, row->giver, g->x[1], sign_top);
  show (cr, row->receiver, g->x[1] + half, sign_top);
  show (cr, row->result, g->x[2], top + (row->height - height_of (row->result)) / 2);
  show (cr, row->note, g->x[3], top);
  cairo_restore (cr);
}

static void
handover_table (McPdfDocument *doc, const McControlSheetData *data)
{
  gboolean new_form = is_2025_form (data);
  Grid g;

  make_grid (doc, &g);
  for (guint i = 0; i < data->handovers->len; i++)
    {
      Row row = { NULL, };

      row_measure (doc, data, g_ptr_array_index (data->handovers, i), &g, &row);
      if (i == 0 || !mc_pdf_document_fits (doc, row.height))
        {
          /* The head goes with the first row, and again on every new page. */
          if (!mc_pdf_document_fits (doc, row.height + 40))
            mc_pdf_document_break_page (doc);
          table_head (doc, &g, new_form);
        }
      row_draw (doc, &g, &row);
      row_clear (&row);
    }
  if (data->handovers->len == 0)
    table_head (doc, &g, new_form);
}

/* 11 pt, the decree's small print, as on the receipt. */
static void
notes (McPdfDocument *doc, gboolean new_form)
{
  mc_pdf_document_space (doc, 8);
  mc_pdf_document_text (doc, "<b><i>Ghi chú:</i></b>", 11, MC_PDF_TEXT_PLAIN);
  if (new_form)
    {
      mc_pdf_document_text (doc, "- Kết quả giải quyết hồ sơ do bên nhận nhập thông tin/ghi khi nhận "
                                 "bàn giao hồ sơ.", 11, MC_PDF_TEXT_JUSTIFY);
      mc_pdf_document_text (doc, "- Việc lưu vết được thực hiện tự động theo chức năng của Hệ thống "
                                 "thông tin giải quyết thủ tục hành chính và thể hiện trên mẫu phiếu "
                                 "điện tử.", 11, MC_PDF_TEXT_JUSTIFY);
      return;
    }
  mc_pdf_document_text (doc, "- Trường hợp hồ sơ được chuyển qua dịch vụ bưu chính công ích theo Quyết "
                             "định số 45/2016/QĐ-TTg thì thời gian giao, nhận hồ sơ và việc ký nhận thể "
                             "hiện trong hóa đơn của cơ quan Bưu chính;", 11, MC_PDF_TEXT_JUSTIFY);
  mc_pdf_document_text (doc, "- Kết quả giải quyết hồ sơ do bên nhận nhập thông tin/ghi khi nhận bàn giao "
                             "hồ sơ;", 11, MC_PDF_TEXT_JUSTIFY);
  mc_pdf_document_text (doc, "- Trường hợp Hệ thống thông tin một cửa điện tử chưa vận hành, người giao và "
                             "người nhận phải ký và ghi rõ họ tên. Khi Hệ thống thông tin một cửa điện tử "
                             "đã vận hành, việc lưu vết được thực hiện tự động và thể hiện trên mẫu phiếu "
                             "điện tử.", 11, MC_PDF_TEXT_JUSTIFY);
}

static void
lay_out (McPdfDocument *doc, const McControlSheetData *data)
{
  header (doc, data);
  mc_pdf_document_title (doc, mc_control_sheet_get_title ());
  dossier_lines (doc, data);
  handover_table (doc, data);
  notes (doc, is_2025_form (data));
}

int
mc_control_sheet_get_n_pages (const McControlSheetData *data, double width, double height)
{
  g_return_val_if_fail (data != NULL, 0);

  return mc_records_count_pages ((McRecordsLayOutFunc) lay_out, data, mc_records_page_width (mc_control_sheet_is_a5 (data)), mc_records_page_height (mc_control_sheet_is_a5 (data)));
}

void
mc_control_sheet_draw_page (cairo_t *cr, const McControlSheetData *data, int page,
                            double width, double height)
{
  g_return_if_fail (cr != NULL && data != NULL);
  g_return_if_fail (width > 0 && height > 0);

  mc_records_draw_page (cr, (McRecordsLayOutFunc) lay_out, data, page, mc_records_page_width (mc_control_sheet_is_a5 (data)), mc_records_page_height (mc_control_sheet_is_a5 (data)), width, height);
}

static gboolean
check_texts (const McControlSheetData *data, GError **error)
{
  const char *texts[] = { data->unit.parent_unit_name, data->unit.unit_name, data->unit.office_name,
                          data->unit.place_name, data->code, data->procedure_name,
                          data->applicant_name, data->handling_body, data->coordinating_body };

  if (!mc_records_check_utf8 (texts, G_N_ELEMENTS (texts), error))
    return FALSE;
  for (guint i = 0; i < data->handovers->len; i++)
    {
      McHandover *h = g_ptr_array_index (data->handovers, i);
      const char *row[] = { h->from_name, h->from_staff, h->to_name, h->to_staff, h->note };

      if (!mc_records_check_utf8 (row, G_N_ELEMENTS (row), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
mc_control_sheet_data_write_pdf (const McControlSheetData *data, const char *path, GError **error)
{
  g_return_val_if_fail (data != NULL && path != NULL, FALSE);

  if (!check_texts (data, error))
    return FALSE;
  return mc_records_write_pdf (path, mc_control_sheet_get_title (), mc_records_page_width (mc_control_sheet_is_a5 (data)),
                               mc_records_page_height (mc_control_sheet_is_a5 (data)), (McRecordsLayOutFunc) lay_out, data, NULL, error);
}

gboolean
mc_control_sheet_write_pdf (McWorkflow *workflow, const char *code, const char *path, GError **error)
{
  g_autoptr(McControlSheetData) data = NULL;

  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), FALSE);
  g_return_val_if_fail (code != NULL && path != NULL, FALSE);

  data = mc_control_sheet_data_new (workflow, code, error);
  return data != NULL && mc_control_sheet_data_write_pdf (data, path, error);
}
