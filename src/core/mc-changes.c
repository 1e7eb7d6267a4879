/* mc-changes.c — what changed in the database, told after the commit
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pages used to read everything again when shown, every 60 seconds and on
 * F5, and still missed what another page saved (a procedure added in the
 * catalog never reached the reception counter). Instead the storage records
 * what each transaction wrote and this notifier tells it once the commit has
 * succeeded: never for a transaction rolled back, never before the data can
 * be read. Emission is deferred to an idle on the owner's main context, so a
 * listener never runs in the middle of the writer's own code, and everything
 * committed before the idle runs is told once (one emission per kind, id 0
 * when several rows of a kind changed).
 *
 * The notifier knows nothing of SQLite: McDb feeds it from its update hook
 * and transaction calls; changes from elsewhere (another process, seen by
 * McDbWatch through PRAGMA data_version; a LISTEN/NOTIFY of a server engine)
 * come in through mc_changes_emit.
 */
#include "config.h"

#include <string.h>

#include "mc-changes.h"

typedef enum { SLOT_NONE, SLOT_WEAK, SLOT_ID, SLOT_MANY } SlotState;

typedef struct {
  SlotState state;
  gint64    id;
} Slot;

typedef struct {
  Slot slots[MC_N_CHANGE_KINDS];
} ChangeSet;

struct _McChanges
{
  GObject       parent_instance;

  ChangeSet     pending;    /* written by the open transaction */
  GArray       *saved;      /* ChangeSet at each open level, to undo a savepoint */
  GMutex        lock;       /* guards outgoing and idle: commits may come from a worker */
  ChangeSet     outgoing;   /* committed, not yet told */
  GSource      *idle;
  GMainContext *context;
};

G_DEFINE_FINAL_TYPE (McChanges, mc_changes, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const GEnumValue kind_values[] = {
  { MC_CHANGE_ALL, "MC_CHANGE_ALL", "all" },
  { MC_CHANGE_DOSSIER, "MC_CHANGE_DOSSIER", "dossier" },
  { MC_CHANGE_PROCEDURE, "MC_CHANGE_PROCEDURE", "procedure" },
  { MC_CHANGE_UNIT, "MC_CHANGE_UNIT", "unit" },
  { MC_CHANGE_STAFF, "MC_CHANGE_STAFF", "staff" },
  { MC_CHANGE_CALENDAR, "MC_CHANGE_CALENDAR", "calendar" },
  { MC_CHANGE_SETTING, "MC_CHANGE_SETTING", "setting" },
  { MC_CHANGE_APOLOGY, "MC_CHANGE_APOLOGY", "apology" },
  { MC_CHANGE_ANNOUNCEMENT, "MC_CHANGE_ANNOUNCEMENT", "announcement" },
  { MC_CHANGE_RATING, "MC_CHANGE_RATING", "rating" },
  { MC_CHANGE_REPORT, "MC_CHANGE_REPORT", "report" },
  { MC_CHANGE_AUDIT, "MC_CHANGE_AUDIT", "audit" },
  { MC_CHANGE_QUEUE, "MC_CHANGE_QUEUE", "queue" },
  { MC_CHANGE_NOTIFICATION, "MC_CHANGE_NOTIFICATION", "notification" },
  { 0, NULL, NULL },
};

GType
mc_change_kind_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("McChangeKind"), kind_values));
  return type;
}

const char *
mc_change_kind_to_string (McChangeKind kind)
{
  g_return_val_if_fail (kind < MC_N_CHANGE_KINDS, NULL);
  return kind_values[kind].value_nick;
}

gboolean
mc_change_kind_matches (McChangeKind changed, McChangeKind wanted)
{
  return changed == MC_CHANGE_ALL || wanted == MC_CHANGE_ALL || changed == wanted;
}

/* Rows of one kind in one set: one id, or several (told as id 0). A weak
 * row (an event of some dossier) gives way to the entity row written with
 * it, since they belong together in one transaction. */
static void
slot_merge (Slot *slot, SlotState state, gint64 id)
{
  if (slot->state == SLOT_MANY || state == SLOT_NONE)
    return;
  if (state == SLOT_MANY || (slot->state == SLOT_ID && state == SLOT_ID && slot->id != id))
    slot->state = SLOT_MANY;
  else if (slot->state == SLOT_NONE || (slot->state == SLOT_WEAK && state == SLOT_ID))
    {
      slot->state = state;
      slot->id = id;
    }
}

