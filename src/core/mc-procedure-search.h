/* mc-procedure-search.h — find a procedure from what the clerk types
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-procedure.h"

G_BEGIN_DECLS

#define MC_TYPE_PROCEDURE_SEARCH (mc_procedure_search_get_type ())
G_DECLARE_FINAL_TYPE (McProcedureSearch, mc_procedure_search, MC, PROCEDURE_SEARCH, GObject)

/* Over `procedures` (a GListModel of McProcedure), folded once here. */
McProcedureSearch *mc_procedure_search_new   (GListModel *procedures);
/* At most `limit` procedures (McProcedure*, referenced) matching `text`,
 * best first: the code or the whole name typed; then names holding the
 * words as one phrase, from a word's start; then anywhere; then all the
 * words in any order. Within each, the fewest words beyond those typed
 * come first ("khai sinh": "Thủ tục đăng ký khai sinh" before "… khai
 * sinh lưu động"), then the order of `recent` (codes, most used first),
 * then the shorter name. An empty text lists `recent` first. */
GPtrArray         *mc_procedure_search_run   (McProcedureSearch *self, const char *text,
                                              GPtrArray *recent, guint limit);

G_END_DECLS
