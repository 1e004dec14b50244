package studio.timelapse.desktop.render.encode.x264;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.timelapse.desktop.render.encode.Availability;
import studio.timelapse.shared.testing.ChildJvm;

/**
 * On a platform without bundled FFmpeg natives (here: a second JVM that believes it runs on windows-arm64, for which
 * the class path holds no natives), the libraries' encoder is unavailable and says why, instead of failing later.
 */
class BundledLibrariesElsewhereTest {

    @Test
    void withoutNativesForThePlatformX264FromTheLibrariesIsUnavailableWithTheReason() throws Exception {
        try (ChildJvm child = ChildJvm.start(Probe.class, Map.of())) {
            String line = child.awaitLine("AVAILABILITY ", Duration.ofSeconds(60));

            assertThat(line).startsWith("AVAILABILITY false no FFmpeg libraries load for windows-arm64")
                    .endsWith("REMEDY install ffmpeg with libx264 and put it on PATH, or choose jcodec");
            assertThat(child.awaitExit(Duration.ofSeconds(30))).isZero();
        }
    }

    /** Runs in the child JVM. */
    public static final class Probe {
        public static void main(String[] args) {
            System.setProperty("org.bytedeco.javacpp.platform", "windows-arm64");
            System.setProperty("org.bytedeco.javacpp.cacheDir", System.getProperty("java.io.tmpdir")
                    + "/timelapse-javacpp-probe");
            Availability availability = new X264LibraryFactory().availability();
            System.out.println("AVAILABILITY " + availability.available() + " " + availability.detail() + " REMEDY "
                    + availability.remedy().orElse(""));
        }
    }
}
