/* mc-output-file.c — every file Motcua writes on a person's request
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `catalog export victim.sqlite` once replaced the live database with a CSV,
 * and `catalog export /dev/full` replaced a device node with a regular file:
 * every writer now asks this gate first and writes through its temporary
 * file.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mc-backup.h"
#include "mc-file-error.h"
#include "mc-output-file.h"

G_DEFINE_QUARK (mc-output-file-error-quark, mc_output_file_error)

/* The files of a database beside the database itself (".mark": the commit
 * mark, mc-commit-mark.c, which an export over it would silence;
 * ".import-lock": the lock of a running import, mc-import-batch.c, which a
 * file renamed over it would release while the import runs). */
static const char *const db_suffixes[] = { "", "-wal", "-shm", "-journal", ".mark", ".import-lock" };

static GMutex protected_lock;
static GHashTable *protected_dbs;  /* resolved database path → count of opens */

/* The path a write would really replace: symlinks followed for what exists,
 * the folder resolved for a new name. */
static char *
resolve (const char *path)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char *real = realpath (path, NULL);
  char *result;

  if (real != NULL)
    {
      result = g_strdup (real);
      free (real);
      return result;
    }
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  real = realpath (dir, NULL);
  if (real == NULL)
    return g_canonicalize_filename (path, NULL);
  result = g_build_filename (real, base, NULL);
  free (real);
  return result;
}

void
mc_output_file_protect (const char *db_path)
{
  g_autofree char *key = NULL;

  g_return_if_fail (db_path != NULL);

  key = resolve (db_path);
  g_mutex_lock (&protected_lock);
  if (protected_dbs == NULL)
    protected_dbs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (protected_dbs, g_strdup (key),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (protected_dbs, key)) + 1));
  g_mutex_unlock (&protected_lock);
}

void
mc_output_file_unprotect (const char *db_path)
{
  g_autofree char *key = NULL;
  guint count;

  g_return_if_fail (db_path != NULL);

  key = resolve (db_path);
  g_mutex_lock (&protected_lock);
  count = protected_dbs ? GPOINTER_TO_UINT (g_hash_table_lookup (protected_dbs, key)) : 0;
  if (count > 1)
    g_hash_table_insert (protected_dbs, g_strdup (key), GUINT_TO_POINTER (count - 1));
  else if (count == 1)
    g_hash_table_remove (protected_dbs, key);
  g_mutex_unlock (&protected_lock);
}

static gboolean
same_inode (const char *path, const GStatBuf *target)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && st.st_dev == target->st_dev && st.st_ino == target->st_ino;
}

/* The database itself, its WAL, SHM or journal (by name, or the same file
 * under another name), or anything in its backups folder. */
static gboolean
is_open_database_file (const char *db, const char *target, const GStatBuf *st)
{
  g_autofree char *backups = mc_backup_dir_for (db);
  g_autofree char *inside = g_strconcat (backups, G_DIR_SEPARATOR_S, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (db_suffixes); i++)
    {
      g_autofree char *file = g_strconcat (db, db_suffixes[i], NULL);

      if (g_str_equal (file, target) || (st != NULL && same_inode (file, st)))
        return TRUE;
    }
  return g_str_equal (target, backups) || g_str_has_prefix (target, inside);
}

static gboolean
is_protected (const char *target, const GStatBuf *st)
{
  GHashTableIter iter;
  gpointer key;
  gboolean found = FALSE;

  g_mutex_lock (&protected_lock);
  if (protected_dbs != NULL)
    {
      g_hash_table_iter_init (&iter, protected_dbs);
      while (!found && g_hash_table_iter_next (&iter, &key, NULL))
        found = is_open_database_file (key, target, st);
    }
  g_mutex_unlock (&protected_lock);
  return found;
}

/* An SQLite database (any Motcua database or backup, wherever it is), a WAL
 * or a rollback journal, by their first bytes. */
