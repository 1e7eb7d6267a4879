/* mc-page-changes.c — a page follows the database's changes instead of polling
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pages used to read their lists again each time they were shown, every
 * 60 seconds and on F5. Now they reload when McChanges says something of
 * theirs was committed: at once when shown, else once when next shown, so a
 * hidden audit page does not query on every save at the counter, and a
 * page shown again after nothing changed does not query at all.
 */
#include "config.h"

#include "mc-page-changes.h"

typedef struct {
  GtkWidget    *page;
  McChanges    *changes;
  gulong        handler;
  guint         mask;
  gboolean      even_hidden;
  gboolean      stale;
  guint         idle_id;
  McPageReload  reload;
} Follow;

static void
follow_free (gpointer data)
{
  Follow *f = data;

  g_clear_handle_id (&f->idle_id, g_source_remove);
  g_clear_signal_handler (&f->handler, f->changes);
  g_clear_object (&f->changes);
  g_free (f);
}

static gboolean
reload_cb (gpointer data)
{
  Follow *f = data;

  f->idle_id = 0;
  f->stale = FALSE;
  f->reload (f->page);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (McChanges *changes, McChangeKind kind, gint64 id, gpointer data)
{
  Follow *f = data;

  if (kind != MC_CHANGE_ALL && (f->mask & MC_CHANGE_MASK (kind)) == 0)
    return;
  if (!f->even_hidden && !gtk_widget_get_mapped (f->page))
    {
      f->stale = TRUE;
      return;
    }
  /* At the default priority, as McChanges' own idle: a window busy with
   * frames (GDK's redraw sources rank above idles) still reloads at once.
   * The burst of one McChanges emission arrives before it runs. */
  if (f->idle_id == 0)
    f->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT, reload_cb, f, NULL);
}

static void
map_cb (GtkWidget *page, gpointer data)
{
  Follow *f = data;

  if (f->stale && f->idle_id == 0)
    reload_cb (f);
}

void
mc_page_follow_changes (GtkWidget *page, McDb *db, guint mask, gboolean even_hidden, McPageReload reload)
{
  Follow *f;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (MC_IS_DB (db));
  g_return_if_fail (reload != NULL);

  f = g_new0 (Follow, 1);
  f->page = page;
  f->changes = g_object_ref (mc_db_get_changes (db));
  f->mask = mask;
  f->even_hidden = even_hidden;
  f->reload = reload;
  f->handler = g_signal_connect (f->changes, "changed", G_CALLBACK (changed_cb), f);
  g_signal_connect (page, "map", G_CALLBACK (map_cb), f);
  /* Freed with the page: the handler goes before the page does. */
  g_object_set_data_full (G_OBJECT (page), "mc-page-changes", f, follow_free);
}
