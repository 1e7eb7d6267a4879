/* mc-dossier-page.c — Danh sách hồ sơ: every dossier, filtered, searched, opened
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is McDossierList, which pages from SQLite: a million dossiers
 * scroll without being loaded. Its view is given the first rows and more as
 * it scrolls toward their end (mc-list-slice.c), so the scrollbar spans the
 * rows reached, not the whole list; the count above says how many there are. A click on a column header sorts in SQL (each
 * order has its index); the view itself never sorts the items.
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "mc-column-fit.h"
#include "mc-date-entry.h"
#include "mc-dossier-page.h"
#include "mc-wrap-box.h"
#include "mc-page-changes.h"
#include "mc-dossier-window.h"
#include "mc-empty-state.h"
#include "mc-format.h"
#include "mc-lateness.h"
#include "mc-list-slice.h"
#include "mc-text-column.h"

struct _McDossierPage
{
  AdwBin           parent_instance;

  McApplication   *app;
  McDossierStore  *store;
  McDossierList   *list;
  GtkSliceListModel *slice;  /* the list's first rows, the view's */
  GtkSearchEntry  *search;
  GtkDropDown     *filter;
  GtkDropDown     *channel;
  GtkDropDown     *field;
  GPtrArray       *fields;   /* McField*, index + 1 in the drop-down */
  McDateEntry     *from;
  McDateEntry     *to;
  GtkColumnView   *view;
  GtkLabel        *count;
  int              probed;   /* McDossierOrder of the column asked first, -1: none */
  struct ColumnOrder {
    McDossierPage  *page;
    McDossierOrder  order;
  }                orders[MC_DOSSIER_N_ORDERS];
};

G_DEFINE_FINAL_TYPE (McDossierPage, mc_dossier_page, ADW_TYPE_BIN)

typedef char *(*TextOf) (McDossier *d);

static char *code_of (McDossier *x) { McDossierData *d = mc_dossier_get_data (x); return g_strdup (d->code); }
static char *received_of (McDossier *x) { McDossierData *d = mc_dossier_get_data (x); return mc_format_time (d->received_at); }
static char *name_of (McDossier *x) { McDossierData *d = mc_dossier_get_data (x); return g_strdup (d->applicant_name); }
static char *procedure_of (McDossier *x) { McDossierData *d = mc_dossier_get_data (x); return g_strdup (d->procedure_name); }
static char *due_of (McDossier *x) { McDossierData *d = mc_dossier_get_data (x); return mc_format_time (d->due_at); }
static char *state_of (McDossier *x) { McDossierData *d = mc_dossier_get_data (x); return g_strdup (mc_dossier_state_to_label (d->state)); }

static void
update_count (McDossierPage *self)
{
  g_autofree char *text = mc_dossier_list_describe_count (self->list);

  gtk_label_set_text (self->count, text);
}

/* 0 when empty, -1 when unreadable (the entry says why). */
static McTime
date_bound (McDateEntry *entry, int add_days)
{
  McDate date;

  switch (mc_date_entry_read_date (entry, &date))
    {
    case MC_DATE_ENTRY_EMPTY:
      return 0;
    case MC_DATE_ENTRY_VALID:
      return mc_time_from_local (date + add_days, 0);
    case MC_DATE_ENTRY_INVALID:
    default:
      return -1;
    }
}

/* A column's sorter is never used to sort: asked to compare, it names its
 * column, which is how the page learns (GTK 4.8 has no getter for it) which
 * header the user clicked and in which direction. */
static int
column_order_cb (gconstpointer a, gconstpointer b, gpointer data)
{
  struct ColumnOrder *column = data;

  column->page->probed = (int) column->order;
  return GTK_ORDERING_SMALLER;
}

/* The order of the clicked header; the reception column ascending is the
 * newest-first order reversed. No header: newest first. */
static void
sort_order (McDossierPage *self, McDossierOrder *order, gboolean *reversed)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->view);
  GtkOrdering ordering;

  self->probed = -1;
  ordering = gtk_sorter_compare (sorter, self, self->view);  /* two objects: the same one twice is EQUAL unasked */
  if (self->probed < 0)
    return;
  *order = (McDossierOrder) self->probed;
  *reversed = (ordering == GTK_ORDERING_SMALLER) == (*order == MC_DOSSIER_ORDER_NEWEST);
}

