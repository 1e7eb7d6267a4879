/* fuzz-common.c — what the fuzz targets share: a store on an in-memory database
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mc-calendar-store.h"
#include "mc-catalog.h"
#include "fuzz-common.h"

static McDossier *
person (const char *name, const char *id_number, const char *phone)
{
  McDossier *dossier = mc_dossier_new ();
  McDossierData *d = mc_dossier_get_data (dossier);

  d->procedure_code = g_strdup ("1.001193");
  d->applicant_name = g_strdup (name);
  d->applicant_id_number = g_strdup (id_number);
  d->applicant_phone = g_strdup (phone);
  d->channel = MC_CHANNEL_TRUC_TIEP;
  mc_time_parse_iso ("2024-03-04 08:15", &d->received_at);
  mc_dossier_add_document (dossier, "Tờ khai đăng ký khai sinh", 1, 0, TRUE);
  return dossier;
}

static McDossierStore *
create_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (":memory:", NULL, &error);
  g_autoptr(McCatalog) catalog = NULL;
  g_autoptr(McCalendar) calendar = NULL;
  McDossierStore *store;
  static const char *const people[][3] = {
    { "Nguyễn Văn An", "038085012345", "0912345678" },
    { "Đỗ Thị Đào", "001301000123", "0987654321" },
    { "Trần Minh Đức", "079090000001", NULL },
  };

  g_assert_no_error (error);
  catalog = mc_catalog_new (db);
  g_assert_true (mc_catalog_install_builtin (catalog, NULL, &error));
  calendar = mc_calendar_store_load (db, &error);
  g_assert_no_error (error);
  store = mc_dossier_store_new (db, calendar);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(McDossier) dossier = person (people[i][0], people[i][1], people[i][2]);
      g_assert_true (mc_dossier_store_receive (store, dossier, &error));
    }
  return store;
}

McDossierStore *
fuzz_store (void)
{
  static McDossierStore *store;

  if (store == NULL)
    store = create_store ();
  return store;
}

char *
fuzz_string (const uint8_t *data, size_t size)
{
  char *s = g_malloc (size + 1);

  memcpy (s, data, size);
  s[size] = '\0';
  return s;
}
