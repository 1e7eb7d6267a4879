/* mc-settings.c — the registry of the unit's settings
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TO ADD A SETTING, ADD ONE LINE TO `registry` BELOW: the key, its group
 * (McSettingGroup), a label and a description in English marked N_() (and
 * their Vietnamese in po/vi.po), its type, the default as stored, the bounds
 * (INT) or choices (CHOICE), and a check function when the type alone does
 * not say what is valid. Nothing else needs to change: `motcua settings`,
 * the preferences page "Văn bản và báo cáo" (groups up to
 * MC_SETTING_GROUP_LAST_DOCUMENT) and the audit trail's labels read this
 * table. Read the value with mc_settings_get*, which returns the default
 * here while the unit has not chosen one, so a default lives in one place.
 *
 * Not in the registry, on purpose: calendar.hours.N, calendar.rest.N and
 * calendar.announced.YYYY (the calendar page and `motcua calendar` keep
 * them, with their own checks), database_id (the commit mark's) and
 * database.purpose (a demo/test database accepts backdated actions: it is
 * set by `motcua demo` and the tests, never by a setting).
 *
 * The stored table is the old `setting (key, value)`; every write goes
 * through its triggers (migration 5), so a change is in the audit trail
 * with the person signed in, in the same transaction.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-backup.h"
#include "mc-form-paper.h"
#include "mc-form-set.h"
#include "mc-queue.h"
#include "mc-format.h"
#include "mc-report-cchc.h"
#include "mc-report-evaluation.h"
#include "mc-report-narrative.h"
#include "mc-report-period.h"
#include "mc-report-rules.h"
#include "mc-settings.h"
#include "mc-text.h"

G_DEFINE_QUARK (mc-settings-error-quark, mc_settings_error)

/* A one-line text longer than this is a paste gone wrong, not a name. */
#define TEXT_MAX_CHARS 300
#define MULTILINE_MAX_CHARS 20000

static gboolean check_thresholds (const char *value, GError **error);
static gboolean check_template (const char *value, GError **error);

/* Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.7 (legal.md §5): the quyền
 * hạn before the title: "TM." signs for a collective body (ỦY BAN NHÂN
 * DÂN), "KT." for the head by a deputy, "Q." by one given the head's
 * powers. "auto" is TM. when the head (Chủ tịch) signs and KT. otherwise,
 * as a commune's People's Committee signs; a unit whose head signs alone
 * chooses "none". */
static const McSettingChoice paper_choices[] = {
  { "a5", N_("A5 (148 × 210 mm)") },
  { "a4", N_("A4 (210 × 297 mm)") },
  { NULL, NULL }
};

static const McSettingChoice numbering_choices[] = {
  { "counter", N_("Numbered by the software, per form and year") },
  { "blank", N_("Left blank, written by hand") },
  { NULL, NULL }
};

static const McSettingChoice issuer_choices[] = {
  { "TTPVHCC", N_("TTPVHCC (Trung tâm Phục vụ hành chính công)") },
  { "BPTNTKQ", N_("BPTNTKQ (Bộ phận Tiếp nhận và Trả kết quả)") },
  { NULL, NULL }
};

static const McSettingChoice authority_choices[] = {
  { "auto", N_("Automatic: TM. when the head signs, KT. when a deputy signs") },
  { "KT", N_("KT. (a deputy signs for the head)") },
  { "TM", N_("TM. (signs on behalf of the committee)") },
  { "Q", N_("Q. (acting head)") },
  { "none", N_("None (the title alone)") },
  { NULL, NULL }
};

/* The time rules of the reports (mc-report-rules.c: sources and defaults). */
static const McSettingChoice timeliness_choices[] = {
  { MC_RULE_TIMELINESS_RESULT, N_("When the result was ready") },
  { MC_RULE_TIMELINESS_RETURN, N_("When the result was handed over") },
  { NULL, NULL }
};

static const McSettingChoice evaluation_total_choices[] = {
  { MC_RULE_EVALUATION_ROUNDED, N_("The sum of the rounded indices, as printed") },
  { MC_RULE_EVALUATION_EXACT, N_("The exact sum, rounded once") },
  { NULL, NULL }
};

