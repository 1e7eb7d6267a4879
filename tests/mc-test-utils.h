/* mc-test-utils.h — helpers shared by the test programs
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-db.h"
#include "mc-time.h"

G_BEGIN_DECLS

/* A fresh migrated database on disk in the test's isolated tmp dir. */
McDb   *mc_test_db_new        (void);
char   *mc_test_tmp_path      (const char *name);
/* Lines of a fixture under tests/fixtures, without # comments or the header. */
GPtrArray *mc_test_fixture_rows (const char *name);
McTime  mc_test_time          (const char *iso);
McDate  mc_test_date          (const char *iso);

G_END_DECLS
