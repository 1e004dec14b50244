-- Pairing (studio.timelapse.camera.pairing): the open pairing window, if any, and the studios paired with this
-- camera. Applied with db.migrate("pairing", "db/pairing"): an owner of its own, so that these migrations and the
-- agent's store migrations ("agent", "db/agent") never have to share one version sequence. Times are milliseconds
-- since the epoch (UTC).

-- At most one window, opened by a local action (the button, the console command) and deleted when it closes:
-- after a pairing, after too many wrong codes, on expiry, or by hand.
CREATE TABLE pairing_window (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    code        TEXT    NOT NULL,     -- the one-time code, gone with the row
    opened_by   TEXT    NOT NULL,     -- Opener constant: BUTTON, CONSOLE
    opened_at   INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    wrong_codes INTEGER NOT NULL DEFAULT 0 CHECK (wrong_codes >= 0)
);

-- The studios this camera trusts. Deleting a row revokes every token of that studio at once: each request looks its
-- studio up here.
CREATE TABLE paired_studio (
    studio_id   TEXT    PRIMARY KEY,  -- chosen by the agent when the studio pairs
    name        TEXT    NOT NULL,
    public_key  TEXT    NOT NULL,     -- PEM SubjectPublicKeyInfo, EC P-256: token requests are signed with its pair
    key_sha256  TEXT    NOT NULL UNIQUE, -- one pairing per studio key: pairing again with it replaces the old one
    paired_at   INTEGER NOT NULL,
    paired_from TEXT    NOT NULL      -- the address the pairing request came from
);
