/* mc-xlsx-file.c — opening and closing a libxlsxwriter workbook, errors in our words
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxlsxwriter does all its file work in workbook_close: the temporary
 * files of each part, then the zip under the final name. When that fails
 * it returns a code whose text (lxw_strerror) is English, and it has
 * already written an English line to stderr, which reaches the clerk on
 * the command line. Its text cells are shared strings, never formulas, so
 * a name starting with = stays text (tests/test-cli-output.c opens one).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "mc-export-error.h"
#include "mc-file-error.h"
#include "mc-xlsx-file.h"

lxw_workbook *
mc_xlsx_file_new (const char *file, const char *path, GError **error)
{
  lxw_workbook *wb;

  g_return_val_if_fail (file != NULL && path != NULL, NULL);

  wb = workbook_new (file);
  if (wb == NULL)
    g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE, _("Cannot create the file “%s”"), path);
  return wb;
}

/* Serialises the closes: exports run in worker threads, and two closes
 * would each restore the other's saved descriptor. */
static GMutex quiet;

/* workbook_close with file descriptor 2 on /dev/null, so that nothing the
 * library prints reaches the terminal; the errno it failed with, if any,
 * in `errsv`. Another thread's message printed during the close (a
 * fraction of a second; the window's stderr goes nowhere a clerk looks)
 * is lost with it. */
static lxw_error
close_quietly (lxw_workbook *wb, int *errsv)
{
  int saved, null;
  lxw_error rc;

  g_mutex_lock (&quiet);
  fflush (stderr);
  saved = fcntl (STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
  null = open ("/dev/null", O_WRONLY | O_CLOEXEC);
  if (saved >= 0 && null >= 0)
    dup2 (null, STDERR_FILENO);
  errno = 0;
  rc = workbook_close (wb);
  *errsv = errno;
  fflush (stderr);
  if (saved >= 0 && null >= 0)
    dup2 (saved, STDERR_FILENO);
  if (saved >= 0)
    close (saved);
  if (null >= 0)
    close (null);
  g_mutex_unlock (&quiet);
  return rc;
}

/* The errno when it says something to a clerk, else what the code means. */
static const char *
reason_for (lxw_error rc, int errsv)
{
  const char *known = mc_file_error_known_reason (errsv);

  if (known != NULL)
    return known;
  if (rc == LXW_ERROR_CREATING_TMPFILE)
    return _("there is no room for its temporary files");
  if (rc == LXW_ERROR_CREATING_XLSX_FILE)
    return _("the file cannot be created there");
  return _("the spreadsheet could not be written in full");
}

gboolean
mc_xlsx_file_close (lxw_workbook *wb, const char *path, GError **error)
{
  int errsv = 0;
  lxw_error rc;

  g_return_val_if_fail (wb != NULL && path != NULL, FALSE);

  rc = close_quietly (wb, &errsv);
  if (rc == LXW_NO_ERROR)
    return TRUE;
  g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE,
               rc == LXW_ERROR_CREATING_XLSX_FILE ? _("Cannot create the file “%s”: %s")
                                                  : _("Cannot write the file “%s”: %s"), path, reason_for (rc, errsv));
  return FALSE;
}
