/* mc-rating.h — a citizen's rating of a dossier at the return desk
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-db.h"

G_BEGIN_DECLS

#define MC_RATING_NONE (-1)

typedef struct {
  int         indices[9];    /* 0–2 points, MC_RATING_NONE when not given */
  int         satisfaction;  /* 1 Rất không hài lòng … 5 Rất hài lòng, 0 when not given */
  const char *comment;       /* may be NULL */
} McRatingValues;

void     mc_rating_values_init (McRatingValues *values);
gboolean mc_rating_values_empty (const McRatingValues *values);
/* Records the rating of the dossier `code` (once; its result must be
 * ready). Needs MC_PERMISSION_RETURN once accounts are enforced. */
gboolean mc_rating_record      (McDb *db, const char *code, const McRatingValues *values, GError **error);

G_END_DECLS
