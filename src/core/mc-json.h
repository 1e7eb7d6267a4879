/* mc-json.h — the little JSON the commands print (--format json)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends TEXT (UTF-8; NULL as "") as a JSON string: quotes, backslashes and
 * control characters escaped, everything else kept as UTF-8 (RFC 8259 §7). */
void mc_json_append_string (GString *out, const char *text);

G_END_DECLS
