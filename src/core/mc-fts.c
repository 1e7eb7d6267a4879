/* mc-fts.c — the "vn" FTS5 tokenizer: unicode61 remove_diacritics 2, plus đ → d
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQLite's unicode61 folds every Vietnamese tone and vowel mark with
 * remove_diacritics 2 but never đ (U+0111 has no decomposition), so "Đức" and
 * "duc" would not match. This wrapper lets unicode61 do the work and rewrites
 * đ to d in each token it emits. Debian's SQLite has no ICU, hence no
 * alternative short of a custom build. It must be registered on every
 * connection that touches dossier_fts — McDb does so on open.
 */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "mc-fts-private.h"

typedef struct {
  fts5_api       *api;
  void           *base_data;
  fts5_tokenizer  base;  /* unicode61's methods */
} Module;

typedef struct {
  Fts5Tokenizer  *inner;
  Module         *module;
} Tokenizer;

typedef struct {
  void *ctx;
  int (*x_token) (void *, int, const char *, int, int, int);
} CallbackData;

static void
module_free (void *data)
{
  g_free (data);
}

static int
vn_create (void *user_data, const char **args, int n_args, Fts5Tokenizer **out)
{
  Module *module = user_data;
  const char *unicode_args[] = { "remove_diacritics", "2" };
  Tokenizer *t = g_new0 (Tokenizer, 1);
  int rc;

  (void) args;
  (void) n_args;
  t->module = module;
  rc = module->base.xCreate (module->base_data, unicode_args, 2, &t->inner);
  if (rc != SQLITE_OK)
    {
      g_free (t);
      return rc;
    }
  *out = (Fts5Tokenizer *) t;
  return SQLITE_OK;
}

static void
vn_delete (Fts5Tokenizer *tokenizer)
{
  Tokenizer *t = (Tokenizer *) tokenizer;

  t->module->base.xDelete (t->inner);
  g_free (t);
}

/* đ is C4 91 in UTF-8; unicode61 has already lower-cased Đ (C4 90) to it.
 * Most tokens have no đ and go through untouched: a bulk import tokenizes
 * millions of them. */
static int
vn_token_cb (void *user_data, int flags, const char *token, int n, int start, int end)
{
  CallbackData *cb = user_data;
  const char *c4 = memchr (token, 0xC4, n);
  char stack[128];
  char *buf;
  int len, rc;

  if (c4 == NULL)
    return cb->x_token (cb->ctx, flags, token, n, start, end);
  buf = n <= (int) sizeof stack ? stack : g_malloc (n);
  len = (int) (c4 - token);
  memcpy (buf, token, len);
  for (int i = len; i < n; i++)
    {
      if ((unsigned char) token[i] == 0xC4 && i + 1 < n &&
          ((unsigned char) token[i + 1] == 0x91 || (unsigned char) token[i + 1] == 0x90))
        {
          buf[len++] = 'd';
          i++;
          continue;
        }
      buf[len++] = token[i];
    }
  rc = cb->x_token (cb->ctx, flags, buf, len, start, end);
  if (buf != stack)
    g_free (buf);
  return rc;
}

static int
vn_tokenize (Fts5Tokenizer *tokenizer, void *ctx, int flags, const char *text, int n,
             int (*x_token) (void *, int, const char *, int, int, int))
{
  Tokenizer *t = (Tokenizer *) tokenizer;
  CallbackData cb = { ctx, x_token };

  return t->module->base.xTokenize (t->inner, &cb, flags, text, n, vn_token_cb);
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return api;
}

int
mc_fts_register_vn_tokenizer (sqlite3 *db)
{
  fts5_api *api = get_fts5_api (db);
  Module *module;
  fts5_tokenizer vn = { vn_create, vn_delete, vn_tokenize };
  int rc;

  if (api == NULL)
    return SQLITE_ERROR;
  module = g_new0 (Module, 1);
  module->api = api;
  rc = api->xFindTokenizer (api, "unicode61", &module->base_data, &module->base);
  if (rc != SQLITE_OK)
    {
      g_free (module);
      return rc;
    }
  return api->xCreateTokenizer (api, "vn", module, &vn, module_free);
}
