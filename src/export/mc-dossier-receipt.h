/* mc-dossier-receipt.h — the counter documents of a stored dossier
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-db.h"
#include "mc-dossier.h"
#include "mc-receipt.h"

G_BEGIN_DECLS

/* The data form `kind` prints for `dossier`, with the center's own unit,
 * the form set of its date and the form's number (given on first print). */
McReceiptData *mc_dossier_receipt_data (McDb *db, McDossier *dossier, McFormKind kind, GError **error);

G_END_DECLS
