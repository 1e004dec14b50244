-- Resumable jobs: one row per job, checkpointed after every chunk; one row per finished run for durations.
CREATE TABLE job (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    type             TEXT    NOT NULL,
    queue            TEXT    NOT NULL,
    priority         INTEGER NOT NULL DEFAULT 0,
    idempotency_key  TEXT,
    params           TEXT    NOT NULL,            -- JSON
    state            TEXT    NOT NULL,            -- queued, running, succeeded, failed, cancelled, interrupted
    attempts         INTEGER NOT NULL DEFAULT 0,
    max_attempts     INTEGER NOT NULL,
    checkpoint       TEXT,                        -- JSON; null before the first chunk
    chunks_done      INTEGER NOT NULL DEFAULT 0,
    progress_done    INTEGER,
    progress_total   INTEGER,
    progress_unit    TEXT,
    run_after_ms     INTEGER NOT NULL,            -- not before (backoff, lock busy)
    created_ms       INTEGER NOT NULL,
    started_ms       INTEGER,                     -- current or last attempt
    finished_ms      INTEGER,
    heartbeat_ms     INTEGER,
    owner            TEXT,                        -- runner instance while running: host:pid:uuid
    cancel_requested INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    task_uuid        TEXT,                        -- the action-log task of the current or last attempt
    submitted_in     TEXT,                        -- the task that submitted it
    UNIQUE (type, idempotency_key)
);
CREATE INDEX job_ready ON job (queue, state, priority DESC, run_after_ms, id);
CREATE INDEX job_state ON job (state);

CREATE TABLE job_run (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id      INTEGER NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    type        TEXT    NOT NULL,
    attempt     INTEGER NOT NULL,
    started_ms  INTEGER NOT NULL,
    finished_ms INTEGER NOT NULL,
    outcome     TEXT    NOT NULL                  -- succeeded, failed, retrying, cancelled, interrupted
);
CREATE INDEX job_run_type_time ON job_run (type, finished_ms);
