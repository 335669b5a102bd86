/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>

/* Seconds since boot at which this process started (/proc/self/stat field 22),
 * on the same clock as g_get_monotonic_time (CLOCK_MONOTONIC, which on Linux
 * counts from boot too, less suspended time). */
static inline double
bench_process_start_seconds (void)
{
  g_autofree char *stat = NULL;
  const char *p;
  unsigned long long ticks = 0;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) || (p = strrchr (stat, ')')) == NULL)
    return NAN;
  /* After the ")", fields 3.. follow; starttime is field 22. */
  for (int field = 3; field <= 22 && p != NULL; field++)
    p = strchr (p + 1, ' ');
  if (p == NULL || sscanf (p + 1, "%llu", &ticks) != 1)
    return NAN;
  return (double) ticks / sysconf (_SC_CLK_TCK);
}
