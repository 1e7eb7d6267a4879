/* mc-procedure-search.c — find a procedure from what the clerk types
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The counter's Enter takes the first of these, so the order is the whole
 * point: how well the name matches decides, how often the counter uses a
 * procedure only breaks ties (the counter's favourite "khai sinh lưu động"
 * must not come before the ordinary "đăng ký khai sinh").
 */
#include "config.h"

#include <string.h>

#include "mc-procedure-search.h"
#include "mc-text.h"

typedef struct {
  McProcedure *procedure;
  char        *code;    /* folded */
  char        *name;    /* folded, without the "thu tuc " every name may start with */
  guint        n_words;
} Entry;

typedef struct {
  Entry *entry;
  int    tier;
  guint  extra_words;
  guint  recent;
} Match;

enum { TIER_EXACT, TIER_PHRASE_AT_WORD, TIER_PHRASE, TIER_WORDS };

struct _McProcedureSearch
{
  GObject  parent_instance;
  GArray  *entries;  /* Entry */
};

G_DEFINE_FINAL_TYPE (McProcedureSearch, mc_procedure_search, G_TYPE_OBJECT)

#define FILLER "thu tuc "

static guint
count_words (const char *folded)
{
  guint n = 0;

  for (const char *p = folded; *p; p++)
    if (*p != ' ' && (p == folded || p[-1] == ' '))
      n++;
  return n;
}

static void
entry_clear (gpointer pointer)
{
  Entry *e = pointer;

  g_clear_object (&e->procedure);
  g_free (e->code);
  g_free (e->name);
}

static int
tier_of (const Entry *e, const char *query)
{
  const char *phrase;

  if (g_str_equal (e->code, query) || g_str_equal (e->name, query))
    return TIER_EXACT;
  phrase = strstr (e->name, query);
  while (phrase != NULL && phrase != e->name && phrase[-1] != ' ')
    phrase = strstr (phrase + 1, query);
  if (phrase != NULL)
    return TIER_PHRASE_AT_WORD;
  return strstr (e->name, query) != NULL ? TIER_PHRASE : TIER_WORDS;
}

static guint
recent_rank (GPtrArray *recent, const char *code)
{
  guint index;

  if (recent != NULL && g_ptr_array_find_with_equal_func (recent, code, g_str_equal, &index))
    return index;
  return G_MAXUINT;
}

static int
compare_matches (gconstpointer a, gconstpointer b)
{
  const Match *x = a, *y = b;

  if (x->tier != y->tier)
    return x->tier - y->tier;
  if (x->extra_words != y->extra_words)
    return x->extra_words < y->extra_words ? -1 : 1;
  if (x->recent != y->recent)
    return x->recent < y->recent ? -1 : 1;
  if (strlen (x->entry->name) != strlen (y->entry->name))
    return strlen (x->entry->name) < strlen (y->entry->name) ? -1 : 1;
  return strcmp (x->entry->code, y->entry->code);
}

static void
mc_procedure_search_finalize (GObject *object)
{
  McProcedureSearch *self = MC_PROCEDURE_SEARCH (object);

  g_array_unref (self->entries);
  G_OBJECT_CLASS (mc_procedure_search_parent_class)->finalize (object);
}

static void
mc_procedure_search_class_init (McProcedureSearchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_procedure_search_finalize;
}

static void
mc_procedure_search_init (McProcedureSearch *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
}

McProcedureSearch *
mc_procedure_search_new (GListModel *procedures)
{
  McProcedureSearch *self = g_object_new (MC_TYPE_PROCEDURE_SEARCH, NULL);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (procedures), self);

  n = g_list_model_get_n_items (procedures);
  for (guint i = 0; i < n; i++)
    {
      Entry e = { g_list_model_get_item (procedures, i), NULL, NULL, 0 };
      g_autofree char *name = mc_text_fold (mc_procedure_get_name (e.procedure));

      e.code = mc_text_fold (mc_procedure_get_code (e.procedure));
      e.name = g_strdup (g_str_has_prefix (name, FILLER) ? name + strlen (FILLER) : name);
      e.n_words = count_words (e.name);
      g_array_append_val (self->entries, e);
    }
  return self;
}

GPtrArray *
mc_procedure_search_run (McProcedureSearch *self, const char *text, GPtrArray *recent, guint limit)
{
  g_autofree char *query = mc_text_fold (text ? text : "");
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  guint typed;

  g_return_val_if_fail (MC_IS_PROCEDURE_SEARCH (self), found);

  typed = count_words (query);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = &g_array_index (self->entries, Entry, i);
      const char *key = mc_procedure_get_search_key (e->procedure);
      /* Nothing typed yet: the counter's usual procedures, most used first. */
      guint extra = typed > 0 && e->n_words > typed ? e->n_words - typed : 0;
      Match m = { e, TIER_WORDS, extra, recent_rank (recent, mc_procedure_get_code (e->procedure)) };

      if (!mc_text_matches_folded (key, query))
        continue;
      if (*query != '\0')
        m.tier = tier_of (e, query);
      g_array_append_val (matches, m);
    }
  g_array_sort (matches, compare_matches);
  for (guint i = 0; i < matches->len && i < limit; i++)
    g_ptr_array_add (found, g_object_ref (g_array_index (matches, Match, i).entry->procedure));
  return found;
}
