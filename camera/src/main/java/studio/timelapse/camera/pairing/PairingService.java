package studio.timelapse.camera.pairing;

import java.security.interfaces.ECPublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.protocol.pairing.PairingRequest;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * Pairs a studio while a window is open, and unpairs one. A pairing attempt is checked in this order: its input
 * (every mistake at once, before a code is spent), its client's backoff, the window, the code — and the window
 * check, the code check and the new pairing happen in one write transaction, so concurrent guesses cannot get past
 * the window's limit of wrong codes.
 */
public final class PairingService {
    /** The local actions that open a window, as refusals name them. */
    public static final String OPEN_A_WINDOW =
            "press the button on the camera or run ./timelapse camera pair on its console, then enter the code it"
                    + " shows within 2 minutes";
    private static final int LONGEST_NAME = 100;

    /** Who ended a pairing. */
    public enum UnpairedBy { STUDIO, LOCAL }

    private final SqliteDatabase db;
    private final ActionLog log;
    private final Clock clock;
    private final PairingWindows windows;
    private final ClientThrottle throttle;

    public PairingService(SqliteDatabase db, ActionLog log, Clock clock, PairingWindows windows) {
        this.db = db;
        this.log = log;
        this.clock = clock;
        this.windows = windows;
        this.throttle = new ClientThrottle(clock);
    }

    /**
     * Pairs the studio that asks, if the window is open and the code is right; the window closes.
     *
     * @param client the address the request came from: backoff is per address
     * @throws RefusedException INVALID (400), FORBIDDEN for a wrong code (403), WRONG_STATE when no window is open
     *     (409), or {@link ThrottledException} (429)
     */
    public PairedStudio pair(PairingRequest request, String client) {
        return log.call("camera:pairing:pair", Map.of("client", client, "studio_name", nameForLog(request)),
                action -> {
                    List<Refusal> invalid = validate(request);
                    if (!invalid.isEmpty()) {
                        throw new RefusedException(invalid);
                    }
                    Optional<Duration> wait = throttle.waitBefore(client);
                    if (wait.isPresent()) {
                        throw new ThrottledException(wait.get());
                    }
                    ECPublicKey key = StudioKeys.parse(request.studioPublicKey());
                    Instant now = clock.instant();
                    PairedStudio candidate = new PairedStudio(UUID.randomUUID().toString(),
                            request.studioName().strip(), StudioKeys.pem(key), StudioKeys.sha256(key), now, client);
                    Outcome outcome = db.writeDurably(connection -> attempt(connection, request.code(), candidate, now));
                    return settle(outcome, client, action);
                });
    }

    /**
     * Ends a pairing: every token of the studio fails from the next request on, in every process on this database.
     *
     * @return false if no such studio was paired
     */
    public boolean unpair(String studioId, UnpairedBy by, String why) {
        return log.call("camera:pairing:unpair", Map.of("studio_id", studioId, "by", by.name(), "why", why),
                action -> {
                    boolean removed = db.writeDurably(connection -> PairedStudios.remove(connection, studioId));
                    action.addSuccessFields("removed", removed);
                    return removed;
                });
    }

    private sealed interface Outcome {}

    private record NoWindow() implements Outcome {}

    private record Expired(PairingWindow window) implements Outcome {}

    private record WrongCode(PairingWindow before, Optional<PairingWindow> after) implements Outcome {}

    private record Paired(PairingWindow window, PairedStudio studio, Optional<PairedStudio> replaced)
            implements Outcome {}

    private static Outcome attempt(Connection connection, String code, PairedStudio candidate, Instant now)
            throws SQLException {
        Optional<PairingWindow> found = PairingWindows.select(connection);
        if (found.isEmpty()) {
            return new NoWindow();
        }
        PairingWindow window = found.get();
        if (!window.isOpenAt(now)) {
            PairingWindows.delete(connection);
            return new Expired(window);
        }
        if (!window.code().matches(code)) {
            return new WrongCode(window, PairingWindows.recordWrongCode(connection, window));
        }
        Optional<PairedStudio> replaced = PairedStudios.removeByKey(connection, candidate.keySha256());
        PairedStudios.insert(connection, candidate);
        PairingWindows.delete(connection);
        return new Paired(window, candidate, replaced);
    }

