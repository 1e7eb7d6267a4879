/* mc-pdf-document.c — an A4 page laid out as Nghị định 30/2020/NĐ-CP asks
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sizes follow NĐ 30/2020 Phụ lục I: Quốc hiệu 12 bold capitals, Tiêu ngữ 13
 * bold with a rule as long as the motto, issuing body 12 (bold for the body
 * itself, 1/3 rule under it), place and date 13 italic, document name 14 bold,
 * body 13 justified with a 1 cm first-line indent, signer's title and name 13
 * bold, page numbers from page 2, centred in the top margin.
 */
#include "config.h"


#include "mc-pdf-document-private.h"

/* Layouts made since start: the unit of work that tests count. */
static gint layouts_created;

double
mc_pdf_bottom_limit (McPdfDocument *doc)
{
  return doc->page_height - doc->margin_bottom;
}

/* Layout must not depend on the surface: a hinted screen and an unhinted PDF
 * would otherwise wrap lines differently and break pages in other places. */
static PangoContext *
create_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);  /* 1 unit = 1 pt */
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("vi"));
  cairo_font_options_destroy (options);
  return context;
}

/* NĐ 30/2020 Phụ lục I sets margins and type sizes for A4 only. Thông tư
 * 01/2018/TT-VPCP prints its Mẫu 01–05 on A5 (trangtinphapluat.com,
 * docs/LEGAL.md §9) without saying how: a page narrower than A4 portrait
 * (A5, 148 × 210 mm) gets the decree's margins cut down (top and bottom
 * 10 mm, left 20 mm, right 10 mm) and every size and gap × 0.8 (13 pt →
 * 10,4 pt, 12 → 9,6, 14 → 11,2) — our choice, readable at arm's length, fitting a
 * two-column header in 105 mm. */
static void
set_geometry (McPdfDocument *doc, double page_width)
{
  gboolean small = page_width < MC_PDF_A4_SHORT - 1;

  doc->margin_top = small ? MC_PDF_MM (10) : MC_PDF_MARGIN_TOP;
  doc->margin_bottom = small ? MC_PDF_MM (10) : MC_PDF_MARGIN_BOTTOM;
  doc->margin_left = small ? MC_PDF_MM (20) : MC_PDF_MARGIN_LEFT;
  doc->margin_right = small ? MC_PDF_MM (10) : MC_PDF_MARGIN_RIGHT;
  doc->scale = small ? MC_PDF_A5_SCALE : 1.0;
}

McPdfDocument *
mc_pdf_document_new_sized (cairo_t *cr, int target_page, double page_width, double page_height)
{
  McPdfDocument *doc;

  g_return_val_if_fail (page_width > MC_PDF_MM (40) && page_height > MC_PDF_MM (40), NULL);

  doc = g_new0 (McPdfDocument, 1);
  doc->cr = cr != NULL ? cairo_reference (cr) : NULL;
  doc->context = create_context ();
  doc->target_page = target_page;
  set_geometry (doc, page_width);
  doc->y = doc->margin_top;
  doc->page_height = page_height;
  doc->content_width = page_width - doc->margin_left - doc->margin_right;
  return doc;
}

McPdfDocument *
mc_pdf_document_new_paged (double                 page_width,
                           double                 page_height,
                           McPdfPageFunc          page_func,
                           gpointer               user_data,
                           const McExportMonitor *monitor)
{
  McPdfDocument *doc;

  g_return_val_if_fail (page_func != NULL, NULL);

  doc = mc_pdf_document_new_sized (NULL, ALL_PAGES, page_width, page_height);
  if (doc == NULL)
    return NULL;
  doc->page_func = page_func;
  doc->page_data = user_data;
  doc->monitor = monitor;
  doc->cr = page_func (0, user_data);
  return doc;
}

McPdfDocument *
mc_pdf_document_new (cairo_t *cr, int target_page)
{
  return mc_pdf_document_new_sized (cr, target_page, MC_PDF_PAGE_WIDTH, MC_PDF_PAGE_HEIGHT);
}

double
mc_pdf_document_get_margin_left (McPdfDocument *doc)
{
  g_return_val_if_fail (doc != NULL, 0);
  return doc->margin_left;
}

double
mc_pdf_document_get_scale (McPdfDocument *doc)
{
  g_return_val_if_fail (doc != NULL, 1);
  return doc->scale;
}

