/* mc-window.c — the main window: the areas of the app in a sidebar
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages are declared once, in mc-pages.c; pages tell the window
 * nothing directly: they activate win.toast and expose their badge counts
 * as properties, which the sidebar binds. Each child of the stack is an
 * McPageSlot: a page is built when first shown or asked for, so the window
 * opens with one page built and queried, not ten (issue 15).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mc-audit.h"
#include "mc-dossier-page.h"
#include "mc-id-number.h"
#include "mc-inbox-page.h"
#include "mc-page-slot.h"
#include "mc-pages.h"
#include "mc-reception-page.h"
#include "mc-return-page.h"
#include "mc-session.h"
#include "mc-sidebar.h"
#include "mc-window.h"

struct _McWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toasts;
  GtkInfoBar           *connection_bar;
  GtkSpinner           *connection_spinner;
  gboolean              connection_lost;
  GtkStack             *stack;
  McSidebar            *sidebar;
  AdwWindowTitle       *title;
  AdwHeaderBar         *header_bar;
  AdwFlap              *flap;        /* the sidebar, folded into a header button on narrow windows */
  GtkInfoBar           *audit_bar;   /* the triggers changed outside Motcua: stays */
  GtkLabel             *audit_label;
  GString              *scan;        /* keys typed at scanner speed */
  guint32               scan_last;   /* time of the last of them */
  GtkEditable          *scan_target; /* the field the scan typed into, and its text before */
  char                 *scan_before;
  guint                 card_timeout; /* ends a card's QR scanned without Enter */
  char                 *last_toast;  /* what the last toast said, for the tests */
  GPtrArray            *toasts_out;  /* AdwToast shown (the first) or queued, not yet dismissed */
  gint64                toast_shown_at; /* when the first of them was shown (monotonic µs) */
  guint                 retire_toast; /* dismisses a young toast shown once it has settled */
  gboolean              opened;      /* the start page chosen: a page shown is built */
};

/* The longest show animation of libadwaita 1.2's toasts (500 ms), and a margin. */
#define TOAST_SETTLED_US (600 * G_TIME_SPAN_MILLISECOND)

/* A USB scanner types a whole code in a few milliseconds per key; people
 * do not type 10 characters at under 35 ms each. */
#define SCAN_MAX_GAP_MS 35
#define SCAN_MIN_LENGTH 10
/* The longest pause inside a card's QR; a scanner set to send no Enter
 * after it: the code ends twice that long after its last key. */
#define SCAN_END_MS 150

G_DEFINE_FINAL_TYPE (McWindow, mc_window, ADW_TYPE_APPLICATION_WINDOW)

/* The page `name`, built now if it was not; NULL when this person has no such page. */
static GtkWidget *
page_widget (McWindow *self, const char *name)
{
  GtkWidget *slot = gtk_stack_get_child_by_name (self->stack, name);

  return slot != NULL ? mc_page_slot_get_page (MC_PAGE_SLOT (slot)) : NULL;
}

static gboolean
looks_like_dossier_code (const char *text)
{
  const char *dash = strrchr (text, '-');

  return strlen (text) >= SCAN_MIN_LENGTH && dash != NULL && strlen (dash + 1) >= 4 &&
         strspn (dash + 1, "0123456789") == strlen (dash + 1);
}

static void
start_burst (McWindow *self, gunichar c)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  g_string_assign (self->scan, "");
  g_string_append_unichar (self->scan, c);
  g_clear_pointer (&self->scan_before, g_free);
  self->scan_target = NULL;
  if (focus != NULL && GTK_IS_EDITABLE (focus))
    {
      self->scan_target = GTK_EDITABLE (focus);
      self->scan_before = g_strdup (gtk_editable_get_text (self->scan_target));
    }
}

static void
restore_scan_target (McWindow *self)
{
  if (self->scan_target != NULL && GTK_IS_EDITABLE (self->scan_target))
    gtk_editable_set_text (self->scan_target, self->scan_before ? self->scan_before : "");
}

