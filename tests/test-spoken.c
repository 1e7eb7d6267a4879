/* test-spoken.c — ticket numbers read aloud, and the calling sentence
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-spoken.h"
#include "mc-test-utils.h"

typedef struct {
  guint          n;
  McSpokenStyle  style;
  const char    *words;
} Case;

static const Case cases[] = {
  { 0, 0, "không" },
  { 1, 0, "một" },
  { 4, 0, "bốn" },
  { 5, 0, "năm" },
  { 10, 0, "mười" },
  { 11, 0, "mười một" },
  { 14, 0, "mười bốn" },
  { 14, MC_SPOKEN_BON, "mười bốn" },
  { 15, 0, "mười lăm" },
  { 20, 0, "hai mươi" },
  { 21, 0, "hai mươi mốt" },
  { 24, 0, "hai mươi tư" },
  { 24, MC_SPOKEN_BON, "hai mươi bốn" },
  { 25, 0, "hai mươi lăm" },
  { 31, 0, "ba mươi mốt" },
  { 55, 0, "năm mươi lăm" },
  { 99, 0, "chín mươi chín" },
  { 100, 0, "một trăm" },
  { 101, 0, "một trăm linh một" },
  { 101, MC_SPOKEN_LE, "một trăm lẻ một" },
  { 104, 0, "một trăm linh tư" },
  { 104, MC_SPOKEN_LE, "một trăm lẻ tư" },
  { 104, MC_SPOKEN_LE | MC_SPOKEN_BON, "một trăm lẻ bốn" },
  { 105, 0, "một trăm linh năm" },
  { 110, 0, "một trăm mười" },
  { 115, 0, "một trăm mười lăm" },
  { 121, 0, "một trăm hai mươi mốt" },
  { 200, 0, "hai trăm" },
  { 999, 0, "chín trăm chín mươi chín" },
  { 1000, 0, "một nghìn" },
  { 1001, 0, "một nghìn không trăm linh một" },
  { 1005, MC_SPOKEN_LE, "một nghìn không trăm lẻ năm" },
  { 1010, 0, "một nghìn không trăm mười" },
  { 1015, 0, "một nghìn không trăm mười lăm" },
  { 1025, 0, "một nghìn không trăm hai mươi lăm" },
  { 1100, 0, "một nghìn một trăm" },
  { 1234, 0, "một nghìn hai trăm ba mươi tư" },
  { 2000, 0, "hai nghìn" },
  { 2024, MC_SPOKEN_BON, "hai nghìn không trăm hai mươi bốn" },
  { 5005, 0, "năm nghìn không trăm linh năm" },
  { 10000, 0, "mười nghìn" },
  { 10500, 0, "mười nghìn năm trăm" },
  { 15000, 0, "mười lăm nghìn" },
  { 21000, 0, "hai mươi mốt nghìn" },
  { 21021, 0, "hai mươi mốt nghìn không trăm hai mươi mốt" },
  { 24004, 0, "hai mươi tư nghìn không trăm linh tư" },
  { 55555, 0, "năm mươi lăm nghìn năm trăm năm mươi lăm" },
  { 90009, 0, "chín mươi nghìn không trăm linh chín" },
  { 99999, 0, "chín mươi chín nghìn chín trăm chín mươi chín" },
  { 100000, 0, "một trăm nghìn" },
  { 105001, 0, "một trăm linh năm nghìn không trăm linh một" },
  { 999999, 0, "chín trăm chín mươi chín nghìn chín trăm chín mươi chín" },
};

static void
test_table (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = mc_spoken_number (cases[i].n, cases[i].style);
      g_test_message ("%u → %s", cases[i].n, got);
      g_assert_cmpstr (got, ==, cases[i].words);
    }
}

/* Every number 0–99,999 is read, each word has a clip, the number's words never
 * begin with a bare "linh"/"lẻ"/"mươi", and "mốt"/"lăm" only follow "mươi"/"mười". */
static void
test_all (void)
{
  for (guint n = 0; n <= 99999; n++)
    {
      g_auto(GStrv) words = mc_spoken_number_words (n, n % 2 ? MC_SPOKEN_LE : MC_SPOKEN_BON);
      g_assert_nonnull (words);
      g_assert_nonnull (words[0]);
      g_assert_true (g_strcmp0 (words[0], "linh") != 0 && g_strcmp0 (words[0], "lẻ") != 0
                     && g_strcmp0 (words[0], "mươi") != 0 && g_strcmp0 (words[0], "mốt") != 0);
      for (guint i = 0; words[i]; i++)
        {
          if (mc_spoken_word_clip (words[i]) == NULL)
            g_error ("%u: no clip for “%s”", n, words[i]);
          if (g_str_equal (words[i], "mốt"))
            g_assert_cmpstr (words[i - 1], ==, "mươi");
          if (g_str_equal (words[i], "lăm"))
            g_assert_true (g_str_equal (words[i - 1], "mươi") || g_str_equal (words[i - 1], "mười"));
        }
    }
}

