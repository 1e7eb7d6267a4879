/* mc-cchc-entry-dialog.h — the CCHC statistics' figures the software does
 * not hold (Phụ lục 01b: tasks, inspections, legal documents, staff, …),
 * entered for a unit and a period
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-db.h"
#include "mc-time.h"

G_BEGIN_DECLS

#define MC_TYPE_CCHC_ENTRY_DIALOG (mc_cchc_entry_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McCchcEntryDialog, mc_cchc_entry_dialog, MC, CCHC_ENTRY_DIALOG, AdwWindow)

/* The construct properties "db", "unit-id", "from" and "to";
 * NULL with error when the entered figures cannot be read (no permission). */
McCchcEntryDialog *mc_cchc_entry_dialog_new   (GtkWindow *parent, McDb *db, gint64 unit_id, McDate from, McDate to,
                                               GError **error);
/* The row of a figure ("1.1.1"), for tests; NULL if there is none. */
AdwEntryRow       *mc_cchc_entry_dialog_get_row (McCchcEntryDialog *self, const char *key);
/* Writes the changed figures in one transaction; on a refused one, nothing
 * is written and the error is shown and returned. Emits "saved" and closes. */
gboolean           mc_cchc_entry_dialog_save  (McCchcEntryDialog *self, GError **error);

G_END_DECLS
