/* mc-date-entry.h — a date (or date and time) typed as on paper: dd/mm/yyyy
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-time.h"

G_BEGIN_DECLS

#define MC_TYPE_DATE_ENTRY (mc_date_entry_get_type ())
G_DECLARE_FINAL_TYPE (McDateEntry, mc_date_entry, MC, DATE_ENTRY, GtkEntry)

typedef enum {
  MC_DATE_ENTRY_EMPTY,
  MC_DATE_ENTRY_VALID,
  MC_DATE_ENTRY_INVALID,  /* the entry is marked, its message says why */
} McDateEntryState;

/* A day; with `with_time` a day and an hour; `past_only` refuses a day
 * after today (a birth date) and reads a two-digit year as not after it. */
GtkWidget        *mc_date_entry_new         (gboolean with_time, gboolean past_only);
/* What is typed, read as the clerk meant it; an unreadable text marks the
 * entry with a message on the entry itself. */
McDateEntryState  mc_date_entry_read_date   (McDateEntry *self, McDate *out);
McDateEntryState  mc_date_entry_read_time   (McDateEntry *self, McTime *out);
/* MC_DATE_INVALID / 0 empty the entry. */
void              mc_date_entry_set_date    (McDateEntry *self, McDate date);
void              mc_date_entry_set_time    (McDateEntry *self, McTime t);
/* Marks the entry with a rule it breaks that only its page knows ("the
 * first day comes after the last"); NULL clears the mark. */
void              mc_date_entry_set_message (McDateEntry *self, const char *message);
/* Why the entry is marked, NULL when it is not. */
const char       *mc_date_entry_get_message (McDateEntry *self);

G_END_DECLS
