/* fuzz-id-number.c — số định danh cá nhân and phone validation on any text
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is "ID number\nbirth date"; whatever is accepted must be exactly
 * twelve digits, and its mask must not reveal more than it keeps.
 */
#include "config.h"

#include <string.h>

#include "mc-id-number.h"
#include "fuzz-common.h"

static void
check_digits (const char *digits, gsize expected)
{
  g_assert_cmpuint (strlen (digits), ==, expected);
  for (const char *p = digits; *p; p++)
    g_assert_true (g_ascii_isdigit (*p));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = fuzz_string (data, size);
  char *newline = strchr (text, '\n');
  const char *birth = NULL;
  g_autofree char *digits = NULL;
  g_autofree char *phone = NULL;
  McIdWarnings warnings = 0;

  if (newline != NULL)
    {
      *newline = '\0';
      birth = newline + 1;
    }
  digits = mc_id_number_validate (text, birth, &warnings, NULL);
  if (digits != NULL)
    {
      g_autofree char *masked = mc_id_number_mask (digits);
      check_digits (digits, 12);
      g_assert_cmpuint (strlen (masked), ==, 12);
      g_assert_cmpstr (masked, !=, digits);
      mc_id_number_province (digits);
    }
  phone = mc_phone_validate (text, NULL);
  if (phone != NULL)
    {
      g_assert_true (phone[0] == '0');
      check_digits (phone, strlen (phone));
    }
  return 0;
}
