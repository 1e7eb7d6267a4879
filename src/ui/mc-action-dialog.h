/* mc-action-dialog.h — one step of a dossier's processing, with the fields it needs
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-application.h"

G_BEGIN_DECLS

/* What the processing page can do with the selected dossier. */
typedef enum {
  MC_ACTION_ACCEPT,            /* nhận hồ sơ */
  MC_ACTION_TRANSFER,          /* chuyển */
  MC_ACTION_SEND_BACK,         /* trả lại */
  MC_ACTION_SUPPLEMENT,        /* yêu cầu bổ sung */
  MC_ACTION_FINANCIAL,         /* tạm dừng chờ nghĩa vụ tài chính */
  MC_ACTION_RESUME,            /* tiếp tục */
  MC_ACTION_SEND_EXTERNAL,     /* gửi liên thông */
  MC_ACTION_RECEIVE_EXTERNAL,  /* nhận lại từ liên thông */
  MC_ACTION_FINISH,            /* có kết quả */
  MC_ACTION_UNQUALIFIED,       /* không đủ điều kiện giải quyết */
  MC_ACTION_WITHDRAW,          /* rút hồ sơ */
  MC_ACTION_APOLOGY,           /* xin lỗi và hẹn lại */
  MC_N_ACTIONS
} McActionKind;

/* The GAction name on the page ("inbox.transfer"), and its label. */
const char *mc_action_kind_to_name   (McActionKind kind);
const char *mc_action_kind_to_label  (McActionKind kind);
McTransition mc_action_kind_to_transition (McActionKind kind);
/* Whether the person at this computer may take the action on dossier `code`
 * now: core's rule (mc_workflow_allows), with its reason when not. */
gboolean    mc_action_kind_is_allowed (McApplication *app, McActionKind kind, const char *code, GError **error);
/* The same for every kind at once: bit (1 << kind) for each allowed one. */
guint       mc_action_kinds_allowed  (McApplication *app, const char *code);
/* What was done, for the toast: "Đã chuyển hồ sơ … đến Phòng Tư pháp";
 * `destination` (a department, an agency) may be NULL. */
char       *mc_action_done_message   (McActionKind kind, const char *code, const char *destination);

#define MC_TYPE_ACTION_DIALOG (mc_action_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McActionDialog, mc_action_dialog, MC, ACTION_DIALOG, AdwMessageDialog)

/* The dialog for `kind` on `item`; its "apply" response performs the
 * transition, shows an error in Vietnamese if the core refuses it, and emits
 * ::applied on success. */
McActionDialog *mc_action_dialog_new        (McApplication *app, McActionKind kind, const McWorkItem *item);
McActionKind    mc_action_dialog_get_kind   (McActionDialog *self);
/* Fills the note or reason field (what the clerk would type). */
void            mc_action_dialog_set_note   (McActionDialog *self, const char *note);
/* Transfer and apology: a department by code (NULL: the default) and a person (NULL: anyone there). */
void            mc_action_dialog_set_target (McActionDialog *self, const char *department_code, const char *username);
/* Performs the transition with the fields as they are. */
gboolean        mc_action_dialog_apply      (McActionDialog *self, GError **error);
/* The apology recorded by an applied MC_ACTION_APOLOGY dialog, else 0. */
gint64          mc_action_dialog_get_apology_id (McActionDialog *self);

/* After ::applied, what was done, as mc_action_done_message says it. */
const char     *mc_action_dialog_get_done_message (McActionDialog *self);

/* A refused action: `message` is the core's Vietnamese explanation. */
void            mc_action_show_error        (GtkWindow *parent, const char *heading, const char *message);

G_END_DECLS
