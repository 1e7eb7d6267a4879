/* mc-file-error.h — why a file could not be read or written, in our words
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The reason for the errno value `errsv` as a clerk reads it ("the disk is
 * full"), through gettext; a value we do not word ourselves as the C
 * library does. */
const char *mc_file_error_reason        (int errsv);
/* The same for the values we word ourselves, which say something to a
 * clerk (a full disk, a missing folder, no permission); NULL for the others
 * (EBADF after a library's clean-up would only mislead). */
const char *mc_file_error_known_reason  (int errsv);
/* g_file_get_contents and g_file_set_contents with errors in our words
 * (G_FILE_ERROR, GLib's code): GLib's own messages ("Failed to create file
 * …") stay English where its catalogue lacks them, as Debian's Vietnamese
 * one does for the wording GLib 2.74 uses, and g_file_set_contents' names
 * its temporary file rather than the one asked for. */
gboolean    mc_file_get_contents        (const char *path, char **contents, gsize *length, GError **error);
gboolean    mc_file_set_contents        (const char *path, const char *contents, gssize length,
                                         GError **error);
/* The file opened for reading as a stream (seekable), with the error in
 * the same words as mc_file_get_contents. */
GInputStream *mc_file_read_stream       (const char *path, GError **error);

G_END_DECLS
