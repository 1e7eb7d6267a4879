/* mc-return-dialog.c — trả kết quả: who collected the result, ID checked, how
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Handing a result over in person requires the collector's ID card to be
 * checked, so a 12-digit number is required then; a result posted (bưu chính
 * công ích) or sent online has nobody at the counter to check. A card that is
 * not the applicant's stops the hand-over until the authorisation shown is
 * written down. In person the citizen's rating is a step of its own: Enter in
 * a field moves on to it, and only the Return button there (with a rating,
 * or "does not rate" switched on) finishes, so a rating is never skipped by
 * a keystroke.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-format.h"
#include "mc-id-number.h"
#include "mc-queue.h"
#include "mc-rating.h"
#include "mc-report-evaluation.h"
#include "mc-return-dialog.h"
#include "mc-session.h"

struct _McReturnDialog
{
  AdwWindow             parent_instance;

  McApplication        *app;
  char                 *code;
  GtkStack             *steps;          /* "handover", then "rating" in person */
  GtkWidget            *back_button;
  GtkWidget            *next_button;
  GtkWidget            *return_button;
  AdwPreferencesGroup  *summary;
  AdwEntryRow          *collected_by;
  AdwEntryRow          *id_number;
  GtkWidget            *proxy_warning;  /* shown once a card not the applicant's is checked */
  AdwEntryRow          *authorisation;  /* giấy ủy quyền */
  AdwComboRow          *method;
  AdwEntryRow          *note;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *rating_group;   /* đánh giá của công dân */
  GtkSwitch            *declined;
  AdwComboRow          *indices[9];     /* not rated, 0, 1, 2 points */
  AdwComboRow          *satisfaction;   /* not rated, 1 … 5 */
};

G_DEFINE_FINAL_TYPE (McReturnDialog, mc_return_dialog, ADW_TYPE_WINDOW)

enum { RETURNED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* A line of the dossier handed over: the value in normal text beside its
 * label (libadwaita 1.2 has no "property" style; a subtitle is small and dim). */
static void
add_summary_row (McReturnDialog *self, const char *title, const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value && *value ? value : "—");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  /* Wrapped down to its longest word, a name read "Trần / Ngọc / Hạnh"
   * on three lines beside the row's title: a short value on one line, a
   * long one over lines of 24 characters at least. */
  gtk_label_set_width_chars (GTK_LABEL (label), MIN ((int) g_utf8_strlen (gtk_label_get_text (GTK_LABEL (label)), -1),
                                                     24));
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (self->summary, row);
}

#define SCROLL_FRAMES 3

/* Keeps `widget` in view for a few frames: a row just shown has no place
 * until laid out, and an error shown below the page shrinks it a frame
 * later. */
static gboolean
scroll_into_view_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = scrolled ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)) : NULL;
  /* The viewport's child spans the whole page, scrolled or not. */
  GtkWidget *content = GTK_IS_VIEWPORT (viewport) ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : NULL;
  int frames = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "mc-scroll-frames"));
  GtkAdjustment *adjustment;
  graphene_point_t top;
  double bottom;

  g_object_set_data (G_OBJECT (widget), "mc-scroll-frames", GINT_TO_POINTER (frames - 1));
  if (content == NULL || !gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &top))
    return G_SOURCE_REMOVE;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  bottom = top.y + gtk_widget_get_height (widget) + 12;
  if (gtk_widget_get_height (widget) > 0 &&
      bottom > gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment))
    gtk_adjustment_set_value (adjustment, bottom - gtk_adjustment_get_page_size (adjustment));
  return frames > 1 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* The focus moves at once, so a key pressed now lands in the field; the
 * page scrolls to it over the next frames. */
static void
focus_in_view (GtkWidget *widget)
{
  gboolean ticking = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "mc-scroll-frames")) > 0;

  gtk_widget_grab_focus (widget);
  g_object_set_data (G_OBJECT (widget), "mc-scroll-frames", GINT_TO_POINTER (SCROLL_FRAMES));
  if (!ticking)
    gtk_widget_add_tick_callback (widget, scroll_into_view_tick_cb, NULL, NULL);
}

