/* mc-file-error.c — why a file could not be read or written, in our words
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every message a person sees is Vietnamese (DESIGN.md §4), and a file
 * error is one a clerk can often act on (free some space, choose another
 * folder) if it says so plainly.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mc-file-error.h"

const char *
mc_file_error_reason (int errsv)
{
  const char *known = mc_file_error_known_reason (errsv);

  return known != NULL ? known : g_strerror (errsv);
}

const char *
mc_file_error_known_reason (int errsv)
{
  switch (errsv)
    {
    case ENOSPC:
      return _("the disk is full");
    case EDQUOT:
      return _("the disk space allowed to this user is used up");
    case EACCES:
    case EPERM:
      return _("permission denied");
    case ENOENT:
      return _("the file or its folder does not exist");
    case ENOTDIR:
      return _("a part of the path is not a folder");
    case EISDIR:
      return _("it is a folder");
    case EROFS:
      return _("the disk is read-only");
    case ENAMETOOLONG:
      return _("the name is too long");
    case EEXIST:
      return _("the file already exists");
    case EIO:
      return _("the disk could not be read or written (it may be damaged)");
    case EFBIG:
      return _("the file is too large");
    default:
      return NULL;
    }
}

/* The errno behind each GFileError GLib makes from one (g_file_error_from_errno). */
static int
errno_of (GFileError code)
{
  static const struct { GFileError code; int errsv; } codes[] = {
    { G_FILE_ERROR_NOSPC, ENOSPC }, { G_FILE_ERROR_ACCES, EACCES }, { G_FILE_ERROR_PERM, EPERM },
    { G_FILE_ERROR_NOENT, ENOENT }, { G_FILE_ERROR_NOTDIR, ENOTDIR }, { G_FILE_ERROR_ISDIR, EISDIR },
    { G_FILE_ERROR_ROFS, EROFS }, { G_FILE_ERROR_NAMETOOLONG, ENAMETOOLONG }, { G_FILE_ERROR_EXIST, EEXIST },
    { G_FILE_ERROR_IO, EIO }, { G_FILE_ERROR_LOOP, ELOOP }, { G_FILE_ERROR_NXIO, ENXIO },
    { G_FILE_ERROR_NODEV, ENODEV }, { G_FILE_ERROR_TXTBSY, ETXTBSY }, { G_FILE_ERROR_NOMEM, ENOMEM },
    { G_FILE_ERROR_MFILE, EMFILE }, { G_FILE_ERROR_NFILE, ENFILE }, { G_FILE_ERROR_INTR, EINTR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (codes[i].code == code)
      return codes[i].errsv;
  return 0;
}

/* GLib's error again with our message. For a code GLib does not derive
 * from an errno, its message ends with the C library's words (which
 * gettext translates): those are kept. */
static void
reword (GError **error, const char *path, GError *glib, gboolean writing)
{
  int errsv = glib->domain == G_FILE_ERROR ? errno_of ((GFileError) glib->code) : 0;
  const char *tail = strrchr (glib->message, ':');
  const char *reason = errsv ? mc_file_error_reason (errsv) : tail && tail[1] == ' ' ? tail + 2 : glib->message;

  g_set_error (error, glib->domain, glib->code,
               writing ? _("Cannot write the file “%s”: %s") : _("Cannot read the file “%s”: %s"), path, reason);
}

gboolean
mc_file_get_contents (const char *path, char **contents, gsize *length, GError **error)
{
  g_autoptr(GError) glib = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_get_contents (path, contents, length, &glib))
    return TRUE;
  reword (error, path, glib, FALSE);
  return FALSE;
}

gboolean
mc_file_set_contents (const char *path, const char *contents, gssize length, GError **error)
{
  g_autoptr(GError) glib = NULL;

  g_return_val_if_fail (path != NULL && contents != NULL, FALSE);

  if (g_file_set_contents (path, contents, length, &glib))
    return TRUE;
  reword (error, path, glib, TRUE);
  return FALSE;
}

GInputStream *
mc_file_read_stream (const char *path, GError **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) gio = NULL;
  GFileInputStream *stream;
  struct stat st;
  int errsv = 0;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  /* Opened first by hand for errno, which GIO's error codes lose (a
   * missing folder and a missing file are both "not found" there). */
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    errsv = errno;
  else if (fstat (fd, &st) == 0 && S_ISDIR (st.st_mode))
    errsv = EISDIR;
  if (fd >= 0)
    close (fd);
  if (errsv == 0)
    {
      file = g_file_new_for_path (path);
      /* A GFileInputStream can seek back to the start, which an import
       * does to name the first line of a code given twice. */
      stream = g_file_read (file, NULL, &gio);
      if (stream != NULL)
        return G_INPUT_STREAM (stream);
    }
  g_set_error (error, G_FILE_ERROR, errsv ? g_file_error_from_errno (errsv) : G_FILE_ERROR_FAILED,
               _("Cannot read the file “%s”: %s"), path, errsv ? mc_file_error_reason (errsv) : gio->message);
  return NULL;
}
