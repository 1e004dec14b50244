-- Renders that repeat: "every day at 21:00, yesterday's daylight frames of camera X at 1080p". Each occurrence is
-- an ordinary render job, submitted once (its idempotency key names the schedule and the day), so it shows in the
-- job history and in the render table like any other render.
CREATE TABLE render_schedule (
    id            INTEGER NOT NULL PRIMARY KEY,
    name          TEXT    NOT NULL UNIQUE,
    sequence_id   INTEGER NOT NULL REFERENCES sequence (id),
    local_time    TEXT    NOT NULL,              -- HH:mm, when each occurrence is due
    zone          TEXT    NOT NULL,              -- the zone of that time and of the days rendered
    days_back     INTEGER NOT NULL DEFAULT 1,    -- 1: the day before the occurrence
    days          INTEGER NOT NULL DEFAULT 1,    -- how many days one video covers
    settings      TEXT    NOT NULL,              -- JSON: the render request each occurrence starts from
    output_folder TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    CHECK (days_back >= 0 AND days >= 1)
);