/* The order of the queue (mc-queue.c: no legal text sets it). */
static const McSettingChoice queue_priority_choices[] = {
  { MC_QUEUE_RULE_FIRST, N_("Priority tickets first") },
  { MC_QUEUE_RULE_EVERY, N_("One priority ticket every N calls") },
  { MC_QUEUE_RULE_NONE, N_("In the order taken") },
  { NULL, NULL }
};

static const char *const group_labels[MC_SETTING_N_GROUPS] = {
  [MC_SETTING_GROUP_SIGNER] = N_("Signer and place"),
  [MC_SETTING_GROUP_FORMS] = N_("One-stop forms"),
  [MC_SETTING_GROUP_PERIOD] = N_("Reporting periods"),
  [MC_SETTING_GROUP_EVALUATION] = N_("Evaluation"),
  [MC_SETTING_GROUP_NARRATIVE] = N_("Narrative report"),
  [MC_SETTING_GROUP_RULES] = N_("Provincial rules"),
  [MC_SETTING_GROUP_QUEUE] = N_("Queue"),
  [MC_SETTING_GROUP_SYSTEM] = N_("Backups and sign-in"),
};

#define G(x) MC_SETTING_GROUP_##x
#define T(x) MC_SETTING_##x

static const McSettingInfo registry[] = {
  /* key, group, label, description, type, default, min, max, choices, check */
  { "report.signer", G(SIGNER), N_("Signer’s full name"), N_("Printed under the signature of reports and letters"), T(TEXT), "", 0, 0, NULL, NULL },
  { "report.signer_title", G(SIGNER), N_("Signer’s title"), N_("E.g. Chủ tịch, Phó Chủ tịch"), T(TEXT), "", 0, 0, NULL, NULL },
  { "report.signer_authority", G(SIGNER), N_("Signing authority"), N_("The word before the title (Nghị định 30/2020, Phụ lục I, II.7)"), T(CHOICE), "auto", 0, 0, authority_choices, NULL },
  { "report.head_title", G(SIGNER), N_("Title of the head"), N_("Whom a deputy signs for (KT. CHỦ TỊCH)"), T(TEXT), "Chủ tịch", 1, 0, NULL, NULL },
  { "report.collective", G(SIGNER), N_("Collective body"), N_("For whom the head signs (TM. ỦY BAN NHÂN DÂN)"), T(TEXT), "Ủy ban nhân dân", 1, 0, NULL, NULL },
  { "report.preparer", G(SIGNER), N_("Person preparing the reports"), N_("Signs as NGƯỜI LẬP BIỂU on the statistical tables"), T(TEXT), "", 0, 0, NULL, NULL },
  { "report.place", G(SIGNER), N_("Place name on documents"), N_("Before the date (Phú Sơn, ngày …); empty: the unit’s place name"), T(TEXT), "", 0, 0, NULL, NULL },
  { MC_FORMS_TT03_FROM_KEY, G(FORMS), N_("Forms of Thông tư 03/2025/TT-VPCP from"), N_("Documents dated from this day use the seven forms of Thông tư 03/2025/TT-VPCP, earlier ones those of Thông tư 01/2018/TT-VPCP (default: 15/9/2025, the circular’s date)"), T(DATE), MC_FORMS_TT03_FROM_DEFAULT, 0, 0, NULL, mc_form_set_check_switch_date },
  { MC_FORMS_PAPER_2018_KEY, G(FORMS), N_("Paper of the forms of Thông tư 01/2018/TT-VPCP"), N_("Mẫu 01–05 (receipt, requests, refusal, apology, control sheet): the circular prints them on A5; the register stays on A4"), T(CHOICE), MC_FORMS_PAPER_2018_DEFAULT, 0, 0, paper_choices, NULL },
  { MC_FORMS_PAPER_2025_KEY, G(FORMS), N_("Paper of the forms of Thông tư 03/2025/TT-VPCP"), N_("Mẫu 01–06: no size was found in the circular; A4 as Nghị định 30/2020/NĐ-CP gives every document, A5 as the 2018 forms were; the register stays on A4"), T(CHOICE), MC_FORMS_PAPER_2025_DEFAULT, 0, 0, paper_choices, NULL },
  { MC_FORMS_NUMBERING_KEY, G(FORMS), N_("Numbers of the forms"), N_("The “Số:” line of each form: numbered by the software per form and year, or left blank to write by hand"), T(CHOICE), MC_FORMS_NUMBERING_DEFAULT, 0, 0, numbering_choices, NULL },
  { MC_FORMS_ISSUER_KEY, G(FORMS), N_("Issuer in the form numbers"), N_("After the form’s abbreviation: Số: 05/PBS-TTPVHCC"), T(CHOICE), MC_FORMS_ISSUER_DEFAULT, 0, 0, issuer_choices, NULL },
  { "unit.office_name", G(FORMS), N_("Name of the one-stop office"), N_("Printed on receipts, control sheets and the register"), T(TEXT), "Trung tâm Phục vụ hành chính công", 1, 0, NULL, NULL },
  { "apology.recipients", G(FORMS), N_("Recipients of an apology (Nơi nhận)"), N_("Separated by semicolons; Như trên is the applicant"), T(TEXT), "Như trên;Lưu: VT", 1, 0, NULL, NULL },
  { MC_REPORT_CUTOFF_DAY_KEY, G(PERIOD), N_("Data cut-off day"), N_("A period runs from the day after it in the month before (Nghị định 09/2019, Điều 12: 14)"), T(INT), "14", 1, 27, NULL, NULL },
  { MC_REPORT_CALENDAR_PERIODS_KEY, G(PERIOD), N_("Calendar periods"), N_("Quarters and years from the 1st of the month, not from the cut-off day"), T(BOOL), "0", 0, 0, NULL, NULL },
  { MC_RULE_TIMELINESS_KEY, G(PERIOD), N_("Early, on time or late judged by"), N_("The moment a settled dossier is compared with its appointment, in every report"), T(CHOICE), MC_RULE_TIMELINESS_RESULT, 0, 0, timeliness_choices, NULL },
  { MC_RULE_UNSETTLED_ON_TIME_KEY, G(PERIOD), N_("Unqualified and withdrawn dossiers are on time"), N_("Biểu 06a column (9), as the form’s annotation says; off: judged by the time they were settled"), T(BOOL), "1", 0, 0, NULL, NULL },
  { MC_RULE_EVALUATION_TOTAL_KEY, G(EVALUATION), N_("Total score of the evaluation"), N_("How the nine indices add up to the total out of 18"), T(CHOICE), MC_RULE_EVALUATION_ROUNDED, 0, 0, evaluation_total_choices, NULL },
  { MC_REPORT_ONLINE_NAMES_KEY, G(PERIOD), N_("Online levels named một phần / toàn trình from"), N_("Reports of periods ending before this day print trực tuyến mức độ 3 / mức độ 4, as the provincial forms of 2023–2024 do"), T(DATE), "2025-07-01", 0, 0, NULL, NULL },
  { MC_REPORT_RATING_THRESHOLDS_KEY, G(EVALUATION), N_("Rating thresholds"), N_("Total score per rating, best first"), T(TEXT), MC_REPORT_RATING_THRESHOLDS_DEFAULT, 1, 0, NULL, check_thresholds },
  { MC_NARRATIVE_ADDRESSEE_KEY, G(NARRATIVE), N_("Sent to (Kính gửi)"), N_("The higher body the report is sent to; empty: no Kính gửi line"), T(TEXT), "", 0, 0, NULL, NULL },
  { MC_NARRATIVE_RECIPIENTS_KEY, G(NARRATIVE), N_("Recipients (Nơi nhận)"), N_("Separated by semicolons, e.g. Như trên;Lưu: VT"), T(TEXT), "Như trên;Lưu: VT", 1, 0, NULL, NULL },
  { MC_NARRATIVE_SUBJECT_KEY, G(NARRATIVE), N_("Subject"), N_("Under BÁO CÁO; {{ky_bao_cao}} becomes the period"), T(TEXT), "Tình hình, kết quả giải quyết thủ tục hành chính {{ky_bao_cao}}", 1, 0, NULL, NULL },
  { MC_NARRATIVE_TEMPLATE_KEY, G(NARRATIVE), N_("Text of the report"), N_("Figures in {{…}} are filled in for the period"), T(MULTILINE), NULL /* mc_report_narrative_default_template */, 1, 0, NULL, check_template },
  { "apology.threshold", G(RULES), N_("Apologies in a year that flag a person"), N_("Staff responsible for this many apology letters (Mẫu 04) or more are listed in the apology register"), T(INT), "3", 1, 1000, NULL, NULL },
  { MC_QUEUE_PRIORITY_RULE_KEY, G(QUEUE), N_("Order of priority tickets"), N_("Người cao tuổi, người khuyết tật, phụ nữ mang thai and online appointments: called before the others, or one of them after every N calls at a counter, or in the order taken"), T(CHOICE), MC_QUEUE_RULE_FIRST, 0, 0, queue_priority_choices, NULL },
  { MC_QUEUE_PRIORITY_EVERY_KEY, G(QUEUE), N_("Calls between priority tickets (N)"), N_("For “one priority ticket every N calls”: a waiting priority ticket is called once a counter has called this many others since its last one"), T(INT), "3", 1, 50, NULL, NULL },
  { MC_BACKUP_SETTING_HOURS, G(SYSTEM), N_("Hours between automatic backups"), NULL, T(INT), G_STRINGIFY (MC_BACKUP_DEFAULT_HOURS), 1, 10000, NULL, NULL },
  { MC_BACKUP_SETTING_KEEP, G(SYSTEM), N_("Backups kept"), NULL, T(INT), G_STRINGIFY (MC_BACKUP_DEFAULT_KEEP), 1, 10000, NULL, NULL },
  { "security.max_failures", G(SYSTEM), N_("Wrong passwords before an account is locked"), NULL, T(INT), "5", 1, 99999, NULL, NULL },
  { "security.lockout_minutes", G(SYSTEM), N_("Minutes an account stays locked"), NULL, T(INT), "15", 1, 99999, NULL, NULL },
};

