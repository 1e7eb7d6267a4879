/* mc-records-common.c — what the routing documents (Mẫu 04–07) share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>

#include "mc-calendar.h"
#include "mc-export-error.h"
#include "mc-export-file.h"
#include "mc-file-error.h"
#include "mc-records-private.h"
#include "mc-unit.h"

/* Every form's header names the center's own unit: one core call, so that
 * the counter forms (mc-dossier-receipt.c) and the records never disagree. */
gboolean
mc_records_unit_load (McDb *db, McRecordsUnit *unit, GError **error)
{
  if (!mc_unit_get_own_header (db, &unit->unit_name, &unit->place_name, &unit->parent_unit_name, &unit->phone,
                               error))
    return FALSE;
  unit->office_name = mc_db_get_setting (db, "unit.office_name", "Trung tâm Phục vụ hành chính công", error);
  return unit->office_name != NULL;
}

gboolean
mc_records_unit_load_for_dossier (McDb *db, const char *code, McRecordsUnit *unit, GError **error)
{
  g_autofree char *name = NULL, *parent_name = NULL;

  if (!mc_records_unit_load (db, unit, error) || !mc_unit_names_of_dossier (db, code, &name, &parent_name, error))
    return FALSE;
  g_free (unit->unit_name);
  g_free (unit->parent_unit_name);
  unit->unit_name = g_steal_pointer (&name);
  unit->parent_unit_name = g_steal_pointer (&parent_name);
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

/* The page scaled to fit width × height, centred, on white. */
static void
fit_page (cairo_t *cr, double page_width, double page_height, double width, double height)
{
  double scale = MIN (width / page_width, height / page_height);

  cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, page_width, page_height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
}

McPdfDocument *
mc_records_begin_page (cairo_t *cr, int page, double page_width, double page_height,
                       double width, double height)
{
  cairo_save (cr);
  fit_page (cr, page_width, page_height, width, height);
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

/* cairo's own words (cairo_status_to_string) are English. Its write errors
 * come from the C library, whose errno, read before anything else runs,
 * says why. */
gboolean
mc_records_check_cairo_status (cairo_status_t status, const char *path, GError **error)
{
  int errsv = errno;
  const char *reason = mc_file_error_known_reason (errsv);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  if (status == CAIRO_STATUS_WRITE_ERROR || status == CAIRO_STATUS_NO_MEMORY)
    g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE, _("Cannot write the file “%s”: %s"), path,
                 status == CAIRO_STATUS_NO_MEMORY ? _("there is not enough memory")
                 : reason != NULL ? reason : _("the file cannot be written there"));
  else
    g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE,
                 _("Cannot write the file “%s”: the document could not be drawn (cairo error %d)"), path, (int) status);
  return FALSE;
}

gboolean
mc_records_write_png (cairo_surface_t *surface, const char *path, GError **error)
{
  g_autofree char *tmp = mc_export_file_begin (path, error);

  if (tmp == NULL)
    return FALSE;
  return mc_export_file_finish (tmp, path,
                                mc_records_check_cairo_status (cairo_surface_write_to_png (surface, tmp), path, error),
                                error);
}

typedef struct {
  cairo_t *cr;
  double   page_width;
  double   page_height;
} PdfWriter;

/* Each page after the first starts by showing the one before; every page is
 * white under its text, as mc_records_begin_page draws it for the preview. */
static cairo_t *
next_pdf_page_cb (int page, gpointer user_data)
{
  PdfWriter *w = user_data;

  if (page > 0)
    cairo_show_page (w->cr);
  fit_page (w->cr, w->page_width, w->page_height, w->page_width, w->page_height);
  return cairo_reference (w->cr);
}

