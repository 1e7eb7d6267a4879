/* mc-audit-labels.c — the audit trail in words: actions, objects and details
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-settings.h"
#include "mc-accounts.h"
#include "mc-audit-labels.h"
#include "mc-calendar.h"
#include "mc-dossier.h"
#include "mc-format.h"

static const struct {
  const char *action;
  const char *label;
} action_labels[] = {
  { "dossier.insert", N_("Dossier received") },
  { "dossier.update", N_("Dossier updated") },
  { "dossier.delete", N_("Dossier deleted") },
  { "dossier_event.insert", N_("Dossier processed") },
  { "apology.insert", N_("Apology letter issued") },
  { "refusal.insert", N_("Dossier refused at the counter") },
  { "rating.insert", N_("Citizen’s rating recorded") },
  { "procedure.insert", N_("Procedure added") },
  { "procedure.update", N_("Procedure changed") },
  { "procedure.delete", N_("Procedure deleted") },
  { "unit_procedure.insert", N_("Procedure declared as received by the unit") },
  { "unit_procedure.update", N_("Reception of a procedure changed") },
  { "unit_procedure.delete", N_("Reception of a procedure set back to its competence") },
  { "calendar_day.insert", N_("Calendar day added") },
  { "calendar_day.update", N_("Calendar day changed") },
  { "calendar_day.delete", N_("Calendar day removed") },
  { "announcement.insert", N_("Announcement added") },
  { "announcement.update", N_("Announcement changed") },
  { "announcement.delete", N_("Announcement removed") },
  { "department.insert", N_("Department added") },
  { "department.update", N_("Department changed") },
  { "unit.insert", N_("Unit added") },
  { "unit.update", N_("Unit changed") },
  { "staff.insert", N_("Account created") },
  { "staff.update", N_("Account updated") },
  { "setting.insert", N_("Setting changed") },
  { "setting.update", N_("Setting changed") },
  { "cchc_entry.insert", N_("CCHC statistics figure entered") },
  { "cchc_entry.update", N_("CCHC statistics figure changed") },
  { "cchc_entry.delete", N_("CCHC statistics figure cleared") },
  { "narrative.edit", N_("Narrative report edited before signing") },
  { "narrative.restore", N_("Narrative report restored to the computed draft") },
  { "sign_in", N_("Signed in") },
  { "sign_in_failed", N_("Wrong password at sign-in") },
  { "sign_in_locked", N_("Sign-in tried on a locked account") },
  { "sign_in_unknown", N_("Sign-in with an unknown user name") },
  { "export.register", N_("Dossier register exported") },
  { "export.receipt", N_("Receipt with personal data exported") },
  { "export.control_sheet", N_("Control sheet exported") },
  { "export.stop_notice", N_("Stop notice exported") },
  { "export.apology_form", N_("Apology letter exported") },
  { "export.search", N_("Search by ID number or phone") },
  { "backdated", N_("Action recorded at another time than now") },
  { "import", N_("Data imported from a file") },
  { "import.abandoned", N_("Unfinished import removed") },
  { "demo", N_("Demo data created") },
  { "audit.keyed", N_("Audit log sealed with the key") },
  { "schema.triggers", N_("Database triggers recorded") },
  { "queue_service.insert", N_("Ticket service added") },
  { "queue_service.update", N_("Ticket service changed") },
  { "queue_counter.insert", N_("Counter added") },
  { "queue_counter.update", N_("Counter changed") },
  { "queue_counter.delete", N_("Counter removed") },
  { "queue_counter_service.insert", N_("Service given to a counter") },
  { "queue_counter_service.delete", N_("Service taken from a counter") },
  { "queue_ticket.insert", N_("Queue ticket taken") },
  { "queue_ticket.update", N_("Queue ticket called, served or moved") },
  { "queue_link.insert", N_("Dossier linked to a queue ticket") },
  { "queue_rating.insert", N_("Queue ticket rated by the citizen") },
};

static const struct {
  const char *kind;
  const char *label;
} kind_labels[] = {
  { "dossier", N_("Dossier") },
  { "procedure", N_("Procedure") },
  { "staff", N_("Account") },
  { "setting", N_("Setting") },
  { "calendar_day", N_("Working calendar") },
  { "announcement", N_("Announcement") },
  { "department", N_("Department") },
  { "unit", N_("Unit") },
  { "unit_report", N_("Subordinate unit’s figures") },
  { "cchc_entry", N_("CCHC statistics") },
  { "narrative", N_("Narrative report") },
  { "refusal", N_("Refusal") },
  { "audit", N_("Audit log") },
  { "schema", N_("Database structure") },
  { "queue_service", N_("Ticket service") },
  { "queue_counter", N_("Counter") },
  { "queue_counter_service", N_("Counter") },
  { "queue_ticket", N_("Queue ticket") },
  { "queue_link", N_("Dossier") },
};

/* Settings by key; keys ending in a weekday or a year are in setting_label. */
static const struct {
  const char *key;
  gboolean    yes_no;
  const char *label;
} setting_labels[] = {
  { "report.place", FALSE, N_("Place name on reports") },
  { "report.preparer", FALSE, N_("Person preparing the reports") },
  { "report.signer", FALSE, N_("Person signing the reports") },
  { "report.signer_title", FALSE, N_("Title of the person signing the reports") },
  { "apology.threshold", FALSE, N_("Apologies in a year that flag a person") },
  { "calendar.compensate_culture_day", TRUE, N_("Make up Ngày Văn hóa Việt Nam (24/11)") },
  { "backup_interval_hours", FALSE, N_("Hours between automatic backups") },
  { "backup_keep", FALSE, N_("Backups kept") },
  { "unit.office_name", FALSE, N_("Name of the one-stop office") },
  { "database.purpose", FALSE, N_("Use of the database (demo or test)") },
};

