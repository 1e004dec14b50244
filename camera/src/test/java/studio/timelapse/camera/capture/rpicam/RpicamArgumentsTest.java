package studio.timelapse.camera.capture.rpicam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import studio.timelapse.shared.protocol.FrameSettings;

/** Each frame's settings become rpicam-still options, the ones rpicam-apps documents. */
class RpicamArgumentsTest {
    private static final Path TOOL = Path.of("/usr/bin/rpicam-still");
    private static final Path TARGET = Path.of("/data/frames/.tmp-42.jpg");
    private static final Duration SETTLE = Duration.ofMillis(1500);

    static Stream<Arguments> settings() {
        return Stream.of(
                Arguments.of("automatic, full resolution", settings(0, 0, 90, null, null, null, false),
                        "--nopreview --timeout 1500 --quality 90 --metadata - --output " + TARGET),
                Arguments.of("a size and a quality", settings(1920, 1080, 75, null, null, null, false),
                        "--nopreview --timeout 1500 --width 1920 --height 1080 --quality 75 --metadata - --output "
                                + TARGET),
                Arguments.of("locked exposure is taken at once", settings(0, 0, 90, 0.008, 2.5, null, false),
                        "--nopreview --immediate --quality 90 --shutter 8000 --gain 2.5 --metadata - --output "
                                + TARGET),
                Arguments.of("a long night exposure", settings(0, 0, 90, 12.5, 8.0, null, false),
                        "--nopreview --immediate --quality 90 --shutter 12500000 --gain 8 --metadata - --output "
                                + TARGET),
                Arguments.of("a fixed shutter with automatic gain still settles",
                        settings(0, 0, 90, 0.02, null, null, false),
                        "--nopreview --timeout 1500 --quality 90 --shutter 20000 --metadata - --output " + TARGET),
                Arguments.of("a fixed white balance confines AWB to a mode",
                        settings(0, 0, 90, null, null, 5800, false),
                        "--nopreview --timeout 1500 --quality 90 --awb daylight --metadata - --output " + TARGET),
                Arguments.of("HDR", settings(0, 0, 90, null, null, null, true),
                        "--nopreview --timeout 1500 --quality 90 --hdr --metadata - --output " + TARGET),
                Arguments.of("everything at once", settings(2304, 1296, 95, 0.5, 1.0, 3200, true),
                        "--nopreview --immediate --width 2304 --height 1296 --quality 95 --shutter 500000 --gain 1 "
                                + "--awb tungsten --hdr --metadata - --output " + TARGET));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void settingsBecomeOptions(String description, FrameSettings settings, String options) {
        List<String> command = RpicamArguments.forFrame(TOOL, settings, TARGET, SETTLE);

        assertThat(command.get(0)).isEqualTo(TOOL.toString());
        assertThat(String.join(" ", command.subList(1, command.size()))).isEqualTo(options);
    }

    @ParameterizedTest(name = "{0} K → {1}")
    @CsvSource({
        "1800, incandescent", "2700, incandescent", "3200, tungsten", "4500, fluorescent", "4800, indoor",
        "5200, indoor", "6000, daylight", "6800, cloudy", "7500, cloudy", "12000, cloudy"})
    void aColourTemperatureBecomesTheNarrowestModeAroundIt(int kelvin, String mode) {
        assertThat(AwbMode.around(kelvin).option()).isEqualTo(mode);
    }

    /** Settings by value; {@code null} means automatic. */
    static FrameSettings settings(int width, int height, int quality, Double shutter, Double gain, Integer kelvin,
            boolean hdr) {
        return new FrameSettings(width, height, quality, Optional.ofNullable(shutter), Optional.ofNullable(gain),
                Optional.ofNullable(kelvin), hdr);
    }
}
