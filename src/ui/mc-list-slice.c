/* mc-list-slice.c — a long list's first rows in its view, more as it scrolls to the end
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's GtkListView keeps up to 200 rows alive around the one it is
 * anchored to, however few are on screen (GTK_LIST_VIEW_MAX_LIST_ITEMS,
 * gtklistview.c). Trả kết quả (the oldest 200 waiting) and Xử lý hồ sơ (the
 * 500 most urgent) thus made, bound, styled and measured 200 rows of seven
 * cells at their first visit, of which 20 to 30 are on screen: most of the
 * 200–500 ms of that visit at 1,000,000 dossiers (issue 15). The view is
 * given the first MC_LIST_SLICE_STEP rows of the model (a GtkSliceListModel
 * from position 0, so positions are the model's) and MC_LIST_SLICE_STEP
 * more whenever its scroll comes within a screen of the end, so a person
 * scrolling down never meets the end before the model's; a tall window
 * grows it at once until the screen is full. The model itself, its counts
 * and its cap ("Xem tất cả") are unchanged.
 */
#include "config.h"

#include "mc-list-slice.h"

GtkSliceListModel *
mc_list_slice_new (GListModel *model)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  return gtk_slice_list_model_new (g_object_ref (model), 0, MC_LIST_SLICE_STEP);
}

static void
grow (GtkSliceListModel *slice, guint size)
{
  GListModel *model = gtk_slice_list_model_get_model (slice);
  guint n = model ? g_list_model_get_n_items (model) : 0;

  if (size > gtk_slice_list_model_get_size (slice) && gtk_slice_list_model_get_size (slice) < n)
    gtk_slice_list_model_set_size (slice, size);
}

static gboolean
grow_cb (gpointer data)
{
  GtkSliceListModel *slice = data;

  g_object_steal_data (G_OBJECT (slice), "mc-list-slice-grow");  /* this source ends here */
  grow (slice, gtk_slice_list_model_get_size (slice) + MC_LIST_SLICE_STEP);
  return G_SOURCE_REMOVE;
}

static void
remove_source (gpointer id)
{
  g_source_remove (GPOINTER_TO_UINT (id));
}

/* Within a screen of the end (once the view has a size): a step more, out
 * of the size allocation that changed the adjustment (rows added during
 * it would be drawn before they have a size). */
static void
scrolled_cb (GtkAdjustment *adjustment, GtkSliceListModel *slice)
{
  double page = gtk_adjustment_get_page_size (adjustment);
  double left = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_value (adjustment) - page;
  guint id;

  if (page <= 0 || left > page || g_object_get_data (G_OBJECT (slice), "mc-list-slice-grow") != NULL)
    return;
  id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, grow_cb, slice, NULL);  /* before the next frame is drawn */
  g_object_set_data_full (G_OBJECT (slice), "mc-list-slice-grow", GUINT_TO_POINTER (id), remove_source);
}

/* The scrolled window may give the view its adjustment after follow. */
static void
vadjustment_cb (GtkScrollable *view, GParamSpec *pspec, GtkSliceListModel *slice)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (view);
  GtkAdjustment *before = g_object_get_data (G_OBJECT (view), "mc-list-slice-adjustment");

  if (adjustment == before)
    return;
  if (before != NULL)
    g_signal_handlers_disconnect_by_func (before, scrolled_cb, slice);
  g_object_set_data_full (G_OBJECT (view), "mc-list-slice-adjustment",
                          adjustment ? g_object_ref (adjustment) : NULL, g_object_unref);
  if (adjustment == NULL)
    return;
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (scrolled_cb), slice, 0);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (scrolled_cb), slice, 0);
}

void
mc_list_slice_follow (GtkSliceListModel *slice, GtkColumnView *view)
{
  g_return_if_fail (GTK_IS_SLICE_LIST_MODEL (slice));
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  g_signal_connect_object (view, "notify::vadjustment", G_CALLBACK (vadjustment_cb), slice, 0);
  vadjustment_cb (GTK_SCROLLABLE (view), NULL, slice);
}

void
mc_list_slice_reveal (GtkSliceListModel *slice, guint position)
{
  g_return_if_fail (GTK_IS_SLICE_LIST_MODEL (slice));

  if (position != GTK_INVALID_LIST_POSITION)
    grow (slice, position + 1 + MC_LIST_SLICE_STEP);
}

void
mc_list_slice_set_model (GtkSliceListModel *slice, GListModel *model)
{
  g_return_if_fail (GTK_IS_SLICE_LIST_MODEL (slice));

  gtk_slice_list_model_set_size (slice, MC_LIST_SLICE_STEP);
  gtk_slice_list_model_set_model (slice, model);
}

void
mc_list_slice_restart (GtkSliceListModel *slice, GtkColumnView *view)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

  g_return_if_fail (GTK_IS_SLICE_LIST_MODEL (slice));

  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, 0);
  gtk_slice_list_model_set_size (slice, MC_LIST_SLICE_STEP);
}