static void
show_error (McReturnDialog *self, GtkWidget *field, const char *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (field != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      focus_in_view (field);
    }
}

static void
clear_error_cb (McReturnDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->collected_by), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->id_number), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->authorisation), "error");
}

static McChannel
selected_method (McReturnDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->method);

  return selected <= MC_CHANNEL_TRUC_TUYEN ? (McChannel) selected : MC_CHANNEL_TRUC_TIEP;
}

/* Only a citizen standing at the counter can rate the service. */
static gboolean
in_person (McReturnDialog *self)
{
  return selected_method (self) == MC_CHANNEL_TRUC_TIEP;
}

static gboolean
on_rating_step (McReturnDialog *self)
{
  return g_str_equal (gtk_stack_get_visible_child_name (self->steps), "rating");
}

static void
rating_values (McReturnDialog *self, McRatingValues *v)
{
  mc_rating_values_init (v);
  for (int i = 0; i < 9; i++)
    {
      guint selected = adw_combo_row_get_selected (self->indices[i]);

      v->indices[i] = selected >= 1 && selected <= 3 ? (int) selected - 1 : MC_RATING_NONE;
    }
  v->satisfaction = (int) MIN (adw_combo_row_get_selected (self->satisfaction), 5u);
}

/* The rating step is settled by a rating or by the citizen declining. */
static gboolean
rating_decided (McReturnDialog *self)
{
  McRatingValues v;

  rating_values (self, &v);
  return !mc_rating_values_empty (&v) || gtk_switch_get_active (self->declined);
}

/* One suggested button at a time: Next on the first step in person, Return
 * otherwise; Return on the rating step only once the rating is settled. */
static void
update_buttons (McReturnDialog *self)
{
  gboolean rating = on_rating_step (self);

  gtk_widget_set_visible (self->back_button, rating);
  gtk_widget_set_visible (self->next_button, !rating && in_person (self));
  gtk_widget_set_visible (self->return_button, rating || !in_person (self));
  gtk_widget_set_sensitive (self->return_button, !rating || rating_decided (self));
}

static void
rating_changed_cb (McReturnDialog *self)
{
  clear_error_cb (self);
  update_buttons (self);
}

static void
method_changed_cb (McReturnDialog *self)
{
  clear_error_cb (self);
  update_buttons (self);
}

static void
show_step (McReturnDialog *self, const char *name)
{
  gtk_stack_set_visible_child_name (self->steps, name);
  update_buttons (self);
  if (g_str_equal (name, "rating"))
    gtk_widget_grab_focus (GTK_WIDGET (self->indices[0]));
}

static void
back_clicked_cb (McReturnDialog *self)
{
  clear_error_cb (self);
  show_step (self, "handover");
  gtk_widget_grab_focus (GTK_WIDGET (self->id_number));
}

/* Another card typed over a mismatched one: the warning follows the number. */
static void
id_changed_cb (McReturnDialog *self)
{
  clear_error_cb (self);
  if (gtk_widget_get_visible (self->proxy_warning) &&
      !mc_workflow_needs_authorisation (mc_application_get_workflow (self->app), self->code,
                                        gtk_editable_get_text (GTK_EDITABLE (self->id_number))))
    {
      gtk_widget_set_visible (self->proxy_warning, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->authorisation), FALSE);
    }
}

static char *
field_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Checks the fields; returns the collector's ID digits ("" when none is
 * required and none was typed), or NULL with the field at fault. */
static char *
validate (McReturnDialog *self, McChannel method, GtkWidget **field, GError **error)
{
  g_autofree char *name = field_text (self->collected_by);
  g_autofree char *id_text = field_text (self->id_number);

  if (*name == '\0')
    {
      *field = GTK_WIDGET (self->collected_by);
      g_set_error_literal (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                           _("Write the name of the person who collects the result"));
      return NULL;
    }
  if (*id_text == '\0' && method != MC_CHANNEL_TRUC_TIEP)
    return g_strdup ("");
  if (*id_text == '\0')
    {
      *field = GTK_WIDGET (self->id_number);
      g_set_error_literal (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                           _("Check the collector’s ID card and write its 12-digit number"));
      return NULL;
    }
  *field = GTK_WIDGET (self->id_number);
  return mc_id_number_validate (id_text, NULL, NULL, error);
}

