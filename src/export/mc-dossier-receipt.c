/* mc-dossier-receipt.c — the counter documents of a stored dossier
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-dossier-receipt.h"

static gboolean
fill_unit (McDb *db, McReceiptData *r, GError **error)
{
  sqlite3_stmt *stmt = mc_db_prepare (db, "SELECT u.name, u.place_name, u.phone, p.name FROM unit u "
                                          "LEFT JOIN unit p ON p.id = u.parent_id "
                                          "WHERE u.relation = 'self' ORDER BY u.id LIMIT 1", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      r->unit_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      r->place_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      r->office_phone = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      r->parent_unit_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static double
procedure_days (McDb *db, const char *code)
{
  sqlite3_stmt *stmt = mc_db_prepare (db, "SELECT duration FROM procedure WHERE code = ?", NULL);
  double days = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    days = sqlite3_column_double (stmt, 0);
  sqlite3_reset (stmt);
  return days;
}

McReceiptData *
mc_dossier_receipt_data (McDb *db, McDossier *dossier, GError **error)
{
  g_autoptr(McReceiptData) r = mc_receipt_data_new ();
  McDossierData *d = mc_dossier_get_data (dossier);

  if (!fill_unit (db, r, error))
    return NULL;
  r->office_name = mc_db_get_setting (db, "unit.office_name", "Trung tâm Phục vụ hành chính công");
  r->code = g_strdup (d->code);
  r->procedure_name = g_strdup (d->procedure_name);
  r->applicant_name = g_strdup (d->applicant_name);
  r->applicant_id_number = g_strdup (d->applicant_id_number);
  r->applicant_address = g_strdup (d->applicant_address);
  r->applicant_phone = g_strdup (d->applicant_phone);
  r->applicant_email = g_strdup (d->applicant_email);
  r->received_at = d->received_at;
  r->due_at = d->due_at;
  r->receiver_name = g_strdup (d->received_by);
  r->channel = g_strdup (mc_channel_to_string (d->channel));
  r->fee = d->fee;
  r->processing_days = procedure_days (db, d->procedure_code);
  r->copies_to_print = 2;
  for (guint i = 0; i < d->documents->len; i++)
    {
      McDossierDocument *src = d->documents->pdata[i];
      g_ptr_array_add (r->documents, mc_receipt_document_new (src->name, src->originals, src->copies,
                                                              src->received));
    }
  return g_steal_pointer (&r);
}
