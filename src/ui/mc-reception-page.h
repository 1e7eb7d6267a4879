/* mc-reception-page.h — Tiếp nhận hồ sơ: receive a dossier at the counter
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-application.h"
#include "mc-id-number.h"

G_BEGIN_DECLS

#define MC_TYPE_RECEPTION_PAGE (mc_reception_page_get_type ())
G_DECLARE_FINAL_TYPE (McReceptionPage, mc_reception_page, MC, RECEPTION_PAGE, AdwBin)

McReceptionPage *mc_reception_page_new             (McApplication *app);
/* For tests and scripts: what a clerk types. */
void             mc_reception_page_choose_procedure (McReceptionPage *self, const char *code);
void             mc_reception_page_set_applicant   (McReceptionPage *self, const char *name, const char *id_number,
                                                    const char *phone);
/* A citizen identity card's QR, scanned: name, ID number, date of birth
 * and address filled in, the other fields kept. */
void             mc_reception_page_fill_from_id_card (McReceptionPage *self, const McIdCard *card);
/* The code of the procedure chosen, NULL before one is. */
const char      *mc_reception_page_get_procedure   (McReceptionPage *self);
/* The appointment shown, 0 when no procedure is chosen. */
McTime           mc_reception_page_get_due         (McReceptionPage *self);
/* Saves; the new dossier's code (or NULL with error). Does not print. */
char            *mc_reception_page_save            (McReceptionPage *self, GError **error);
/* The message under the form after a save was refused, or NULL. */
const char      *mc_reception_page_get_error       (McReceptionPage *self);

G_END_DECLS