/* A card not the applicant's: the first time, the warning and the
 * authorisation field appear and nothing moves on; the hand-over goes on
 * only once the document is written. */
static gboolean
check_proxy (McReturnDialog *self, const char *digits, GError **error)
{
  g_autofree char *document = field_text (self->authorisation);
  gboolean asked = gtk_widget_get_visible (self->proxy_warning);

  if (*digits == '\0' || !mc_workflow_needs_authorisation (mc_application_get_workflow (self->app), self->code,
                                                          digits))
    return TRUE;
  gtk_widget_set_visible (self->proxy_warning, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->authorisation), TRUE);
  if (*document != '\0')
    return TRUE;
  g_set_error_literal (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_AUTHORISATION,
                       _("The ID number checked is not the applicant’s: write the authorisation document shown"));
  if (asked)
    show_error (self, GTK_WIDGET (self->authorisation), (*error)->message);
  else
    focus_in_view (GTK_WIDGET (self->authorisation));
  return FALSE;
}

/* The first step's fields, checked; the collector's digits or NULL. */
static char *
check_handover (McReturnDialog *self, GError **error)
{
  GtkWidget *field = NULL;
  GError *local = NULL;
  g_autofree char *digits = NULL;

  clear_error_cb (self);
  digits = validate (self, selected_method (self), &field, &local);
  if (digits == NULL)
    {
      if (on_rating_step (self))
        show_step (self, "handover");
      show_error (self, field, local->message);
      g_propagate_error (error, local);
      return NULL;
    }
  if (!check_proxy (self, digits, error))
    {
      if (on_rating_step (self))
        show_step (self, "handover");
      return NULL;
    }
  return g_steal_pointer (&digits);
}

static void
return_clicked_cb (McReturnDialog *self)
{
  g_autoptr(GError) error = NULL;

  mc_return_dialog_submit (self, &error);
}

/* Enter in a field, or Next: in person, on to the rating once the collector
 * is settled; a posted result has no rating and is handed over. */
static void
next_clicked_cb (McReturnDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *digits = NULL;

  if (!in_person (self))
    {
      mc_return_dialog_submit (self, &error);
      return;
    }
  digits = check_handover (self, &error);
  if (digits != NULL)
    show_step (self, "rating");
}

static void
mc_return_dialog_finalize (GObject *object)
{
  g_free (MC_RETURN_DIALOG (object)->code);
  G_OBJECT_CLASS (mc_return_dialog_parent_class)->finalize (object);
}

