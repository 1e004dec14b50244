package studio.timelapse.camera.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.testing.RecordingLog;

/** The capture loop in virtual time: start-to-start slots, skipped slots, failures, faults, holds, limits. */
class CaptureLoopTest {
    private static final Instant START = Instant.parse("2026-06-21T04:00:00Z");

    private final VirtualTimer timer = new VirtualTimer(START);
    private final RecordingLog recording = new RecordingLog(timer.clock, timer.clock);
    private final Events events = new Events();

    @AfterEach
    void close() {
        recording.close();
    }

    /** What the listener heard, in order. */
    static final class Events implements CaptureListener {
        final List<String> heard = new ArrayList<>();
        final List<Instant> captured = new ArrayList<>();

        @Override
        public void capturing() {
            heard.add("capturing");
        }

        @Override
        public void waiting(String reason, Optional<Instant> until) {
            heard.add("waiting until " + until.map(Instant::toString).orElse("never"));
        }

        @Override
        public void held(Refusal why) {
            heard.add("held: " + why.code());
        }

        @Override
        public void captured(Instant slot, Duration lateness) {
            captured.add(slot);
        }

        @Override
        public void faulted(String reason) {
            heard.add("faulted: " + reason);
        }

        @Override
        public void recovered() {
            heard.add("recovered");
        }

        @Override
        public void finished(String reason) {
            heard.add("finished: " + reason);
        }
    }

    private CaptureLoop loop(Duration interval, CaptureWindow window, CaptureLimits limits, SlotRunner runner) {
        return new CaptureLoop(new CapturePlan(new IntervalGrid(START, interval), window, limits), runner, timer,
                recording.log(), events, CaptureLoop.Settings.defaults());
    }

    private static CaptureLimits frames(long count) {
        return new CaptureLimits(Optional.of(count), Optional.empty());
    }

    @Test
    void capturesStartToStartOnTheGridHoweverLongEachCaptureTakes() {
        loop(Duration.ofSeconds(1), CaptureWindow.always(), frames(100), slot -> timer.spend(Duration.ofMillis(700)))
                .run();
        assertThat(events.captured).hasSize(100);
        for (int i = 0; i < 100; i++) {
            assertThat(events.captured.get(i)).isEqualTo(START.plusSeconds(i));
        }
        assertThat(events.heard).containsExactly("capturing", "finished: took the 100 frames asked for");
    }

    @Test
    void aCaptureLongerThanTheIntervalSkipsTheSlotsItOverranAndSaysSo() {
        List<Instant> slow = List.of(START.plusSeconds(2));
        loop(Duration.ofSeconds(1), CaptureWindow.always(), frames(5), slot -> {
            timer.spend(slow.contains(slot) ? Duration.ofMillis(2500) : Duration.ofMillis(100));
        }).run();
        assertThat(events.captured).containsExactly(START, START.plusSeconds(1), START.plusSeconds(2),
                START.plusSeconds(5), START.plusSeconds(6));
        LogMessage skipped = recording.ofType("camera:capture:slots_skipped").get(0);
        assertThat(skipped.fields()).containsEntry("count", 2L).containsEntry("after_slot", START.plusSeconds(2).toString());
    }

    @Test
    void oneFailedFrameNeverEndsTheRun() {
        loop(Duration.ofSeconds(2), CaptureWindow.always(), frames(4), slot -> {
            if (slot.equals(START.plusSeconds(2))) {
                throw new IOException("rpicam-still exited with 255");
            }
        }).run();
        assertThat(events.captured).containsExactly(START, START.plusSeconds(4), START.plusSeconds(6), START.plusSeconds(8));
        assertThat(recording.ofType("camera:capture:slot").stream()
                .filter(m -> "failed".equals(m.get("action_status")))).singleElement()
                .satisfies(m -> assertThat(m.get("reason")).isEqualTo("rpicam-still exited with 255"));
    }

