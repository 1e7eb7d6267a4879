/* mc-queue-ticket-private.h — how McQueue fills a ticket it read
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-queue-ticket.h"

G_BEGIN_DECLS

typedef struct {
  gint64          id;
  char           *day;
  int             number;
  char           *label;
  gint64          service_id;
  char           *service_name;
  McQueuePriority priority;
  McQueueState    state;
  int             counter;
  gint64          staff_id;
  char           *staff_name;
  McTime          taken_at, called_at, last_called_at, served_at, done_at;
  int             calls, transfers;
} McQueueTicketFields;

void           mc_queue_ticket_fields_clear (McQueueTicketFields *fields);
/* Takes the strings of `fields` (left cleared). */
McQueueTicket *mc_queue_ticket_new_take     (McQueueTicketFields *fields);
/* The same ticket read again: notifies only the properties that changed. */
void           mc_queue_ticket_update_from  (McQueueTicket *self, McQueueTicket *other);

G_END_DECLS
