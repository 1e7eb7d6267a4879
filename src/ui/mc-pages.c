/* mc-pages.c — the pages of the main window, declared once
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page is one line of `pages[]`: its name, title, icon, shortcut, the
 * roles that start on it, who sees it and how it is made. The window, the
 * sidebar (through the stack), the shortcuts and the start page read this
 * table; nothing else lists the pages. Hiding a page is only a convenience:
 * core checks every action against the signed-in person (mc_accounts_check).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-accounts-page.h"
#include "mc-apology-page.h"
#include "mc-audit-page.h"
#include "mc-calendar-page.h"
#include "mc-catalog-page.h"
#include "mc-dashboard-page.h"
#include "mc-dossier-page.h"
#include "mc-inbox-page.h"
#include "mc-page-slot.h"
#include "mc-queue-stats-page.h"
#include "mc-pages.h"
#include "mc-reception-page.h"
#include "mc-report.h"
#include "mc-report-page.h"
#include "mc-return-page.h"
#include "mc-session.h"

#define PAGE_NEW(fn) \
  static GtkWidget *new_##fn (McApplication *app) { return GTK_WIDGET (fn (app)); }

PAGE_NEW (mc_dashboard_page_new)
PAGE_NEW (mc_reception_page_new)
PAGE_NEW (mc_dossier_page_new)
PAGE_NEW (mc_inbox_page_new)
PAGE_NEW (mc_return_page_new)
PAGE_NEW (mc_apology_page_new)
PAGE_NEW (mc_catalog_page_new)
PAGE_NEW (mc_calendar_page_new)
PAGE_NEW (mc_report_page_new)
PAGE_NEW (mc_accounts_page_new)
PAGE_NEW (mc_audit_page_new)
PAGE_NEW (mc_queue_stats_page_new)

/* The counter's two pages only for those core lets receive and return. */
static gboolean
may_receive (McApplication *app)
{
  return mc_session_may (app, MC_PERMISSION_RECEIVE);
}

static gboolean
may_return (McApplication *app)
{
  return mc_session_may (app, MC_PERMISSION_RETURN);
}

/* Báo cáo for the roles that make statutory reports (everyone while
 * accounts are not enforced). */
static gboolean
may_report (McApplication *app)
{
  return mc_report_check_permission (mc_application_get_db (app), NULL);
}

/* Tổng quan for heads (their department), leaders and administrators:
 * core's MC_PERMISSION_DASHBOARD (everyone's while accounts are not enforced). */
static gboolean
sees_dashboard (McApplication *app)
{
  return mc_session_may (app, MC_PERMISSION_DASHBOARD);
}

/* Tài khoản and Nhật ký only for someone signed in with the role. */
static gboolean
is_admin (McApplication *app)
{
  return (mc_session_get_roles (app) & MC_ROLE_ADMIN) != 0;
}

static gboolean
reads_audit (McApplication *app)
{
  return (mc_session_get_roles (app) & (MC_ROLE_ADMIN | MC_ROLE_LEADER)) != 0;
}

static const McPageInfo pages[] = {
  { "dashboard", N_("Overview"), "view-grid-symbolic", 0, 0, sees_dashboard, new_mc_dashboard_page_new },
  { "reception", N_("Reception"), "contact-new-symbolic", 1, MC_ROLE_RECEPTION, may_receive,
    new_mc_reception_page_new },
  { "dossiers", N_("Dossiers"), "folder-documents-symbolic", 2, 0, NULL, new_mc_dossier_page_new },
  { "inbox", N_("Dossier processing"), "mail-unread-symbolic", 5,
    MC_ROLE_SPECIALIST | MC_ROLE_HEAD | MC_ROLE_LEADER | MC_ROLE_RECORDS, NULL, new_mc_inbox_page_new,
    mc_inbox_page_count_badges },
  { "return", N_("Return results"), "mail-send-symbolic", 0, 0, may_return, new_mc_return_page_new,
    mc_return_page_count_badges },
  { "apologies", N_("Apology register"), "mail-replied-symbolic", 0, 0, NULL, new_mc_apology_page_new },
  { "catalog", N_("Procedure catalog"), "x-office-address-book-symbolic", 3, 0, NULL, new_mc_catalog_page_new },
  { "calendar", N_("Working calendar"), "x-office-calendar-symbolic", 4, 0, NULL, new_mc_calendar_page_new },
  { "reports", N_("Reports"), "x-office-spreadsheet-symbolic", 6, MC_ROLE_REPORTING, may_report,
    new_mc_report_page_new },
  { "queue-stats", N_("Queue statistics"), "view-list-ordered-symbolic", 0, 0, sees_dashboard,
    new_mc_queue_stats_page_new },
  { "accounts", N_("Accounts"), "system-users-symbolic", 0, MC_ROLE_ADMIN, is_admin, new_mc_accounts_page_new },
  { "audit", N_("System log"), "document-open-recent-symbolic", 0, 0, reads_audit, new_mc_audit_page_new },
};

const McPageInfo *
mc_pages_get_all (guint *n)
{
  *n = G_N_ELEMENTS (pages);
  return pages;
}

const McPageInfo *
mc_pages_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i].name, name) == 0)
      return &pages[i];
  return NULL;
}

/* Someone with several roles starts on the work that comes to them:
 * citizens at the counter first, then the dossiers waiting — the table's order. */
const char *
mc_pages_start_page (McRoles roles)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (pages[i].start_roles & roles)
      return pages[i].name;
  return NULL;
}

void
mc_pages_add_to_stack (GtkStack *stack, McApplication *app)
{
  g_return_if_fail (GTK_IS_STACK (stack));
  g_return_if_fail (MC_IS_APPLICATION (app));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkStackPage *page;

      if (pages[i].shown != NULL && !pages[i].shown (app))
        continue;
      page = gtk_stack_add_titled (stack, GTK_WIDGET (mc_page_slot_new (&pages[i], app)), pages[i].name,
                                   _(pages[i].title));
      gtk_stack_page_set_icon_name (page, pages[i].icon_name);
    }
}
