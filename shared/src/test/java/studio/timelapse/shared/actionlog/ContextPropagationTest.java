package studio.timelapse.shared.actionlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.testing.RecordingLog;

/** The current action follows its thread, and is carried to other threads only by the wrap methods. */
class ContextPropagationTest {
    private final RecordingLog recording = new RecordingLog();
    private final ActionLog log = recording.log();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        recording.close();
    }

    @Test
    void aWrappedRunnableLogsInsideTheActionThatWasCurrentWhenItWasWrapped() throws Exception {
        String uuid;
        try (Action sync = log.start("studio:sync")) {
            uuid = sync.taskUuid();
            pool.submit(log.wrap(() -> {
                try (Action download = log.start("studio:sync:download_frame")) {
                    download.log("studio:sync:chunk");
                }
            })).get();
        }
        TaskTree tree = recording.tree(uuid);
        assertThat(tree.complete()).isTrue();
        assertThat(tree.rootAction().orElseThrow().childActions()).singleElement()
                .satisfies(child -> assertThat(child.slot()).isEqualTo(TaskLevel.of(2)));
        assertThat(recording.messages()).extracting(LogMessage::taskUuid).containsOnly(uuid);
    }

    @Test
    void anUnwrappedTaskOnAnotherThreadStartsATaskOfItsOwn() throws Exception {
        String uuid;
        try (Action sync = log.start("studio:sync")) {
            uuid = sync.taskUuid();
            pool.submit(() -> log.message("studio:elsewhere")).get();
        }
        LogMessage elsewhere = recording.ofType("studio:elsewhere").get(0);
        assertThat(elsewhere.taskUuid()).isNotEqualTo(uuid);
        assertThat(elsewhere.level()).isEqualTo(TaskLevel.of(1));
    }

    @Test
    void aWrappedCallableReturnsItsValueInsideTheAction() throws Exception {
        try (Action action = log.start("studio:ingest")) {
            String result = pool.submit(log.wrap(() -> {
                log.message("studio:ingest:thumbnail");
                return "ok";
            })).get();
            assertThat(result).isEqualTo("ok");
        }
        assertThat(recording.ofType("studio:ingest:thumbnail").get(0).level()).isEqualTo(TaskLevel.of(2));
    }

    @Test
    void completableFutureStagesRunInsideTheAction() throws Exception {
        String uuid;
        try (Action render = log.start("studio:render")) {
            uuid = render.taskUuid();
            CompletableFuture<Integer> frames = CompletableFuture
                    .supplyAsync(log.wrapSupplier(() -> {
                        log.message("studio:render:decoded");
                        return 10;
                    }), pool)
                    .thenApplyAsync(log.wrapFunction(n -> {
                        log.message("studio:render:encoded", "frames", n);
                        return n * 2;
                    }), pool);
            frames.thenAcceptAsync(log.wrapConsumer(n -> log.message("studio:render:done", "n", n)), pool).get();
            assertThat(frames.get()).isEqualTo(20);
        }
        assertThat(recording.messages()).extracting(LogMessage::taskUuid).containsOnly(uuid);
        assertThat(recording.tree(uuid).complete()).isTrue();
        assertThat(recording.messages()).extracting(m -> m.level().toList())
                .containsExactly(List.of(1), List.of(2), List.of(3), List.of(4), List.of(5));
    }

    @Test
    void aWrappedTaskLeavesThePoolThreadAsItFoundIt() throws Exception {
        try (Action action = log.start("studio:test")) {
            pool.submit(log.wrap(() -> log.message("studio:inside"))).get();
        }
        // Both pool threads: neither may still carry the finished action.
        for (int i = 0; i < 4; i++) {
            assertThat(pool.submit(() -> log.current().isPresent()).get()).isFalse();
        }
    }

    @Test
    void theThreadGetsItsPreviousActionBackWhenAChildEnds() {
        try (Action parent = log.start("studio:parent")) {
            try (Action child = log.start("studio:child")) {
                assertThat(log.current()).contains(child);
            }
            assertThat(log.current()).contains(parent);
        }
        assertThat(log.current()).isEmpty();
    }

    @Test
    void startChildNestsUnderAnExplicitParentWhateverTheThreadCarries() throws Exception {
        try (Action parent = log.start("studio:parent")) {
            pool.submit(() -> {
                try (Action child = parent.startChild("studio:child", "k", 1)) {
                    assertThat(child.level()).isEqualTo(TaskLevel.of(2));
                    assertThat(log.current()).contains(child);
                }
                assertThat(log.current()).isEmpty();
            }).get();
        }
        assertThat(recording.tree(recording.messages().get(0).taskUuid()).complete()).isTrue();
    }
}