double
mc_pdf_document_get_content_width (McPdfDocument *doc)
{
  g_return_val_if_fail (doc != NULL, 0);
  return doc->content_width;
}

void
mc_pdf_document_free (McPdfDocument *doc)
{
  if (doc == NULL)
    return;
  g_clear_pointer (&doc->cr, cairo_destroy);
  g_clear_object (&doc->context);
  g_free (doc->footnote);
  g_free (doc);
}

int
mc_pdf_document_get_n_pages (McPdfDocument *doc)
{
  g_return_val_if_fail (doc != NULL, 0);
  return doc->page + 1;
}

cairo_t *
mc_pdf_document_get_cairo (McPdfDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->page == doc->target_page || doc->target_page == ALL_PAGES ? doc->cr : NULL;
}

gboolean
mc_pdf_document_is_cancelled (McPdfDocument *doc)
{
  g_return_val_if_fail (doc != NULL, FALSE);
  return mc_export_monitor_is_cancelled (doc->monitor);
}

guint
mc_pdf_document_get_layouts_created (void)
{
  return (guint) g_atomic_int_get (&layouts_created);
}

PangoLayout *
mc_pdf_create_layout (McPdfDocument *doc, const char *markup, double size, McPdfTextFlags flags, double width)
{
  PangoLayout *layout = pango_layout_new (doc->context);
  PangoFontDescription *font = pango_font_description_from_string (MC_PDF_FONT);

  g_atomic_int_inc (&layouts_created);
  size *= doc->scale;

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (flags & MC_PDF_TEXT_BOLD)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (flags & MC_PDF_TEXT_ITALIC)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* Vietnamese capitals stack two marks (Ỗ, Ở) above the ascent: a little
   * leading keeps them off the line above. */
  pango_layout_set_spacing (layout, pango_units_from_double (size * LEADING));
  if (flags & MC_PDF_TEXT_CENTER)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  else if (flags & MC_PDF_TEXT_RIGHT)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_justify (layout, (flags & MC_PDF_TEXT_JUSTIFY) != 0);
  if (flags & MC_PDF_TEXT_INDENT)
    pango_layout_set_indent (layout, pango_units_from_double (MC_PDF_MM (10) * doc->scale));
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

double
mc_pdf_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

/* Width of the widest line, not of the box the layout wraps in. */
double
mc_pdf_ink_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.width);
}

