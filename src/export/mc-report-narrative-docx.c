/* mc-report-narrative-docx.c — BÁO CÁO as a .docx a leader can still
 * change in Word or LibreOffice Writer, from the same McReportNarrative as
 * the PDF (every word of the form's frame comes from core or from
 * mc-pdf-document.h, none is written here)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout is NĐ 30/2020/NĐ-CP Phụ lục I (docs/LEGAL.md): A4 portrait,
 * margins 20 mm top and bottom, 30 mm left, 15 mm right (the low ends of
 * 20–25, 30–35 and 15–20 mm, as the PDF); Times New Roman; the issuing
 * body and the number on the left, the Quốc hiệu and Tiêu ngữ and the date
 * line on the right of a table without borders (ô 1–4); "BÁO CÁO" 14 bold
 * and its trích yếu 14 bold with a short rule under it (ô 5a); the body 13,
 * justified, first line indented 1 cm, 6 pt after each paragraph (ô 6);
 * "Nơi nhận:" 12 bold italic with its list in 11 on the left, level with
 * the signer's authority (14 bold capitals) and name (14 bold) on the right
 * (ô 7, 9a); page numbers from the second page, centred in the top margin.
 *
 * The zip is built with libzip, which the project already links to check
 * the XLSX files it writes (mc-xlsx-file.c) and Debian keeps current
 * (bookworm: 1.7.3); libarchive could write it too but would be one more
 * library for the same thing. The XML is written by hand with GLib's
 * g_markup_printf_escaped, which escapes every text put in it: the parts are
 * a handful of fixed elements around the report's texts, and a DOM library
 * (libxml2) would add a dependency to build what a format string says.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <zip.h>

#include "mc-export-error.h"
#include "mc-export-file.h"
#include "mc-file-error.h"
#include "mc-output-file.h"
#include "mc-pdf-document.h"
#include "mc-records-private.h"
#include "mc-report-export-private.h"
#include "mc-report-narrative-docx.h"

/* Twentieths of a point (twips) from millimetres. */
#define TWIPS_MM(mm) ((int) ((mm) * 1440.0 / 25.4 + 0.5))
#define PAGE_W       11906  /* A4 */
#define PAGE_H       16838
#define MARGIN_TOP    TWIPS_MM (20)
#define MARGIN_BOTTOM TWIPS_MM (20)
#define MARGIN_LEFT   TWIPS_MM (30)
#define MARGIN_RIGHT  TWIPS_MM (15)
#define CONTENT_W    (PAGE_W - MARGIN_LEFT - MARGIN_RIGHT)
/* The heading's left column: the issuing body is usually the longer text,
 * the Quốc hiệu needs about 9 cm in 12 pt bold. */
#define HEAD_LEFT_W  (CONTENT_W * 2 / 5)
#define HEAD_RIGHT_W (CONTENT_W - HEAD_LEFT_W)
#define INDENT       TWIPS_MM (10)  /* "lùi đầu dòng 1 cm hoặc 1,27 cm" */

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
             "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

typedef enum {
  RUN_PLAIN  = 0,
  RUN_BOLD   = 1 << 0,
  RUN_ITALIC = 1 << 1,
} RunFlags;

typedef enum {
  PARA_LEFT,
  PARA_CENTER,
  PARA_BODY,    /* justified, first line indented */
} ParaKind;

/* The text without what XML 1.0 does not allow (C0 controls but for the
 * line ends; GLib's escaping would write them as &#x1;, which is not
 * well-formed either), a tab as a space. */
static char *
xml_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    if (*p == '\t')
      g_string_append_c (out, ' ');
    else if ((guchar) *p >= 0x20 || *p == '\n')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* A run of text in points (half-points in the XML); line breaks in the text
 * become <w:br/>. */
static void
run (GString *xml, const char *text, double size, RunFlags flags)
{
  g_autofree char *clean = xml_text (text);
  g_auto(GStrv) lines = g_strsplit (clean, "\n", -1);

  g_string_append_printf (xml, "<w:r><w:rPr>%s%s<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/></w:rPr>",
                          flags & RUN_BOLD ? "<w:b/><w:bCs/>" : "", flags & RUN_ITALIC ? "<w:i/><w:iCs/>" : "",
                          (int) (size * 2), (int) (size * 2));
  for (int i = 0; lines[i]; i++)
    {
      g_autofree char *escaped = g_markup_printf_escaped ("<w:t xml:space=\"preserve\">%s</w:t>", lines[i]);

      if (i > 0)
        g_string_append (xml, "<w:br/>");
      g_string_append (xml, escaped);
    }
  g_string_append (xml, "</w:r>");
}

