/* mc-records-print.c — print (and preview) a routing document: Mẫu 04, Mẫu 05
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As for the receipts (mc-receipt-print.c): GtkPrintOperation gives the
 * system's preview and printer choice, "Print to File" a PDF; the page is
 * drawn by the export layer's function, the same one its PDF uses.
 *
 * The printer and settings chosen in the dialog are kept in GSettings
 * ("print-settings") for the next document; "Print to File" writes
 * <dossier code>.pdf in the print folder, never "output.pdf" (GTK's
 * default, "đầu ra.pdf" in Vietnamese) in whatever the working folder is.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mc-application.h"
#include "mc-output-file.h"
#include "mc-records-print.h"

typedef struct {
  gpointer          data;
  GDestroyNotify    free_data;
  McPrintCountFunc  count;
  McPrintDrawFunc   draw;
  GError           *refused;  /* the file chosen in the dialog may not be written */
} Job;

/* The file "Print to File" will write, as the dialog left it. */
static char *
output_path (GtkPrintOperation *op)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (op);
  const char *uri = settings ? gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI) : NULL;

  return uri ? g_filename_from_uri (uri, NULL, NULL) : NULL;
}

static void
begin_print_cb (GtkPrintOperation *op, GtkPrintContext *context, Job *job)
{
  g_autofree char *path = output_path (op);

  /* GTK writes "Print to File" itself, after the pages: a file chosen in
   * its dialog over the database, a backup or a device is refused before
   * anything is drawn (the dialog has already asked about replacing an
   * ordinary file). For a real printer the path is the unused default. */
  if (path != NULL && !mc_output_file_check (path, MC_OUTPUT_FILE_FORCE, &job->refused))
    {
      gtk_print_operation_cancel (op);
      return;
    }
  gtk_print_operation_set_n_pages (op, MAX (1, job->count (job->data, gtk_print_context_get_width (context),
                                                           gtk_print_context_get_height (context))));
}

static void
draw_page_cb (GtkPrintOperation *op, GtkPrintContext *context, int page, Job *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  cairo_save (cr);
  job->draw (cr, job->data, page, gtk_print_context_get_width (context), gtk_print_context_get_height (context));
  cairo_restore (cr);
}

static void
job_free (gpointer pointer)
{
  Job *job = pointer;

  if (job->free_data != NULL)
    job->free_data (job->data);
  g_clear_error (&job->refused);
  g_free (job);
}

static GSettings *
settings_of (GtkWindow *parent)
{
  GtkApplication *app = parent ? gtk_window_get_application (parent) : NULL;

  return MC_IS_APPLICATION (app) ? mc_application_get_settings (MC_APPLICATION (app)) : NULL;
}

static char *
print_folder (GSettings *settings)
{
  g_autofree char *folder = settings ? g_settings_get_string (settings, "print-folder") : NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (folder != NULL && *folder != '\0')
    return g_steal_pointer (&folder);
  return g_build_filename (documents ? documents : g_get_home_dir (), "Motcua", NULL);
}

/* A file name from a dossier code, without its extension: no '/' or
 * other separators in it. */
static char *
file_name_for (const char *job_name)
{
  char *name = g_strdup (job_name && *job_name ? job_name : "motcua");

  return g_strdelimit (name, "/\\:*?\"<>|", '_');
}

