/* mc-figure-list-dialog.c — the dossiers (or procedures) behind a report's figure
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report page opens it from a figure's button with the list model core
 * made by the figure's own predicate (mc_report_document_figure_list: typed
 * McFigureDossier or McFigureProcedure items); a dossier opens from it on
 * double-click.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-dossier-store.h"
#include "mc-dossier-window.h"
#include "mc-figure-dossier.h"
#include "mc-figure-list-dialog.h"
#include "mc-figure-procedure.h"
#include "mc-format.h"
#include "mc-text-column.h"

struct _McFigureListDialog
{
  AdwWindow      parent_instance;

  McApplication *app;
  GListModel    *items;        /* McFigureDossier or McFigureProcedure */
  gboolean       procedures;
};

G_DEFINE_FINAL_TYPE (McFigureListDialog, mc_figure_list_dialog, ADW_TYPE_WINDOW)

static char *
time_text (McTime t)
{
  g_autofree char *date = NULL;
  int minute;

  if (t == 0)
    return g_strdup ("");
  date = mc_format_date (mc_time_get_date (t));
  minute = mc_time_get_minute (t);
  return g_strdup_printf ("%02d:%02d %s", minute / 60, minute % 60, date);
}

static char *
received_of (gpointer item)
{
  return time_text (mc_figure_dossier_get_received_at (item));
}

static char *
finished_of (gpointer item)
{
  McTime t = mc_figure_dossier_get_finished_at (item);

  return t != 0 ? time_text (t) : g_strdup (_("Being processed"));
}

static char *
mechanism_of (gpointer item)
{
  return g_strdup (mc_figure_procedure_is_inter_agency (item) ? _("One-stop, inter-agency") : _("One-stop"));
}

static void
item_activated_cb (GtkColumnView *view, guint position, McFigureListDialog *self)
{
  const char *code = mc_figure_list_dialog_get_code (self, position);
  g_autoptr(McDossierStore) store = NULL;
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *opened;

  if (code == NULL || self->procedures)
    return;
  store = mc_dossier_store_new (mc_application_get_db (self->app), mc_application_get_calendar (self->app));
  dossier = mc_dossier_store_find (store, code, &error);
  if (dossier == NULL)
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
        adw_message_dialog_new (GTK_WINDOW (self), _("The dossier cannot be opened"), error ? error->message : code));

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  opened = GTK_WINDOW (mc_dossier_window_new (self->app, store, dossier));
  gtk_window_set_transient_for (opened, GTK_WINDOW (self));
  gtk_window_present (opened);
}

static GtkWidget *
items_view (McFigureListDialog *self)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  GtkSelectionModel *selection;

  gtk_column_view_set_show_row_separators (view, TRUE);
  if (self->procedures)
    {
      mc_text_column_add_property (view, _("Code"), MC_TYPE_FIGURE_PROCEDURE, "code", FALSE, 160, NULL);
      mc_text_column_add_property (view, _("Procedure"), MC_TYPE_FIGURE_PROCEDURE, "name", TRUE, -1, NULL);
      mc_text_column_add_property (view, _("Field"), MC_TYPE_FIGURE_PROCEDURE, "field-name", FALSE, 200, NULL);
      mc_text_column_add (view, _("Mechanism"), mechanism_of, FALSE, 170, NULL, NULL);
    }
  else
    {
      mc_text_column_add_property (view, _("Code"), MC_TYPE_FIGURE_DOSSIER, "code", FALSE, 210, NULL);
      mc_text_column_add_property (view, _("Applicant"), MC_TYPE_FIGURE_DOSSIER, "applicant-name", FALSE, 190, NULL);
      mc_text_column_add_property (view, _("Procedure"), MC_TYPE_FIGURE_DOSSIER, "procedure-name", TRUE, -1, NULL);
      mc_text_column_add (view, _("Received"), received_of, FALSE, 140, NULL, NULL);
      mc_text_column_add (view, _("Finished"), finished_of, FALSE, 140, NULL, NULL);
    }
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (self->items)));
  gtk_column_view_set_model (view, selection);
  g_object_unref (selection);
  g_signal_connect_object (view, "activate", G_CALLBACK (item_activated_cb), self, 0);
  return GTK_WIDGET (view);
}

static GtkWidget *
count_note (guint n, gboolean procedures)
{
  g_autofree char *count = mc_format_count (n);
  g_autofree char *text = NULL;
  GtkWidget *note;

  if (procedures)
    text = g_strdup_printf (ngettext ("%s procedure", "%s procedures", n), count);
  else
    /* Translators: the number of dossiers behind a report's figure */
    text = g_strdup_printf (ngettext ("%s dossier — double-click one to open it",
                                      "%s dossiers — double-click one to open it", n), count);
  note = g_object_new (GTK_TYPE_LABEL, "label", text, "xalign", 0.0f, "margin-start", 12, "margin-end", 12,
                       "margin-top", 6, "margin-bottom", 6, NULL);
  gtk_widget_add_css_class (note, "dim-label");
  return note;
}

static void
mc_figure_list_dialog_dispose (GObject *object)
{
  McFigureListDialog *self = MC_FIGURE_LIST_DIALOG (object);

  g_clear_object (&self->items);
  G_OBJECT_CLASS (mc_figure_list_dialog_parent_class)->dispose (object);
}

static void
mc_figure_list_dialog_class_init (McFigureListDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mc_figure_list_dialog_dispose;
  /* A list looked at and put away, as every other dialog: Esc closes it. */
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_figure_list_dialog_init (McFigureListDialog *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self), 1000, 600);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
}

McFigureListDialog *
mc_figure_list_dialog_new (McApplication *app, GtkWindow *parent, const char *title, const char *subtitle,
                           GListModel *items)
{
  McFigureListDialog *self;
  GtkWidget *box, *header, *scroller;

  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);

  self = g_object_new (MC_TYPE_FIGURE_LIST_DIALOG, "title", title, "transient-for", parent, NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  scroller = gtk_scrolled_window_new ();
  self->app = app;
  self->items = g_object_ref (items);
  self->procedures = g_list_model_get_item_type (items) == MC_TYPE_FIGURE_PROCEDURE;
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, subtitle));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), count_note (g_list_model_get_n_items (items), self->procedures));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), items_view (self));
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);
  return self;
}

guint
mc_figure_list_dialog_get_n_items (McFigureListDialog *self)
{
  g_return_val_if_fail (MC_IS_FIGURE_LIST_DIALOG (self), 0);

  return g_list_model_get_n_items (self->items);
}

const char *
mc_figure_list_dialog_get_code (McFigureListDialog *self, guint position)
{
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (MC_IS_FIGURE_LIST_DIALOG (self), NULL);

  item = g_list_model_get_item (self->items, position);
  if (item == NULL)
    return NULL;
  /* The model keeps the item, and the item its code. */
  if (self->procedures)
    return mc_figure_procedure_get_code (MC_FIGURE_PROCEDURE (item));
  return mc_figure_dossier_get_code (MC_FIGURE_DOSSIER (item));
}