    @Test
    void repeatedFailuresFaultTheCameraWhichRetriesSlowlyAndRecoversByItself() {
        AtomicReference<Instant> fixedAt = new AtomicReference<>(START.plusSeconds(120));
        loop(Duration.ofSeconds(2), CaptureWindow.always(), frames(3), slot -> {
            if (slot.isBefore(fixedAt.get())) {
                throw new IOException("no cameras available");
            }
        }).run();
        assertThat(events.heard).containsExactly("capturing",
                "faulted: 5 captures failed in a row; the last: no cameras available",
                "recovered", "capturing", "finished: took the 3 frames asked for");
        List<Instant> attempts = recording.ofType("camera:capture:slot").stream()
                .filter(m -> "started".equals(m.get("action_status"))).map(m -> Instant.parse((String) m.get("slot")))
                .toList();
        // Five attempts two seconds apart, then one every 30 s while faulted, then back to every slot.
        assertThat(attempts.subList(0, 7)).containsExactly(START, START.plusSeconds(2), START.plusSeconds(4),
                START.plusSeconds(6), START.plusSeconds(8), START.plusSeconds(38), START.plusSeconds(68));
        assertThat(events.captured).containsExactly(START.plusSeconds(128), START.plusSeconds(130),
                START.plusSeconds(132));
    }

    @Test
    void waitsOutsideTheWindowAndCapturesOnlyInsideIt() {
        CaptureWindow mornings = new DailyHours(LocalTime.of(6, 0), LocalTime.of(6, 1), ZoneId.of("UTC"));
        loop(Duration.ofSeconds(20), mornings, frames(6), slot -> { }).run();
        assertThat(events.captured).first().isEqualTo(Instant.parse("2026-06-21T06:00:00Z"));
        assertThat(events.captured).element(3).isEqualTo(Instant.parse("2026-06-22T06:00:00Z"));
        assertThat(events.heard).startsWith("waiting until 2026-06-21T06:00:00Z", "capturing",
                "waiting until 2026-06-22T06:00:00Z", "capturing");
    }

    @Test
    void holdsWhileTheRunnerSaysSoAndResumesByItself() {
        Refusal full = Refusal.of(Refusal.Kind.GUARD, "store.only_unsynced", "Only unsynced frames remain",
                "connect the studio to sync");
        SlotRunner runner = new SlotRunner() {
            @Override
            public Optional<Refusal> hold() {
                // The disk is full of unsynced frames from 2 s to 10 s; then the studio syncs and space returns.
                Instant now = timer.now();
                return now.isAfter(START.plusSeconds(1)) && now.isBefore(START.plusSeconds(11))
                        ? Optional.of(full) : Optional.empty();
            }

            @Override
            public void capture(Instant slot) {
                // Instant capture.
            }
        };
        loop(Duration.ofSeconds(1), CaptureWindow.always(), frames(4), runner).run();
        assertThat(events.captured).containsExactly(START, START.plusSeconds(1), START.plusSeconds(11),
                START.plusSeconds(12));
        assertThat(events.heard).containsExactly("capturing", "held: store.only_unsynced", "capturing",
                "finished: took the 4 frames asked for");
        assertThat(recording.ofType("camera:capture:held")).hasSize(1);
        assertThat(recording.ofType("camera:capture:hold_ended")).hasSize(1);
    }

    @Test
    void aMaximumDurationEndsTheRun() {
        loop(Duration.ofMinutes(1), CaptureWindow.always(),
                new CaptureLimits(Optional.empty(), Optional.of(Duration.ofMinutes(10))), slot -> { }).run();
        assertThat(events.captured).hasSize(10);
        assertThat(events.heard).last().isEqualTo("finished: ran for the PT10M asked for");
    }

    @Test
    void aWindowThatNeverOpensAgainEndsTheRunWithTheReason() {
        CaptureWindow over = new BetweenInstants(Optional.empty(), Optional.of(START.plusSeconds(3)));
        loop(Duration.ofSeconds(1), over, CaptureLimits.none(), slot -> { }).run();
        assertThat(events.captured).hasSize(3);
        assertThat(events.heard).last().asString().startsWith("finished: the capture window does not open again");
    }

    @Test
    void theRunIsOneCompleteActionWithEachSlotAsAChild() {
        loop(Duration.ofSeconds(1), CaptureWindow.always(), frames(3), slot -> { }).run();
        String task = recording.ofType("camera:capture:run").get(0).taskUuid();
        var tree = recording.tree(task);
        assertThat(tree.complete()).isTrue();
        assertThat(tree.rootAction().orElseThrow().childActions()).hasSize(3)
                .allSatisfy(child -> assertThat(child.actionType()).isEqualTo("camera:capture:slot"));
        assertThat(tree.rootAction().orElseThrow().end().orElseThrow().fields()).containsEntry("frames", 3L)
                .containsEntry("missed_slots", 0L);
    }
}
