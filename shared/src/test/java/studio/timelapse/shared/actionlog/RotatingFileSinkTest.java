package studio.timelapse.shared.actionlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.testing.LogFiles;

/** Size-capped rotation, and a sink that degrades instead of failing the program when the disk does. */
class RotatingFileSinkTest {
    @TempDir
    Path logs;

    private static void logMany(ActionLog log, int count) {
        for (int i = 0; i < count; i++) {
            log.message("camera:capture:tick", "i", i, "padding", "x".repeat(100));
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(logs)) {
            return files.sorted().toList();
        }
    }

    @Test
    void rotatesBeforeAFileWouldPassItsCapAndKeepsTheNewestGenerations() throws IOException {
        RotatingFileSink sink = new RotatingFileSink(logs, "camera", 4096, 3);
        try (ActionLog log = ActionLog.builder("camera").sink(sink).build()) {
            logMany(log, 500);
        }
        assertThat(files()).extracting(p -> p.getFileName().toString())
                .containsExactly("camera.1.jsonl", "camera.2.jsonl", "camera.3.jsonl", "camera.jsonl");
        for (Path file : files()) {
            assertThat(Files.size(file)).isLessThanOrEqualTo(4096);
        }
        // The newest messages are kept, whole and in order, across the generations.
        List<Long> sequence = readInOrder("camera.3.jsonl", "camera.2.jsonl", "camera.1.jsonl", "camera.jsonl");
        assertThat(sequence.get(sequence.size() - 1)).isEqualTo(499L);
        for (int i = 1; i < sequence.size(); i++) {
            assertThat(sequence.get(i)).isEqualTo(sequence.get(i - 1) + 1);
        }
    }

    private List<Long> readInOrder(String... names) throws IOException {
        EliotJson json = new EliotJson();
        List<Long> values = new java.util.ArrayList<>();
        for (String name : names) {
            for (String line : Files.readAllLines(logs.resolve(name))) {
                values.add(json.parse(line).number("i").orElseThrow().longValue());
            }
        }
        return values;
    }

    @Test
    void appendsToTheFileAnEarlierRunLeft() throws IOException {
        try (ActionLog log = ActionLog.builder("studio").sink(new RotatingFileSink(logs, "studio", 1 << 20, 2)).build()) {
            logMany(log, 3);
        }
        try (ActionLog log = ActionLog.builder("studio").sink(new RotatingFileSink(logs, "studio", 1 << 20, 2)).build()) {
            logMany(log, 2);
        }
        assertThat(Files.readAllLines(logs.resolve("studio.jsonl"))).hasSize(5);
    }

    @Test
    void aFullDiskDropsAndCountsMessagesWithoutThrowing() throws IOException {
        Path devFull = Path.of("/dev/full");
        assumeTrue(Files.isWritable(devFull), "needs Linux's /dev/full, which fails every write with ENOSPC");
        Files.createSymbolicLink(logs.resolve("camera.jsonl"), devFull);
        RotatingFileSink sink = new RotatingFileSink(logs, "camera", 4096, 2);
        try (ActionLog log = ActionLog.builder("camera").sink(sink).build()) {
            assertThatCode(() -> {
                try (Action action = log.start("camera:capture:frame")) {
                    action.log("camera:capture:written");
                }
            }).doesNotThrowAnyException();
            assertThat(log.dropped()).isEqualTo(3);
            assertThat(sink.lastError()).hasValueSatisfying(error -> assertThat(error).contains("No space left"));
        } finally {
            Files.delete(logs.resolve("camera.jsonl"));
        }
    }

    @Test
    void recoversWhenWritingWorksAgainAndSaysHowManyMessagesWereLost() throws IOException {
        Path blocked = logs.resolve("logs");
        Files.writeString(blocked, "a file where the log folder should be");
        AtomicLong nanos = new AtomicLong();
        RotatingFileSink sink = new RotatingFileSink(blocked, "studio", 4096, 2, nanos::get);
        try (ActionLog log = ActionLog.builder("studio").sink(sink).build()) {
            logMany(log, 5);
            assertThat(sink.dropped()).isEqualTo(5);
            assertThat(sink.lastError()).isPresent();

            Files.delete(blocked);
            logMany(log, 1);
            assertThat(sink.dropped()).as("no retry within a second of the failure").isEqualTo(6);

            nanos.addAndGet(1_100_000_000L);
            logMany(log, 2);
            assertThat(sink.lastError()).isEmpty();
        }
        List<LogMessage> written = LogFiles.readAll(blocked);
        assertThat(written).hasSize(3);
        assertThat(written.get(0).messageType()).contains(RotatingFileSink.DROPPED_MESSAGE_TYPE);
        assertThat(written.get(0).number("dropped")).contains(6.0);
        assertThat(written.get(0).text("reason")).hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
    }

    @Test
    void aSinkThatThrowsIsCountedAndTheOthersStillGetTheMessage() {
        RingBufferSink ring = new RingBufferSink(10);
        LogSink broken = (message, line) -> {
            throw new IllegalStateException("broken sink");
        };
        try (ActionLog log = ActionLog.builder("studio").sink(broken).sink(ring).build()) {
            log.message("studio:note");
            assertThat(ring.snapshot()).hasSize(1);
            assertThat(log.dropped()).isEqualTo(1);
        }
    }

    @Test
    void aSubscriberThatThrowsIsCountedAndSkipped() throws Exception {
        RingBufferSink ring = new RingBufferSink(10);
        try (ActionLog log = ActionLog.builder("studio").sink(ring).build();
                AutoCloseable subscription = log.subscribe(m -> {
                    throw new IllegalStateException("bad subscriber");
                })) {
            log.message("studio:note");
            assertThat(log.subscriberFailures()).isEqualTo(1);
            assertThat(ring.snapshot()).hasSize(1);
        }
    }

    @Test
    void aClosedSinkDropsInsteadOfReopening() throws IOException {
        RotatingFileSink sink = new RotatingFileSink(logs, "studio", 4096, 2);
        ActionLog log = ActionLog.builder("studio").sink(sink).build();
        log.close();
        log.message("studio:late");
        assertThat(sink.dropped()).isEqualTo(1);
        assertThat(files()).isEmpty();
    }
}
