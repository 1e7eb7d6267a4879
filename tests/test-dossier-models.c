/* test-dossier-models.c — McDossier's properties; the inbox and return-desk models' exact items-changed
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-db-sqlite-private.h"
#include "mc-inbox-model.h"
#include "mc-keyed-rows.h"
#include "mc-return-model.h"
#include "mc-test-utils.h"

/* Đăng ký khai sinh: TTPV → VP → VP. */
#define BIRTH "1.001193"

typedef McTestRouting Fixture;

/* One "items-changed" as the model told it. */
typedef struct {
  guint position, removed, added;
} Change;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  mc_test_routing_set_up (f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  mc_test_routing_tear_down (f);
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, GArray *changes)
{
  Change c = { position, removed, added };

  g_array_append_val (changes, c);
}

static GArray *
record (gpointer model)
{
  GArray *changes = g_array_new (FALSE, TRUE, sizeof (Change));

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), changes);
  return changes;
}

static void
assert_change (GArray *changes, guint i, guint position, guint removed, guint added)
{
  g_assert_cmpuint (changes->len, >, i);
  g_assert_cmpuint (g_array_index (changes, Change, i).position, ==, position);
  g_assert_cmpuint (g_array_index (changes, Change, i).removed, ==, removed);
  g_assert_cmpuint (g_array_index (changes, Change, i).added, ==, added);
}

static char *
receive (Fixture *f, const char *at)
{
  g_autoptr(GError) error = NULL;
  char *code = mc_test_receive (f->store, BIRTH, "Nguyễn Văn An", at, &error);

  g_assert_no_error (error);
  return code;
}

static gint64
department (Fixture *f, const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM department WHERE code = '%s'", code);

  return mc_db_query_int (f->db, sql, NULL);
}

static const char *
code_at (gpointer model, guint position)
{
  g_autoptr(McDossier) dossier = g_list_model_get_item (G_LIST_MODEL (model), position);

  return mc_dossier_get_code (dossier);  /* the model keeps it */
}

static void
count_notify_cb (GObject *object, GParamSpec *pspec, GHashTable *told)
{
  g_hash_table_add (told, (gpointer) g_param_spec_get_name (pspec));
}

/* Properties: read as the fields, typed (the state an McDossierState), and
 * update_from tells exactly the properties whose value changed. */
static void
test_properties (void)
{
  g_autoptr(McDossier) a = mc_dossier_new ();
  g_autoptr(McDossier) b = mc_dossier_new ();
  g_autoptr(GHashTable) told = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *code = NULL;
  McDossierState state;
  McTime due;

  g_object_set (a, "code", "H56.22-260302-0001", "state", MC_STATE_PROCESSING, "due-at", (gint64) 1000, NULL);
  g_assert_cmpstr (mc_dossier_get_data (a)->state, ==, "processing");
  g_object_get (a, "code", &code, "state", &state, "due-at", &due, NULL);
  g_assert_cmpstr (code, ==, "H56.22-260302-0001");
  g_assert_cmpint (state, ==, MC_STATE_PROCESSING);
  g_assert_cmpint (due, ==, 1000);
  g_object_set (b, "code", "H56.22-260302-0001", "state", MC_STATE_PAUSED, "due-at", (gint64) 1000,
                "pause-kind", "supplement", NULL);
  g_signal_connect (a, "notify", G_CALLBACK (count_notify_cb), told);
  mc_dossier_update_from (a, b);
  g_assert_cmpuint (g_hash_table_size (told), ==, 3);
  g_assert_true (g_hash_table_contains (told, "state"));
  g_assert_true (g_hash_table_contains (told, "pause-kind"));
  g_assert_true (g_hash_table_contains (told, "state-label"));
  g_assert_cmpstr (mc_dossier_get_data (a)->state, ==, "paused");
  /* The same values again: nothing is told. */
  g_hash_table_remove_all (told);
  mc_dossier_update_from (a, b);
  g_object_set (a, "due-at", (gint64) 1000, NULL);
  g_assert_cmpuint (g_hash_table_size (told), ==, 0);
}

