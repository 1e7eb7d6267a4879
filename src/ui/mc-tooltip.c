/* mc-tooltip.c — a list cell's tooltip computed when the pointer rests on it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's gtk_widget_set_tooltip_text asks the display where the pointer
 * is each time it is called on a widget that is in a window
 * (gtk_widget_trigger_tooltip_query → gdk_device_get_surface_at_position: a
 * round trip to the X server, XQueryPointer). The lists set a tooltip on every
 * cell they bound, set or cleared, so each row shown cost a round trip per
 * column: 4.8 % of the processor time of a bench-gui run at 1,000,000
 * dossiers (perf, issue 15), and on a loaded machine each round trip also
 * waits for the X server to be scheduled. Here the cell only says it has a
 * tooltip ("has-tooltip", once, when the cell is made) and the text is made
 * in "query-tooltip", when the pointer rests on that cell.
 */
#include "config.h"

#include "mc-tooltip.h"

/* What a widget's tooltip is made of: its own text (expression NULL) or
 * an expression of its row. */
typedef struct
{
  guint          min_chars;
  GtkExpression *expression;
  GWeakRef       this_;
} Bound;

static void
bound_free (gpointer data)
{
  Bound *bound = data;

  g_clear_pointer (&bound->expression, gtk_expression_unref);
  g_weak_ref_clear (&bound->this_);
  g_free (bound);
}

/* A label's own text, longer than `min_chars`. */
static char *
own_text (GtkWidget *widget, guint min_chars)
{
  const char *text = gtk_label_get_text (GTK_LABEL (widget));

  if (text == NULL || *text == '\0' || (guint) g_utf8_strlen (text, -1) <= min_chars)
    return NULL;
  return g_strdup (text);
}

char *
mc_tooltip_get_text (GtkWidget *widget)
{
  Bound *bound = g_object_get_data (G_OBJECT (widget), "mc-tooltip");
  g_autoptr(GObject) this_ = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  char *text;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  if (bound == NULL)
    return NULL;
  if (bound->expression == NULL)
    return own_text (widget, bound->min_chars);
  this_ = g_weak_ref_get (&bound->this_);
  if (this_ == NULL || !gtk_expression_evaluate (bound->expression, this_, &value))
    return NULL;
  text = g_value_dup_string (&value);
  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static gboolean
query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip, gpointer data)
{
  g_autofree char *text = mc_tooltip_get_text (widget);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
attach (GtkWidget *widget, Bound *bound)
{
  g_object_set_data_full (G_OBJECT (widget), "mc-tooltip", bound, bound_free);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

void
mc_tooltip_own_text (GtkLabel *label, guint min_chars)
{
  Bound *bound = g_new0 (Bound, 1);

  g_return_if_fail (GTK_IS_LABEL (label));

  bound->min_chars = min_chars;
  attach (GTK_WIDGET (label), bound);
}

void
mc_tooltip_bind (GtkWidget *widget, GtkExpression *expression, gpointer this_)
{
  Bound *bound = g_new0 (Bound, 1);

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (G_IS_OBJECT (this_));

  bound->expression = expression;
  g_weak_ref_init (&bound->this_, this_);
  attach (widget, bound);
}
