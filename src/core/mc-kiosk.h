/* mc-kiosk.h — what the ticket kiosk needs of core: the ticket's figures
 * (people ahead, the estimated wait) and the masked look-up of a dossier
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk (`motcua kiosk`, issue 18 item 2) runs with nobody signed in,
 * its connection in kiosk mode (mc_db_set_kiosk): it takes tickets
 * (mc_queue_take) and reads what is here, nothing else.
 */
#pragma once

#include "mc-db.h"
#include "mc-queue.h"
#include "mc-time.h"

G_BEGIN_DECLS

#define MC_KIOSK_ERROR (mc_kiosk_error_quark ())
GQuark mc_kiosk_error_quark (void);

typedef enum {
  MC_KIOSK_ERROR_INVALID,    /* not a dossier code */
  MC_KIOSK_ERROR_NOT_FOUND,  /* no dossier with that code */
} McKioskError;

/* How many tickets of `service_id` wait on `day` (the kiosk's buttons). */
int    mc_kiosk_count_waiting (McQueue *queue, gint64 service_id, McDate day, GError **error);

/* The estimated wait in seconds of a ticket with `ahead` people before it
 * in its service, from the average service time of the service's tickets
 * done today and the number of its counters open today; 0 when nobody is
 * ahead; -1 when it cannot be said (no ticket of the service done yet
 * today, no counter open for it). The rule, and why, in mc-kiosk.c. */
gint64 mc_kiosk_wait_rule (int ahead, gint64 average_service_seconds, int open_counters);
/* The figures the rule takes, read for `ticket`'s service and day. */
gboolean mc_kiosk_wait_inputs (McQueue *queue, McQueueTicket *ticket, gint64 *average_service_seconds,
                               int *open_counters, GError **error);
/* "khoảng 25 phút", "khoảng 1 giờ 10 phút", "sắp đến lượt" (0), "đang cập
 * nhật" (-1): never an invented figure. */
char  *mc_kiosk_format_wait (gint64 seconds);

/* Everything a ticket prints (the renderer in src/export/mc-ticket.c). */
typedef struct {
  char           *office_name;  /* "Trung tâm Phục vụ hành chính công" (unit.office_name) */
  char           *unit_name;    /* "Ủy ban nhân dân phường Phú Sơn" */
  char           *label;        /* "A025" */
  char           *service;
  McQueuePriority priority;
  McTime          taken_at;
  int             ahead;
  gint64          wait_seconds; /* mc_kiosk_wait_rule */
  char           *qr;           /* mc_kiosk_ticket_qr */
} McKioskTicket;

void           mc_kiosk_ticket_free (McKioskTicket *ticket);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McKioskTicket, mc_kiosk_ticket_free)
/* The printed figures of `ticket` as they are now. */
McKioskTicket *mc_kiosk_ticket_new  (McQueue *queue, McQueueTicket *ticket, GError **error);
/* What the ticket's QR holds, printable ASCII for a counter's scanner (a
 * keyboard wedge types it): "STT:A025;NGAY:2026-12-07;DV:3" — the number,
 * the day and the service's id. */
char          *mc_kiosk_ticket_qr   (McQueueTicket *ticket);

/* A dossier as the kiosk shows it: no ID number, phone, address or birth
 * date, the name masked (mc_privacy_mask_name). */
typedef enum {
  MC_KIOSK_IN_TIME,   /* open, appointment not passed */
  MC_KIOSK_OVERDUE,   /* open, appointment passed (mc-lateness.h: quá hạn) */
  MC_KIOSK_EARLY,     /* settled before the appointment */
  MC_KIOSK_ON_TIME,
  MC_KIOSK_LATE,
  MC_KIOSK_SETTLED,   /* closed without being settled (unqualified, withdrawn): no timeliness shown */
} McKioskTimeliness;

typedef struct {
  char             *code;
  char             *applicant;    /* masked */
  char             *procedure;
  char             *state;        /* McDossierState as text */
  McTime            received_at;
  McTime            appointment;  /* in force now (an apology's new one from its issue) */
  McTime            finished_at;  /* 0: open */
  McTime            returned_at;  /* 0: not collected */
  McKioskTimeliness timeliness;
} McKioskDossier;

void            mc_kiosk_dossier_free (McKioskDossier *dossier);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McKioskDossier, mc_kiosk_dossier_free)
const char     *mc_kiosk_timeliness_label (McKioskTimeliness timeliness);  /* translated */
/* The dossier whose code is `typed`: the whole code as the receipt's QR
 * holds it ("000.00.06.H56-231027-0361"), or its tail as typed on a digit
 * keypad ("231027-0361", the own unit's code then put before it). Spaces
 * and a scanner's line end are ignored. INVALID or NOT_FOUND otherwise, in
 * Vietnamese. */
McKioskDossier *mc_kiosk_lookup       (McDb *db, const char *typed, McTime now, GError **error);

/* `motcua [--db PATH] kiosk` with nothing after it: the window (motcua-gui),
 * which main.c execs; `db_path` (may be NULL) gets the --db value. Here,
 * without GTK, so that motcua-full decides before it starts the GUI. */
gboolean        mc_kiosk_window_wanted (int argc, char **argv, const char **db_path);

G_END_DECLS
