/* mc-export-file.h — a document appears under its name only when complete
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writers write into a temporary file beside the destination and rename it
 * over the destination at the end: a cancelled or failed export (or a killed
 * process) never leaves a half-written file that looks like a finished form,
 * nor destroys the previous file of that name. A thin layer over core's
 * mc-output-file, which also refuses the database, backups and devices and
 * creates the file 0600.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Creates the temporary file (".NAME.XXXXXX" in the same folder, 0600);
 * returns its path. An existing regular file at path will be replaced. */
char     *mc_export_file_begin  (const char *path,
                                 GError    **error);
/* Renames tmp_path to path; on failure removes tmp_path. */
gboolean  mc_export_file_commit (const char *tmp_path,
                                 const char *path,
                                 GError    **error);
/* Removes the temporary file. */
void      mc_export_file_abort  (const char *tmp_path);
/* Commits when ok, else aborts; returns ok (and the commit's result). */
gboolean  mc_export_file_finish (const char *tmp_path,
                                 const char *path,
                                 gboolean    ok,
                                 GError    **error);
/* The whole of data as path, through a temporary file. */
gboolean  mc_export_file_set_contents (const char *path,
                                       const char *data,
                                       gssize      length,
                                       GError    **error);

G_END_DECLS
