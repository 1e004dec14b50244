package studio.timelapse.camera.pairing;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.db.SqliteDatabase;

/**
 * The pairing window: open only after a local action ({@link #open}, called by the button handler and by
 * {@code ./timelapse camera pair}), for at most two minutes, until a studio pairs, or until
 * {@value #WRONG_CODES_ALLOWED} wrong codes. It lives in the agent's database, so the console command — another
 * process — opens the window the running agent checks, and shows the code on its own console.
 *
 * <p>A window is closed lazily: whoever finds it expired (a pairing attempt, {@link #current()}) deletes it and logs
 * {@code camera:pairing:window_closed}. The code is logged when the window opens, as the issue asks: it is worthless
 * once the window closes, and whoever reads the agent's log is already on the camera.
 */
public final class PairingWindows {
    /** The longest a window may stay open. */
    public static final Duration LONGEST = Duration.ofMinutes(2);
    /** Wrong codes a window takes before it closes. */
    public static final int WRONG_CODES_ALLOWED = 5;

    private final SqliteDatabase db;
    private final ActionLog log;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration length;

    /** @param length how long a window stays open: more than zero, at most {@link #LONGEST} */
    public PairingWindows(SqliteDatabase db, ActionLog log, Clock clock, SecureRandom random, Duration length) {
        if (length.isNegative() || length.isZero() || length.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("a pairing window stays open for at most " + LONGEST.toSeconds()
                    + " s, not " + length.toSeconds() + " s");
        }
        this.db = db;
        this.log = log;
        this.clock = clock;
        this.random = random;
        this.length = length;
    }

    /** Windows of the longest length, with codes from a fresh {@link SecureRandom}. */
    public PairingWindows(SqliteDatabase db, ActionLog log, Clock clock) {
        this(db, log, clock, new SecureRandom(), LONGEST);
    }

    /**
     * Opens a window with a fresh code, replacing one that is open. Only for local actions: the button and the
     * console. No network request may lead here.
     */
    public PairingWindow open(Opener opener) {
        return log.call("camera:pairing:open_window", Map.of("opened_by", opener.name()), action -> {
            Instant now = clock.instant();
            PairingWindow window = new PairingWindow(PairingCode.random(random), opener, now, now.plus(length), 0);
            boolean replaced = db.write(connection -> {
                boolean had = delete(connection);
                insert(connection, window);
                return had;
            });
            action.addSuccessFields("code", window.code().digits(), "expires_at", window.expiresAt().toString(),
                    "window_s", length.toSeconds(), "replaced_open_window", replaced);
            return window;
        });
    }

    /** The open window, if any. One found expired is closed now. */
    public Optional<PairingWindow> current() {
        Optional<PairingWindow> window = db.read(PairingWindows::select);
        if (window.isPresent() && !window.get().isOpenAt(clock.instant())) {
            if (db.write(connection -> deleteIfSame(connection, window.get()))) {
                logClosed(window.get(), "expired");
            }
            return Optional.empty();
        }
        return window;
    }

    /** Closes the open window by hand; false if none was open. */
    public boolean close(String why) {
        Optional<PairingWindow> closed = db.write(connection -> {
            Optional<PairingWindow> window = select(connection);
            delete(connection);
            return window;
        });
        closed.ifPresent(window -> logClosed(window, "closed_locally", Map.of("why", why)));
        return closed.isPresent();
    }

    void logClosed(PairingWindow window, String reason) {
        logClosed(window, reason, Map.of());
    }

    void logClosed(PairingWindow window, String reason, Map<String, ?> moreFields) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reason", reason);
        fields.put("opened_by", window.openedBy().name());
        fields.put("opened_at", window.openedAt().toString());
        fields.put("expires_at", window.expiresAt().toString());
        fields.putAll(moreFields);
        log.message("camera:pairing:window_closed", fields);
    }

    // --- inside a caller's transaction ---

    static Optional<PairingWindow> select(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT code, opened_by, opened_at, expires_at, wrong_codes FROM pairing_window WHERE id = 1");
                ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new PairingWindow(new PairingCode(row.getString(1)), Opener.valueOf(row.getString(2)),
                    Instant.ofEpochMilli(row.getLong(3)), Instant.ofEpochMilli(row.getLong(4)), row.getInt(5)));
        }
    }

    /** Counts a wrong code; returns the window as it is now, or empty if that was the last wrong code it takes. */
    static Optional<PairingWindow> recordWrongCode(Connection connection, PairingWindow window) throws SQLException {
        PairingWindow after = new PairingWindow(window.code(), window.openedBy(), window.openedAt(),
                window.expiresAt(), window.wrongCodes() + 1);
        if (after.attemptsLeft() == 0) {
            delete(connection);
            return Optional.empty();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE pairing_window SET wrong_codes = ? WHERE id = 1")) {
            update.setInt(1, after.wrongCodes());
            update.executeUpdate();
        }
        return Optional.of(after);
    }

    static boolean delete(Connection connection) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM pairing_window")) {
            return delete.executeUpdate() > 0;
        }
    }

    /** Deletes the window only if it is still {@code window}, not one opened since. */
    static boolean deleteIfSame(Connection connection, PairingWindow window) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM pairing_window WHERE opened_at = ? AND code = ?")) {
            delete.setLong(1, window.openedAt().toEpochMilli());
            delete.setString(2, window.code().digits());
            return delete.executeUpdate() > 0;
        }
    }

    private static void insert(Connection connection, PairingWindow window) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO pairing_window (id, code, opened_by, opened_at, expires_at, wrong_codes)"
                        + " VALUES (1, ?, ?, ?, ?, 0)")) {
            insert.setString(1, window.code().digits());
            insert.setString(2, window.openedBy().name());
            insert.setLong(3, window.openedAt().toEpochMilli());
            insert.setLong(4, window.expiresAt().toEpochMilli());
            insert.executeUpdate();
        }
    }
}
