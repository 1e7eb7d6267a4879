/* mc-locale.h — the language of messages, for motcua and motcua-gui alike
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void mc_locale_setup (void);

G_END_DECLS
