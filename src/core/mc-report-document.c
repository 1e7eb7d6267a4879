/* mc-report-document.c — one statutory report as a document
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The object the page shows, the exports write and print prints; the
 * builders of each report are in mc-report-document-build.c.
 */
#include "config.h"

#include <string.h>

#include "mc-report.h"
#include "mc-report-cchc.h"
#include "mc-report-document-private.h"
#include "mc-report-evaluation.h"
#include "mc-report-lists.h"
#include "mc-report-period.h"

struct _McReportDocument
{
  GObject          parent_instance;

  McReportDocKind  kind;
  gint64           unit_id;
  McReportScope    scope;
  McDate           from, to, signed_on;
  gboolean         landscape;
  char            *text[MC_REPORT_N_TEXTS];
  GPtrArray       *info;     /* char* */
  GPtrArray       *tables;   /* McReportTable* */
  GArray          *charts;   /* McReportChart */
};

G_DEFINE_FINAL_TYPE (McReportDocument, mc_report_document, G_TYPE_OBJECT)

enum { PROP_0, PROP_KIND, PROP_UNIT_ID, PROP_FROM, PROP_TO, PROP_LANDSCAPE, PROP_N_TABLES, PROP_TEXT, N_PROPS };

/* The texts' properties follow PROP_TEXT in McReportText's order. */
static const char *const text_names[MC_REPORT_N_TEXTS] = {
  "sheet", "issuer", "corner", "basis", "title", "subtitle", "place", "preparer-title", "preparer",
  "signer-heading", "signer", "audit-head", "rules-note",
};

static void
table_free (gpointer data)
{
  McReportTable *t = data;

  g_free (t->heading);
  g_array_unref (t->columns);
  g_object_unref (t->rows);
  g_free (t);
}

static void
column_clear (gpointer data)
{
  McReportColumn *c = data;

  g_free (c->title);
  g_free (c->group);
  g_free (c->subgroup);
}