static void
para_open (GString *xml, ParaKind kind, int after, gboolean keep_next)
{
  g_string_append (xml, keep_next ? "<w:p><w:pPr><w:keepNext/>" : "<w:p><w:pPr>");
  if (kind == PARA_BODY)
    g_string_append_printf (xml, "<w:spacing w:before=\"0\" w:after=\"%d\"/><w:ind w:firstLine=\"%d\"/>"
                                 "<w:jc w:val=\"both\"/>", after, INDENT);
  else
    g_string_append_printf (xml, "<w:spacing w:before=\"0\" w:after=\"%d\"/><w:jc w:val=\"%s\"/>", after,
                            kind == PARA_CENTER ? "center" : "left");
  g_string_append (xml, "</w:pPr>");
}

static void
para_keep (GString *xml, ParaKind kind, int after, const char *text, double size, RunFlags flags, gboolean keep_next)
{
  para_open (xml, kind, after, keep_next);
  run (xml, text, size, flags);
  g_string_append (xml, "</w:p>");
}

static void
para (GString *xml, ParaKind kind, int after, const char *text, double size, RunFlags flags)
{
  para_keep (xml, kind, after, text, size, flags, FALSE);
}

/* The short rule NĐ 30 draws under the issuing body and under the trích
 * yếu (a third to a half of the text's length): an empty paragraph whose
 * bottom border runs between indents. */
static void
rule (GString *xml, int width, int length)
{
  int side = MAX (0, (width - length) / 2);

  g_string_append_printf (xml, "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" "
                               "w:color=\"000000\"/></w:pBdr><w:spacing w:before=\"0\" w:after=\"120\" "
                               "w:line=\"120\" w:lineRule=\"exact\"/><w:ind w:left=\"%d\" w:right=\"%d\"/></w:pPr>"
                               "<w:r><w:rPr><w:sz w:val=\"4\"/></w:rPr></w:r></w:p>", side, side);
}

static void
table_open (GString *xml, int left, int right, gboolean keep)
{
  /* The children in the schema's order (ECMA-376 CT_TblPr): Word may refuse a
   * part whose elements are out of order. */
  g_string_append_printf (xml, "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/>"
                               "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/>"
                               "<w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/>"
                               "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/>"
                               "<w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
                               "<w:tblGrid><w:gridCol w:w=\"%d\"/><w:gridCol w:w=\"%d\"/></w:tblGrid><w:tr>%s",
                          left + right, left, right, keep ? "<w:trPr><w:cantSplit/></w:trPr>" : "");
}

static void
cell_open (GString *xml, int width)
{
  g_string_append_printf (xml, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/></w:tcPr>", width);
}

/* Ô 1–4: the issuing body (and the one above it) with the number under it
 * on the left; the Quốc hiệu, Tiêu ngữ and the date line on the right. */
static void
heading (GString *xml, McReportNarrative *n)
{
  const char *parent = mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_PARENT);
  const char *place = mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_PLACE);
  g_autofree char *date = mc_pdf_format_date (mc_report_narrative_get_date (n));
  g_autofree char *dateline = g_strdup_printf ("%s, %s", place && *place ? place : MC_RECORDS_BLANK, date);

  table_open (xml, HEAD_LEFT_W, HEAD_RIGHT_W, FALSE);
  cell_open (xml, HEAD_LEFT_W);
  if (parent != NULL)
    para (xml, PARA_CENTER, 0, parent, 12, RUN_PLAIN);
  para (xml, PARA_CENTER, 0, mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_ISSUER), 12, RUN_BOLD);
  rule (xml, HEAD_LEFT_W, HEAD_LEFT_W / 3);
  para (xml, PARA_CENTER, 0, mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_NUMBER), 13, RUN_PLAIN);
  g_string_append (xml, "</w:tc>");
  cell_open (xml, HEAD_RIGHT_W);
  para (xml, PARA_CENTER, 0, MC_PDF_NATION, 12, RUN_BOLD);
  para (xml, PARA_CENTER, 0, MC_PDF_MOTTO, 13, RUN_BOLD);
  rule (xml, HEAD_RIGHT_W, TWIPS_MM (60));
  para (xml, PARA_CENTER, 0, dateline, 13, RUN_ITALIC);
  g_string_append (xml, "</w:tc></w:tr></w:tbl>");
}

/* The body; its last paragraph is kept with the closing (keepNext), as
 * the PDF keeps it, so that the signature is never alone on a page. */
static void
body (GString *xml, McReportNarrative *n)
{
  guint n_sections = mc_report_narrative_get_n_sections (n);

  for (guint s = 0; s < n_sections; s++)
    {
      const McNarrativeSection *section = mc_report_narrative_get_section (n, s);
      gboolean last = s + 1 == n_sections;

      if (section->heading != NULL)
        /* A heading stays with what follows it, on any page. */
        para_keep (xml, PARA_BODY, 120, section->heading, 13, RUN_BOLD, TRUE);
      for (int i = 0; section->paragraphs[i]; i++)
        para_keep (xml, PARA_BODY, 120, section->paragraphs[i], 13, RUN_PLAIN, last && !section->paragraphs[i + 1]);
    }
}