const char *const *
mc_audit_known_actions (void)
{
  static const char *ids[G_N_ELEMENTS (action_labels) + 1];

  if (ids[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (action_labels); i++)
      ids[i] = action_labels[i].action;
  return ids;
}

gboolean
mc_audit_action_has_label (const char *action)
{
  for (guint i = 0; action != NULL && i < G_N_ELEMENTS (action_labels); i++)
    if (g_str_equal (action, action_labels[i].action))
      return TRUE;
  return FALSE;
}

const char *
mc_audit_action_to_label (const char *action)
{
  static GHashTable *unknown;  /* id → its label, kept for the const return */
  char *label;

  for (guint i = 0; action != NULL && i < G_N_ELEMENTS (action_labels); i++)
    if (g_str_equal (action, action_labels[i].action))
      return _(action_labels[i].label);
  if (action == NULL)
    return "";
  if (unknown == NULL)
    unknown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if ((label = g_hash_table_lookup (unknown, action)) == NULL)
    {
      /* Translators: an action written by a newer version; %s is its id */
      label = g_strdup_printf (_("Other action (%s)"), action);
      g_hash_table_insert (unknown, g_strdup (action), label);
    }
  return label;
}

const char *
mc_audit_object_kind_to_label (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kind_labels); i++)
    if (g_str_equal (kind, kind_labels[i].kind))
      return _(kind_labels[i].label);
  return "";
}

/* Details */

/* "2026-12-07" (and "2026-12-07 08:30") as 07/12/2026 (08:30). */
static char *
dates_in_words (const char *text)
{
  static GRegex *iso;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GMatchInfo) match = NULL;
  const char *rest = text;

  if (g_once_init_enter (&iso))
    g_once_init_leave (&iso, g_regex_new ("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b", G_REGEX_OPTIMIZE, 0, NULL));
  g_regex_match (iso, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start, end;
      g_autofree char *y = g_match_info_fetch (match, 1), *m = g_match_info_fetch (match, 2),
                      *d = g_match_info_fetch (match, 3);

      g_match_info_fetch_pos (match, 0, &start, &end);
      g_string_append_len (out, rest, text + start - rest);
      g_string_append_printf (out, "%s/%s/%s", d, m, y);
      rest = text + end;
    }
  g_string_append (out, rest);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The first space-separated word of `text` in *word, the rest returned. */
