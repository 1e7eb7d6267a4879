/* bench-gui.c — the desktop app's start, sign-in, page switches and memory, on a display
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-gui DATABASE [USERNAME]   (the password in MOTCUA_PASSWORD)
 * Run by bench/bench-gui under Xvfb. It runs the application as motcua-gui
 * does (the same activate, sign-in window and main window) and times each
 * step to the first frame painted after it, as a person would see it:
 *   - start to first window: from BENCH_T0_NS (the wall clock, in ns, taken
 *     by the script just before exec, so loading the libraries counts) or
 *     from main() when it is not set;
 *   - sign-in to main window: from the sign-in submitted to the main
 *     window's first frame;
 *   - every page the person has (or those named in BENCH_GUI_PAGES, e.g.
 *     "dossiers,reports"), in the sidebar's order, twice: the first visit
 *     (the page is built and queried) and a switch back to it;
 *   - each keystroke in Danh sách hồ sơ's search (BENCH_GUI_TYPE, by default
 *     "nguyen van", a character at a time, 250 ms apart as a quick typist's):
 *     from the character entering the field to the first frame painted after
 *     the list took the new query, so a delay before the query counts;
 *   - VmHWM and VmRSS of the process after the pages were all shown;
 *   - with BENCH_GUI_SHOTS=DIR, each page as DIR/USER-PAGE.png at its first
 *     visit, 500 ms after its first frame (BENCH_GUI_SHOT_MS), to look at
 *     what was timed;
 *   - beside each time, the processor time the process used for it (all its
 *     threads), which the load of a shared machine does not inflate, and
 *     that of the main thread alone (the page's own work).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mc-application.h"
#include "mc-dossier-page.h"
#include "mc-locale.h"
#include "mc-login-window.h"
#include "mc-pages.h"
#include "mc-window.h"

#define ROUNDS 2

typedef struct Bench Bench;
typedef void (*Step) (Bench *b);

struct Bench
{
  McApplication    *app;
  gint64            t0;        /* µs of the wall clock at exec */
  const char       *username;
  const char       *password;
  gint64            mark;      /* µs of the wall clock when the measured step began */
  gint64            cpu_mark;  /* µs of the process's processor time then */
  gint64            main_mark; /* µs of this (the main) thread's processor time then */
  GtkWindow        *first;     /* the sign-in window, or the main window without accounts */
  McWindow         *main;
  const McPageInfo *pages;
  guint             n_pages;
  guint             round;
  guint             next;      /* the next page of the round */
  GdkFrameClock    *clock;
  gulong            paint_id;
  Step              then;      /* what follows the frame awaited */
  GtkEditable      *search;    /* Danh sách hồ sơ's search field */
  const char       *typed;     /* the text typed into it */
  guint             n_typed;   /* characters typed so far */
  gboolean          queried;   /* the list took the last keystroke's query */
  GArray           *key_ms;    /* wall time of each keystroke, ms */
  int               status;
};

static double
ms_since (gint64 mark)
{
  return (g_get_real_time () - mark) / 1000.0;
}

/* Processor time of the whole process (every thread), µs: the figure the
 * load of a shared machine does not inflate. */
static gint64
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* Processor time of the main thread alone, µs: the page's own work. The
 * process's figure also holds its background threads' (the integrity check
 * of the database after start, mc-backup-guard.c, reads the whole file
 * for seconds at a million dossiers), which made the same page switch
 * cost 5 ms in one run and 180 ms in the next. */
static gint64
main_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
start_step (Bench *b)
{
  b->mark = g_get_real_time ();
  b->cpu_mark = cpu_now ();
  b->main_mark = main_now ();
}

static double
cpu_ms (Bench *b)
{
  return (cpu_now () - b->cpu_mark) / 1000.0;
}

static double
main_ms (Bench *b)
{
  return (main_now () - b->main_mark) / 1000.0;
}

