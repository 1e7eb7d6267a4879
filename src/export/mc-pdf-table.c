/* mc-pdf-table.c — McPdfDocument's tables: columns fitted to their cells,
 * grouped headers repeated on every page, rows never split across a page
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>   /* qsort */

#include "mc-pdf-document-private.h"

static double *
column_widths (McPdfDocument *doc, const McPdfColumn *columns, int n_columns)
{
  double *widths = g_new (double, n_columns);
  double fixed = 0;
  int flexible = 0;

  for (int i = 0; i < n_columns; i++)
    {
      fixed += columns[i].width;
      flexible += columns[i].width <= 0;
    }
  /* Fixed widths that leave no room still get a readable flexible column. */
  for (int i = 0; i < n_columns; i++)
    widths[i] = columns[i].width > 0 ? columns[i].width
                                     : MAX (doc->content_width - fixed, 36.0 * flexible) / MAX (flexible, 1);
  return widths;
}

typedef struct {
  const McPdfColumn *columns;
  int                n_columns;
  double            *widths;
  double            *lefts;      /* x of each column */
  double             size;
  McPdfTableFlags    flags;
  gboolean           grouped;
  double             group_height;  /* the row of group headings (0 without groups) */
  double             sub_height;    /* the row of subgroup headings ("Trong đó"), or 0 */
  double             title_height;  /* the row of column titles */
  double             number_height; /* the "(1) (2) …" row, or 0 */
} Table;

static PangoLayout *
cell_layout (McPdfDocument *doc, const Table *t, const char *text, McPdfTextFlags flags, double width)
{
  g_autofree char *markup = g_markup_escape_text (text ? text : "", -1);

  return mc_pdf_create_layout (doc, markup, t->size, flags, width - 2 * CELL_PAD_X);
}

static double
cell_height (McPdfDocument *doc, const Table *t, const char *text, McPdfTextFlags flags, double width)
{
  g_autoptr(PangoLayout) layout = cell_layout (doc, t, text, flags, width);

  return mc_pdf_layout_height (layout) + 2 * CELL_PAD_Y;
}

static const char *
group_of (const Table *t, int i, gboolean sub)
{
  return sub ? t->columns[i].subgroup : t->columns[i].group;
}

/* Columns first..last share the group (or subgroup) of column first. */
static int
run_end (const Table *t, int first, gboolean sub)
{
  int last = first;

  while (last + 1 < t->n_columns && group_of (t, first, sub) != NULL &&
         g_strcmp0 (group_of (t, last + 1, sub), group_of (t, first, sub)) == 0 &&
         (!sub || g_strcmp0 (t->columns[last + 1].group, t->columns[first].group) == 0))
    last++;
  return last;
}

static gboolean
run_starts (const Table *t, int i, gboolean sub)
{
  return group_of (t, i, sub) != NULL && (i == 0 || run_end (t, i - 1, sub) < i);
}

static double
span_width (const Table *t, int first, int last)
{
  return t->lefts[last] + t->widths[last] - t->lefts[first];
}

/* The tallest heading of the runs of groups (or subgroups). */
static double
runs_height (McPdfDocument *doc, const Table *t, gboolean sub)
{
  const McPdfTextFlags head = MC_PDF_TEXT_BOLD | MC_PDF_TEXT_CENTER;
  double height = 0;

  for (int i = 0; i < t->n_columns; i++)
    if (run_starts (t, i, sub))
      height = MAX (height, cell_height (doc, t, group_of (t, i, sub), head, span_width (t, i, run_end (t, i, sub))));
  return height;
}

static void
measure_header (McPdfDocument *doc, Table *t)
{
  const McPdfTextFlags head = MC_PDF_TEXT_BOLD | MC_PDF_TEXT_CENTER;
  double single = 0, grouped = 0;

  t->group_height = runs_height (doc, t, FALSE);
  t->sub_height = runs_height (doc, t, TRUE);
  for (int i = 0; i < t->n_columns; i++)
    {
      double h = cell_height (doc, t, t->columns[i].title, head, t->widths[i]);

      if (t->columns[i].subgroup != NULL)
        t->title_height = MAX (t->title_height, h);
      else if (t->columns[i].group != NULL)
        grouped = MAX (grouped, h);
      else
        single = MAX (single, h);
    }
  t->grouped = t->group_height > 0;
  /* A title without a subgroup spans the subgroup's row too, one without a
   * group every heading row: the rows grow if it needs more. */
  t->title_height = MAX (t->title_height, grouped - t->sub_height);
  t->title_height = MAX (t->title_height, single - t->group_height - t->sub_height);
  if (t->flags & MC_PDF_TABLE_NUMBERED)
    t->number_height = cell_height (doc, t, "(1)", MC_PDF_TEXT_CENTER, t->widths[0]);
}

