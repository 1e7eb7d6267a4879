/* mc-apology-list.c — the apologies of a period, as a list model of McApology
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Sổ xin lỗi page's model: an McObjectList (mc-object-list.c compares a
 * reload with what it holds by id and tells only what changed) loaded from
 * mc_workflow_apologies for the period shown.
 */
#include "config.h"

#include "mc-apology-list.h"
#include "mc-object-list.h"

struct _McApologyList
{
  GObject       parent_instance;

  McWorkflow   *workflow;
  McTime        from, to;
  gboolean      has_period;
  McObjectList *model;
};

G_DEFINE_FINAL_TYPE (McApologyList, mc_apology_list, G_TYPE_OBJECT)

static gint64
apology_key (gpointer item)
{
  return mc_apology_get_id (item);
}

static void
apology_update (gpointer item, gpointer fresh)
{
  mc_apology_update_from (item, fresh);
}

/* The period's apologies, each taking its record over. */
static GPtrArray *
load_cb (McObjectList *list, McChangeKind kind, gpointer data, GError **error)
{
  McApologyList *self = data;
  g_autoptr(GPtrArray) records = NULL;
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  if (!self->has_period)
    return items;
  records = mc_workflow_apologies (self->workflow, self->from, self->to, error);
  if (records == NULL)
    {
      g_ptr_array_unref (items);
      return NULL;
    }
  g_ptr_array_set_free_func (records, NULL);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (items, mc_apology_new (records->pdata[i]));
  return items;
}

static void
mc_apology_list_finalize (GObject *object)
{
  McApologyList *self = MC_APOLOGY_LIST (object);

  g_clear_object (&self->model);
  g_clear_object (&self->workflow);
  G_OBJECT_CLASS (mc_apology_list_parent_class)->finalize (object);
}

static void
mc_apology_list_class_init (McApologyListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_apology_list_finalize;
}

static void
mc_apology_list_init (McApologyList *self)
{
  /* The model's loader reads the period from here; the list outlives it. */
  self->model = mc_object_list_new (MC_TYPE_APOLOGY, apology_key, apology_update, load_cb, self, NULL);
}

McApologyList *
mc_apology_list_new (McWorkflow *workflow)
{
  McApologyList *self;

  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);

  self = g_object_new (MC_TYPE_APOLOGY_LIST, NULL);
  self->workflow = g_object_ref (workflow);
  return self;
}

GListModel *
mc_apology_list_get_model (McApologyList *self)
{
  g_return_val_if_fail (MC_IS_APOLOGY_LIST (self), NULL);

  return G_LIST_MODEL (self->model);
}

gboolean
mc_apology_list_reload (McApologyList *self, GError **error)
{
  g_return_val_if_fail (MC_IS_APOLOGY_LIST (self), FALSE);

  return mc_object_list_reload (self->model, error);
}

gboolean
mc_apology_list_set_period (McApologyList *self, McTime from, McTime to, GError **error)
{
  g_return_val_if_fail (MC_IS_APOLOGY_LIST (self), FALSE);

  self->from = from;
  self->to = to;
  self->has_period = TRUE;
  return mc_apology_list_reload (self, error);
}
