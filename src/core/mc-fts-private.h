/* mc-fts-private.h — the "vn" FTS5 tokenizer: unicode61 remove_diacritics 2, plus đ → d (storage files only)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

int mc_fts_register_vn_tokenizer (sqlite3 *db);
