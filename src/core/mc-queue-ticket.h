/* mc-queue-ticket.h — one ticket of the queue (số thứ tự): its number,
 * service, priority, state and times
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mc-time.h"

G_BEGIN_DECLS

/* waiting → called → serving → done, or called → absent; a transfer puts a
 * called or served ticket back to waiting (for another counter or service)
 * with its number and its time taken. Stored as the nick. */
typedef enum {
  MC_QUEUE_STATE_WAITING,  /* chờ gọi */
  MC_QUEUE_STATE_CALLED,   /* đã gọi */
  MC_QUEUE_STATE_SERVING,  /* đang phục vụ */
  MC_QUEUE_STATE_DONE,     /* đã xong */
  MC_QUEUE_STATE_ABSENT,   /* vắng mặt (bỏ qua) */
  MC_QUEUE_N_STATES
} McQueueState;

/* The priority categories a ticket may carry (stored as the code). */
typedef enum {
  MC_QUEUE_PRIORITY_NONE,
  MC_QUEUE_PRIORITY_ELDERLY,      /* nguoi_cao_tuoi: người cao tuổi */
  MC_QUEUE_PRIORITY_DISABLED,     /* nguoi_khuyet_tat: người khuyết tật */
  MC_QUEUE_PRIORITY_PREGNANT,     /* phu_nu_mang_thai: phụ nữ mang thai */
  MC_QUEUE_PRIORITY_APPOINTMENT,  /* lich_hen_truc_tuyen: người có lịch hẹn trực tuyến */
  MC_QUEUE_N_PRIORITIES
} McQueuePriority;

const char     *mc_queue_state_to_string     (McQueueState state);   /* "waiting" … */
gboolean        mc_queue_state_from_string   (const char *text, McQueueState *state);
const char     *mc_queue_state_label         (McQueueState state);   /* translated */
const char     *mc_queue_priority_to_string  (McQueuePriority priority);  /* NULL for none */
gboolean        mc_queue_priority_from_string (const char *text, McQueuePriority *priority);
const char     *mc_queue_priority_label      (McQueuePriority priority);  /* translated; "" for none */

#define MC_TYPE_QUEUE_TICKET (mc_queue_ticket_get_type ())
G_DECLARE_FINAL_TYPE (McQueueTicket, mc_queue_ticket, MC, QUEUE_TICKET, GObject)

gint64          mc_queue_ticket_get_id            (McQueueTicket *self);
const char     *mc_queue_ticket_get_day           (McQueueTicket *self);  /* local, YYYY-MM-DD */
int             mc_queue_ticket_get_number        (McQueueTicket *self);
/* What is printed, shown and called: "A025" or "1025". */
const char     *mc_queue_ticket_get_label         (McQueueTicket *self);
gint64          mc_queue_ticket_get_service_id    (McQueueTicket *self);
const char     *mc_queue_ticket_get_service_name  (McQueueTicket *self);
McQueuePriority mc_queue_ticket_get_priority      (McQueueTicket *self);
McQueueState    mc_queue_ticket_get_state         (McQueueTicket *self);
/* The counter that called it (or that it was transferred to), 0 if none. */
int             mc_queue_ticket_get_counter       (McQueueTicket *self);
gint64          mc_queue_ticket_get_staff_id      (McQueueTicket *self);
const char     *mc_queue_ticket_get_staff_name    (McQueueTicket *self);
McTime          mc_queue_ticket_get_taken_at      (McQueueTicket *self);
/* 0 until it happened; called_at is the first call (the wait ends there). */
McTime          mc_queue_ticket_get_called_at     (McQueueTicket *self);
McTime          mc_queue_ticket_get_last_called_at (McQueueTicket *self);
McTime          mc_queue_ticket_get_served_at     (McQueueTicket *self);
McTime          mc_queue_ticket_get_done_at       (McQueueTicket *self);
int             mc_queue_ticket_get_calls         (McQueueTicket *self);
int             mc_queue_ticket_get_transfers     (McQueueTicket *self);

G_END_DECLS
