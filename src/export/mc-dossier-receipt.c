/* mc-dossier-receipt.c — the counter documents of a stored dossier
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-accounts.h"
#include "mc-catalog.h"
#include "mc-dossier-receipt.h"
#include "mc-form-paper.h"
#include "mc-records-private.h"

/* The unit's strings move into the receipt, which frees them itself. A stored
 * dossier prints under the names of its day; a refusal (never stored as a
 * dossier) under today's. */
static gboolean
fill_unit (McDb *db, const McDossierData *d, McReceiptData *r, GError **error)
{
  McRecordsUnit unit = { NULL, };

  if (d->id > 0 ? !mc_records_unit_load_for_dossier (db, d->code, &unit, error)
                : !mc_records_unit_load (db, &unit, error))
    return FALSE;
  r->parent_unit_name = unit.parent_unit_name;
  r->unit_name = unit.unit_name;
  r->office_name = unit.office_name;
  r->place_name = unit.place_name;
  r->office_phone = unit.phone;
  return TRUE;
}

/* The procedure's duration in working days, 0 when unknown. */
static double
procedure_days (McDb *db, const char *code)
{
  g_autoptr(McCatalog) catalog = mc_catalog_new (db);

  return mc_catalog_get_duration_days (catalog, code);
}

/* The form set of the date received, and the form's number (kept: a
 * reprint shows the same), keyed by the dossier's code. */
static gboolean
fill_number (McDb *db, McReceiptData *r, McFormKind kind, GError **error)
{
  McTime when = r->received_at != 0 ? r->received_at : mc_time_now ();

  McFormSet set;
  gboolean a5;

  if (!mc_form_paper_for_document (db, when, mc_receipt_form_type (kind), &set, &a5, error))
    return FALSE;
  r->form_set = set;
  r->a5 = a5;
  r->number_line = mc_form_set_number_line (db, r->form_set, mc_receipt_form_type (kind), r->code,
                                            mc_time_get_date (when), error);
  return r->number_line != NULL;
}

McReceiptData *
mc_dossier_receipt_data (McDb *db, McDossier *dossier, McFormKind kind, GError **error)
{
  g_autoptr(McReceiptData) r = mc_receipt_data_new ();
  McDossierData *d = mc_dossier_get_data (dossier);
  g_autofree char *detail = g_strdup_printf ("Giấy tiếp nhận %s", d->code ? d->code : "");

  /* The form carries the full ID number and phone: audited each time. */
  if (!mc_accounts_audit_personal_export (db, "export.receipt", d->id, detail, error) ||
      !fill_unit (db, d, r, error))
    return NULL;
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
  if (r->code != NULL && !fill_number (db, r, kind, error))
    return NULL;
  return g_steal_pointer (&r);
}
