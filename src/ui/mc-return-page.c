/* mc-return-page.c — Trả kết quả: results waiting at the counter, handed to the citizen
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * McReturnModel (core) holds the oldest results waiting (at most
 * MC_RETURN_MODEL_LIMIT: tens of thousands wait at a million dossiers) and
 * counts them all, and brings them up to date itself when a dossier
 * changes, here, on another page or on another computer (McChanges), shown
 * or not, since the sidebar's badge counts them; the view is told only the
 * rows that came or went, and each cell is bound to its dossier's
 * properties. Beyond the cap, "Xem tất cả" opens Danh sách hồ sơ on "chờ
 * trả" (paged by key), and a scanned receipt is looked up by its code.
 * Not-qualified and withdrawn dossiers wait here too: they are handed back.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-column-fit.h"
#include "mc-dossier-list.h"
#include "mc-format.h"
#include "mc-list-slice.h"
#include "mc-queue-bar.h"
#include "mc-return-model.h"
#include "mc-return-page.h"
#include "mc-text-column.h"
#include "mc-timeliness-badge.h"

struct _McReturnPage
{
  AdwBin              parent_instance;

  McApplication      *app;
  McReturnModel      *model;     /* McDossier */
  GtkSliceListModel  *slice;     /* the model's first rows, the view's */
  GtkSingleSelection *selection;
  guint               n_waiting;
  GtkSearchEntry     *search;
  McColumnFit        *fit;
  GtkColumnView      *view;
  GtkStack           *content;
  AdwStatusPage      *empty;
  GtkLabel           *count;
  GtkWidget          *show_all;
};

G_DEFINE_FINAL_TYPE (McReturnPage, mc_return_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_N_WAITING, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The columns in mc_return_page_init's order, and those left out (in this
 * order) when the table would scroll sideways. */
enum { COL_CODE, COL_CLASS, COL_PROCEDURE, COL_APPLICANT, COL_RESULT, COL_READY, COL_APPOINTMENT };
static const guint optional_columns[] = { COL_READY, COL_RESULT, COL_APPOINTMENT };

#define PROPERTY(name) mc_text_column_property (MC_TYPE_DOSSIER, name)
#define CLOSURE(type, callback, ...) \
  mc_text_column_closure (MC_TYPE_DOSSIER, type, G_CALLBACK (callback), __VA_ARGS__, NULL)

/* Cells, bound to the row's dossier; the callbacks' first argument is the GtkListItem. */

static char *
finished_text (GtkListItem *item, gint64 finished_at, gpointer data)
{
  return finished_at ? mc_format_time (finished_at) : NULL;
}

/* The result document's number, or what the dossier ended as when there is
 * no result document (không đủ điều kiện, rút hồ sơ). */
static char *
result_text (GtkListItem *item, McDossierState state, const char *number, gpointer data)
{
  if (state != MC_STATE_RESULT_READY || number == NULL || *number == '\0')
    return g_strdup (mc_dossier_state_get_label (state));
  return g_strdup (number);
}

/* The appointment that binds: the apology's new one when there is one. */
static char *
due_text (GtkListItem *item, gint64 due_at, gint64 extended_due_at, gpointer data)
{
  g_autofree char *due = mc_format_time (due_at);
  g_autofree char *extended = NULL;

  if (extended_due_at == 0)
    return g_steal_pointer (&due);
  extended = mc_format_time (extended_due_at);
  /* Translators: the new appointment set by an apology (Mẫu 04), then the first one */
  return g_strdup_printf (_("%s (rescheduled; was %s)"), extended, due);
}

static void
badge_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  GtkWidget *badge = mc_timeliness_badge_new ();

  mc_timeliness_badge_bind (badge, PROPERTY ("timeliness"), list_item);
  gtk_list_item_set_child (list_item, badge);
}

static void
add_badge_column (McReturnPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (badge_setup_cb), NULL);
  column = gtk_column_view_column_new (_("Classification"), factory);
  gtk_column_view_column_set_fixed_width (column, 110);
  gtk_column_view_append_column (self->view, column);
  g_object_unref (column);
}

static void
set_n_waiting (McReturnPage *self, guint n)
{
  if (self->n_waiting == n)
    return;
  self->n_waiting = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WAITING]);
}

static void
update_count (McReturnPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint all = mc_return_model_get_n_matching (self->model);
  g_autofree char *number = mc_format_count (all);
  g_autofree char *shown = mc_format_count (n);
  /* Translators: %s is a number such as 12 */
  g_autofree char *text = g_strdup_printf (ngettext ("%s result waiting to be returned",
                                                     "%s results waiting to be returned", all), number);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search));

  if (all > n)
    {
      /* Translators: the first %s is a count such as 50.618 (of results waiting), the second one such as 200 */
      g_autofree char *capped = g_strdup_printf (_("%s waiting to be returned — the %s waiting longest are shown"),
                                                 number, shown);
      gtk_label_set_text (self->count, capped);
    }
  else
    gtk_label_set_text (self->count, text);
  gtk_widget_set_visible (self->show_all, all > n);
  gtk_stack_set_visible_child_name (self->content, n > 0 ? "list" : "empty");
  adw_status_page_set_description (self->empty, *query ? _("No waiting result matches the search")
                                                       : _("A result appears here once its department has recorded "
                                                           "it. Scan the receipt to find the citizen's dossier."));
  if (*query == '\0')
    set_n_waiting (self, all);
}

