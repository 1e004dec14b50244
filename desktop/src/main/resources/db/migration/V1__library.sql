-- The studio's library. Times are UTC epoch milliseconds (INTEGER) so range queries use the indexes directly;
-- the photographer's local offset is kept beside them. Entity lifecycles (camera, sequence, render) live in the
-- shared entity_state table, locks and jobs in theirs (shared migrations, owner "shared").
--
-- Declared types are for jOOQ's code generator as much as for SQLite: BIGINT (INTEGER affinity) makes 64-bit Java
-- longs of millisecond times, sizes and sequence numbers, DOUBLE (REAL affinity) makes doubles; only row ids stay
-- "INTEGER PRIMARY KEY", which SQLite needs to make them aliases of the rowid.

-- A camera agent the studio knows: found on the LAN or added by host:port, then paired.
CREATE TABLE camera (
    id                      TEXT    NOT NULL PRIMARY KEY, -- the agent's own id (mDNS TXT "id", pairing response)
    name                    TEXT    NOT NULL,
    host                    TEXT    NOT NULL,
    port                    INTEGER NOT NULL,
    certificate_fingerprint TEXT,                         -- SHA-256 of the agent's certificate, pinned when paired
    studio_id               TEXT,                         -- the id this studio was given by the agent when paired
    added_at                BIGINT  NOT NULL,
    paired_at               BIGINT,
    last_seen_at            BIGINT,
    latitude                DOUBLE,                       -- where the camera stands, when known: daytime rules
    longitude               DOUBLE,
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);

-- A sequence is an ordered set of frames: a camera's stream, an import, or one the user defined by rules.
-- AUTOINCREMENT: a deleted sequence's id is never given again, since its lifecycle history, locks and renders name it.
CREATE TABLE sequence (
    id          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL UNIQUE,
    kind        TEXT    NOT NULL CHECK (kind IN ('CAMERA', 'IMPORT', 'DEFINED')),
    camera_id   TEXT    REFERENCES camera (id),           -- set for kind CAMERA
    definition  TEXT,                                     -- JSON rules for kind DEFINED
    created_at  BIGINT  NOT NULL
);
CREATE UNIQUE INDEX sequence_of_camera ON sequence (camera_id) WHERE kind = 'CAMERA';

-- One stored frame file. Camera frames are unique by (camera, epoch, seq): that is what makes sync idempotent.
-- Imported frames have no camera and are unique by content (sha256) instead.
CREATE TABLE frame (
    id                 INTEGER NOT NULL PRIMARY KEY,
    origin_sequence_id INTEGER NOT NULL REFERENCES sequence (id), -- the camera stream or import it arrived by
    camera_id          TEXT    REFERENCES camera (id),
    epoch              TEXT,
    seq                BIGINT,
    captured_at        BIGINT  NOT NULL,
    utc_offset_s       INTEGER NOT NULL DEFAULT 0,
    sha256             TEXT    NOT NULL,
    size               BIGINT  NOT NULL,
    width              INTEGER,
    height             INTEGER,
    path               TEXT    NOT NULL UNIQUE,           -- relative to the library folder, '/' separated
    rejected           INTEGER NOT NULL DEFAULT 0,
    added_at           BIGINT  NOT NULL,
    -- Filled by ingest (null until then):
    ingested_at        BIGINT,
    mean_luma          DOUBLE,                            -- 0..255, for deflicker and day/night
    histogram          BLOB,                              -- 64 luma bins, 4-byte big-endian counts
    exposure_time_s    DOUBLE,
    f_number           DOUBLE,
    iso                INTEGER,
    CHECK ((camera_id IS NULL) = (epoch IS NULL) AND (epoch IS NULL) = (seq IS NULL))
);
CREATE UNIQUE INDEX frame_camera_epoch_seq ON frame (camera_id, epoch, seq) WHERE camera_id IS NOT NULL;
CREATE UNIQUE INDEX frame_imported_content ON frame (sha256) WHERE camera_id IS NULL;
-- Listings in capture order: a camera's frames, and a stream's or import's (which defined sequences merge). SQLite
-- appends the rowid to each index, so "ORDER BY captured_at, id" needs no sort. Each index is paid for on every
-- insert: add one only for a query that needs it (QueryPlanTest shows which index each query uses).
CREATE INDEX frame_camera_time ON frame (camera_id, captured_at);
CREATE INDEX frame_origin_time ON frame (origin_sequence_id, captured_at);
-- The same for frames not rejected, what defined sequences read by default: their scans and counts never touch the
-- table. (A query uses a partial index only when its WHERE says "rejected = 0" literally, not with a parameter.)
CREATE INDEX frame_origin_kept_time ON frame (origin_sequence_id, captured_at) WHERE rejected = 0;
CREATE INDEX frame_not_ingested ON frame (id) WHERE ingested_at IS NULL;