static const char *
split_word (const char *text, char **word)
{
  const char *space = strchr (text, ' ');

  *word = space ? g_strndup (text, space - text) : g_strdup (text);
  return space ? space + 1 : "";
}

static const char *
state_label (const char *state)
{
  const char *label = mc_dossier_state_to_label (state);

  return label != NULL ? label : "";
}

/* "CODE received NAME" */
static char *
describe_dossier_insert (const char *detail)
{
  g_autofree char *code = NULL, *state = NULL;
  const char *name = split_word (split_word (detail, &code), &state);

  return g_strdup_printf ("%s — %s — %s", code, state_label (state), name);
}

/* "CODE result_ready → returned (thông tin người nộp)": each state in words. */
static char *
describe_dossier_update (const char *detail)
{
  g_autofree char *code = NULL;
  g_auto(GStrv) words = g_strsplit (split_word (detail, &code), " ", -1);
  GString *out = g_string_new (code);

  for (int i = 0; words[i] != NULL; i++)
    g_string_append_printf (out, "%s%s", i == 0 ? ": " : " ", state_label (words[i]));
  return g_string_free (out, FALSE);
}

/* "CODE transfer — note" */
static char *
describe_dossier_event (const char *detail)
{
  g_autofree char *code = NULL, *kind = NULL;
  const char *rest = split_word (split_word (detail, &code), &kind);

  return g_strdup_printf ("%s: %s%s%s", code, mc_dossier_event_kind_to_label (kind), *rest ? " " : "", rest);
}

static char *
roles_in_words (const char *ids)
{
  McRoles roles = mc_roles_from_string (ids, NULL);

  return roles != 0 ? mc_roles_to_label (roles) : g_strdup (ids);
}

/* "tn.ha tiep_nhan,bao_cao" */
static char *
describe_staff_insert (const char *detail)
{
  g_autofree char *username = NULL;
  g_autofree char *roles = roles_in_words (split_word (detail, &username));

  return g_strdup_printf ("%s: %s", username, roles);
}

/* The trigger of migration 5 says "khóa tài khoản" for an account disabled,
 * which the accounts page calls "ngừng sử dụng" (a lock is temporary). */
