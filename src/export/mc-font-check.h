/* mc-font-check.h — whether "Times New Roman" is the real font here
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NĐ 30/2020/NĐ-CP, Phụ lục I, mục II.2 ("Phông chữ: Times New Roman, bộ mã
 * ký tự Unicode theo Tiêu chuẩn Việt Nam TCVN 6909:2001"; docs/LEGAL.md §5)
 * names the font of every document we print. Debian does not ship it: its
 * fontconfig maps the name to Liberation Serif (30-metric-aliases.conf),
 * which has the same metrics, so the pages break alike but the glyphs are
 * not the required ones. A match is the real font only when the family of
 * the font fontconfig picks is "Times New Roman" itself: that a match
 * exists says nothing, as fontconfig always finds one.
 */
#pragma once

#include <fontconfig/fontconfig.h>
#include <glib.h>

G_BEGIN_DECLS

#define MC_DOCUMENT_FONT "Times New Roman"

typedef struct {
  char     *requested;  /* "Times New Roman" */
  char     *family;     /* the family of the font picked: "Liberation Serif" */
  char     *file;       /* its file, or NULL */
  gboolean  is_real;    /* family is the one requested */
} McFontMatch;

void         mc_font_match_free   (McFontMatch *match);
/* The decision on a match: one of the font's family names (a font may have
 * several, in several languages) is `requested`, case aside. */
gboolean     mc_font_family_is    (const char *requested, const char *const *families);
/* What `family` resolves to under `config` (NULL: the configuration Pango
 * draws the documents with). NULL if fontconfig finds no font at all. */
McFontMatch *mc_font_match_family (FcConfig *config, const char *family);
/* The sentence the report page and `motcua check` show when the documents'
 * font is a substitute (Vietnamese through _()); NULL when it is the real
 * one. Asked once per process: fonts are installed between runs. */
const char  *mc_font_check_warning (void);
/* The same for a given match (tests). */
char        *mc_font_warning_for  (const McFontMatch *match);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McFontMatch, mc_font_match_free)

G_END_DECLS
