/* mc-report-tables.c — a McReportDocument's tables on screen, every figure a button
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One GtkColumnView per table of the document over the table's own list
 * model of McReportRow, cell for cell what the exports write: the headings
 * are the document's columns, never written here. A cell with dossiers
 * behind it (mc_report_document_is_figure) is a flat button; its key
 * (table, row, column) lets the tests find it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-report-tables.h"

#define CELL_KEY "mc-report-cell"

typedef struct {
  guint table;
  guint row;
} RowRef;

/* What a column's cells read and call; one per column factory. */
typedef struct {
  McReportDocument  *doc;
  guint              table;
  guint              column;
  McReportCellFunc   clicked;
  gpointer           user_data;
} CellContext;

static gpointer
cell_key (guint table, guint row, guint column)
{
  return GUINT_TO_POINTER ((table << 20 | row << 10 | column) + 1);
}

static void
cell_clicked_cb (GtkButton *button, CellContext *context)
{
  guint key = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), CELL_KEY)) - 1;

  context->clicked (context->user_data, key >> 20, (key >> 10) & 0x3ff, key & 0x3ff);
}

static GtkWidget *
cell_button (GtkWidget *label, const CellContext *context, const RowRef *ref)
{
  GtkWidget *button = gtk_button_new ();

  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Show the dossiers behind this figure"));
  g_object_set_data (G_OBJECT (button), CELL_KEY, cell_key (ref->table, ref->row, context->column));
  g_signal_connect_data (button, "clicked", G_CALLBACK (cell_clicked_cb),
                         g_memdup2 (context, sizeof *context), (GClosureNotify) G_CALLBACK (g_free), 0);
  return button;
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, CellContext *context)
{
  guint column = context->column;
  McReportRow *row = gtk_list_item_get_item (item);
  const RowRef ref_data = { context->table, gtk_list_item_get_position (item) }, *ref = &ref_data;
  const McReportTable *t = mc_report_document_get_table (context->doc, context->table);
  const McReportColumn *col = &g_array_index (t->columns, McReportColumn, column);
  const char *text = mc_report_row_get_cell (row, column);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *child = label;
  PangoAttrList *attrs;

  gtk_label_set_xalign (GTK_LABEL (label), col->center ? 0.5 : 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* A button's text is bold: only the total row's should be. */
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_weight_new (mc_report_row_get_bold (row) ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);
  if (*text != '\0' && mc_report_document_is_figure (context->doc, ref->table, ref->row, column))
    child = cell_button (label, context, ref);
  gtk_list_item_set_child (item, child);
}

/* Column headings wrap instead of being cut: the forms' headings are long. */
static void
wrap_labels (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LABEL (c))
        {
          gtk_label_set_wrap (GTK_LABEL (c), TRUE);
          gtk_label_set_ellipsize (GTK_LABEL (c), PANGO_ELLIPSIZE_NONE);
          gtk_label_set_justify (GTK_LABEL (c), GTK_JUSTIFY_CENTER);
        }
      wrap_labels (c);
    }
}

static char *
column_heading (const McReportTable *t, guint i)
{
  const McReportColumn *col = &g_array_index (t->columns, McReportColumn, i);

  return t->numbered ? g_strdup_printf ("%s\n(%u)", col->title, i + 1) : g_strdup (col->title);
}

/* The forms' headings over several columns, as one line under the table's name. */
static GtkWidget *
groups_legend (const McReportTable *t)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < t->columns->len;)
    {
      const McReportColumn *col = &g_array_index (t->columns, McReportColumn, i);
      guint j = i;

      if (col->group == NULL)
        {
          i++;
          continue;
        }
      while (j + 1 < t->columns->len &&
             g_strcmp0 (g_array_index (t->columns, McReportColumn, j + 1).group, col->group) == 0)
        j++;
      if (text->len > 0)
        g_string_append (text, "  ·  ");
      if (t->numbered)
        g_string_append_printf (text, "(%u)–(%u): %s", i + 1, j + 1, col->group);
      else
        g_string_append_printf (text, "%s", col->group);
      i = j + 1;
    }
  if (text->len == 0)
    return NULL;
  return g_object_new (GTK_TYPE_LABEL, "label", text->str, "xalign", 0.0f, "wrap", TRUE, NULL);
}

/* A factory's context keeps the document its cells read. */
static void
context_free (gpointer data)
{
  CellContext *context = data;

  g_object_unref (context->doc);
  g_free (context);
}