static void
set_merge (ChangeSet *into, const ChangeSet *from)
{
  for (guint k = 0; k < MC_N_CHANGE_KINDS; k++)
    slot_merge (&into->slots[k], from->slots[k].state, from->slots[k].id);
}

static gboolean
set_is_empty (const ChangeSet *set)
{
  for (guint k = 0; k < MC_N_CHANGE_KINDS; k++)
    if (set->slots[k].state != SLOT_NONE)
      return FALSE;
  return TRUE;
}

static void
emit_kind (McChanges *self, McChangeKind kind, const Slot *slot)
{
  gint64 id = slot->state == SLOT_ID ? slot->id : 0;

  g_debug ("changes: %s %" G_GINT64_FORMAT, mc_change_kind_to_string (kind), id);
  g_signal_emit (self, signals[CHANGED], 0, kind, id);
}

/* ALL says everything; the audit trail alone only when nothing else
 * changed, since every write adds audit rows and its listeners reload on
 * any kind. */
static void
emit_set (McChanges *self, const ChangeSet *set)
{
  gboolean told = FALSE;

  if (set->slots[MC_CHANGE_ALL].state != SLOT_NONE)
    {
      emit_kind (self, MC_CHANGE_ALL, &set->slots[MC_CHANGE_ALL]);
      return;
    }
  for (guint k = MC_CHANGE_ALL + 1; k < MC_N_CHANGE_KINDS; k++)
    if (k != MC_CHANGE_AUDIT && set->slots[k].state != SLOT_NONE)
      {
        emit_kind (self, k, &set->slots[k]);
        told = TRUE;
      }
  if (!told && set->slots[MC_CHANGE_AUDIT].state != SLOT_NONE)
    emit_kind (self, MC_CHANGE_AUDIT, &set->slots[MC_CHANGE_AUDIT]);
}

static gboolean
idle_cb (gpointer data)
{
  McChanges *self = data;
  ChangeSet set;

  g_mutex_lock (&self->lock);
  set = self->outgoing;
  memset (&self->outgoing, 0, sizeof self->outgoing);
  g_clear_pointer (&self->idle, g_source_unref);
  g_mutex_unlock (&self->lock);
  g_object_ref (self);
  emit_set (self, &set);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

/* Called with the lock held. */
static void
schedule (McChanges *self)
{
  if (self->idle != NULL)
    return;
  self->idle = g_idle_source_new ();
  g_source_set_priority (self->idle, G_PRIORITY_DEFAULT);
  g_source_set_callback (self->idle, idle_cb, self, NULL);
  g_source_set_static_name (self->idle, "[motcua] changes");
  g_source_attach (self->idle, self->context);
}

static void
queue_set (McChanges *self, const ChangeSet *set)
{
  if (set_is_empty (set))
    return;
  g_mutex_lock (&self->lock);
  set_merge (&self->outgoing, set);
  schedule (self);
  g_mutex_unlock (&self->lock);
}

static void
mc_changes_dispose (GObject *object)
{
  McChanges *self = MC_CHANGES (object);

  g_mutex_lock (&self->lock);
  if (self->idle != NULL)
    g_source_destroy (self->idle);
  g_clear_pointer (&self->idle, g_source_unref);
  g_mutex_unlock (&self->lock);
  G_OBJECT_CLASS (mc_changes_parent_class)->dispose (object);
}

static void
mc_changes_finalize (GObject *object)
{
  McChanges *self = MC_CHANGES (object);

  g_array_unref (self->saved);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (mc_changes_parent_class)->finalize (object);
}

static void
mc_changes_class_init (McChangesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mc_changes_dispose;
  object_class->finalize = mc_changes_finalize;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 2, MC_TYPE_CHANGE_KIND, G_TYPE_INT64);
}

static void
mc_changes_init (McChanges *self)
{
  self->saved = g_array_new (FALSE, TRUE, sizeof (ChangeSet));
  g_mutex_init (&self->lock);
  self->context = g_main_context_ref_thread_default ();
}

McChanges *
mc_changes_new (void)
{
  return g_object_new (MC_TYPE_CHANGES, NULL);
}

