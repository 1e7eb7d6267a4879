/* mc-tooltip.h — a list cell's tooltip computed when the pointer rests on it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The label's own text as its tooltip, when it is longer than `min_chars`
 * characters (0: any text that is not empty). */
void  mc_tooltip_own_text (GtkLabel *label, guint min_chars);

/* `expression` (a string, evaluated on `this_`, the row's GtkListItem; the
 * widget takes the expression) as the widget's tooltip. `this_` is held
 * weakly: a row that is gone has no tooltip. */
void  mc_tooltip_bind     (GtkWidget *widget, GtkExpression *expression, gpointer this_);

/* The tooltip one of the above gives the widget now (newly allocated), or
 * NULL for none: also for its accessible description, which a screen
 * reader reads where a tooltip is not seen. */
char *mc_tooltip_get_text (GtkWidget *widget);

G_END_DECLS
