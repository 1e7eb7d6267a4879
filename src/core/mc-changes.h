/* mc-changes.h — what changed in the database, told after the commit
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a committed change was about. MC_CHANGE_ALL: anything may have
 * changed (another process committed; a restore). */
typedef enum {
  MC_CHANGE_ALL,
  MC_CHANGE_DOSSIER,       /* a dossier, its documents, events, refusals */
  MC_CHANGE_PROCEDURE,     /* the catalog: procedures, fields (lĩnh vực), their documents and steps */
  MC_CHANGE_UNIT,          /* units and departments */
  MC_CHANGE_STAFF,
  MC_CHANGE_CALENDAR,
  MC_CHANGE_SETTING,
  MC_CHANGE_APOLOGY,
  MC_CHANGE_ANNOUNCEMENT,
  MC_CHANGE_RATING,
  MC_CHANGE_REPORT,        /* the units' reports (unit_report) */
  MC_CHANGE_AUDIT,         /* only the audit trail (a sign-in, a check) */
  MC_CHANGE_QUEUE,         /* the queue: tickets (id: the ticket), services, counters, links to dossiers */
  MC_CHANGE_NOTIFICATION,  /* a person's notifications (the bell): written or read */
  MC_N_CHANGE_KINDS
} McChangeKind;

/* A set of kinds for a listener: MC_CHANGE_MASK (MC_CHANGE_STAFF) | … */
#define MC_CHANGE_MASK(kind) (1u << (kind))

#define MC_TYPE_CHANGE_KIND (mc_change_kind_get_type ())
GType mc_change_kind_get_type (void);

#define MC_TYPE_CHANGES (mc_changes_get_type ())
G_DECLARE_FINAL_TYPE (McChanges, mc_changes, MC, CHANGES, GObject)

/* Signal "changed" (McChangeKind kind, gint64 id): id 0 means several rows
 * or unknown. Emitted from an idle on the main context that was the thread
 * default when the notifier was made, once per kind for everything committed
 * since the last emission. */
McChanges *mc_changes_new           (void);

/* TRUE when a listener of `wanted` must reload for `changed`. */
gboolean   mc_change_kind_matches   (McChangeKind changed, McChangeKind wanted);
const char *mc_change_kind_to_string (McChangeKind kind);

/* A change that is already committed elsewhere: another process (SQLite's
 * data_version), a LISTEN/NOTIFY of a server engine. Thread-safe. */
void       mc_changes_emit          (McChanges *self, McChangeKind kind, gint64 id);

/* For the storage engine (McDb): a transaction or savepoint opened, a row
 * written in it (`weak`: a row that belongs to an entity of `kind` whose id
 * the row does not carry), committed or rolled back. A change recorded with
 * no transaction open waits for mc_changes_flush. */
void       mc_changes_begin         (McChanges *self);
void       mc_changes_record        (McChanges *self, McChangeKind kind, gint64 id, gboolean weak);
void       mc_changes_commit        (McChanges *self);
void       mc_changes_rollback      (McChanges *self);
/* The outermost transaction committed (or an autocommit statement did). */
void       mc_changes_flush         (McChanges *self);
/* The whole transaction was rolled back, whatever the depth. */
void       mc_changes_discard       (McChanges *self);
guint      mc_changes_get_depth     (McChanges *self);

/* What the open transaction wrote, as a server engine's NOTIFY payload
 * ("dossier:0 queue:12", a kind's nick and an id or 0); NULL when nothing. */
char      *mc_changes_dup_pending_payload (McChanges *self);
/* Another client's payload, emitted as mc_changes_emit would (coalesced
 * with whatever else is waiting to be told); a word not understood is
 * MC_CHANGE_ALL. */
void       mc_changes_emit_payload  (McChanges *self, const char *payload);

G_END_DECLS
