/* test-format.c — Vietnamese numbers, dates and the CSV reader
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mc-csv.h"
#include "mc-format.h"
#include "mc-test-utils.h"
#include "mc-text.h"

static void
check (char *got, const char *expected)
{
  g_assert_cmpstr (got, ==, expected);
  g_free (got);
}

static void
test_numbers (void)
{
  check (mc_format_count (0), "0");
  check (mc_format_count (999), "999");
  check (mc_format_count (1157), "1.157");
  check (mc_format_count (1000000), "1.000.000");
  check (mc_format_count (-25300), "-25.300");
  /* Estimates, two significant digits (the list's "khoảng …"). */
  check (mc_format_count_rounded (95), "95");
  check (mc_format_count_rounded (7938), "7.900");
  check (mc_format_count_rounded (7950), "8.000");
  check (mc_format_count_rounded (123456), "120.000");
  check (mc_format_count_rounded (1234567), "1,2 triệu");
  check (mc_format_count_rounded (5000000), "5 triệu");
  check (mc_format_count_rounded (12600000), "13 triệu");
  check (mc_format_percent (0.775, 1), "77,5%");
  check (mc_format_percent (0.77, 1), "77%");
  check (mc_format_percent (1.0, 2), "100%");
  check (mc_format_decimal (17.4, 1), "17,4");
  check (mc_format_decimal (1234.5, 2), "1.234,5");
  check (mc_format_money (50000), "50.000 đồng");
  check (mc_format_working_days (0.5), "0,5 ngày làm việc");
}

static void
test_dates (void)
{
  McDate d = mc_test_date ("2024-03-14");

  check (mc_format_date (d), "14/03/2024");
  check (mc_format_date_long (d), "ngày 14 tháng 3 năm 2024");
  check (mc_format_date_full (mc_test_date ("2026-11-23")), "Thứ Hai, ngày 23 tháng 11 năm 2026");
  check (mc_format_date_full (mc_test_date ("2026-11-29")), "Chủ nhật, ngày 29 tháng 11 năm 2026");
  check (mc_format_time (mc_test_time ("2024-05-03 10:00")), "10:00 ngày 03/05/2024");
}

static void
test_time_parse (void)
{
  McTime t;

  g_assert_true (mc_time_parse_iso ("2024-02-29 23:59", &t));
  check (mc_time_to_iso (t), "2024-02-29 23:59");
  g_assert_true (mc_time_parse_iso ("2024-02-29T08:05:30", &t));
  g_assert_cmpint (t % 60, ==, 30);
  /* Vietnam time is UTC+7 whatever TZ says. */
  g_assert_true (mc_time_parse_iso ("1970-01-01 07:00", &t));
  g_assert_cmpint (t, ==, 0);
  g_assert_false (mc_time_parse_iso ("2023-02-29 10:00", &t));
  g_assert_false (mc_time_parse_iso ("2024-01-01 24:00", &t));
  g_assert_false (mc_time_parse_iso ("2024-01-01 10:00x", &t));
  g_assert_false (mc_time_parse_iso ("14/03/2024 10:00", &t));
  g_assert_cmpint (mc_date_weekday (mc_test_date ("2024-03-14")), ==, 4);
  g_assert_cmpint (mc_date_weekday (mc_test_date ("1969-12-31")), ==, 3);
  for (McDate d = -800000; d < 800000; d += 997)
    {
      int y, m, day;
      mc_date_to_ymd (d, &y, &m, &day);
      g_assert_cmpint (mc_date_from_ymd (y, m, day), ==, d);
    }
}