/* A dossier whose row id is its letter's code. */
static McDossier *
coded (const char *code)
{
  McDossier *dossier = mc_dossier_new ();

  g_object_set (dossier, "code", code, "id", (gint64) code[0], NULL);
  return dossier;
}

static GPtrArray *
dossiers (const char *codes)
{
  g_auto(GStrv) list = g_strsplit (codes, " ", -1);
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; list[i] != NULL; i++)
    g_ptr_array_add (array, coded (list[i]));
  return array;
}

/* The merge on its own: A B C D read again as D A C E. B gone: one removal;
 * D moved to the top: a removal and an insertion of the same object; E new:
 * one insertion; A and C stay the same objects, told nothing. */
static void
test_merge_moves (void)
{
  g_autoptr(GListStore) model = g_list_store_new (MC_TYPE_DOSSIER);  /* only its signal is used */
  g_autoptr(GPtrArray) rows = dossiers ("A B C D");
  g_autoptr(GPtrArray) fresh = dossiers ("D A C E");
  g_autoptr(GArray) changes = record (model);
  gpointer a = rows->pdata[0], c = rows->pdata[2], d = rows->pdata[3];

  mc_keyed_rows_merge (G_LIST_MODEL (model), rows, fresh, mc_dossier_row_key, mc_dossier_row_update);
  g_assert_cmpuint (changes->len, ==, 4);
  assert_change (changes, 0, 1, 1, 0);
  assert_change (changes, 1, 2, 1, 0);
  assert_change (changes, 2, 0, 0, 1);
  assert_change (changes, 3, 3, 0, 1);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_true (rows->pdata[0] == d);
  g_assert_true (rows->pdata[1] == a);
  g_assert_true (rows->pdata[2] == c);
  g_assert_true (rows->pdata[3] == fresh->pdata[3]);
}

/* What the models read while a change is told: statements run and rows
 * they returned (SQLite's trace on the test's connection). */
typedef struct {
  guint statements, rows;
} Reads;

static int
trace_cb (unsigned kind, void *data, void *statement, void *sql)
{
  Reads *reads = data;

  if (kind == SQLITE_TRACE_STMT && !g_str_has_prefix (sql, "--"))
    reads->statements++;
  else if (kind == SQLITE_TRACE_ROW)
    reads->rows++;
  return 0;
}

/* Counts what the models read from now on (reads) or stops counting (NULL).
 * The count is SQLite's trace on the test's connection; a server has no such
 * hook in the client, so on PostgreSQL only the models' items-changed are
 * asserted (assert_reads does nothing there). */
static void
trace_reads (Fixture *f, Reads *reads)
{
  if (mc_test_on_pg ())
    return;
  if (reads != NULL)
    sqlite3_trace_v2 (mc_db_get_handle (f->db), SQLITE_TRACE_STMT | SQLITE_TRACE_ROW, trace_cb, reads);
  else
    sqlite3_trace_v2 (mc_db_get_handle (f->db), 0, NULL, NULL);
}

#define assert_reads(count, n) \
  G_STMT_START { if (!mc_test_on_pg ()) g_assert_cmpuint ((count), ==, (n)); } G_STMT_END

