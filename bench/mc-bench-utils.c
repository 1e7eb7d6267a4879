/* mc-bench-utils.c — what every benchmark program measures with
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/resource.h>

#include "mc-bench-utils.h"

/* Processor time of this process, in seconds: on a shared machine the wall
 * clock also counts other programs' turns. */
double
mc_bench_cpu_seconds (void)
{
  struct rusage u;

  getrusage (RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

/* For qsort of the samples whose percentiles are printed. */
int
mc_bench_compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}
