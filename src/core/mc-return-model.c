/* mc-return-model.c — Trả kết quả as a list model: the results waiting at the counter
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * At a million dossiers tens of thousands of results wait (50,618 in the
 * issue 15 database, 573 ms to read them all at every change): the model
 * holds the oldest `limit` matching the search (200 unless told) and counts
 * them all ("n-matching"); the full list is Danh sách hồ sơ's "chờ trả"
 * filter, paged by key. The view gets only the difference, so a result
 * handed over removes its row, the next one comes at the end, and the
 * clerk's place in the list stays. A change that names its dossier
 * (McChanges' id) reads only that dossier's line while that is enough to
 * keep the window and the count right (refresh_line).
 */
#include "config.h"

#include "mc-changes.h"
#include "mc-keyed-rows.h"
#include "mc-return-model.h"

struct _McReturnModel
{
  GObject     parent_instance;

  McWorkflow *workflow;
  GPtrArray  *rows;   /* McDossier* */
  char       *query;
  guint       limit;
  guint       n_matching;
  gulong      changed_id;
};

static void mc_return_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (McReturnModel, mc_return_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, mc_return_model_list_model_init))

enum { PROP_0, PROP_N_MATCHING, N_PROPS };
static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return MC_TYPE_DOSSIER;
}

static guint
get_n_items (GListModel *model)
{
  return MC_RETURN_MODEL (model)->rows->len;
}

static gpointer
get_item (GListModel *model, guint position)
{
  GPtrArray *rows = MC_RETURN_MODEL (model)->rows;

  return position < rows->len ? g_object_ref (rows->pdata[position]) : NULL;
}

static void
mc_return_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* The desk's ORDER BY (mc-workflow-records.c, ready_rows): the earliest
 * finished first, then the row id. */
static int
ready_order (gconstpointer a, gconstpointer b)
{
  McDossierData *da = mc_dossier_get_data ((McDossier *) a), *db = mc_dossier_get_data ((McDossier *) b);

  if (da->finished_at != db->finished_at)
    return da->finished_at < db->finished_at ? -1 : 1;
  return da->id < db->id ? -1 : da->id > db->id;
}

static void
set_n_matching (McReturnModel *self, guint n_matching)
{
  if (n_matching == self->n_matching)
    return;
  self->n_matching = n_matching;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHING]);
}

/* A change of one dossier: its line read again (one row, by its id). While
 * the desk holds every match (fewer than `limit` rows), the line goes where
 * it sorts and the count is the rows'. A full desk takes the line alone only
 * for a row it shows that stays within its window; a row leaving a full desk
 * (whose place the next one takes), one that sorts beyond the last shown, or
 * one not shown (which may be a counted one beyond the cap) makes it read
 * its window again: at most `limit` rows and the count. */
static gboolean
refresh_line (McReturnModel *self, gint64 dossier_id, GError **error)
{
  g_autoptr(GPtrArray) items = mc_workflow_ready_line (self->workflow, self->query, dossier_id, error);
  g_autoptr(McDossier) fresh = NULL;
  gboolean full = self->rows->len >= self->limit;

  if (items == NULL)
    return FALSE;
  if (items->len > 0)
    fresh = mc_work_item_to_dossier (items->pdata[0]);
  if (full
      && (fresh == NULL || mc_keyed_rows_find (self->rows, mc_dossier_row_key, dossier_id) < 0
          || ready_order (fresh, self->rows->pdata[self->rows->len - 1]) > 0))
    return mc_return_model_refresh (self, error);
  mc_keyed_rows_put (G_LIST_MODEL (self), self->rows, dossier_id, fresh, ready_order, mc_dossier_row_key, mc_dossier_row_update);
  if (!full)   /* every match was shown: one more or one fewer at most */
    set_n_matching (self, self->rows->len);
  return TRUE;
}

/* A dossier's own change names its line; another process's commit (ALL,
 * no id) or a change of several dossiers reads the desk again. */
static void
changed_cb (McChanges *changes, McChangeKind kind, gint64 id, McReturnModel *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (kind == MC_CHANGE_DOSSIER && id > 0)
    ok = refresh_line (self, id, &error);
  else if (mc_change_kind_matches (kind, MC_CHANGE_DOSSIER))
    ok = mc_return_model_refresh (self, &error);
  if (!ok)
    g_warning ("%s", error->message);
}

gboolean
mc_return_model_refresh (McReturnModel *self, GError **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  guint n_matching;

  g_return_val_if_fail (MC_IS_RETURN_MODEL (self), FALSE);

  items = mc_workflow_ready_first (self->workflow, self->query, self->limit, &n_matching, error);
  if (items == NULL)
    return FALSE;
  fresh = mc_work_items_to_dossiers (items);
  mc_keyed_rows_merge (G_LIST_MODEL (self), self->rows, fresh, mc_dossier_row_key, mc_dossier_row_update);
  set_n_matching (self, n_matching);
  return TRUE;
}

static void
mc_return_model_dispose (GObject *object)
{
  McReturnModel *self = MC_RETURN_MODEL (object);

  if (self->workflow != NULL)
    g_clear_signal_handler (&self->changed_id, mc_db_get_changes (mc_workflow_get_db (self->workflow)));
  g_clear_object (&self->workflow);
  G_OBJECT_CLASS (mc_return_model_parent_class)->dispose (object);
}

static void
mc_return_model_finalize (GObject *object)
{
  McReturnModel *self = MC_RETURN_MODEL (object);

  g_ptr_array_unref (self->rows);
  g_free (self->query);
  G_OBJECT_CLASS (mc_return_model_parent_class)->finalize (object);
}

static void
mc_return_model_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_N_MATCHING: g_value_set_uint (value, MC_RETURN_MODEL (object)->n_matching); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_return_model_class_init (McReturnModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mc_return_model_dispose;
  object_class->finalize = mc_return_model_finalize;
  object_class->get_property = mc_return_model_get_property;
  properties[PROP_N_MATCHING] = g_param_spec_uint ("n-matching", NULL, NULL, 0, G_MAXUINT, 0,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_return_model_init (McReturnModel *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->limit = MC_RETURN_MODEL_LIMIT;
}

McReturnModel *
mc_return_model_new (McWorkflow *workflow)
{
  McReturnModel *self;

  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);

  self = g_object_new (MC_TYPE_RETURN_MODEL, NULL);
  self->workflow = g_object_ref (workflow);
  self->changed_id = g_signal_connect (mc_db_get_changes (mc_workflow_get_db (workflow)), "changed",
                                       G_CALLBACK (changed_cb), self);
  return self;
}

void
mc_return_model_set_query (McReturnModel *self, const char *query)
{
  g_return_if_fail (MC_IS_RETURN_MODEL (self));

  g_free (self->query);
  self->query = query && *query ? g_strstrip (g_strdup (query)) : NULL;
}

void
mc_return_model_set_limit (McReturnModel *self, guint limit)
{
  g_return_if_fail (MC_IS_RETURN_MODEL (self));
  g_return_if_fail (limit > 0);

  self->limit = limit;
}

guint
mc_return_model_get_n_matching (McReturnModel *self)
{
  g_return_val_if_fail (MC_IS_RETURN_MODEL (self), 0);

  return self->n_matching;
}

guint
mc_return_model_find (McReturnModel *self, const char *code)
{
  g_return_val_if_fail (MC_IS_RETURN_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_ascii_strcasecmp (mc_dossier_get_code (self->rows->pdata[i]), code ? code : "") == 0)
      return i;
  return G_MAXUINT;
}
