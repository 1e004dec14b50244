-- Counting and listing daytime-only sequences without reading frames one by one (see docs/library.md, "Counting").

-- 1 when ingest judged from the picture itself (exposure and brightness, Daylight.judge without a location) that the
-- frame was taken at night; 0 for day and for frames not judged yet (not ingested: kept, as the rule says). Written
-- with every ingest result; a daytime-only sequence of a camera without a location leaves these frames out, by an
-- index rather than by reading each frame's exposure.
ALTER TABLE frame ADD COLUMN judged_night INTEGER NOT NULL DEFAULT 0;

-- The rule of Daylight.judge, for the frames ingested before this column existed. The scene's light is compared as
-- a product, N²/t · 100/ISO · max(luma, 0.5)/118 ≥ 2⁹ (9 EV), in the very order of operations Java uses, so that
-- both sides agree to the last bit (DaylightBackfillTest).
UPDATE frame SET judged_night = CASE
    WHEN exposure_time_s > 0 AND f_number > 0 AND iso > 0
        THEN f_number * f_number / exposure_time_s * 100.0 / iso * max(mean_luma, 0.5) / 118.0 < 512.0
    ELSE mean_luma < 40.0
END
WHERE ingested_at IS NOT NULL AND mean_luma IS NOT NULL;

-- The frames a daytime-only sequence without a location reads by default (kept, not judged night): its scans and
-- its counts at the edges of hours never touch the table. Literal terms, as for frame_origin_kept_time.
CREATE INDEX frame_origin_kept_day_time ON frame (origin_sequence_id, captured_at) WHERE rejected = 0 AND judged_night = 0;

-- How many frames each stream or import holds per UTC hour (captured_at / 3,600,000, SQLite's integer division),
-- split by rejected and by judged night, kept by the triggers below as frame_count is. Counting a range of days
-- then reads a few rows per day and counts only the partial hours at the range's edges in an index: a month of
-- daylight is about 30 × 15 rows and 60 short index ranges instead of 135,000 index entries.
CREATE TABLE frame_hour_count (
    origin_sequence_id INTEGER NOT NULL,
    hour               BIGINT  NOT NULL,
    rejected           INTEGER NOT NULL,
    judged_night       INTEGER NOT NULL,
    frames             BIGINT  NOT NULL,
    PRIMARY KEY (origin_sequence_id, hour, rejected, judged_night)
) WITHOUT ROWID;

INSERT INTO frame_hour_count (origin_sequence_id, hour, rejected, judged_night, frames)
SELECT origin_sequence_id, captured_at / 3600000, rejected != 0, judged_night != 0, count(*)
FROM frame GROUP BY origin_sequence_id, captured_at / 3600000, rejected != 0, judged_night != 0;

CREATE TRIGGER frame_hour_counted AFTER INSERT ON frame
BEGIN
    INSERT INTO frame_hour_count (origin_sequence_id, hour, rejected, judged_night, frames)
    VALUES (NEW.origin_sequence_id, NEW.captured_at / 3600000, NEW.rejected != 0, NEW.judged_night != 0, 1)
    ON CONFLICT (origin_sequence_id, hour, rejected, judged_night) DO UPDATE SET frames = frames + 1;
END;
CREATE TRIGGER frame_hour_uncounted AFTER DELETE ON frame
BEGIN
    UPDATE frame_hour_count SET frames = frames - 1
    WHERE origin_sequence_id = OLD.origin_sequence_id AND hour = OLD.captured_at / 3600000
      AND rejected = (OLD.rejected != 0) AND judged_night = (OLD.judged_night != 0);
END;
CREATE TRIGGER frame_hour_recounted AFTER UPDATE OF origin_sequence_id, captured_at, rejected, judged_night ON frame
WHEN OLD.origin_sequence_id != NEW.origin_sequence_id OR OLD.captured_at != NEW.captured_at
  OR (OLD.rejected != 0) != (NEW.rejected != 0) OR (OLD.judged_night != 0) != (NEW.judged_night != 0)
BEGIN
    UPDATE frame_hour_count SET frames = frames - 1
    WHERE origin_sequence_id = OLD.origin_sequence_id AND hour = OLD.captured_at / 3600000
      AND rejected = (OLD.rejected != 0) AND judged_night = (OLD.judged_night != 0);
    INSERT INTO frame_hour_count (origin_sequence_id, hour, rejected, judged_night, frames)
    VALUES (NEW.origin_sequence_id, NEW.captured_at / 3600000, NEW.rejected != 0, NEW.judged_night != 0, 1)
    ON CONFLICT (origin_sequence_id, hour, rejected, judged_night) DO UPDATE SET frames = frames + 1;
END;