static void
transfer (Fixture *f, const char *code, const char *at)
{
  g_autoptr(GError) error = NULL;
  McAction a = mc_test_action (at, "tn.lan", NULL);

  g_assert_true (mc_workflow_transfer (f->wf, code, &a, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A change that names its dossier (McChanges' id) reads that dossier's
 * line only — one statement per model, one row where the dossier is — and
 * tells one removal or one insertion at its place in the order; a commit of
 * another process (MC_CHANGE_ALL, no id) reads the inboxes whole and, as
 * nothing moved, tells nothing. Five dossiers at the counter go to the
 * office (VP) in the order 1, 5, 3: the third lands between the others. */
static void
test_inbox_one_line (Fixture *f, gconstpointer data)
{
  static const char *const times[] = { "2026-03-02 08:00", "2026-03-02 08:10", "2026-03-02 08:20",
                                       "2026-03-02 08:30", "2026-03-02 08:40" };
  g_auto(GStrv) codes = g_new0 (char *, G_N_ELEMENTS (times) + 1);
  g_autoptr(McInboxModel) counter = mc_inbox_model_new (f->wf);
  g_autoptr(McInboxModel) office = mc_inbox_model_new (f->wf);
  g_autoptr(GArray) counter_changes = NULL;
  g_autoptr(GArray) office_changes = NULL;
  g_autoptr(GError) error = NULL;
  Reads reads = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    codes[i] = receive (f, times[i]);
  mc_inbox_model_set_filter (counter, department (f, "TTPV"), NULL);
  mc_inbox_model_set_filter (office, department (f, "VP"), NULL);
  g_assert_true (mc_inbox_model_refresh (counter, 0, &error));
  g_assert_true (mc_inbox_model_refresh (office, 0, &error));
  drain ();
  counter_changes = record (counter);
  office_changes = record (office);
  trace_reads (f, &reads);

  transfer (f, codes[0], "2026-03-02 09:00");
  reads = (Reads) { 0 };
  drain ();
  assert_reads (reads.statements, 2);
  assert_reads (reads.rows, 1);
  g_assert_cmpuint (counter_changes->len, ==, 1);
  assert_change (counter_changes, 0, 0, 1, 0);
  g_assert_cmpuint (office_changes->len, ==, 1);
  assert_change (office_changes, 0, 0, 0, 1);

  transfer (f, codes[4], "2026-03-02 09:20");
  reads = (Reads) { 0 };
  drain ();
  assert_reads (reads.rows, 1);
  assert_change (counter_changes, 1, 3, 1, 0);
  assert_change (office_changes, 1, 1, 0, 1);

  /* Handed over between the two: its step is due between theirs. */
  transfer (f, codes[2], "2026-03-02 09:10");
  reads = (Reads) { 0 };
  drain ();
  assert_reads (reads.statements, 2);
  assert_reads (reads.rows, 1);
  g_assert_cmpuint (counter_changes->len, ==, 3);
  assert_change (counter_changes, 2, 1, 1, 0);
  g_assert_cmpuint (office_changes->len, ==, 3);
  assert_change (office_changes, 2, 1, 0, 1);
  g_assert_cmpstr (code_at (office, 0), ==, codes[0]);
  g_assert_cmpstr (code_at (office, 1), ==, codes[2]);
  g_assert_cmpstr (code_at (office, 2), ==, codes[4]);
  g_assert_cmpstr (code_at (counter, 0), ==, codes[1]);
  g_assert_cmpstr (code_at (counter, 1), ==, codes[3]);

  /* Another process committed: no id, so each inbox is read whole, in
   * mc_workflow_inbox_first's passes: its counts from open_due (migration
   * 0031: the last reception, then one row of sums; 2 + 2 rows, whatever
   * the inbox's size), then the rows it shows in its order (2 + 3);
   * nothing moved, nothing is told. */
  mc_changes_emit (mc_db_get_changes (f->db), MC_CHANGE_ALL, 0);
  reads = (Reads) { 0 };
  drain ();
  assert_reads (reads.rows, 9);
  g_assert_cmpuint (counter_changes->len, ==, 3);
  g_assert_cmpuint (office_changes->len, ==, 3);
  trace_reads (f, NULL);
}

/* Three dossiers at the counter (TTPV); the middle one transferred to the
 * next step: the counter's inbox removes exactly that row, the next
 * department's inbox inserts exactly one, told after the commit through
 * McChanges with no refresh asked. */
static void
test_inbox_transfer (Fixture *f, gconstpointer data)
{
  g_autofree char *first = receive (f, "2026-03-02 08:00");
  g_autofree char *second = receive (f, "2026-03-02 08:10");
  g_autofree char *third = receive (f, "2026-03-02 08:20");
  g_autoptr(McInboxModel) counter = mc_inbox_model_new (f->wf);
  g_autoptr(McInboxModel) office = mc_inbox_model_new (f->wf);
  g_autoptr(GArray) counter_changes = NULL;
  g_autoptr(GArray) office_changes = NULL;
  g_autoptr(McDossier) kept = NULL;
  g_autoptr(GError) error = NULL;
  McAction a = mc_test_action ("2026-03-02 09:00", "tn.lan", NULL);
  McInboxCounts counts;

  mc_inbox_model_set_filter (counter, department (f, "TTPV"), NULL);
  mc_inbox_model_set_filter (office, department (f, "VP"), NULL);
  g_assert_true (mc_inbox_model_refresh (counter, 0, &error));
  g_assert_true (mc_inbox_model_refresh (office, 0, &error));
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (counter)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (office)), ==, 0);
  g_assert_cmpuint (mc_inbox_model_find (counter, second), ==, 1);
  kept = g_list_model_get_item (G_LIST_MODEL (counter), 2);
  counter_changes = record (counter);
  office_changes = record (office);

  g_assert_true (mc_workflow_transfer (f->wf, second, &a, NULL, NULL, &error));
  g_assert_no_error (error);
  drain ();
  g_assert_cmpuint (counter_changes->len, ==, 1);
  assert_change (counter_changes, 0, 1, 1, 0);
  g_assert_cmpstr (code_at (counter, 0), ==, first);
  g_assert_cmpstr (code_at (counter, 1), ==, third);
  /* The dossier that stayed is the same object: its row is not rebuilt. */
  {
    g_autoptr(McDossier) now = g_list_model_get_item (G_LIST_MODEL (counter), 1);
    g_assert_true (now == kept);
  }
  g_assert_cmpuint (office_changes->len, ==, 1);
  assert_change (office_changes, 0, 0, 0, 1);
  g_assert_cmpstr (code_at (office, 0), ==, second);
  mc_inbox_model_get_counts (counter, &counts);
  g_assert_cmpuint (counts.total, ==, 2);

  /* A new dossier at the counter: one insertion, at its place (the last, due latest). */
  {
    g_autofree char *fourth = receive (f, "2026-03-02 08:30");
    drain ();
    g_assert_cmpuint (counter_changes->len, ==, 2);
    assert_change (counter_changes, 1, 2, 0, 1);
    g_assert_cmpstr (code_at (counter, 2), ==, fourth);
    g_assert_cmpuint (office_changes->len, ==, 1);
  }

  /* Another department chosen (none of its dossiers here): the rows go in
   * one signal, and come back in one. */
  mc_inbox_model_set_filter (counter, department (f, "KT"), NULL);
  g_assert_true (mc_inbox_model_refresh (counter, 0, &error));
  g_assert_cmpuint (counter_changes->len, ==, 3);
  assert_change (counter_changes, 2, 0, 3, 0);
  mc_inbox_model_set_filter (counter, department (f, "TTPV"), NULL);
  g_assert_true (mc_inbox_model_refresh (counter, 0, &error));
  g_assert_cmpuint (counter_changes->len, ==, 4);
  assert_change (counter_changes, 3, 0, 0, 3);
}

/* A pause and its end move the appointment: the row's object tells its
 * "due-at" and its state's words change, and the list itself is untouched. */
static void
test_inbox_due_date (Fixture *f, gconstpointer data)
{
  g_autofree char *code = receive (f, "2026-03-02 08:00");
  g_autoptr(McInboxModel) inbox = mc_inbox_model_new (f->wf);
  g_autoptr(GHashTable) told = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) changes = NULL;
  g_autoptr(McDossier) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  McAction a = mc_test_action ("2026-03-02 09:00", "tn.lan", NULL);
  McTime due_before, due_after;

  g_assert_true (mc_workflow_transfer (f->wf, code, &a, NULL, NULL, &error));
  g_assert_true (mc_inbox_model_refresh (inbox, 0, &error));
  drain ();
  row = g_list_model_get_item (G_LIST_MODEL (inbox), 0);
  g_assert_nonnull (row);
  g_object_get (row, "due-at", &due_before, NULL);
  changes = record (inbox);
  g_signal_connect (row, "notify", G_CALLBACK (count_notify_cb), told);

  a = mc_test_action ("2026-03-02 09:30", "pct.nga", "Thiếu giấy chứng sinh bản chính");
  g_assert_true (mc_workflow_pause (f->wf, code, &a, MC_PAUSE_SUPPLEMENT, &error));
  g_assert_no_error (error);
  drain ();
  g_assert_true (g_hash_table_contains (told, "state"));
  g_object_get (row, "state-label", &label, NULL);
  g_assert_cmpstr (label, ==, "Tạm dừng: chờ bổ sung");
  g_hash_table_remove_all (told);

  a = mc_test_action ("2026-03-04 09:30", "pct.nga", NULL);
  g_assert_true (mc_workflow_resume (f->wf, code, &a, &error));
  g_assert_no_error (error);
  drain ();
  g_object_get (row, "due-at", &due_after, NULL);
  g_assert_cmpint (due_after, >, due_before);
  g_assert_true (g_hash_table_contains (told, "due-at"));
  g_assert_false (g_hash_table_contains (told, "code"));
  g_assert_false (g_hash_table_contains (told, "applicant-name"));
  g_assert_cmpuint (changes->len, ==, 0);
}

/* The return desk: a result recorded inserts one row, the result handed
 * over removes that one row, the others stay the same objects. */
static void
test_return_desk (Fixture *f, gconstpointer data)
{
  g_autofree char *first = receive (f, "2026-03-02 08:00");
  g_autofree char *second = receive (f, "2026-03-02 08:10");
  g_autoptr(McReturnModel) desk = mc_return_model_new (f->wf);
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  Reads reads = { 0 };
  McAction a;

  g_assert_true (mc_return_model_refresh (desk, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (desk)), ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      a = mc_test_action (i == 0 ? "2026-03-02 09:00" : "2026-03-02 09:10", "tn.lan", NULL);
      g_assert_true (mc_workflow_transfer (f->wf, i == 0 ? first : second, &a, NULL, NULL, &error));
      a.at += 600;
      a.username = "pct.nga";
      g_assert_true (mc_workflow_finish (f->wf, i == 0 ? first : second, &a, "12/QĐ", NULL, &error));
      g_assert_no_error (error);
    }
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (desk)), ==, 2);
  g_assert_cmpuint (mc_return_model_find (desk, second), ==, 1);
  changes = record (desk);
  a = mc_test_action ("2026-03-03 09:00", "tn.lan", NULL);
  g_assert_true (mc_workflow_return (f->wf, first, &a, "Nguyễn Văn An", "038085012345", NULL,
                                     MC_CHANNEL_TRUC_TIEP, &error));
  g_assert_no_error (error);
  /* The change names the dossier: its line alone is asked, and it is no
   * longer waiting (no row), so its row goes. */
  trace_reads (f, &reads);
  drain ();
  trace_reads (f, NULL);
  assert_reads (reads.statements, 1);
  assert_reads (reads.rows, 0);
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, 0, 1, 0);
  g_assert_cmpstr (code_at (desk, 0), ==, second);
  /* A search keeps to its matches: the one left matches its own code. */
  mc_return_model_set_query (desk, "không có ai");
  g_assert_true (mc_return_model_refresh (desk, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (desk)), ==, 0);
  assert_change (changes, 1, 0, 1, 0);
}