static gboolean
looks_like_sqlite (const char *path)
{
  static const guchar wal[] = { 0x37, 0x7f, 0x06 };
  static const guchar journal[] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };
  guchar head[16] = { 0 };
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  gssize n;

  if (fd < 0)
    return FALSE;
  n = read (fd, head, sizeof head);
  close (fd);
  return (n == 16 && memcmp (head, "SQLite format 3", 16) == 0) ||
         (n >= 4 && memcmp (head, wal, sizeof wal) == 0 && (head[3] == 0x82 || head[3] == 0x83)) ||
         (n >= 8 && memcmp (head, journal, sizeof journal) == 0);
}

/* NAME-wal, NAME-shm, NAME-journal beside an SQLite file NAME. */
static gboolean
is_sqlite_side_file (const char *target)
{
  for (guint i = 1; i < G_N_ELEMENTS (db_suffixes); i++)
    if (g_str_has_suffix (target, db_suffixes[i]))
      {
        g_autofree char *db = g_strndup (target, strlen (target) - strlen (db_suffixes[i]));

        if (looks_like_sqlite (db))
          return TRUE;
      }
  return FALSE;
}

static gboolean
refuse (GError **error, McOutputFileError code, const char *path)
{
  switch (code)
    {
    case MC_OUTPUT_FILE_ERROR_PROTECTED:
      g_set_error (error, MC_OUTPUT_FILE_ERROR, code,
                   _("“%s” is a database, one of its files or a backup; an export never replaces it: "
                     "choose another name"), path);
      break;
    case MC_OUTPUT_FILE_ERROR_NOT_REGULAR:
      g_set_error (error, MC_OUTPUT_FILE_ERROR, code,
                   _("“%s” is not an ordinary file (a device, a folder or a link to one); choose a file name"),
                   path);
      break;
    case MC_OUTPUT_FILE_ERROR_EXISTS:
      g_set_error (error, MC_OUTPUT_FILE_ERROR, code,
                   _("The file “%s” already exists; add --force to replace it"), path);
      break;
    case MC_OUTPUT_FILE_ERROR_WRITE:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static gboolean
write_error (GError **error, const char *path, int errsv)
{
  if (errsv == ENOSPC || errsv == EDQUOT)
    g_set_error (error, MC_OUTPUT_FILE_ERROR, MC_OUTPUT_FILE_ERROR_WRITE,
                 _("Cannot write the file “%s”: the disk is full"), path);
  else
    g_set_error (error, MC_OUTPUT_FILE_ERROR, MC_OUTPUT_FILE_ERROR_WRITE,
                 _("Cannot write the file “%s”: %s"), path, mc_file_error_reason (errsv));
  return FALSE;
}

/* The checks that hold even with FORCE, on the resolved destination. */
static gboolean
check_target (const char *path, const char *target, GStatBuf *st, gboolean *exists, GError **error)
{
  GStatBuf link;

  /* A dangling symlink: renaming over it would write where it does not point. */
  if (g_lstat (path, &link) == 0 && S_ISLNK (link.st_mode) && g_stat (path, st) != 0)
    return refuse (error, MC_OUTPUT_FILE_ERROR_NOT_REGULAR, path);
  *exists = g_stat (target, st) == 0;
  if (*exists && !S_ISREG (st->st_mode))
    return refuse (error, MC_OUTPUT_FILE_ERROR_NOT_REGULAR, path);
  if (is_protected (target, *exists ? st : NULL) || is_sqlite_side_file (target) ||
      (*exists && looks_like_sqlite (target)))
    return refuse (error, MC_OUTPUT_FILE_ERROR_PROTECTED, path);
  return TRUE;
}

gboolean
mc_output_file_check (const char *path, McOutputFileFlags flags, GError **error)
{
  g_autofree char *target = NULL;
  GStatBuf st;
  gboolean exists;

  g_return_val_if_fail (path != NULL, FALSE);

  if (*path == '\0')
    return write_error (error, path, ENOENT);
  target = resolve (path);
  if (!check_target (path, target, &st, &exists, error))
    return FALSE;
  if (exists && !(flags & MC_OUTPUT_FILE_FORCE))
    return refuse (error, MC_OUTPUT_FILE_ERROR_EXISTS, path);
  return TRUE;
}

char *
mc_output_file_begin (const char *path, McOutputFileFlags flags, GError **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  int fd;

  if (!mc_output_file_check (path, flags, error))
    return NULL;
  target = resolve (path);
  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  /* Same folder: a rename across file systems would copy, not replace at once. */
  template = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      write_error (error, path, saved);
      return NULL;
    }
  g_close (fd, NULL);
  return g_steal_pointer (&template);
}

static gboolean
sync_file (const char *path, gboolean directory)
{
  int fd = g_open (path, (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC, 0);
  int rc;

  if (fd < 0)
    return FALSE;
  rc = fsync (fd);
  close (fd);
  return rc == 0;
}

gboolean
mc_output_file_commit (const char *tmp_path, const char *path, GError **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  GStatBuf st;
  gboolean exists;

  g_return_val_if_fail (tmp_path != NULL && path != NULL, FALSE);

  target = resolve (path);
  /* Checked again: the database may have been opened there meanwhile. */
  if (!check_target (path, target, &st, &exists, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }
  /* The content is on the disk before its name is: a power cut leaves the
   * old file or the new one, never an empty file under the new name. */
  if (!sync_file (tmp_path, FALSE) || g_rename (tmp_path, target) != 0)
    {
      int saved = errno;

      g_unlink (tmp_path);
      return write_error (error, path, saved);
    }
  dir = g_path_get_dirname (target);
  sync_file (dir, TRUE);
  return TRUE;
}

void
mc_output_file_abort (const char *tmp_path)
{
  if (tmp_path != NULL)
    g_unlink (tmp_path);
}

gboolean
mc_output_file_finish (const char *tmp_path, const char *path, gboolean ok, GError **error)
{
  if (ok)
    return mc_output_file_commit (tmp_path, path, error);
  mc_output_file_abort (tmp_path);
  return FALSE;
}

static gboolean
write_all (const char *tmp_path, const char *path, const char *data, gsize length, GError **error)
{
  int fd = g_open (tmp_path, O_WRONLY | O_TRUNC | O_CLOEXEC, 0600);

  if (fd < 0)
    return write_error (error, path, errno);
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          return write_error (error, path, saved);
        }
      data += n;
      length -= (gsize) n;
    }
  if (close (fd) != 0)
    return write_error (error, path, errno);
  return TRUE;
}

gboolean
mc_output_file_set_contents (const char *path, const char *data, gssize length, McOutputFileFlags flags,
                             GError **error)
{
  g_autofree char *tmp = NULL;

  g_return_val_if_fail (path != NULL && data != NULL, FALSE);

  tmp = mc_output_file_begin (path, flags, error);
  if (tmp == NULL)
    return FALSE;
  return mc_output_file_finish (tmp, path,
                                write_all (tmp, path, data, length < 0 ? strlen (data) : (gsize) length, error),
                                error);
}

void
mc_output_file_make_private (const char *path)
{
  GStatBuf st;

  /* Only our own files: chmod on another person's would fail anyway. */
  if (g_stat (path, &st) == 0 && st.st_uid == geteuid () && (st.st_mode & 077) != 0 &&
      (S_ISREG (st.st_mode) || S_ISDIR (st.st_mode)))
    g_chmod (path, st.st_mode & 0700);
}

gboolean
mc_output_file_create_private (const char *path, GError **error)
{
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      mc_output_file_make_private (path);
      return TRUE;
    }
  /* SQLite gives the WAL and SHM the mode of the database file: creating
   * the database 0600 ourselves makes them 0600 too. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    return write_error (error, path, errno);
  if (fd >= 0)
    close (fd);
  return TRUE;
}
