/* mc-dossier.h — a hồ sơ: the applicant, the procedure, the appointment, its state
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mc-time.h"

G_BEGIN_DECLS

#define MC_TYPE_DOSSIER (mc_dossier_get_type ())
G_DECLARE_FINAL_TYPE (McDossier, mc_dossier, MC, DOSSIER, GObject)

typedef enum { MC_CHANNEL_TRUC_TIEP, MC_CHANNEL_BUU_CHINH, MC_CHANNEL_TRUC_TUYEN } McChannel;
typedef enum { MC_APPLICANT_PERSON, MC_APPLICANT_ORGANISATION } McApplicantKind;

/* A document at the counter: the checklist item and whether it was handed in. */
typedef struct {
  char     *name;
  int       originals;
  int       copies;
  gboolean  received;
} McDossierDocument;

/* One line of the timeline (dossier_event). */
typedef struct {
  McTime  at;
  char   *kind;
  char   *state_to;
  char   *staff_name;
  char   *department_name;
  char   *unit_name;
  McTime  step_due_at;
  char   *note;
} McDossierEvent;

McDossier      *mc_dossier_new                 (void);

/* Plain data, set by the reception form, the importer or the store. */
struct _McDossierData {
  gint64           id;
  char            *code;
  char            *procedure_code;
  char            *procedure_name;
  char            *field_name;
  McApplicantKind  applicant_kind;
  char            *applicant_name;
  char            *applicant_id_number;  /* CCCD, or mã số doanh nghiệp/thuế */
  char            *applicant_birth_date; /* YYYY-MM-DD */
  char            *applicant_phone;
  char            *applicant_email;
  char            *applicant_address;
  char            *representative;
  McChannel        channel;
  /* An online dossier's service level: "partial" (một phần, the former
   * mức độ 3) or "full" (toàn trình, mức độ 4); NULL otherwise. Left NULL
   * at reception, the procedure's level is taken; a clerk may set it. */
  char            *online_level;
  McTime           received_at;
  char            *received_by;
  char            *counter;
  McTime           due_at;
  McTime           requested_due_at;      /* a later appointment the citizen agreed to, or 0 */
  char            *state;
  McTime           finished_at;
  McTime           returned_at;
  char            *outcome;
  char            *timeliness;
  char            *current_department;
  gint64           fee;
  char            *note;
  GPtrArray       *documents;             /* McDossierDocument* */
};
typedef struct _McDossierData McDossierData;

McDossierData  *mc_dossier_get_data            (McDossier *self);
const char     *mc_dossier_get_code            (McDossier *self);
const char     *mc_dossier_get_applicant_name  (McDossier *self);
void            mc_dossier_add_document        (McDossier *self, const char *name, int originals, int copies,
                                                gboolean received);

const char     *mc_channel_to_string           (McChannel channel);
gboolean        mc_channel_from_string         (const char *text, McChannel *channel);
const char     *mc_channel_to_label            (McChannel channel);
const char     *mc_dossier_state_to_label      (const char *state);
/* The kind of a dossier_event ("transfer") in words; unknown: as given. */
const char     *mc_dossier_event_kind_to_label (const char *kind);
void            mc_dossier_event_free          (McDossierEvent *event);

G_END_DECLS
