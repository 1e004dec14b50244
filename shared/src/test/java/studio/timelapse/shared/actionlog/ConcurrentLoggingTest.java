package studio.timelapse.shared.actionlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.testing.LogFiles;

/** Many threads logging at once, into one shared action and into tasks of their own, through a rotating file. */
class ConcurrentLoggingTest {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 2_000;

    @TempDir
    Path logs;

    @Test
    void everyLineIsWholeAndEveryLevelIsUnique() throws Exception {
        RotatingFileSink sink = new RotatingFileSink(logs, "studio", 256 * 1024, 50);
        ActionLog log = ActionLog.builder("studio").sink(sink).build();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        String shared;
        try (Action sync = log.start("studio:sync")) {
            shared = sync.taskUuid();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> workers = new java.util.ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(pool.submit(log.wrap(() -> {
                    awaitQuietly(go);
                    for (int i = 0; i < PER_THREAD; i++) {
                        if (i % 10 == 0) {
                            try (Action frame = log.start("studio:sync:download_frame", "thread", thread, "i", i)) {
                                frame.log("studio:sync:chunk", "text", "é ü ∆ \"quoted\"\n");
                            }
                        } else {
                            log.message("studio:sync:tick", "thread", thread, "i", i);
                        }
                    }
                })));
                workers.add(pool.submit(() -> {
                    awaitQuietly(go);
                    for (int i = 0; i < PER_THREAD / 10; i++) {
                        try (Action own = log.start("studio:other", "thread", thread)) {
                            own.log("studio:other:tick");
                        }
                    }
                }));
            }
            go.countDown();
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
        }
        pool.shutdown();
        log.close();

        List<LogMessage> messages = LogFiles.readAll(logs);
        int sharedTaskMessages = 2 + THREADS * (PER_THREAD - PER_THREAD / 10 + PER_THREAD / 10 * 3);
        int otherMessages = THREADS * (PER_THREAD / 10) * 3;
        assertThat(messages).hasSize(sharedTaskMessages + otherMessages);
        assertThat(log.dropped()).isZero();

        List<LogMessage> inShared = messages.stream().filter(m -> m.taskUuid().equals(shared)).toList();
        Set<TaskLevel> levels = new HashSet<>();
        inShared.forEach(m -> assertThat(levels.add(m.level())).as("level %s used twice", m.level()).isTrue());
        assertThat(TaskTree.of(shared, messages).complete()).isTrue();

        var others = TaskTree.build(messages.stream().filter(m -> !m.taskUuid().equals(shared)).toList());
        assertThat(others).hasSize(THREADS * PER_THREAD / 10);
        assertThat(others.values()).allSatisfy(tree -> assertThat(tree.complete()).isTrue());
        assertThat(messages.stream().map(m -> m.get("text")).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet())).containsExactly("é ü ∆ \"quoted\"\n");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