static void
reload_cb (McReturnPage *self)
{
  g_autoptr(GError) error = NULL;

  mc_return_model_set_query (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search)));
  if (!mc_return_model_refresh (self->model, &error))
    g_warning ("%s", error->message);
  update_count (self);  /* the words of an empty search, though no row came or went */
}

static void
toast (McReturnPage *self, const char *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static void
returned_cb (McReturnDialog *dialog, const char *code, McReturnPage *self)
{
  /* Translators: %s is a dossier code */
  g_autofree char *message = g_strdup_printf (_("Dossier %s returned"), code);

  mc_return_page_reload (self);
  toast (self, message);
}

static guint
find_code (McReturnPage *self, const char *code)
{
  guint position = mc_return_model_find (self->model, code);

  return position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position;
}

/* Enter in the search field: a whole code (typed or scanned) selects its
 * row; a search matching one dossier selects that one. */
static void
search_activate_cb (McReturnPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search))));

  if (find_code (self, text) != GTK_INVALID_LIST_POSITION)
    mc_return_page_select (self, text);
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 1)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      gtk_widget_grab_focus (GTK_WIDGET (self->view));
    }
}

/* The scanned dossier's row must be the one in view and under the keyboard
 * focus: with the focus left on the first row, Enter would hand another
 * citizen's result over. GtkColumnView 4.8 has no scroll_to, but its inner
 * list view has the action that scrolls to an item and focuses it. */
static void
focus_row (GtkColumnView *view, guint position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
        return;
      }
  gtk_widget_grab_focus (GTK_WIDGET (view));
}

static void
row_activated_cb (McReturnPage *self, guint position)
{
  gtk_single_selection_set_selected (self->selection, position);
  mc_return_page_start_return (self);
}

static void
return_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  mc_return_page_start_return (MC_RETURN_PAGE (widget));
}

/* Danh sách hồ sơ on "chờ trả" with the same search: every one, a page at a time. */
static void
show_all_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McReturnPage *self = MC_RETURN_PAGE (widget);

  gtk_widget_activate_action (widget, "win.show-dossiers", "(us)", (guint32) MC_DOSSIER_FILTER_TO_HAND_BACK,
                              gtk_editable_get_text (GTK_EDITABLE (self->search)));
}

static void
focus_search_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (MC_RETURN_PAGE (widget)->search));
}

