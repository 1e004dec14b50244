package studio.timelapse.camera.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.tls.CertificateFingerprint;

class PairingWindowsTest {
    @RegisterExtension
    final PairingFixture fixture = new PairingFixture();

    @Test
    void aWindowOpensForTwoMinutesWithASixDigitCodeThatTheLogShows() {
        PairingWindow window = fixture.windows.open(Opener.BUTTON);

        assertThat(window.code().digits()).matches("[0-9]{6}");
        assertThat(window.openedBy()).isEqualTo(Opener.BUTTON);
        assertThat(Duration.between(window.openedAt(), window.expiresAt())).isEqualTo(Duration.ofMinutes(2));
        assertThat(fixture.windows.current()).contains(window);
        LogMessage opened = fixture.recording.ofType("camera:pairing:open_window").get(1);
        assertThat(opened.get("code")).isEqualTo(window.code().digits());
        assertThat(opened.get("expires_at")).isEqualTo("2025-03-01T10:02:00Z");
    }

    @Test
    void aWindowClosesByItselfAfterTwoMinutesAndTheLogSaysSoOnce() {
        fixture.windows.open(Opener.CONSOLE);
        fixture.clock.advance(Duration.ofMinutes(2).minusMillis(1));
        assertThat(fixture.windows.current()).isPresent();

        fixture.clock.advance(Duration.ofMillis(1));

        assertThat(fixture.windows.current()).isEmpty();
        assertThat(fixture.windows.current()).isEmpty();
        assertThat(fixture.recording.ofType("camera:pairing:window_closed")).singleElement()
                .satisfies(closed -> assertThat(closed.get("reason")).isEqualTo("expired"));
    }

    @Test
    void noWindowStaysOpenLongerThanTwoMinutes() {
        assertThatThrownBy(() -> new PairingWindows(fixture.db, fixture.recording.log(), fixture.clock,
                new SecureRandom(), Duration.ofMinutes(2).plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 120 s");
    }

    @Test
    void aClockThatStepsBackBeforeTheOpeningClosesTheWindow() {
        fixture.windows.open(Opener.CONSOLE);

        fixture.clock.advance(Duration.ofSeconds(-5));

        assertThat(fixture.windows.current()).isEmpty();
    }

    @Test
    void openingAgainReplacesTheCode() {
        PairingWindow first = fixture.windows.open(Opener.BUTTON);
        fixture.clock.advance(Duration.ofSeconds(90));

        PairingWindow second = fixture.windows.open(Opener.BUTTON);

        assertThat(fixture.windows.current()).contains(second);
        assertThat(second.expiresAt()).isEqualTo(first.expiresAt().plusSeconds(90));
        assertThat(fixture.recording.ofType("camera:pairing:open_window").get(3).get("replaced_open_window"))
                .isEqualTo(true);
    }

    @Test
    void aWindowClosedByHandIsGone() {
        fixture.windows.open(Opener.CONSOLE);

        assertThat(fixture.windows.close("cancelled on the console")).isTrue();

        assertThat(fixture.windows.current()).isEmpty();
        assertThat(fixture.windows.close("again")).isFalse();
        assertThat(fixture.recording.ofType("camera:pairing:window_closed")).singleElement()
                .satisfies(closed -> assertThat(closed.get("reason")).isEqualTo("closed_locally"));
    }

    @Test
    void aWindowOpenedThroughAnotherConnectionToTheFileIsTheOneTheAgentChecks() {
        try (SqliteDatabase console = SqliteDatabase.open(fixture.db.file())) {
            PairingWindow opened = new PairingWindows(console, fixture.recording.log(), fixture.clock)
                    .open(Opener.CONSOLE);

            assertThat(fixture.windows.current()).contains(opened);
        }
    }

    @Test
    void theConsoleShowsTheCodeAndTheFingerprintToCompare() {
        PairingWindow window = new PairingWindow(new PairingCode("042917"), Opener.CONSOLE,
                Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-01T10:02:00Z"), 0);
        CertificateFingerprint fingerprint = CertificateFingerprint.parse("6D".repeat(32));

        assertThat(window.consoleLines(fingerprint, ZoneOffset.UTC)).containsExactly(
                "Pairing is open until 10:02:00. In the studio, enter",
                "  code         042 917",
                "and check that it shows the same camera fingerprint:",
                "  fingerprint  6D6D-6D6D-6D6D-6D6D-6D6D",
                "  (in full     " + fingerprint.colonHex() + ")");
    }

    @Test
    void aCodeMatchesOnlyItselfAsTypedWithOrWithoutGrouping() {
        PairingCode code = new PairingCode("042917");

        assertThat(code.matches("042917")).isTrue();
        assertThat(code.matches("042 917")).isTrue();
        assertThat(code.matches("042-917")).isTrue();
        assertThat(code.matches("042918")).isFalse();
        assertThat(code.matches("42917")).isFalse();
        assertThat(code.matches(null)).isFalse();
        assertThat(code.toString()).doesNotContain("042917");
    }
}