static double
header_height (const Table *t)
{
  return t->group_height + t->sub_height + t->title_height + t->number_height;
}

/* A bordered cell with its text vertically centred. */
static void
draw_laid_out_cell (McPdfDocument *doc, PangoLayout *layout, double x, double top, double width, double height)
{
  cairo_t *cr = mc_pdf_document_get_cairo (doc);

  if (cr == NULL)
    return;
  cairo_save (cr);
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_rectangle (cr, x, top, width, height);
  cairo_stroke (cr);
  cairo_move_to (cr, x + CELL_PAD_X, top + (height - mc_pdf_layout_height (layout)) / 2);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
draw_cell (McPdfDocument *doc, const Table *t, const char *text, McPdfTextFlags flags,
           double x, double top, double width, double height)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (mc_pdf_document_get_cairo (doc) == NULL)
    return;
  layout = cell_layout (doc, t, text, flags, width);
  draw_laid_out_cell (doc, layout, x, top, width, height);
}

/* Column i's headings: its group and subgroup where their runs start, and
 * its title under them, as tall as the rows it spans. */
static void
header_column (McPdfDocument *doc, const Table *t, int i, double top)
{
  const McPdfTextFlags head = MC_PDF_TEXT_BOLD | MC_PDF_TEXT_CENTER;
  const McPdfColumn *c = &t->columns[i];
  double x = t->lefts[i], title_top = top, title_height = t->title_height + t->sub_height;

  if (c->group == NULL)
    title_height += t->group_height;
  else
    title_top += t->group_height;
  if (run_starts (t, i, FALSE))
    draw_cell (doc, t, c->group, head, x, top, span_width (t, i, run_end (t, i, FALSE)), t->group_height);
  if (run_starts (t, i, TRUE))
    draw_cell (doc, t, c->subgroup, head, x, title_top, span_width (t, i, run_end (t, i, TRUE)), t->sub_height);
  if (c->subgroup != NULL)
    title_top += t->sub_height, title_height -= t->sub_height;
  draw_cell (doc, t, c->title, head, x, title_top, t->widths[i], title_height);
}

static void
table_header (McPdfDocument *doc, const Table *t)
{
  double top = mc_pdf_document_place (doc, header_height (t));
  double numbers = top + t->group_height + t->sub_height + t->title_height;

  for (int i = 0; i < t->n_columns; i++)
    {
      header_column (doc, t, i, top);
      if (t->number_height > 0)
        {
          g_autofree char *number = g_strdup_printf ("(%d)", i + 1);

          draw_cell (doc, t, number, MC_PDF_TEXT_CENTER, t->lefts[i], numbers, t->widths[i], t->number_height);
        }
    }
}

static McPdfTextFlags
body_flags (const Table *t, int column)
{
  return t->columns[column].center ? MC_PDF_TEXT_CENTER : MC_PDF_TEXT_PLAIN;
}

/* The cells' layouts (measured once, drawn from the same objects: shaping
 * the text is most of a long table's cost); returns the row's height. */
static double
body_layouts (McPdfDocument *doc, const Table *t, const char * const *cells, PangoLayout **layouts)
{
  double height = 0;

  for (int i = 0; i < t->n_columns; i++)
    {
      layouts[i] = cell_layout (doc, t, cells[i], body_flags (t, i), t->widths[i]);
      height = MAX (height, mc_pdf_layout_height (layouts[i]) + 2 * CELL_PAD_Y);
    }
  return height;
}

/* A row never splits across pages; its cells are vertically centred. */
static void
table_row (McPdfDocument *doc, const Table *t, PangoLayout **layouts, double height)
{
  double top = mc_pdf_document_place (doc, height);

  for (int i = 0; i < t->n_columns; i++)
    draw_laid_out_cell (doc, layouts[i], t->lefts[i], top, t->widths[i], height);
}

static void
clear_layouts (PangoLayout **layouts, int n)
{
  for (int i = 0; i < n; i++)
    g_clear_object (&layouts[i]);
}

/* Fitting the columns */