static void
show_layout (McPdfDocument *doc, PangoLayout *layout, double x, double y)
{
  cairo_t *cr = mc_pdf_document_get_cairo (doc);

  if (cr == NULL)
    return;
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_rule (McPdfDocument *doc, double x0, double x1, double y)
{
  cairo_t *cr = mc_pdf_document_get_cairo (doc);

  if (cr == NULL)
    return;
  cairo_save (cr);
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Page 2 on carries its number, centred in the top margin (NĐ 30/2020 Phụ lục I, Phần I, mục I.7). */
static void
draw_page_number (McPdfDocument *doc)
{
  g_autofree char *number = g_strdup_printf ("%d", doc->page + 1);
  g_autoptr(PangoLayout) layout = mc_pdf_create_layout (doc, number, BODY_SIZE,
                                                 MC_PDF_TEXT_CENTER, doc->content_width);

  show_layout (doc, layout, doc->margin_left, doc->margin_top / 2);
}

static void
draw_footnote (McPdfDocument *doc)
{
  g_autofree char *markup = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  if (doc->footnote == NULL)
    return;
  markup = g_markup_escape_text (doc->footnote, -1);
  layout = mc_pdf_create_layout (doc, markup, 7, MC_PDF_TEXT_PLAIN, doc->content_width);
  show_layout (doc, layout, doc->margin_left, doc->page_height - doc->margin_bottom / 2);
}

void
mc_pdf_document_set_footnote (McPdfDocument *doc, const char *text)
{
  g_return_if_fail (doc != NULL);

  g_free (doc->footnote);
  doc->footnote = g_strdup (text);
  draw_footnote (doc);
}

void
mc_pdf_new_page (McPdfDocument *doc)
{
  doc->page++;
  doc->y = doc->margin_top;
  /* Drawing every page in one pass: the next page's context replaces the
   * finished one (NULL once cancelled: the rest is only measured). */
  if (doc->page_func != NULL)
    {
      g_clear_pointer (&doc->cr, cairo_destroy);
      if (!mc_pdf_document_is_cancelled (doc))
        doc->cr = doc->page_func (doc->page, doc->page_data);
    }
  draw_page_number (doc);
  draw_footnote (doc);
}

double
mc_pdf_document_place (McPdfDocument *doc, double height)
{
  double top;

  g_return_val_if_fail (doc != NULL, 0);

  /* A block taller than a whole page stays where it is rather than leave an
   * empty page behind; only the flowing text and tables are ever that long. */
  if (doc->y + height > mc_pdf_bottom_limit (doc) && doc->y > doc->margin_top)
    mc_pdf_new_page (doc);
  top = doc->y;
  doc->y += height;
  return top;
}

void
mc_pdf_document_space (McPdfDocument *doc, double points)
{
  g_return_if_fail (doc != NULL);

  /* Space at the top of a fresh page is wasted: drop it. On A5 the gaps
   * shrink with the type. */
  if (doc->y > doc->margin_top)
    doc->y = MIN (doc->y + points * doc->scale, mc_pdf_bottom_limit (doc));
}

gboolean
mc_pdf_document_fits (McPdfDocument *doc, double height)
{
  g_return_val_if_fail (doc != NULL, FALSE);
  return doc->y + height <= mc_pdf_bottom_limit (doc);
}

void
mc_pdf_document_break_page (McPdfDocument *doc)
{
  g_return_if_fail (doc != NULL);
  mc_pdf_new_page (doc);
}

PangoLayout *
mc_pdf_document_create_layout (McPdfDocument *doc, const char *markup, double size,
                               McPdfTextFlags flags, double width)
{
  g_return_val_if_fail (doc != NULL && markup != NULL, NULL);
  return mc_pdf_create_layout (doc, markup, size, flags, width);
}

/* The narrowest width that keeps the line count: a name that must wrap then
 * breaks into even lines ("ỦY BAN NHÂN DÂN / PHƯỜNG PHÚ SƠN") instead of
 * leaving one word alone on the second line. */
static double
balance_width (PangoLayout *layout, double width)
{
  int lines = pango_layout_get_line_count (layout);
  double lo = width / (lines + 1), hi = width;

  if (lines < 2)
    return width;
  for (int i = 0; i < 14; i++)
    {
      double mid = (lo + hi) / 2;

      pango_layout_set_width (layout, pango_units_from_double (mid));
      if (pango_layout_get_line_count (layout) > lines)
        lo = mid;
      else
        hi = mid;
    }
  pango_layout_set_width (layout, pango_units_from_double (hi));
  return hi;
}

/* Draws the lines of a wrapped layout centred on cx from top; returns the
 * layout, whose width the caller needs for the rule under it. */
static PangoLayout *
centred_block (McPdfDocument *doc, const char *markup, double size, McPdfTextFlags flags,
               double cx, double width, double top)
{
  PangoLayout *layout = mc_pdf_create_layout (doc, markup, size, flags | MC_PDF_TEXT_CENTER, width);

  width = balance_width (layout, width);
  show_layout (doc, layout, cx - width / 2, top);
  return layout;
}

static double
header_left (McPdfDocument *doc, const char * const *bodies, double width)
{
  double cx = doc->margin_left + width / 2;
  double y = doc->y;
  guint n = g_strv_length ((char **) bodies);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *upper = g_utf8_strup (bodies[i], -1);
      g_autofree char *markup = g_markup_escape_text (upper, -1);
      gboolean issuer = i + 1 == n;
      g_autoptr(PangoLayout) layout =
        centred_block (doc, markup, HEADER_SIZE, issuer ? MC_PDF_TEXT_BOLD : 0, cx, width, y);

      y += mc_pdf_layout_height (layout) + (issuer ? 0 : HEADER_SIZE * LEADING);
      if (issuer)
        {
          double rule = mc_pdf_ink_width (layout) / 3;

          draw_rule (doc, cx - rule / 2, cx + rule / 2, y + RULE_GAP);
          y += RULE_GAP;
        }
    }
  return y;
}

/* Quốc hiệu and Tiêu ngữ with the rule under the motto; returns where the
 * line of place and date may start. */
static double
header_right_top (McPdfDocument *doc, double cx, double width)
{
  double y = doc->y;
  g_autoptr(PangoLayout) nation = centred_block (doc, MC_PDF_NATION,
                                                 HEADER_SIZE, MC_PDF_TEXT_BOLD, cx, width, y);
  g_autoptr(PangoLayout) motto = NULL;
  double rule;

  y += mc_pdf_layout_height (nation);
  motto = centred_block (doc, MC_PDF_MOTTO, BODY_SIZE, MC_PDF_TEXT_BOLD, cx, width, y);
  y += mc_pdf_layout_height (motto);
  rule = mc_pdf_ink_width (motto);
  draw_rule (doc, cx - rule / 2, cx + rule / 2, y + RULE_GAP);
  return y + RULE_GAP + 6;
}

static double
centred_line (McPdfDocument *doc, const char *markup, McPdfTextFlags flags, double cx, double width, double top)
{
  g_autoptr(PangoLayout) layout = centred_block (doc, markup, BODY_SIZE, flags, cx, width, top);

  return top + mc_pdf_layout_height (layout);
}

void
mc_pdf_document_header_numbered (McPdfDocument      *doc,
                                 const char * const *bodies,
                                 const char         *number,
                                 const char         *place,
                                 McDate              date)
{
  g_autoptr(PangoLayout) nation = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *dateline = NULL;
  double left_width, right_x, right_width, left_bottom, line, bottom;

  g_return_if_fail (doc != NULL && bodies != NULL);

  date_text = mc_pdf_format_date (date);
  dateline = g_markup_printf_escaped ("%s, %s", place && *place ? place : "……", date_text);
  /* The national name takes the width it needs; the issuing body (usually
   * longer, and allowed to wrap) gets all the rest. */
  nation = mc_pdf_create_layout (doc, MC_PDF_NATION, HEADER_SIZE,
                          MC_PDF_TEXT_BOLD, doc->content_width);
  right_x = doc->margin_left + doc->content_width - mc_pdf_ink_width (nation) - 12;
  left_width = right_x - doc->margin_left;
  right_width = doc->content_width - left_width;
  /* Each side drawn once (a MAX () of two calls would draw one twice). */
  left_bottom = header_left (doc, bodies, left_width - 6);
  line = header_right_top (doc, right_x + right_width / 2, right_width);
  bottom = left_bottom;
  if (number != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (number, -1);

      /* Ô 3, NĐ 30/2020 Phụ lục I, mục II.3.c and II.4.c: the number
       * centred under the issuing body, on the line of place and date. */
      line = MAX (line, left_bottom + RULE_GAP + 6);
      /* The whole left side (no gap): "Số: ……/PBS-TTPVHCC" keeps to one line on A5. */
      bottom = centred_line (doc, escaped, 0, doc->margin_left + left_width / 2, left_width, line);
    }
  line = centred_line (doc, dateline, MC_PDF_TEXT_ITALIC, right_x + right_width / 2, right_width, line);
  doc->y = MAX (bottom, line);
}

void
mc_pdf_document_header (McPdfDocument      *doc,
                        const char * const *bodies,
                        const char         *place,
                        McDate              date)
{
  mc_pdf_document_header_numbered (doc, bodies, NULL, place, date);
}

void
mc_pdf_document_text_with_rule (McPdfDocument *doc, const char *markup, double size, McPdfTextFlags flags)
{
  g_autoptr(PangoLayout) layout = NULL;
  double cx, rule, top;

  g_return_if_fail (doc != NULL && markup != NULL);

  layout = mc_pdf_create_layout (doc, markup, size, flags | MC_PDF_TEXT_CENTER, doc->content_width);
  cx = doc->margin_left + doc->content_width / 2;
  rule = mc_pdf_ink_width (layout) / 3;
  top = mc_pdf_document_place (doc, mc_pdf_layout_height (layout) + RULE_GAP + 1);
  show_layout (doc, layout, doc->margin_left, top);
  draw_rule (doc, cx - rule / 2, cx + rule / 2, top + mc_pdf_layout_height (layout) + RULE_GAP);
}

void
mc_pdf_document_title (McPdfDocument *doc, const char *title)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);

  g_return_if_fail (doc != NULL);

  mc_pdf_document_space (doc, 14);
  mc_pdf_document_text (doc, markup, TITLE_SIZE, MC_PDF_TEXT_BOLD | MC_PDF_TEXT_CENTER);
}

