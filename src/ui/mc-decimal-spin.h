/* mc-decimal-spin.h — spin buttons that show and read Vietnamese decimals
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* "0,5" and "20", never "20.000", which a Vietnamese reader takes for twenty
 * thousand; a typed "0,5" or "0.5" is read back. */
void mc_decimal_spin_attach (GtkSpinButton *button);

G_END_DECLS
