/* mc-form-paper.h — the paper each one-stop form is printed on
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Thông tư 01/2018/TT-VPCP prints Mẫu 01–05 on A5 and Mẫu 06 (the register)
 * on A4 (its form list as trangtinphapluat.com gives it, docs/LEGAL.md §9).
 * For Thông tư 03/2025/TT-VPCP no paper size was found: its forms as Quyết
 * định 3621/QĐ-BYT reproduces them (BM.01–BM.06) name none, nor does any
 * page searched; they print on A4, the size Nghị định 30/2020/NĐ-CP Phụ lục
 * I gives every administrative document, until a unit sets otherwise. Both
 * are settings (forms.paper_2018, forms.paper_2025); the register stays on
 * landscape A4 under either.
 */
#pragma once

#include <glib.h>

#include "mc-db.h"
#include "mc-form-set.h"

G_BEGIN_DECLS

#define MC_FORMS_PAPER_2018_KEY     "forms.paper_2018"
#define MC_FORMS_PAPER_2018_DEFAULT "a5"
#define MC_FORMS_PAPER_2025_KEY     "forms.paper_2025"
#define MC_FORMS_PAPER_2025_DEFAULT "a4"

/* Whether the form of this set and type prints on A5; db may be NULL (the
 * defaults). When the setting could not be read, FALSE with `error` set:
 * the caller refuses the document. */
gboolean mc_form_paper_is_a5 (McDb *db, McFormSet set, McFormType type, GError **error);
/* What a document dated `t` is printed with: its form set and (a5 not
 * NULL) its paper for `type`. FALSE with the error when a setting could not
 * be read: the document is then refused, never printed on defaults. */
gboolean mc_form_paper_for_document (McDb *db, McTime t, McFormType type, McFormSet *set, gboolean *a5,
                                     GError **error);

G_END_DECLS
