/* test-export-cost.c — long exports: cost in proportion to the pages, progress, Cancel
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 11 item 9: a year's Sổ theo dõi hồ sơ froze the window for minutes,
 * every page laying the whole register out again. Time is not asserted here
 * (bench/bench-register prints it): the work is counted instead, as the Pango
 * layouts the documents make, which is what each page used to redo.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "mc-dossier-register.h"
#include "mc-export-file.h"
#include "mc-records-private.h"
#include "mc-test-utils.h"

/* n dossiers of the kind a commune registers, two lines of text each. */
static McDossierRegisterData *
register_with (guint n)
{
  McDossierRegisterData *data =
    mc_dossier_register_data_new_empty (mc_test_time ("2026-01-01 00:00"), mc_test_time ("2027-01-01 00:00"));

  g_ptr_array_set_free_func (data->rows, (GDestroyNotify) mc_register_row_free);
  data->unit.unit_name = g_strdup ("Ủy ban nhân dân phường Phú Sơn");
  data->unit.office_name = g_strdup ("Trung tâm Phục vụ hành chính công");
  for (guint i = 0; i < n; i++)
    {
      McRegisterRow *row = g_new0 (McRegisterRow, 1);

      row->code = g_strdup_printf ("000.00.07.H56-260105-%04u", i + 1);
      row->procedure_name = g_strdup (i % 3 ? "Chứng thực bản sao từ bản chính giấy tờ, văn bản"
                                            : "Đăng ký khai sinh");
      row->applicant_name = g_strdup_printf ("Phạm Thị Thu %u", i + 1);
      row->applicant_contact = g_strdup ("Thôn 3, phường Phú Sơn; 0912000111");
      row->handling_body = g_strdup ("Văn phòng HĐND và UBND");
      row->received_at = mc_test_time ("2026-01-05 08:00");
      row->due_at = mc_test_time ("2026-01-05 16:00");
      g_ptr_array_add (data->rows, row);
    }
  return data;
}

static int
pdf_pages (const McDossierRegisterData *data)
{
  return mc_dossier_register_get_n_pages (data, MC_PDF_LANDSCAPE_WIDTH, MC_PDF_LANDSCAPE_HEIGHT);
}

/* Layouts made per page written, for a register of n dossiers. */
static double
layouts_per_page (guint n, int *n_pages)
{
  g_autoptr(McDossierRegisterData) data = register_with (n);
  g_autofree char *name = g_strdup_printf ("register-%u.pdf", n);
  g_autofree char *path = mc_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  guint before = mc_pdf_document_get_layouts_created ();
  guint made;

  g_assert_true (mc_dossier_register_data_write_pdf (data, path, &error));
  g_assert_no_error (error);
  made = mc_pdf_document_get_layouts_created () - before;
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  *n_pages = pdf_pages (data);
  g_assert_cmpint (*n_pages, >, 1);
  return (double) made / *n_pages;
}

/* Four times the dossiers: four times the pages, the same work per page
 * (each page redoing the whole layout made it four times as much). */
static void
test_register_linear (void)
{
  int small_pages, large_pages;
  double small = layouts_per_page (60, &small_pages);
  double large = layouts_per_page (240, &large_pages);

  g_test_message ("%d pages: %.0f layouts a page; %d pages: %.0f", small_pages, small, large_pages, large);
  g_assert_cmpint (large_pages, >=, 3 * small_pages);
  g_assert_cmpint (large_pages, <=, 5 * small_pages);
  g_assert_cmpfloat (large, <, 1.3 * small);
  /* In absolute terms: each row's 11 cells once, plus the header per page,
   * plus once per register what fitting the columns measures (100 sampled
   * rows, the words of every fourth: 125 rows of 11 cells). */
  g_assert_cmpfloat (large, <, 11.0 * (240 + 125) / large_pages + 80);
}

typedef struct {
  GCancellable *cancellable;
  guint         calls;
  guint         cancel_after;   /* 0: never */
  double        last;
  gboolean      backwards;
} Watch;

