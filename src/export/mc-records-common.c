/* mc-records-common.c — what the routing documents (Mẫu 04–07) share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>

#include "mc-calendar.h"
#include "mc-export-error.h"
#include "mc-records-private.h"

static char *
column_text (sqlite3_stmt *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Every form's header names the center's own unit: one query, so that the
 * counter forms (mc-dossier-receipt.c) and the records never disagree. */
gboolean
mc_records_unit_load (McDb *db, McRecordsUnit *unit, GError **error)
{
  sqlite3_stmt *stmt = mc_db_prepare (db, "SELECT u.name, u.place_name, p.name, u.phone FROM unit u "
                                          "LEFT JOIN unit p ON p.id = u.parent_id "
                                          "WHERE u.relation = 'self' ORDER BY u.id LIMIT 1", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      unit->unit_name = column_text (stmt, 0);
      unit->place_name = column_text (stmt, 1);
      unit->parent_unit_name = column_text (stmt, 2);
      unit->phone = column_text (stmt, 3);
    }
  sqlite3_reset (stmt);
  unit->office_name = mc_db_get_setting (db, "unit.office_name", "Trung tâm Phục vụ hành chính công");
  return TRUE;
}

void
mc_records_unit_clear (McRecordsUnit *unit)
{
  g_clear_pointer (&unit->parent_unit_name, g_free);
  g_clear_pointer (&unit->unit_name, g_free);
  g_clear_pointer (&unit->office_name, g_free);
  g_clear_pointer (&unit->place_name, g_free);
  g_clear_pointer (&unit->phone, g_free);
}

void
mc_records_unit_copy (McRecordsUnit *dest, const McRecordsUnit *src)
{
  dest->parent_unit_name = g_strdup (src->parent_unit_name);
  dest->unit_name = g_strdup (src->unit_name);
  dest->office_name = g_strdup (src->office_name);
  dest->place_name = g_strdup (src->place_name);
  dest->phone = g_strdup (src->phone);
}

gboolean
mc_records_check_utf8 (const char * const *texts, guint n_texts, GError **error)
{
  for (guint i = 0; i < n_texts; i++)
    if (texts[i] != NULL && !g_utf8_validate (texts[i], -1, NULL))
      {
        g_set_error_literal (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID,
                             _("The form contains text that is not valid UTF-8"));
        return FALSE;
      }
  return TRUE;
}

char *
mc_records_format_instant (McTime t)
{
  int minute;
  g_autofree char *day = NULL;

  if (t == 0)
    return g_strdup ("…… giờ …… phút, ngày …… tháng …… năm ……");
  minute = mc_time_get_minute (t);
  day = mc_pdf_format_date (mc_time_get_date (t));
  return g_strdup_printf ("%02d giờ %02d phút, %s", minute / 60, minute % 60, day);
}

char *
mc_records_format_short (McTime t)
{
  int y, m, d, minute;

  if (t == 0)
    return g_strdup ("");
  mc_date_to_ymd (mc_time_get_date (t), &y, &m, &d);
  minute = mc_time_get_minute (t);
  return g_strdup_printf ("%02d/%02d/%d %02d:%02d", d, m, y, minute / 60, minute % 60);
}

const char *
mc_records_timeliness_label (int timeliness)
{
  switch (timeliness)
    {
    case MC_TIMELINESS_EARLY:
      return "Trước hạn";
    case MC_TIMELINESS_ON_TIME:
      return "Đúng hạn";
    case MC_TIMELINESS_LATE:
      return "Quá hạn";
    default:
      return "";
    }
}

McPdfDocument *
mc_records_begin_page (cairo_t *cr, int page, double page_width, double page_height,
                       double width, double height)
{
  double scale = MIN (width / page_width, height / page_height);

  cairo_save (cr);
  cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, page_width, page_height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  return mc_pdf_document_new_sized (cr, page, page_width, page_height);
}

void
mc_records_end_page (cairo_t *cr, McPdfDocument *doc)
{
  mc_pdf_document_free (doc);
  cairo_restore (cr);
}

int
mc_records_count_pages (McRecordsLayOutFunc lay_out, gconstpointer data, double page_width, double page_height)
{
  g_autoptr(McPdfDocument) doc = mc_pdf_document_new_sized (NULL, -1, page_width, page_height);

  lay_out (doc, data);
  return mc_pdf_document_get_n_pages (doc);
}

void
mc_records_draw_page (cairo_t *cr, McRecordsLayOutFunc lay_out, gconstpointer data, int page,
                      double page_width, double page_height, double width, double height)
{
  McPdfDocument *doc = mc_records_begin_page (cr, page, page_width, page_height, width, height);

  lay_out (doc, data);
  mc_records_end_page (cr, doc);
}

gboolean
mc_records_check_cairo_status (cairo_status_t status, const char *path, GError **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE, _("Cannot write “%s”: %s"),
               path, cairo_status_to_string (status));
  return FALSE;
}

gboolean
mc_records_write_pdf (const char *path, const char *title, double page_width, double page_height,
                      McRecordsCountFunc count, McRecordsDrawFunc draw, gconstpointer data,
                      GError **error)
{
  int n_pages = count (data, page_width, page_height);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, page_width, page_height);
  cairo_t *cr;
  gboolean ok;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Motcua");
  cr = cairo_create (surface);
  for (int page = 0; page < n_pages; page++)
    {
      draw (cr, data, page, page_width, page_height);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = mc_records_check_cairo_status (cairo_surface_status (surface), path, error);
  cairo_surface_destroy (surface);
  if (!ok)
    g_unlink (path);  /* a half-written PDF would look like a finished form */
  return ok;
}