void
mc_pdf_document_keep_with_next (McPdfDocument *doc, double height)
{
  g_return_if_fail (doc != NULL && height >= 0);
  doc->keep_next = height;
}

/* Before the last row or lines of height `height`: a new page unless what
 * is kept with it fits under it (and always when it would not fit on a
 * fresh page either: then nothing is gained by moving). */
void
mc_pdf_keep_before (McPdfDocument *doc, double height)
{
  double keep = doc->keep_next;

  doc->keep_next = 0;
  if (keep > 0 && doc->y > doc->margin_top && doc->y + height + keep > mc_pdf_bottom_limit (doc) &&
      doc->margin_top + height + keep <= mc_pdf_bottom_limit (doc))
    mc_pdf_new_page (doc);
}

double
mc_pdf_document_text_height (McPdfDocument *doc, const char *markup, double size, McPdfTextFlags flags)
{
  g_autoptr(PangoLayout) layout = NULL;

  g_return_val_if_fail (doc != NULL && markup != NULL, 0);

  layout = mc_pdf_create_layout (doc, markup, size, flags, doc->content_width);
  return mc_pdf_layout_height (layout);
}

/* The height of the layout's lines from `first` to the end. */
static double
last_lines_height (PangoLayout *layout, int first)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double height = 0;
  int line = 0;

  do
    {
      PangoRectangle logical;

      if (line++ < first)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height += pango_units_to_double (logical.height);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return height;
}