/* Ô 9a and 7: "Nơi nhận:" and its list on the left, the authority, room
 * to sign and stamp, and the name on the right; kept on one page. */
static void
closing (GString *xml, McReportNarrative *n)
{
  const char *recipients = mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_RECIPIENTS);
  int half = CONTENT_W / 2;

  g_string_append (xml, "<w:p><w:pPr><w:keepNext/><w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr></w:p>");
  table_open (xml, half, CONTENT_W - half, TRUE);
  cell_open (xml, half);
  if (recipients != NULL && *recipients != '\0')
    {
      para (xml, PARA_LEFT, 0, MC_PDF_RECIPIENTS, 12, RUN_BOLD | RUN_ITALIC);
      para (xml, PARA_LEFT, 0, recipients, 11, RUN_PLAIN);
    }
  else
    g_string_append (xml, "<w:p/>");
  g_string_append (xml, "</w:tc>");
  cell_open (xml, CONTENT_W - half);
  para (xml, PARA_CENTER, 0, mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_AUTHORITY), 14, RUN_BOLD);
  /* The room to sign and stamp: 80 pt (28 mm), as the PDF leaves. */
  g_string_append (xml, "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"1600\" "
                        "w:lineRule=\"exact\"/></w:pPr></w:p>");
  para (xml, PARA_CENTER, 0, mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_SIGNER), 14, RUN_BOLD);
  g_string_append (xml, "</w:tc></w:tr></w:tbl>");
}

/* What the PDF prints at its foot: the audit trail's head when written and
 * the time rules of the figures, small, after the signature. */
static void
audit_note (GString *xml, McReportNarrative *n)
{
  g_autofree char *note = mc_report_audit_note (mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_AUDIT_HEAD));
  const char *rules = mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_RULES_NOTE);
  g_autofree char *text = g_strjoin (". ", note ? note : "", rules ? rules : "", NULL);

  if (note == NULL && rules == NULL)
    return;
  para (xml, PARA_LEFT, 0, note && rules ? text : note ? note : rules, 8, RUN_ITALIC);
}

static char *
document_xml (McReportNarrative *n)
{
  GString *xml = g_string_new (XML_HEAD "<w:document " W_NS "><w:body>");

  heading (xml, n);
  para (xml, PARA_CENTER, 0, "", 12, RUN_PLAIN);
  para (xml, PARA_CENTER, 0, mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_TITLE), 14, RUN_BOLD);
  para (xml, PARA_CENTER, 0, mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_SUBJECT), 14, RUN_BOLD);
  rule (xml, CONTENT_W, CONTENT_W / 4);
  if (mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_ADDRESSEE) != NULL)
    para (xml, PARA_CENTER, 200, mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_ADDRESSEE), 14, RUN_PLAIN);
  body (xml, n);
  closing (xml, n);
  audit_note (xml, n);
  g_string_append_printf (xml, "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>"
                               "<w:pgSz w:w=\"%d\" w:h=\"%d\"/><w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" "
                               "w:left=\"%d\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:titlePg/>"
                               "</w:sectPr></w:body></w:document>",
                          PAGE_W, PAGE_H, MARGIN_TOP, MARGIN_RIGHT, MARGIN_BOTTOM, MARGIN_LEFT);
  return g_string_free (xml, FALSE);
}

static const char content_types[] =
  XML_HEAD
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/word/document.xml\" "
  "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
  "<Override PartName=\"/word/styles.xml\" "
  "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
  "<Override PartName=\"/word/header1.xml\" "
  "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
  "<Override PartName=\"/docProps/core.xml\" "
  "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
  "</Types>";

static const char package_rels[] =
  XML_HEAD
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
  "officeDocument\" Target=\"word/document.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
  "core-properties\" Target=\"docProps/core.xml\"/>"
  "</Relationships>";

static const char document_rels[] =
  XML_HEAD
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
  "styles\" Target=\"styles.xml\"/>"
  "<Relationship Id=\"rIdHeader\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
  "header\" Target=\"header1.xml\"/>"
  "</Relationships>";

/* Times New Roman 13 for everything, Vietnamese as the language (spelling
 * in Word), single spacing. */
static const char styles[] =
  XML_HEAD
  "<w:styles " W_NS "><w:docDefaults><w:rPrDefault><w:rPr>"
  "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" "
  "w:cs=\"Times New Roman\"/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/><w:lang w:val=\"vi-VN\"/>"
  "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
  "</w:pPr></w:pPrDefault></w:docDefaults>"
  "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
  "</w:styles>";

