/* test-models.c — core's list models (catalog, accounts, audit): exact items-changed, objects that notify
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-accounts.h"
#include "mc-audit.h"
#include "mc-catalog.h"
#include "mc-object-list.h"
#include "mc-unit.h"
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

static gint64 staff_key (gpointer item) { return mc_staff_get_id (item); }

/* An account disabled: its object notifies "active" and "state-label",
 * no row is told; an account created: one row inserted where the sort
 * (department, name) puts it. */
static void
test_accounts (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(McAccounts) accounts = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(McStaff) admin = NULL;
  g_autoptr(McStaff) shown = NULL;
  guint active_notified = 0, state_notified = 0;
  McStaff *duc = NULL;
  Listener *l;
  Change c;

  mc_test_install_routing (db);
  accounts = mc_accounts_new (db);
  g_assert_true (mc_accounts_create_first_admin (accounts, "admin", "Quản trị", "matkhau2026", &error));
  admin = mc_accounts_sign_in (accounts, "admin", "matkhau2026", &error);
  g_assert_no_error (error);
  model = mc_accounts_list_model (accounts, &error);
  g_assert_no_error (error);
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);
  l = listen (model, staff_key);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (mc_staff_get_username (mc_object_list_peek (MC_OBJECT_LIST (model), i)), "cv.duc") == 0)
      duc = mc_object_list_peek (MC_OBJECT_LIST (model), i);
  g_assert_cmpstr (mc_staff_get_username (duc), ==, "cv.duc");
  g_assert_true (mc_staff_get_active (duc));
  g_signal_connect (duc, "notify::active", G_CALLBACK (notified_cb), &active_notified);
  g_signal_connect (duc, "notify::state-label", G_CALLBACK (notified_cb), &state_notified);

  g_assert_true (mc_accounts_update (accounts, "cv.duc", mc_staff_get_full_name (duc), mc_staff_get_title (duc),
                                     mc_staff_get_department_code (duc), mc_staff_get_roles (duc), FALSE, &error));
  g_assert_no_error (error);
  drain ();
  g_assert_cmpuint (l->changes->len, ==, 0);
  g_assert_cmpuint (active_notified, ==, 1);
  g_assert_cmpuint (state_notified, ==, 1);
  g_assert_false (mc_staff_get_active (duc));
  {
    g_autofree char *state = mc_staff_dup_state_label (duc);
    g_assert_cmpstr (state, ==, g_dgettext (GETTEXT_PACKAGE, "Disabled"));
  }

  g_assert_true (mc_accounts_create (accounts, "cv.moi", "An Văn Mới", "Công chức", "KT", MC_ROLE_SPECIALIST,
                                     "chuyenvien9", &error));
  g_assert_no_error (error);
  drain ();
  g_assert_cmpuint (l->changes->len, ==, 1);
  c = g_array_index (l->changes, Change, 0);
  g_assert_cmpuint (c.removed, ==, 0);
  g_assert_cmpuint (c.added, ==, 1);
  shown = g_list_model_get_item (model, c.position);
  g_assert_cmpstr (mc_staff_get_username (shown), ==, "cv.moi");
  assert_mirrors (l, model);
  listener_free (l);
}

static gint64 entry_key (gpointer item) { return mc_audit_entry_get_id (item); }

/* The trail capped at 5 rows: a write adds its rows at the top and drops as
 * many at the bottom, in two exact items-changed; the rows kept are the
 * same objects. */
