/* mc-csv.c — RFC 4180 CSV reading and writing, with line numbers for errors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib has no CSV parser and Debian's libcsv is unmaintained upstream and
 * does not report line numbers of multi-line records, so this small reader
 * (one state machine, no allocation per character) is ours. Every error names
 * the line, in Vietnamese, because an import is all-or-nothing and the clerk
 * must be able to find and fix the line.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-csv.h"

G_DEFINE_QUARK (mc-csv-error-quark, mc_csv_error)

/* A stream is read into a window of WINDOW bytes, topped up before each
 * record so that at least LOOKAHEAD bytes follow its start (or the file
 * ends there): a record is refused past MC_CSV_MAX_RECORD_BYTES plus one
 * value (a quoted one may take twice its length in the file), so the state
 * machine below meets the window's end only at the end of the file, and
 * memory stays the same whatever the file's size. */
#define LOOKAHEAD (MC_CSV_MAX_RECORD_BYTES + 4 * MC_CSV_MAX_FIELD_BYTES)
#define WINDOW (2 * LOOKAHEAD)

struct _McCsvReader
{
  const char   *data;
  gsize         length;
  gsize         pos;
  guint         line;         /* line of the next character */
  guint         record_line;  /* first line of the last record */
  GInputStream *stream;       /* NULL for text in memory */
  char         *window;       /* data, for a stream */
  gboolean      at_end;       /* the stream has nothing more */
};

/* A UTF-8 byte order mark, as written by spreadsheet programs. */
static void
skip_bom (McCsvReader *reader)
{
  if (reader->length >= 3 && memcmp (reader->data, "\xEF\xBB\xBF", 3) == 0)
    reader->pos = 3;
}

McCsvReader *
mc_csv_reader_new (const char *data, gsize length)
{
  McCsvReader *reader = g_new0 (McCsvReader, 1);

  reader->data = data;
  reader->length = length;
  reader->line = 1;
  reader->at_end = TRUE;
  skip_bom (reader);
  return reader;
}

McCsvReader *
mc_csv_reader_new_for_stream (GInputStream *stream)
{
  McCsvReader *reader = g_new0 (McCsvReader, 1);

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  reader->stream = g_object_ref (stream);
  reader->window = g_malloc (WINDOW);
  reader->data = reader->window;
  reader->line = 1;
  return reader;
}

void
mc_csv_reader_free (McCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_clear_object (&reader->stream);
  g_free (reader->window);
  g_free (reader);
}

/* Moves what is left of the window to its start and fills the rest. */
static gboolean
top_up (McCsvReader *reader, GError **error)
{
  g_autoptr(GError) local = NULL;
  gboolean first = reader->length == 0 && reader->line == 1;

  if (reader->at_end || reader->length - reader->pos >= LOOKAHEAD)
    return TRUE;
  memmove (reader->window, reader->window + reader->pos, reader->length - reader->pos);
  reader->length -= reader->pos;
  reader->pos = 0;
  while (reader->length < WINDOW)
    {
      gssize n = g_input_stream_read (reader->stream, reader->window + reader->length, WINDOW - reader->length,
                                      NULL, &local);
      if (n < 0)
        {
          g_set_error (error, MC_CSV_ERROR, MC_CSV_ERROR_READ, _("Line %u: the file could not be read further: %s"),
                       reader->line, local->message);
          return FALSE;
        }
      if (n == 0)
        {
          reader->at_end = TRUE;
          break;
        }
      reader->length += (gsize) n;
    }
  if (first)
    skip_bom (reader);
  return TRUE;
}

guint
mc_csv_reader_get_line (McCsvReader *reader)
{
  return reader->record_line;
}

static gboolean
fail (McCsvReader *reader, int code, GError **error, const char *message)
{
  g_set_error (error, MC_CSV_ERROR, code, _("Line %u: %s"), reader->record_line, message);
  return FALSE;
}

static gboolean
finish_field (McCsvReader *reader, GPtrArray *fields, GString *field, GError **error)
{
  if (!g_utf8_validate (field->str, field->len, NULL))
    return fail (reader, MC_CSV_ERROR_ENCODING, error, _("the text is not valid UTF-8"));
  if (fields->len >= MC_CSV_MAX_FIELDS)
    return fail (reader, MC_CSV_ERROR_TOO_LARGE, error, _("too many columns"));
  /* The quote mc_csv_append_row put before a formula-like value. */
  if (field->str[0] == '\'' && mc_csv_is_formula (field->str + 1))
    g_string_erase (field, 0, 1);
  g_ptr_array_add (fields, g_strndup (field->str, field->len));
  g_string_truncate (field, 0);
  return TRUE;
}

static gboolean
read_quoted (McCsvReader *reader, GString *field, GError **error)
{
  reader->pos++;  /* the opening quote */
  while (reader->pos < reader->length)
    {
      char c = reader->data[reader->pos++];
      if (c == '"')
        {
          if (reader->pos < reader->length && reader->data[reader->pos] == '"')
            {
              g_string_append_c (field, '"');
              reader->pos++;
              continue;
            }
          return TRUE;
        }
      if (c == '\n')
        reader->line++;
      if (field->len >= MC_CSV_MAX_FIELD_BYTES)
        return fail (reader, MC_CSV_ERROR_TOO_LARGE, error, _("a value is too long"));
      g_string_append_c (field, c);
    }
  return fail (reader, MC_CSV_ERROR_SYNTAX, error, _("a quoted value is not closed"));
}

