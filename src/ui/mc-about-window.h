/* mc-about-window.h — Giới thiệu Motcua: the about window, in our own words
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MC_TYPE_ABOUT_WINDOW (mc_about_window_get_type ())
G_DECLARE_FINAL_TYPE (McAboutWindow, mc_about_window, MC, ABOUT_WINDOW, AdwWindow)

McAboutWindow *mc_about_window_new (GtkWindow *parent);

G_END_DECLS