/* A citizen identity card's QR read on Tiếp nhận fills in the applicant. */
static void
finish_card_scan (McWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McIdCard) card = mc_id_card_parse_qr (self->scan->str, &error);
  GtkWidget *slot = gtk_stack_get_child_by_name (self->stack, "reception");

  g_clear_handle_id (&self->card_timeout, g_source_remove);
  restore_scan_target (self);
  g_string_assign (self->scan, "");
  if (card == NULL)
    mc_window_toast (self, error->message);
  else if (slot == NULL || gtk_stack_get_visible_child (self->stack) != slot)
    mc_window_toast (self, _("Open Reception to fill in an applicant from an identity card"));
  else
    mc_reception_page_fill_from_id_card (MC_RECEPTION_PAGE (page_widget (self, "reception")), card);
}

static gboolean
card_timeout_cb (gpointer data)
{
  McWindow *self = data;

  self->card_timeout = 0;
  finish_card_scan (self);
  return G_SOURCE_REMOVE;
}

/* A card's QR is recognised by its first 13 characters: from there the
 * keys go to no widget (a space on a focused button would press it). */
static gboolean
card_scan_in_progress (McWindow *self)
{
  if (!mc_id_card_qr_prefix (self->scan->str))
    return FALSE;
  g_clear_handle_id (&self->card_timeout, g_source_remove);
  self->card_timeout = g_timeout_add (2 * SCAN_END_MS, card_timeout_cb, self);
  return TRUE;
}

/* The keyval is read before any input method (Telex, VNI) rewrites it, so a
 * scanned "dd" stays "dd" here even if an entry shows "đ". */
gboolean
mc_window_feed_key (McWindow *self, guint keyval, guint32 time_ms)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  gboolean card = mc_id_card_qr_prefix (self->scan->str);
  /* Within a card's QR a scanner (or the system, remapping keys for its
   * Vietnamese letters) may pause longer than between a code's digits. */
  gboolean fast = self->scan->len > 0 && time_ms - self->scan_last <= (card ? SCAN_END_MS : SCAN_MAX_GAP_MS);
  GtkWidget *page;

  /* Scanners end a code with Enter, or Tab when so configured. */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_Tab) && fast && card)
    {
      finish_card_scan (self);
      return TRUE;
    }
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && fast &&
      looks_like_dossier_code (self->scan->str))
    {
      g_autofree char *code = g_strdup (self->scan->str);

      restore_scan_target (self);
      g_string_assign (self->scan, "");
      /* At the return desk a receipt scanned selects its result instead. */
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "return") == 0)
        {
          page = page_widget (self, "return");
          if (!mc_return_page_select (MC_RETURN_PAGE (page), code))
            {
              g_autofree char *message = g_strdup_printf (_("Dossier “%s” is not waiting to be returned"), code);
              mc_window_toast (self, message);
            }
          return TRUE;
        }
      page = page_widget (self, "dossiers");
      if (!mc_dossier_page_open (MC_DOSSIER_PAGE (page), code))
        {
          g_autofree char *message = g_strdup_printf (_("No dossier has the code “%s”"), code);
          mc_window_toast (self, message);
        }
      return TRUE;
    }
  /* Scanners press Shift for capitals (H in …H56…): modifiers do not end a burst. */
  if (keyval == GDK_KEY_Shift_L || keyval == GDK_KEY_Shift_R || keyval == GDK_KEY_Caps_Lock)
    return fast && card;
  /* A card's QR holds spaces and Vietnamese letters (its name, its address). */
  if (c != 0 && g_unichar_isprint (c) && (fast || c != ' '))
    {
      if (fast)
        g_string_append_unichar (self->scan, c);
      else
        start_burst (self, c);
      self->scan_last = time_ms;
      return card_scan_in_progress (self);
    }
  /* A letter the keyboard layout could not produce is lost, not the card. */
  if (fast && card && c == 0 && keyval != GDK_KEY_Escape && keyval != GDK_KEY_BackSpace)
    return TRUE;
  g_string_assign (self->scan, "");
  return FALSE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state,
                McWindow *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  return mc_window_feed_key (self, keyval, event ? gdk_event_get_time (event) : 0);
}

static void
show_page_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McWindow *self = MC_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (gtk_stack_get_child_by_name (self->stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->stack, name);
}

/* win.show-dossiers ((us): an McDossierFilter and a search): the whole
 * list behind a page's capped one ("Xem tất cả"), paged by key. */