/* What a lateness filter counts, in the words the inbox and the board use. */
static const char *
filter_tooltip (McDossierFilter filter)
{
  switch (filter)
    {
    case MC_DOSSIER_FILTER_DUE_SOON:
      return _("Not settled, not overdue, and the appointment is within one working day");
    case MC_DOSSIER_FILTER_OVERDUE:
      return mc_lateness_overdue_meaning ();
    case MC_DOSSIER_FILTER_STEP_LATE:
      return mc_lateness_step_late_meaning ();
    case MC_DOSSIER_FILTER_ALL:
    case MC_DOSSIER_FILTER_OPEN:
    case MC_DOSSIER_FILTER_READY:
    case MC_DOSSIER_FILTER_FINISHED:
      return NULL;
    case MC_DOSSIER_FILTER_TO_HAND_BACK:
      return _("What Return results lists: results, and unqualified or withdrawn dossiers, not yet handed back");
    default:
      return NULL;
    }
}

/* The query of the filters, the search and the sort; another one (from_top)
 * starts again from the top and the first rows, a change told by McChanges
 * keeps the place the person scrolled to. */
static void
run_query (McDossierPage *self, gboolean from_top)
{
  guint field = gtk_drop_down_get_selected (self->field);
  McDossierQuery q = { (McDossierFilter) gtk_drop_down_get_selected (self->filter),
                       field > 0 && field <= self->fields->len ? ((McField *) self->fields->pdata[field - 1])->id : 0,
                       (int) gtk_drop_down_get_selected (self->channel) - 1,
                       date_bound (self->from, 0), date_bound (self->to, 1),
                       (char *) gtk_editable_get_text (GTK_EDITABLE (self->search)),
                       MC_DOSSIER_ORDER_NEWEST, FALSE };
  g_autoptr(GError) error = NULL;

  /* Only when it changes: GTK 4.8 asks the X server where the pointer is at
   * each gtk_widget_set_tooltip_text (mc-tooltip.c), at every keystroke. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self->filter)), filter_tooltip (q.filter)) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter), filter_tooltip (q.filter));
  if (q.from < 0 || q.to < 0)
    return;
  sort_order (self, &q.order, &q.reversed);
  /* Another search shows its first rows: the view makes those alone. */
  if (from_top)
    mc_list_slice_restart (self->slice, self->view);
  if (!mc_dossier_list_set_query (self->list, &q, &error))
    g_warning ("%s", error->message);
  update_count (self);
}

static void
requery (McDossierPage *self)
{
  run_query (self, TRUE);
}

static void
reload (McDossierPage *self)
{
  run_query (self, FALSE);
}

static void
open_dossier (McDossierPage *self, McDossier *dossier)
{
  GtkWindow *window = GTK_WINDOW (mc_dossier_window_new (self->app, self->store, dossier));

  gtk_window_set_transient_for (window, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (window);
}

static void
activate_cb (GtkColumnView *view, guint position, McDossierPage *self)
{
  g_autoptr(McDossier) dossier = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), position);

  if (dossier != NULL)
    open_dossier (self, dossier);
}

/* Enter in the search field with a whole dossier code (a scanned receipt)
 * opens it at once. */
static void
search_activate_cb (McDossierPage *self)
{
  mc_dossier_page_open (self, gtk_editable_get_text (GTK_EDITABLE (self->search)));
}

static void
add_column (McDossierPage *self, const char *title, TextOf text_of, gboolean expand, int width, int order)
{
  if (order < 0)
    {
      mc_text_column_add (self->view, title, (McTextOf) text_of, expand, width, NULL, NULL);
      return;
    }
  self->orders[order].page = self;
  self->orders[order].order = (McDossierOrder) order;
  mc_text_column_add (self->view, title, (McTextOf) text_of, expand, width, column_order_cb, &self->orders[order]);
}

