package studio.timelapse.desktop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.cameras.client.StudioIdentity;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.testing.RecordingLog;

/**
 * A render-only engine ({@code timelapse render}) talks to no camera, so it neither reads nor makes the studio's key:
 * that is work for the engines that sync.
 */
class StudioCoreRenderOnlyTest {
    @TempDir
    Path temp;

    private final RecordingLog log = new RecordingLog();

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    void aRenderOnlyEngineMakesNoStudioKeyAndHasNoCameraParts() {
        Path library = temp.resolve("library");
        try (StudioCore core = StudioCore.openForRenders(library, log.log(), Clock.systemUTC(), settings())) {
            assertThat(core.renderJob()).isNotNull();
            assertThat(library.resolve(StudioIdentity.FOLDER)).doesNotExist();
            assertThatThrownBy(core::cameraClients).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("render-only");
            assertThatThrownBy(core::cameraLinks).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(core::sync).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(core::syncJob).isInstanceOf(IllegalStateException.class);
        }
        assertThat(log.messages()).noneMatch(message -> String.valueOf(
                message.fields().get(LogMessage.ACTION_TYPE)).startsWith("studio:identity:"));
    }

    @Test
    void theFullEngineOpenedLaterOnTheSameLibraryMakesTheKeyAndSyncs() {
        Path library = temp.resolve("library");
        try (StudioCore renders = StudioCore.openForRenders(library, log.log(), Clock.systemUTC(), settings())) {
            assertThat(renders.renderJob()).isNotNull();
        }
        try (StudioCore core = StudioCore.open(library, log.log(), Clock.systemUTC(), settings())) {
            assertThat(library.resolve(StudioIdentity.FOLDER)).isDirectory();
            assertThat(core.cameraClients().identity()).isNotNull();
            assertThat(core.sync()).isNotNull();
        }
    }

    private static StudioCore.Settings settings() {
        return StudioCore.Settings.defaults().withPollInterval(Duration.ofMillis(20));
    }
}
