/* mc-report-row.c — one row of a statutory report's table
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows of a McReportDocument's tables are GListModels of these, so the
 * Báo cáo page binds them as they are and the writers read the same cells.
 */
#include "config.h"

#include "mc-report-row.h"

struct _McReportRow
{
  GObject   parent_instance;

  char    **cells;    /* n_cells + 1, NULL-terminated; "" until set */
  guint     n_cells;
  gint64    key;
  gboolean  bold;
};

G_DEFINE_FINAL_TYPE (McReportRow, mc_report_row, G_TYPE_OBJECT)

enum { PROP_0, PROP_CELLS, PROP_KEY, PROP_BOLD, N_PROPS };

static GParamSpec *properties[N_PROPS];

static void
mc_report_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McReportRow *self = MC_REPORT_ROW (object);

  switch (prop_id)
    {
    case PROP_CELLS:
      g_value_set_boxed (value, mc_report_row_get_cells (self));
      break;
    case PROP_KEY:
      g_value_set_int64 (value, self->key);
      break;
    case PROP_BOLD:
      g_value_set_boolean (value, self->bold);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_report_row_finalize (GObject *object)
{
  McReportRow *self = MC_REPORT_ROW (object);

  for (guint i = 0; i < self->n_cells; i++)
    g_free (self->cells[i]);
  g_free (self->cells);
  G_OBJECT_CLASS (mc_report_row_parent_class)->finalize (object);
}

static void
mc_report_row_class_init (McReportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = mc_report_row_get_property;
  object_class->finalize = mc_report_row_finalize;
  properties[PROP_CELLS] = g_param_spec_boxed ("cells", NULL, NULL, G_TYPE_STRV,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY] = g_param_spec_int64 ("key", NULL, NULL, -1, G_MAXINT64, -1,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BOLD] = g_param_spec_boolean ("bold", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_report_row_init (McReportRow *self)
{
  self->key = -1;
}

McReportRow *
mc_report_row_new (guint n_cells, gint64 key, gboolean bold)
{
  McReportRow *self = g_object_new (MC_TYPE_REPORT_ROW, NULL);

  self->cells = g_new0 (char *, n_cells + 1);
  /* Never NULL inside: the vector is read whole (the PDF's rows) and from
   * the export's thread, so nothing is filled in lazily. */
  for (guint i = 0; i < n_cells; i++)
    self->cells[i] = g_strdup ("");
  self->n_cells = n_cells;
  self->key = key;
  self->bold = bold;
  return self;
}

guint
mc_report_row_get_n_cells (McReportRow *row)
{
  g_return_val_if_fail (MC_IS_REPORT_ROW (row), 0);

  return row->n_cells;
}

const char *
mc_report_row_get_cell (McReportRow *row, guint column)
{
  g_return_val_if_fail (MC_IS_REPORT_ROW (row), "");

  return column < row->n_cells ? row->cells[column] : "";
}

const char *const *
mc_report_row_get_cells (McReportRow *row)
{
  g_return_val_if_fail (MC_IS_REPORT_ROW (row), NULL);

  return (const char *const *) row->cells;
}

gint64
mc_report_row_get_key (McReportRow *row)
{
  g_return_val_if_fail (MC_IS_REPORT_ROW (row), -1);

  return row->key;
}

gboolean
mc_report_row_get_bold (McReportRow *row)
{
  g_return_val_if_fail (MC_IS_REPORT_ROW (row), FALSE);

  return row->bold;
}

void
mc_report_row_take_cell (McReportRow *row, guint column, char *text)
{
  g_return_if_fail (MC_IS_REPORT_ROW (row));
  g_return_if_fail (column < row->n_cells);

  g_free (row->cells[column]);
  row->cells[column] = text != NULL ? text : g_strdup ("");
}
