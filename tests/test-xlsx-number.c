/* test-xlsx-number.c — figures read the Vietnamese way and written as
 * numbers with Vietnamese-looking formats, read back from the sheet XML
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mc-test-utils.h"
#include "mc-xlsx-file.h"
#include "mc-xlsx-number.h"

static void
test_parse (void)
{
  static const struct { const char *text; gboolean ok; double value; int decimals; gboolean percent; } cases[] = {
    { "0", TRUE, 0, 0, FALSE },
    { "85", TRUE, 85, 0, FALSE },
    { "2.501", TRUE, 2501, 0, FALSE },
    { "1.234.567", TRUE, 1234567, 0, FALSE },
    { "2501", TRUE, 2501, 0, FALSE },
    { "77,5", TRUE, 77.5, 1, FALSE },
    { "1.234,56", TRUE, 1234.56, 2, FALSE },
    { "-3", TRUE, -3, 0, FALSE },
    { "77,5%", TRUE, 0.775, 1, TRUE },
    { "100%", TRUE, 1, 0, TRUE },
    { "", FALSE }, { "-", FALSE }, { "3.1", FALSE }, { "3.3.1", FALSE }, { "1.5", FALSE }, { "1.2345", FALSE },
    { "2501.000", FALSE }, { "77,", FALSE }, { ",5", FALSE }, { "77,555", FALSE }, { "TTHC", FALSE },
    { "12 hồ sơ", FALSE }, { "5%%", FALSE }, { "1.000.", FALSE }, { "9999999999999999", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double value = -1;
      int decimals = -1;
      gboolean percent = -1;
      gboolean ok = mc_xlsx_number_parse (cases[i].text, &value, &decimals, &percent);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!ok)
        continue;
      g_assert_cmpfloat_with_epsilon (value, cases[i].value, 1e-9);
      g_assert_cmpint (decimals, ==, cases[i].decimals);
      g_assert_cmpint (percent, ==, cases[i].percent);
    }
}

static lxw_format *
bordered (lxw_workbook *wb, gconstpointer style)
{
  lxw_format *f = workbook_add_format (wb);

  format_set_border (f, LXW_BORDER_THIN);
  return f;
}

static char *
unzip_member (const char *path, const char *member)
{
  const char *argv[] = { "unzip", "-p", path, member, NULL };

  return mc_test_run_tool (argv);
}

/* The cell's <c> element in the sheet. */
static char *
cell_xml (const char *sheet, const char *ref)
{
  g_autofree char *pattern = g_strdup_printf ("<c r=\"%s\"[^>]*(/>|>.*?</c>)", ref);
  g_autoptr(GRegex) re = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_assert_true (g_regex_match (re, sheet, 0, &match));
  return g_match_info_fetch (match, 0);
}

/* The number format code of the cell's style (styles.xml). */
static char *
cell_format_code (const char *styles, const char *cell)
{
  g_autoptr(GRegex) s_re = g_regex_new (" s=\"([0-9]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *s = NULL, *xfs = NULL, *num_fmt_id = NULL, *pattern = NULL;
  g_auto(GStrv) xf = NULL;
  g_autoptr(GRegex) id_re = g_regex_new ("numFmtId=\"([0-9]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) id_match = NULL;
  g_autoptr(GRegex) code_re = NULL;
  g_autoptr(GMatchInfo) code_match = NULL;
  const char *cell_xfs = strstr (styles, "<cellXfs");

  g_assert_true (g_regex_match (s_re, cell, 0, &match));
  s = g_match_info_fetch (match, 1);
  g_assert_nonnull (cell_xfs);
  xfs = g_strndup (cell_xfs, strstr (cell_xfs, "</cellXfs>") - cell_xfs);
  xf = g_strsplit (xfs, "<xf ", -1);
  g_assert_cmpint (atoi (s) + 1, <, (int) g_strv_length (xf));
  g_assert_true (g_regex_match (id_re, xf[atoi (s) + 1], 0, &id_match));
  num_fmt_id = g_match_info_fetch (id_match, 1);
  pattern = g_strdup_printf ("<numFmt numFmtId=\"%s\" formatCode=\"([^\"]*)\"", num_fmt_id);
  code_re = g_regex_new (pattern, 0, 0, NULL);
  if (!g_regex_match (code_re, styles, 0, &code_match))
    return g_strdup_printf ("builtin %s", num_fmt_id);
  return g_match_info_fetch (code_match, 1);
}

/* Counts, tenths, a percentage and a label in one column: the figures are
 * numbers (no t="s"), in the formats that print them as the report does,
 * the label a shared string, the empty cell blank with its border. */
static void
test_write (void)
{
  static const struct { const char *text, *ref, *value, *code; } cells[] = {
    { "2.501", "A1", "2501", "[&gt;=1000000]#\\.###\\.##0;[&gt;=1000]#\\.##0;0" },
    { "85", "A2", "85", "[&gt;=1000000]#\\.###\\.##0;[&gt;=1000]#\\.##0;0" },
    { "17,4", "A3", "17.4", "[&gt;=1000000]#\\.###\\.##0.0;[&gt;=1000]#\\.##0.0;0.0" },
    { "78,6%", "A4", "0.786", "0.0%" },
  };
  g_autofree char *path = mc_test_tmp_path ("figures.xlsx");
  g_autoptr(GError) error = NULL;
  g_autofree char *sheet = NULL, *styles = NULL, *label = NULL, *blank = NULL;
  lxw_workbook *wb = mc_xlsx_file_new (path, path, &error);
  lxw_worksheet *ws;
  lxw_format *text;
  McXlsxFigureFormats figures;

  g_assert_no_error (error);
  ws = workbook_add_worksheet (wb, NULL);
  text = bordered (wb, NULL);
  mc_xlsx_figure_formats_init (&figures, wb, bordered, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    g_assert_true (mc_xlsx_write_figure (ws, i, 0, cells[i].text, &figures, text));
  g_assert_false (mc_xlsx_write_figure (ws, 4, 0, "3.3.1", &figures, text));
  g_assert_false (mc_xlsx_write_figure (ws, 5, 0, "", &figures, text));
  g_assert_true (mc_xlsx_file_close (wb, path, &error));
  g_assert_no_error (error);

  sheet = unzip_member (path, "xl/worksheets/sheet1.xml");
  styles = unzip_member (path, "xl/styles.xml");
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autofree char *cell = cell_xml (sheet, cells[i].ref);
      g_autofree char *value = g_strdup_printf ("<v>%s</v>", cells[i].value);
      g_autofree char *code = cell_format_code (styles, cell);

      g_test_message ("%s", cell);
      g_assert_null (strstr (cell, "t=\""));
      g_assert_nonnull (strstr (cell, value));
      g_assert_cmpstr (code, ==, cells[i].code);
    }
  label = cell_xml (sheet, "A5");
  g_assert_nonnull (strstr (label, "t=\"s\""));
  blank = cell_xml (sheet, "A6");
  g_assert_null (strstr (blank, "<v>"));
  g_assert_nonnull (strstr (blank, " s=\""));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/xlsx-number/parse", test_parse);
  g_test_add_func ("/xlsx-number/write", test_write);
  return g_test_run ();
}
