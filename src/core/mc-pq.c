/* mc-pq.c — libpq's functions, found in libpq.so.5 when first needed
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A storage file (mc-pq-private.h). Each function below has the name and
 * the prototype of libpq-fe.h (the compiler checks them against it) and
 * calls libpq's own, which GModule finds in libpq.so.5 (the soname of
 * libpq 10 and later) on the first call: a program opening a SQLite file
 * never loads libpq nor the libraries libpq needs.
 *
 * libpq is opened with local binding: its symbols do not enter the global
 * scope, so the functions here are the only PQexec the program sees and a
 * pointer found with g_module_symbol on libpq's handle is libpq's own (a
 * lookup on a handle searches that library first), never one of these.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>

#include "mc-db.h"
#include "mc-pq-private.h"

#define MC_PQ_LIBRARY "libpq.so.5"

/* X (returned type, name, parameters, arguments); XV for those returning
 * nothing. Every libpq function core, tests/pg and bench call. */
#define MC_PQ_FUNCTIONS(X, XV) \
  X  (PGconn *, PQconnectdb, (const char *conninfo), (conninfo)) \
  X  (PGconn *, PQconnectdbParams, (const char *const *keywords, const char *const *values, int expand_dbname), \
      (keywords, values, expand_dbname)) \
  X  (PGconn *, PQconnectStart, (const char *conninfo), (conninfo)) \
  X  (PGconn *, PQconnectStartParams, (const char *const *keywords, const char *const *values, int expand_dbname), \
      (keywords, values, expand_dbname)) \
  X  (PostgresPollingStatusType, PQconnectPoll, (PGconn *conn), (conn)) \
  XV (PQfinish, (PGconn *conn), (conn)) \
  XV (PQreset, (PGconn *conn), (conn)) \
  X  (int, PQresetStart, (PGconn *conn), (conn)) \
  X  (PostgresPollingStatusType, PQresetPoll, (PGconn *conn), (conn)) \
  X  (PGPing, PQping, (const char *conninfo), (conninfo)) \
  X  (ConnStatusType, PQstatus, (const PGconn *conn), (conn)) \
  X  (PGTransactionStatusType, PQtransactionStatus, (const PGconn *conn), (conn)) \
  X  (char *, PQerrorMessage, (const PGconn *conn), (conn)) \
  X  (int, PQconnectionNeedsPassword, (const PGconn *conn), (conn)) \
  X  (int, PQconnectionUsedPassword, (const PGconn *conn), (conn)) \
  X  (int, PQserverVersion, (const PGconn *conn), (conn)) \
  X  (int, PQbackendPID, (const PGconn *conn), (conn)) \
  X  (int, PQsocket, (const PGconn *conn), (conn)) \
  X  (char *, PQdb, (const PGconn *conn), (conn)) \
  X  (char *, PQuser, (const PGconn *conn), (conn)) \
  X  (char *, PQpass, (const PGconn *conn), (conn)) \
  X  (char *, PQhost, (const PGconn *conn), (conn)) \
  X  (char *, PQport, (const PGconn *conn), (conn)) \
  X  (const char *, PQparameterStatus, (const PGconn *conn, const char *name), (conn, name)) \
  X  (int, PQsetClientEncoding, (PGconn *conn, const char *encoding), (conn, encoding)) \
  X  (PGVerbosity, PQsetErrorVerbosity, (PGconn *conn, PGVerbosity verbosity), (conn, verbosity)) \
  X  (PQnoticeProcessor, PQsetNoticeProcessor, (PGconn *conn, PQnoticeProcessor proc, void *arg), (conn, proc, arg)) \
  X  (PQnoticeReceiver, PQsetNoticeReceiver, (PGconn *conn, PQnoticeReceiver proc, void *arg), (conn, proc, arg)) \
  X  (PQconninfoOption *, PQconninfo, (PGconn *conn), (conn)) \
  X  (PQconninfoOption *, PQconninfoParse, (const char *conninfo, char **errmsg), (conninfo, errmsg)) \
  XV (PQconninfoFree, (PQconninfoOption *options), (options)) \
  X  (PGresult *, PQexec, (PGconn *conn, const char *query), (conn, query)) \
  X  (PGresult *, PQexecParams, (PGconn *conn, const char *command, int n_params, const Oid *types, \
                                const char *const *values, const int *lengths, const int *formats, \
                                int result_format), \
      (conn, command, n_params, types, values, lengths, formats, result_format)) \
  X  (PGresult *, PQprepare, (PGconn *conn, const char *name, const char *query, int n_params, const Oid *types), \
      (conn, name, query, n_params, types)) \
  X  (PGresult *, PQexecPrepared, (PGconn *conn, const char *name, int n_params, const char *const *values, \
                                  const int *lengths, const int *formats, int result_format), \
      (conn, name, n_params, values, lengths, formats, result_format)) \
  X  (int, PQsendQuery, (PGconn *conn, const char *query), (conn, query)) \
  X  (int, PQsendQueryParams, (PGconn *conn, const char *command, int n_params, const Oid *types, \
                              const char *const *values, const int *lengths, const int *formats, \
                              int result_format), \
      (conn, command, n_params, types, values, lengths, formats, result_format)) \
  X  (PGresult *, PQgetResult, (PGconn *conn), (conn)) \
  X  (int, PQisBusy, (PGconn *conn), (conn)) \
  X  (int, PQconsumeInput, (PGconn *conn), (conn)) \
  X  (int, PQsetnonblocking, (PGconn *conn, int arg), (conn, arg)) \
  X  (int, PQflush, (PGconn *conn), (conn)) \
  X  (PGnotify *, PQnotifies, (PGconn *conn), (conn)) \
  X  (int, PQputCopyData, (PGconn *conn, const char *buffer, int n_bytes), (conn, buffer, n_bytes)) \
  X  (int, PQputCopyEnd, (PGconn *conn, const char *errormsg), (conn, errormsg)) \
  X  (int, PQgetCopyData, (PGconn *conn, char **buffer, int async), (conn, buffer, async)) \
  X  (PGcancel *, PQgetCancel, (PGconn *conn), (conn)) \
  XV (PQfreeCancel, (PGcancel *cancel), (cancel)) \
  X  (int, PQcancel, (PGcancel *cancel, char *errbuf, int errbufsize), (cancel, errbuf, errbufsize)) \
  X  (ExecStatusType, PQresultStatus, (const PGresult *res), (res)) \
  X  (char *, PQresStatus, (ExecStatusType status), (status)) \
  X  (char *, PQresultErrorMessage, (const PGresult *res), (res)) \
  X  (char *, PQresultErrorField, (const PGresult *res, int fieldcode), (res, fieldcode)) \
  XV (PQclear, (PGresult *res), (res)) \
  X  (int, PQntuples, (const PGresult *res), (res)) \
  X  (int, PQnfields, (const PGresult *res), (res)) \
  X  (char *, PQfname, (const PGresult *res, int field), (res, field)) \
  X  (int, PQfnumber, (const PGresult *res, const char *name), (res, name)) \
  X  (Oid, PQftype, (const PGresult *res, int field), (res, field)) \
  X  (int, PQfformat, (const PGresult *res, int field), (res, field)) \
  X  (char *, PQgetvalue, (const PGresult *res, int row, int field), (res, row, field)) \
  X  (int, PQgetisnull, (const PGresult *res, int row, int field), (res, row, field)) \
  X  (int, PQgetlength, (const PGresult *res, int row, int field), (res, row, field)) \
  X  (char *, PQcmdStatus, (PGresult *res), (res)) \
  X  (char *, PQcmdTuples, (PGresult *res), (res)) \
  X  (char *, PQescapeLiteral, (PGconn *conn, const char *str, size_t len), (conn, str, len)) \
  X  (char *, PQescapeIdentifier, (PGconn *conn, const char *str, size_t len), (conn, str, len)) \
  X  (unsigned char *, PQescapeByteaConn, (PGconn *conn, const unsigned char *from, size_t from_length, \
                                         size_t *to_length), \
      (conn, from, from_length, to_length)) \
  X  (unsigned char *, PQunescapeBytea, (const unsigned char *strtext, size_t *length), (strtext, length)) \
  XV (PQfreemem, (void *ptr), (ptr)) \
  X  (char *, PQencryptPasswordConn, (PGconn *conn, const char *passwd, const char *user, const char *algorithm), \
      (conn, passwd, user, algorithm)) \
  X  (int, PQlibVersion, (void), ())

