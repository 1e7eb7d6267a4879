/* mc-column-fit.c — a table that leaves out its secondary columns when narrow
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkColumnView asks for the sum of its columns' widths; in a window half
 * of a 1920 screen wide (960 px, issue 16) the inbox's nine columns did not
 * fit, so the table scrolled sideways and the status chip could go out of
 * sight. libadwaita 1.2 has no AdwBreakpoint (1.4): this bin allocates its
 * scrolled window, reads the room the table has (its horizontal
 * adjustment's page), and leaves out the optional columns, in the order
 * they were given, until the table fits, or shows them again when the room
 * grows by as much as each takes. A column left out or shown again changes
 * the table's size, which GTK lays out again within the same allocation
 * (the scrolled window is allocated a second time). What a column takes is
 * its fixed width (an optional column has one): the table's minimum is
 * measured once per allocation, and showing a column again is decided
 * without trying it (trying would ask for a new layout in every frame).
 */
#include "config.h"

#include "mc-column-fit.h"

typedef struct
{
  GtkColumnViewColumn *column;
  int                  took;  /* its fixed width: what it adds to the table's minimum */
} Optional;

struct _McColumnFit
{
  AdwBin  parent_instance;

  GArray *optional;  /* Optional, left out first to last */
};

G_DEFINE_FINAL_TYPE (McColumnFit, mc_column_fit, ADW_TYPE_BIN)

/* Leaves out optional columns until the table's minimum, `need`, is within
 * `room`. Each takes its fixed width: the table's minimum is not measured
 * again here, as GTK tells it only once the table is laid out again. */
static gboolean
leave_out (McColumnFit *self, int room, int need)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < self->optional->len && need > room; i++)
    {
      Optional *o = &g_array_index (self->optional, Optional, i);

      if (!gtk_column_view_column_get_visible (o->column))
        continue;
      g_debug ("column fit: “%s” left out in %d px: %d − %d", gtk_column_view_column_get_title (o->column), room,
               need, o->took);
      gtk_column_view_column_set_visible (o->column, FALSE);
      need -= o->took;
      changed = TRUE;
    }
  return changed;
}

/* Shows again, last left out first, the columns that fit in `room`. */
static gboolean
show_again (McColumnFit *self, int room, int need)
{
  gboolean changed = FALSE;

  for (guint i = self->optional->len; i > 0; i--)
    {
      Optional *o = &g_array_index (self->optional, Optional, i - 1);

      if (gtk_column_view_column_get_visible (o->column))
        continue;
      if (need + o->took > room)
        break;
      g_debug ("column fit: “%s” shown again in %d px: %d + %d", gtk_column_view_column_get_title (o->column), room,
               need, o->took);
      gtk_column_view_column_set_visible (o->column, TRUE);
      need += o->took;
      changed = TRUE;
    }
  return changed;
}

/* The table's minimum with its columns as shown. GTK 4.8's
 * gtk_column_view_measure_across adds the hidden columns too (4.12's skips
 * them): what the optional columns left out take is taken off. */
static int
shown_minimum (McColumnFit *self, GtkColumnView *view)
{
  int need = 0;

  gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_HORIZONTAL, -1, &need, NULL, NULL, NULL);
  if (gtk_get_major_version () == 4 && gtk_get_minor_version () < 12)
    for (guint i = 0; i < self->optional->len; i++)
      {
        Optional *o = &g_array_index (self->optional, Optional, i);

        if (!gtk_column_view_column_get_visible (o->column))
          need -= o->took;
      }
  return need;
}

/* TRUE when a column was left out or shown again. */
static gboolean
fit_columns (McColumnFit *self)
{
  GtkColumnView *view = mc_column_fit_get_view (self);
  GtkAdjustment *h = view != NULL ? gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view)) : NULL;
  int room, need;

  if (h == NULL || self->optional->len == 0)
    return FALSE;
  room = (int) gtk_adjustment_get_page_size (h);
  if (room <= 0)
    return FALSE;
  need = shown_minimum (self, view);
  return need > room ? leave_out (self, room, need) : show_again (self, room, need);
}

/* Overrides: AdwBin lays out through a GtkBinLayout, which would bypass
 * these (mc_column_fit_init drops it). */

static void
mc_column_fit_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum, int *natural,
                       int *minimum_baseline, int *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
mc_column_fit_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child == NULL || !gtk_widget_should_layout (child))
    return;
  gtk_widget_allocate (child, width, height, baseline, NULL);
  if (fit_columns (MC_COLUMN_FIT (widget)))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
clear_optional (gpointer data)
{
  g_clear_object (&((Optional *) data)->column);
}

static void
mc_column_fit_dispose (GObject *object)
{
  g_array_set_size (MC_COLUMN_FIT (object)->optional, 0);
  G_OBJECT_CLASS (mc_column_fit_parent_class)->dispose (object);
}

static void
mc_column_fit_finalize (GObject *object)
{
  g_array_unref (MC_COLUMN_FIT (object)->optional);
  G_OBJECT_CLASS (mc_column_fit_parent_class)->finalize (object);
}

static void
mc_column_fit_class_init (McColumnFitClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = mc_column_fit_dispose;
  G_OBJECT_CLASS (klass)->finalize = mc_column_fit_finalize;
  widget_class->measure = mc_column_fit_measure;
  widget_class->size_allocate = mc_column_fit_size_allocate;
}

static void
mc_column_fit_init (McColumnFit *self)
{
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  self->optional = g_array_new (FALSE, TRUE, sizeof (Optional));
  g_array_set_clear_func (self->optional, clear_optional);
}

/* Public API */

GtkWidget *
mc_column_fit_new (void)
{
  return g_object_new (MC_TYPE_COLUMN_FIT, NULL);
}

GtkColumnView *
mc_column_fit_get_view (McColumnFit *self)
{
  GtkWidget *scrolled;
  GtkWidget *view;

  g_return_val_if_fail (MC_IS_COLUMN_FIT (self), NULL);

  scrolled = adw_bin_get_child (ADW_BIN (self));
  view = GTK_IS_SCROLLED_WINDOW (scrolled) ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)) : NULL;
  return GTK_IS_COLUMN_VIEW (view) ? GTK_COLUMN_VIEW (view) : NULL;
}

GtkColumnViewColumn *
mc_column_fit_get_next_shown (McColumnFit *self)
{
  g_return_val_if_fail (MC_IS_COLUMN_FIT (self), NULL);

  for (guint i = self->optional->len; i > 0; i--)
    {
      Optional *o = &g_array_index (self->optional, Optional, i - 1);

      if (!gtk_column_view_column_get_visible (o->column))
        return o->column;
    }
  return NULL;
}

void
mc_column_fit_add_optional (McColumnFit *self, GtkColumnViewColumn *column)
{
  Optional o = { NULL, 0 };

  g_return_if_fail (MC_IS_COLUMN_FIT (self));
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));

  /* A width known without laying the table out again (fit_columns). */
  g_return_if_fail (gtk_column_view_column_get_fixed_width (column) > 0);

  o.column = g_object_ref (column);
  o.took = gtk_column_view_column_get_fixed_width (column);
  g_array_append_val (self->optional, o);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
mc_column_fit_add_optional_at (McColumnFit *self, const guint *positions, guint n)
{
  GtkColumnView *view = mc_column_fit_get_view (self);

  g_return_if_fail (view != NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (view), positions[i]);

      g_return_if_fail (column != NULL);
      mc_column_fit_add_optional (self, column);
    }
}
