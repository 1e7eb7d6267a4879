/* mc-id-number.h — số định danh cá nhân (CCCD) and phone numbers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MC_ID_ERROR (mc_id_error_quark ())
GQuark mc_id_error_quark (void);

typedef enum {
  MC_ID_ERROR_INVALID,
} McIdError;

typedef enum {
  MC_ID_WARNING_NONE = 0,
  MC_ID_WARNING_PROVINCE = 1 << 0,  /* unknown province code */
  MC_ID_WARNING_BIRTH = 1 << 1,     /* sex/century digit or year inconsistent with the birth date */
} McIdWarnings;

/* Exactly 12 digits is required (spaces are ignored); returns the digits.
 * The province code and the sex/century/year digits only produce warnings,
 * because Luật Căn cước 2023 no longer guarantees that structure. */
char       *mc_id_number_validate   (const char *text, const char *birth_date,
                                     McIdWarnings *warnings, GError **error);
const char *mc_id_number_province   (const char *digits);   /* "Thanh Hóa", NULL if unknown */
/* Vietnamese phone numbers: 10 digits starting with 0 (or +84…); returns 0… digits. */
char       *mc_phone_validate       (const char *text, GError **error);
/* "038******345": what may be shown to someone who needs only to recognise it. */
char       *mc_id_number_mask       (const char *digits);

G_END_DECLS
