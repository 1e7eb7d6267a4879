/* mc-id-number.h — số định danh cá nhân (CCCD) and phone numbers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-time.h"

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

/* What the QR code on a chip-based căn cước công dân holds:
 * "số CCCD|số CMND cũ|họ tên|ngày sinh ddmmyyyy|giới tính|địa chỉ|ngày cấp ddmmyyyy". */
typedef struct {
  char   *id_number;      /* 12 digits */
  char   *old_id_number;  /* the 9-digit CMND, or "" */
  char   *name;
  McDate  birth_date;
  char   *sex;            /* "Nam", "Nữ" as printed */
  char   *address;        /* nơi thường trú */
  McDate  issued;         /* MC_DATE_INVALID when absent */
} McIdCard;

/* TRUE when `text` starts as a card's QR does (12 digits, "|"): nobody
 * types that at a scanner's speed, so a scan can be recognised early. */
gboolean    mc_id_card_qr_prefix    (const char *text);
/* The card's fields; NULL with a message saying what is wrong otherwise.
 * Fields after the seventh (newer cards) are ignored. */
McIdCard   *mc_id_card_parse_qr     (const char *text, GError **error);
void        mc_id_card_free         (McIdCard *card);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McIdCard, mc_id_card_free)

G_END_DECLS