#define FIT_SAMPLE   100    /* rows measured at most, spread over the table: a constant cost per table */
#define FIT_STEP     2.0    /* points handed out at a time */
#define FIT_QUANTILE 0.8    /* the cell length a column is fitted to */
#define FIT_WORDS_EVERY 4   /* sampled rows whose longest words are measured */

/* The width of text on one line, without wrapping. */
static double
natural_width (McPdfDocument *doc, const Table *t, const char *text, McPdfTextFlags flags)
{
  g_autofree char *markup = g_markup_escape_text (text ? text : "", -1);
  g_autoptr(PangoLayout) layout = mc_pdf_create_layout (doc, markup, t->size, flags, 1);

  pango_layout_set_width (layout, -1);
  return mc_pdf_ink_width (layout);
}

/* The widest word of a text: wrapped at words only in no width at all,
 * every word stands on a line of its own, as wide as the layout. */
static double
widest_word (McPdfDocument *doc, const Table *t, const char *text, McPdfTextFlags flags)
{
  g_autofree char *markup = g_markup_escape_text (text ? text : "", -1);
  g_autoptr(PangoLayout) layout = mc_pdf_create_layout (doc, markup, t->size, flags, 1);

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  return mc_pdf_ink_width (layout) + 2 * CELL_PAD_X + 1;
}

typedef struct {
  double length;   /* one-line width */
  guint  row;
} Sampled;

static int
compare_sampled (gconstpointer a, gconstpointer b)
{
  double x = ((const Sampled *) a)->length, y = ((const Sampled *) b)->length;

  return (x > y) - (x < y);
}

/* The cell of column c a column is fitted to: the FIT_QUANTILE of its cells'
 * one-line widths over a sample of the rows (the widest for a column kept
 * whole), laid out to count its lines at each width tried; *least grows to
 * the widest word seen, so that no word is broken ("Nguy-ễn"). */
static PangoLayout *
typical_cell (McPdfDocument *doc, const Table *t, GPtrArray *rows, int c, double *least, double *length)
{
  guint n = MIN (rows->len, FIT_SAMPLE), pick;
  g_autofree Sampled *sampled = g_new (Sampled, MAX (n, 1));
  const char * const *cells;

  *length = 0;
  if (n == 0)
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      sampled[i].row = (guint) ((guint64) i * rows->len / n);
      cells = g_ptr_array_index (rows, sampled[i].row);
      sampled[i].length = natural_width (doc, t, cells[c], body_flags (t, c));
      if (i % FIT_WORDS_EVERY == 0)
        *least = MAX (*least, widest_word (doc, t, cells[c], body_flags (t, c)));
    }
  qsort (sampled, n, sizeof (Sampled), compare_sampled);
  pick = t->columns[c].whole ? n - 1 : MIN (n - 1, (guint) (n * FIT_QUANTILE));
  *length = sampled[pick].length;
  cells = g_ptr_array_index (rows, sampled[pick].row);
  return cell_layout (doc, t, cells[c], body_flags (t, c), *least);
}

static int
lines_at (PangoLayout *layout, double width)
{
  if (layout == NULL)
    return 0;
  pango_layout_set_width (layout, pango_units_from_double (width - 2 * CELL_PAD_X));
  return pango_layout_get_line_count (layout);
}

/* Starting from each column's least width, the width left is handed out
 * FIT_STEP at a time to the column whose typical cell has the most lines,
 * as Pango wraps it (a row is as tall as its tallest cell); ties go to the
 * longest text for its width. */
static void
fit_columns (McPdfDocument *doc, Table *t, GPtrArray *rows)
{
  g_autofree double *lengths = g_new (double, t->n_columns);
  g_autofree int *lines = g_new (int, t->n_columns);
  g_autofree PangoLayout **typical = g_new0 (PangoLayout *, t->n_columns);
  double left = doc->content_width;

  for (int c = 0; c < t->n_columns; c++)
    {
      t->widths[c] = MAX (t->columns[c].width,
                          widest_word (doc, t, t->columns[c].title, MC_PDF_TEXT_BOLD | MC_PDF_TEXT_CENTER));
      typical[c] = typical_cell (doc, t, rows, c, &t->widths[c], &lengths[c]);
      if (t->columns[c].whole)
        t->widths[c] = MAX (t->widths[c], lengths[c] + 2 * CELL_PAD_X + 1);
      lines[c] = lines_at (typical[c], t->widths[c]);
      left -= t->widths[c];
    }
  while (left >= FIT_STEP)
    {
      int worst = 0;

      for (int c = 1; c < t->n_columns; c++)
        if (lines[c] > lines[worst] ||
            (lines[c] == lines[worst] && lengths[c] / t->widths[c] > lengths[worst] / t->widths[worst]))
          worst = c;
      t->widths[worst] += FIT_STEP;
      lines[worst] = lines_at (typical[worst], t->widths[worst]);
      left -= FIT_STEP;
    }
  t->widths[0] += MAX (left, 0);
  clear_layouts (typical, t->n_columns);
}