/* Dates as printed on the CCCD and written at the counter. */
static void
test_typed_dates (void)
{
  static const struct { const char *text; int latest; const char *iso; } dates[] = {
    { "15/03/1990", 2026, "1990-03-15" },
    { "5/3/1990", 2026, "1990-03-05" },
    { " 05-03-1990 ", 2026, "1990-03-05" },
    { "5.3.1990", 2026, "1990-03-05" },
    { "15031990", 2026, "1990-03-15" },
    { "1990-03-15", 2026, "1990-03-15" },
    { "5/3/90", 2026, "1990-03-05" },     /* a birth date: not after this year */
    { "5/3/26", 2026, "2026-03-05" },
    { "5/3/27", 2026, "1927-03-05" },
    { "5/3/27", 2046, "2027-03-05" },     /* a deadline: some years ahead */
    { "29/2/24", 2026, "2024-02-29" },
    { "29/02/2023", 2026, NULL },
    { "31/4/2026", 2026, NULL },
    { "5/3/199", 2026, NULL },
    { "5/3-1990", 2026, NULL },
    { "05/13/1990", 2026, NULL },
    { "1990", 2026, NULL },
    { "15.03.1990x", 2026, NULL },
    { "", 2026, NULL },
  };
  static const struct { const char *text; const char *iso; } times[] = {
    { "05/12/2026 10:30", "2026-12-05 10:30" },
    { "5/12/26 8h", "2026-12-05 08:00" },
    { "10h30 5/12/2026", "2026-12-05 10:30" },
    { "10:30,  05/12/2026", "2026-12-05 10:30" },
    { "2026-12-05 07:05", "2026-12-05 07:05" },
    { "05/12/2026", NULL },
    { "05/12/2026 24:00", NULL },
    { "05/12/2026 10:3", NULL },
    { "05/12/2026 10:30 x", NULL },
  };
  McDate date;
  McTime t;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      gboolean ok = mc_date_parse_typed (dates[i].text, dates[i].latest, &date);

      g_test_message ("%s", dates[i].text);
      g_assert_cmpint (ok, ==, dates[i].iso != NULL);
      if (ok)
        check (mc_date_to_iso (date), dates[i].iso);
    }
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      gboolean ok = mc_time_parse_typed (times[i].text, 2046, &t);

      g_test_message ("%s", times[i].text);
      g_assert_cmpint (ok, ==, times[i].iso != NULL);
      if (ok)
        check (mc_time_to_iso (t), times[i].iso);
    }
  check (mc_date_to_typed (mc_test_date ("1990-03-05")), "05/03/1990");
  g_assert_true (mc_time_parse_typed ("5/12/26 8h", 2046, &t));
  check (mc_time_to_typed (t), "05/12/2026 08:00");
}

static void
test_csv (void)
{
  const char *data = "\xEF\xBB\xBF" "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n\n\"multi\nline\",,last";
  g_autoptr(McCsvReader) reader = mc_csv_reader_new (data, strlen (data));
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const char *fields[] = { "x, y", "say \"hi\"", "plain" };

  g_assert_true (mc_csv_reader_next (reader, row, &error));
  g_assert_cmpstr (row->pdata[0], ==, "a");
  g_assert_true (mc_csv_reader_next (reader, row, &error));
  g_assert_cmpuint (mc_csv_reader_get_line (reader), ==, 2);
  g_assert_cmpstr (row->pdata[1], ==, "x, y");
  g_assert_cmpstr (row->pdata[2], ==, "say \"hi\"");
  g_assert_true (mc_csv_reader_next (reader, row, &error));
  g_assert_cmpuint (mc_csv_reader_get_line (reader), ==, 4);
  g_assert_cmpstr (row->pdata[0], ==, "multi\nline");
  g_assert_cmpstr (row->pdata[1], ==, "");
  g_assert_cmpstr (row->pdata[2], ==, "last");
  g_assert_false (mc_csv_reader_next (reader, row, &error));
  g_assert_no_error (error);
  mc_csv_append_row (out, fields, 3);
  g_assert_cmpstr (out->str, ==, "\"x, y\",\"say \"\"hi\"\"\",plain\r\n");
}

