/* mc-export-file.c — a document appears under its name only when complete
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-export-file.h"
#include "mc-output-file.h"

/* The writers replace what their caller chose: the CLI has checked for an
 * existing file (--force) and the GUI's file chooser asked. What no one may
 * replace (the database, a backup, a device) is refused here all the same. */
char *
mc_export_file_begin (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return mc_output_file_begin (path, MC_OUTPUT_FILE_FORCE, error);
}

gboolean
mc_export_file_commit (const char *tmp_path, const char *path, GError **error)
{
  return mc_output_file_commit (tmp_path, path, error);
}

void
mc_export_file_abort (const char *tmp_path)
{
  mc_output_file_abort (tmp_path);
}

gboolean
mc_export_file_finish (const char *tmp_path, const char *path, gboolean ok, GError **error)
{
  return mc_output_file_finish (tmp_path, path, ok, error);
}

gboolean
mc_export_file_set_contents (const char *path, const char *data, gssize length, GError **error)
{
  return mc_output_file_set_contents (path, data, length, MC_OUTPUT_FILE_FORCE, error);
}
