/* mc-timeliness-badge.c — Trước hạn / Đúng hạn / Quá hạn as a coloured badge with its word
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The colour helps the eye down a long list; the word is always there, for
 * the colour-blind and for black-and-white screenshots in reports.
 */
#include "config.h"

#include "mc-timeliness-badge.h"
#include "mc-workflow.h"

static const char *const classes[] = { "early", "on-time", "late" };

GtkWidget *
mc_timeliness_badge_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "timeliness");
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

void
mc_timeliness_badge_set (GtkWidget *badge, gboolean has, McTimeliness timeliness)
{
  g_return_if_fail (GTK_IS_LABEL (badge));

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (badge, classes[i]);
  gtk_widget_set_visible (badge, has);
  if (!has || (guint) timeliness >= G_N_ELEMENTS (classes))
    return;
  gtk_widget_add_css_class (badge, classes[timeliness]);
  gtk_label_set_text (GTK_LABEL (badge), mc_timeliness_to_label (timeliness));
}

void
mc_timeliness_badge_set_string (GtkWidget *badge, const char *timeliness)
{
  McTimeliness value = MC_TIMELINESS_ON_TIME;
  gboolean has = timeliness != NULL && mc_timeliness_from_string (timeliness, &value);

  mc_timeliness_badge_set (badge, has, value);
}

static gboolean
parse (const char *text, McTimeliness *timeliness)
{
  return text != NULL && mc_timeliness_from_string (text, timeliness) && (guint) *timeliness < G_N_ELEMENTS (classes);
}

static char *
label_of (gpointer this_, const char *text, gpointer data)
{
  McTimeliness t;

  return parse (text, &t) ? g_strdup (mc_timeliness_to_label (t)) : NULL;
}

static GStrv
classes_of (gpointer this_, const char *text, gpointer data)
{
  McTimeliness t;
  const char *list[] = { "timeliness", parse (text, &t) ? classes[t] : NULL, NULL };

  return g_strdupv ((char **) list);
}

static gboolean
shown (gpointer this_, const char *text, gpointer data)
{
  McTimeliness t;

  return parse (text, &t);
}

static GtkExpression *
over (GtkExpression *param, GType type, GCallback callback)
{
  GtkExpression *params[] = { gtk_expression_ref (param) };

  return gtk_cclosure_expression_new (type, NULL, 1, params, callback, NULL, NULL);
}

void
mc_timeliness_badge_bind (GtkWidget *badge, GtkExpression *timeliness, gpointer this_)
{
  g_return_if_fail (GTK_IS_LABEL (badge));

  gtk_expression_bind (over (timeliness, G_TYPE_STRING, G_CALLBACK (label_of)), badge, "label", this_);
  gtk_expression_bind (over (timeliness, G_TYPE_STRV, G_CALLBACK (classes_of)), badge, "css-classes", this_);
  gtk_expression_bind (over (timeliness, G_TYPE_BOOLEAN, G_CALLBACK (shown)), badge, "visible", this_);
  gtk_expression_unref (timeliness);
}