static void
test_csv_hostile (void)
{
  gsize big = MC_CSV_MAX_FIELD_BYTES + 10;
  g_autofree char *data = g_malloc (big + 1);
  g_autoptr(McCsvReader) reader = NULL;
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char nul[] = "a,b\n1,\0\n";
  g_autoptr(McCsvReader) nul_reader = mc_csv_reader_new (nul, sizeof nul - 1);

  memset (data, 'x', big);
  data[big] = '\0';
  reader = mc_csv_reader_new (data, big);
  g_assert_false (mc_csv_reader_next (reader, row, &error));
  g_assert_error (error, MC_CSV_ERROR, MC_CSV_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_true (mc_csv_reader_next (nul_reader, row, &error));
  g_assert_false (mc_csv_reader_next (nul_reader, row, &error));
  g_assert_error (error, MC_CSV_ERROR, MC_CSV_ERROR_ENCODING);
}

/* What a script reading our output does: \t \n \r \\ back to the character. */
static char *
unescape_tsv (const char *field)
{
  GString *out = g_string_new (NULL);

  for (const char *p = field; *p; p++)
    {
      g_assert_false (*p == '\t' || *p == '\n' || *p == '\r');
      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      g_assert_nonnull (strchr ("tnr\\", *p));
      g_string_append_c (out, *p == 't' ? '\t' : *p == 'n' ? '\n' : *p == 'r' ? '\r' : '\\');
    }
  return g_string_free (out, FALSE);
}

static void
test_escape_tsv (void)
{
  static const struct { const char *text, *escaped; } cases[] = {
    { "Nguyễn Văn An", "Nguyễn Văn An" },
    { "Lê\tVăn", "Lê\\tVăn" },
    { "dòng một\ndòng hai\r\n", "dòng một\\ndòng hai\\r\\n" },
    { "C:\\hồ sơ\\t", "C:\\\\hồ sơ\\\\t" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = mc_text_escape_tsv (cases[i].text);
      g_autofree char *back = unescape_tsv (escaped);

      g_assert_cmpstr (escaped, ==, cases[i].escaped);
      g_assert_cmpstr (back, ==, cases[i].text);
    }
  check (mc_text_escape_tsv (NULL), "");
}

/* NFC whatever way the text came: the short way (already composed) and the
 * long one (combining marks, also after a composed letter) agree. */
static void
test_normalize (void)
{
  static const struct { const char *text, *nfc; } cases[] = {
    { "  Nguyễn Thị Ánh ", "Nguyễn Thị Ánh" },
    { "Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 A\xcc\x81nh", "Nguyễn Thị Ánh" },
    { "\xe1\xba\xa1\xcc\x82", "ậ" },               /* ạ + combining circumflex */
    { "Đ\xe1\xbb\xa9" "c", "Đức" },
    { "\xe2\x84\xab", "Å" },                        /* the Ångström sign */
    { "ASCII 123", "ASCII 123" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    check (mc_text_normalize (cases[i].text), cases[i].nfc);
  g_assert_null (mc_text_normalize ("\xff" "abc"));
  check (mc_text_for_storage ("\xff" "abc"), "\xff" "abc");
}

/* OWASP's CSV injection: a cell a spreadsheet would evaluate is written
 * after a quote; numbers, even negative ones, are left alone; the reader
 * gives back what was written. */
static void
test_csv_formulas (void)
{
  static const struct { const char *value, *written; } cases[] = {
    { "=HYPERLINK(\"http://x.example\",\"Bấm\")", "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"Bấm\"\")\"" },
    { "=1+2", "'=1+2" },
    { "+84 912 345 678", "'+84 912 345 678" },
    { "-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0" },
    { "@SUM(A1:A9)", "'@SUM(A1:A9)" },
    { "\t=1+2", "'\t=1+2" },
    { "-5", "-5" },
    { "+84912345678", "+84912345678" },
    { "-25.300", "-25.300" },
    { "-77,5%", "\"-77,5%\"" },
    { "-", "-" },
    { "Lê Văn An", "Lê Văn An" },
    { "'=kept", "'=kept" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *fields[] = { cases[i].value, "x" };
      g_autoptr(GString) out = g_string_new (NULL);
      g_autofree char *expected = g_strconcat (cases[i].written, ",x\r\n", NULL);
      g_autoptr(McCsvReader) reader = NULL;
      g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;

      mc_csv_append_row (out, fields, 2);
      g_assert_cmpstr (out->str, ==, expected);
      reader = mc_csv_reader_new (out->str, out->len);
      g_assert_true (mc_csv_reader_next (reader, row, &error));
      g_assert_cmpstr (row->pdata[0], ==, g_str_equal (cases[i].value, "'=kept") ? "=kept" : cases[i].value);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/numbers", test_numbers);
  g_test_add_func ("/format/dates", test_dates);
  g_test_add_func ("/format/time-parse", test_time_parse);
  g_test_add_func ("/format/typed-dates", test_typed_dates);
  g_test_add_func ("/csv/read-write", test_csv);
  g_test_add_func ("/csv/hostile", test_csv_hostile);
  g_test_add_func ("/csv/formulas", test_csv_formulas);
  g_test_add_func ("/text/escape-tsv", test_escape_tsv);
  g_test_add_func ("/text/normalize", test_normalize);
  return g_test_run ();
}
