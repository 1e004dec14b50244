package studio.timelapse.camera.capture.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.camera.capture.CaptureException;
import studio.timelapse.camera.capture.CaptureException.Kind;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.testing.ManualClock;
import studio.timelapse.shared.testing.RecordingLog;

/** A camera tool runs as a child process that is gone, children and all, by the deadline. */
@DisabledOnOs(OS.WINDOWS)
class ProcessRunnerTest {
    private static final Duration PLENTY = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final RecordingLog recording = new RecordingLog();
    private final Executables path = Executables.systemPath();
    private final ProcessRunner runner = new ProcessRunner(recording.log(), Clock.systemUTC(), path);

    @AfterEach
    void closeLog() {
        recording.close();
    }

    @Test
    void aToolThatExitsReportsItsExitCodeAndOutput() throws Exception {
        ProcessOutcome outcome = runner.run(sh("echo picture; echo 'no luck' >&2; exit 3"), in(PLENTY));

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.killedAtDeadline()).isFalse();
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.stdout()).isEqualTo("picture\n");
        assertThat(outcome.stderrTail(1)).isEqualTo("no luck");
        LogMessage exited = recording.ofType("camera:process:exited").get(0);
        assertThat(exited.get("exit_code")).isEqualTo(3);
        assertThat(exited.get("killed_at_deadline")).isEqualTo(false);
        assertThat(exited.get("pid")).isEqualTo(outcome.pid());
        assertThat(exited.text("command")).hasValue("/bin/sh -c 'echo picture; echo '\\''no luck'\\'' >&2; exit 3'");
    }

    @Test
    void theToolGetsThePathItWasFoundOnAndTheCLocale() throws Exception {
        ProcessOutcome outcome = runner.run(sh("echo \"$PATH\"; echo \"$LC_ALL\""), in(PLENTY));

        assertThat(outcome.stdout().split("\n")).containsExactly(path.pathVariable(), "C");
    }

    @Test
    void aToolStillRunningAtTheDeadlineIsKilledWithItsChildren() throws Exception {
        // The deadline passes on a manual clock once the tool is surely running, however slowly this machine starts it.
        ManualClock clock = new ManualClock(Instant.parse("2026-06-21T12:00:00Z"));
        ProcessRunner onTheClock = new ProcessRunner(recording.log(), clock, path);
        CompletableFuture<ProcessOutcome> run = CompletableFuture.supplyAsync(() -> {
            try {
                return onTheClock.run(sh(hangWithAChild()), clock.instant().plusSeconds(5));
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        awaitHanging();
        clock.advance(Duration.ofSeconds(5));

        ProcessOutcome outcome = run.get(30, TimeUnit.SECONDS);
        assertThat(outcome.killedAtDeadline()).isTrue();
        assertThat(outcome.succeeded()).isFalse();
        assertThat(pids()).allSatisfy(pid -> assertThat(alive(pid)).as("process %d", pid).isFalse());
        assertThat(recording.ofType("camera:process:exited").get(0).get("killed_at_deadline")).isEqualTo(true);
    }

    @Test
    void anInterruptedRunKillsTheToolAndPassesTheInterruptOn() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread capture = new Thread(() -> {
            try {
                runner.run(sh(hangWithAChild()), in(PLENTY));
            } catch (Exception e) {
                thrown.set(e);
            }
        });
        capture.start();
        awaitHanging();

        capture.interrupt();
        capture.join();

        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(pids()).allSatisfy(pid -> assertThat(alive(pid)).as("process %d", pid).isFalse());
        assertThat(recording.ofType("camera:process:killed").get(0).get("reason")).isEqualTo("interrupted");
    }

    @Test
    void aToolThatPrintsALotKeepsItsLastWords() throws Exception {
        ProcessOutcome outcome = runner.run(sh("head -c 600000 /dev/zero | tr '\\0' a; echo THE-END"), in(PLENTY));

        String stdout = outcome.stdout();
        assertThat(stdout.length()).isEqualTo(ProcessRunner.OUTPUT_LIMIT + 1);
        assertThat(stdout.substring(0, 4)).isEqualTo("…aaa");
        assertThat(stdout.substring(stdout.length() - 11)).isEqualTo("aaaTHE-END\n");
    }

    @Test
    void aToolIsNotStartedOnceTheDeadlineHasPassed() {
        Path touched = dir.resolve("ran");

        assertThatThrownBy(() -> runner.runTool(sh("touch " + touched), Instant.now().minusSeconds(1)))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
        assertThat(touched).doesNotExist();
    }

    @Test
    void aToolThatCannotStartIsAMisconfiguration() {
        assertThatThrownBy(() -> runner.runTool(List.of(dir.resolve("no-such-tool").toString()), in(PLENTY)))
                .isInstanceOfSatisfying(CaptureException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.MISCONFIGURED))
                .hasMessageContaining("could not start");
    }

    private String hangWithAChild() {
        return "sleep 600 & echo $! > " + dir.resolve("child.pid") + "; echo $$ > " + dir.resolve("self.pid")
                + "; wait";
    }

    private void awaitHanging() {
        await().atMost(Duration.ofMinutes(1))
                .until(() -> Files.exists(dir.resolve("self.pid")) && Files.exists(dir.resolve("child.pid")));
    }

    private List<Long> pids() throws Exception {
        return List.of(Long.parseLong(Files.readString(dir.resolve("self.pid")).strip()),
                Long.parseLong(Files.readString(dir.resolve("child.pid")).strip()));
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static List<String> sh(String script) {
        return List.of("/bin/sh", "-c", script);
    }

    private static Instant in(Duration duration) {
        return Instant.now().plus(duration);
    }
}