/* The page number centred in the top margin (NĐ 30: from the second page). */
static const char header[] =
  XML_HEAD
  "<w:hdr " W_NS "><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:fldSimple w:instr=\" PAGE \"><w:r>"
  "<w:rPr><w:sz w:val=\"26\"/></w:rPr><w:t>2</w:t></w:r></w:fldSimple></w:p></w:hdr>";

static char *
core_xml (McReportNarrative *n)
{
  g_autofree char *title = xml_text (mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_TITLE));
  g_autofree char *subject = xml_text (mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_SUBJECT));
  g_autofree char *issuer = xml_text (mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_ISSUER));

  return g_markup_printf_escaped (XML_HEAD
                                  "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/"
                                  "metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                                  "<dc:title>%s %s</dc:title><dc:creator>%s</dc:creator><dc:language>vi-VN"
                                  "</dc:language></cp:coreProperties>",
                                  title, subject, issuer);
}

GPtrArray *
mc_report_narrative_docx_parts (McReportNarrative *n)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (MC_IS_REPORT_NARRATIVE (n), NULL);

  g_ptr_array_add (parts, g_strdup ("[Content_Types].xml"));
  g_ptr_array_add (parts, g_strdup (content_types));
  g_ptr_array_add (parts, g_strdup ("_rels/.rels"));
  g_ptr_array_add (parts, g_strdup (package_rels));
  g_ptr_array_add (parts, g_strdup ("docProps/core.xml"));
  g_ptr_array_add (parts, core_xml (n));
  g_ptr_array_add (parts, g_strdup ("word/_rels/document.xml.rels"));
  g_ptr_array_add (parts, g_strdup (document_rels));
  g_ptr_array_add (parts, g_strdup ("word/styles.xml"));
  g_ptr_array_add (parts, g_strdup (styles));
  g_ptr_array_add (parts, g_strdup ("word/header1.xml"));
  g_ptr_array_add (parts, g_strdup (header));
  g_ptr_array_add (parts, g_strdup ("word/document.xml"));
  g_ptr_array_add (parts, document_xml (n));
  return parts;
}

static gboolean
write_failed (const char *path, int errsv, GError **error)
{
  const char *reason = mc_file_error_known_reason (errsv);

  if (reason != NULL)
    g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE, _("Cannot write the file “%s”: %s"), path, reason);
  else
    g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE, _("Cannot create the file “%s”"), path);
  return FALSE;
}

/* The parts zipped into `file` (the temporary file, already created
 * empty): libzip writes its own temporary file beside it and renames it
 * over `file` in zip_close, so nothing half-written is left on failure. */
static gboolean
zip_parts (GPtrArray *parts, const char *file, const char *path, GError **error)
{
  int zerr = 0;
  zip_t *za = zip_open (file, ZIP_CREATE | ZIP_TRUNCATE, &zerr);

  if (za == NULL)
    return write_failed (path, 0, error);
  for (guint i = 0; i + 1 < parts->len; i += 2)
    {
      const char *data = parts->pdata[i + 1];
      zip_source_t *src = zip_source_buffer (za, data, strlen (data), 0);

      if (src == NULL || zip_file_add (za, parts->pdata[i], src, ZIP_FL_ENC_UTF_8) < 0)
        {
          zip_source_free (src);
          zip_discard (za);
          return write_failed (path, 0, error);
        }
    }
  errno = 0;
  if (zip_close (za) < 0)
    {
      int errsv = zip_error_code_system (zip_get_error (za));

      zip_discard (za);
      return write_failed (path, errsv, error);
    }
  return TRUE;
}

gboolean
mc_report_narrative_write_docx (McReportNarrative *n, const char *path, GError **error)
{
  g_autoptr(GPtrArray) parts = NULL;
  const char *texts[MC_NARRATIVE_N_TEXTS + 1];
  g_autofree char *tmp = NULL;
  gboolean ok;

  g_return_val_if_fail (MC_IS_REPORT_NARRATIVE (n) && path != NULL, FALSE);

  for (int i = 0; i < MC_NARRATIVE_N_TEXTS; i++)
    texts[i] = mc_report_narrative_get_text (n, i);
  texts[MC_NARRATIVE_N_TEXTS] = mc_report_narrative_get_body (n);
  if (!mc_records_check_utf8 (texts, G_N_ELEMENTS (texts), error))
    return FALSE;
  parts = mc_report_narrative_docx_parts (n);
  if ((tmp = mc_export_file_begin (path, error)) == NULL)
    return FALSE;
  ok = zip_parts (parts, tmp, path, error);
  /* libzip's own temporary file is created with the umask: the document
   * is 0600 like every file Motcua writes. */
  if (ok)
    mc_output_file_make_private (tmp);
  return mc_export_file_finish (tmp, path, ok, error);
}
