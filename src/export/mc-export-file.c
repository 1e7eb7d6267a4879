/* mc-export-file.c — a document appears under its name only when complete
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mc-export-error.h"
#include "mc-export-file.h"

char *
mc_export_file_begin (const char *path, GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* Same folder: a rename across file systems would copy, not replace at once. */
  template = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (template, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE, _("Cannot create the file “%s”: %s"),
                   path, g_strerror (saved));
      return NULL;
    }
  g_close (fd, NULL);
  return g_steal_pointer (&template);
}

gboolean
mc_export_file_commit (const char *tmp_path, const char *path, GError **error)
{
  g_return_val_if_fail (tmp_path != NULL && path != NULL, FALSE);

  if (g_rename (tmp_path, path) == 0)
    return TRUE;
  g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE, _("Cannot write the file “%s”: %s"),
               path, g_strerror (errno));
  g_unlink (tmp_path);
  return FALSE;
}

void
mc_export_file_abort (const char *tmp_path)
{
  if (tmp_path != NULL)
    g_unlink (tmp_path);
}

gboolean
mc_export_file_finish (const char *tmp_path, const char *path, gboolean ok, GError **error)
{
  if (ok)
    return mc_export_file_commit (tmp_path, path, error);
  mc_export_file_abort (tmp_path);
  return FALSE;
}