#undef G
#undef T

static gboolean
invalid (GError **error, const McSettingInfo *info, const char *reason)
{
  /* Translators: "Rating thresholds: …" — the setting, then why its value is refused */
  g_set_error (error, MC_SETTINGS_ERROR, MC_SETTINGS_ERROR_INVALID, _("%s: %s"), _(info->label), reason);
  return FALSE;
}

static gboolean
check_thresholds (const char *value, GError **error)
{
  g_autofree char *label = mc_report_rating_label (value, 0, error);

  return label != NULL;
}

/* A template whose {{ or }} is unpaired would print braces into a signed report. */
static gboolean
check_template (const char *value, GError **error)
{
  const char *p = value;

  while ((p = strstr (p, "{{")) != NULL)
    {
      const char *end = strstr (p + 2, "}}");
      const char *next = strstr (p + 2, "{{");

      if (end == NULL || (next != NULL && next < end))
        {
          g_set_error_literal (error, MC_SETTINGS_ERROR, MC_SETTINGS_ERROR_INVALID,
                               _("A {{ in the report text is not closed with }}"));
          return FALSE;
        }
      p = end + 2;
    }
  return TRUE;
}

const McSettingInfo *
mc_settings_all (guint *n_settings)
{
  if (n_settings)
    *n_settings = G_N_ELEMENTS (registry);
  return registry;
}

