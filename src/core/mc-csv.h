/* mc-csv.h — RFC 4180 CSV reading and writing, with line numbers for errors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MC_CSV_ERROR (mc_csv_error_quark ())
GQuark mc_csv_error_quark (void);

typedef enum {
  MC_CSV_ERROR_SYNTAX,
  MC_CSV_ERROR_ENCODING,
  MC_CSV_ERROR_TOO_LARGE,
  MC_CSV_ERROR_HEADER,
  MC_CSV_ERROR_VALUE,
  MC_CSV_ERROR_READ,
} McCsvError;

typedef struct _McCsvReader McCsvReader;

/* Limits that keep a hostile file from exhausting memory. */
#define MC_CSV_MAX_FIELD_BYTES (64 * 1024)
#define MC_CSV_MAX_FIELDS 256
#define MC_CSV_MAX_RECORD_BYTES (1024 * 1024)
/* For text read whole into memory (a stream has no limit): a migration of
 * 1,000,000 dossiers is about 120 MB, and is read as a stream. */
#define MC_CSV_MAX_FILE_MB 256

McCsvReader *mc_csv_reader_new            (const char *data, gsize length);
/* Reads `stream` as it goes, in a window of a few MB, whatever its size. */
McCsvReader *mc_csv_reader_new_for_stream (GInputStream *stream);
void         mc_csv_reader_free           (McCsvReader *reader);
/* Reads the next record into `fields` (cleared first). FALSE at the end or on
 * error (error set); the line number is that of the record's first line. */
gboolean     mc_csv_reader_next           (McCsvReader *reader, GPtrArray *fields, GError **error);
guint        mc_csv_reader_get_line       (McCsvReader *reader);
/* Checks the header and returns each expected column's index (-1: absent).
 * A name may list alternatives apart by '|' ("Lĩnh vực…|linh_vuc"): the
 * header may use any; an error names the first. */
gboolean     mc_csv_reader_header         (McCsvReader *reader, const char *const *required,
                                           const char *const *optional, int *indexes, GError **error);

/* Whether a spreadsheet would take `value` for a formula (OWASP, "CSV
 * injection"): it starts with = + - @, TAB or CR and is not a plain number
 * such as -5, +84 or 77,5%. */
gboolean     mc_csv_is_formula            (const char *value);
/* Writes one record. A field mc_csv_is_formula finds is written after a
 * single quote ('=HYPERLINK(…)), which spreadsheets show as text; the
 * reader drops that quote again, so what we export imports unchanged. */
void         mc_csv_append_row            (GString *out, const char *const *fields, guint n_fields);
/* An empty CSV file for a spreadsheet: a UTF-8 byte order mark, without
 * which Excel on Windows reads UTF-8 as the ANSI code page (mojibake). */
GString     *mc_csv_document_new          (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McCsvReader, mc_csv_reader_free)

G_END_DECLS