void
mc_pdf_document_text (McPdfDocument  *doc,
                      const char     *markup,
                      double          size,
                      McPdfTextFlags  flags)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoLayoutIter *iter;
  int n_lines, n_done = 0;

  g_return_if_fail (doc != NULL && markup != NULL);

  layout = mc_pdf_create_layout (doc, markup, size, flags, doc->content_width);
  n_lines = pango_layout_get_line_count (layout);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      double top, baseline;
      cairo_t *cr;
      int line = n_done++;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter) - logical.y);
      /* What is kept with the text takes its last two lines along (one
       * line alone at the top of a page reads as a fragment). */
      if (doc->keep_next > 0 && line == MAX (n_lines - 2, 0))
        mc_pdf_keep_before (doc, last_lines_height (layout, line));
      top = mc_pdf_document_place (doc, pango_units_to_double (logical.height));
      cr = mc_pdf_document_get_cairo (doc);
      if (cr == NULL)
        continue;
      cairo_move_to (cr, doc->margin_left + pango_units_to_double (logical.x), top + baseline);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

void
mc_pdf_document_paragraph (McPdfDocument *doc, const char *markup)
{
  mc_pdf_document_text (doc, markup, BODY_SIZE, MC_PDF_TEXT_JUSTIFY | MC_PDF_TEXT_INDENT);
  mc_pdf_document_space (doc, PARA_AFTER);
}

static double
signature_column (McPdfDocument *doc, const McPdfSignature *sig, double x, double width,
                  double top)
{
  double cx = x + width / 2;
  double y = top;
  g_autofree char *title = g_markup_escape_text (sig->title, -1);
  g_autoptr(PangoLayout) head = centred_block (doc, title, BODY_SIZE, MC_PDF_TEXT_BOLD, cx, width, y);

  y += mc_pdf_layout_height (head);
  if (sig->note != NULL)
    {
      g_autofree char *note = g_markup_escape_text (sig->note, -1);
      g_autoptr(PangoLayout) layout = centred_block (doc, note, BODY_SIZE, MC_PDF_TEXT_ITALIC, cx, width, y);

      y += mc_pdf_layout_height (layout);
    }
  y += SIGN_SPACE * doc->scale * doc->scale;  /* 54 pt on A4, 35 on A5 */
  if (sig->name != NULL && sig->name[0] != '\0')
    {
      g_autofree char *name = g_markup_escape_text (sig->name, -1);
      g_autoptr(PangoLayout) layout = centred_block (doc, name, BODY_SIZE, MC_PDF_TEXT_BOLD, cx, width, y);

      y += mc_pdf_layout_height (layout);
    }
  return y - top;
}