static void
show_dossiers_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McWindow *self = MC_WINDOW (widget);
  GtkWidget *page = page_widget (self, "dossiers");
  guint32 filter;
  const char *text;

  if (page == NULL)
    return;
  g_variant_get (parameter, "(u&s)", &filter, &text);
  gtk_stack_set_visible_child_name (self->stack, "dossiers");
  mc_dossier_page_set_filter (MC_DOSSIER_PAGE (page), filter, text);
}

/* The toast shown is the first of toasts_out: all go in as
 * ADW_TOAST_PRIORITY_NORMAL, so the overlay shows them in that order. */
static void
toast_dismissed_cb (AdwToast *toast, McWindow *self)
{
  gboolean was_shown = self->toasts_out->len > 0 && self->toasts_out->pdata[0] == toast;

  g_ptr_array_remove (self->toasts_out, toast);
  if (was_shown && self->toasts_out->len > 0)
    self->toast_shown_at = g_get_monotonic_time ();
}

static gboolean
retire_shown_toast_cb (gpointer data)
{
  McWindow *self = data;

  self->retire_toast = 0;
  if (self->toasts_out->len > 1)
    adw_toast_dismiss (self->toasts_out->pdata[0]);
  return G_SOURCE_REMOVE;
}

/* An urgent toast ("Hồ sơ … đã nhận — In lại") replaces those shown or
 * queued. Not with ADW_TOAST_PRIORITY_HIGH, nor by dismissing a toast still
 * sliding in: libadwaita 1.2 asserts when a postponed toast comes back
 * before its hide animation ended, and uses a freed toast when one is
 * dismissed during its show animation (adw-toast-overlay.c: show_toast,
 * show_done_cb; up to 500 ms), so a toast that young is dismissed when it
 * is 600 ms old, the urgent one waiting behind it until then. */
static void
add_toast (McWindow *self, AdwToast *toast, gboolean urgent)
{
  gint64 age = g_get_monotonic_time () - self->toast_shown_at;

  g_free (self->last_toast);
  self->last_toast = g_strdup (adw_toast_get_title (toast));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_NORMAL);
  while (urgent && self->toasts_out->len > 1)
    adw_toast_dismiss (self->toasts_out->pdata[self->toasts_out->len - 1]);
  if (urgent && self->toasts_out->len == 1 && age >= TOAST_SETTLED_US)
    adw_toast_dismiss (self->toasts_out->pdata[0]);
  else if (urgent && self->toasts_out->len == 1 && self->retire_toast == 0)
    self->retire_toast = g_timeout_add ((TOAST_SETTLED_US - age) / 1000 + 1, retire_shown_toast_cb, self);
  if (self->toasts_out->len == 0)
    self->toast_shown_at = g_get_monotonic_time ();
  g_ptr_array_add (self->toasts_out, toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* win.toast: what a page tells the person, without knowing the window. */
static void
toast_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  mc_window_toast (MC_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* The button of a win.toast-button toast activates, on the page that has
 * it, the action the page named (e.g. reception.reprint): the toast lives
 * in the overlay above the pages, where their actions are not seen. */
static void
toast_button_clicked_cb (AdwToast *toast, McWindow *self)
{
  const char *action = g_object_get_data (G_OBJECT (toast), "page-action");

  /* A page never built has no toast of its own to act on. */
  for (GtkWidget *slot = gtk_widget_get_first_child (GTK_WIDGET (self->stack)); slot != NULL;
       slot = gtk_widget_get_next_sibling (slot))
    {
      GtkWidget *page = mc_page_slot_peek_page (MC_PAGE_SLOT (slot));

      if (page != NULL && gtk_widget_activate_action_variant (page, action, NULL))
        return;
    }
}

static void
toast_button_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McWindow *self = MC_WINDOW (widget);
  const char *message, *label, *action;
  AdwToast *toast;

  g_variant_get (parameter, "(&s&s&s)", &message, &label, &action);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, label);
  g_object_set_data_full (G_OBJECT (toast), "page-action", g_strdup (action), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_button_clicked_cb), self, 0);
  add_toast (self, toast, TRUE);
}

/* Folding puts the sidebar away and unfolding brings it back, as an
 * unlocked AdwFlap would (the flap is locked for its natural width). */