static GtkWidget *
build_bar (McDossierPage *self)
{
  /* Wraps below 1.000 px or so: the search on its line, the filters under it. */
  GtkWidget *bar = mc_wrap_box_new (6);
  const char *filters[] = { _("All dossiers"), _("Being processed"), _("Due soon"), _("Overdue"),
                            _("Behind schedule"), _("Result ready"), _("Finished"), _("Waiting to be handed back"),
                            NULL };
  const char *channels[] = { _("All channels"), mc_channel_to_label (MC_CHANNEL_TRUC_TIEP),
                             mc_channel_to_label (MC_CHANNEL_BUU_CHINH), mc_channel_to_label (MC_CHANNEL_TRUC_TUYEN), NULL };

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Code, name, ID number or phone — or scan a receipt"), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search), TRUE);
  /* A scanner types plain ASCII: keep a Telex/VNI input method out of it. */
  g_object_set (gtk_editable_get_delegate (GTK_EDITABLE (self->search)), "im-module", "gtk-im-context-simple", NULL);
  /* At each key, not GtkSearchEntry's 150 ms later: the query of a
   * keystroke costs a few milliseconds even at 5,000,000 dossiers (issue 15:
   * keystroke to repaint ≤ 50 ms, counted from the key), so the wait was
   * most of what a person saw. */
  gtk_search_entry_set_search_delay (self->search, 0);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (requery), self);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (search_activate_cb), self);
  self->filter = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (filters));
  g_signal_connect_swapped (self->filter, "notify::selected", G_CALLBACK (requery), self);
  self->channel = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (channels));
  g_signal_connect_swapped (self->channel, "notify::selected", G_CALLBACK (requery), self);
  {
    GtkStringList *names = gtk_string_list_new (NULL);
    gtk_string_list_append (names, _("All fields"));
    for (guint i = 0; i < self->fields->len; i++)
      gtk_string_list_append (names, ((McField *) self->fields->pdata[i])->name);
    self->field = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (names), NULL));
    gtk_widget_set_size_request (GTK_WIDGET (self->field), 180, -1);
    g_signal_connect_swapped (self->field, "notify::selected", G_CALLBACK (requery), self);
  }
  self->from = MC_DATE_ENTRY (mc_date_entry_new (FALSE, FALSE));
  self->to = MC_DATE_ENTRY (mc_date_entry_new (FALSE, FALSE));
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->from), _("From dd/mm/yyyy"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->to), _("To dd/mm/yyyy"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->from), 12);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->to), 12);
  g_signal_connect_swapped (self->from, "changed", G_CALLBACK (requery), self);
  g_signal_connect_swapped (self->to, "changed", G_CALLBACK (requery), self);
  mc_wrap_box_append (MC_WRAP_BOX (bar), GTK_WIDGET (self->search));
  mc_wrap_box_append (MC_WRAP_BOX (bar), GTK_WIDGET (self->filter));
  mc_wrap_box_append (MC_WRAP_BOX (bar), GTK_WIDGET (self->field));
  mc_wrap_box_append (MC_WRAP_BOX (bar), GTK_WIDGET (self->channel));
  mc_wrap_box_append (MC_WRAP_BOX (bar), GTK_WIDGET (self->from));
  mc_wrap_box_append (MC_WRAP_BOX (bar), GTK_WIDGET (self->to));
  return bar;
}

static void
focus_search_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (MC_DOSSIER_PAGE (widget)->search));
}

static void
mc_dossier_page_dispose (GObject *object)
{
  McDossierPage *self = MC_DOSSIER_PAGE (object);

  /* Columns taken down with the view change its sorter: no query then. */
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->view), self);
  self->view = NULL;
  g_clear_object (&self->slice);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  G_OBJECT_CLASS (mc_dossier_page_parent_class)->dispose (object);
}

static void
mc_dossier_page_class_init (McDossierPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = mc_dossier_page_dispose;
  gtk_widget_class_install_action (widget_class, "dossiers.search", NULL, focus_search_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "dossiers.search", NULL);
}

static void
mc_dossier_page_init (McDossierPage *self)
{
}

