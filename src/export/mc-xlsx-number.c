/* mc-xlsx-number.c — figures as numbers, in Vietnamese number formats
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cell's number format cannot choose the decimal separator: Excel and
 * LibreOffice show the one of the reader's regional settings (a comma under
 * Vietnamese settings). The thousands are forced to dots (literal
 * characters), since counts are nearly all the figures and "2,501" would
 * read as two and a half to a Vietnamese reader; decimals in these reports
 * are scores and percentages under 1.000, so they need no grouping.
 */
#include "config.h"

#include <string.h>

#include "mc-xlsx-number.h"

static char *
format_code (int decimals, gboolean percent)
{
  g_autofree char *tail = decimals > 0 ? g_strnfill (decimals, '0') : g_strdup ("");
  const char *point = decimals > 0 ? "." : "";
  const char *sign = percent ? "%" : "";

  /* A ratio ≥ 10 (1.000%) does not occur: no grouping for percentages. */
  if (percent)
    return g_strdup_printf ("0%s%s%s", point, tail, sign);
  return g_strdup_printf ("[>=1000000]#\\.###\\.##0%s%s;[>=1000]#\\.##0%s%s;0%s%s",
                          point, tail, point, tail, point, tail);
}

void
mc_xlsx_number_set_format (lxw_format *format, int decimals, gboolean percent)
{
  g_autofree char *code = NULL;

  g_return_if_fail (format != NULL);
  g_return_if_fail (decimals >= 0 && decimals <= MC_XLSX_MAX_DECIMALS);

  code = format_code (decimals, percent);
  format_set_num_format (format, code);
}

/* Digits grouped by three with dots ("2.501", "12", or "2501" without
 * grouping), the first group of 1–3 digits when there are dots; the end of
 * what was read, or NULL. */
static const char *
parse_grouped (const char *p, gint64 *value)
{
  int digits = 0;

  for (*value = 0; g_ascii_isdigit (*p); p++, digits++)
    {
      if (digits >= 15)
        return NULL;
      *value = *value * 10 + (*p - '0');
    }
  if (digits == 0 || (*p == '.' && digits > 3))
    return NULL;
  while (*p == '.')
    {
      for (int k = 1; k <= 3; k++)
        if (!g_ascii_isdigit (p[k]))
          return NULL;
      if (g_ascii_isdigit (p[4]) || *value > G_GINT64_CONSTANT (999999999999))
        return NULL;
      *value = *value * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
      p += 4;
    }
  return p;
}

gboolean
mc_xlsx_number_parse (const char *text, double *value, int *decimals, gboolean *percent)
{
  const char *p = text;
  gboolean negative;
  gint64 whole, fraction = 0;
  int n = 0;
  double scale = 1;

  g_return_val_if_fail (value != NULL && decimals != NULL && percent != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  negative = *p == '-';
  p += negative;
  if ((p = parse_grouped (p, &whole)) == NULL)
    return FALSE;
  if (*p == ',')
    for (p++; g_ascii_isdigit (*p); p++, n++)
      fraction = fraction * 10 + (*p - '0'), scale *= 10;
  if ((p[-1] == ',') || n > MC_XLSX_MAX_DECIMALS)
    return FALSE;
  *percent = *p == '%';
  if (*p != '\0' && !(*percent && p[1] == '\0'))
    return FALSE;
  /* One division, so that 78,6% is 0.786 and not 0.78599999… */
  *value = (whole * scale + fraction) * (negative ? -1 : 1) / (scale * (*percent ? 100 : 1));
  *decimals = n;
  return TRUE;
}

void
mc_xlsx_figure_formats_init (McXlsxFigureFormats *figures, lxw_workbook *wb, McXlsxStyleFunc make,
                             gconstpointer style)
{
  g_return_if_fail (figures != NULL && wb != NULL && make != NULL);

  for (int percent = 0; percent < 2; percent++)
    for (int d = 0; d <= MC_XLSX_MAX_DECIMALS; d++)
      {
        figures->formats[percent][d] = make (wb, style);
        mc_xlsx_number_set_format (figures->formats[percent][d], d, percent);
      }
}

gboolean
mc_xlsx_write_figure (lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
                      const McXlsxFigureFormats *figures, lxw_format *text_format)
{
  double value;
  int decimals;
  gboolean percent;

  g_return_val_if_fail (ws != NULL && figures != NULL, FALSE);

  if (mc_xlsx_number_parse (text, &value, &decimals, &percent))
    {
      worksheet_write_number (ws, row, col, value, figures->formats[percent][decimals]);
      return TRUE;
    }
  if (text == NULL || text[0] == '\0')
    worksheet_write_blank (ws, row, col, text_format);
  else
    worksheet_write_string (ws, row, col, text, text_format);
  return FALSE;
}
