/* mc-xlsx-header.c — the page number at the top centre, none on page 1
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục I.7 (notes/legal.md §5): pages
 * are numbered from 1 in Arabic figures, 13–14 pt, upright, centred in the
 * top margin, and the first page's number is not shown. A sheet says so
 * with <headerFooter differentFirst="1"> and no <firstHeader>; libxlsxwriter
 * 1.1.4 (Debian bookworm) writes only the odd-page header and footer, so
 * the closed workbook is rewritten: each worksheet part with a header gets
 * the attribute, and a <firstFooter> equal to its <oddFooter> so that the
 * first page keeps its footer (Biểu 06a's audit-trail note). The other
 * parts are copied byte for byte; the edited one is deflated again
 * (APPNOTE.TXT 4.3.7, 4.3.12, 4.3.16: local header, central entry, end
 * record).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "mc-export-error.h"
#include "mc-file-error.h"
#include "mc-xlsx-header.h"

#define ZIP_END_SIZE 22
#define ZIP_ENTRY_SIZE 46
#define ZIP_LOCAL_SIZE 30

void
mc_xlsx_header_page_number (lxw_worksheet *ws)
{
  lxw_header_footer_options options = { .margin = 10 / 25.4 };

  g_return_if_fail (ws != NULL);

  worksheet_set_header_opt (ws, "&C&\"Times New Roman,Regular\"&13&P", &options);
}

static guint16
le16 (const guchar *p)
{
  return (guint16) (p[0] | p[1] << 8);
}

static guint32
le32 (const guchar *p)
{
  return p[0] | p[1] << 8 | p[2] << 16 | (guint32) p[3] << 24;
}

static void
put16 (GByteArray *out, guint16 v)
{
  guchar b[2] = { v & 0xff, v >> 8 };

  g_byte_array_append (out, b, 2);
}

static void
put32 (GByteArray *out, guint32 v)
{
  guchar b[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24 };

  g_byte_array_append (out, b, 4);
}

static void
set32 (GByteArray *out, guint at, guint32 v)
{
  for (int i = 0; i < 4; i++)
    out->data[at + i] = (v >> (8 * i)) & 0xff;
}

static guint32
crc32_of (const guchar *p, gsize n)
{
  guint32 c = 0xffffffff;

  for (gsize i = 0; i < n; i++)
    {
      c ^= p[i];
      for (int k = 0; k < 8; k++)
        c = (c >> 1) ^ (0xedb88320 & (0 - (c & 1)));
    }
  return ~c;
}

/* The part inflated (method 8) or as stored (0); NULL if it does not inflate. */
static GByteArray *
inflate_part (const guchar *data, gsize size, guint16 method)
{
  g_autoptr(GConverter) inflater = NULL;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guchar buffer[65536];
  GConverterResult result;

  if (method == 0)
    return g_byte_array_append (g_steal_pointer (&out), data, size);
  if (method != 8)
    return NULL;
  inflater = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW));
  do
    {
      gsize read = 0, written = 0;

      result = g_converter_convert (inflater, data, size, buffer, sizeof buffer, G_CONVERTER_INPUT_AT_END,
                                    &read, &written, NULL);
      if (result == G_CONVERTER_ERROR)
        return NULL;
      g_byte_array_append (out, buffer, written);
      data += read;
      size -= read;
    }
  while (result != G_CONVERTER_FINISHED);
  return g_steal_pointer (&out);
}

/* Raw deflate (method 8), as the other parts. */
static GByteArray *
deflate_part (const char *data, gsize size)
{
  g_autoptr(GConverter) deflater = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW, -1));
  GByteArray *out = g_byte_array_new ();
  guchar buffer[65536];
  GConverterResult result;

  do
    {
      gsize read = 0, written = 0;

      result = g_converter_convert (deflater, data, size, buffer, sizeof buffer, G_CONVERTER_INPUT_AT_END,
                                    &read, &written, NULL);
      if (result == G_CONVERTER_ERROR)
        return (g_byte_array_unref (out), NULL);
      g_byte_array_append (out, buffer, written);
      data += read;
      size -= read;
    }
  while (result != G_CONVERTER_FINISHED);
  return out;
}

