/* mc-barcode.h — Code 128 and QR symbols drawn with cairo (libzint)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dossier code is printed as a barcode on the counter documents so that a
 * scanner brings the dossier up at once (TT 01/2018 Điều 19: "có thể áp dụng
 * công nghệ mã vạch, mã QR đồng thời với mã số hồ sơ").
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "mc-export-error.h"

G_BEGIN_DECLS

typedef enum {
  MC_BARCODE_CODE128,
  MC_BARCODE_QR,
} McBarcodeKind;

/* Longest content accepted: a dossier code is about 25 characters; more than
 * this would make a Code 128 too dense to scan at receipt size. */
#define MC_BARCODE_MAX_LENGTH 80

/* Printable ASCII only (0x20–0x7E), not empty, at most MC_BARCODE_MAX_LENGTH.
 * A scanner types what it reads as keystrokes, so anything else would come
 * back different from what was printed. */
gboolean mc_barcode_validate (const char *text, GError **error);

/* Draws the symbol, quiet zones included and painted white, centred in the
 * rectangle: a QR code as the largest square that fits, a Code 128 over the
 * full height with the modules as wide as fit (no human-readable text; the
 * caller prints the code). Nothing is drawn when it fails. */
gboolean mc_barcode_draw (cairo_t       *cr,
                          McBarcodeKind  kind,
                          const char    *text,
                          double         x,
                          double         y,
                          double         width,
                          double         height,
                          GError       **error);

G_END_DECLS
