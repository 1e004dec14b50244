-- How far each camera has been told that its frames are safely stored (POST /api/v1/frames/ack succeeded). The
-- sync cursor says what is stored; the frames stored after this point and up to the cursor are acknowledged again
-- on the next sync, so a lost acknowledgement is only ever repeated, never skipped. Written after each answered
-- acknowledgement; losing a write only repeats an acknowledgement, which the agent answers harmlessly.
CREATE TABLE sync_acknowledged (
    camera_id  TEXT    NOT NULL PRIMARY KEY REFERENCES camera (id),
    epoch      TEXT    NOT NULL,
    seq        BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL
);