static void
print_memory (const char *when)
{
  g_autofree char *status = NULL;
  long hwm = 0, rss = 0;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return;
  for (char *line = status; line != NULL && *line; line = strchr (line, '\n') ? strchr (line, '\n') + 1 : NULL)
    {
      if (g_str_has_prefix (line, "VmHWM:"))
        hwm = atol (line + 6);
      else if (g_str_has_prefix (line, "VmRSS:"))
        rss = atol (line + 6);
    }
  printf ("gui  %-34s VmHWM %.1f MB, VmRSS %.1f MB\n", when, hwm / 1024.0, rss / 1024.0);
  fflush (stdout);
}

static gboolean
run_then_cb (gpointer data)
{
  Bench *b = data;
  Step then = b->then;

  b->then = NULL;
  then (b);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock, Bench *b)
{
  g_clear_signal_handler (&b->paint_id, clock);
  /* Out of the frame: the next step may build widgets. */
  g_idle_add (run_then_cb, b);
}

/* `then` runs once `widget`'s window has painted its next frame. */
static void
await_frame (Bench *b, GtkWidget *widget, Step then)
{
  b->clock = gtk_widget_get_frame_clock (widget);
  b->then = then;
  b->paint_id = g_signal_connect (b->clock, "after-paint", G_CALLBACK (after_paint_cb), b);
  gtk_widget_queue_draw (widget);
}