static void
selection_changed_cb (McReturnPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "return.return",
                                 gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static void
mc_return_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McReturnPage *self = MC_RETURN_PAGE (object);

  switch (prop_id)
    {
    case PROP_N_WAITING:
      g_value_set_uint (value, self->n_waiting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_return_page_dispose (GObject *object)
{
  McReturnPage *self = MC_RETURN_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_RETURN_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (mc_return_page_parent_class)->dispose (object);
}

static void
mc_return_page_class_init (McReturnPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = mc_return_page_get_property;
  object_class->dispose = mc_return_page_dispose;
  properties[PROP_N_WAITING] = g_param_spec_uint ("n-waiting", NULL, NULL, 0, G_MAXUINT, 0,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_type_ensure (MC_TYPE_COLUMN_FIT);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-return-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McReturnPage, search);
  gtk_widget_class_bind_template_child (widget_class, McReturnPage, fit);
  gtk_widget_class_bind_template_child (widget_class, McReturnPage, view);
  gtk_widget_class_bind_template_child (widget_class, McReturnPage, content);
  gtk_widget_class_bind_template_child (widget_class, McReturnPage, empty);
  gtk_widget_class_bind_template_child (widget_class, McReturnPage, count);
  gtk_widget_class_bind_template_child (widget_class, McReturnPage, show_all);
  gtk_widget_class_bind_template_callback (widget_class, reload_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_install_action (widget_class, "return.return", NULL, return_action_cb);
  gtk_widget_class_install_action (widget_class, "return.search", NULL, focus_search_cb);
  gtk_widget_class_install_action (widget_class, "return.show-all", NULL, show_all_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "return.search", NULL);
}

static void
mc_return_page_init (McReturnPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* A scanner types plain ASCII: keep a Telex/VNI input method out of it. */
  g_object_set (gtk_editable_get_delegate (GTK_EDITABLE (self->search)), "im-module", "gtk-im-context-simple", NULL);
  /* The chip beside the code, where the eye starts; the whole table within
   * a 1366-pixel screen beside the sidebar (/ui/rows/return). */
  mc_text_column_add_bound (self->view, _("Dossier code"), PROPERTY ("code"), FALSE, 210);
  add_badge_column (self);
  mc_text_column_add_bound (self->view, _("Procedure"), PROPERTY ("procedure-name"), TRUE, -1);
  mc_text_column_add_bound (self->view, _("Applicant"), PROPERTY ("applicant-name"), FALSE, 130);
  mc_text_column_add_bound (self->view, _("Result"), CLOSURE (G_TYPE_STRING, result_text, "state", "result-number"),
                            FALSE, 110);
  mc_text_column_add_bound (self->view, _("Result ready at"), CLOSURE (G_TYPE_STRING, finished_text, "finished-at"),
                            FALSE, 175);
  mc_text_column_add_bound (self->view, _("Appointment"),
                            CLOSURE (G_TYPE_STRING, due_text, "due-at", "extended-due-at"), FALSE, 175);
  /* At half a 1920 screen, left out rather than scrolled to (the dossier's
   * window has them): when the result was ready, its number, the appointment. */
  mc_column_fit_add_optional_at (self->fit, optional_columns, G_N_ELEMENTS (optional_columns));
}

/* The model needs the application's workflow: made once the page has it.
 * The count and the badge follow the rows, whoever changed them. */
static void
attach_model (McReturnPage *self)
{
  self->model = mc_return_model_new (mc_application_get_workflow (self->app));
  /* The view binds the first rows, more as it scrolls (mc-list-slice.c). */
  self->slice = mc_list_slice_new (G_LIST_MODEL (self->model));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->slice)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  mc_list_slice_follow (self->slice, self->view);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (update_count), self);
  g_signal_connect_swapped (self->model, "notify::n-matching", G_CALLBACK (update_count), self);
  selection_changed_cb (self);
}

McReturnPage *
mc_return_page_new (McApplication *app)
{
  McReturnPage *self = g_object_new (MC_TYPE_RETURN_PAGE, NULL);

  self->app = app;
  attach_model (self);
  mc_queue_bar_attach (ADW_BIN (self), app);
  mc_return_page_reload (self);
  update_count (self);
  return self;
}

void
mc_return_page_reload (McReturnPage *self)
{
  g_return_if_fail (MC_IS_RETURN_PAGE (self));

  reload_cb (self);
}

void
mc_return_page_set_search (McReturnPage *self, const char *text)
{
  g_return_if_fail (MC_IS_RETURN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search), text ? text : "");
  reload_cb (self);  /* now, not after the entry's search delay */
}

void
mc_return_page_set_limit (McReturnPage *self, guint limit)
{
  g_return_if_fail (MC_IS_RETURN_PAGE (self));

  mc_return_model_set_limit (self->model, limit);
  reload_cb (self);
}

guint
mc_return_page_get_n_shown (McReturnPage *self)
{
  g_return_val_if_fail (MC_IS_RETURN_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

/* The badge of the page before it is built: the results waiting, counted. */
void
mc_return_page_count_badges (McApplication *app, guint *n_waiting, guint *n_overdue)
{
  g_autoptr(GError) error = NULL;

  *n_overdue = 0;
  if (!mc_workflow_count_ready (mc_application_get_workflow (app), n_waiting, &error))
    g_warning ("%s", error->message);
}

guint
mc_return_page_get_n_waiting (McReturnPage *self)
{
  g_return_val_if_fail (MC_IS_RETURN_PAGE (self), 0);

  return self->n_waiting;
}

McDossier *
mc_return_page_get_shown (McReturnPage *self, guint position)
{
  g_autoptr(McDossier) dossier = NULL;

  g_return_val_if_fail (MC_IS_RETURN_PAGE (self), NULL);

  dossier = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  return dossier;  /* the model keeps it */
}

gboolean
mc_return_page_select (McReturnPage *self, const char *code)
{
  guint position;

  g_return_val_if_fail (MC_IS_RETURN_PAGE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  position = find_code (self, code);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      /* Hidden by an earlier search, or beyond the oldest shown: searched
       * by its code among all that wait; not waiting, the list as it was. */
      g_autofree char *before = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search)));

      mc_return_page_set_search (self, code);
      position = find_code (self, code);
      if (position == GTK_INVALID_LIST_POSITION)
        mc_return_page_set_search (self, before);
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  mc_list_slice_reveal (self->slice, position);
  gtk_single_selection_set_selected (self->selection, position);
  focus_row (self->view, position);
  return TRUE;
}

const char *
mc_return_page_get_selected_code (McReturnPage *self)
{
  gpointer object;

  g_return_val_if_fail (MC_IS_RETURN_PAGE (self), NULL);

  object = gtk_single_selection_get_selected_item (self->selection);
  return object ? mc_dossier_get_code (object) : NULL;
}

McReturnDialog *
mc_return_page_start_return (McReturnPage *self)
{
  const char *code;
  g_autoptr(McWorkItem) item = NULL;
  g_autoptr(GError) error = NULL;
  McReturnDialog *dialog;

  g_return_val_if_fail (MC_IS_RETURN_PAGE (self), NULL);

  code = mc_return_page_get_selected_code (self);
  if (code == NULL)
    return NULL;
  /* The dialog starts from the dossier as it is now, read once. */
  item = mc_workflow_get_item (mc_application_get_workflow (self->app), code, mc_time_now (), &error);
  if (item == NULL)
    {
      toast (self, error->message);
      return NULL;
    }
  dialog = mc_return_dialog_new (self->app, item);
  g_signal_connect_object (dialog, "returned", G_CALLBACK (returned_cb), self, 0);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
