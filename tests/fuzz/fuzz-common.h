/* fuzz-common.h — what the fuzz targets share: a store on an in-memory database
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "mc-dossier-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Created once per process: the built-in catalog, the calendar, and a few
 * received dossiers so that searches have something to find. */
McDossierStore *fuzz_store (void);
/* The input as a NUL-terminated string (it may contain earlier NULs). */
char           *fuzz_string (const uint8_t *data, size_t size);