/* libpq's functions, found once by mc_pq_load. */
#define MC_PQ_POINTER(type, name, params, args) type (*name) params;
#define MC_PQ_POINTER_V(name, params, args) void (*name) params;
static struct {
  MC_PQ_FUNCTIONS (MC_PQ_POINTER, MC_PQ_POINTER_V)
} pq;

static gsize pq_loaded;        /* g_once: 1 when pq is filled, 2 when libpq is not usable */
static char *pq_load_failure;  /* why, for the log and the abort */

static void
pq_open (void)
{
  GModule *module = g_module_open (MC_PQ_LIBRARY, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

  if (module == NULL)
    {
      pq_load_failure = g_strdup (g_module_error ());
      return;
    }
#define MC_PQ_FIND(name) \
  if (pq_load_failure == NULL && !g_module_symbol (module, #name, (gpointer *) &pq.name)) \
    pq_load_failure = g_strdup_printf ("%s: %s", MC_PQ_LIBRARY, g_module_error ());
#define MC_PQ_FIND_X(type, name, params, args) MC_PQ_FIND (name)
#define MC_PQ_FIND_XV(name, params, args) MC_PQ_FIND (name)
  MC_PQ_FUNCTIONS (MC_PQ_FIND_X, MC_PQ_FIND_XV)
  if (pq_load_failure != NULL)
    {
      g_module_close (module);
      return;
    }
  /* Its functions are kept for the process's life. */
  g_module_make_resident (module);
}

gboolean
mc_pq_load (GError **error)
{
  if (g_once_init_enter (&pq_loaded))
    {
      pq_open ();
      if (pq_load_failure != NULL)
        g_debug ("libpq not loaded: %s", pq_load_failure);
      g_once_init_leave (&pq_loaded, pq_load_failure == NULL ? 1 : 2);
    }
  if (pq_loaded == 1)
    return TRUE;
  g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_OPEN,
               _("Cannot use a PostgreSQL database: the PostgreSQL client library (%s) is not installed "
                 "on this computer or is too old"), MC_PQ_LIBRARY);
  return FALSE;
}

gboolean
mc_pq_is_loaded (void)
{
  return g_atomic_pointer_get (&pq_loaded) == 1;
}

/* A libpq function called before mc_pq_load: the callers that connect call
 * mc_pq_load first and report a missing libpq, so this aborts only a
 * program (a test) that calls libpq without it. */
static inline void
pq_require (void)
{
  if (G_UNLIKELY (pq_loaded != 1) && !mc_pq_load (NULL))
    g_error ("%s could not be loaded: %s", MC_PQ_LIBRARY, pq_load_failure);
}

#define MC_PQ_DEFINE(type, name, params, args) \
  type name params { pq_require (); return pq.name args; }
#define MC_PQ_DEFINE_V(name, params, args) \
  void name params { pq_require (); pq.name args; }
MC_PQ_FUNCTIONS (MC_PQ_DEFINE, MC_PQ_DEFINE_V)
