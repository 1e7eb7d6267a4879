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
