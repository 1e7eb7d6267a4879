/* mc-dossier-rows.h — the rows of a list model of dossiers, brought up to date in place
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-dossier.h"

G_BEGIN_DECLS

/* `rows` (McDossier*, owned) are the items of `model`; `fresh` the same list
 * read again. Afterwards `rows` holds fresh's codes in fresh's order, and
 * "items-changed" was emitted on `model` for exactly what moved: a dossier
 * gone is one removal at its position, a new one one insertion, one that
 * moved a removal and an insertion (neighbours gone or new together are told
 * as one range). A dossier that stays is the same object,
 * updated with mc_dossier_update_from (only its changed properties notify),
 * so a view keeps its row, its selection and its scroll. */
void mc_dossier_rows_merge (GListModel *model, GPtrArray *rows, GPtrArray *fresh);

G_END_DECLS
