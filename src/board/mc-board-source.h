/* mc-board-source.h — the liveboard's data, kept up to date from the database
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-board-model.h"

G_BEGIN_DECLS

#define MC_TYPE_BOARD_SOURCE (mc_board_source_get_type ())
G_DECLARE_FINAL_TYPE (McBoardSource, mc_board_source, MC, BOARD_SOURCE, GObject)

/* Watches the database file at `path` (another process writes it) and
 * emits "changed" in the main loop after each reload that brought new data
 * or a change of the offline state. */
McBoardSource      *mc_board_source_new          (const char *path);
/* The first load and the watching. */
void                mc_board_source_start        (McBoardSource *self);
/* The last good data (NULL before the first load succeeded); owned by the
 * source, valid until the next "changed". The view sets its frame. */
McBoardModel       *mc_board_source_get_model    (McBoardSource *self);
/* TRUE while the last load failed; the model is then the last good one. */
gboolean            mc_board_source_is_offline   (McBoardSource *self);
/* Loads now whether or not the data changed (the clock moved a minute). */
void                mc_board_source_reload       (McBoardSource *self);

G_END_DECLS
