/* mc-form-paper.c — the paper each one-stop form is printed on
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-form-paper.h"
#include "mc-settings.h"

gboolean
mc_form_paper_for_document (McDb *db, McTime t, McFormType type, McFormSet *set, gboolean *a5, GError **error)
{
  g_autoptr(GError) read_error = NULL;

  *set = mc_form_set_for_time (db, t, &read_error);
  if (read_error == NULL && a5 != NULL)
    *a5 = mc_form_paper_is_a5 (db, *set, type, &read_error);
  if (read_error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&read_error));
  return FALSE;
}

gboolean
mc_form_paper_is_a5 (McDb *db, McFormSet set, McFormType type, GError **error)
{
  const char *key = set == MC_FORM_SET_2018 ? MC_FORMS_PAPER_2018_KEY : MC_FORMS_PAPER_2025_KEY;
  const char *fallback = set == MC_FORM_SET_2018 ? MC_FORMS_PAPER_2018_DEFAULT : MC_FORMS_PAPER_2025_DEFAULT;
  g_autofree char *paper = NULL;

  /* Mẫu 06 of 2018 is on A4 by the circular; the register of 2025 has too
   * many columns for anything but landscape A4. */
  if (type == MC_FORM_TYPE_REGISTER)
    return FALSE;
  paper = db != NULL ? mc_settings_get (db, key, error) : g_strdup (fallback);
  return g_strcmp0 (paper != NULL ? paper : fallback, "a5") == 0;
}
