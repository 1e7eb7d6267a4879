/* mc-demo.h — a realistic demonstration database
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-db.h"
#include "mc-time.h"

G_BEGIN_DECLS

typedef struct {
  guint dossiers;
  guint events;
  guint pending;
  guint late;
  guint apologies;
  /* mc_demo_fill_queue */
  guint tickets;
  guint ticket_days;
  guint ticket_links;
  guint ticket_ratings;
} McDemoStats;

/* Fills an empty database: the unit, its departments and staff, the built-in
 * catalog, the announced calendars, and `n_dossiers` dossiers received over the
 * two years before now, with their whole history. Deterministic for a seed. */
gboolean mc_demo_fill (McDb *db, guint n_dossiers, guint32 seed, McDemoStats *stats, GError **error);

/* The same history as it would be at `now` (seconds since the epoch): the
 * demo must hold at any hour and on any day, holidays and Tết included. */
gboolean mc_demo_fill_at (McDb *db, guint n_dossiers, guint32 seed, McTime now, McDemoStats *stats,
                          GError **error);

/* The same, with the queue's history (issue 18): the tickets of the
 * `queue_days` working days before now and of today up to now — taken with
 * the morning peak, priority ones, called, served, absent, rated — the
 * dossiers received and results returned at the counters linked to them.
 * Deterministic for a seed; 0 days is mc_demo_fill_at. */
gboolean mc_demo_fill_with_queue (McDb *db, guint n_dossiers, guint queue_days, guint32 seed, McTime now,
                                  McDemoStats *stats, GError **error);

G_END_DECLS
