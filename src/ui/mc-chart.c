/* mc-chart.c — one chart of the dashboard on screen, with its figures for a screen reader
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkDrawingArea drawing mc_chart_draw at its allocated size, so it
 * follows a resize at once (the drawing is a few dozen shapes). Text and
 * axes take the widget's foreground colour (light and dark styles); the
 * font size is the widget's, so the chart grows with the text scale.
 */
#include "config.h"

#include "mc-chart.h"

struct _McChart
{
  GtkDrawingArea  parent_instance;
  McChartData    *data;
};

G_DEFINE_FINAL_TYPE (McChart, mc_chart, GTK_TYPE_DRAWING_AREA)

/* The widget's font size in pixels (a size in points at 96 dpi). */
static double
font_size (GtkWidget *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double size = font ? pango_font_description_get_size (font) / (double) PANGO_SCALE : 11;

  if (font && !pango_font_description_get_size_is_absolute (font))
    size *= 96.0 / 72.0;
  return MAX (size * 0.9, 8);
}

static void
draw_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  McChart *self = MC_CHART (area);
  GdkRGBA color;
  double fg[4];

  if (self->data == NULL)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS  /* gtk_widget_get_color is GTK 4.10 */
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  fg[0] = color.red;
  fg[1] = color.green;
  fg[2] = color.blue;
  fg[3] = color.alpha;
  mc_chart_draw (self->data, cr, width, height, fg, font_size (GTK_WIDGET (self)), NULL);
}

static void
mc_chart_finalize (GObject *object)
{
  McChart *self = MC_CHART (object);

  g_clear_pointer (&self->data, mc_chart_data_free);
  G_OBJECT_CLASS (mc_chart_parent_class)->finalize (object);
}

static void
mc_chart_class_init (McChartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_chart_finalize;
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mc_chart_init (McChart *self)
{
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 240);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), 280);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
}

McChart *
mc_chart_new (void)
{
  return g_object_new (MC_TYPE_CHART, NULL);
}

void
mc_chart_set_data (McChart *self, McChartData *data)
{
  g_autofree char *description = NULL;

  g_return_if_fail (MC_IS_CHART (self));
  g_return_if_fail (data != NULL);

  g_clear_pointer (&self->data, mc_chart_data_free);
  self->data = data;
  description = mc_chart_describe (data);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, data->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const McChartData *
mc_chart_get_data (McChart *self)
{
  g_return_val_if_fail (MC_IS_CHART (self), NULL);
  return self->data;
}