static void
finish (Bench *b)
{
  print_memory ("memory, every page shown once");
  g_application_quit (G_APPLICATION (b->app));
}

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_search_entry (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void type_key (Bench *b);

static gboolean
type_key_cb (gpointer data)
{
  type_key (data);
  return G_SOURCE_REMOVE;
}

static void
key_shown (Bench *b)
{
  g_autofree char *text = g_strndup (b->typed, g_utf8_offset_to_pointer (b->typed, b->n_typed) - b->typed);
  double ms = ms_since (b->mark);

  GtkWidget *page = mc_window_get_page_widget (b->main, "dossiers");
  GtkColumnView *view = MC_IS_DOSSIER_PAGE (page) ? mc_dossier_page_get_view (MC_DOSSIER_PAGE (page)) : NULL;
  GListModel *rows = view ? G_LIST_MODEL (gtk_column_view_get_model (view)) : NULL;
  g_autoptr(GObject) first = rows && g_list_model_get_n_items (rows) ? g_list_model_get_item (rows, 0) : NULL;

  g_array_append_val (b->key_ms, ms);
  /* The first row shown, to see that the frame timed has the query's rows. */
  printf ("gui  keystroke %-24s %8.1f ms   (processor %.1f ms, main thread %.1f ms; first row %s)\n", text, ms,
          cpu_ms (b), main_ms (b), MC_IS_DOSSIER (first) ? mc_dossier_get_applicant_name (MC_DOSSIER (first)) : "none");
  fflush (stdout);
  g_timeout_add (250, type_key_cb, b);
}

/* After the page's own handler (requery): the list has the new query; the
 * frame after it shows it. */
static void
search_changed_cb (GtkSearchEntry *entry, Bench *b)
{
  if (b->queried || b->mark == 0)
    return;
  b->queried = TRUE;
  await_frame (b, GTK_WIDGET (b->main), key_shown);
}

/* The next character of BENCH_GUI_TYPE at the end of the field, as a key
 * press inserts it. */
static void
type_key (Bench *b)
{
  const char *at = g_utf8_offset_to_pointer (b->typed, b->n_typed);
  int position;

  if (*at == '\0')
    {
      g_array_sort (b->key_ms, compare_double);
      if (b->key_ms->len > 0)
        printf ("gui  keystrokes: %u, median %.1f ms, max %.1f ms (wall)\n", b->key_ms->len,
                g_array_index (b->key_ms, double, b->key_ms->len / 2),
                g_array_index (b->key_ms, double, b->key_ms->len - 1));
      finish (b);
      return;
    }
  b->n_typed++;
  b->queried = FALSE;
  start_step (b);
  position = (int) g_utf8_strlen (gtk_editable_get_text (b->search), -1);
  gtk_editable_insert_text (b->search, at, g_utf8_next_char (at) - at, &position);
  gtk_editable_set_position (b->search, position);
}

/* Danh sách hồ sơ shown, its search field focused, the text typed. */
static void
start_typing (Bench *b)
{
  GtkWidget *page = mc_window_get_page_widget (b->main, "dossiers");
  GtkWidget *entry = page ? find_search_entry (page) : NULL;

  if (entry == NULL)
    {
      finish (b);
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (b->main), "win.show-page", "s", "dossiers");
  b->search = GTK_EDITABLE (entry);
  b->typed = g_getenv ("BENCH_GUI_TYPE") ? g_getenv ("BENCH_GUI_TYPE") : "nguyen van";
  b->key_ms = g_array_new (FALSE, FALSE, sizeof (double));
  gtk_widget_grab_focus (entry);
  g_signal_connect_after (entry, "search-changed", G_CALLBACK (search_changed_cb), b);
  b->mark = 0;
  g_timeout_add (500, type_key_cb, b);
}

static void next_page (Bench *b);

/* The window as painted now, in BENCH_GUI_SHOTS. */
static void
save_shot (Bench *b, const char *page)
{
  const char *shots = g_getenv ("BENCH_GUI_SHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *name = NULL, *path = NULL;
  GtkWidget *window = GTK_WIDGET (b->main);

  if (shots == NULL)
    return;
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window), gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
  name = g_strdup_printf ("%s-%s.png", b->username ? b->username : "nobody", page);
  path = g_build_filename (shots, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

/* Once the stack's crossfade (200 ms) is over: the page alone. */
static gboolean
shot_cb (gpointer data)
{
  Bench *b = data;

  save_shot (b, b->pages[b->next - 1].name);
  next_page (b);
  return G_SOURCE_REMOVE;
}

static void
page_shown (Bench *b)
{
  const McPageInfo *page = &b->pages[b->next - 1];

  printf ("gui  page %-12s %-21s %8.1f ms   (processor %.1f ms, main thread %.1f ms)\n", page->name,
          b->round == 0 ? "(first visit)" : "(switch back)", ms_since (b->mark), cpu_ms (b), main_ms (b));
  fflush (stdout);
  if (b->round == 0 && g_str_equal (page->name, "dossiers"))
    print_memory ("memory, the dossier list open");
  /* BENCH_GUI_SHOT_MS=0 pictures the first frame itself (Báo cáo computing). */
  if (b->round == 0 && g_getenv ("BENCH_GUI_SHOTS") != NULL)
    g_timeout_add (g_getenv ("BENCH_GUI_SHOT_MS") ? atoi (g_getenv ("BENCH_GUI_SHOT_MS")) : 500, shot_cb, b);
  else
    next_page (b);
}

/* Every page, or those BENCH_GUI_PAGES names ("dossiers,reports"). */
static gboolean
page_wanted (const char *name)
{
  const char *only = g_getenv ("BENCH_GUI_PAGES");
  g_auto(GStrv) names = only ? g_strsplit (only, ",", -1) : NULL;

  return names == NULL || g_strv_contains ((const char *const *) names, name);
}

/* The sidebar's order; a page the person does not have is skipped, and the
 * page already shown is shown last in the round. */
static void
next_page (Bench *b)
{
  while (b->round < ROUNDS)
    {
      while (b->next < b->n_pages)
        {
          const char *name = b->pages[b->next++].name;

          if (g_strcmp0 (mc_window_get_page (b->main), name) == 0 || !page_wanted (name))
            continue;
          start_step (b);
          gtk_widget_activate_action (GTK_WIDGET (b->main), "win.show-page", "s", name);
          if (g_strcmp0 (mc_window_get_page (b->main), name) != 0)
            continue;
          await_frame (b, GTK_WIDGET (b->main), page_shown);
          return;
        }
      b->round++;
      b->next = 0;
    }
  start_typing (b);
}

static void
main_shown (Bench *b)
{
  printf ("gui  %-34s %8.1f ms   (processor %.1f ms, main thread %.1f ms; %s, opens on %s)\n",
          "sign-in to main window", ms_since (b->mark), cpu_ms (b), main_ms (b),
          b->username ? b->username : "no sign-in", mc_window_get_page (b->main));
  print_memory ("memory, main window open");
  next_page (b);
}

static void
sign_in (Bench *b, McLoginWindow *login)
{
  g_autoptr(GError) error = NULL;

  if (b->username == NULL || b->password == NULL)
    {
      fprintf (stderr, "bench-gui: the database asks to sign in: give a username and MOTCUA_PASSWORD\n");
      b->status = 1;
      g_application_quit (G_APPLICATION (b->app));
      return;
    }
  mc_login_window_fill (login, b->username, b->password);
  start_step (b);
  if (mc_login_window_submit (login, &error) == NULL)
    {
      fprintf (stderr, "bench-gui: %s\n", error->message);
      b->status = 1;
      g_application_quit (G_APPLICATION (b->app));
    }
}

static void
first_shown (Bench *b)
{
  GtkWindow *window = b->first;

  /* The processor time since the process started (exec and libraries included). */
  printf ("gui  %-34s %8.1f ms   (processor %.1f ms, main thread %.1f ms; %s)\n", "start to first window",
          ms_since (b->t0), cpu_now () / 1000.0, main_now () / 1000.0,
          MC_IS_LOGIN_WINDOW (window) ? "sign-in window" : "main window");
  if (MC_IS_LOGIN_WINDOW (window))
    sign_in (b, MC_LOGIN_WINDOW (window));
  else
    {
      start_step (b);
      b->main = MC_WINDOW (window);
      next_page (b);
    }
}

static void
window_mapped_cb (GtkWidget *window, Bench *b)
{
  g_signal_handlers_disconnect_by_func (window, window_mapped_cb, b);
  if (MC_IS_WINDOW (window) && b->main == NULL && b->mark != 0)
    {
      b->main = MC_WINDOW (window);
      await_frame (b, window, main_shown);
    }
  else if (b->mark == 0)
    {
      b->first = GTK_WINDOW (window);
      await_frame (b, window, first_shown);
    }
}

static void
window_added_cb (GtkApplication *app, GtkWindow *window, Bench *b)
{
  if (MC_IS_WINDOW (window) || MC_IS_LOGIN_WINDOW (window))
    g_signal_connect_after (window, "map", G_CALLBACK (window_mapped_cb), b);
}

int
main (int argc, char *argv[])
{
  const char *t0 = g_getenv ("BENCH_T0_NS");
  Bench b = { 0 };
  char dash_db[] = "--db";
  char *args[] = { argv[0], dash_db, NULL, NULL };

  b.t0 = t0 ? g_ascii_strtoll (t0, NULL, 10) / 1000 : g_get_real_time ();
  if (argc < 2 || argc > 3)
    {
      fprintf (stderr, "Usage: %s DATABASE [USERNAME]   (the password in MOTCUA_PASSWORD)\n", argv[0]);
      return 2;
    }
  args[2] = argv[1];
  b.username = argc > 2 ? argv[2] : NULL;
  b.password = g_getenv ("MOTCUA_PASSWORD");
  b.pages = mc_pages_get_all (&b.n_pages);
  mc_locale_setup ();
  b.app = mc_application_new ();
  g_signal_connect (b.app, "window-added", G_CALLBACK (window_added_cb), &b);
  if (g_application_run (G_APPLICATION (b.app), 3, args) != 0)
    b.status = 1;
  g_object_unref (b.app);
  return b.status;
}