double
mc_pdf_document_signatures_height (McPdfDocument        *doc,
                                   const McPdfSignature *signatures,
                                   int                   n_signatures)
{
  double half, height = 0;
  cairo_t *saved;

  g_return_val_if_fail (doc != NULL && signatures != NULL, 0);

  /* Measure without drawing. */
  half = doc->content_width / 2;
  saved = doc->cr;
  doc->cr = NULL;
  for (int i = 0; i < n_signatures; i++)
    height = MAX (height, signature_column (doc, &signatures[i], 0, half, 0));
  doc->cr = saved;
  return height;
}

void
mc_pdf_document_signatures (McPdfDocument        *doc,
                            const McPdfSignature *signatures,
                            int                   n_signatures)
{
  double half, top;

  g_return_if_fail (doc != NULL && signatures != NULL);
  g_return_if_fail (n_signatures == 1 || n_signatures == 2);

  /* Placed as one piece. */
  half = doc->content_width / 2;
  top = mc_pdf_document_place (doc, mc_pdf_document_signatures_height (doc, signatures, n_signatures));
  for (int i = 0; i < n_signatures; i++)
    {
      double x = doc->margin_left + (n_signatures == 1 || i == 1 ? half : 0);

      signature_column (doc, &signatures[i], x, half, top);
    }
}

/* Points left to sign and stamp between the title and the name. */
#define SIGN_ROOM 80.0

/* The closing's three layouts: Nơi nhận (left half), authority and name (right half). */
typedef struct {
  PangoLayout *left, *head, *sign;
} Closing;

static void
closing_clear (Closing *c)
{
  g_clear_object (&c->left);
  g_clear_object (&c->head);
  g_clear_object (&c->sign);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Closing, closing_clear)

/* Lays the closing out; returns its height. */
static double
closing_lay_out (McPdfDocument *doc, const char *recipients, const char *authority, const char *name, Closing *c)
{
  double half = doc->content_width / 2;
  g_autofree char *list = g_markup_escape_text (recipients ? recipients : "", -1);
  g_autofree char *left_markup = g_strdup_printf ("<b><i>" MC_PDF_RECIPIENTS "</i></b>\n<span size='11pt'>%s</span>",
                                                  list);
  g_autofree char *head_markup = g_markup_printf_escaped ("<b>%s</b>", authority ? authority : "");
  g_autofree char *name_markup = g_markup_printf_escaped ("<b>%s</b>", name ? name : "");

  c->left = mc_pdf_create_layout (doc, left_markup, 12, MC_PDF_TEXT_PLAIN, half);
  c->head = mc_pdf_create_layout (doc, head_markup, 14, MC_PDF_TEXT_CENTER, half);
  c->sign = mc_pdf_create_layout (doc, name_markup, 14, MC_PDF_TEXT_CENTER, half);
  return MAX (recipients ? mc_pdf_layout_height (c->left) : 0,
              mc_pdf_layout_height (c->head) + mc_pdf_layout_height (c->sign) + SIGN_ROOM);
}

double
mc_pdf_document_closing_height (McPdfDocument *doc,
                                const char    *recipients,
                                const char    *authority,
                                const char    *name)
{
  g_auto(Closing) c = { NULL, };

  g_return_val_if_fail (doc != NULL, 0);

  return closing_lay_out (doc, recipients, authority, name, &c);
}

void
mc_pdf_document_closing (McPdfDocument *doc,
                         const char    *recipients,
                         const char    *authority,
                         const char    *name)
{
  g_auto(Closing) c = { NULL, };
  double half, top, height;

  g_return_if_fail (doc != NULL);

  half = doc->content_width / 2;
  height = closing_lay_out (doc, recipients, authority, name, &c);
  mc_pdf_document_space (doc, MC_PDF_CLOSING_SPACE);
  top = mc_pdf_document_place (doc, height);
  if (recipients != NULL)
    show_layout (doc, c.left, doc->margin_left, top);
  show_layout (doc, c.head, doc->margin_left + half, top);
  show_layout (doc, c.sign, doc->margin_left + half, top + mc_pdf_layout_height (c.head) + SIGN_ROOM);
}

char *
mc_pdf_format_date (McDate date)
{
  int y, m, d;

  mc_date_to_ymd (date, &y, &m, &d);
  if (m <= 2)
    return g_strdup_printf ("ngày %02d tháng %02d năm %d", d, m, y);
  return g_strdup_printf ("ngày %02d tháng %d năm %d", d, m, y);
}
