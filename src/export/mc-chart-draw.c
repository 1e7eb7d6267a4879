/* mc-chart-draw.c — the dashboard's charts drawn with cairo, on screen and on paper
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One drawing for the widget, the PNG, the PDF and the printer, so what is
 * printed is what was seen. Sizes follow the font size, not fixed pixels:
 * the same chart reads at 300 px on screen and on a quarter of an A4 page.
 * The palette is GNOME's (the HIG's colour palette, the one libadwaita's
 * named colours use): blue 3, green 4, yellow 5, orange 3, purple 3, brown 3;
 * a flagged bar is red 3.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "mc-chart-draw.h"
#include "mc-format.h"

static const guint32 palette[] = { 0x3584e4, 0x2ec27e, 0xe5a50a, 0xff7800, 0x9141ac, 0x986a44, 0x5e5c64, 0x1c71d8 };
#define RED 0xe01b24

static void
rgb (guint32 hex, double rgba[4])
{
  rgba[0] = ((hex >> 16) & 0xff) / 255.0;
  rgba[1] = ((hex >> 8) & 0xff) / 255.0;
  rgba[2] = (hex & 0xff) / 255.0;
  rgba[3] = 1;
}

void
mc_chart_series_color (guint i, double rgba[4])
{
  rgb (palette[i % G_N_ELEMENTS (palette)], rgba);
}

static void
series_free (McChartSeries *s)
{
  g_free (s->name);
  g_free (s->values);
  g_free (s);
}

McChartData *
mc_chart_data_new (McChartKind kind, const char *title, gboolean percent)
{
  McChartData *data = g_new0 (McChartData, 1);

  data->kind = kind;
  data->title = g_strdup (title);
  data->percent = percent;
  data->categories = g_ptr_array_new_with_free_func (g_free);
  data->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  return data;
}

void
mc_chart_data_free (McChartData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_ptr_array_unref (data->categories);
  g_ptr_array_unref (data->series);
  g_free (data->flagged);
  g_free (data->threshold_label);
  g_free (data->empty_text);
  g_free (data);
}

McChartData *
mc_chart_data_copy (const McChartData *data)
{
  McChartData *copy = mc_chart_data_new (data->kind, data->title, data->percent);

  for (guint k = 0; k < data->categories->len; k++)
    mc_chart_data_add_category (copy, data->categories->pdata[k]);
  for (guint k = 0; k < data->series->len; k++)
    {
      const McChartSeries *s = data->series->pdata[k];
      McChartSeries *c = mc_chart_data_add_series (copy, s->name);

      memcpy (c->values, s->values, sizeof (double) * data->categories->len);
    }
  if (data->flagged != NULL)
    copy->flagged = g_memdup2 (data->flagged, sizeof (gboolean) * MAX (data->categories->len, 1));
  copy->threshold = data->threshold;
  copy->threshold_label = g_strdup (data->threshold_label);
  copy->empty_text = g_strdup (data->empty_text);
  copy->decimals = data->decimals;
  return copy;
}

void
mc_chart_data_add_category (McChartData *data, const char *name)
{
  g_ptr_array_add (data->categories, g_strdup (name));
  for (guint i = 0; i < data->series->len; i++)
    {
      McChartSeries *s = data->series->pdata[i];

      s->values = g_renew (double, s->values, data->categories->len);
      s->values[data->categories->len - 1] = NAN;
    }
  if (data->flagged != NULL)
    {
      data->flagged = g_renew (gboolean, data->flagged, data->categories->len);
      data->flagged[data->categories->len - 1] = FALSE;
    }
}

McChartSeries *
mc_chart_data_add_series (McChartData *data, const char *name)
{
  McChartSeries *s = g_new0 (McChartSeries, 1);

  s->name = g_strdup (name);
  s->values = g_new (double, MAX (data->categories->len, 1));
  for (guint i = 0; i < data->categories->len; i++)
    s->values[i] = NAN;
  g_ptr_array_add (data->series, s);
  return s;
}

gboolean
mc_chart_data_is_empty (const McChartData *data)
{
  for (guint k = 0; k < data->series->len; k++)
    for (guint i = 0; i < data->categories->len; i++)
      {
        double v = ((McChartSeries *) data->series->pdata[k])->values[i];

        if (!isnan (v) && (data->percent || v > 0))
          return FALSE;
      }
  return TRUE;
}

static char *
format_value (const McChartData *data, double v)
{
  if (data->percent)
    return mc_format_percent (v, 1);
  return data->decimals > 0 ? mc_format_decimal (v, data->decimals) : mc_format_count ((gint64) llround (v));
}

/* Text */

