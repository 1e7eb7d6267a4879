/* mc-xlsx-catalog.c — the procedure catalog as a spreadsheet (Danh mục TTHC)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "mc-export-file.h"
#include "mc-format.h"
#include "mc-xlsx-catalog.h"
#include "mc-xlsx-file.h"

typedef struct {
  lxw_format *title;
  lxw_format *head;
  lxw_format *cell;
  lxw_format *center;
  lxw_format *group;
} Formats;

static lxw_format *
base_format (lxw_workbook *wb, gboolean bold)
{
  lxw_format *f = workbook_add_format (wb);

  format_set_font_name (f, "Times New Roman");
  format_set_font_size (f, 12);
  format_set_text_wrap (f);
  format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
  if (bold)
    format_set_bold (f);
  return f;
}

static void
make_formats (lxw_workbook *wb, Formats *f)
{
  f->title = base_format (wb, TRUE);
  format_set_font_size (f->title, 14);
  format_set_align (f->title, LXW_ALIGN_CENTER);
  f->head = base_format (wb, TRUE);
  format_set_border (f->head, LXW_BORDER_THIN);
  format_set_align (f->head, LXW_ALIGN_CENTER);
  f->cell = base_format (wb, FALSE);
  format_set_border (f->cell, LXW_BORDER_THIN);
  f->center = base_format (wb, FALSE);
  format_set_border (f->center, LXW_BORDER_THIN);
  format_set_align (f->center, LXW_ALIGN_CENTER);
  f->group = base_format (wb, TRUE);
  format_set_border (f->group, LXW_BORDER_THIN);
  format_set_bg_color (f->group, 0xEEEEEE);
}

static void
write_header (lxw_worksheet *ws, Formats *f)
{
  static const char *const head[] = { "STT", "Mã TTHC", "Tên thủ tục hành chính", "Cấp thực hiện",
                                       "Cơ chế", "Thời hạn giải quyết", "Dịch vụ công trực tuyến",
                                       "Phí, lệ phí" };
  static const double widths[] = { 6, 13, 60, 12, 14, 16, 16, 14 };

  worksheet_merge_range (ws, 0, 0, 0, 7, "DANH MỤC THỦ TỤC HÀNH CHÍNH", f->title);
  for (int c = 0; c < 8; c++)
    {
      worksheet_set_column (ws, c, c, widths[c], NULL);
      worksheet_write_string (ws, 2, c, head[c], f->head);
    }
  worksheet_repeat_rows (ws, 2, 2);
  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9);  /* A4 */
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_set_margins (ws, 0.6, 0.4, 0.8, 0.8);
}

static void
write_procedure (lxw_worksheet *ws, Formats *f, lxw_row_t row, int number, McProcedure *p)
{
  g_autofree char *days = mc_format_working_days (mc_procedure_get_days (p));
  g_autofree char *fee = mc_procedure_get_fee (p) > 0 ? mc_format_money (mc_procedure_get_fee (p))
                                                       : g_strdup ("Không");

  worksheet_write_number (ws, row, 0, number, f->center);
  worksheet_write_string (ws, row, 1, mc_procedure_get_code (p), f->center);
  worksheet_write_string (ws, row, 2, mc_procedure_get_name (p), f->cell);
  /* Cấp thực hiện: the competence since the reform of 1/7/2025. */
  worksheet_write_string (ws, row, 3, mc_level_to_label (mc_procedure_get_competence (p)), f->center);
  worksheet_write_string (ws, row, 4, mc_mechanism_to_label (mc_procedure_get_mechanism (p)), f->center);
  worksheet_write_string (ws, row, 5, days, f->center);
  worksheet_write_string (ws, row, 6, mc_online_level_to_label (mc_procedure_get_online_level (p)), f->center);
  worksheet_write_string (ws, row, 7, fee, f->center);
}

static gboolean
write_rows (lxw_worksheet *ws, Formats *f, GListModel *procedures)
{
  g_autofree char *current = NULL;
  lxw_row_t row = 3;
  int number = 0;

  for (guint i = 0; i < g_list_model_get_n_items (procedures); i++)
    {
      g_autoptr(McProcedure) p = g_list_model_get_item (procedures, i);
      const char *field = mc_procedure_get_field_name (p);

      /* libxlsxwriter writes invalid UTF-8 as is, producing a file Excel refuses. */
      if (!g_utf8_validate (mc_procedure_get_name (p), -1, NULL) || !g_utf8_validate (field, -1, NULL))
        return FALSE;
      if (g_strcmp0 (current, field) != 0)
        {
          g_autofree char *label = g_strdup_printf ("Lĩnh vực %s", field);
          worksheet_merge_range (ws, row, 0, row, 7, label, f->group);
          row++;
          g_free (current);
          current = g_strdup (field);
        }
      write_procedure (ws, f, row++, ++number, p);
    }
  return TRUE;
}

gboolean
mc_xlsx_catalog_write (McCatalog *catalog, const char *path, GError **error)
{
  g_autoptr(GListStore) procedures = NULL;
  g_autofree char *tmp = NULL;
  lxw_workbook *wb;
  lxw_worksheet *ws;
  Formats f;
  gboolean ok, closed;

  g_return_val_if_fail (MC_IS_CATALOG (catalog), FALSE);

  procedures = mc_catalog_list_procedures (catalog, error);
  if (error && *error)
    return FALSE;
  tmp = mc_export_file_begin (path, error);
  if (tmp == NULL)
    return FALSE;
  wb = mc_xlsx_file_new (tmp, path, error);
  if (wb == NULL)
    {
      mc_export_file_abort (tmp);
      return FALSE;
    }
  ws = workbook_add_worksheet (wb, "Danh mục TTHC");
  make_formats (wb, &f);
  write_header (ws, &f);
  ok = write_rows (ws, &f, G_LIST_MODEL (procedures));
  closed = mc_xlsx_file_close (wb, path, ok ? error : NULL);
  if (!ok)
    g_set_error_literal (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID,
                         _("The catalog contains text that is not valid UTF-8"));
  return mc_export_file_finish (tmp, path, ok && closed, error);
}
