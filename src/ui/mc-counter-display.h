/* mc-counter-display.h — the small screen above a counter (issue 18 item 4)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-db.h"
#include "mc-queue-rating.h"

G_BEGIN_DECLS

#define MC_TYPE_COUNTER_DISPLAY (mc_counter_display_get_type ())
G_DECLARE_FINAL_TYPE (McCounterDisplay, mc_counter_display, MC, COUNTER_DISPLAY, GtkWindow)

/* The display of counter `counter` on `db`; it follows the database's
 * changes (McChanges: this process's commits and, through a McDbWatch the
 * caller keeps, other processes'). */
McCounterDisplay  *mc_counter_display_new        (McDb *db, int counter);
/* Reads the counter's state again (what a change does). */
void               mc_counter_display_reload     (McCounterDisplay *self);
McQueueDisplayMode mc_counter_display_get_mode   (McCounterDisplay *self);
/* TRUE while the thanks after a rating are shown. */
gboolean           mc_counter_display_is_thanking (McCounterDisplay *self);
/* The number shown large ("A025"), "" when idle. */
const char        *mc_counter_display_get_number (McCounterDisplay *self);
/* The button a citizen touches for `level` (1–5), for tests. */
GtkWidget         *mc_counter_display_get_level_button (McCounterDisplay *self, int level);

/* `motcua [--db PATH] counter-display --counter N [--monitor M] [--windowed]`,
 * run by motcua-gui (main.c execs it for a word that is no command). */
gboolean           mc_counter_display_wanted     (int argc, char **argv);
int                mc_counter_display_main       (int argc, char **argv);

G_END_DECLS