    /** Logs what happened (after the commit, so the log never tells of a change that rolled back) and answers. */
    private PairedStudio settle(Outcome outcome, String client, Action action) {
        if (outcome instanceof Paired paired) {
            throttle.succeeded(client);
            windows.logClosed(paired.window(), "paired", Map.of("studio_id", paired.studio().studioId()));
            action.addSuccessFields("studio_id", paired.studio().studioId(), "key_sha256",
                    paired.studio().keySha256(), "replaced_studio_id",
                    paired.replaced().map(PairedStudio::studioId));
            return paired.studio();
        }
        if (outcome instanceof WrongCode wrong) {
            throttle.failed(client);
            int left = wrong.after().map(PairingWindow::attemptsLeft).orElse(0);
            log.message("camera:pairing:wrong_code", "client", client, "attempts_left", left);
            if (wrong.after().isEmpty()) {
                windows.logClosed(wrong.before(), "too_many_wrong_codes");
            }
            throw new RefusedException(wrongCode(left));
        }
        if (outcome instanceof Expired expired) {
            windows.logClosed(expired.window(), "expired");
        }
        throw new RefusedException(Refusal.of(Refusal.Kind.WRONG_STATE, "pairing.window_closed",
                "Pairing is not open on this camera", OPEN_A_WINDOW));
    }

    private static Refusal wrongCode(int attemptsLeft) {
        String remedy = attemptsLeft > 0
                ? "enter the code the camera shows; " + attemptsLeft + " more wrong code"
                        + (attemptsLeft == 1 ? "" : "s") + " close the window"
                : "the window closed after " + PairingWindows.WRONG_CODES_ALLOWED + " wrong codes; " + OPEN_A_WINDOW;
        return Refusal.of(Refusal.Kind.FORBIDDEN, "pairing.code_wrong", "The pairing code is wrong", remedy)
                .withDetails(Map.of("attempts_left", attemptsLeft));
    }

    static List<Refusal> validate(PairingRequest request) {
        List<Refusal> refusals = new ArrayList<>();
        if (!PairingCode.normalise(request.code()).matches("[0-9]{" + PairingCode.LENGTH + "}")) {
            refusals.add(invalid("pairing.code_format", "code",
                    "The pairing code is " + PairingCode.LENGTH + " digits", "enter the code the camera shows"));
        }
        String name = request.studioName() == null ? "" : request.studioName().strip();
        if (name.isEmpty() || name.length() > LONGEST_NAME || name.chars().anyMatch(Character::isISOControl)) {
            refusals.add(invalid("pairing.studio_name", "studioName",
                    "The studio's name is 1–" + LONGEST_NAME + " characters without control characters",
                    "give the studio a shorter, plain name"));
        }
        try {
            StudioKeys.parse(request.studioPublicKey());
        } catch (IllegalArgumentException e) {
            refusals.add(invalid("pairing.studio_key", "studioPublicKey", "The studio's key is unusable: "
                    + e.getMessage(), "send an EC P-256 public key as a PEM PUBLIC KEY"));
        }
        return refusals;
    }

    private static Refusal invalid(String code, String field, String reason, String remedy) {
        return Refusal.of(Refusal.Kind.INVALID, code, reason, remedy).withDetails(Map.of("field", field));
    }

    private static String nameForLog(PairingRequest request) {
        String name = request.studioName() == null ? "" : request.studioName().strip();
        return name.length() > LONGEST_NAME ? name.substring(0, LONGEST_NAME) + "…" : name;
    }
}
