-- The camera agent's local frame store (studio.timelapse.camera.store): which frames are on the agent's disk, and
-- which the studio has acknowledged. Applied with db.migrate("agent", "db/agent") at start-up.

-- One row: this store's identity and its sequence counter.
CREATE TABLE frame_store (
    singleton     INTEGER PRIMARY KEY CHECK (singleton = 1),
    -- random, chosen when the store is created: a wiped and re-created store never reuses frame ids
    epoch         TEXT    NOT NULL,
    -- the last sequence number handed out. It only grows (in the same transaction as the frame's row), so numbers
    -- stay gap-free and retention deleting the newest rows never makes a number come back.
    last_sequence INTEGER NOT NULL CHECK (last_sequence >= 0),
    -- epoch milliseconds (UTC)
    created_ms    INTEGER NOT NULL
);

-- One row per frame on disk (and, briefly, per frame being deleted by retention).
CREATE TABLE frame (
    epoch            TEXT    NOT NULL,
    sequence         INTEGER NOT NULL CHECK (sequence >= 1),
    -- when the exposure happened, epoch milliseconds (UTC), and the UTC offset of the camera's zone at that moment
    captured_ms      INTEGER NOT NULL,
    utc_offset_s     INTEGER NOT NULL,
    -- the scheduled slot the frame belongs to; NULL for a frame recovered after a crash
    slot_ms          INTEGER,
    -- when the store committed it, by the agent's clock
    stored_ms        INTEGER NOT NULL,
    size             INTEGER NOT NULL CHECK (size > 0),
    -- lower-case hex
    sha256           TEXT    NOT NULL CHECK (length(sha256) = 64),
    width            INTEGER NOT NULL,
    height           INTEGER NOT NULL,
    -- JSON: the FrameSettings asked for; NULL for a recovered frame
    settings         TEXT,
    -- JSON object: what the camera reported using (shutter_s, gain, iso, …)
    exposure         TEXT    NOT NULL,
    -- the file, relative to <home>/frames, '/'-separated: 2026/03/01/<epoch>-00000042.jpg
    path             TEXT    NOT NULL,
    sync_state       TEXT    NOT NULL CHECK (sync_state IN ('unsynced', 'acknowledged')),
    acknowledged_ms  INTEGER,
    -- 1 when the row was rebuilt from the file after a crash between rename and commit
    recovered        INTEGER NOT NULL DEFAULT 0 CHECK (recovered IN (0, 1)),
    -- set while the row's file is found missing (reported, never silently dropped); NULL when the file is there
    missing_since_ms INTEGER,
    -- 1 while retention deletes it: the row goes first to "deleting", then the file, then the row
    deleting         INTEGER NOT NULL DEFAULT 0 CHECK (deleting IN (0, 1)),
    PRIMARY KEY (epoch, sequence)
) WITHOUT ROWID;

-- The oldest unsynced frame (stats), the oldest acknowledged ones (retention).
CREATE INDEX frame_by_sync_state ON frame (epoch, sync_state, sequence);
-- Rare rows, found without a scan.
CREATE INDEX frame_missing ON frame (epoch, sequence) WHERE missing_since_ms IS NOT NULL;
CREATE INDEX frame_deleting ON frame (epoch, sequence) WHERE deleting = 1;

-- Counts and bytes per sync state, kept by triggers in the same transaction as every change to frame, so that stats
-- cost the same with 100 frames as with 100,000.
CREATE TABLE frame_totals (
    sync_state TEXT    PRIMARY KEY CHECK (sync_state IN ('unsynced', 'acknowledged')),
    frames     INTEGER NOT NULL,
    bytes      INTEGER NOT NULL
);
INSERT INTO frame_totals (sync_state, frames, bytes) VALUES ('unsynced', 0, 0), ('acknowledged', 0, 0);

CREATE TRIGGER frame_totals_insert AFTER INSERT ON frame
BEGIN
    UPDATE frame_totals SET frames = frames + 1, bytes = bytes + NEW.size WHERE sync_state = NEW.sync_state;
END;

CREATE TRIGGER frame_totals_delete AFTER DELETE ON frame
BEGIN
    UPDATE frame_totals SET frames = frames - 1, bytes = bytes - OLD.size WHERE sync_state = OLD.sync_state;
END;

CREATE TRIGGER frame_totals_update AFTER UPDATE OF sync_state, size ON frame
BEGIN
    UPDATE frame_totals SET frames = frames - 1, bytes = bytes - OLD.size WHERE sync_state = OLD.sync_state;
    UPDATE frame_totals SET frames = frames + 1, bytes = bytes + NEW.size WHERE sync_state = NEW.sync_state;
END;
