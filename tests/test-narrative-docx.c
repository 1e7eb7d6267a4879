/* test-narrative-docx.c — BÁO CÁO as a Word document: a zip of well-formed
 * WordprocessingML parts in the NĐ 30 layout, with the report's text (the
 * edited text when one is kept), rendered by LibreOffice when it is there
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The structural checks always run (unzip, GLib's markup parser, xmllint
 * when installed); the rendering by `libreoffice --headless --convert-to
 * pdf` is skipped where LibreOffice is not installed (the CI image does not
 * carry its 150 MB).
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "mc-report-narrative-docx.h"
#include "mc-report-narrative-export.h"
#include "mc-report-narrative-private.h"
#include "mc-test-utils.h"

static const char *const parts[] = {
  "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/_rels/document.xml.rels", "word/styles.xml",
  "word/header1.xml", "word/document.xml",
};

static McReportNarrative *
narrative (void)
{
  McReportNarrative *n = mc_report_narrative_alloc (0, mc_test_date ("2023-12-15"), mc_test_date ("2024-03-14"));

  mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_ISSUER, g_strdup ("ỦY BAN NHÂN DÂN\nPHƯỜNG PHÚ SƠN"));
  mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_PLACE, g_strdup ("Phú Sơn"));
  mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_SUBJECT,
                                 g_strdup ("Tình hình, kết quả giải quyết thủ tục hành chính quý I năm 2024"));
  mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_ADDRESSEE, g_strdup ("Kính gửi: UBND thị xã Bỉm Sơn."));
  mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_RECIPIENTS, g_strdup ("- UBND thị xã (b/c);\n- Lưu: VT, VP."));
  mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_AUTHORITY, g_strdup ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"));
  mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_SIGNER, g_strdup ("Nguyễn Thị Nga"));
  mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_AUDIT_HEAD, g_strdup ("281:d42f3a1e4c1c0028"));
  mc_report_narrative_take_draft (n, g_strdup ("Thực hiện chế độ báo cáo định kỳ, UBND phường báo cáo như sau:\n\n"
                                               "I. KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH\n\n"
                                               "- Tổng số hồ sơ đã tiếp nhận là 1.157 hồ sơ. Trong đó:\n"
                                               "+ Số hồ sơ tiếp nhận trực tiếp: 902 hồ sơ;\n\n"
                                               "II. ĐÁNH GIÁ CHUNG\n\n"
                                               "Trên đây là báo cáo của UBND phường./."));
  return n;
}

static char *
unzip_part (const char *path, const char *part)
{
  /* unzip reads its names as wildcards: "[" is one in "[Content_Types]". */
  g_autofree char *pattern = part[0] == '[' ? g_strconcat ("[[]", part + 1, NULL) : g_strdup (part);
  const char *argv[] = { "unzip", "-p", path, pattern, NULL };

  return mc_test_run_tool (argv);
}

static void
assert_well_formed (const char *name, const char *xml)
{
  static const GMarkupParser parser = { NULL, };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_markup_parse_context_parse (context, xml, -1, &error) || !g_markup_parse_context_end_parse (context, &error))
    g_error ("%s is not well-formed: %s", name, error->message);
  if (mc_test_have_program ("xmllint"))
    {
      g_autofree char *file = mc_test_tmp_path ("part.xml");
      const char *argv[] = { "xmllint", "--noout", file, NULL };
      g_autofree char *out = NULL;

      g_assert_true (g_file_set_contents (file, xml, -1, NULL));
      out = mc_test_run_tool (argv);
      g_assert_cmpstr (out, ==, "");
    }
}

/* The file is a zip of the seven parts, each well-formed; the document
 * holds the texts escaped, the NĐ 30 page and fonts, the paragraphs in
 * order; the file is 0600. */
