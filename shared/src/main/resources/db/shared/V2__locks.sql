-- Named locks (studio.timelapse.shared.lock): one row per live lease, visible to every process on this file.

-- The fencing counter: one row, incremented in the same transaction as every acquisition. It is never reset or
-- deleted, so a fence is never handed out twice, even after the lease rows are gone.
CREATE TABLE lock_fence (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    last_fence INTEGER NOT NULL
);
INSERT INTO lock_fence (id, last_fence) VALUES (1, 0);

-- A lease: who holds which lock until when. Compatible purposes may hold one resource together, so a lease is
-- identified by its fence, not by its name. Times are milliseconds since the epoch (UTC).
CREATE TABLE lock_lease (
    fence       INTEGER PRIMARY KEY,
    resource    TEXT    NOT NULL,     -- 'sequence:12/frame:991'
    purpose     TEXT    NOT NULL,     -- 'render'
    holder      TEXT    NOT NULL,     -- 'job:42'
    process     TEXT    NOT NULL,     -- 'studio@laptop:4711': who to blame after a crash
    acquired_at INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    progress    TEXT                  -- the holder's last progress report, for those it refuses
);

-- Conflicts are looked up by resource: equal, ancestors (IN), descendants (a range on 'resource/').
CREATE INDEX lock_lease_by_resource ON lock_lease (resource);
-- Expired leases are swept by expiry.
CREATE INDEX lock_lease_by_expiry ON lock_lease (expires_at);