typedef struct {
  cairo_t      *cr;
  const double *fg;
  double        font_size;
  GPtrArray    *labels;
} Pen;

static PangoLayout *
layout_new (Pen *pen, const char *text, gboolean bold, double max_width)
{
  PangoLayout *layout = pango_cairo_create_layout (pen->cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, pen->font_size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

static double
text_width (Pen *pen, const char *text)
{
  g_autoptr(PangoLayout) layout = layout_new (pen, text, FALSE, 0);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

/* `text` with its anchor at (x, y): xalign 0 left … 1 right, yalign 0 top … 1 bottom. */
static void
draw_text (Pen *pen, const char *text, double x, double y, double xalign, double yalign, gboolean bold,
           double max_width, const double *color)
{
  g_autoptr(PangoLayout) layout = layout_new (pen, text, bold, max_width);
  PangoRectangle ink, logical;
  const double *c = color ? color : pen->fg;

  pango_layout_get_pixel_extents (layout, &ink, &logical);
  cairo_set_source_rgba (pen->cr, c[0], c[1], c[2], c[3]);
  cairo_move_to (pen->cr, x - xalign * logical.width, y - yalign * logical.height);
  pango_cairo_show_layout (pen->cr, layout);
  if (pen->labels != NULL)
    g_ptr_array_add (pen->labels, g_strdup (text));
}

/* Axes */

/* A step of 1, 2 or 5 × 10^k giving at most five intervals up to `max`. */
static double
nice_step (double max)
{
  double magnitude, step;

  if (max <= 0)
    return 1;
  magnitude = pow (10, floor (log10 (max / 5)));
  step = magnitude;
  if (max / step > 5)
    step = 2 * magnitude;
  if (max / step > 5)
    step = 5 * magnitude;
  if (max / step > 5)
    step = 10 * magnitude;
  return MAX (step, 1);
}

static void
set_fg (Pen *pen, double alpha)
{
  cairo_set_source_rgba (pen->cr, pen->fg[0], pen->fg[1], pen->fg[2], pen->fg[3] * alpha);
}

/* The legend across the top, wrapping; returns its height. */
static double
draw_legend (Pen *pen, const McChartData *data, double width)
{
  double x = 0, y = 0, line = pen->font_size * 1.6, box = pen->font_size * 0.8;

  if (data->series->len < 2 && data->flagged == NULL)
    return 0;
  for (guint k = 0; k < data->series->len; k++)
    {
      const char *name = ((McChartSeries *) data->series->pdata[k])->name;
      double w = box + pen->font_size * 0.4 + text_width (pen, name) + pen->font_size;
      double c[4];

      if (x > 0 && x + w > width)
        {
          x = 0;
          y += line;
        }
      mc_chart_series_color (k, c);
      cairo_set_source_rgba (pen->cr, c[0], c[1], c[2], 1);
      if (data->kind == MC_CHART_LINE)
        cairo_rectangle (pen->cr, x, y + line / 2 - pen->font_size * 0.12, box, pen->font_size * 0.24);
      else
        cairo_rectangle (pen->cr, x, y + (line - box) / 2, box, box);
      cairo_fill (pen->cr);
      draw_text (pen, name, x + box + pen->font_size * 0.4, y + line / 2, 0, 0.5, FALSE, 0, NULL);
      x += w;
    }
  if (data->flagged != NULL && data->threshold_label != NULL)
    {
      double c[4], w = box + pen->font_size * 0.4 + text_width (pen, data->threshold_label);

      if (x > 0 && x + w > width)
        {
          x = 0;
          y += line;
        }
      rgb (RED, c);
      cairo_set_source_rgba (pen->cr, c[0], c[1], c[2], 1);
      cairo_rectangle (pen->cr, x, y + (line - box) / 2, box, box);
      cairo_fill (pen->cr);
      draw_text (pen, data->threshold_label, x + box + pen->font_size * 0.4, y + line / 2, 0, 0.5, FALSE, 0, NULL);
    }
  return y + line + pen->font_size * 0.4;
}

static double
max_value (const McChartData *data)
{
  double max = 0;

  for (guint i = 0; i < data->categories->len; i++)
    {
      double stack = 0;

      for (guint k = 0; k < data->series->len; k++)
        {
          double v = ((McChartSeries *) data->series->pdata[k])->values[i];

          if (isnan (v))
            continue;
          if (data->kind == MC_CHART_STACKED_BARS)
            stack += v;
          else
            max = MAX (max, v);
        }
      max = MAX (max, stack);
    }
  return MAX (max, data->threshold);
}

/* Horizontal grid lines and their labels on the left of the plot [x0, x1] ×
 * [y0 (top), y1 (bottom)] for values 0 … top. */
static void
draw_value_grid (Pen *pen, const McChartData *data, double x0, double x1, double y0, double y1, double top,
                 double step)
{
  for (double v = 0; v <= top + step / 2; v += step)
    {
      double y = y1 - (y1 - y0) * v / top;
      g_autofree char *label = format_value (data, v);

      set_fg (pen, v == 0 ? 0.6 : 0.15);
      cairo_set_line_width (pen->cr, v == 0 ? 1.2 : 0.8);
      cairo_move_to (pen->cr, x0, round (y) + 0.5);
      cairo_line_to (pen->cr, x1, round (y) + 0.5);
      cairo_stroke (pen->cr);
      draw_text (pen, label, x0 - pen->font_size * 0.4, y, 1, 0.5, FALSE, 0, NULL);
    }
}

/* The category labels under columns at x0 + (i + 0.5) × slot, every
 * `every`-th when they would overlap. */
static void
draw_category_axis (Pen *pen, const McChartData *data, double x0, double slot, double y)
{
  double widest = 0;
  guint every;

  for (guint i = 0; i < data->categories->len; i++)
    widest = MAX (widest, text_width (pen, data->categories->pdata[i]));
  every = MAX (1, (guint) ceil ((widest + pen->font_size * 0.6) / MAX (slot, 1)));
  for (guint i = 0; i < data->categories->len; i++)
    if ((data->categories->len - 1 - i) % every == 0)  /* the latest month always */
      draw_text (pen, data->categories->pdata[i], x0 + (i + 0.5) * slot, y + pen->font_size * 0.3, 0.5, 0, FALSE, 0,
                 NULL);
}

static double
value_axis_width (Pen *pen, const McChartData *data, double top)
{
  g_autofree char *label = format_value (data, top);

  return text_width (pen, label) + pen->font_size * 0.8;
}

/* The series' columns side by side within each category's slot. */
static void
draw_grouped (Pen *pen, const McChartData *data, double x0, double slot, double y0, double y1, double top)
{
  guint n = MAX (data->series->len, 1);
  double group = slot * 0.72, w = group / n;

  for (guint i = 0; i < data->categories->len; i++)
    for (guint k = 0; k < data->series->len; k++)
      {
        double v = ((McChartSeries *) data->series->pdata[k])->values[i], c[4];
        double h, x = x0 + i * slot + (slot - group) / 2 + k * w;

        if (isnan (v) || v <= 0)
          continue;
        h = (y1 - y0) * v / top;
        mc_chart_series_color (k, c);
        cairo_set_source_rgba (pen->cr, c[0], c[1], c[2], 1);
        /* A hair between neighbours, so two equal columns stay two. */
        cairo_rectangle (pen->cr, x, y1 - h, MAX (w - MIN (1, w * 0.1), 1), h);
        cairo_fill (pen->cr);
      }
}

static void
draw_columns (Pen *pen, const McChartData *data, double x0, double y0, double x1, double y1)
{
  double top = data->percent ? 1 : 0, step;
  double slot = (x1 - x0) / MAX (data->categories->len, 1);

  if (!data->percent)
    {
      step = nice_step (max_value (data));
      top = MAX (step, ceil (max_value (data) / step) * step);
    }
  else
    step = 0.25;
  draw_value_grid (pen, data, x0, x1, y0, y1, top, step);
  draw_category_axis (pen, data, x0, slot, y1);
  if (data->kind == MC_CHART_STACKED_BARS)
    for (guint i = 0; i < data->categories->len; i++)
      {
        double base = 0, w = slot * 0.62, x = x0 + i * slot + (slot - w) / 2;

        for (guint k = 0; k < data->series->len; k++)
          {
            double v = ((McChartSeries *) data->series->pdata[k])->values[i], c[4];
            double h;

            if (isnan (v) || v <= 0)
              continue;
            h = (y1 - y0) * v / top;
            mc_chart_series_color (k, c);
            cairo_set_source_rgba (pen->cr, c[0], c[1], c[2], 1);
            cairo_rectangle (pen->cr, x, y1 - (y1 - y0) * base / top - h, w, h);
            cairo_fill (pen->cr);
            base += v;
          }
      }
  else if (data->kind == MC_CHART_GROUPED_BARS)
    draw_grouped (pen, data, x0, slot, y0, y1, top);
  else
    for (guint k = 0; k < data->series->len; k++)
      {
        const McChartSeries *s = data->series->pdata[k];
        gboolean drawing = FALSE;
        double c[4];

        mc_chart_series_color (k, c);
        cairo_set_source_rgba (pen->cr, c[0], c[1], c[2], 1);
        cairo_set_line_width (pen->cr, MAX (1.5, pen->font_size * 0.18));
        cairo_set_line_join (pen->cr, CAIRO_LINE_JOIN_ROUND);
        for (guint i = 0; i < data->categories->len; i++)
          {
            double x = x0 + (i + 0.5) * slot, y;

            if (isnan (s->values[i]))
              {
                drawing = FALSE;
                continue;
              }
            y = y1 - (y1 - y0) * s->values[i] / top;
            if (drawing)
              cairo_line_to (pen->cr, x, y);
            else
              cairo_move_to (pen->cr, x, y);
            drawing = TRUE;
          }
        cairo_stroke (pen->cr);
        for (guint i = 0; i < data->categories->len; i++)
          if (!isnan (s->values[i]))
            {
              cairo_arc (pen->cr, x0 + (i + 0.5) * slot, y1 - (y1 - y0) * s->values[i] / top,
                         MAX (2, pen->font_size * 0.25), 0, 2 * G_PI);
              cairo_fill (pen->cr);
            }
        /* The latest value written beside its point, when there is one. */
        if (data->series->len == 1 && data->categories->len > 0 && !isnan (s->values[data->categories->len - 1]))
          {
            guint last = data->categories->len - 1;
            g_autofree char *label = format_value (data, s->values[last]);

            draw_text (pen, label, x0 + (last + 0.5) * slot, y1 - (y1 - y0) * s->values[last] / top -
                       pen->font_size * 0.4, 1, 1, TRUE, 0, NULL);
          }
      }
}

/* One horizontal bar per category, its name on the left and its value at
 * its end; flagged ones red, the threshold a dashed line. */
static void
draw_bars (Pen *pen, const McChartData *data, double x0, double y0, double x1, double y1)
{
  const McChartSeries *s = data->series->len > 0 ? data->series->pdata[0] : NULL;
  guint n = data->categories->len;
  double slot = MIN ((y1 - y0) / MAX (n, 1), pen->font_size * 2.6);
  double names = 0, top, value_room;

  /* Measured in bold, as a flagged name is written. */
  for (guint i = 0; i < n; i++)
    names = MAX (names, text_width (pen, data->categories->pdata[i]) * 1.2);
  names = MIN (names + pen->font_size * 0.6, (x1 - x0) * 0.42);
  top = max_value (data);
  if (top <= 0)
    top = 1;
  {
    g_autofree char *widest = format_value (data, top);

    value_room = text_width (pen, widest) + pen->font_size * 0.8;
  }
  for (guint i = 0; i < n && s != NULL; i++)
    {
      double v = isnan (s->values[i]) ? 0 : s->values[i], c[4];
      double y = y0 + i * slot, w = (x1 - x0 - names - value_room) * v / top;
      g_autofree char *label = format_value (data, v);
      gboolean flagged = data->flagged != NULL && data->flagged[i];

      draw_text (pen, data->categories->pdata[i], x0 + names - pen->font_size * 0.6, y + slot / 2, 1, 0.5, flagged,
                 names - pen->font_size * 0.6, NULL);
      if (flagged)
        rgb (RED, c);
      else
        mc_chart_series_color (0, c);
      cairo_set_source_rgba (pen->cr, c[0], c[1], c[2], 1);
      cairo_rectangle (pen->cr, x0 + names, y + slot * 0.2, MAX (w, v > 0 ? 2 : 0), slot * 0.6);
      cairo_fill (pen->cr);
      draw_text (pen, label, x0 + names + w + pen->font_size * 0.4, y + slot / 2, 0, 0.5, flagged, 0,
                 flagged ? c : NULL);
    }
  if (data->threshold > 0)
    {
      double x = x0 + names + (x1 - x0 - names - value_room) * data->threshold / top;
      double dash = pen->font_size * 0.4, c[4];

      rgb (RED, c);
      cairo_set_source_rgba (pen->cr, c[0], c[1], c[2], 0.8);
      cairo_set_dash (pen->cr, &dash, 1, 0);
      cairo_set_line_width (pen->cr, 1);
      cairo_move_to (pen->cr, round (x) + 0.5, y0);
      cairo_line_to (pen->cr, round (x) + 0.5, y0 + n * slot);
      cairo_stroke (pen->cr);
      cairo_set_dash (pen->cr, NULL, 0, 0);
    }
}

void
mc_chart_draw (const McChartData *data, cairo_t *cr, double width, double height, const double fg[4],
               double font_size, GPtrArray *labels)
{
  Pen pen = { cr, fg, font_size, labels };
  double legend, left, bottom, top_value;

  g_return_if_fail (data != NULL && cr != NULL);

  cairo_save (cr);
  if (mc_chart_data_is_empty (data) || width < font_size * 8 || height < font_size * 5)
    {
      if (data->empty_text != NULL)
        draw_text (&pen, data->empty_text, width / 2, height / 2, 0.5, 0.5, FALSE, width, NULL);
      cairo_restore (cr);
      return;
    }
  legend = draw_legend (&pen, data, width);
  if (data->kind == MC_CHART_BARS)
    draw_bars (&pen, data, 0, legend, width, height);
  else
    {
      top_value = data->percent ? 1 : MAX (nice_step (max_value (data)),
                                            ceil (max_value (data) / nice_step (max_value (data))) *
                                            nice_step (max_value (data)));
      left = value_axis_width (&pen, data, top_value);
      bottom = font_size * 1.8;
      /* Room above the top line for its label and the latest value's. */
      draw_columns (&pen, data, left, legend + font_size * (data->kind == MC_CHART_LINE ? 1.8 : 0.8),
                    width - font_size * 0.4, height - bottom);
    }
  cairo_restore (cr);
}

char *
mc_chart_describe (const McChartData *data)
{
  GString *text = g_string_new (data->title);

  g_string_append (text, ". ");
  if (mc_chart_data_is_empty (data))
    {
      g_string_append (text, data->empty_text ? data->empty_text : "");
      return g_string_free (text, FALSE);
    }
  for (guint k = 0; k < data->series->len; k++)
    {
      const McChartSeries *s = data->series->pdata[k];

      if (data->series->len > 1)
        g_string_append_printf (text, "%s: ", s->name);
      for (guint i = 0; i < data->categories->len; i++)
        {
          g_autofree char *value = isnan (s->values[i]) ? g_strdup (_("no figure")) : format_value (data, s->values[i]);

          g_string_append_printf (text, "%s%s %s", i ? "; " : "", (const char *) data->categories->pdata[i], value);
          if (data->flagged != NULL && data->flagged[i])
            g_string_append_printf (text, " (%s)", _("flagged"));
        }
      g_string_append (text, ". ");
    }
  if (data->threshold > 0 && data->threshold_label != NULL)
    g_string_append_printf (text, "%s.", data->threshold_label);
  g_strchomp (text->str);
  text->len = strlen (text->str);
  return g_string_free (text, FALSE);
}