static void
table_measure (McPdfDocument *doc, Table *t, GPtrArray *rows, double **widths, double **lefts)
{
  t->widths = *widths = column_widths (doc, t->columns, t->n_columns);
  if (t->flags & MC_PDF_TABLE_FIT)
    fit_columns (doc, t, rows);
  t->lefts = *lefts = g_new (double, t->n_columns);
  for (int i = 0; i < t->n_columns; i++)
    t->lefts[i] = i == 0 ? doc->margin_left : t->lefts[i - 1] + t->widths[i - 1];
  measure_header (doc, t);
}

double
mc_pdf_document_table_start_height (McPdfDocument     *doc,
                                    const McPdfColumn *columns,
                                    int                n_columns,
                                    GPtrArray         *rows,
                                    McPdfTableFlags    flags,
                                    double             size)
{
  g_autofree double *widths = NULL;
  g_autofree double *lefts = NULL;
  g_autofree PangoLayout **layouts = NULL;
  Table t = { columns, n_columns, NULL, NULL, size > 0 ? size : TABLE_SIZE, flags, };
  double height;

  g_return_val_if_fail (doc != NULL && columns != NULL && n_columns > 0 && rows != NULL, 0);

  table_measure (doc, &t, rows, &widths, &lefts);
  height = header_height (&t);
  if (rows->len > 0)
    {
      layouts = g_new0 (PangoLayout *, n_columns);
      height += body_layouts (doc, &t, g_ptr_array_index (rows, 0), layouts);
      clear_layouts (layouts, n_columns);
    }
  return height;
}

void
mc_pdf_document_table_full (McPdfDocument     *doc,
                            const McPdfColumn *columns,
                            int                n_columns,
                            GPtrArray         *rows,
                            McPdfTableFlags    flags,
                            double             size)
{
  g_autofree double *widths = NULL;
  g_autofree double *lefts = NULL;
  g_autofree PangoLayout **layouts = NULL;
  Table t = { columns, n_columns, NULL, NULL, size > 0 ? size : TABLE_SIZE, flags, };

  g_return_if_fail (doc != NULL && columns != NULL && n_columns > 0 && rows != NULL);

  table_measure (doc, &t, rows, &widths, &lefts);
  layouts = g_new0 (PangoLayout *, n_columns);

  for (guint r = 0; r < rows->len && !mc_pdf_document_is_cancelled (doc); r++)
    {
      const char * const *cells = g_ptr_array_index (rows, r);
      double height = body_layouts (doc, &t, cells, layouts);

      if (r % 64 == 0)
        mc_export_monitor_report (doc->monitor, (double) r / rows->len);

      /* The last row goes to the next page with what is kept with it (the
       * signatures) when they do not fit under it together. */
      if (r + 1 == rows->len && doc->keep_next > 0 && r > 0)
        {
          int page = doc->page;

          mc_pdf_keep_before (doc, height);
          if (doc->page != page)
            table_header (doc, &t);
        }
      /* The header goes with the first row, and again at the top of every
       * page the table runs onto. */
      if (r == 0 || doc->y + height > mc_pdf_bottom_limit (doc))
        {
          double need = height + (r + 1 == rows->len ? doc->keep_next : 0);

          if (doc->y + header_height (&t) + need > mc_pdf_bottom_limit (doc) && doc->y > doc->margin_top)
            mc_pdf_new_page (doc);
          table_header (doc, &t);
        }
      table_row (doc, &t, layouts, height);
      clear_layouts (layouts, n_columns);
    }
  if (rows->len == 0)
    table_header (doc, &t);
  doc->keep_next = 0;
}

void
mc_pdf_document_table (McPdfDocument     *doc,
                       const McPdfColumn *columns,
                       int                n_columns,
                       GPtrArray         *rows)
{
  mc_pdf_document_table_full (doc, columns, n_columns, rows, MC_PDF_TABLE_PLAIN, 0);
}