/* Text in memory was read whole by its caller: the limit keeps a file from
 * taking all the memory. A stream takes the same memory at any size. */
static gboolean
check_size (McCsvReader *reader, GError **error)
{
  g_autofree char *message = NULL;

  if (reader->length <= (gsize) MC_CSV_MAX_FILE_MB * 1024 * 1024)
    return TRUE;
  reader->record_line = 1;
  message = g_strdup_printf (_("the file is larger than %d MB"), MC_CSV_MAX_FILE_MB);
  return fail (reader, MC_CSV_ERROR_TOO_LARGE, error, message);
}

gboolean
mc_csv_reader_next (McCsvReader *reader, GPtrArray *fields, GError **error)
{
  g_autoptr(GString) field = g_string_new (NULL);
  gsize start;

  g_ptr_array_set_size (fields, 0);
  if (reader->stream == NULL && !check_size (reader, error))
    return FALSE;
  /* Blank lines between records carry no data. */
  for (;;)
    {
      if (!top_up (reader, error))
        return FALSE;
      while (reader->pos < reader->length &&
             (reader->data[reader->pos] == '\n' || reader->data[reader->pos] == '\r'))
        if (reader->data[reader->pos++] == '\n')
          reader->line++;
      if (reader->pos < reader->length)
        break;
      if (reader->at_end)
        return FALSE;
    }
  reader->record_line = reader->line;
  start = reader->pos;
  for (;;)
    {
      char c = reader->pos < reader->length ? reader->data[reader->pos] : '\n';

      /* Fields are limited one by one; this bounds their sum too. */
      if (reader->pos - start > MC_CSV_MAX_RECORD_BYTES)
        return fail (reader, MC_CSV_ERROR_TOO_LARGE, error, _("the line is longer than 1 MB"));

      if (c == '"' && field->len == 0)
        {
          if (!read_quoted (reader, field, error))
            return FALSE;
          c = reader->pos < reader->length ? reader->data[reader->pos] : '\n';
          if (c != ',' && c != '\n' && c != '\r')
            return fail (reader, MC_CSV_ERROR_SYNTAX, error, _("text after a closing quote"));
          continue;
        }
      if (c == '\0')
        return fail (reader, MC_CSV_ERROR_ENCODING, error, _("the file contains a NUL byte"));
      if (c == ',' || c == '\n' || c == '\r')
        {
          if (!finish_field (reader, fields, field, error))
            return FALSE;
          reader->pos++;
          if (c == '\r' && reader->pos < reader->length && reader->data[reader->pos] == '\n')
            reader->pos++;
          if (c != ',')
            {
              reader->line++;
              return TRUE;
            }
          continue;
        }
      if (c == '"')
        return fail (reader, MC_CSV_ERROR_SYNTAX, error, _("a quote inside an unquoted value"));
      if (field->len >= MC_CSV_MAX_FIELD_BYTES)
        return fail (reader, MC_CSV_ERROR_TOO_LARGE, error, _("a value is too long"));
      g_string_append_c (field, c);
      reader->pos++;
    }
}

gboolean
mc_csv_reader_header (McCsvReader *reader, const char *const *required,
                      const char *const *optional, int *indexes, GError **error)
{
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  int n = 0;

  if (!mc_csv_reader_next (reader, header, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, MC_CSV_ERROR, MC_CSV_ERROR_HEADER, _("The file is empty"));
      return FALSE;
    }
  for (int pass = 0; pass < 2; pass++)
    for (const char *const *name = pass ? optional : required; name && *name; name++, n++)
      {
        g_auto(GStrv) names = g_strsplit (*name, "|", -1);

        indexes[n] = -1;
        for (guint i = 0; i < header->len; i++)
          for (int k = 0; names[k] != NULL; k++)
            if (g_ascii_strcasecmp (g_strstrip ((char *) header->pdata[i]), names[k]) == 0)
              indexes[n] = (int) i;
        if (indexes[n] < 0 && !pass)
          {
            g_set_error (error, MC_CSV_ERROR, MC_CSV_ERROR_HEADER,
                         _("Line 1: the column “%s” is missing from the header"), names[0]);
            return FALSE;
          }
      }
  return TRUE;
}

/* Digits with . or , apart, maybe a percent: what our reports and the
 * catalog write in numeric columns, and what no spreadsheet evaluates. */
static gboolean
is_number (const char *text)
{
  for (; *text; text++)
    if (!g_ascii_isdigit (*text) && *text != '.' && *text != ',' && !(*text == '%' && text[1] == '\0'))
      return FALSE;
  return TRUE;
}

gboolean
mc_csv_is_formula (const char *value)
{
  if (value == NULL || value[0] == '\0' || strchr ("=+-@\t\r", value[0]) == NULL)
    return FALSE;
  /* A sign before a number is that number: -5 in a numeric column. */
  return !((value[0] == '-' || value[0] == '+') && is_number (value + 1));
}

static void
append_field (GString *out, const char *value)
{
  gboolean formula = mc_csv_is_formula (value);

  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      if (formula)
        g_string_append_c (out, '\'');
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
mc_csv_append_row (GString *out, const char *const *fields, guint n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

GString *
mc_csv_document_new (void)
{
  return g_string_new ("\xEF\xBB\xBF");
}