McDossierPage *
mc_dossier_page_new (McApplication *app)
{
  McDossierPage *self = g_object_new (MC_TYPE_DOSSIER_PAGE, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *fit = mc_column_fit_new ();

  self->app = app;
  self->store = mc_dossier_store_new (mc_application_get_db (app), mc_application_get_calendar (app));
  self->list = mc_dossier_list_new (self->store);
  self->fields = mc_catalog_list_fields (mc_application_get_catalog (app), NULL);
  /* The view binds the first rows, more as it scrolls (mc-list-slice.c):
   * GTK 4.8 would make 200 rows of nine cells at each search. */
  self->slice = mc_list_slice_new (G_LIST_MODEL (self->list));
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (
      gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->slice))))));
  mc_list_slice_follow (self->slice, self->view);
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  g_signal_connect (self->view, "activate", G_CALLBACK (activate_cb), self);
  /* Widths that keep the State column inside a 1280-pixel window beside the sidebar. */
  add_column (self, _("Dossier code"), code_of, FALSE, 200, MC_DOSSIER_ORDER_CODE);
  add_column (self, _("Received"), received_of, FALSE, 165, MC_DOSSIER_ORDER_NEWEST);
  add_column (self, _("Applicant"), name_of, FALSE, 160, MC_DOSSIER_ORDER_APPLICANT);
  /* By procedure name would need a join no index serves over a million rows. */
  add_column (self, _("Procedure"), procedure_of, TRUE, -1, -1);
  add_column (self, _("Appointment"), due_of, FALSE, 165, MC_DOSSIER_ORDER_DUE);
  add_column (self, _("State"), state_of, FALSE, 140, MC_DOSSIER_ORDER_STATE);
  {
    g_autoptr(GtkColumnViewColumn) received = g_list_model_get_item (gtk_column_view_get_columns (self->view), 1);
    gtk_column_view_sort_by_column (self->view, received, GTK_SORT_DESCENDING);
  }
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->view), "changed", G_CALLBACK (requery), self);
  self->count = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->count), "dossier-count");
  gtk_label_set_xalign (self->count, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->count), "dim-label");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_vexpand (scroller, TRUE);
  /* Narrow, the dates are left out (received, then the appointment) rather
   * than the table scrolling sideways; the dossier's window has them. */
  adw_bin_set_child (ADW_BIN (fit), scroller);
  mc_column_fit_add_optional_at (MC_COLUMN_FIT (fit), (const guint[]) { 1, 4 }, 2);
  gtk_box_append (GTK_BOX (box), build_bar (self));
  gtk_box_append (GTK_BOX (box), fit);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->count));
  mc_empty_state_attach (fit, G_LIST_MODEL (self->list), "edit-find-symbolic", _("No dossier found"),
                         _("Check the spelling, or search by the dossier code, the applicant’s name, ID number or "
                           "phone; widen the dates or choose “All dossiers”."));
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_bin_set_child (ADW_BIN (self), box);
  update_count (self);
  /* A dossier received or moved appears at once, or when the page is shown again. */
  mc_page_follow_changes (GTK_WIDGET (self), mc_application_get_db (app),
                          MC_CHANGE_MASK (MC_CHANGE_DOSSIER) | MC_CHANGE_MASK (MC_CHANGE_PROCEDURE), FALSE,
                          (McPageReload) reload);
  return self;
}

McDossierList *
mc_dossier_page_get_list (McDossierPage *self)
{
  return self->list;
}

GtkColumnView *
mc_dossier_page_get_view (McDossierPage *self)
{
  return self->view;
}

void
mc_dossier_page_set_filter (McDossierPage *self, McDossierFilter filter, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), text ? text : "");
  gtk_drop_down_set_selected (self->filter, filter);
  requery (self);
}

gboolean
mc_dossier_page_open (McDossierPage *self, const char *code)
{
  g_autoptr(McDossier) dossier = mc_dossier_store_find (self->store, code, NULL);

  if (dossier == NULL)
    return FALSE;
  open_dossier (self, dossier);
  return TRUE;
}
