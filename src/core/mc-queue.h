/* mc-queue.h — the queue of the one-stop office: ticket services, counters,
 * tickets numbered per day and service, calls, and the link to the dossier
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every write is one transaction (BEGIN IMMEDIATE) audited by the triggers
 * of migration 17 and told through McChanges as MC_CHANGE_QUEUE (the id is
 * the ticket's when one ticket moved), so the kiosk, the counters and the
 * board in other processes follow it. Who may do what (docs/SECURITY.md):
 * services and counters are the administrator's (MC_PERMISSION_ADMINISTER);
 * calling, serving, skipping and transferring are the reception clerks'
 * (MC_PERMISSION_RECEIVE), in their own name; taking a ticket needs nobody,
 * as the kiosk is a citizen's act on an unattended machine, like the
 * liveboard (the ticket holds no personal data).
 */
#pragma once

#include <glib-object.h>

#include "mc-db.h"
#include "mc-queue-ticket.h"
#include "mc-time.h"

G_BEGIN_DECLS

#define MC_QUEUE_ERROR (mc_queue_error_quark ())
GQuark mc_queue_error_quark (void);

typedef enum {
  MC_QUEUE_ERROR_INVALID,    /* a bad name, prefix, range, counter number */
  MC_QUEUE_ERROR_NOT_FOUND,  /* no such service or counter (or not active) */
  MC_QUEUE_ERROR_EMPTY,      /* nobody waiting for this counter */
  MC_QUEUE_ERROR_STATE,      /* the ticket's state does not allow the action */
  MC_QUEUE_ERROR_EXHAUSTED,  /* the service's numbers for the day are all given */
} McQueueError;

/* A ticket service (dịch vụ lấy số): a group of fields with its letter
 * ("A" → A001) and/or its range of numbers (1000–1999). */
typedef struct {
  gint64   id;
  char    *name;
  char    *prefix;  /* "" or one capital letter */
  int      first_number, last_number;
  gboolean active;
} McQueueService;

void mc_queue_service_free (McQueueService *service);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McQueueService, mc_queue_service_free)

/* A counter (quầy) and the services it calls. */
typedef struct {
  gint64   id;
  int      number;
  char    *name;
  gboolean active;
  GArray  *service_ids;  /* gint64 */
} McQueueCounter;

void mc_queue_counter_free (McQueueCounter *counter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McQueueCounter, mc_queue_counter_free)

/* The actions on a ticket at a counter, for mc_queue_check_action. */
typedef enum {
  MC_QUEUE_ACTION_CALL,      /* waiting → called */
  MC_QUEUE_ACTION_RECALL,    /* called → called (gọi lại) */
  MC_QUEUE_ACTION_SERVE,     /* called → serving */
  MC_QUEUE_ACTION_FINISH,    /* serving → done */
  MC_QUEUE_ACTION_SKIP,      /* called → absent (vắng mặt) */
  MC_QUEUE_ACTION_TRANSFER,  /* called | serving → waiting elsewhere */
  MC_QUEUE_N_ACTIONS
} McQueueAction;

/* Whether `action` may move a ticket in `state`; FALSE with an
 * MC_QUEUE_ERROR_STATE in Vietnamese naming the ticket `label` otherwise.
 * The one table of the state machine. */
gboolean mc_queue_check_action (McQueueState state, McQueueAction action, const char *label, GError **error);

typedef enum {
  MC_QUEUE_LINK_RECEIVE,  /* the dossier was received (Tiếp nhận) */
  MC_QUEUE_LINK_RETURN,   /* its result was handed back (Trả kết quả) */
} McQueueLinkKind;

/* A dossier's ticket: what the dossier records of its wait at a counter. */
typedef struct {
  McQueueLinkKind kind;
  char           *label;            /* the ticket's number */
  char           *day;
  int             counter;
  McTime          taken_at;
  gint64          wait_seconds;     /* first call − taken; -1 if never called */
  gint64          service_seconds;  /* done − served; -1 while not done */
} McQueueDossierLink;

void mc_queue_dossier_link_free (McQueueDossierLink *link);

/* The priority rule (settings "queue.priority_rule", "queue.priority_every"). */
#define MC_QUEUE_PRIORITY_RULE_KEY  "queue.priority_rule"
#define MC_QUEUE_PRIORITY_EVERY_KEY "queue.priority_every"
#define MC_QUEUE_RULE_FIRST "first"   /* priority tickets before every other */
#define MC_QUEUE_RULE_EVERY "every"   /* one priority ticket after every N others */
#define MC_QUEUE_RULE_NONE  "none"    /* in the order taken */

