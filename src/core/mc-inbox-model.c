/* mc-inbox-model.c — Xử lý hồ sơ as a list model: the dossiers a department or a person holds
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An inbox is what one department or one person holds: tens or hundreds of
 * dossiers — but all departments' at a million dossiers are tens of
 * thousands (28,726 open in the issue 15 database). The model holds the
 * most urgent `limit` (500 unless told) and counts the whole inbox
 * (mc_workflow_inbox_first reads only the lateness columns of the others),
 * and the view gets only the difference; a change that names its dossier
 * (McChanges' id) reads only that dossier's line and puts it in its place
 * while the inbox is not full (refresh_line).
 * The counts ("n-overdue", …) are properties, so the page's summary and the
 * sidebar's badge follow them.
 */
#include "config.h"

#include <string.h>

#include "mc-changes.h"
#include "mc-inbox-model.h"
#include "mc-keyed-rows.h"

struct _McInboxModel
{
  GObject        parent_instance;

  McWorkflow    *workflow;
  GPtrArray     *rows;          /* McDossier* */
  gint64         department_id;
  char          *username;
  guint          limit;
  McInboxCounts  counts;
  gulong         changed_id;
};

static void mc_inbox_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (McInboxModel, mc_inbox_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, mc_inbox_model_list_model_init))

enum { PROP_0, PROP_N_ITEMS, PROP_N_OVERDUE, PROP_N_STEP_LATE, PROP_N_SOON, N_PROPS };
static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return MC_TYPE_DOSSIER;
}

static guint
get_n_items (GListModel *model)
{
  return MC_INBOX_MODEL (model)->rows->len;
}

static gpointer
get_item (GListModel *model, guint position)
{
  GPtrArray *rows = MC_INBOX_MODEL (model)->rows;

  return position < rows->len ? g_object_ref (rows->pdata[position]) : NULL;
}

static void
mc_inbox_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static McTime
due_key (McDossier *dossier)
{
  McTime step_due, due;

  g_object_get (dossier, "step-due-at", &step_due, "due-at", &due, NULL);
  return step_due ? step_due : due;
}

/* The inbox's ORDER BY (mc-workflow-records.c, inbox_rows): the step's due
 * time, else the appointment; then the row id. */
static int
inbox_order (gconstpointer a, gconstpointer b)
{
  McTime ka = due_key ((McDossier *) a), kb = due_key ((McDossier *) b);
  gint64 ia = mc_dossier_row_key ((gpointer) a), ib = mc_dossier_row_key ((gpointer) b);

  if (ka != kb)
    return ka < kb ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

static void refresh_counts (McInboxModel *self);

/* A change of one dossier: its line read again (one row, by its id), put
 * in its place, inserted or removed, while the inbox holds fewer than
 * `limit`: then it shows every dossier of the inbox and the counts are the
 * rows' sums. A full inbox reads its window and its counts again
 * (mc_inbox_model_refresh): a line may fall beyond the `limit`th or leave
 * room for the next one, and a dossier not shown may be counted. */
static gboolean
refresh_line (McInboxModel *self, gint64 dossier_id, GError **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(McDossier) fresh = NULL;

  if (self->rows->len >= self->limit)
    return mc_inbox_model_refresh (self, 0, error);
  items = mc_workflow_inbox_line (self->workflow, self->department_id, self->username, dossier_id,
                                  mc_time_now (), error);
  if (items == NULL)
    return FALSE;
  if (items->len > 0)
    fresh = mc_work_item_to_dossier (items->pdata[0]);
  mc_keyed_rows_put (G_LIST_MODEL (self), self->rows, dossier_id, fresh, inbox_order, mc_dossier_row_key, mc_dossier_row_update);
  refresh_counts (self);
  return TRUE;
}

/* What the inbox shows: the dossiers, who holds them, the apologies' new
 * appointments, the working days of the calendar, the settings of lateness.
 * Only a dossier's own change names the one line it touches; the others
 * (and another process's commits, told as MC_CHANGE_ALL with no id) may
 * touch any line: the whole inbox is read and merged. */
static void
changed_cb (McChanges *changes, McChangeKind kind, gint64 id, McInboxModel *self)
{
  static const McChangeKind shown[] = { MC_CHANGE_DOSSIER, MC_CHANGE_STAFF, MC_CHANGE_APOLOGY,
                                        MC_CHANGE_CALENDAR, MC_CHANGE_SETTING };
  g_autoptr(GError) error = NULL;

  if (kind == MC_CHANGE_DOSSIER && id > 0)
    {
      if (!refresh_line (self, id, &error))
        g_warning ("%s", error->message);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    if (mc_change_kind_matches (kind, shown[i]))
      {
        if (!mc_inbox_model_refresh (self, 0, &error))
          g_warning ("%s", error->message);
        return;
      }
}

static void
set_counts (McInboxModel *self, const McInboxCounts *counts)
{
  McInboxCounts old = self->counts;

  self->counts = *counts;
  g_object_freeze_notify (G_OBJECT (self));
  if (old.total != counts->total)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (old.overdue != counts->overdue)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OVERDUE]);
  if (old.step_late != counts->step_late)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_STEP_LATE]);
  if (old.soon != counts->soon)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SOON]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* The same sums as mc_workflow_count_inbox, on the rows shown: the whole
 * inbox's while it holds fewer than `limit` (refresh_line's only use). */
