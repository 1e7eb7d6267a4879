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

/* How near its deadlines an open dossier is, at the time it was read. */
typedef enum {
  MC_LATENESS_NONE,
  MC_LATENESS_SOON,          /* sắp đến hạn: ≤ 1 working day left */
  MC_LATENESS_STEP_LATE,     /* chậm tiến độ: the step is past its own due time */
  MC_LATENESS_OVERDUE,       /* quá hạn: the appointment, or an apology's new one, has passed (mc-lateness.h) */
} McLateness;

/* The one status a row shows for an open dossier, the most urgent of its
 * two latenesses: quá hạn, else chậm tiến độ, else sắp đến hạn (the
 * appointment or the step), else trong hạn (MC_LATENESS_NONE). The inbox
 * and the return desk show it as one chip; the counts stay per kind. */
McLateness  mc_lateness_status        (McLateness lateness, McLateness step_lateness);
/* The status in one word, as reports and the board say it ("Trong hạn" for
 * none); and the style class of its chip (libadwaita's error, warning,
 * accent, success). */
const char *mc_lateness_status_label  (McLateness status);
const char *mc_lateness_status_class  (McLateness status);

/* The enums a dossier's properties carry (McDossierState: mc-dossier-state.h). */
#define MC_TYPE_CHANNEL (mc_channel_get_type ())
GType mc_channel_get_type (void);
#define MC_TYPE_LATENESS (mc_lateness_get_type ())
GType mc_lateness_get_type (void);
#define MC_TYPE_DOSSIER_STATE (mc_dossier_state_get_type ())
GType mc_dossier_state_get_type (void);

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

/* The fields as they are. Writing them does not notify: a dossier shown in
 * a list is changed through its properties (g_object_set) or
 * mc_dossier_update_from, which tell each property that changed. */
McDossierData  *mc_dossier_get_data            (McDossier *self);
const char     *mc_dossier_get_code            (McDossier *self);
const char     *mc_dossier_get_applicant_name  (McDossier *self);
/* Copies every writable property of `other` (the same dossier read again)
 * into `self`; "notify" is emitted for those whose value changed, and for
 * "state-label" when the words changed, and for nothing else. */
void            mc_dossier_update_from         (McDossier *self, McDossier *other);
/* The row id and mc_dossier_update_from, as the key and the update of a
 * list model's rows (mc-keyed-rows.h): the inbox, the return desk. */
gint64          mc_dossier_row_key             (gpointer dossier);
void            mc_dossier_row_update          (gpointer dossier, gpointer fresh);
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