const McSettingInfo *
mc_settings_lookup (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (registry); i++)
    if (g_str_equal (registry[i].key, key))
      return &registry[i];
  return NULL;
}

const char *
mc_settings_group_label (McSettingGroup group)
{
  g_return_val_if_fail (group < MC_SETTING_N_GROUPS, "");

  return group_labels[group] ? _(group_labels[group]) : "";
}

static const char *
default_of (const McSettingInfo *info)
{
  if (g_str_equal (info->key, MC_NARRATIVE_TEMPLATE_KEY))
    return mc_report_narrative_default_template ();
  return info->fallback ? info->fallback : "";
}

/* A stored value that no longer validates (written by hand, or by an older
 * version with looser rules) reads as the default, never half-used. A value
 * that could not be read is the error, never the default. */
char *
mc_settings_get (McDb *db, const char *key, GError **error)
{
  const McSettingInfo *info = mc_settings_lookup (key);
  g_autoptr(GError) read_error = NULL;
  g_autofree char *stored = NULL;
  char *valid;

  g_return_val_if_fail (MC_IS_DB (db), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  stored = mc_db_get_setting (db, key, NULL, &read_error);
  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return NULL;
    }
  if (stored != NULL && (valid = mc_settings_validate (info, stored, NULL)) != NULL)
    return valid;
  return g_strdup (default_of (info));
}

gboolean
mc_settings_get_int (McDb *db, const char *key, int *value, GError **error)
{
  g_autofree char *text = mc_settings_get (db, key, error);

  *value = text ? atoi (text) : 0;
  return text != NULL;
}