static void
mc_return_dialog_class_init (McReturnDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = mc_return_dialog_finalize;
  signals[RETURNED] = g_signal_new ("returned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-return-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McReturnDialog, steps);
  gtk_widget_class_bind_template_child (widget_class, McReturnDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, McReturnDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, McReturnDialog, return_button);
  gtk_widget_class_bind_template_child (widget_class, McReturnDialog, summary);
  gtk_widget_class_bind_template_child (widget_class, McReturnDialog, collected_by);
  gtk_widget_class_bind_template_child (widget_class, McReturnDialog, id_number);
  gtk_widget_class_bind_template_child (widget_class, McReturnDialog, proxy_warning);
  gtk_widget_class_bind_template_child (widget_class, McReturnDialog, authorisation);
  gtk_widget_class_bind_template_child (widget_class, McReturnDialog, method);
  gtk_widget_class_bind_template_child (widget_class, McReturnDialog, note);
  gtk_widget_class_bind_template_child (widget_class, McReturnDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, McReturnDialog, rating_group);
  gtk_widget_class_bind_template_child (widget_class, McReturnDialog, declined);
  gtk_widget_class_bind_template_callback (widget_class, return_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, id_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, method_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, rating_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* The list view showing a combo row's chosen value, or NULL. */
static GtkWidget *
find_value_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_value_view (child);
      if (found)
        return found;
    }
  return NULL;
}

/* A subtitle that fits on one line claims the row's whole width for that
 * line and squeezes the chosen value to "Ch…"; the value keeps the width of
 * its widest choice. */
static void
keep_value_width (AdwComboRow *row, const char *widest)
{
  GtkWidget *view = find_value_view (GTK_WIDGET (row));
  GtkWidget *probe = gtk_label_new (widest);
  int natural = 0;

  g_object_ref_sink (probe);
  gtk_widget_measure (probe, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_object_unref (probe);
  if (view != NULL)
    gtk_widget_set_size_request (view, natural + 4, -1);
}

/* The rows of the citizen's rating: each index 0–2 points, the
 * satisfaction 1–5, "not rated" first so nothing is recorded by default. */
static void
add_rating_rows (McReturnDialog *self)
{
  const char *points[] = { _("Not rated"), _("0 points"), _("1 point"), _("2 points"), NULL };
  g_autoptr(GtkStringList) levels = gtk_string_list_new ((const char *const[]) { _("Not rated"), NULL });

  for (int i = 0; i < 9; i++)
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new (points);
      g_autofree char *title = g_strdup_printf (_("Index %d"), i + 1);

      self->indices[i] = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->indices[i]), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->indices[i]), mc_evaluation_index_title (i + 1));
      adw_combo_row_set_model (self->indices[i], G_LIST_MODEL (model));
      keep_value_width (self->indices[i], points[0]);
      g_signal_connect_swapped (self->indices[i], "notify::selected", G_CALLBACK (rating_changed_cb), self);
      adw_preferences_group_add (self->rating_group, GTK_WIDGET (self->indices[i]));
    }
  for (int l = 1; l <= MC_EVALUATION_N_LEVELS; l++)
    gtk_string_list_append (levels, mc_evaluation_level_title (l));
  self->satisfaction = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->satisfaction), _("Satisfaction"));
  adw_combo_row_set_model (self->satisfaction, G_LIST_MODEL (levels));
  g_signal_connect_swapped (self->satisfaction, "notify::selected", G_CALLBACK (rating_changed_cb), self);
  adw_preferences_group_add (self->rating_group, GTK_WIDGET (self->satisfaction));
}

static void
mc_return_dialog_init (McReturnDialog *self)
{
  GtkStringList *methods = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The order of McChannel: trực tiếp, bưu chính công ích, trực tuyến. */
  for (McChannel c = MC_CHANNEL_TRUC_TIEP; c <= MC_CHANNEL_TRUC_TUYEN; c++)
    gtk_string_list_append (methods, mc_channel_to_label (c));
  adw_combo_row_set_model (self->method, G_LIST_MODEL (methods));
  g_object_unref (methods);
  add_rating_rows (self);
  update_buttons (self);
}

McReturnDialog *
mc_return_dialog_new (McApplication *app, const McWorkItem *item)
{
  McReturnDialog *self;
  g_autofree char *finished = NULL;
  g_autofree char *due = NULL;

  g_return_val_if_fail (item != NULL && item->code != NULL, NULL);
  self = g_object_new (MC_TYPE_RETURN_DIALOG, NULL);
  finished = item->finished_at ? mc_format_time (item->finished_at) : NULL;
  due = mc_format_time (item->extended_due_at ? item->extended_due_at : item->due_at);
  self->app = app;
  self->code = g_strdup (item->code);
  adw_preferences_group_set_title (self->summary, item->code);
  add_summary_row (self, _("Procedure"), item->procedure_name);
  add_summary_row (self, _("Applicant"), item->applicant_name);
  add_summary_row (self, _("Result"), item->result_number && *item->result_number
                                        ? item->result_number : mc_dossier_state_get_label (item->state));
  add_summary_row (self, _("Result ready at"), finished);
  add_summary_row (self, _("Appointment"), due);
  gtk_editable_set_text (GTK_EDITABLE (self->collected_by), item->applicant_name ? item->applicant_name : "");
  gtk_widget_grab_focus (GTK_WIDGET (self->id_number));
  return self;
}

