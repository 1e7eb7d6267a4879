/* mc-column-fit.h — a table that leaves out its secondary columns when narrow
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MC_TYPE_COLUMN_FIT (mc_column_fit_get_type ())
G_DECLARE_FINAL_TYPE (McColumnFit, mc_column_fit, MC, COLUMN_FIT, AdwBin)

/* Its child is a GtkScrolledWindow whose child is a GtkColumnView (set in
 * a .ui file as an AdwBin's "child"). */
GtkWidget     *mc_column_fit_new          (void);
/* `column` of the table (with a fixed width) may be left out when the
 * table would otherwise scroll sideways; the first added is the first left out. */
void           mc_column_fit_add_optional (McColumnFit *self, GtkColumnViewColumn *column);
/* The optional column that is shown again first when the room grows (the
 * last left out), or NULL when none is left out. */
GtkColumnViewColumn *mc_column_fit_get_next_shown (McColumnFit *self);
/* The table inside (NULL before the child is set). */
GtkColumnView *mc_column_fit_get_view     (McColumnFit *self);
/* The same for the table's columns at `positions` (n of them), in that
 * order: what a page names by its columns' order. */
void           mc_column_fit_add_optional_at (McColumnFit *self, const guint *positions, guint n);

G_END_DECLS