static void
progress_cb (double fraction, gpointer user_data)
{
  Watch *w = user_data;

  w->backwards |= fraction < w->last;
  w->last = fraction;
  if (++w->calls == w->cancel_after)
    g_cancellable_cancel (w->cancellable);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Progress goes forward and ends at 1; the file is complete. */
static void
test_register_progress (void)
{
  g_autoptr(McDossierRegisterData) data = register_with (500);
  g_autofree char *path = mc_test_tmp_path ("progress/register.pdf");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Watch w = { cancellable, 0, 0, 0, FALSE };
  McExportMonitor monitor = { cancellable, progress_cb, &w };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (mc_dossier_register_data_write_pdf_full (data, path, &monitor, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (w.calls, >, 5);
  g_assert_false (w.backwards);
  g_assert_cmpfloat (w.last, ==, 1.0);
  g_assert_cmpint (pdf_pages (data), >, 10);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  /* Nothing but the document in its folder: the temporary file was renamed. */
  g_assert_cmpuint (count_files (dir), ==, 1);
}

/* Cancel halfway: the call fails as cancelled, soon, and leaves no file —
 * neither a half-written one nor a temporary one — and a file already there
 * under that name is left as it was. */
static void
check_cancel (const char *format)
{
  g_autoptr(McDossierRegisterData) data = register_with (2000);
  g_autofree char *name = g_strdup_printf ("cancel-%s/register.%s", format, format);
  g_autofree char *path = mc_test_tmp_path (name);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *kept = g_strdup_printf ("%s/old.%s", dir, format);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Watch w = { cancellable, 0, 3, 0, FALSE };
  McExportMonitor monitor = { cancellable, progress_cb, &w };
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gboolean ok;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  ok = g_str_equal (format, "pdf") ? mc_dossier_register_data_write_pdf_full (data, path, &monitor, &error)
                                   : mc_dossier_register_data_write_xlsx_full (data, path, &monitor, &error);
  g_assert_false (ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, 0);
  /* It stopped where it was cancelled rather than writing everything. */
  g_assert_cmpuint (w.calls, <=, 4);
  g_assert_cmpfloat (w.last, <, 0.5);

  /* An earlier export of the same name survives a cancelled one. */
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (kept, "earlier", -1, NULL));
  g_cancellable_cancel (cancellable);
  ok = g_str_equal (format, "pdf") ? mc_dossier_register_data_write_pdf_full (data, kept, &monitor, &error)
                                   : mc_dossier_register_data_write_xlsx_full (data, kept, &monitor, &error);
  g_assert_false (ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "earlier");
  g_assert_cmpuint (count_files (dir), ==, 1);
}

static void
test_register_cancel_pdf (void)
{
  check_cancel ("pdf");
}

static void
test_register_cancel_xlsx (void)
{
  check_cancel ("xlsx");
}

/* The print path: every page laid out once and recorded, then drawn in any
 * order without laying the register out again. */
static void
lay_out_register (McPdfDocument *doc, gconstpointer data)
{
  /* The register's own layout is private; its pages drawn one by one are
   * what GtkPrintOperation would otherwise ask for. */
  mc_pdf_document_text (doc, data, 12, MC_PDF_TEXT_PLAIN);
}

static void
test_recorded_pages (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(McRecordsPages) pages = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 210, 297);
  cairo_t *cr = cairo_create (surface);
  guint before, after_layout;
  int n;

  for (int i = 0; i < 400; i++)
    g_string_append_printf (text, "Dòng %d của văn bản dài.\n", i + 1);
  before = mc_pdf_document_get_layouts_created ();
  pages = mc_records_pages_new (lay_out_register, text->str, MC_PDF_PAGE_WIDTH, MC_PDF_PAGE_HEIGHT, NULL, &error);
  g_assert_no_error (error);
  after_layout = mc_pdf_document_get_layouts_created ();
  n = mc_records_pages_get_n_pages (pages);
  g_assert_cmpint (n, >, 5);
  for (int page = n - 1; page >= 0; page--)
    mc_records_pages_draw (pages, cr, page, 210, 297);
  /* Drawing replays what was recorded: no layout is made again. */
  g_assert_cmpuint (mc_pdf_document_get_layouts_created (), ==, after_layout);
  g_assert_cmpuint (after_layout - before, <, 2 * n + 5);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* A replayed page looks like the page drawn directly. */
  for (int page = 0; page < n; page += n - 1)
    {
      cairo_surface_t *replayed = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 420, 594);
      cairo_surface_t *direct = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 420, 594);
      cairo_t *a = cairo_create (replayed);
      cairo_t *b = cairo_create (direct);
      int differing = 0, inked = 0;

      mc_records_pages_draw (pages, a, page, 420, 594);
      mc_records_draw_page (b, lay_out_register, text->str, page, MC_PDF_PAGE_WIDTH, MC_PDF_PAGE_HEIGHT, 420, 594);
      cairo_surface_flush (replayed);
      cairo_surface_flush (direct);
      for (int y = 0; y < 594; y++)
        {
          const guint32 *ra = (const guint32 *) (cairo_image_surface_get_data (replayed) +
                                                 y * cairo_image_surface_get_stride (replayed));
          const guint32 *rb = (const guint32 *) (cairo_image_surface_get_data (direct) +
                                                 y * cairo_image_surface_get_stride (direct));

          for (int x = 0; x < 420; x++)
            {
              differing += (ra[x] & 0xffffff) != (rb[x] & 0xffffff);
              inked += (rb[x] & 0xffffff) != 0xffffff;
            }
        }
      g_test_message ("page %d: %d pixels inked, %d differ", page + 1, inked, differing);
      g_assert_cmpint (inked, >, 2000);
      /* Glyph edges may round differently through the recording. */
      g_assert_cmpint (differing, <, 420 * 594 / 200);
      cairo_destroy (a);
      cairo_destroy (b);
      cairo_surface_destroy (replayed);
      cairo_surface_destroy (direct);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export-cost/register/linear", test_register_linear);
  g_test_add_func ("/export-cost/register/progress", test_register_progress);
  g_test_add_func ("/export-cost/register/cancel-pdf", test_register_cancel_pdf);
  g_test_add_func ("/export-cost/register/cancel-xlsx", test_register_cancel_xlsx);
  g_test_add_func ("/export-cost/recorded-pages", test_recorded_pages);
  return g_test_run ();
}
