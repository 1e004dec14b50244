-- Thumbnails kept in the order a grid reads them (see docs/library.md, "Thumbnails"). A grid shows a page of a stream
-- or import in capture order; keyed by frame id alone, a page's 100 thumbnails (about 850 KB, three 4 KB pages each)
-- lay wherever ingest happened to write them, in a million-frame library often in descending order, which the
-- kernel does not read ahead: a page of a grid waited for about 200 separate reads of the disk. Clustered by
-- (origin, capture time, frame id), the same order as the page's own index scan, a page is one stretch of the file
-- read forwards.
--
-- No foreign key: deleting a frame would then look its thumbnail up by frame id, which this key cannot serve. The
-- triggers below keep the table with the frames instead.
CREATE TABLE frame_thumbnail_by_position (
    origin_sequence_id INTEGER NOT NULL,                      -- the frame's, so a stream's thumbnails lie together
    captured_at        BIGINT  NOT NULL,                      -- the frame's
    frame_id           INTEGER NOT NULL,
    width              INTEGER NOT NULL,
    height             INTEGER NOT NULL,
    jpeg               BLOB    NOT NULL,
    PRIMARY KEY (origin_sequence_id, captured_at, frame_id)
) WITHOUT ROWID;

-- One pass in key order (the index frame_origin_time gives it without sorting), so the new table is written
-- forwards at the end of the file, each thumbnail read and written once. The old table's pages become free pages
-- that later frames and thumbnails reuse: the file grows by the thumbnails' size once and does not shrink.
INSERT INTO frame_thumbnail_by_position (origin_sequence_id, captured_at, frame_id, width, height, jpeg)
SELECT frame.origin_sequence_id, frame.captured_at, frame.id, frame_thumbnail.width, frame_thumbnail.height,
       frame_thumbnail.jpeg
FROM frame JOIN frame_thumbnail ON frame_thumbnail.frame_id = frame.id
ORDER BY frame.origin_sequence_id, frame.captured_at, frame.id;

DROP TABLE frame_thumbnail;
ALTER TABLE frame_thumbnail_by_position RENAME TO frame_thumbnail;

CREATE TRIGGER frame_thumbnail_deleted AFTER DELETE ON frame
BEGIN
    DELETE FROM frame_thumbnail
    WHERE origin_sequence_id = OLD.origin_sequence_id AND captured_at = OLD.captured_at AND frame_id = OLD.id;
END;
CREATE TRIGGER frame_thumbnail_moved AFTER UPDATE OF origin_sequence_id, captured_at ON frame
WHEN OLD.origin_sequence_id != NEW.origin_sequence_id OR OLD.captured_at != NEW.captured_at
BEGIN
    UPDATE frame_thumbnail SET origin_sequence_id = NEW.origin_sequence_id, captured_at = NEW.captured_at
    WHERE origin_sequence_id = OLD.origin_sequence_id AND captured_at = OLD.captured_at AND frame_id = OLD.id;
END;
