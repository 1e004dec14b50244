package studio.timelapse.desktop.ui.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import javafx.scene.image.Image;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.ui.StudioSession;
import studio.timelapse.desktop.ui.TestFrames;
import studio.timelapse.desktop.ui.TestStudio;
import studio.timelapse.shared.job.JobState;

/**
 * The grid's thumbnails: decoded off the UI thread, handed back on it, and never decoded for a cell that has scrolled
 * on. The test thread plays the UI thread: it runs what the images hand back to it.
 */
class ThumbnailImagesTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path home;

    private StudioSession session;
    private List<Long> ids;
    private ThumbnailLoader loader;
    private ThumbnailImages images;
    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();

    @BeforeEach
    void open() throws Exception {
        session = TestStudio.open(home, Clock.systemUTC());
        ids = TestFrames.day(session.library(), "north", 12, Instant.parse("2026-06-21T04:00:00Z"),
                Duration.ofHours(1));
        assertThat(session.jobs().awaitFinished(session.ingestEverything().id(), WAIT).state())
                .isEqualTo(JobState.SUCCEEDED);
        loader = new ThumbnailLoader(Frames.of(session.library()), session.library().folder());
        images = new ThumbnailImages(loader, 160, ui::add);
    }

    @AfterEach
    void close() {
        images.close();
        loader.close();
        session.close();
    }

    private void runUi() {
        Runnable task;
        while ((task = ui.poll()) != null) {
            task.run();
        }
    }

    @Test
    void aThumbnailIsDecodedInTheBackgroundAndThenKeptForTheNextCell() {
        List<Image> got = new CopyOnWriteArrayList<>();

        images.request(ids.get(0), got::add);
        assertThat(got).as("nothing is decoded on the UI thread").isEmpty();
        await().atMost(WAIT).until(() -> {
            runUi();
            return !got.isEmpty();
        });

        assertThat(got.get(0).getWidth()).isEqualTo(160);
        assertThat(images.inFlight()).isZero();
        List<Image> again = new CopyOnWriteArrayList<>();
        images.request(ids.get(0), again::add);
        assertThat(again).as("at once, from memory").containsExactly(got.get(0));
    }

    @Test
    void aCellThatScrolledOnGetsNothingAndItsRequestIsForgotten() {
        List<Long> shown = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 10; i++) {
            long frame = ids.get(i);
            images.request(frame, image -> shown.add(frame)).cancel();
        }
        assertThat(images.inFlight()).isZero();

        long last = ids.get(11);
        images.request(last, image -> shown.add(last));
        await().atMost(WAIT).until(() -> {
            runUi();
            return shown.contains(last);
        });
        runUi();

        assertThat(shown).containsExactly(last);
    }

    @Test
    void twoCellsWaitingForOneFrameBothGetItAndOneCancellingLeavesTheOther() {
        List<String> shown = new CopyOnWriteArrayList<>();
        long frame = ids.get(5);
        images.request(frame, image -> shown.add("first")).cancel();
        images.request(frame, image -> shown.add("second"));
        images.request(frame, image -> shown.add("third"));
        assertThat(images.inFlight()).isEqualTo(1);

        await().atMost(WAIT).until(() -> {
            runUi();
            return shown.size() == 2;
        });

        assertThat(shown).containsExactly("second", "third");
    }
}