static void
test_structure (void)
{
  g_autoptr(McReportNarrative) n = narrative ();
  g_autofree char *path = mc_test_tmp_path ("bao-cao.docx");
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL, *document = NULL, *styles = NULL;
  const char *list_argv[] = { "unzip", "-Z1", path, NULL };
  const char *first, *second, *last;
  struct stat st;

  /* What a leader may type: markup characters and a stray control one. */
  mc_report_narrative_set_body (n, "Mở đầu <b>&amp; \"trích\"</b>\x01 xong.\n\nI. MỘT\n\nĐoạn một.\nĐoạn hai.");
  g_assert_true (mc_report_narrative_write_docx (n, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  listing = mc_test_run_tool (list_argv);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *xml = unzip_part (path, parts[i]);

      g_assert_nonnull (strstr (listing, parts[i]));
      assert_well_formed (parts[i], xml);
    }
  document = unzip_part (path, "word/document.xml");
  g_assert_nonnull (strstr (document, "Mở đầu &lt;b&gt;&amp;amp; &quot;trích&quot;&lt;/b&gt; xong."));
  g_assert_nonnull (strstr (document, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  g_assert_nonnull (strstr (document, "Độc lập - Tự do - Hạnh phúc"));
  g_assert_nonnull (strstr (document, "Phú Sơn, ngày 14 tháng 3 năm 2024"));
  g_assert_nonnull (strstr (document, "Số:        /BC-UBND"));
  g_assert_nonnull (strstr (document, ">BÁO CÁO<"));
  g_assert_nonnull (strstr (document, "Nơi nhận:"));
  g_assert_nonnull (strstr (document, "KT. CHỦ TỊCH</w:t><w:br/><w:t xml:space=\"preserve\">PHÓ CHỦ TỊCH"));
  /* A4, margins 20/20/30/15 mm in twips. */
  g_assert_nonnull (strstr (document, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
  g_assert_nonnull (strstr (document, "w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\""));
  first = strstr (document, "Mở đầu");
  second = strstr (document, "Đoạn một.");
  last = strstr (document, "Đoạn hai.");
  g_assert_true (first && second && last && first < second && second < last);
  styles = unzip_part (path, "word/styles.xml");
  g_assert_nonnull (strstr (styles, "w:ascii=\"Times New Roman\""));
}

static char *
libreoffice (void)
{
  return mc_test_have_program ("libreoffice") ? g_strdup ("libreoffice")
         : mc_test_have_program ("soffice")   ? g_strdup ("soffice")
                                              : NULL;
}

/* LibreOffice Writer opens it and prints the report's text: heading,
 * subject, body, Nơi nhận and the signature. */
static void
test_libreoffice_renders (void)
{
  g_autoptr(McReportNarrative) n = narrative ();
  g_autofree char *program = libreoffice ();
  g_autofree char *dir = mc_test_tmp_path ("lo");
  g_autofree char *path = g_build_filename (dir, "bao-cao.docx", NULL);
  g_autofree char *pdf = g_build_filename (dir, "bao-cao.pdf", NULL);
  g_autofree char *profile = NULL, *text = NULL;
  g_autoptr(GError) error = NULL;

  if (program == NULL)
    {
      g_test_skip ("LibreOffice is not installed (libreoffice-writer)");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  profile = g_strdup_printf ("-env:UserInstallation=file://%s/profile", dir);
  mc_report_narrative_set_body (n, "Đoạn do lãnh đạo sửa trước khi ký.\n\nI. KẾT QUẢ\n\nĐã tiếp nhận 1.157 hồ sơ.");
  g_assert_true (mc_report_narrative_write_docx (n, path, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { program, profile, "--headless", "--convert-to", "pdf", "--outdir", dir, path, NULL };
    g_auto(GStrv) env = g_get_environ ();
    int status = 0;

    /* The tests' GLib and malloc checks are for Motcua, not for LibreOffice
     * (it stops on a GLib warning of its own under fatal-warnings). */
    env = g_environ_unsetenv (env, "G_DEBUG");
    env = g_environ_unsetenv (env, "MALLOC_CHECK_");
    env = g_environ_unsetenv (env, "MALLOC_PERTURB_");
    g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                                 G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_no_error (error);
  }
  if ((text = mc_test_pdftotext (pdf, "-raw")) == NULL)
    return;
  mc_test_assert_has (text, "ỦY BAN NHÂN DÂN");
  mc_test_assert_has (text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  mc_test_assert_has (text, "Độc lập - Tự do - Hạnh phúc");
  mc_test_assert_has (text, "Phú Sơn, ngày 14 tháng 3 năm 2024");
  mc_test_assert_has (text, "BÁO CÁO");
  mc_test_assert_has (text, "Tình hình, kết quả giải quyết thủ tục hành chính quý I năm 2024");
  mc_test_assert_has (text, "Kính gửi: UBND thị xã Bỉm Sơn.");
  mc_test_assert_has (text, "Đoạn do lãnh đạo sửa trước khi ký.");
  mc_test_assert_has (text, "Đã tiếp nhận 1.157 hồ sơ.");
  mc_test_assert_has (text, "Nơi nhận:");
  mc_test_assert_has (text, "PHÓ CHỦ TỊCH");
  mc_test_assert_has (text, "Nguyễn Thị Nga");
  g_assert_null (strstr (text, "Trên đây là báo cáo"));  /* the draft's, replaced */
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/narrative-docx/structure", test_structure);
  g_test_add_func ("/narrative-docx/libreoffice-renders", test_libreoffice_renders);
  return g_test_run ();
}