static void
mc_report_document_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McReportDocument *self = MC_REPORT_DOCUMENT (object);

  if (prop_id >= PROP_TEXT && prop_id < PROP_TEXT + MC_REPORT_N_TEXTS)
    {
      g_value_set_string (value, self->text[prop_id - PROP_TEXT]);
      return;
    }
  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_UNIT_ID:
      g_value_set_int64 (value, self->unit_id);
      break;
    case PROP_FROM:
      g_value_set_int (value, (int) self->from);
      break;
    case PROP_TO:
      g_value_set_int (value, (int) self->to);
      break;
    case PROP_LANDSCAPE:
      g_value_set_boolean (value, self->landscape);
      break;
    case PROP_N_TABLES:
      g_value_set_uint (value, self->tables->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_report_document_finalize (GObject *object)
{
  McReportDocument *self = MC_REPORT_DOCUMENT (object);

  for (guint i = 0; i < MC_REPORT_N_TEXTS; i++)
    g_free (self->text[i]);
  g_ptr_array_unref (self->info);
  g_ptr_array_unref (self->tables);
  for (guint i = 0; i < self->charts->len; i++)
    g_free (g_array_index (self->charts, McReportChart, i).title);
  g_array_unref (self->charts);
  G_OBJECT_CLASS (mc_report_document_parent_class)->finalize (object);
}

static void
mc_report_document_class_init (McReportDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = mc_report_document_get_property;
  object_class->finalize = mc_report_document_finalize;
  g_object_class_install_property (object_class, PROP_KIND,
                                   g_param_spec_int ("kind", NULL, NULL, 0, MC_REPORT_DOC_QUEUE, 0, flags));
  g_object_class_install_property (object_class, PROP_UNIT_ID,
                                   g_param_spec_int64 ("unit-id", NULL, NULL, 0, G_MAXINT64, 0, flags));
  /* Dates as McDate (days), inclusive. */
  g_object_class_install_property (object_class, PROP_FROM,
                                   g_param_spec_int ("from", NULL, NULL, G_MININT, G_MAXINT, 0, flags));
  g_object_class_install_property (object_class, PROP_TO,
                                   g_param_spec_int ("to", NULL, NULL, G_MININT, G_MAXINT, 0, flags));
  g_object_class_install_property (object_class, PROP_LANDSCAPE,
                                   g_param_spec_boolean ("landscape", NULL, NULL, FALSE, flags));
  g_object_class_install_property (object_class, PROP_N_TABLES,
                                   g_param_spec_uint ("n-tables", NULL, NULL, 0, G_MAXUINT, 0, flags));
  for (guint i = 0; i < MC_REPORT_N_TEXTS; i++)
    g_object_class_install_property (object_class, PROP_TEXT + i,
                                     g_param_spec_string (text_names[i], NULL, NULL, NULL, flags));
}

static void
mc_report_document_init (McReportDocument *self)
{
  self->info = g_ptr_array_new_with_free_func (g_free);
  self->tables = g_ptr_array_new_with_free_func (table_free);
  self->charts = g_array_new (FALSE, TRUE, sizeof (McReportChart));
}

/* Building */

McReportDocument *
mc_report_document_alloc (McReportDocKind kind, gint64 unit_id, McReportScope scope, McDate from, McDate to)
{
  McReportDocument *self = g_object_new (MC_TYPE_REPORT_DOCUMENT, NULL);

  self->kind = kind;
  self->unit_id = unit_id;
  self->scope = scope;
  self->from = from;
  self->to = to;
  self->signed_on = to;
  return self;
}

void
mc_report_document_take_text (McReportDocument *doc, McReportText which, char *text)
{
  g_return_if_fail (MC_IS_REPORT_DOCUMENT (doc) && which < MC_REPORT_N_TEXTS);

  g_free (doc->text[which]);
  doc->text[which] = text;
}

void
mc_report_document_set_landscape (McReportDocument *doc, gboolean landscape)
{
  doc->landscape = landscape;
}

void
mc_report_document_set_signed_on (McReportDocument *doc, McDate date)
{
  doc->signed_on = date;
}

McReportTable *
mc_report_document_add_table (McReportDocument *doc, const char *heading, gboolean numbered)
{
  McReportTable *t = g_new0 (McReportTable, 1);

  t->heading = g_strdup (heading);
  t->columns = g_array_new (FALSE, TRUE, sizeof (McReportColumn));
  g_array_set_clear_func (t->columns, column_clear);
  t->rows = g_list_store_new (MC_TYPE_REPORT_ROW);
  t->numbered = numbered;
  g_ptr_array_add (doc->tables, t);
  return t;
}

McReportColumn *
mc_report_document_add_column (McReportTable *t, const char *title, const char *group, double width,
                               double xlsx_width, gboolean center, int key)
{
  McReportColumn c = { g_strdup (title), g_strdup (group), NULL, width, xlsx_width, center, key };

  g_array_append_val (t->columns, c);
  return &g_array_index (t->columns, McReportColumn, t->columns->len - 1);
}

McReportRow *
mc_report_document_add_row (McReportTable *t, gint64 key, gboolean bold)
{
  g_autoptr(McReportRow) row = mc_report_row_new (t->columns->len, key, bold);

  g_list_store_append (t->rows, row);
  return row;
}

/* Reading */

McReportDocKind
mc_report_document_get_kind (McReportDocument *doc)
{
  g_return_val_if_fail (MC_IS_REPORT_DOCUMENT (doc), MC_REPORT_DOC_06A);
  return doc->kind;
}

gint64
mc_report_document_get_unit_id (McReportDocument *doc)
{
  g_return_val_if_fail (MC_IS_REPORT_DOCUMENT (doc), 0);
  return doc->unit_id;
}

McReportScope
mc_report_document_get_scope (McReportDocument *doc)
{
  g_return_val_if_fail (MC_IS_REPORT_DOCUMENT (doc), MC_REPORT_SCOPE_UNIT);
  return doc->scope;
}

McDate
mc_report_document_get_from (McReportDocument *doc)
{
  g_return_val_if_fail (MC_IS_REPORT_DOCUMENT (doc), 0);
  return doc->from;
}

McDate
mc_report_document_get_to (McReportDocument *doc)
{
  g_return_val_if_fail (MC_IS_REPORT_DOCUMENT (doc), 0);
  return doc->to;
}

McDate
mc_report_document_get_signed_on (McReportDocument *doc)
{
  g_return_val_if_fail (MC_IS_REPORT_DOCUMENT (doc), 0);
  return doc->signed_on;
}

gboolean
mc_report_document_get_landscape (McReportDocument *doc)
{
  g_return_val_if_fail (MC_IS_REPORT_DOCUMENT (doc), FALSE);
  return doc->landscape;
}

const char *
mc_report_document_get_text (McReportDocument *doc, McReportText which)
{
  g_return_val_if_fail (MC_IS_REPORT_DOCUMENT (doc) && which < MC_REPORT_N_TEXTS, NULL);
  return doc->text[which];
}

GPtrArray *
mc_report_document_get_info (McReportDocument *doc)
{
  g_return_val_if_fail (MC_IS_REPORT_DOCUMENT (doc), NULL);
  return doc->info;
}

guint
mc_report_document_get_n_tables (McReportDocument *doc)
{
  g_return_val_if_fail (MC_IS_REPORT_DOCUMENT (doc), 0);
  return doc->tables->len;
}

const McReportTable *
mc_report_document_get_table (McReportDocument *doc, guint table)
{
  g_return_val_if_fail (MC_IS_REPORT_DOCUMENT (doc), NULL);
  return table < doc->tables->len ? doc->tables->pdata[table] : NULL;
}

void
mc_report_document_add_chart (McReportDocument *doc, McReportChartKind kind, const char *title, guint table,
                              const guint *columns, guint n_columns, int decimals)
{
  McReportChart chart = { .kind = kind, .title = g_strdup (title), .table = table,
                          .n_columns = MIN (n_columns, MC_REPORT_CHART_MAX_SERIES), .decimals = decimals };

  g_return_if_fail (MC_IS_REPORT_DOCUMENT (doc));
  g_return_if_fail (table < doc->tables->len);

  memcpy (chart.columns, columns, chart.n_columns * sizeof *columns);
  g_array_append_val (doc->charts, chart);
}

guint
mc_report_document_get_n_charts (McReportDocument *doc)
{
  g_return_val_if_fail (MC_IS_REPORT_DOCUMENT (doc), 0);
  return doc->charts->len;
}

const McReportChart *
mc_report_document_get_chart (McReportDocument *doc, guint chart)
{
  g_return_val_if_fail (MC_IS_REPORT_DOCUMENT (doc), NULL);
  return chart < doc->charts->len ? &g_array_index (doc->charts, McReportChart, chart) : NULL;
}

GListModel *
mc_report_document_get_rows (McReportDocument *doc, guint table)
{
  const McReportTable *t = mc_report_document_get_table (doc, table);

  return t != NULL ? G_LIST_MODEL (t->rows) : NULL;
}

McReportRow *
mc_report_document_get_row (McReportDocument *doc, guint table, guint row)
{
  GListModel *rows = mc_report_document_get_rows (doc, table);

  return rows != NULL ? g_list_model_get_item (rows, row) : NULL;
}

const char *
mc_report_document_get_cell (McReportDocument *doc, guint table, guint row, guint column)
{
  g_autoptr(McReportRow) r = mc_report_document_get_row (doc, table, row);

  if (r == NULL || column >= mc_report_row_get_n_cells (r))
    return NULL;
  /* The row stays in the table, which keeps the text alive. */
  return mc_report_row_get_cell (r, column);
}

/* The figures and their lists */

static const McReportColumn *
figure_column (McReportDocument *doc, guint table, guint column, McReportRow **row, guint r)
{
  const McReportTable *t = mc_report_document_get_table (doc, table);

  if (t == NULL || column >= t->columns->len || (*row = mc_report_document_get_row (doc, table, r)) == NULL)
    return NULL;
  return &g_array_index (t->columns, McReportColumn, column);
}

gboolean
mc_report_document_is_figure (McReportDocument *doc, guint table, guint r, guint column)
{
  g_autoptr(McReportRow) row = NULL;
  const McReportColumn *col = figure_column (doc, table, column, &row, r);

  return col != NULL && col->key >= 0 && mc_report_row_get_key (row) >= 0;
}

GPtrArray *
mc_report_document_figure_items (McReportDocument *doc, McDb *db, guint table, guint r, guint column,
                                 gboolean *procedures, GError **error)
{
  g_autoptr(McReportRow) row = NULL;
  const McReportColumn *col = figure_column (doc, table, column, &row, r);
  gint64 key;
  gboolean dummy;

  g_return_val_if_fail (mc_report_document_is_figure (doc, table, r, column), NULL);

  key = mc_report_row_get_key (row);
  procedures = procedures ? procedures : &dummy;
  *procedures = FALSE;
  switch (doc->kind)
    {
    case MC_REPORT_DOC_06A:
      return mc_report_06a_dossiers (db, doc->unit_id, doc->from, doc->to, key, col->key, error);
    case MC_REPORT_DOC_PUBLIC:
      *procedures = mc_report_public_column_is_procedures (col->key);
      return mc_report_public_items (db, doc->unit_id, doc->scope, doc->from, doc->to, key, col->key, error);
    case MC_REPORT_DOC_CCHC:
      *procedures = mc_report_cchc_item_is_procedures (key);
      return mc_report_cchc_items (db, doc->unit_id, doc->from, doc->to, key, error);
    case MC_REPORT_DOC_EVALUATION:
    default:
      return mc_report_evaluation_dossiers (db, doc->unit_id, doc->from, doc->to, table == 0 ? key : col->key,
                                            error);
    }
}

GListModel *
mc_report_document_figure_list (McReportDocument *doc, McDb *db, guint table, guint row, guint column,
                                GError **error)
{
  g_autoptr(GPtrArray) codes = NULL;
  gboolean procedures = FALSE;

  codes = mc_report_document_figure_items (doc, db, table, row, column, &procedures, error);
  if (codes == NULL)
    return NULL;
  return procedures ? mc_report_figure_procedures (db, codes, error) : mc_report_figure_dossiers (db, codes, error);
}

void
mc_report_document_figure_titles (McReportDocument *doc, guint table, guint r, guint column, char **title,
                                  char **subtitle)
{
  g_autoptr(McReportRow) row = NULL;
  const McReportColumn *col = figure_column (doc, table, column, &row, r);
  const McReportTable *t = mc_report_document_get_table (doc, table);
  const char *name;

  g_return_if_fail (col != NULL);

  name = t->columns->len > 2 && column != 1 ? mc_report_row_get_cell (row, 1) : "";
  /* The one figure column of a table (Số liệu, Điểm tự chấm): the row names the figure. */
  if (col->key == 0)
    {
      *title = g_strdup (*name != '\0' ? name : col->title);
      *subtitle = g_strdup ("");
      return;
    }
  *title = col->group != NULL ? g_strdup_printf ("%s: %s", col->group, col->title) : g_strdup (col->title);
  *subtitle = g_strdup (name);
}

char *
mc_report_period_text (McDb *db, McDate from, McDate to, gboolean upper)
{
  static const struct { McPeriodKind kind; int index; } kinds[] = {
    { MC_PERIOD_QUARTER, 1 }, { MC_PERIOD_QUARTER, 2 }, { MC_PERIOD_QUARTER, 3 }, { MC_PERIOD_QUARTER, 4 },
    { MC_PERIOD_HALF, 1 }, { MC_PERIOD_HALF, 2 }, { MC_PERIOD_NINE_MONTHS, 1 }, { MC_PERIOD_YEAR, 1 },
  };
  g_autofree char *label = NULL;
  int year, month, day;

  mc_date_to_ymd (to, &year, &month, &day);
  for (guint i = 0; i < G_N_ELEMENTS (kinds) && label == NULL; i++)
    {
      McDate f, t;

      if (mc_report_period_range (db, kinds[i].kind, year, kinds[i].index, &f, &t, NULL) && f == from && t == to)
        label = mc_report_period_label (kinds[i].kind, year, kinds[i].index);
    }
  if (label == NULL)
    {
      int y1, m1, d1;

      mc_date_to_ymd (from, &y1, &m1, &d1);
      label = g_strdup_printf ("từ ngày %02d/%02d/%d đến ngày %02d/%02d/%d", d1, m1, y1, day, month, year);
    }
  return upper ? g_utf8_strup (label, -1) : g_steal_pointer (&label);
}