static void
test_sentence (void)
{
  g_autofree char *text = mc_spoken_call_text (1025, 3);
  g_assert_cmpstr (text, ==, "Mời công dân có số thứ tự 1025 đến quầy số 3");
  g_autofree char *speech = mc_spoken_call_speech (1025, 3, 0);
  g_assert_cmpstr (speech, ==,
                   "Mời công dân có số thứ tự một nghìn không trăm hai mươi lăm đến quầy số ba");
  g_autofree char *speech2 = mc_spoken_call_speech (24, 14, MC_SPOKEN_BON);
  g_assert_cmpstr (speech2, ==, "Mời công dân có số thứ tự hai mươi bốn đến quầy số mười bốn");
  g_assert_cmpstr (mc_spoken_word_clip (MC_SPOKEN_PHRASE_CALL), ==, "moi-cong-dan");
  g_assert_cmpstr (mc_spoken_word_clip (MC_SPOKEN_PHRASE_COUNTER), ==, "den-quay-so");
  g_assert_cmpstr (mc_spoken_word_clip ("mười"), ==, "muoi-huyen");
  g_assert_cmpstr (mc_spoken_word_clip ("mươi"), ==, "muoi");
  g_assert_null (mc_spoken_word_clip ("triệu"));
}

/* Ticket letters are said by their Vietnamese names (mc-spoken.c says why),
 * the number after them without its printing zeros. */
static const struct {
  const char    *label;
  McSpokenStyle  style;
  const char    *words;  /* NULL: refused */
} ticket_cases[] = {
  { "A025", 0, "a hai mươi lăm" },
  { "A1025", 0, "a một nghìn không trăm hai mươi lăm" },
  { "B104", MC_SPOKEN_LE, "bê một trăm lẻ tư" },
  { "C001", 0, "xê một" },
  { "D21", 0, "dê hai mươi mốt" },
  { "G5", 0, "giê năm" },
  { "H010", 0, "hát mười" },
  { "K15", 0, "ca mười lăm" },
  { "L3", 0, "e lờ ba" },
  { "M3", 0, "em mờ ba" },
  { "N3", 0, "en nờ ba" },
  { "P3", 0, "pê ba" },
  { "Q3", 0, "quy ba" },
  { "R3", 0, "e rờ ba" },
  { "S3", 0, "ét xì ba" },
  { "T3", 0, "tê ba" },
  { "V3", 0, "vê ba" },
  { "X3", 0, "ích xì ba" },
  { "Y3", 0, "i dài ba" },
  { "F3", 0, "ép ba" },
  { "W3", 0, "vê kép ba" },
  { "Z3", 0, "dét ba" },
  { "a7", 0, "a bảy" },      /* any case */
  { "1025", 0, "một nghìn không trăm hai mươi lăm" },
  { "0", 0, "không" },
  { "A", 0, NULL },
  { "AB12", 0, NULL },
  { "", 0, NULL },
  { "A1234567", 0, NULL },
  { "A12x", 0, NULL },
  { "Đ12", 0, NULL },
};

static void
test_tickets (void)
{
  GHashTable *seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (gsize i = 0; i < G_N_ELEMENTS (ticket_cases); i++)
    {
      g_auto(GStrv) words = mc_spoken_ticket_words (ticket_cases[i].label, ticket_cases[i].style);
      g_autofree char *joined = words ? g_strjoinv (" ", words) : NULL;

      g_test_message ("%s → %s", ticket_cases[i].label, joined ? joined : "(refused)");
      g_assert_cmpstr (joined, ==, ticket_cases[i].words);
      for (guint k = 0; words && words[k]; k++)
        g_assert_nonnull (mc_spoken_word_clip (words[k]));
    }
  /* Every letter has a name and its own clip. */
  for (char l = 'A'; l <= 'Z'; l++)
    {
      const char *clip = mc_spoken_word_clip (mc_spoken_letter (l));
      g_assert_nonnull (clip);
      g_assert_true (g_str_has_prefix (clip, "chu-"));
      g_assert_false (g_hash_table_contains (seen, clip));
      g_hash_table_add (seen, (gpointer) clip);
      g_assert_cmpstr (mc_spoken_letter (g_ascii_tolower (l)), ==, mc_spoken_letter (l));
    }
  g_assert_null (mc_spoken_letter ('1'));
  g_assert_cmpstr (mc_spoken_word_clip ("bê"), ==, "chu-b");
  g_hash_table_unref (seen);

  g_autofree char *text = mc_spoken_ticket_text ("A025", 3);
  g_assert_cmpstr (text, ==, "Mời công dân có số thứ tự A025 đến quầy số 3");
  g_autofree char *speech = mc_spoken_ticket_speech ("B104", 12, MC_SPOKEN_LE);
  g_assert_cmpstr (speech, ==, "Mời công dân có số thứ tự bê một trăm lẻ tư đến quầy số mười hai");
  g_assert_null (mc_spoken_ticket_speech ("AB1", 1, 0));
  g_assert_null (mc_spoken_ticket_text ("", 1));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/spoken/table", test_table);
  g_test_add_func ("/spoken/all", test_all);
  g_test_add_func ("/spoken/sentence", test_sentence);
  g_test_add_func ("/spoken/tickets", test_tickets);
  return g_test_run ();
}