gboolean
mc_settings_get_bool (McDb *db, const char *key, gboolean *value, GError **error)
{
  g_autofree char *text = mc_settings_get (db, key, error);

  *value = g_strcmp0 (text, "1") == 0;
  return text != NULL;
}

gboolean
mc_settings_get_date (McDb *db, const char *key, McDate *value, GError **error)
{
  g_autofree char *text = mc_settings_get (db, key, error);

  *value = 0;
  if (text == NULL)
    return FALSE;
  if (!mc_date_parse_iso (text, value))
    *value = 0;
  return TRUE;
}

gboolean
mc_settings_is_set (McDb *db, const char *key, gboolean *set, GError **error)
{
  g_autoptr(GError) read_error = NULL;
  g_autofree char *stored = mc_db_get_setting (db, key, NULL, &read_error);

  *set = stored != NULL;
  if (read_error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&read_error));
  return FALSE;
}

static char *
validate_text (const McSettingInfo *info, const char *clean, GError **error)
{
  glong n = g_utf8_strlen (clean, -1);
  gboolean one_line = info->type != MC_SETTING_MULTILINE;

  if (info->min > 0 && *clean == '\0')
    return invalid (error, info, _("may not be empty")), NULL;
  if (one_line && strpbrk (clean, "\n\r\t") != NULL)
    return invalid (error, info, _("must be on one line")), NULL;
  if (n > (one_line ? TEXT_MAX_CHARS : MULTILINE_MAX_CHARS))
    return invalid (error, info, _("is too long")), NULL;
  return g_strdup (clean);
}

