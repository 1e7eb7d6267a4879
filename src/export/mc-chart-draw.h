/* mc-chart-draw.h — the dashboard's charts drawn with cairo, on screen and on paper
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MC_CHART_LINE,          /* one line per series over the categories (months) */
  MC_CHART_STACKED_BARS,  /* one column per category, the series stacked */
  MC_CHART_BARS,          /* one horizontal bar per category (names on the left) */
  MC_CHART_GROUPED_BARS,  /* one column per series side by side in each category (issued beside served) */
} McChartKind;

typedef struct {
  char   *name;    /* in the legend */
  double *values;  /* one per category; NAN: no value (nothing settled that month) */
} McChartSeries;

typedef struct {
  McChartKind  kind;
  char        *title;
  gboolean     percent;      /* values are ratios 0…1, written "77,5%" */
  GPtrArray   *categories;   /* char*: months, departments, people */
  GPtrArray   *series;       /* McChartSeries* */
  gboolean    *flagged;      /* bars: a category drawn in red and marked (NULL: none) */
  double       threshold;    /* bars: a dashed line at this value, 0 for none */
  char        *threshold_label;
  char        *empty_text;   /* drawn when there is no value at all */
  int          decimals;     /* values not percent written with this many decimals (12,5 phút); 0: counts */
} McChartData;

McChartData *mc_chart_data_new        (McChartKind kind, const char *title, gboolean percent);
void         mc_chart_data_free       (McChartData *data);
McChartData *mc_chart_data_copy       (const McChartData *data);
void         mc_chart_data_add_category (McChartData *data, const char *name);
/* A new series with NAN values for the categories added so far. */
McChartSeries *mc_chart_data_add_series (McChartData *data, const char *name);
gboolean     mc_chart_data_is_empty   (const McChartData *data);

/* Text and axes in `fg` (the widget's colour, black on paper); the series in
 * the GNOME palette. Draws within (0, 0, width, height) of `cr` in its
 * units (pixels on screen, points on paper), `font_size` in those units.
 * Every text drawn is appended to `labels` when not NULL (the tests read
 * what a chart says). */
void         mc_chart_draw            (const McChartData *data, cairo_t *cr, double width, double height,
                                       const double fg[4], double font_size, GPtrArray *labels);
/* The figures in a sentence per series, for a screen reader: "Tỷ lệ … Toàn
 * đơn vị: 12/2025 77,5%; 01/2026 không có hồ sơ giải quyết; …". */
char        *mc_chart_describe        (const McChartData *data);
/* The colour of series i (GNOME's palette: blue, green, yellow, orange,
 * purple, brown, …), and the colour of a flagged bar (red). */
void         mc_chart_series_color    (guint i, double rgba[4]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McChartData, mc_chart_data_free)

G_END_DECLS