-- How many frames each camera stream or import holds, and how many of those are rejected, kept by the triggers
-- below: SQLite counts a million index entries in tens of milliseconds; this row answers in microseconds.
CREATE TABLE frame_count (
    origin_sequence_id INTEGER NOT NULL PRIMARY KEY,
    frames             BIGINT  NOT NULL,
    rejected           BIGINT  NOT NULL
);
CREATE TRIGGER frame_counted AFTER INSERT ON frame
BEGIN
    INSERT INTO frame_count (origin_sequence_id, frames, rejected)
    VALUES (NEW.origin_sequence_id, 1, NEW.rejected != 0)
    ON CONFLICT (origin_sequence_id) DO UPDATE SET frames = frames + 1, rejected = rejected + (NEW.rejected != 0);
END;
CREATE TRIGGER frame_uncounted AFTER DELETE ON frame
BEGIN
    UPDATE frame_count SET frames = frames - 1, rejected = rejected - (OLD.rejected != 0)
    WHERE origin_sequence_id = OLD.origin_sequence_id;
END;
CREATE TRIGGER frame_recounted AFTER UPDATE OF origin_sequence_id, rejected ON frame
BEGIN
    UPDATE frame_count SET frames = frames - 1, rejected = rejected - (OLD.rejected != 0)
    WHERE origin_sequence_id = OLD.origin_sequence_id;
    INSERT INTO frame_count (origin_sequence_id, frames, rejected)
    VALUES (NEW.origin_sequence_id, 1, NEW.rejected != 0)
    ON CONFLICT (origin_sequence_id) DO UPDATE SET frames = frames + 1, rejected = rejected + (NEW.rejected != 0);
END;

-- Thumbnails apart from frame rows so scans of frame stay small: a JPEG of at most 320 px on the long side.
CREATE TABLE frame_thumbnail (
    frame_id INTEGER NOT NULL PRIMARY KEY REFERENCES frame (id) ON DELETE CASCADE,
    width    INTEGER NOT NULL,
    height   INTEGER NOT NULL,
    jpeg     BLOB    NOT NULL
);

CREATE TABLE tag (
    id   INTEGER NOT NULL PRIMARY KEY,
    name TEXT    NOT NULL UNIQUE
);

CREATE TABLE frame_tag (
    frame_id INTEGER NOT NULL REFERENCES frame (id) ON DELETE CASCADE,
    tag_id   INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    PRIMARY KEY (frame_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX frame_tag_by_tag ON frame_tag (tag_id, frame_id);

-- Where sync stands with each camera: every frame up to and including this id is stored and acknowledged.
CREATE TABLE sync_cursor (
    camera_id  TEXT    NOT NULL PRIMARY KEY REFERENCES camera (id),
    epoch      TEXT    NOT NULL,
    seq        BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL
);

-- A finished or running render of a sequence; the work itself is a job (jobs table).
CREATE TABLE render (
    id          INTEGER NOT NULL PRIMARY KEY,
    sequence_id INTEGER REFERENCES sequence (id),
    job_id      TEXT,
    settings    TEXT    NOT NULL,                         -- JSON: the render settings as the user chose them
    output_path TEXT    NOT NULL,
    encoder     TEXT,
    frames      INTEGER,
    duration_ms BIGINT,
    created_at  BIGINT  NOT NULL,
    finished_at BIGINT
);
CREATE INDEX render_of_sequence ON render (sequence_id, created_at);