static void
folded_cb (McWindow *self)
{
  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_folded (self->flap));
}

static void
page_changed_cb (McWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);

  /* Not while the window is made: the first page added, then the last one
   * used, are shown on the way to the start page, and are not built for it. */
  if (child != NULL && self->opened)
    mc_page_slot_get_page (MC_PAGE_SLOT (child));
  /* A folded sidebar lies over the page: a page chosen there puts it away. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  if (child != NULL)
    adw_window_title_set_subtitle (self->title, gtk_stack_page_get_title (gtk_stack_get_page (self->stack, child)));
}

static void
save_state (McWindow *self)
{
  GSettings *settings = mc_application_get_settings (MC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  int width, height;

  if (settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (settings, "last-page", mc_window_get_page (self));
}

static gboolean
mc_window_close_request (GtkWindow *window)
{
  save_state (MC_WINDOW (window));
  return GTK_WINDOW_CLASS (mc_window_parent_class)->close_request (window);
}

static void
mc_window_dispose (GObject *object)
{
  McWindow *self = MC_WINDOW (object);

  g_clear_handle_id (&self->card_timeout, g_source_remove);
  g_clear_handle_id (&self->retire_toast, g_source_remove);
  G_OBJECT_CLASS (mc_window_parent_class)->dispose (object);
}

static void
mc_window_finalize (GObject *object)
{
  McWindow *self = MC_WINDOW (object);

  g_string_free (self->scan, TRUE);
  g_free (self->scan_before);
  g_free (self->last_toast);
  g_ptr_array_unref (self->toasts_out);
  G_OBJECT_CLASS (mc_window_parent_class)->finalize (object);
}

/* Ctrl+1… for the pages that have a digit in the table. */
static void
add_page_shortcuts (GtkWidgetClass *widget_class)
{
  guint n;
  const McPageInfo *pages = mc_pages_get_all (&n);

  for (guint i = 0; i < n; i++)
    if (pages[i].accel_digit != 0)
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + pages[i].accel_digit, GDK_CONTROL_MASK,
                                           "win.show-page", "s", pages[i].name);
}

static void
mc_window_class_init (McWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = mc_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = mc_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = mc_window_close_request;
  g_type_ensure (MC_TYPE_SIDEBAR);
  g_type_ensure (ADW_TYPE_FLAP);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, McWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, McWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, McWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, McWindow, title);
  gtk_widget_class_bind_template_child (widget_class, McWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, McWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, McWindow, audit_bar);
  gtk_widget_class_bind_template_child (widget_class, McWindow, connection_bar);
  gtk_widget_class_bind_template_child (widget_class, McWindow, connection_spinner);
  gtk_widget_class_bind_template_child (widget_class, McWindow, audit_label);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_cb);
  gtk_widget_class_install_action (widget_class, "win.show-dossiers", "(us)", show_dossiers_cb);
  /* Pages tell the person through these, never by reaching for the window. */
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_cb);
  /* (message, button label, an action of the page the button activates) */
  gtk_widget_class_install_action (widget_class, "win.toast-button", "(sss)", toast_button_cb);
  add_page_shortcuts (widget_class);
}

