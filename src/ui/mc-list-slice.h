/* mc-list-slice.h — a long list's first rows in its view, more as it scrolls to the end
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The rows a view is given at first, and how many more each time its
 * scroll comes within a screen of the end. */
#define MC_LIST_SLICE_STEP 40

/* The first MC_LIST_SLICE_STEP items of `model` (not taken). Positions are
 * the model's: the slice starts at its first item. */
GtkSliceListModel *mc_list_slice_new    (GListModel *model);
/* Grows `slice` while `view`'s scroll is within a screen of its end. */
void               mc_list_slice_follow (GtkSliceListModel *slice, GtkColumnView *view);
/* The slice of another model, from its first rows again. */
void               mc_list_slice_set_model (GtkSliceListModel *slice, GListModel *model);
/* Back to the top of the view and its first rows (another search). */
void               mc_list_slice_restart   (GtkSliceListModel *slice, GtkColumnView *view);
/* Makes the item at `position` of the model part of the slice, so that it
 * can be selected or scrolled to. */
void               mc_list_slice_reveal (GtkSliceListModel *slice, guint position);

G_END_DECLS