/* A capped inbox (issue 15: all departments' hold tens of thousands at a
 * million dossiers) holds the most urgent `limit`, counts the whole inbox
 * as mc_workflow_count_inbox does, and when one leaves the next comes in
 * at the end, exactly. */
static void
test_inbox_capped (Fixture *f, gconstpointer data)
{
  g_autofree char *first = receive (f, "2026-03-02 08:00");
  g_autofree char *second = receive (f, "2026-03-02 08:10");
  g_autofree char *third = receive (f, "2026-03-02 08:20");
  g_autoptr(McInboxModel) counter = mc_inbox_model_new (f->wf);
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  McAction a = mc_test_action ("2026-03-02 09:00", "tn.lan", NULL);
  McInboxCounts counts, whole;

  mc_inbox_model_set_filter (counter, department (f, "TTPV"), NULL);
  mc_inbox_model_set_limit (counter, 2);
  g_assert_true (mc_inbox_model_refresh (counter, 0, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (counter)), ==, 2);
  g_assert_cmpstr (code_at (counter, 0), ==, first);
  g_assert_cmpstr (code_at (counter, 1), ==, second);
  mc_inbox_model_get_counts (counter, &counts);
  g_assert_true (mc_workflow_count_inbox (f->wf, department (f, "TTPV"), NULL, 0, &whole, &error));
  g_assert_cmpuint (counts.total, ==, 3);
  g_assert_cmpuint (whole.total, ==, 3);
  g_assert_cmpuint (counts.soon, ==, whole.soon);
  g_assert_cmpuint (counts.overdue, ==, whole.overdue);
  g_assert_cmpuint (counts.step_late, ==, whole.step_late);

  changes = record (counter);
  g_assert_true (mc_workflow_transfer (f->wf, first, &a, NULL, NULL, &error));
  g_assert_no_error (error);
  drain ();
  g_assert_cmpstr (code_at (counter, 0), ==, second);
  g_assert_cmpstr (code_at (counter, 1), ==, third);
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 0, 0, 1, 0);
  assert_change (changes, 1, 1, 0, 1);
  mc_inbox_model_get_counts (counter, &counts);
  g_assert_cmpuint (counts.total, ==, 2);

  /* A full inbox told of one dossier (McChanges' id) that comes after its
   * window: counted, not inserted — the one-line path respects the cap. The
   * office (VP) holds `first`; `second` is handed to it later. */
  {
    g_autoptr(McInboxModel) office = mc_inbox_model_new (f->wf);
    g_autoptr(GArray) office_changes = NULL;

    mc_inbox_model_set_filter (office, department (f, "VP"), NULL);
    mc_inbox_model_set_limit (office, 1);
    g_assert_true (mc_inbox_model_refresh (office, 0, &error));
    drain ();
    office_changes = record (office);
    transfer (f, second, "2026-03-02 09:10");
    drain ();
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (office)), ==, 1);
    g_assert_cmpstr (code_at (office, 0), ==, first);
    g_assert_cmpuint (office_changes->len, ==, 0);
    mc_inbox_model_get_counts (office, &counts);
    g_assert_true (mc_workflow_count_inbox (f->wf, department (f, "VP"), NULL, 0, &whole, &error));
    g_assert_cmpuint (counts.total, ==, 2);
    g_assert_cmpuint (whole.total, ==, 2);
    g_assert_cmpuint (counts.soon, ==, whole.soon);
    g_assert_cmpuint (counts.overdue, ==, whole.overdue);
  }
}