/* The sheet's XML with differentFirst and a first-page footer, or NULL when
 * it has no header to leave off. */
static char *
edit_sheet (const char *xml)
{
  const char *open = strstr (xml, "<headerFooter>");
  const char *close = open ? strstr (open, "</headerFooter>") : NULL;
  const char *footer, *footer_end;
  GString *out;

  if (close == NULL || strstr (open, "<oddHeader>") == NULL)
    return NULL;
  out = g_string_new_len (xml, open - xml);
  g_string_append (out, "<headerFooter differentFirst=\"1\">");
  g_string_append_len (out, open + strlen ("<headerFooter>"), close - open - strlen ("<headerFooter>"));
  footer = strstr (open, "<oddFooter>");
  footer_end = footer ? strstr (footer, "</oddFooter>") : NULL;
  if (footer_end != NULL && footer_end < close)
    {
      footer += strlen ("<oddFooter>");
      g_string_append (out, "<firstFooter>");
      g_string_append_len (out, footer, footer_end - footer);
      g_string_append (out, "</firstFooter>");
    }
  g_string_append (out, close);
  return g_string_free (out, FALSE);
}

static gboolean
is_sheet (const guchar *name, guint16 n)
{
  g_autofree char *s = g_strndup ((const char *) name, n);

  return g_str_has_prefix (s, "xl/worksheets/sheet") && g_str_has_suffix (s, ".xml");
}

/* A new local header and the deflated part; the central entry is changed
 * to match. FALSE if it does not deflate. */
static gboolean
write_edited (GByteArray *out, GByteArray *central, guint entry_at, const guchar *entry, const char *xml)
{
  gsize n = strlen (xml);
  guint32 crc = crc32_of ((const guchar *) xml, n);
  guint16 name_len = le16 (entry + 28);
  g_autoptr(GByteArray) data = deflate_part (xml, n);

  if (data == NULL)
    return FALSE;
  set32 (central, entry_at + 42, out->len);
  put32 (out, 0x04034b50);
  put16 (out, 20);
  put16 (out, le16 (entry + 8) & ~0x0008);  /* no data descriptor after it */
  put16 (out, 8);
  put16 (out, le16 (entry + 12));
  put16 (out, le16 (entry + 14));
  put32 (out, crc);
  put32 (out, data->len);
  put32 (out, n);
  put16 (out, name_len);
  put16 (out, 0);
  g_byte_array_append (out, entry + ZIP_ENTRY_SIZE, name_len);
  g_byte_array_append (out, data->data, data->len);
  central->data[entry_at + 8] &= ~0x08;
  central->data[entry_at + 10] = 8;
  central->data[entry_at + 11] = 0;
  set32 (central, entry_at + 16, crc);
  set32 (central, entry_at + 20, data->len);
  set32 (central, entry_at + 24, n);
  return TRUE;
}

/* The end of the entry's bytes: the next local header, or the directory. */
static guint32
part_end (const guchar *zip, const guchar *directory, guint n, guint32 start, guint32 directory_at)
{
  guint32 end = directory_at;
  const guchar *e = directory;

  for (guint i = 0; i < n; i++)
    {
      guint32 local = le32 (e + 42);

      if (local > start && local < end)
        end = local;
      e += ZIP_ENTRY_SIZE + le16 (e + 28) + le16 (e + 30) + le16 (e + 32);
    }
  return end;
}

