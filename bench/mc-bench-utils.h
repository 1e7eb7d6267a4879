/* mc-bench-utils.h — what every benchmark program measures with
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

double mc_bench_cpu_seconds     (void);
int    mc_bench_compare_doubles (const void *a, const void *b);

G_END_DECLS
