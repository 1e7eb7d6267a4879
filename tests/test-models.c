/* test-models.c — core's list models (catalog, accounts, audit): exact items-changed, objects that notify
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-catalog.h"
#include "mc-object-list.h"
#include "mc-test-utils.h"

typedef struct {
  guint position, removed, added;
} Change;

/* The model's keys as a listener that applies each items-changed sees
 * them: must end equal to the model itself. */
typedef struct {
  GArray *changes;  /* Change */
  GArray *mirror;   /* gint64 keys */
  gint64 (*key) (gpointer item);
} Listener;

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, Listener *l)
{
  Change c = { position, removed, added };

  g_array_append_val (l->changes, c);
  g_assert_cmpuint (position + removed, <=, l->mirror->len);
  g_array_remove_range (l->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, position + i);
      gint64 k = l->key (item);

      g_array_insert_val (l->mirror, position + i, k);
    }
  g_assert_cmpuint (l->mirror->len, ==, g_list_model_get_n_items (model));
}

static Listener *
listen (GListModel *model, gint64 (*key) (gpointer item))
{
  Listener *l = g_new0 (Listener, 1);

  l->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  l->mirror = g_array_new (FALSE, TRUE, sizeof (gint64));
  l->key = key;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      gint64 k = key (item);

      g_array_append_val (l->mirror, k);
    }
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), l);
  return l;
}

static void
listener_free (Listener *l)
{
  g_array_unref (l->changes);
  g_array_unref (l->mirror);
  g_free (l);
}

static void
assert_mirrors (Listener *l, GListModel *model)
{
  g_assert_cmpuint (l->mirror->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < l->mirror->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_assert_cmpint (g_array_index (l->mirror, gint64, i), ==, l->key (item));
    }
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gint64 procedure_key (gpointer item) { return mc_procedure_get_id (item); }

static GPtrArray *
procedures_with_ids (const gint64 *ids, guint n)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      McProcedure *p = mc_procedure_new ();
      g_autofree char *code = g_strdup_printf ("1.%06" G_GINT64_FORMAT, ids[i]);

      mc_procedure_set_id (p, ids[i]);
      mc_procedure_set_code (p, code);
      g_ptr_array_add (list, p);
    }
  return list;
}

static GPtrArray *
no_load (McObjectList *list, McChangeKind kind, gpointer data, GError **error)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

/* Removals, insertions and moves at once: each items-changed is exact (a
 * listener applying them ends with the model's rows), an item kept keeps
 * its object. */
static void
test_sync (void)
{
  static const gint64 before[] = { 1, 2, 3, 4, 5, 6, 7 };
  static const gint64 after[] = { 8, 1, 3, 9, 10, 6, 5, 2, 11 };
  g_autoptr(McObjectList) list = mc_object_list_new (MC_TYPE_PROCEDURE, procedure_key, NULL, no_load, NULL, NULL);
  g_autoptr(GPtrArray) first = procedures_with_ids (before, G_N_ELEMENTS (before));
  g_autoptr(GPtrArray) second = procedures_with_ids (after, G_N_ELEMENTS (after));
  McProcedure *three;
  Listener *l;

  mc_object_list_sync (list, first);
  three = mc_object_list_peek (list, 2);
  l = listen (G_LIST_MODEL (list), procedure_key);
  mc_procedure_set_code (second->pdata[2], "2.000003");
  mc_object_list_sync (list, second);
  assert_mirrors (l, G_LIST_MODEL (list));
  for (guint i = 0; i < G_N_ELEMENTS (after); i++)
    g_assert_cmpint (procedure_key (mc_object_list_peek (list, i)), ==, after[i]);
  /* 3 stayed the same object, updated in place */
  g_assert_true (mc_object_list_peek (list, 2) == three);
  g_assert_cmpstr (mc_procedure_get_code (three), ==, "2.000003");
  /* the same list again: nothing told */
  g_array_set_size (l->changes, 0);
  mc_object_list_sync (list, second);
  g_assert_cmpuint (l->changes->len, ==, 0);
  listener_free (l);
}

static McCatalog *
builtin_catalog (McDb *db)
{
  g_autoptr(GError) error = NULL;
  McCatalog *catalog = mc_catalog_new (db);

  g_assert_true (mc_catalog_install_builtin (catalog, NULL, &error));
  g_assert_no_error (error);
  return catalog;
}

static void
notified_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* A procedure saved: one row inserted where the sort puts it; a procedure
 * edited: no row told, its object notifies. */
static void
test_catalog (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(McCatalog) catalog = builtin_catalog (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = mc_catalog_list_model (catalog, &error);
  g_autoptr(McProcedure) model_procedure = mc_catalog_find_procedure (catalog, "1.001193", &error);
  g_autoptr(McProcedure) added = mc_procedure_copy (model_procedure);
  g_autoptr(McProcedure) edited = NULL;
  g_autoptr(McProcedure) shown = NULL;
  guint n, fee_notified = 0;
  Listener *l;
  Change c;
  int at;

  g_assert_no_error (error);
  drain ();
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, mc_catalog_count_procedures (catalog));
  l = listen (model, procedure_key);

  mc_procedure_set_id (added, 0);
  mc_procedure_set_code (added, "9.999010");
  mc_procedure_set_name (added, "Cấp giấy phép nuôi chim yến");
  g_assert_true (mc_catalog_save_procedure (catalog, added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (l->changes->len, ==, 0);  /* told after the commit, from an idle */
  drain ();
  g_assert_cmpuint (l->changes->len, ==, 1);
  c = g_array_index (l->changes, Change, 0);
  g_assert_cmpuint (c.removed, ==, 0);
  g_assert_cmpuint (c.added, ==, 1);
  shown = g_list_model_get_item (model, c.position);
  g_assert_cmpstr (mc_procedure_get_code (shown), ==, "9.999010");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n + 1);
  assert_mirrors (l, model);

  /* The fee changes: the row's object notifies, no row is told. */
  at = mc_object_list_find (MC_OBJECT_LIST (model), mc_procedure_get_id (model_procedure));
  g_assert_cmpint (at, >=, 0);
  g_signal_connect (mc_object_list_peek (MC_OBJECT_LIST (model), at), "notify::fee", G_CALLBACK (notified_cb),
                    &fee_notified);
  edited = mc_procedure_copy (model_procedure);
  mc_procedure_set_fee (edited, mc_procedure_get_fee (model_procedure) + 5000);
  g_array_set_size (l->changes, 0);
  g_assert_true (mc_catalog_save_procedure (catalog, edited, &error));
  g_assert_no_error (error);
  drain ();
  g_assert_cmpuint (l->changes->len, ==, 0);
  g_assert_cmpuint (fee_notified, ==, 1);
  g_assert_cmpint (mc_procedure_get_fee (mc_object_list_peek (MC_OBJECT_LIST (model), at)), ==,
                   mc_procedure_get_fee (model_procedure) + 5000);
  listener_free (l);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/models/sync", test_sync);
  g_test_add_func ("/models/catalog", test_catalog);
  return g_test_run ();
}