static void
mc_window_init (McWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->scan = g_string_new (NULL);
  self->toasts_out = g_ptr_array_new ();
  /* Capture phase: the window sees the scanner's keys before any entry's input method. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (page_changed_cb), self);
  g_signal_connect_swapped (self->flap, "notify::folded", G_CALLBACK (folded_cb), self);
}

static void
restore_state (McWindow *self, GSettings *settings)
{
  g_autofree char *page = NULL;

  if (settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  page = g_settings_get_string (settings, "last-page");
  if (gtk_stack_get_child_by_name (self->stack, page) != NULL)
    gtk_stack_set_visible_child_name (self->stack, page);
}

/* Signed in, the window opens where the person works, whatever page the
 * last person at this computer left open; "Của tôi" on Xử lý hồ sơ. */
static void
show_start_page (McWindow *self, McApplication *app)
{
  const char *name = mc_pages_start_page (mc_session_get_roles (app));
  GtkWidget *slot = name ? gtk_stack_get_child_by_name (self->stack, name) : NULL;
  GtkWidget *page;

  if (slot == NULL)
    return;
  gtk_stack_set_visible_child (self->stack, slot);
  page = mc_page_slot_get_page (MC_PAGE_SLOT (slot));
  if (MC_IS_INBOX_PAGE (page))
    mc_inbox_page_set_filter (MC_INBOX_PAGE (page), 0, TRUE);
}

/* The triggers as the commands check them (mc_audit_check_at_start), on a
 * bar that cannot be closed: those who read the audit trail (the
 * administrator, the committee's leaders) are told what changed and how to
 * check it; everyone else to call the administrator. Nothing is re-created. */
static void
show_audit_warning (McWindow *self, McApplication *app)
{
  g_autoptr(GPtrArray) problems = mc_audit_check_at_start (mc_application_get_db (app));
  g_autoptr(GString) text = g_string_new (NULL);

  if (problems->len == 0)
    return;
  if (!mc_session_may (app, MC_PERMISSION_AUDIT))
    g_string_append (text, _("The audit trail of this database was changed outside Motcua. "
                             "Tell the administrator at once."));
  else
    {
      g_string_append (text, _("The audit trail of this database was changed outside Motcua:"));
      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (text, "\n• %s", (char *) problems->pdata[i]);
      g_string_append_c (text, '\n');
      g_string_append (text, _("Motcua has not re-created anything. Check the trail (System log › Check Integrity, or "
                               "motcua audit verify --against a backup) and find out who changed the database."));
    }
  gtk_label_set_text (self->audit_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->audit_bar), TRUE);
}

/* A server's connection lost and found again (McDbWatch reconnects): the
 * banner says so meanwhile, since every save is refused until it is back;
 * a toast says when it is. */
static void
connected_cb (McDb *db, GParamSpec *pspec, McWindow *self)
{
  gboolean up = mc_db_get_connected (db);

  gtk_info_bar_set_revealed (self->connection_bar, !up);
  gtk_spinner_set_spinning (self->connection_spinner, !up);
  if (up && self->connection_lost)
    mc_window_toast (self, _("Connected to the server again"));
  self->connection_lost = !up;
}

static void
follow_connection (McWindow *self, McApplication *app)
{
  McDb *db = mc_application_get_db (app);

  if (db == NULL)
    return;
  g_signal_connect_object (db, "notify::connected", G_CALLBACK (connected_cb), self, 0);
  connected_cb (db, NULL, self);
}

McWindow *
mc_window_new (McApplication *app)
{
  McWindow *self = g_object_new (MC_TYPE_WINDOW, "application", app, NULL);

  mc_pages_add_to_stack (self->stack, app);
  /* The signed-in person's name and menu. */
  mc_session_setup_window (self, self->header_bar);
  restore_state (self, mc_application_get_settings (app));
  show_audit_warning (self, app);
  follow_connection (self, app);
  show_start_page (self, app);
  self->opened = TRUE;
  page_changed_cb (self);
  return self;
}

const char *
mc_window_get_page (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
mc_window_get_page_widget (McWindow *self, const char *name)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), NULL);

  return page_widget (self, name);
}

gboolean
mc_window_is_page_built (McWindow *self, const char *name)
{
  GtkWidget *slot;

  g_return_val_if_fail (MC_IS_WINDOW (self), FALSE);

  slot = gtk_stack_get_child_by_name (self->stack, name);
  return slot != NULL && mc_page_slot_peek_page (MC_PAGE_SLOT (slot)) != NULL;
}

void
mc_window_toast (McWindow *self, const char *message)
{
  g_return_if_fail (MC_IS_WINDOW (self));

  add_toast (self, adw_toast_new (message), FALSE);
}

/* The warning on the bar under the header, or NULL when it is hidden. */
const char *
mc_window_get_audit_warning (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->audit_bar)) ? gtk_label_get_text (self->audit_label) : NULL;
}

const char *
mc_window_get_last_toast (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), NULL);

  return self->last_toast;
}

McSidebar *
mc_window_get_sidebar (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), NULL);

  return self->sidebar;
}

GtkStack *
mc_window_get_stack (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), NULL);

  return self->stack;
}

gboolean
mc_window_is_connection_banner_shown (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), FALSE);
  return gtk_info_bar_get_revealed (self->connection_bar);
}