#define MC_TYPE_QUEUE (mc_queue_get_type ())
G_DECLARE_FINAL_TYPE (McQueue, mc_queue, MC, QUEUE, GObject)

McQueue        *mc_queue_new              (McDb *db);
McDb           *mc_queue_get_db           (McQueue *self);

/* Services and counters (the administrator). */
McQueueService *mc_queue_add_service      (McQueue *self, const char *name, const char *prefix,
                                           int first_number, int last_number, GError **error);
gboolean        mc_queue_update_service   (McQueue *self, gint64 id, const char *name, const char *prefix,
                                           int first_number, int last_number, gboolean active, GError **error);
GPtrArray      *mc_queue_list_services    (McQueue *self, gboolean active_only, GError **error);
/* By id ("3"), letter ("A", any case) or name (any case); NOT_FOUND otherwise. */
McQueueService *mc_queue_find_service     (McQueue *self, const char *key, GError **error);
McQueueCounter *mc_queue_add_counter      (McQueue *self, int number, const char *name,
                                           const gint64 *service_ids, guint n_services, GError **error);
gboolean        mc_queue_update_counter   (McQueue *self, int number, const char *name,
                                           const gint64 *service_ids, guint n_services, gboolean active,
                                           GError **error);
GPtrArray      *mc_queue_list_counters    (McQueue *self, GError **error);
McQueueCounter *mc_queue_find_counter     (McQueue *self, int number, GError **error);

/* A ticket for an active service, numbered next for the local day of `at`. */
McQueueTicket  *mc_queue_take             (McQueue *self, gint64 service_id, McQueuePriority priority,
                                           McTime at, GError **error);
/* The counter's current ticket (called or being served today) is finished
 * (serving → done; a called ticket nobody marked is done too, served from
 * its call), then the next waiting ticket for the counter is called: those
 * transferred to it and those of its services, by the priority rule, then
 * in the order taken. EMPTY when nobody waits (the current one is still
 * finished). */
McQueueTicket  *mc_queue_call_next        (McQueue *self, int counter, McTime at, GError **error);
McQueueTicket  *mc_queue_recall           (McQueue *self, int counter, McTime at, GError **error);
McQueueTicket  *mc_queue_serve            (McQueue *self, int counter, McTime at, GError **error);
McQueueTicket  *mc_queue_finish           (McQueue *self, int counter, McTime at, GError **error);
McQueueTicket  *mc_queue_skip             (McQueue *self, int counter, McTime at, GError **error);
/* To another counter (to_counter > 0) or another service (to_service_id > 0),
 * one of the two: the ticket waits again with its number and time taken. */
McQueueTicket  *mc_queue_transfer         (McQueue *self, int counter, int to_counter, gint64 to_service_id,
                                           McTime at, GError **error);
/* The counter's ticket called or being served on the day of `at`; NULL
 * without an error when there is none. */
McQueueTicket  *mc_queue_current          (McQueue *self, int counter, McTime at, GError **error);
/* How many tickets wait for the counter on the day of `at` (those
 * transferred to it and those of its services); -1 on an error. */
int             mc_queue_count_waiting    (McQueue *self, int counter, McTime at, GError **error);
/* The day's tickets in the order taken (McQueueTicket*). */
GPtrArray      *mc_queue_list_day         (McQueue *self, McDate day, GError **error);
McQueueTicket  *mc_queue_get_ticket       (McQueue *self, gint64 id, GError **error);
/* Tickets of the same service still waiting that were taken before it. */
int             mc_queue_count_ahead      (McQueue *self, McQueueTicket *ticket, GError **error);

/* Receiving or returning the dossier `code`: links it to the ticket the
 * signed-in clerk has at their counter today (called becomes being
 * served). *ticket (may be NULL) is set to that ticket, or NULL without an
 * error when the clerk has none (or nobody is signed in). FALSE only on an
 * error; the reception or return itself is already saved. */
gboolean        mc_queue_link_dossier     (McQueue *self, const char *code, McQueueLinkKind kind, McTime at,
                                           McQueueTicket **ticket, GError **error);
/* The dossier's tickets (McQueueDossierLink*), reception first. */
GPtrArray      *mc_queue_dossier_links    (McQueue *self, const char *code, GError **error);

G_END_DECLS
