/* mc-output-file.h — every file Motcua writes on a person's request
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One gate for exports, receipts, reports, backups and renders: an output path
 * is never the open database, its WAL, SHM or journal, a backup (any SQLite
 * file, anything in a database's backups folder) nor something that is not a
 * regular file (a device, a fifo, a folder, a symlink to one of them); an
 * existing file is replaced only when asked (--force; the GUI's file chooser
 * already asked). The file is written under a temporary name in the same
 * folder, created 0600 whatever the umask, synced and renamed over the
 * destination only when complete.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MC_OUTPUT_FILE_ERROR (mc_output_file_error_quark ())
GQuark mc_output_file_error_quark (void);

typedef enum {
  MC_OUTPUT_FILE_ERROR_PROTECTED,    /* the database, its WAL/SHM, a backup */
  MC_OUTPUT_FILE_ERROR_NOT_REGULAR,  /* a device, fifo, folder… */
  MC_OUTPUT_FILE_ERROR_EXISTS,       /* exists and replacing was not asked */
  MC_OUTPUT_FILE_ERROR_WRITE,        /* the write itself failed */
} McOutputFileError;

typedef enum {
  MC_OUTPUT_FILE_NONE  = 0,
  MC_OUTPUT_FILE_FORCE = 1 << 0,  /* replace an existing regular file */
} McOutputFileFlags;

/* Database files no output may replace while the database is open (counted:
 * each protect needs its unprotect). mc_db_new () calls these. */
void      mc_output_file_protect      (const char *db_path);
void      mc_output_file_unprotect    (const char *db_path);

/* Whether `path` may be written with `flags`; the error says why not. */
gboolean  mc_output_file_check        (const char        *path,
                                       McOutputFileFlags  flags,
                                       GError           **error);
/* Checks, then creates the temporary file (0600, same folder as the real
 * destination); returns its path. */
char     *mc_output_file_begin        (const char        *path,
                                       McOutputFileFlags  flags,
                                       GError           **error);
/* Syncs tmp_path and renames it over path (re-checked: still not protected,
 * still a regular file if it exists); on failure removes tmp_path. */
gboolean  mc_output_file_commit       (const char *tmp_path,
                                       const char *path,
                                       GError    **error);
void      mc_output_file_abort        (const char *tmp_path);
/* Commits when ok, else aborts; returns whether the file is now in place. */
gboolean  mc_output_file_finish       (const char *tmp_path,
                                       const char *path,
                                       gboolean    ok,
                                       GError    **error);
/* The whole of `data` as `path`, through begin/commit. */
gboolean  mc_output_file_set_contents (const char        *path,
                                       const char        *data,
                                       gssize             length,
                                       McOutputFileFlags  flags,
                                       GError           **error);
/* A new file (or folder) with mode 0600 (0700), whatever the umask; an
 * existing one keeps its content and loses group and other access. */
gboolean  mc_output_file_create_private (const char *path,
                                         GError    **error);
void      mc_output_file_make_private (const char *path);

G_END_DECLS