/* A capped return desk (issue 15: tens of thousands wait at a million
 * dossiers) holds the oldest `limit` and counts all; one handed over
 * removes its row and the next oldest comes in at the end, exactly; a
 * search counts its own matches and finds one beyond the cap. */
static void
test_return_desk_capped (Fixture *f, gconstpointer data)
{
  g_autoptr(McReturnModel) desk = mc_return_model_new (f->wf);
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  char *codes[4];
  McAction a;

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *at = g_strdup_printf ("2026-03-02 08:%02u", 10 * i);
      g_autofree char *done_at = g_strdup_printf ("2026-03-02 10:%02u", 10 * i);

      codes[i] = receive (f, at);
      a = mc_test_action (done_at, "tn.lan", NULL);
      g_assert_true (mc_workflow_transfer (f->wf, codes[i], &a, NULL, NULL, &error));
      a.at += 300;
      a.username = "pct.nga";
      g_assert_true (mc_workflow_finish (f->wf, codes[i], &a, "12/QĐ", NULL, &error));
      g_assert_no_error (error);
    }
  mc_return_model_set_limit (desk, 2);
  g_assert_true (mc_return_model_refresh (desk, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (desk)), ==, 2);
  g_assert_cmpuint (mc_return_model_get_n_matching (desk), ==, 4);
  g_assert_cmpstr (code_at (desk, 0), ==, codes[0]);
  g_assert_cmpstr (code_at (desk, 1), ==, codes[1]);
  g_assert_cmpuint (mc_return_model_find (desk, codes[3]), ==, G_MAXUINT);

  changes = record (desk);
  a = mc_test_action ("2026-03-03 09:00", "tn.lan", NULL);
  g_assert_true (mc_workflow_return (f->wf, codes[0], &a, "Nguyễn Văn An", "038085012345", NULL,
                                     MC_CHANNEL_TRUC_TIEP, &error));
  g_assert_no_error (error);
  drain ();
  g_assert_cmpuint (mc_return_model_get_n_matching (desk), ==, 3);
  g_assert_cmpstr (code_at (desk, 0), ==, codes[1]);
  g_assert_cmpstr (code_at (desk, 1), ==, codes[2]);
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 0, 0, 1, 0);
  assert_change (changes, 1, 1, 0, 1);

  /* A result finished now, beyond the full desk's window: counted, not shown
   * (the one-line path must not insert it past the cap). */
  {
    g_autofree char *late = receive (f, "2026-03-03 08:00");

    a = mc_test_action ("2026-03-03 08:10", "tn.lan", NULL);
    g_assert_true (mc_workflow_transfer (f->wf, late, &a, NULL, NULL, &error));
    a.at += 300;
    a.username = "pct.nga";
    g_assert_true (mc_workflow_finish (f->wf, late, &a, "13/QĐ", NULL, &error));
    g_assert_no_error (error);
    drain ();
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (desk)), ==, 2);
    g_assert_cmpuint (mc_return_model_get_n_matching (desk), ==, 4);
    g_assert_cmpuint (mc_return_model_find (desk, late), ==, G_MAXUINT);
    g_assert_cmpuint (changes->len, ==, 2);
  }

  /* The newest, beyond the cap, by its code. */
  mc_return_model_set_query (desk, codes[3]);
  g_assert_true (mc_return_model_refresh (desk, &error));
  g_assert_cmpuint (mc_return_model_get_n_matching (desk), ==, 1);
  g_assert_cmpuint (mc_return_model_find (desk, codes[3]), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    g_free (codes[i]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  mc_test_use_vietnamese ();
  g_test_add_func ("/dossier-models/properties", test_properties);
  g_test_add_func ("/dossier-models/merge-moves", test_merge_moves);
  g_test_add ("/dossier-models/inbox-capped", Fixture, NULL, fixture_set_up, test_inbox_capped, fixture_tear_down);
  g_test_add ("/dossier-models/return-desk-capped", Fixture, NULL, fixture_set_up, test_return_desk_capped,
              fixture_tear_down);
  g_test_add ("/dossier-models/inbox-transfer", Fixture, NULL, fixture_set_up, test_inbox_transfer,
              fixture_tear_down);
  g_test_add ("/dossier-models/inbox-due-date", Fixture, NULL, fixture_set_up, test_inbox_due_date,
              fixture_tear_down);
  g_test_add ("/dossier-models/inbox-one-line", Fixture, NULL, fixture_set_up, test_inbox_one_line,
              fixture_tear_down);
  g_test_add ("/dossier-models/return-desk", Fixture, NULL, fixture_set_up, test_return_desk,
              fixture_tear_down);
  return g_test_run ();
}