static char *
validate_int (const McSettingInfo *info, const char *clean, GError **error)
{
  gint64 n;

  if (!g_ascii_string_to_signed (clean, 10, info->min, info->max, &n, NULL))
    {
      /* Translators: a setting's value must be a whole number in the range */
      g_autofree char *why = g_strdup_printf (_("must be a whole number from %d to %d"), info->min, info->max);
      return invalid (error, info, why), NULL;
    }
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

static char *
validate_bool (const McSettingInfo *info, const char *clean, GError **error)
{
  static const char *const yes[] = { "1", "true", "yes", "co", "có", "bật", "bat", NULL };
  static const char *const no[] = { "0", "false", "no", "khong", "không", "tắt", "tat", NULL };
  g_autofree char *lower = g_utf8_strdown (clean, -1);

  if (g_strv_contains (yes, lower))
    return g_strdup ("1");
  if (g_strv_contains (no, lower))
    return g_strdup ("0");
  return invalid (error, info, _("must be 1 (yes) or 0 (no)")), NULL;
}

static char *
validate_choice (const McSettingInfo *info, const char *clean, GError **error)
{
  g_autoptr(GString) values = g_string_new (NULL);

  for (const McSettingChoice *c = info->choices; c && c->value; c++)
    {
      if (g_ascii_strcasecmp (c->value, clean) == 0)
        return g_strdup (c->value);
      g_string_append_printf (values, "%s%s", values->len ? ", " : "", c->value);
    }
  {
    /* Translators: %s lists the values a setting accepts */
    g_autofree char *why = g_strdup_printf (_("must be one of %s"), values->str);
    return invalid (error, info, why), NULL;
  }
}

static char *
validate_date (const McSettingInfo *info, const char *clean, GError **error)
{
  McDate date;

  /* The one parser of typed dates: yyyy-mm-dd, dd/mm/yyyy, d/m/yy. */
  if (!mc_date_parse_typed (clean, 9999, &date))
    return invalid (error, info, _("must be a date, e.g. 2025-07-01 or 1/7/2025")), NULL;
  return mc_date_to_iso (date);
}

static char *
validate_type (const McSettingInfo *info, const char *clean, GError **error)
{
  switch (info->type)
    {
    case MC_SETTING_TEXT:
    case MC_SETTING_MULTILINE:
      return validate_text (info, clean, error);
    case MC_SETTING_INT:
      return validate_int (info, clean, error);
    case MC_SETTING_BOOL:
      return validate_bool (info, clean, error);
    case MC_SETTING_CHOICE:
      return validate_choice (info, clean, error);
    case MC_SETTING_DATE:
      return validate_date (info, clean, error);
    default:
      g_assert_not_reached ();
    }
}

char *
mc_settings_validate (const McSettingInfo *info, const char *value, GError **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *valid = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (info != NULL && value != NULL, NULL);

  if ((clean = mc_text_normalize (value)) == NULL)
    return invalid (error, info, _("is not valid UTF-8 text")), NULL;
  if ((valid = validate_type (info, clean, error)) == NULL)
    return NULL;
  if (info->check != NULL && !info->check (valid, &local))
    return invalid (error, info, local->message), NULL;
  return g_steal_pointer (&valid);
}

static const McSettingInfo *
lookup_or_error (const char *key, GError **error)
{
  const McSettingInfo *info = mc_settings_lookup (key);

  if (info == NULL)
    /* Translators: %s is a setting's key as typed */
    g_set_error (error, MC_SETTINGS_ERROR, MC_SETTINGS_ERROR_UNKNOWN_KEY,
                 _("There is no setting “%s” (motcua settings list shows them)"), key);
  return info;
}

gboolean
mc_settings_set (McDb *db, const char *key, const char *value, GError **error)
{
  const McSettingInfo *info;
  g_autofree char *valid = NULL;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  if (!mc_accounts_check (db, mc_db_get_actor (db), MC_PERMISSION_CONFIGURE, 0, error) ||
      (info = lookup_or_error (key, error)) == NULL ||
      (valid = mc_settings_validate (info, value, error)) == NULL)
    return FALSE;
  return mc_db_set_setting (db, key, valid, error);
}

gboolean
mc_settings_reset (McDb *db, const char *key, GError **error)
{
  const McSettingInfo *info = lookup_or_error (key, error);

  return info != NULL && mc_settings_set (db, key, default_of (info), error);
}

char *
mc_settings_display (const McSettingInfo *info, const char *value)
{
  McDate date;

  g_return_val_if_fail (info != NULL, NULL);

  if (value == NULL)
    return g_strdup ("");
  if (info->type == MC_SETTING_BOOL)
    return g_strdup (g_str_equal (value, "1") ? _("Yes") : _("No"));
  if (info->type == MC_SETTING_DATE && mc_date_parse_iso (value, &date))
    return mc_format_date (date);
  for (const McSettingChoice *c = info->choices; c && c->value; c++)
    if (g_str_equal (c->value, value))
      return g_strdup (_(c->label));
  return g_strdup (value);
}

char *
mc_settings_signer_authority (McDb *db, const char *title, GError **error)
{
  g_autofree char *authority = NULL, *head = NULL, *collective = NULL;
  g_autofree char *upper = NULL, *upper_head = NULL, *upper_collective = NULL;
  char *found;

  if ((authority = mc_settings_get (db, "report.signer_authority", error)) == NULL ||
      (head = mc_settings_get (db, "report.head_title", error)) == NULL ||
      (collective = mc_settings_get (db, "report.collective", error)) == NULL)
    return NULL;
  upper = g_utf8_strup (title ? title : "", -1);
  upper_head = g_utf8_strup (head, -1);
  upper_collective = g_utf8_strup (collective, -1);
  found = upper_head[0] ? strstr (upper, upper_head) : NULL;

  /* An account's title names the office in full ("Phó Chủ tịch UBND
   * phường"); the signature block has the function alone (PHÓ CHỦ TỊCH). */
  if (found != NULL)
    found[strlen (upper_head)] = '\0';
  if (upper[0] == '\0')
    {
      g_free (upper);
      upper = g_strdup (upper_head);
    }
  if (g_str_equal (authority, "auto"))
    {
      g_free (authority);
      authority = g_strdup (g_str_equal (upper, upper_head) ? "TM" : "KT");
    }
  if (g_str_equal (authority, "KT"))
    return g_strdup_printf ("KT. %s\n%s", upper_head, upper);
  if (g_str_equal (authority, "TM"))
    return g_strdup_printf ("TM. %s\n%s", upper_collective, upper);
  if (g_str_equal (authority, "Q"))
    return g_strdup_printf ("Q. %s", upper_head);
  return g_steal_pointer (&upper);
}

char *
mc_settings_recipients_lines (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value ? value : "", ";", -1);
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (int i = 0; parts[i]; i++)
    {
      const char *line = g_strstrip (parts[i]);

      if (*line == '\0')
        continue;
      g_string_append_printf (out, "%s- %s", n++ ? ";\n" : "", line);
    }
  if (n > 0)
    g_string_append_c (out, '.');
  return g_string_free (out, FALSE);
}
