/* mc-unit.h — the center's own unit (đơn vị): name, code, place
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-db.h"

G_BEGIN_DECLS

#define MC_TYPE_UNIT (mc_unit_get_type ())
G_DECLARE_FINAL_TYPE (McUnit, mc_unit, MC, UNIT, GObject)

/* A unit (đơn vị): the center's own ('self'), a subordinate one whose
 * reports it adds up, or an agency a dossier is sent to ('external'). One
 * type for all three, wherever a unit is read: the preferences, the
 * liveboard, the action dialog's list, the report narrative.
 * Properties (notifying): id, code (mã định danh, e.g. 000.00.06.H56), name
 * (Ủy ban nhân dân phường Phú Sơn), level ("tw", "tinh", "huyen", "xa",
 * "khac"), relation ("self", "subordinate", "external"), parent-id,
 * parent-name (cơ quan chủ quản, NULL when none), place-name (địa danh:
 * "Phú Sơn, ngày …"), address, phone. */
McUnit     *mc_unit_new              (void);
gint64      mc_unit_get_id           (McUnit *self);
const char *mc_unit_get_code         (McUnit *self);
const char *mc_unit_get_name         (McUnit *self);
const char *mc_unit_get_level        (McUnit *self);
const char *mc_unit_get_relation     (McUnit *self);
gint64      mc_unit_get_parent_id    (McUnit *self);
const char *mc_unit_get_parent_name  (McUnit *self);
const char *mc_unit_get_place_name   (McUnit *self);
const char *mc_unit_get_address      (McUnit *self);
const char *mc_unit_get_phone        (McUnit *self);

/* The center's own unit (created on first use, as mc_catalog_get_own_unit). */
McUnit   *mc_unit_get_own   (McDb *db, GError **error);
/* The unit with this id; MC_DB_ERROR_NOT_FOUND when there is none. */
McUnit   *mc_unit_find      (McDb *db, gint64 id, GError **error);
/* The units other than the center's own, sorted by name (McUnit*). */
GPtrArray *mc_unit_list_others (McDb *db, GError **error);
/* Writes the own unit's code, name and place-name from `unit`. Validates
 * (name and code required, code printable ASCII for barcodes). */
gboolean mc_unit_set_own   (McDb *db, McUnit *unit, GError **error);

/* The names a unit had at instant t: its own and its parent's (NULL when it
 * had none), from the names it left (unit_former_name) or else today's. */
gboolean mc_unit_names_at  (McDb *db, gint64 unit_id, gint64 t, char **name, char **parent_name, GError **error);
/* The names printed on a dossier's forms: those stored at its reception, or
 * for a dossier without them (received before they were stored, imported)
 * the unit's names at its reception. FALSE with an error when no dossier
 * has the code. */
gboolean mc_unit_names_of_dossier (McDb *db, const char *code, char **name, char **parent_name,
                                   GError **error);

/* What every form's header prints of the center's own unit: its name,
 * place, parent unit's name and phone, each NULL when not set (all NULL and
 * TRUE when the unit is not set up yet). */
gboolean mc_unit_get_own_header (McDb *db, char **name, char **place_name, char **parent_name, char **phone,
                                 GError **error);
/* The id of the unit with this code (mã định danh), 0 when none (no error). */
gint64   mc_unit_lookup_code    (McDb *db, const char *code, GError **error);

G_END_DECLS