static void
refresh_counts (McInboxModel *self)
{
  McInboxCounts counts = { 0 };

  for (guint i = 0; i < self->rows->len; i++)
    {
      McLateness lateness, step_lateness;

      g_object_get (self->rows->pdata[i], "lateness", &lateness, "step-lateness", &step_lateness, NULL);
      counts.total++;
      counts.overdue += lateness == MC_LATENESS_OVERDUE;
      counts.step_late += step_lateness == MC_LATENESS_STEP_LATE;
      counts.soon += lateness == MC_LATENESS_SOON || step_lateness == MC_LATENESS_SOON;
    }
  set_counts (self, &counts);
}

gboolean
mc_inbox_model_refresh (McInboxModel *self, McTime now, GError **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  McInboxCounts counts;

  g_return_val_if_fail (MC_IS_INBOX_MODEL (self), FALSE);

  items = mc_workflow_inbox_first (self->workflow, self->department_id, self->username,
                                   now ? now : mc_time_now (), self->limit, &counts, error);
  if (items == NULL)
    return FALSE;
  fresh = mc_work_items_to_dossiers (items);
  mc_keyed_rows_merge (G_LIST_MODEL (self), self->rows, fresh, mc_dossier_row_key, mc_dossier_row_update);
  set_counts (self, &counts);
  return TRUE;
}

static void
mc_inbox_model_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McInboxModel *self = MC_INBOX_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS: g_value_set_uint (value, self->rows->len); break;
    case PROP_N_OVERDUE: g_value_set_uint (value, self->counts.overdue); break;
    case PROP_N_STEP_LATE: g_value_set_uint (value, self->counts.step_late); break;
    case PROP_N_SOON: g_value_set_uint (value, self->counts.soon); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_inbox_model_dispose (GObject *object)
{
  McInboxModel *self = MC_INBOX_MODEL (object);

  if (self->workflow != NULL)
    g_clear_signal_handler (&self->changed_id, mc_db_get_changes (mc_workflow_get_db (self->workflow)));
  g_clear_object (&self->workflow);
  G_OBJECT_CLASS (mc_inbox_model_parent_class)->dispose (object);
}

static void
mc_inbox_model_finalize (GObject *object)
{
  McInboxModel *self = MC_INBOX_MODEL (object);

  g_ptr_array_unref (self->rows);
  g_free (self->username);
  G_OBJECT_CLASS (mc_inbox_model_parent_class)->finalize (object);
}

static GParamSpec *
count_pspec (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
mc_inbox_model_class_init (McInboxModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = mc_inbox_model_get_property;
  object_class->dispose = mc_inbox_model_dispose;
  object_class->finalize = mc_inbox_model_finalize;
  properties[PROP_N_ITEMS] = count_pspec ("n-items");
  properties[PROP_N_OVERDUE] = count_pspec ("n-overdue");        /* quá hạn */
  properties[PROP_N_STEP_LATE] = count_pspec ("n-step-late");    /* chậm tiến độ */
  properties[PROP_N_SOON] = count_pspec ("n-soon");              /* sắp đến hạn */
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_inbox_model_init (McInboxModel *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->limit = MC_INBOX_MODEL_LIMIT;
}

McInboxModel *
mc_inbox_model_new (McWorkflow *workflow)
{
  McInboxModel *self;

  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);

  self = g_object_new (MC_TYPE_INBOX_MODEL, NULL);
  self->workflow = g_object_ref (workflow);
  self->changed_id = g_signal_connect (mc_db_get_changes (mc_workflow_get_db (workflow)), "changed",
                                       G_CALLBACK (changed_cb), self);
  return self;
}

void
mc_inbox_model_set_filter (McInboxModel *self, gint64 department_id, const char *username)
{
  g_return_if_fail (MC_IS_INBOX_MODEL (self));

  self->department_id = department_id;
  g_free (self->username);
  self->username = username && *username ? g_strdup (username) : NULL;
}

void
mc_inbox_model_set_limit (McInboxModel *self, guint limit)
{
  g_return_if_fail (MC_IS_INBOX_MODEL (self));
  g_return_if_fail (limit > 0);

  self->limit = limit;
}

void
mc_inbox_model_get_counts (McInboxModel *self, McInboxCounts *counts)
{
  g_return_if_fail (MC_IS_INBOX_MODEL (self));

  *counts = self->counts;
}

guint
mc_inbox_model_find (McInboxModel *self, const char *code)
{
  g_return_val_if_fail (MC_IS_INBOX_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_strcmp0 (mc_dossier_get_code (self->rows->pdata[i]), code) == 0)
      return i;
  return G_MAXUINT;
}