static char *
account_words (const char *text)
{
  g_autoptr(GString) out = g_string_new (text);

  g_string_replace (out, " mở khóa tài khoản", " cho sử dụng lại", 0);
  g_string_replace (out, " khóa tài khoản", " ngừng sử dụng", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* "tn.ha vai trò: tiep_nhan,bao_cao đổi phòng …": the roles in words. */
static char *
describe_staff_update (const char *detail)
{
  const char *marker = " vai trò: ";
  const char *at = strstr (detail, marker);
  g_autofree char *ids = NULL, *roles = NULL;
  const char *rest;

  if (at == NULL)
    return account_words (detail);
  rest = split_word (at + strlen (marker), &ids);
  roles = roles_in_words (ids);
  {
    g_autofree char *text = g_strdup_printf ("%.*s%s%s%s%s", (int) (at - detail), detail, marker, roles,
                                             *rest ? " " : "", rest);
    return account_words (text);
  }
}

static const char *
exception_label (const char *kind)
{
  McExceptionKind k;

  if (!mc_exception_kind_from_string (kind, &k))
    return kind;
  switch (k)
    {
    case MC_EXCEPTION_HOLIDAY: return _("Day off");
    case MC_EXCEPTION_COMPENSATORY: return _("Compensatory day off");
    case MC_EXCEPTION_WORKDAY: return _("Working day");
    default: return kind;
    }
}

/* "2026-04-27 holiday Nghỉ …" */
static char *
describe_calendar_day (const char *detail)
{
  g_autofree char *date = NULL, *kind = NULL;
  const char *name = split_word (split_word (detail, &date), &kind);

  return g_strdup_printf ("%s — %s — %s", date, exception_label (kind), name);
}

/* The number after `prefix` in `key` (calendar.hours.3 → 3), else -1. */
static int
key_number (const char *key, const char *prefix)
{
  const char *tail = key + strlen (prefix);

  if (!g_str_has_prefix (key, prefix) || *tail == '\0' || strspn (tail, "0123456789") != strlen (tail) ||
      strlen (tail) > 4)
    return -1;
  return atoi (tail);
}

static char *
setting_label (const char *key, gboolean *yes_no)
{
  const McSettingInfo *info;
  int n;

  *yes_no = TRUE;
  if ((n = key_number (key, "calendar.rest.")) >= 1 && n <= 7)
    /* Translators: %s is a weekday, "Thứ Bảy" */
    return g_strdup_printf (_("%s is a weekly rest day"), mc_format_weekday (n));
  if ((n = key_number (key, "calendar.announced.")) > 0)
    /* Translators: %d is a year */
    return g_strdup_printf (_("Days off of %d as announced"), n);
  *yes_no = FALSE;
  if ((n = key_number (key, "calendar.hours.")) >= 1 && n <= 7)
    /* Translators: %s is a weekday, "Thứ Hai" */
    return g_strdup_printf (_("Office hours on %s"), mc_format_weekday (n));
  for (guint i = 0; i < G_N_ELEMENTS (setting_labels); i++)
    if (g_str_equal (key, setting_labels[i].key))
      {
        *yes_no = setting_labels[i].yes_no;
        return g_strdup (_(setting_labels[i].label));
      }
  /* Any other key registered in mc-settings.c reads with its label there. */
  if ((info = mc_settings_lookup (key)) != NULL)
    {
      *yes_no = info->type == MC_SETTING_BOOL;
      return g_strdup (_(info->label));
    }
  return g_strdup (key);
}

/* "report.signer = Nguyễn Thị Nga" */
static char *
describe_setting (const char *detail)
{
  const char *equals = strstr (detail, " = ");
  g_autofree char *key = NULL, *label = NULL;
  const char *value;
  gboolean yes_no;

  if (equals == NULL)
    return g_strdup (detail);
  key = g_strndup (detail, equals - detail);
  value = equals + 3;
  label = setting_label (key, &yes_no);
  if (yes_no && (g_str_equal (value, "1") || g_str_equal (value, "0")))
    value = g_str_equal (value, "1") ? _("yes") : _("no");
  return g_strdup_printf ("%s: %s", label, value);
}

static char *
describe_by_action (const char *action, const char *detail)
{
  if (g_str_equal (action, "dossier.insert"))
    return describe_dossier_insert (detail);
  if (g_str_equal (action, "dossier.update"))
    return describe_dossier_update (detail);
  if (g_str_equal (action, "dossier_event.insert"))
    return describe_dossier_event (detail);
  if (g_str_equal (action, "staff.insert"))
    return describe_staff_insert (detail);
  if (g_str_equal (action, "staff.update"))
    return describe_staff_update (detail);
  if (g_str_has_prefix (action, "calendar_day."))
    return describe_calendar_day (detail);
  if (g_str_has_prefix (action, "setting."))
    return describe_setting (detail);
  return g_strdup (detail);
}

char *
mc_audit_entry_describe (McAuditEntry *entry)
{
  g_autofree char *words = NULL;
  const char *action;

  g_return_val_if_fail (MC_IS_AUDIT_ENTRY (entry), NULL);

  if (mc_audit_entry_get_detail (entry) == NULL)
    return g_strdup ("");
  action = mc_audit_entry_get_action (entry);
  words = describe_by_action (action ? action : "", mc_audit_entry_get_detail (entry));
  return dates_in_words (words);
}
