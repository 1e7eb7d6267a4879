/* mc-page-slot.c — a page of the main window, built when first shown
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * At a million dossiers, building every page at start (widgets, models and
 * their queries) took most of the 5 s before the first window (issue 15).
 * The stack holds a slot per page instead; the page is made the first time
 * it is shown or asked for (mc_window_get_page_widget). A page whose title
 * carries badges (Xử lý hồ sơ, Trả kết quả) has them counted in SQL while it
 * is not built, again after each change McChanges tells, and from the
 * page's own properties once it is.
 */
#include "config.h"

#include "mc-page-changes.h"
#include "mc-page-slot.h"

struct _McPageSlot
{
  AdwBin            parent_instance;

  const McPageInfo *info;
  McApplication    *app;    /* owns the window, so the slot */
  GtkWidget        *page;   /* NULL until built */
  guint             n_waiting;
  guint             n_overdue;
};

G_DEFINE_FINAL_TYPE (McPageSlot, mc_page_slot, ADW_TYPE_BIN)

enum { PROP_0, PROP_N_WAITING, PROP_N_OVERDUE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
set_counts (McPageSlot *self, guint n_waiting, guint n_overdue)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->n_waiting != n_waiting)
    {
      self->n_waiting = n_waiting;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WAITING]);
    }
  if (self->n_overdue != n_overdue)
    {
      self->n_overdue = n_overdue;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OVERDUE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static guint
page_count (McPageSlot *self, const char *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->page), name);
  guint n = 0;

  if (pspec != NULL && pspec->value_type == G_TYPE_UINT)
    g_object_get (self->page, name, &n, NULL);
  return n;
}

static void
page_counts_cb (McPageSlot *self)
{
  set_counts (self, page_count (self, "n-waiting"), page_count (self, "n-overdue"));
}

/* Before the page is built: its cheap count (McChanges calls this again). */
static void
recount (GtkWidget *widget)
{
  McPageSlot *self = MC_PAGE_SLOT (widget);
  guint n_waiting = 0, n_overdue = 0;

  if (self->page != NULL || self->info->badges == NULL)
    return;
  self->info->badges (self->app, &n_waiting, &n_overdue);
  set_counts (self, n_waiting, n_overdue);
}

static void
mc_page_slot_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McPageSlot *self = MC_PAGE_SLOT (object);

  switch (prop_id)
    {
    case PROP_N_WAITING: g_value_set_uint (value, self->n_waiting); break;
    case PROP_N_OVERDUE: g_value_set_uint (value, self->n_overdue); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_page_slot_class_init (McPageSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = mc_page_slot_get_property;
  properties[PROP_N_WAITING] = g_param_spec_uint ("n-waiting", NULL, NULL, 0, G_MAXUINT, 0,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_OVERDUE] = g_param_spec_uint ("n-overdue", NULL, NULL, 0, G_MAXUINT, 0,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_page_slot_init (McPageSlot *self)
{
}

McPageSlot *
mc_page_slot_new (const McPageInfo *info, McApplication *app)
{
  McPageSlot *self;

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (MC_IS_APPLICATION (app), NULL);

  self = g_object_new (MC_TYPE_PAGE_SLOT, NULL);
  self->info = info;
  self->app = app;
  if (info->badges != NULL)
    {
      recount (GTK_WIDGET (self));
      /* What the badged pages' models follow: dossiers, who holds them, apologies' new appointments, the
       * calendar and the settings of lateness. Counted even hidden: the badge is always on screen. */
      mc_page_follow_changes (GTK_WIDGET (self), mc_application_get_db (app),
                              MC_CHANGE_MASK (MC_CHANGE_DOSSIER) | MC_CHANGE_MASK (MC_CHANGE_STAFF) |
                                MC_CHANGE_MASK (MC_CHANGE_APOLOGY) | MC_CHANGE_MASK (MC_CHANGE_CALENDAR) |
                                MC_CHANGE_MASK (MC_CHANGE_SETTING),
                              TRUE, recount);
    }
  return self;
}

GtkWidget *
mc_page_slot_get_page (McPageSlot *self)
{
  g_return_val_if_fail (MC_IS_PAGE_SLOT (self), NULL);

  if (self->page != NULL)
    return self->page;
  self->page = self->info->create (self->app);
  adw_bin_set_child (ADW_BIN (self), self->page);
  g_signal_connect_object (self->page, "notify::n-waiting", G_CALLBACK (page_counts_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->page, "notify::n-overdue", G_CALLBACK (page_counts_cb), self, G_CONNECT_SWAPPED);
  page_counts_cb (self);
  return self->page;
}

GtkWidget *
mc_page_slot_peek_page (McPageSlot *self)
{
  g_return_val_if_fail (MC_IS_PAGE_SLOT (self), NULL);

  return self->page;
}
