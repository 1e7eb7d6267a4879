/* mc-id-number.c — số định danh cá nhân (CCCD) and phone numbers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Structure per Thông tư 59/2021/TT-BCA: 3 digits province of birth
 * registration, 1 digit sex and century (even male, odd female; 0/1 = 1900s,
 * 2/3 = 2000s …), 2 digits year of birth, 6 digits random. There is no public
 * check digit.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-id-number.h"
#include "mc-text.h"

G_DEFINE_QUARK (mc-id-error-quark, mc_id_error)

static const struct { const char *code, *name; } provinces[] = {
  { "001", "Hà Nội" }, { "002", "Hà Giang" }, { "004", "Cao Bằng" }, { "006", "Bắc Kạn" },
  { "008", "Tuyên Quang" }, { "010", "Lào Cai" }, { "011", "Điện Biên" }, { "012", "Lai Châu" },
  { "014", "Sơn La" }, { "015", "Yên Bái" }, { "017", "Hòa Bình" }, { "019", "Thái Nguyên" },
  { "020", "Lạng Sơn" }, { "022", "Quảng Ninh" }, { "024", "Bắc Giang" }, { "025", "Phú Thọ" },
  { "026", "Vĩnh Phúc" }, { "027", "Bắc Ninh" }, { "030", "Hải Dương" }, { "031", "Hải Phòng" },
  { "033", "Hưng Yên" }, { "034", "Thái Bình" }, { "035", "Hà Nam" }, { "036", "Nam Định" },
  { "037", "Ninh Bình" }, { "038", "Thanh Hóa" }, { "040", "Nghệ An" }, { "042", "Hà Tĩnh" },
  { "044", "Quảng Bình" }, { "045", "Quảng Trị" }, { "046", "Thừa Thiên Huế" }, { "048", "Đà Nẵng" },
  { "049", "Quảng Nam" }, { "051", "Quảng Ngãi" }, { "052", "Bình Định" }, { "054", "Phú Yên" },
  { "056", "Khánh Hòa" }, { "058", "Ninh Thuận" }, { "060", "Bình Thuận" }, { "062", "Kon Tum" },
  { "064", "Gia Lai" }, { "066", "Đắk Lắk" }, { "067", "Đắk Nông" }, { "068", "Lâm Đồng" },
  { "070", "Bình Phước" }, { "072", "Tây Ninh" }, { "074", "Bình Dương" }, { "075", "Đồng Nai" },
  { "077", "Bà Rịa - Vũng Tàu" }, { "079", "TP. Hồ Chí Minh" }, { "080", "Long An" }, { "082", "Tiền Giang" },
  { "083", "Bến Tre" }, { "084", "Trà Vinh" }, { "086", "Vĩnh Long" }, { "087", "Đồng Tháp" },
  { "089", "An Giang" }, { "091", "Kiên Giang" }, { "092", "Cần Thơ" }, { "093", "Hậu Giang" },
  { "094", "Sóc Trăng" }, { "095", "Bạc Liêu" }, { "096", "Cà Mau" },
};

/* The digits of `text`, with spaces, dots and dashes (as people type them) removed. */
static char *
digits_only (const char *text, gboolean *other)
{
  GString *out = g_string_new (NULL);

  *other = FALSE;
  for (const char *p = text ? text : ""; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (out, *p);
      else if (*p != ' ' && *p != '.' && *p != '-')
        *other = TRUE;
    }
  return g_string_free (out, FALSE);
}

const char *
mc_id_number_province (const char *digits)
{
  for (guint i = 0; digits && i < G_N_ELEMENTS (provinces); i++)
    if (strncmp (digits, provinces[i].code, 3) == 0)
      return provinces[i].name;
  return NULL;
}

static gboolean
birth_consistent (const char *digits, const char *birth_date)
{
  int century_digit = digits[3] - '0';
  int year_digits = (digits[4] - '0') * 10 + (digits[5] - '0');
  int year;

  if (birth_date == NULL || strlen (birth_date) < 4 || !g_ascii_isdigit (birth_date[0]))
    return TRUE;
  year = atoi (birth_date);
  return year / 100 == 19 + century_digit / 2 && year % 100 == year_digits;
}

