package studio.timelapse.shared.actionlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.testing.EliotTools;
import studio.timelapse.shared.testing.LogFiles;

/** eliot's own tools read our files unchanged: every task parses complete, and eliot-prettyprint prints them. */
class EliotCompatibilityTest {
    @TempDir
    Path logs;

    @BeforeEach
    void needsEliot() {
        EliotTools.assumeAvailable();
    }

    private void writeRealisticLog() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ActionLog log = ActionLog.builder("studio").logDirectory(logs).build()) {
            log.message("studio:started", "version", "0.1.0", "home", Path.of("/home/ana/.local/share/timelapse-studio"));
            try (Action sync = log.start("studio:sync", "camera", "pi-01", "frames", List.of(1, 2, 3))) {
                ProgressReporter progress = sync.progress(3, "frames");
                sync.heartbeat(Duration.ofMillis(5));
                for (int i = 1; i <= 3; i++) {
                    int sequence = i;
                    pool.submit(log.wrap(() -> {
                        try (Action download = log.start("studio:sync:download_frame", "sequence", sequence)) {
                            if (sequence == 2) {
                                download.fail(new IOException("connection reset — ünïcode"));
                            } else {
                                download.addSuccessFields("bytes", 1024 * sequence, "ratio", 0.5, "nan", Double.NaN);
                            }
                        }
                        progress.advance(1);
                    })).get();
                }
                Thread.sleep(20);
                sync.addSuccessFields("synced", 2, "details", Map.of("failed", List.of(2)));
            }
            try {
                log.run("studio:render", Map.of(), action -> {
                    throw new IllegalStateException("no frames in range");
                });
            } catch (IllegalStateException expected) {
                // logged as a failed action
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void eliotsParserFindsEveryTaskComplete() throws Exception {
        writeRealisticLog();
        List<String> verdicts = EliotTools.parse(logs.resolve("studio.jsonl"));
        assertThat(verdicts).hasSize(3).allSatisfy(line -> assertThat(line).contains(" complete "));
        assertThat(verdicts).anySatisfy(line -> assertThat(line).endsWith(" studio:sync"))
                .anySatisfy(line -> assertThat(line).endsWith(" studio:render"))
                .anySatisfy(line -> assertThat(line).endsWith(" studio:started"));
        assertThat(LogFiles.readAll(logs)).extracting(LogMessage::taskUuid).doesNotContainNull();
    }

    @Test
    void eliotPrettyprintPrintsOurMessages() throws Exception {
        writeRealisticLog();
        String printed = EliotTools.prettyPrint(logs.resolve("studio.jsonl"));
        // Heartbeats take slots at their own pace, so a child's level is not fixed: any child's first message will do.
        assertThat(printed).contains("action_type: 'studio:sync:download_frame'", "connection reset", "studio:render")
                .containsPattern(" -> /\\d+/1\\n")
                .contains("eliot:traceback");
    }
}
