/* mc-xlsx-file.c — opening and closing a libxlsxwriter workbook, errors in our words
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxlsxwriter does all its file work in workbook_close: the temporary
 * files of each part, then the zip under the final name. When that fails
 * it returns a code whose text (lxw_strerror) is English, and it has
 * already written an English line to stderr, which reaches the clerk on
 * the command line. Its text cells are shared strings, never formulas, so
 * a name starting with = stays text (tests/test-output.c opens one).
 *
 * Worse, it does not check its writes to those temporary files (in /tmp):
 * with that disk full, the parts come out cut short inside a well-formed
 * zip, and workbook_close reports success. So the file is read back: every
 * part must end with the closing tag of its root element.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <zip.h>

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

/* Reading the zip back with libzip: each part inflated in full (libzip
 * checks its CRC at the end), only its first and last bytes kept. */

#define EDGE 256  /* bytes kept of each part's start and end */

typedef struct {
  char  head[EDGE + 1];
  gsize head_len;
  char  tail[EDGE + 1];
  gsize tail_len;
} Edges;

static void
keep_edges (Edges *e, const guchar *bytes, gsize n)
{
  gsize take = MIN (n, EDGE - e->head_len);

  memcpy (e->head + e->head_len, bytes, take);
  e->head_len += take;
  if (n >= EDGE)
    {
      memcpy (e->tail, bytes + n - EDGE, EDGE);
      e->tail_len = EDGE;
      return;
    }
  if (e->tail_len + n > EDGE)
    {
      gsize drop = e->tail_len + n - EDGE;

      memmove (e->tail, e->tail + drop, e->tail_len - drop);
      e->tail_len -= drop;
    }
  memcpy (e->tail + e->tail_len, bytes, n);
  e->tail_len += n;
}

/* Whether the XML ends with the closing tag of the element it starts with. */
static gboolean
is_whole_xml (Edges *e)
{
  const char *p = e->head;
  g_autofree char *closing = NULL;
  gsize n;

  e->head[e->head_len] = e->tail[e->tail_len] = '\0';
  /* The declaration and comments before the root. */
  while ((p = strchr (p, '<')) != NULL && (p[1] == '?' || p[1] == '!'))
    p++;
  if (p == NULL)
    return FALSE;
  n = strcspn (p + 1, " \t\r\n/>");
  closing = g_strdup_printf ("</%.*s>", (int) n, p + 1);
  return g_str_has_suffix (g_strchomp (e->tail), closing);
}

/* Whether the part inflates to its end, CRC and all, as whole XML. */
static gboolean
part_complete (zip_t *za, zip_uint64_t index)
{
  Edges edges = { .head_len = 0 };
  zip_file_t *part = zip_fopen_index (za, index, 0);
  guchar buffer[65536];
  zip_int64_t n;

  if (part == NULL)
    return FALSE;
  while ((n = zip_fread (part, buffer, sizeof buffer)) > 0)
    keep_edges (&edges, buffer, n);
  return zip_fclose (part) == 0 && n == 0 && is_whole_xml (&edges);
}

static gboolean
zip_parts_complete (const char *file)
{
  zip_t *za = zip_open (file, ZIP_RDONLY | ZIP_CHECKCONS, NULL);
  zip_int64_t n;
  gboolean ok;

  if (za == NULL)
    return FALSE;
  n = zip_get_num_entries (za, 0);
  ok = n >= 0;
  for (zip_int64_t i = 0; ok && i < n; i++)
    ok = part_complete (za, i);
  zip_discard (za);
  return ok;
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
  g_autofree char *file = NULL;
  int errsv = 0;
  lxw_error rc;

  g_return_val_if_fail (wb != NULL && path != NULL, FALSE);

  file = g_strdup (wb->filename);
  rc = close_quietly (wb, &errsv);
  if (rc == LXW_NO_ERROR && zip_parts_complete (file))
    return TRUE;
  if (rc == LXW_NO_ERROR)
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE, _("Cannot write the file “%s”: %s"), path,
                   _("its temporary files could not be written in full (the disk may be full)"));
      return FALSE;
    }
  g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE,
               rc == LXW_ERROR_CREATING_XLSX_FILE ? _("Cannot create the file “%s”: %s")
                                                  : _("Cannot write the file “%s”: %s"), path, reason_for (rc, errsv));
  return FALSE;
}
