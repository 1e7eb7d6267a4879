/* mc-apology.h — one apology (Mẫu 04, phiếu xin lỗi và hẹn lại ngày trả kết
 * quả) as the register and the Sổ xin lỗi page show it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mc-workflow.h"

G_BEGIN_DECLS

#define MC_TYPE_APOLOGY (mc_apology_get_type ())
G_DECLARE_FINAL_TYPE (McApology, mc_apology, MC, APOLOGY, GObject)

/* Read-only properties, from the record core read: "id", "dossier-code",
 * "procedure-name", "field-name", "applicant-name", "masked-applicant-name"
 * (as a public page or the liveboard may show it, mc_privacy_mask_name),
 * "reason", "issued-at", "previous-due-at" (the appointment it moved),
 * "new-due-at" (0: none given), "department-name", "responsible-name",
 * "responsible-title" and "in-time" (issued at least one working day
 * before the appointment, as mc-workflow-apology.c records it). No signer
 * or state: the apology table has neither (issued_by is who recorded it). */
McApology             *mc_apology_new                     (McApologyRecord *record);
/* The record itself (owned by the apology), for the form and the register. */
const McApologyRecord *mc_apology_get_record              (McApology *self);
gint64                 mc_apology_get_id                  (McApology *self);
const char            *mc_apology_get_dossier_code        (McApology *self);
const char            *mc_apology_get_applicant_name      (McApology *self);
char                  *mc_apology_dup_masked_applicant_name (McApology *self);
const char            *mc_apology_get_procedure_name      (McApology *self);
const char            *mc_apology_get_reason              (McApology *self);
McTime                 mc_apology_get_issued_at           (McApology *self);
McTime                 mc_apology_get_previous_due_at     (McApology *self);
McTime                 mc_apology_get_new_due_at          (McApology *self);
const char            *mc_apology_get_department_name     (McApology *self);
const char            *mc_apology_get_responsible_name    (McApology *self);
gboolean               mc_apology_get_in_time             (McApology *self);
/* Whether two apologies read the same. */
gboolean               mc_apology_equal                   (McApology *a, McApology *b);
/* Takes the record of `fresh` (the same apology read again) when it reads
 * otherwise, every property notifying: a row bound to it follows. */
void                   mc_apology_update_from             (McApology *self, McApology *fresh);

G_END_DECLS
