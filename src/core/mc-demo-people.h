/* mc-demo-people.h — invented citizens for the demonstration database
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *name;
  char *id_number;   /* 12-digit CCCD consistent with sex and birth year */
  char *birth_date;  /* YYYY-MM-DD */
  char *phone;
  char *address;
} McDemoPerson;

void mc_demo_person_make  (GRand *rand, int current_year, McDemoPerson *person);
void mc_demo_person_clear (McDemoPerson *person);

G_END_DECLS
