package studio.timelapse.camera.capture.gphoto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import studio.timelapse.camera.capture.CaptureException;
import studio.timelapse.camera.capture.CaptureException.Kind;
import studio.timelapse.shared.protocol.FrameSettings;

/** Each frame's exposure becomes gphoto2 --set-config entries in the words cameras list their choices in. */
class GphotoArgumentsTest {
    private static final Path TOOL = Path.of("/usr/bin/gphoto2");
    private static final Path TARGET = Path.of("/data/frames/.tmp-42.jpg");
    private static final String CAPTURE = "--capture-image-and-download --filename " + TARGET + " --force-overwrite";

    static Stream<Arguments> settings() {
        GphotoConfig plain = GphotoConfig.builder().build();
        GphotoConfig canon = GphotoConfig.builder().port("usb:001,007").colourTemperatureSetting("colortemperature")
                .alwaysSet(List.of("imageformat=Large Fine JPEG", "capturetarget=Memory card")).build();
        return Stream.of(
                Arguments.of("automatic exposure leaves the camera's settings alone", plain, auto(), CAPTURE),
                Arguments.of("locked exposure", plain, exposure(1 / 125.0, 2.0),
                        "--set-config shutterspeed=1/125 --set-config iso=200 " + CAPTURE),
                Arguments.of("a long night exposure", plain, exposure(2.5, 32.0),
                        "--set-config shutterspeed=2.5 --set-config iso=3200 " + CAPTURE),
                Arguments.of("a port, a colour temperature and fixed entries", canon,
                        new FrameSettings(0, 0, 90, Optional.of(30.0), Optional.of(1.0), Optional.of(5200), false),
                        "--port usb:001,007 --set-config shutterspeed=30 --set-config iso=100 "
                                + "--set-config colortemperature=5200 --set-config imageformat=Large Fine JPEG "
                                + "--set-config capturetarget=Memory card " + CAPTURE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void settingsBecomeConfigEntries(String description, GphotoConfig config, FrameSettings settings, String options)
            throws CaptureException {
        List<String> command = GphotoArguments.forFrame(TOOL, config, settings, TARGET);

        assertThat(command.get(0)).isEqualTo(TOOL.toString());
        assertThat(String.join(" ", command.subList(1, command.size()))).isEqualTo(options);
    }

    @ParameterizedTest(name = "{0} s → {1}")
    @CsvSource({"0.0002, 1/5000", "0.008, 1/125", "0.0166, 1/60", "0.3, 1/3", "0.5, 1/2", "1, 1", "1.3, 1.3",
            "2.5, 2.5", "15, 15", "3600, 3600"})
    void shutterTimesAreWrittenAsCamerasListThem(double seconds, String written) {
        assertThat(ExposureValues.shutter(seconds)).isEqualTo(written);
    }

    @ParameterizedTest(name = "gain {0} → ISO {1}")
    @CsvSource({"1, 100", "1.2, 125", "2, 200", "3, 320", "4, 400", "6.4, 640", "64, 6400", "256, 25600"})
    void gainBecomesTheNearestStandardIso(double gain, int iso) {
        assertThat(ExposureValues.iso(gain)).isEqualTo(iso);
    }

    @Test
    void aPercentInTheTargetIsNotTakenForAPattern() {
        assertThat(GphotoArguments.filenamePattern(Path.of("/data/100%/frame.jpg"))).isEqualTo("/data/100%%/frame.jpg");
    }

    @Test
    void aSizeIsRefusedBecauseTheCameraDecidesIt() {
        assertRefused(GphotoConfig.builder().build(), FrameSettings.automatic().withSize(1920, 1080),
                "ask for full resolution");
    }

    @Test
    void hdrIsRefused() {
        assertRefused(GphotoConfig.builder().build(),
                new FrameSettings(0, 0, 90, Optional.empty(), Optional.empty(), Optional.empty(), true), "HDR");
    }

    @Test
    void aWhiteBalanceIsRefusedUnlessTheCamerasSettingIsNamed() {
        assertRefused(GphotoConfig.builder().build(),
                new FrameSettings(0, 0, 90, Optional.empty(), Optional.empty(), Optional.of(5200), false),
                "colour-temperature setting");
    }

    private static void assertRefused(GphotoConfig config, FrameSettings settings, String why) {
        assertThatThrownBy(() -> GphotoArguments.forFrame(TOOL, config, settings, TARGET))
                .isInstanceOfSatisfying(CaptureException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.MISCONFIGURED))
                .hasMessageContaining(why);
    }

    private static FrameSettings auto() {
        return FrameSettings.automatic();
    }

    private static FrameSettings exposure(double shutter, double gain) {
        return FrameSettings.automatic().withExposure(shutter, gain);
    }
}