/* Copies or edits each part; FALSE if the zip is not as libxlsxwriter writes it. */
static gboolean
rewrite_zip (const guchar *zip, gsize size, GByteArray *out, gboolean *changed)
{
  const guchar *end = zip + size - ZIP_END_SIZE, *directory, *entry;
  g_autoptr(GByteArray) central = g_byte_array_new ();
  guint n;
  guint32 directory_at;

  if (size < ZIP_END_SIZE || le32 (end) != 0x06054b50 || (gsize) le32 (end + 16) + le32 (end + 12) > size)
    return FALSE;
  n = le16 (end + 10);
  directory_at = le32 (end + 16);
  directory = entry = zip + directory_at;
  for (guint i = 0; i < n; i++)
    {
      guint32 local, stop;
      guint entry_len, entry_at = central->len;
      g_autoptr(GByteArray) part = NULL;
      g_autofree char *edited = NULL;

      if (entry + ZIP_ENTRY_SIZE > end || le32 (entry) != 0x02014b50)
        return FALSE;
      entry_len = ZIP_ENTRY_SIZE + le16 (entry + 28) + le16 (entry + 30) + le16 (entry + 32);
      local = le32 (entry + 42);
      stop = part_end (zip, directory, n, local, directory_at);
      if ((gsize) local + ZIP_LOCAL_SIZE > directory_at || le32 (zip + local) != 0x04034b50)
        return FALSE;
      g_byte_array_append (central, entry, entry_len);
      if (is_sheet (entry + ZIP_ENTRY_SIZE, le16 (entry + 28)))
        {
          const guchar *data = zip + local + ZIP_LOCAL_SIZE + le16 (zip + local + 26) + le16 (zip + local + 28);

          if (data + le32 (entry + 20) > end || (part = inflate_part (data, le32 (entry + 20), le16 (entry + 10))) == NULL)
            return FALSE;
          g_byte_array_append (part, (const guchar *) "", 1);
          edited = edit_sheet ((const char *) part->data);
        }
      if (edited != NULL)
        {
          if (!write_edited (out, central, entry_at, entry, edited))
            return FALSE;
          *changed = TRUE;
        }
      else
        {
          set32 (central, entry_at + 42, out->len);
          g_byte_array_append (out, zip + local, stop - local);
        }
      entry += entry_len;
    }
  directory_at = out->len;
  g_byte_array_append (out, central->data, central->len);
  g_byte_array_append (out, end, ZIP_END_SIZE);
  set32 (out, out->len - ZIP_END_SIZE + 12, central->len);
  set32 (out, out->len - ZIP_END_SIZE + 16, directory_at);
  return TRUE;
}

/* In place, so that the temporary file keeps its mode (0600). */
static gboolean
overwrite (const char *file, const GByteArray *bytes, int *errsv)
{
  int fd = open (file, O_WRONLY | O_TRUNC | O_CLOEXEC);
  gsize done = 0;

  if (fd < 0)
    return *errsv = errno, FALSE;
  while (done < bytes->len)
    {
      ssize_t n = write (fd, bytes->data + done, bytes->len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          *errsv = n < 0 ? errno : ENOSPC;
          close (fd);
          return FALSE;
        }
      done += n;
    }
  if (close (fd) != 0)
    return *errsv = errno, FALSE;
  return TRUE;
}

gboolean
mc_xlsx_header_skip_first_page (const char *file, const char *path, GError **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gboolean changed = FALSE, ok;
  const char *reason;
  int errsv = 0;

  g_return_val_if_fail (file != NULL && path != NULL, FALSE);

  mapped = g_mapped_file_new (file, FALSE, NULL);
  ok = mapped != NULL && rewrite_zip ((const guchar *) g_mapped_file_get_contents (mapped),
                                      g_mapped_file_get_length (mapped), out, &changed);
  g_clear_pointer (&mapped, g_mapped_file_unref);
  if (ok && (!changed || overwrite (file, out, &errsv)))
    return TRUE;
  reason = mc_file_error_known_reason (errsv);
  g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE, _("Cannot write the file “%s”: %s"), path,
               reason ? reason : _("the spreadsheet could not be written in full"));
  return FALSE;
}
