/* mc-dossier-receipt.h — the counter documents of a stored dossier
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-db.h"
#include "mc-dossier.h"
#include "mc-receipt.h"

G_BEGIN_DECLS

/* The data a form prints for `dossier`, with the center's own unit. */
McReceiptData *mc_dossier_receipt_data (McDb *db, McDossier *dossier, GError **error);

G_END_DECLS
