/* mc-cli.h — the command line: thin commands over core
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-db.h"
#include "mc-output-file.h"
#include "mc-queue.h"

G_BEGIN_DECLS

/* TRUE when argv names a command (after the global options). */
gboolean  mc_cli_is_command   (int argc, char **argv);
/* TRUE when motcua runs it itself: no document, no drawing (the rest is
 * motcua-full's, see src/main.c). */
gboolean  mc_cli_is_light_command (int argc, char **argv);
/* Runs it; the exit status. Errors are printed in Vietnamese on stderr. */
int       mc_cli_run          (int argc, char **argv);

/* For the command implementations. */
typedef int (*McCliCommand) (McDb *db, int argc, char **argv);

McDb     *mc_cli_open_db      (const char *path);
int       mc_cli_fail         (GError *error);
/* Whether a command may write its output at `path`: never over the database,
 * a backup or a device; over an existing file only with --force. */
gboolean  mc_cli_check_output (const char *path, GError **error);
/* `data` as the file `path`, under the same rule, through a temporary file. */
gboolean  mc_cli_write_output (const char *path, const char *data, GError **error);
/* MC_OUTPUT_FILE_FORCE when --force was given: for a command writing
 * binary data itself through mc-output-file. */
McOutputFileFlags mc_cli_output_flags (void);
int       mc_cli_usage        (const char *usage);
/* One line of tab-separated output, each field escaped (\t \n \r \\);
 * a NULL field prints empty. mc_cli_print_row (a, b, c) for a fixed row. */
void      mc_cli_print_fields (const char *const *fields, guint n_fields);
#define   mc_cli_print_row(...) \
  mc_cli_print_fields ((const char *const []) { __VA_ARGS__ }, \
                       G_N_ELEMENTS (((const char *const []) { __VA_ARGS__ })))
int       mc_cli_calendar     (McDb *db, int argc, char **argv);
int       mc_cli_catalog      (McDb *db, int argc, char **argv);
int       mc_cli_demo         (McDb *db, int argc, char **argv);
/* The figures of the Tổng quan page (mc-cli-dashboard.c). */
int       mc_cli_dashboard    (McDb *db, int argc, char **argv);
int       mc_cli_dossier      (McDb *db, int argc, char **argv);
/* mc-cli-backup.c: "backup" opens the database; "restore" and "check" take
 * its path, because they must work when it cannot be opened. */
int       mc_cli_backup       (McDb *db, int argc, char **argv);
int       mc_cli_restore      (const char *db_path, const char *user, int argc, char **argv);
/* "queue say": the calling announcement as a WAV file; opens no database. */
int       mc_cli_queue_say    (int argc, char **argv);
/* The statutory reports and their periods (mc-cli-report.c). */
int       mc_cli_report       (McDb *db, int argc, char **argv);
/* The public board drawn to a PNG (mc-cli-board.c). */
int       mc_cli_liveboard    (McDb *db, int argc, char **argv);
/* The unit's settings registry (mc-cli-settings.c). */
int       mc_cli_settings     (McDb *db, int argc, char **argv);
/* The queue: tickets, counters, calls, statistics (mc-cli-queue.c). */
int       mc_cli_queue        (McDb *db, int argc, char **argv);
/* The kiosk's side (mc-cli-kiosk.c): `queue ticket` and `queue take
 * --ticket-pdf` write the 80 mm ticket as PDF; `kiosk lookup CODE` prints
 * a dossier as the kiosk shows it, masked, on a kiosk-mode connection. */
int       mc_cli_queue_ticket (McQueue *queue, const char *label, const char *day, const char *output);
int       mc_cli_queue_write_ticket (McQueue *queue, McQueueTicket *ticket, const char *output);
int       mc_cli_kiosk        (McDb *db, int argc, char **argv);
/* Mẫu 05 and Mẫu 06 (mc-cli-records.c); argv[0] is the subcommand. */
int       mc_cli_dossier_control_sheet (McDb *db, int argc, char **argv);
/* Thông báo dừng giải quyết hồ sơ (Mẫu 05 of TT 03/2025) of a withdrawn dossier. */
int       mc_cli_dossier_stop_notice   (McDb *db, int argc, char **argv);
int       mc_cli_dossier_apology_letter (McDb *db, int argc, char **argv);
int       mc_cli_dossier_register      (McDb *db, int argc, char **argv);
/* Signs `username` in on db (its password from MOTCUA_PASSWORD or the
 * terminal, once accounts are enforced): the actor of what follows. */
gboolean  mc_cli_sign_in      (McDb *db, const char *username, GError **error);
/* `account password`: the one command someone who must choose a new
 * password may run; mc_cli_allow_password_change lets mc_cli_sign_in pass. */
gboolean  mc_cli_is_password_command (int argc, char **argv);
void      mc_cli_allow_password_change (void);
int       mc_cli_account      (McDb *db, int argc, char **argv);
/* A line typed at the terminal without echo (prompt on stderr), or read
 * from stdin when it is not a terminal. */
char     *mc_cli_read_password_typed (const char *prompt);
/* A server login's password asked at the terminal when libpq has none. */
void      mc_cli_ask_server_password (void);
/* On a server, the staff member whose own login the connection is (NULL: none). */
char     *mc_cli_connection_username (McDb *db);
/* `server …`: a PostgreSQL server set up for several desks (mc-cli-server.c);
 * opens no database file. */
int       mc_cli_server       (int argc, char **argv);
int       mc_cli_db           (int argc, char **argv);
int       mc_cli_audit        (McDb *db, int argc, char **argv);
/* The signed-in person's notifications (mc-cli-notifications.c). */
int       mc_cli_notifications (McDb *db, int argc, char **argv);
/* The routing transitions; argv[0] is the subcommand. */
gboolean  mc_cli_is_workflow_command (const char *name);
int       mc_cli_workflow     (McDb *db, int argc, char **argv);

G_END_DECLS