static GtkPrintSettings *
load_settings (GSettings *settings, const char *job_name)
{
  g_autoptr(GVariant) saved = settings ? g_settings_get_value (settings, "print-settings") : NULL;
  GtkPrintSettings *print = saved && g_variant_n_children (saved) > 0 ? gtk_print_settings_new_from_gvariant (saved)
                                                                       : gtk_print_settings_new ();
  g_autofree char *folder = print_folder (settings);
  g_autofree char *name = file_name_for (job_name);
  g_autofree char *file = g_strconcat (name, ".pdf", NULL);
  g_autofree char *path = g_build_filename (folder, file, NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *folder_uri = g_filename_to_uri (folder, NULL, NULL);

  g_mkdir_with_parents (folder, 0700);
  gtk_print_settings_set (print, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (print, GTK_PRINT_SETTINGS_OUTPUT_DIR, folder_uri);
  gtk_print_settings_set (print, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, name);
  if (gtk_print_settings_get (print, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT) == NULL)
    gtk_print_settings_set (print, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  return print;
}

/* Set on remembered settings whose printer writes files ("Print to File"
 * gives its settings an output URI, a real printer none). */
#define TO_FILE_KEY "motcua-to-file"

/* What the clerk chose, without this document's file name; the folder a
 * file was printed into becomes the print folder. */
static void
save_settings (GSettings *settings, GtkPrintSettings *chosen)
{
  g_autoptr(GtkPrintSettings) copy = NULL;
  const char *uri;

  if (settings == NULL || chosen == NULL)
    return;
  copy = gtk_print_settings_copy (chosen);
  uri = gtk_print_settings_get (chosen, GTK_PRINT_SETTINGS_OUTPUT_URI);
  gtk_print_settings_set (copy, TO_FILE_KEY, uri != NULL ? "true" : NULL);
  if (uri != NULL)
    {
      g_autofree char *path = g_filename_from_uri (uri, NULL, NULL);
      g_autofree char *folder = path ? g_path_get_dirname (path) : NULL;
      if (folder != NULL)
        g_settings_set_string (settings, "print-folder", folder);
    }
  gtk_print_settings_unset (copy, GTK_PRINT_SETTINGS_OUTPUT_URI);
  gtk_print_settings_unset (copy, GTK_PRINT_SETTINGS_OUTPUT_DIR);
  gtk_print_settings_unset (copy, GTK_PRINT_SETTINGS_OUTPUT_BASENAME);
  g_settings_set_value (settings, "print-settings", gtk_print_settings_to_gvariant (copy));
}

GtkPrintOperationResult
mc_records_print_run (GtkWindow *parent, const char *job_name, gpointer data, GDestroyNotify free_data,
                      McPrintCountFunc count, McPrintDrawFunc draw, gboolean direct, GError **error)
{
  return mc_records_print_run_on (parent, job_name, data, free_data, count, draw, direct, FALSE, error);
}

GtkPrintOperationResult
mc_records_print_run_on (GtkWindow *parent, const char *job_name, gpointer data, GDestroyNotify free_data,
                         McPrintCountFunc count, McPrintDrawFunc draw, gboolean direct, gboolean a5,
                         GError **error)
{
  g_autoptr(GtkPrintOperation) op = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (a5 ? GTK_PAPER_NAME_A5 : GTK_PAPER_NAME_A4);
  GSettings *settings = settings_of (parent);
  g_autoptr(GtkPrintSettings) print = load_settings (settings, job_name);
  GtkPrintOperationAction action = GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;
  GtkPrintOperationResult result;
  g_autofree char *export_path = NULL;
  g_autofree char *export_tmp = NULL;
  Job *job = g_new0 (Job, 1);

  job->data = data;
  job->free_data = free_data;
  job->count = count;
  job->draw = draw;
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  /* The paper remembered from the last job would override the form's. */
  gtk_print_settings_set_paper_size (print, a4);
  gtk_print_operation_set_default_page_setup (op, setup);
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (op, job_name ? job_name : "motcua");
  gtk_print_operation_set_print_settings (op, print);
  g_object_set_data_full (G_OBJECT (op), "job", job, job_free);
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page_cb), job);
  /* GTK cannot find "Print to File" without its dialog (it skips virtual
   * printers and waits for every backend): that one is an export. */
  if (direct && gtk_print_settings_get_bool (print, TO_FILE_KEY))
    {
      export_path = g_filename_from_uri (gtk_print_settings_get (print, GTK_PRINT_SETTINGS_OUTPUT_URI), NULL, NULL);
      /* Written beside it and renamed when complete, and never over the
       * database, a backup or a device (mc-output-file). */
      export_tmp = export_path ? mc_output_file_begin (export_path, MC_OUTPUT_FILE_FORCE, error) : NULL;
      if (export_tmp == NULL)
        {
          if (export_path == NULL)
            g_set_error_literal (error, GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL, _("No file to print to"));
          return GTK_PRINT_OPERATION_RESULT_ERROR;
        }
      gtk_print_operation_set_export_filename (op, export_tmp);
      action = GTK_PRINT_OPERATION_ACTION_EXPORT;
    }
  else if (direct && gtk_print_settings_get_printer (print) != NULL)
    action = GTK_PRINT_OPERATION_ACTION_PRINT;
  result = gtk_print_operation_run (op, action, parent, error);
  if (export_tmp != NULL &&
      !mc_output_file_finish (export_tmp, export_path, result == GTK_PRINT_OPERATION_RESULT_APPLY,
                              result == GTK_PRINT_OPERATION_RESULT_APPLY ? error : NULL) &&
      result == GTK_PRINT_OPERATION_RESULT_APPLY)
    result = GTK_PRINT_OPERATION_RESULT_ERROR;
  if (job->refused != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&job->refused));
      return GTK_PRINT_OPERATION_RESULT_ERROR;
    }
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && action == GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG)
    {
      g_autofree char *path = output_path (op);

      /* A receipt printed to a file holds an ID number and a phone. */
      if (path != NULL)
        mc_output_file_make_private (path);
      save_settings (settings, gtk_print_operation_get_print_settings (op));
    }
  return result;
}

void
mc_records_print (GtkWindow *parent, const char *job_name, gpointer data, GDestroyNotify free_data,
                  McPrintCountFunc count, McPrintDrawFunc draw)
{
  mc_records_print_on (parent, job_name, data, free_data, count, draw, FALSE);
}

void
mc_records_print_on (GtkWindow *parent, const char *job_name, gpointer data, GDestroyNotify free_data,
                     McPrintCountFunc count, McPrintDrawFunc draw, gboolean a5)
{
  g_autoptr(GError) error = NULL;

  if (mc_records_print_run_on (parent, job_name, data, free_data, count, draw, FALSE, a5, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("%s", error->message);
}
