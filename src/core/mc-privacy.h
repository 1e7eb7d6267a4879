/* mc-privacy.h — what a public screen or list may show of a person
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A person's name as the public may see it: the family name and the
 * initials of the other names, "Nguyễn Văn An" → "Nguyễn V. A.", a one-word
 * name → its initial; words without letters (a phone or ID number typed into
 * the name) are dropped. An organisation's name ("Công ty TNHH …") is not
 * personal data and is kept; a household business ("Hộ kinh doanh Nguyễn
 * Văn An") keeps its kind and masks the person. Never NULL. */
char     *mc_privacy_mask_name        (const char *name);
/* TRUE when the name starts like an organisation's. */
gboolean  mc_privacy_is_organisation  (const char *name);

G_END_DECLS
