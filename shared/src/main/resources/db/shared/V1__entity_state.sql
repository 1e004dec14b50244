-- Entity state machines (studio.timelapse.shared.state): the current state of every persistent entity, and every
-- step that led there. Applied with db.migrate("shared", "db/shared"); V2 belongs to locks, V3 to jobs.

-- One row per entity. State names are the enum constants' names: renaming a constant needs a migration.
CREATE TABLE entity_state (
    entity_type TEXT    NOT NULL,
    entity_id   TEXT    NOT NULL,
    state       TEXT    NOT NULL,
    -- 1 at creation, +1 on every transition; updates say WHERE version = ? (optimistic concurrency)
    version     INTEGER NOT NULL CHECK (version >= 1),
    -- when the entity entered its current state, epoch milliseconds (UTC)
    since_ms    INTEGER NOT NULL,
    PRIMARY KEY (entity_type, entity_id)
);

-- "All cameras that are capturing", "all sequences left deleting by a crash".
CREATE INDEX entity_state_by_state ON entity_state (entity_type, state);

-- One row per step, creation included. The key makes a second step from the same version impossible even for
-- code that bypasses the version check.
CREATE TABLE entity_state_history (
    entity_type TEXT    NOT NULL,
    entity_id   TEXT    NOT NULL,
    -- the version this step produced: 1 is the creation
    version     INTEGER NOT NULL CHECK (version >= 1),
    -- the transition's name; 'create' for the first row
    transition  TEXT    NOT NULL,
    -- NULL for the creation
    from_state  TEXT,
    to_state    TEXT    NOT NULL,
    -- epoch milliseconds (UTC)
    at_ms       INTEGER NOT NULL,
    why         TEXT    NOT NULL,
    -- the action log task that made the step, to find its tree in the log
    task_uuid   TEXT,
    PRIMARY KEY (entity_type, entity_id, version)
);
