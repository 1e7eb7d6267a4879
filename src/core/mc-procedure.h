/* mc-procedure.h — a thủ tục hành chính: data, never code
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MC_TYPE_PROCEDURE (mc_procedure_get_type ())
G_DECLARE_FINAL_TYPE (McProcedure, mc_procedure, MC, PROCEDURE, GObject)

typedef enum { MC_LEVEL_XA, MC_LEVEL_HUYEN, MC_LEVEL_TINH } McLevel;
typedef enum { MC_MECHANISM_MOT_CUA, MC_MECHANISM_LIEN_THONG } McMechanism;
typedef enum { MC_ONLINE_NONE, MC_ONLINE_PARTIAL, MC_ONLINE_FULL } McOnlineLevel;

#define MC_TYPE_LEVEL (mc_level_get_type ())
GType mc_level_get_type (void);
#define MC_TYPE_MECHANISM (mc_mechanism_get_type ())
GType mc_mechanism_get_type (void);
#define MC_TYPE_ONLINE_LEVEL (mc_online_level_get_type ())
GType mc_online_level_get_type (void);
typedef enum {
  MC_ROLE_TIEP_NHAN,       /* cán bộ tiếp nhận */
  MC_ROLE_CHUYEN_VIEN,     /* chuyên viên */
  MC_ROLE_LANH_DAO_PHONG,  /* lãnh đạo phòng */
  MC_ROLE_LANH_DAO_UBND,   /* lãnh đạo UBND */
  MC_ROLE_VAN_THU,         /* văn thư */
  MC_N_STEP_ROLES
} McStepRole;

/* thành phần hồ sơ */
typedef struct {
  char *name;
  int   originals;  /* bản chính */
  int   copies;     /* bản sao */
} McProcedureDocument;

/* a step of the quy trình nội bộ */
typedef struct {
  gint64      department_id;
  char       *department_code;
  char       *department_name;
  McStepRole  role;
  double      days;
} McProcedureStep;

McProcedure   *mc_procedure_new              (void);
McProcedure   *mc_procedure_copy             (McProcedure *self);
/* Makes self equal to other (documents and steps too), each property that
 * changes notified: a row bound to self follows a reload. */
void           mc_procedure_update_from      (McProcedure *self, McProcedure *other);

gint64         mc_procedure_get_id           (McProcedure *self);
void           mc_procedure_set_id           (McProcedure *self, gint64 id);
const char    *mc_procedure_get_code         (McProcedure *self);
void           mc_procedure_set_code         (McProcedure *self, const char *code);
const char    *mc_procedure_get_name         (McProcedure *self);
void           mc_procedure_set_name         (McProcedure *self, const char *name);
const char    *mc_procedure_get_field_name   (McProcedure *self);
void           mc_procedure_set_field_name   (McProcedure *self, const char *field_name);
McLevel        mc_procedure_get_level        (McProcedure *self);
void           mc_procedure_set_level        (McProcedure *self, McLevel level);
/* The level of the catalog before 1/7/2025 (kept for history: may be huyện);
 * the competence since the reform is tỉnh or xã (NĐ 120/2025, 142/2025 …). */
McLevel        mc_procedure_get_competence   (McProcedure *self);
void           mc_procedure_set_competence   (McProcedure *self, McLevel competence);
const char    *mc_procedure_get_competence_basis (McProcedure *self);
void           mc_procedure_set_competence_basis (McProcedure *self, const char *basis);
McMechanism    mc_procedure_get_mechanism    (McProcedure *self);
void           mc_procedure_set_mechanism    (McProcedure *self, McMechanism mechanism);
/* Legal processing time in working days (hours are stored as days of 8 h). */
double         mc_procedure_get_days         (McProcedure *self);
void           mc_procedure_set_days         (McProcedure *self, double days);
McOnlineLevel  mc_procedure_get_online_level (McProcedure *self);
void           mc_procedure_set_online_level (McProcedure *self, McOnlineLevel level);
gint64         mc_procedure_get_fee          (McProcedure *self);
void           mc_procedure_set_fee          (McProcedure *self, gint64 fee);
const char    *mc_procedure_get_search_key   (McProcedure *self);  /* folded code + name + field */

GPtrArray     *mc_procedure_get_documents    (McProcedure *self);  /* McProcedureDocument* */
GPtrArray     *mc_procedure_get_steps        (McProcedure *self);  /* McProcedureStep* */
void           mc_procedure_add_document     (McProcedure *self, const char *name, int originals, int copies);
void           mc_procedure_add_step         (McProcedure *self, gint64 department_id, const char *department_code,
                                              const char *department_name, McStepRole role, double days);
void           mc_procedure_clear_documents  (McProcedure *self);
void           mc_procedure_clear_steps      (McProcedure *self);
double         mc_procedure_steps_total_days (McProcedure *self);

/* Checks what a person could get wrong; a Vietnamese message on failure. */
gboolean       mc_procedure_validate         (McProcedure *self, GError **error);

const char    *mc_level_to_string            (McLevel level);        /* "xa" */
gboolean       mc_level_from_string          (const char *text, McLevel *level);
const char    *mc_level_to_label             (McLevel level);        /* "Cấp xã" */
/* The competence a level had after 1/7/2025 when no source says otherwise:
 * the district's procedures went to the commune. */
McLevel        mc_level_after_reform         (McLevel former);
const char    *mc_mechanism_to_string        (McMechanism mechanism);
gboolean       mc_mechanism_from_string      (const char *text, McMechanism *mechanism);
const char    *mc_mechanism_to_label         (McMechanism mechanism);
const char    *mc_online_level_to_string     (McOnlineLevel level);
gboolean       mc_online_level_from_string   (const char *text, McOnlineLevel *level);
const char    *mc_online_level_to_label      (McOnlineLevel level);
const char    *mc_step_role_to_string        (McStepRole role);
gboolean       mc_step_role_from_string      (const char *text, McStepRole *role);
const char    *mc_step_role_to_label         (McStepRole role);

G_END_DECLS
