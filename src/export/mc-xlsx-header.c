/* mc-xlsx-header.c — the page number at the top centre, none on page 1
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục I.7 (docs/LEGAL.md §5): pages
 * are numbered from 1 in Arabic figures, 13–14 pt, upright, centred in the
 * top margin, and the first page's number is not shown. A sheet says so
 * with <headerFooter differentFirst="1"> and no <firstHeader>; libxlsxwriter
 * 1.1.4 (Debian bookworm) writes only the odd-page header and footer, so
 * the closed workbook is rewritten with libzip: each worksheet part with a
 * header gets the attribute, and a <firstFooter> equal to its <oddFooter>
 * so that the first page keeps its footer (Biểu 06a's audit-trail note).
 * libzip copies the other parts as they are and deflates the edited one.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <zip.h>

#include "mc-export-error.h"
#include "mc-file-error.h"
#include "mc-xlsx-header.h"

void
mc_xlsx_header_page_number (lxw_worksheet *ws)
{
  lxw_header_footer_options options = { .margin = 10 / 25.4 };

  g_return_if_fail (ws != NULL);

  worksheet_set_header_opt (ws, "&C&\"Times New Roman,Regular\"&13&P", &options);
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
is_sheet (const char *name)
{
  return g_str_has_prefix (name, "xl/worksheets/sheet") && g_str_has_suffix (name, ".xml");
}

/* The part as text; NULL if it does not read back whole. libzip checks the
 * CRC when a read reaches the end, so the part is read until it says so. */
static char *
read_part (zip_t *za, zip_uint64_t index, const zip_stat_t *st)
{
  g_autofree char *xml = NULL;
  zip_file_t *part;
  zip_uint64_t done = 0;
  zip_int64_t n;

  if (!(st->valid & ZIP_STAT_SIZE) || st->size >= G_MAXSIZE)
    return NULL;
  part = zip_fopen_index (za, index, 0);
  if (part == NULL)
    return NULL;
  xml = g_malloc (st->size + 1);
  while (done < st->size && (n = zip_fread (part, xml + done, st->size - done)) > 0)
    done += n;
  if (done != st->size || zip_fread (part, xml + done, 1) != 0)
    g_clear_pointer (&xml, g_free);
  if (zip_fclose (part) != 0)
    g_clear_pointer (&xml, g_free);
  if (xml != NULL)
    xml[done] = '\0';
  return g_steal_pointer (&xml);
}

/* Replaces the part by its edited text, deflated like the others and dated
 * as it was. */
static gboolean
replace_part (zip_t *za, zip_uint64_t index, const zip_stat_t *st, char *edited)
{
  /* libzip frees the buffer with free(): g_malloc is the system malloc
   * since GLib 2.46. */
  zip_source_t *source = zip_source_buffer (za, edited, strlen (edited), 1);

  if (source == NULL)
    {
      g_free (edited);
      return FALSE;
    }
  if (zip_file_replace (za, index, source, 0) != 0)
    {
      zip_source_free (source);
      return FALSE;
    }
  return zip_set_file_compression (za, index, ZIP_CM_DEFLATE, 0) == 0 &&
         (!(st->valid & ZIP_STAT_MTIME) || zip_file_set_mtime (za, index, st->mtime, 0) == 0);
}

/* Edits every worksheet part that has a header; FALSE if one cannot be
 * read or replaced. */
static gboolean
edit_sheets (zip_t *za)
{
  zip_int64_t n = zip_get_num_entries (za, 0);

  for (zip_int64_t i = 0; i < n; i++)
    {
      zip_stat_t st;
      g_autofree char *xml = NULL;
      char *edited;

      if (zip_stat_index (za, i, ZIP_FL_ENC_RAW, &st) != 0 || !(st.valid & ZIP_STAT_NAME))
        return FALSE;
      if (!is_sheet (st.name))
        continue;
      if ((xml = read_part (za, i, &st)) == NULL)
        return FALSE;
      if ((edited = edit_sheet (xml)) != NULL && !replace_part (za, i, &st, edited))
        return FALSE;
    }
  return TRUE;
}

/* The errno behind libzip's error, when there is one. */
static int
system_errno (zip_t *za)
{
  zip_error_t *ze = zip_get_error (za);

  return zip_error_system_type (ze) == ZIP_ET_SYS ? zip_error_code_system (ze) : 0;
}

static gboolean
write_failed (const char *path, int errsv, GError **error)
{
  const char *reason = mc_file_error_known_reason (errsv);

  g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE, _("Cannot write the file “%s”: %s"), path,
               reason ? reason : _("the spreadsheet could not be written in full"));
  return FALSE;
}

/* ZIP_CHECKCONS: a zip cut short or whose directory and local headers
 * disagree is refused before anything is written. zip_close writes a
 * temporary file beside `file`, with `file`'s mode (0600, from the output
 * gate), and renames it over `file`; on failure `file` is as it was. */
gboolean
mc_xlsx_header_skip_first_page (const char *file, const char *path, GError **error)
{
  zip_t *za;
  int code = 0, errsv;

  g_return_val_if_fail (file != NULL && path != NULL, FALSE);

  za = zip_open (file, ZIP_CHECKCONS, &code);
  if (za == NULL)
    {
      zip_error_t ze;

      /* Takes errno for the codes that have one (the file cannot be read). */
      zip_error_init_with_code (&ze, code);
      errsv = zip_error_system_type (&ze) == ZIP_ET_SYS ? zip_error_code_system (&ze) : 0;
      zip_error_fini (&ze);
      return write_failed (path, errsv, error);
    }
  if (edit_sheets (za) && zip_close (za) == 0)
    return TRUE;
  errsv = system_errno (za);
  zip_discard (za);
  return write_failed (path, errsv, error);
}
