-- Motcua schema on PostgreSQL, version 34: the clerk named on a queue
-- ticket is the login that called or served it (issue 17 item 2, as 0033
-- for the dossiers' rows). A reception clerk may UPDATE queue_ticket.staff_id
-- (0017: the program writes the caller there at each call, serve, done or
-- absent, mc-queue.c), so with psql tn.lan could put another clerk's name on
-- a ticket and on the counter display and the clerk's day figures
-- (queue_clerk, mc-queue-clerk.c). mc_own_name () (0033) writes the
-- session's staff member instead whenever the column is set to someone new;
-- the board's login (the kiosk's rating, which keeps the clerk) and the
-- installer are no staff member and are left alone.
SET LOCAL ROLE motcua_owner;

CREATE TRIGGER queue_ticket_own_name BEFORE UPDATE OF staff_id ON queue_ticket FOR EACH ROW
  WHEN (NEW.staff_id IS NOT NULL AND NEW.staff_id IS DISTINCT FROM OLD.staff_id)
  EXECUTE FUNCTION mc_own_name ('staff_id');