char *
mc_id_number_validate (const char *text, const char *birth_date, McIdWarnings *warnings, GError **error)
{
  gboolean other;
  g_autofree char *digits = digits_only (text, &other);

  if (warnings)
    *warnings = MC_ID_WARNING_NONE;
  if (other || strlen (digits) != 12)
    {
      g_set_error (error, MC_ID_ERROR, MC_ID_ERROR_INVALID,
                   _("The personal identification number must have exactly 12 digits"));
      return NULL;
    }
  if (warnings && mc_id_number_province (digits) == NULL)
    *warnings |= MC_ID_WARNING_PROVINCE;
  if (warnings && !birth_consistent (digits, birth_date))
    *warnings |= MC_ID_WARNING_BIRTH;
  return g_steal_pointer (&digits);
}

char *
mc_phone_validate (const char *text, GError **error)
{
  gboolean other;
  const char *start = text ? text : "";
  g_autofree char *digits = NULL;

  while (*start == ' ')
    start++;
  if (*start == '+')
    start++;
  digits = digits_only (start, &other);
  if (g_str_has_prefix (digits, "84") && strlen (digits) == 11)
    {
      char *local = g_strconcat ("0", digits + 2, NULL);
      g_free (digits);
      digits = local;
    }
  if (other || digits[0] != '0' || strlen (digits) < 10 || strlen (digits) > 11)
    {
      g_set_error (error, MC_ID_ERROR, MC_ID_ERROR_INVALID,
                   _("The phone number must have 10 digits and start with 0 (or +84)"));
      return NULL;
    }
  return g_steal_pointer (&digits);
}

char *
mc_id_number_mask (const char *digits)
{
  size_t len = digits ? strlen (digits) : 0;
  char *out;

  if (len < 7)
    return g_strnfill (len, '*');
  out = g_strdup (digits);
  memset (out + 3, '*', len - 6);
  return out;
}

gboolean
mc_id_card_qr_prefix (const char *text)
{
  return text != NULL && strlen (text) >= 13 && strspn (text, "0123456789") == 12 && text[12] == '|';
}

/* ddmmyyyy, as the card's QR writes its dates. */
static gboolean
parse_card_date (const char *text, McDate *out)
{
  int d, m, y;

  if (strlen (text) != 8 || strspn (text, "0123456789") != 8)
    return FALSE;
  d = (text[0] - '0') * 10 + (text[1] - '0');
  m = (text[2] - '0') * 10 + (text[3] - '0');
  y = atoi (text + 4);
  if (!mc_date_is_valid_ymd (y, m, d))
    return FALSE;
  *out = mc_date_from_ymd (y, m, d);
  return TRUE;
}

static gboolean
card_fail (GError **error, const char *message)
{
  g_set_error_literal (error, MC_ID_ERROR, MC_ID_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
read_card_fields (McIdCard *card, char **fields, GError **error)
{
  if (g_strv_length (fields) < 7)
    return card_fail (error, _("The scanned code is not the QR code of a citizen identity card"));
  card->id_number = mc_id_number_validate (fields[0], NULL, NULL, NULL);
  if (card->id_number == NULL)
    return card_fail (error, _("The card’s QR code has no valid 12-digit identification number"));
  card->old_id_number = g_strstrip (g_strdup (fields[1]));
  card->name = mc_text_normalize (fields[2]);
  if (card->name == NULL || *card->name == '\0')
    return card_fail (error, _("The card’s QR code has no name"));
  if (!parse_card_date (fields[3], &card->birth_date))
    return card_fail (error, _("The card’s QR code has no valid date of birth (ddmmyyyy)"));
  card->sex = mc_text_normalize (fields[4]);
  card->address = mc_text_normalize (fields[5]);
  if (card->sex == NULL || card->address == NULL)
    return card_fail (error, _("The scanned code is not the QR code of a citizen identity card"));
  if (!parse_card_date (fields[6], &card->issued))
    card->issued = MC_DATE_INVALID;
  return TRUE;
}

McIdCard *
mc_id_card_parse_qr (const char *text, GError **error)
{
  g_autoptr(McIdCard) card = g_new0 (McIdCard, 1);
  g_auto(GStrv) fields = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      card_fail (error, _("The scanned code is not the QR code of a citizen identity card"));
      return NULL;
    }
  fields = g_strsplit (text, "|", -1);
  if (!read_card_fields (card, fields, error))
    return NULL;
  return g_steal_pointer (&card);
}

void
mc_id_card_free (McIdCard *card)
{
  if (card == NULL)
    return;
  g_free (card->id_number);
  g_free (card->old_id_number);
  g_free (card->name);
  g_free (card->sex);
  g_free (card->address);
  g_free (card);
}
