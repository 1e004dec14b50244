-- When the holding process started (milliseconds since the epoch, as the operating system reports it), so that a
-- waiter on the same host can tell a dead holder from a live one that merely reuses its process id. Null when the
-- holder could not tell; such a lease is only ever taken over by expiry.
ALTER TABLE lock_lease ADD COLUMN process_started_at INTEGER;
