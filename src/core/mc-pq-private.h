/* mc-pq-private.h — libpq, loaded when a PostgreSQL database is opened
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core is not linked with libpq: libpq brings some twenty libraries of its
 * own (Kerberos, LDAP, OpenSSL, …) that `motcua` would load on every start,
 * even for a SQLite file (issue 15: 37 libraries instead of 16). mc-pq.c
 * defines the libpq functions core calls (the names of libpq-fe.h, so the
 * storage files call PQexec as before) and each hands the call on to
 * libpq.so.5, opened with GModule the first time one is called. Only
 * core's storage files and tests/pg include this (with libpq-fe.h).
 *
 * A libpq function core has not used before is added to MC_PQ_FUNCTIONS in
 * mc-pq.c; until it is, a program calling it does not link (undefined
 * reference), as it would not link without libpq.
 */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* Opens libpq.so.5 and finds every function of MC_PQ_FUNCTIONS, once per
 * process; TRUE when they are there. FALSE with a McDbError
 * (MC_DB_ERROR_OPEN, in Vietnamese) naming the library when it is not
 * installed or lacks one of them. Called before connecting, so that a
 * missing libpq is the person's error rather than an abort; any libpq
 * function called first loads it too, and aborts if it cannot. */
gboolean mc_pq_load      (GError **error);

/* TRUE once libpq is loaded in this process (the library count tests). */
gboolean mc_pq_is_loaded (void);

G_END_DECLS
