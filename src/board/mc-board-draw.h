/* mc-board-draw.h — the liveboard as one pure drawing function
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same function draws the widget's frames (gtk_snapshot_append_cairo),
 * the command line's PNG (motcua liveboard --render) and the tests' images.
 * Needs cairo and Pango only.
 */
#pragma once

#include <cairo.h>

#include "mc-board-model.h"

G_BEGIN_DECLS

typedef struct {
  double x, y, width, height;
} McBoardRect;

/* A text as it was laid out: the box it was given and the extents of what
 * was drawn, both clipped to what shows on the screen. */
typedef struct {
  McBoardRect  cell;
  McBoardRect  text;
  char        *content;
} McBoardTextBox;

/* The board at model->frame (clock, elapsed time, page) on a width × height
 * surface in device pixels. Text is measured with Pango and shrunk or
 * ellipsized to fit its box. */
void         mc_board_draw              (cairo_t *cr, const McBoardModel *model, int width, int height);
/* The same, appending an McBoardTextBox for each text drawn to `boxes`
 * (from mc_board_text_boxes_new). The ticker scrolls by design and is not
 * listed. */
void         mc_board_draw_reporting    (cairo_t *cr, const McBoardModel *model, int width, int height,
                                         GArray *boxes);
GArray      *mc_board_text_boxes_new    (void);

/* The page showing at model->frame.elapsed, with the seconds spent on it and
 * its duration: at least frame.page_seconds, longer when a list scrolls. */
McBoardPage  mc_board_current_page      (const McBoardModel *model, int width, int height,
                                         double *into, double *duration);

/* PNG of the board, for the command line and the tests. */
gboolean     mc_board_render_png        (const McBoardModel *model, int width, int height,
                                         const char *path, GError **error);

G_END_DECLS