void
mc_changes_emit (McChanges *self, McChangeKind kind, gint64 id)
{
  ChangeSet set = { 0 };

  g_return_if_fail (MC_IS_CHANGES (self));
  g_return_if_fail (kind < MC_N_CHANGE_KINDS);

  slot_merge (&set.slots[kind], id > 0 ? SLOT_ID : SLOT_MANY, id);
  queue_set (self, &set);
}

void
mc_changes_begin (McChanges *self)
{
  g_return_if_fail (MC_IS_CHANGES (self));
  g_array_append_val (self->saved, self->pending);
}

void
mc_changes_record (McChanges *self, McChangeKind kind, gint64 id, gboolean weak)
{
  g_return_if_fail (MC_IS_CHANGES (self));
  g_return_if_fail (kind < MC_N_CHANGE_KINDS);

  slot_merge (&self->pending.slots[kind], weak ? SLOT_WEAK : (id > 0 ? SLOT_ID : SLOT_MANY), id);
}

/* A savepoint released keeps its rows in the enclosing transaction; only
 * the outermost commit makes them known. */
void
mc_changes_commit (McChanges *self)
{
  g_return_if_fail (MC_IS_CHANGES (self));
  g_return_if_fail (self->saved->len > 0);

  g_array_set_size (self->saved, self->saved->len - 1);
  if (self->saved->len == 0)
    mc_changes_flush (self);
}

void
mc_changes_rollback (McChanges *self)
{
  g_return_if_fail (MC_IS_CHANGES (self));
  g_return_if_fail (self->saved->len > 0);

  self->pending = g_array_index (self->saved, ChangeSet, self->saved->len - 1);
  g_array_set_size (self->saved, self->saved->len - 1);
}

void
mc_changes_flush (McChanges *self)
{
  g_return_if_fail (MC_IS_CHANGES (self));

  queue_set (self, &self->pending);
  memset (&self->pending, 0, sizeof self->pending);
}

void
mc_changes_discard (McChanges *self)
{
  g_return_if_fail (MC_IS_CHANGES (self));

  memset (&self->pending, 0, sizeof self->pending);
  for (guint i = 0; i < self->saved->len; i++)
    memset (&g_array_index (self->saved, ChangeSet, i), 0, sizeof (ChangeSet));
}

guint
mc_changes_get_depth (McChanges *self)
{
  g_return_val_if_fail (MC_IS_CHANGES (self), 0);
  return self->saved->len;
}

char *
mc_changes_dup_pending_payload (McChanges *self)
{
  GString *payload = g_string_new (NULL);

  g_return_val_if_fail (MC_IS_CHANGES (self), NULL);

  for (guint k = 0; k < MC_N_CHANGE_KINDS; k++)
    {
      const Slot *slot = &self->pending.slots[k];

      if (slot->state == SLOT_NONE)
        continue;
      g_string_append_printf (payload, "%s%s:%" G_GINT64_FORMAT, payload->len ? " " : "", kind_values[k].value_nick,
                              slot->state == SLOT_ID ? slot->id : 0);
    }
  if (payload->len == 0)
    {
      g_string_free (payload, TRUE);
      return NULL;
    }
  return g_string_free (payload, FALSE);
}

static McChangeKind
kind_from_nick (const char *nick, gsize length)
{
  for (guint k = 0; k < MC_N_CHANGE_KINDS; k++)
    if (strlen (kind_values[k].value_nick) == length && strncmp (kind_values[k].value_nick, nick, length) == 0)
      return k;
  return MC_CHANGE_ALL;
}

void
mc_changes_emit_payload (McChanges *self, const char *payload)
{
  g_auto(GStrv) words = NULL;
  ChangeSet set = { 0 };

  g_return_if_fail (MC_IS_CHANGES (self));

  words = g_strsplit (payload != NULL ? payload : "", " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *colon = strchr (words[i], ':');
      McChangeKind kind;
      gint64 id;

      if (*words[i] == '\0')
        continue;
      kind = kind_from_nick (words[i], colon ? (gsize) (colon - words[i]) : strlen (words[i]));
      id = colon ? g_ascii_strtoll (colon + 1, NULL, 10) : 0;
      slot_merge (&set.slots[kind], id > 0 ? SLOT_ID : SLOT_MANY, id);
    }
  if (set_is_empty (&set))
    set.slots[MC_CHANGE_ALL].state = SLOT_MANY;
  queue_set (self, &set);
}