static void
test_audit (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(McAccounts) accounts = mc_accounts_new (db);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(McStaff) admin = NULL;
  McAuditEntry *kept;
  Listener *l;
  Change c;

  g_assert_true (mc_accounts_create_first_admin (accounts, "admin", "Quản trị", "matkhau2026", &error));
  admin = mc_accounts_sign_in (accounts, "admin", "matkhau2026", &error);
  g_assert_no_error (error);
  model = mc_audit_list_model (db, NULL, NULL, 0, 0, 5, &error);
  g_assert_no_error (error);
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  kept = mc_object_list_peek (MC_OBJECT_LIST (model), 0);
  l = listen (model, entry_key);

  g_assert_true (mc_audit_append (db, "export.register", "dossier", 0, "Sổ theo dõi", &error));
  g_assert_no_error (error);
  drain ();
  g_assert_cmpuint (l->changes->len, ==, 2);
  c = g_array_index (l->changes, Change, 0);  /* the oldest shown leaves */
  g_assert_cmpuint (c.position, ==, 4);
  g_assert_cmpuint (c.removed, ==, 1);
  g_assert_cmpuint (c.added, ==, 0);
  c = g_array_index (l->changes, Change, 1);  /* the new row at the top */
  g_assert_cmpuint (c.position, ==, 0);
  g_assert_cmpuint (c.removed, ==, 0);
  g_assert_cmpuint (c.added, ==, 1);
  g_assert_cmpstr (mc_audit_entry_get_action (mc_object_list_peek (MC_OBJECT_LIST (model), 0)), ==,
                   "export.register");
  g_assert_true (mc_object_list_peek (MC_OBJECT_LIST (model), 1) == kept);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  assert_mirrors (l, model);

  /* Another process's commit (MC_CHANGE_ALL): the page read again, nothing
   * differs, nothing told. */
  g_array_set_size (l->changes, 0);
  mc_changes_emit (mc_db_get_changes (db), MC_CHANGE_ALL, 0);
  drain ();
  g_assert_cmpuint (l->changes->len, ==, 0);
  listener_free (l);
}

/* One McUnit for the own unit and the others: read with its parent's name,
 * written back validated (a bad code changes nothing). */
static void
test_units (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(McUnit) own = NULL;
  g_autoptr(McUnit) again = NULL;
  g_autoptr(GPtrArray) others = NULL;
  McUnit *police = NULL;
  guint notified = 0;

  mc_test_install_routing (db);
  g_assert_true (mc_db_exec (db, "INSERT INTO unit (code, name, level, relation) VALUES "
                                 "('000.00.00.H56', 'Ủy ban nhân dân tỉnh Khánh Hòa', 'tinh', 'external'); "
                                 "UPDATE unit SET parent_id = (SELECT id FROM unit WHERE code = '000.00.00.H56'), place_name = 'Phú Sơn', "
                                 "phone = '0258 3822 123' WHERE relation = 'self'", &error));
  g_assert_no_error (error);
  own = mc_unit_get_own (db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_unit_get_code (own), ==, "000.00.06.H56");
  g_assert_cmpstr (mc_unit_get_relation (own), ==, "self");
  g_assert_cmpstr (mc_unit_get_parent_name (own), ==, "Ủy ban nhân dân tỉnh Khánh Hòa");
  g_assert_cmpstr (mc_unit_get_place_name (own), ==, "Phú Sơn");
  g_assert_cmpstr (mc_unit_get_phone (own), ==, "0258 3822 123");

  others = mc_unit_list_others (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < others->len; i++)
    if (g_strcmp0 (mc_unit_get_code (others->pdata[i]), "000.30.06.H56") == 0)
      police = others->pdata[i];
  g_assert_nonnull (police);
  g_assert_cmpstr (mc_unit_get_name (police), ==, "Công an phường Phú Sơn");
  g_assert_cmpstr (mc_unit_get_relation (police), ==, "external");
  g_assert_cmpstr (mc_unit_get_level (police), ==, "xa");
  for (guint i = 0; i < others->len; i++)
    g_assert_cmpstr (mc_unit_get_relation (others->pdata[i]), !=, "self");

  g_signal_connect (own, "notify::place-name", G_CALLBACK (notified_cb), &notified);
  g_object_set (own, "place-name", "Phú Sơn", NULL);  /* the same: not told */
  g_object_set (own, "code", "000.00.06 H56", "place-name", "Nha Trang", NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (mc_unit_set_own (db, own, &error));
  g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID);
  g_clear_error (&error);
  again = mc_unit_get_own (db, &error);
  g_assert_cmpstr (mc_unit_get_place_name (again), ==, "Phú Sơn");
  g_clear_object (&again);
  g_object_set (own, "code", "000.00.06.H56", NULL);
  g_assert_true (mc_unit_set_own (db, own, &error));
  g_assert_no_error (error);
  again = mc_unit_get_own (db, &error);
  g_assert_cmpstr (mc_unit_get_place_name (again), ==, "Nha Trang");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/models/sync", test_sync);
  g_test_add_func ("/models/catalog", test_catalog);
  g_test_add_func ("/models/accounts", test_accounts);
  g_test_add_func ("/models/audit", test_audit);
  g_test_add_func ("/models/units", test_units);
  return g_test_run ();
}