void
mc_return_dialog_set_values (McReturnDialog *self, const char *collected_by, const char *id_number,
                             McChannel method, const char *note)
{
  g_return_if_fail (MC_IS_RETURN_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->collected_by), collected_by ? collected_by : "");
  gtk_editable_set_text (GTK_EDITABLE (self->id_number), id_number ? id_number : "");
  adw_combo_row_set_selected (self->method, method);
  gtk_editable_set_text (GTK_EDITABLE (self->note), note ? note : "");
}

void
mc_return_dialog_set_rating (McReturnDialog *self, const int indices[9], int satisfaction)
{
  g_return_if_fail (MC_IS_RETURN_DIALOG (self));

  for (int i = 0; i < 9; i++)
    adw_combo_row_set_selected (self->indices[i], indices[i] < 0 ? 0 : (guint) indices[i] + 1);
  adw_combo_row_set_selected (self->satisfaction, (guint) CLAMP (satisfaction, 0, 5));
}

static gboolean
record_rating (McReturnDialog *self, GError **error)
{
  McRatingValues v;

  rating_values (self, &v);
  if (mc_rating_values_empty (&v))
    return TRUE;
  return mc_rating_record (mc_application_get_db (self->app), self->code, &v, error);
}

/* In person, the rating step must be settled before anything is written. */
static gboolean
check_rating (McReturnDialog *self, GError **error)
{
  if (!in_person (self) || rating_decided (self))
    return TRUE;
  show_step (self, "rating");
  g_set_error_literal (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                       _("Record the citizen’s rating, or switch on “The citizen does not rate”"));
  show_error (self, NULL, (*error)->message);
  return FALSE;
}

/* The citizen being served at this clerk's counter (issue 18): the dossier
 * records the ticket of its return, the wait and the service time. */
static gboolean
link_ticket (McReturnDialog *self, GError **error)
{
  g_autoptr(McQueue) queue = mc_queue_new (mc_application_get_db (self->app));

  return mc_queue_link_dossier (queue, self->code, MC_QUEUE_LINK_RETURN, mc_time_now (), NULL, error);
}

gboolean
mc_return_dialog_submit (McReturnDialog *self, GError **error)
{
  g_autofree char *name = field_text (self->collected_by);
  g_autofree char *note = field_text (self->note);
  g_autofree char *document = field_text (self->authorisation);
  g_autofree char *digits = NULL;
  g_autofree char *username = mc_session_dup_username (self->app);
  McAction action = { 0, username, *note ? note : NULL };
  GError *local = NULL;

  g_return_val_if_fail (MC_IS_RETURN_DIALOG (self), FALSE);

  digits = check_handover (self, &local);
  if (digits == NULL || !check_rating (self, &local))
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (!mc_workflow_return (mc_application_get_workflow (self->app), self->code, &action, name,
                           *digits ? digits : NULL, *document ? document : NULL, selected_method (self), &local))
    {
      show_error (self, NULL, local->message);
      g_propagate_error (error, local);
      return FALSE;
    }
  if (!link_ticket (self, &local) || !record_rating (self, &local))
    {
      /* The result is handed over; only the ticket's link or the rating is missing. */
      show_error (self, NULL, local->message);
      g_propagate_error (error, local);
      g_signal_emit (self, signals[RETURNED], 0, self->code);
      return FALSE;
    }
  g_signal_emit (self, signals[RETURNED], 0, self->code);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

void
mc_return_dialog_set_authorisation (McReturnDialog *self, const char *document)
{
  g_return_if_fail (MC_IS_RETURN_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->authorisation), document ? document : "");
}

void
mc_return_dialog_set_declined (McReturnDialog *self, gboolean declined)
{
  g_return_if_fail (MC_IS_RETURN_DIALOG (self));

  gtk_switch_set_active (self->declined, declined);
}

const char *
mc_return_dialog_get_step (McReturnDialog *self)
{
  g_return_val_if_fail (MC_IS_RETURN_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->steps);
}

gboolean
mc_return_dialog_get_asks_authorisation (McReturnDialog *self)
{
  g_return_val_if_fail (MC_IS_RETURN_DIALOG (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->authorisation));
}
