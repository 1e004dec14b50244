-- Import runs and ingest problems. Times are UTC epoch milliseconds (BIGINT, as in V1).

-- One run of an import: the job that does it and the import sequence its frames go into. The sequence is made with
-- the run's first new frame (a card imported again makes none), in the transaction that records it here, so that a
-- resumed job finds its sequence again instead of making a second one.
CREATE TABLE import_run (
    job_id      INTEGER NOT NULL PRIMARY KEY,                   -- the shared job table's id
    sequence_id INTEGER REFERENCES sequence (id),
    source      TEXT    NOT NULL,                               -- the folder imported, absolute
    started_at  BIGINT  NOT NULL
);

-- The files an import left out, and why (unreadable, not a JPEG, truncated, corrupt, …): what the command line lists
-- at the end, kept for later. One row per file, written with the job's checkpoint, so a resumed run lists each once.
CREATE TABLE import_skipped (
    job_id INTEGER NOT NULL REFERENCES import_run (job_id) ON DELETE CASCADE,
    file   TEXT    NOT NULL,                                    -- relative to the run's source folder, '/' separated
    kind   TEXT    NOT NULL,                                    -- IngestFailure.Kind
    reason TEXT    NOT NULL,
    PRIMARY KEY (job_id, file)
) WITHOUT ROWID;

-- Frames ingest could not analyse (file missing, truncated, corrupt, …): flagged with the reason, and left out of
-- ingest until the problem is cleared. The frame row itself stays not ingested.
CREATE TABLE frame_ingest_problem (
    frame_id INTEGER NOT NULL PRIMARY KEY REFERENCES frame (id) ON DELETE CASCADE,
    kind     TEXT    NOT NULL,                                  -- IngestFailure.Kind
    reason   TEXT    NOT NULL,
    found_at BIGINT  NOT NULL
);