/* Into `file`, the temporary file beside `path`, the name errors give. */
static gboolean
lay_out_into_pdf (const char *file, const char *path, const char *title, double page_width, double page_height,
                  McRecordsLayOutFunc lay_out, gconstpointer data, const McExportMonitor *monitor,
                  GError **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (file, page_width, page_height);
  PdfWriter w = { NULL, page_width, page_height };
  McPdfDocument *doc;
  cairo_status_t status;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Motcua");
  w.cr = cairo_create (surface);
  doc = mc_pdf_document_new_paged (page_width, page_height, next_pdf_page_cb, &w, monitor);
  lay_out (doc, data);
  mc_pdf_document_free (doc);
  cairo_show_page (w.cr);
  cairo_destroy (w.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return mc_export_monitor_check (monitor, error) &&
         mc_records_check_cairo_status (status, path, error);
}

gboolean
mc_records_write_pdf (const char *path, const char *title, double page_width, double page_height,
                      McRecordsLayOutFunc lay_out, gconstpointer data, const McExportMonitor *monitor,
                      GError **error)
{
  g_autofree char *tmp = mc_export_file_begin (path, error);
  gboolean ok;

  if (tmp == NULL)
    return FALSE;
  ok = lay_out_into_pdf (tmp, path, title, page_width, page_height, lay_out, data, monitor, error);
  if (ok)
    mc_export_monitor_report (monitor, 1.0);
  return mc_export_file_finish (tmp, path, ok, error);
}

/* Recorded pages */

struct _McRecordsPages {
  GPtrArray *pages;   /* cairo_surface_t* (recording), one per page */
  double     page_width;
  double     page_height;
};

static cairo_t *
next_recorded_page_cb (int page, gpointer user_data)
{
  McRecordsPages *pages = user_data;
  cairo_rectangle_t extents = { 0, 0, pages->page_width, pages->page_height };
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);

  g_ptr_array_add (pages->pages, surface);
  return cairo_create (surface);
}

McRecordsPages *
mc_records_pages_new (McRecordsLayOutFunc lay_out, gconstpointer data, double page_width, double page_height,
                      const McExportMonitor *monitor, GError **error)
{
  McRecordsPages *pages = g_new0 (McRecordsPages, 1);
  McPdfDocument *doc;

  pages->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  pages->page_width = page_width;
  pages->page_height = page_height;
  doc = mc_pdf_document_new_paged (page_width, page_height, next_recorded_page_cb, pages, monitor);
  lay_out (doc, data);
  mc_pdf_document_free (doc);
  if (!mc_export_monitor_check (monitor, error))
    {
      mc_records_pages_free (pages);
      return NULL;
    }
  mc_export_monitor_report (monitor, 1.0);
  return pages;
}

void
mc_records_pages_free (McRecordsPages *pages)
{
  if (pages == NULL)
    return;
  g_ptr_array_unref (pages->pages);
  g_free (pages);
}

int
mc_records_pages_get_n_pages (const McRecordsPages *pages)
{
  g_return_val_if_fail (pages != NULL, 0);
  return pages->pages->len;
}

void
mc_records_pages_draw (const McRecordsPages *pages, cairo_t *cr, int page, double width, double height)
{
  g_return_if_fail (pages != NULL && cr != NULL);
  g_return_if_fail (page >= 0 && (guint) page < pages->pages->len);

  cairo_save (cr);
  fit_page (cr, pages->page_width, pages->page_height, width, height);
  cairo_set_source_surface (cr, g_ptr_array_index (pages->pages, page), 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

const char *
mc_records_or_blank (const char *value)
{
  return value != NULL && value[0] != '\0' ? value : MC_RECORDS_BLANK;
}

void
mc_records_office_header (McPdfDocument *doc, const McRecordsUnit *unit, McFormSet set, McFormType type,
                          const char *number_line, McTime at)
{
  const char *bodies[3] = { NULL, };
  g_autofree char *blank = NULL;
  int n = 0;

  if (unit->unit_name != NULL && unit->unit_name[0] != '\0')
    bodies[n++] = unit->unit_name;
  else if (unit->parent_unit_name != NULL && unit->parent_unit_name[0] != '\0')
    bodies[n++] = unit->parent_unit_name;
  bodies[n++] = mc_records_or_blank (unit->office_name);
  if (number_line == NULL)
    blank = mc_form_set_blank_number_line (set, type, NULL);
  mc_pdf_document_header_numbered (doc, bodies, number_line ? number_line : blank, unit->place_name,
                                   mc_time_get_date (at ? at : mc_time_now ()));
}