static GtkColumnViewColumn *
table_column (const McReportTable *t, guint i, const CellContext *table_context)
{
  const McReportColumn *col = &g_array_index (t->columns, McReportColumn, i);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  CellContext *context = g_memdup2 (table_context, sizeof *table_context);
  g_autofree char *title = column_heading (t, i);
  GtkColumnViewColumn *column;

  context->column = i;
  g_object_ref (context->doc);
  g_object_set_data_full (G_OBJECT (factory), "mc-report-cell-context", context, context_free);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), context);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  /* Figures narrow, the names (lĩnh vực, chỉ tiêu) wide enough to read. */
  if (col->key >= 0)
    gtk_column_view_column_set_fixed_width (column, t->columns->len > 8 ? 72 : 120);
  else if (col->width > 0)
    gtk_column_view_column_set_fixed_width (column, (int) (col->width * 1.6));
  else
    {
      gtk_column_view_column_set_fixed_width (column, 220);
      gtk_column_view_column_set_expand (column, TRUE);
    }
  return column;
}

static GtkWidget *
table_view (const CellContext *context, guint index)
{
  const McReportTable *t = mc_report_document_get_table (context->doc, index);
  CellContext table_context = *context;
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkSelectionModel *selection;

  gtk_column_view_set_show_row_separators (view, TRUE);
  gtk_column_view_set_show_column_separators (view, TRUE);
  gtk_column_view_set_reorderable (view, FALSE);
  for (guint i = 0; i < t->columns->len; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = NULL;

      table_context.table = index;
      column = table_column (t, i, &table_context);

      gtk_column_view_append_column (view, column);
    }
  wrap_labels (GTK_WIDGET (view));
  /* The document's own rows: the view shows the object the exports write. */
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (mc_report_document_get_rows (context->doc,
                                                                                                      index))));
  gtk_column_view_set_model (view, selection);
  g_object_unref (selection);
  /* The outer window scrolls down; each table sideways on a narrow screen:
   * its columns are the legal form's (06a has 20), none left out on screen
   * that the export writes. The layout test reads this reason. */
  g_object_set_data (G_OBJECT (scroller), "mc-scrolls-sideways", (gpointer) "the form's own columns");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (view));
  return scroller;
}

static void
add_label (GtkBox *box, const char *text, const char *css_class, float xalign)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", text, "xalign", xalign, "wrap", TRUE,
                                   "justify", xalign == 0.5f ? GTK_JUSTIFY_CENTER : GTK_JUSTIFY_LEFT, NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
}

void
mc_report_tables_show (GtkBox *box, McReportDocument *doc, McReportCellFunc clicked, gpointer user_data)
{
  CellContext context = { doc, 0, 0, clicked, user_data };
  GPtrArray *info;

  g_return_if_fail (GTK_IS_BOX (box));
  g_return_if_fail (MC_IS_REPORT_DOCUMENT (doc) && clicked != NULL);

  info = mc_report_document_get_info (doc);
  add_label (box, mc_report_document_get_text (doc, MC_REPORT_TEXT_ISSUER), "heading", 0);
  add_label (box, mc_report_document_get_text (doc, MC_REPORT_TEXT_TITLE), "title-4", 0.5f);
  if (mc_report_document_get_text (doc, MC_REPORT_TEXT_SUBTITLE) != NULL)
    add_label (box, mc_report_document_get_text (doc, MC_REPORT_TEXT_SUBTITLE), "dim-label", 0.5f);
  for (guint i = 0; i < info->len; i++)
    add_label (box, info->pdata[i], NULL, 0);
  for (guint i = 0; i < mc_report_document_get_n_tables (doc); i++)
    {
      const McReportTable *t = mc_report_document_get_table (doc, i);
      GtkWidget *legend = groups_legend (t);

      if (t->heading != NULL)
        add_label (box, t->heading, "heading", 0);
      if (legend != NULL)
        {
          gtk_widget_add_css_class (legend, "dim-label");
          gtk_box_append (box, legend);
        }
      gtk_box_append (box, table_view (&context, i));
    }
}

static GtkWidget *
find_key (GtkWidget *widget, gpointer key)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_object_get_data (G_OBJECT (c), CELL_KEY) == key)
        return c;
      if ((found = find_key (c, key)) != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
mc_report_tables_find_cell (GtkWidget *widget, guint table, guint row, guint column)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return find_key (widget, cell_key (table, row, column));
}
