package studio.timelapse.desktop.render.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

class EncoderSettingsTest {

    @Test
    void anOddSizeIsRefusedWithTheEvenSizeToUseInstead() {
        assertThatThrownBy(() -> EncoderSettings.of(1919, 1080, FrameRate.of(25)))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    Refusal refusal = e.refusals().get(0);
                    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
                    assertThat(refusal.code()).isEqualTo("render.size_odd");
                    assertThat(refusal.reason()).contains("1919x1080");
                    assertThat(refusal.remedy()).hasValueSatisfying(remedy -> assertThat(remedy).contains("1918x1080"));
                });
    }

    @Test
    void qualityOutsideZeroToHundredIsRefused() {
        EncoderSettings settings = EncoderSettings.of(640, 360, FrameRate.of(25));
        assertThatThrownBy(() -> settings.withQuality(101)).isInstanceOfSatisfying(RefusedException.class,
                e -> assertThat(e.refusals().get(0).code()).isEqualTo("render.quality_out_of_range"));
    }

    @Test
    void sizesBeyondH264sLargestLevelAreRefused() {
        assertThatThrownBy(() -> EncoderSettings.of(8194, 4320, FrameRate.of(25)))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.refusals().get(0).code()).isEqualTo("render.size_out_of_range"));
    }

    @Test
    void highDefinitionDefaultsToBt709AndStandardDefinitionToBt601() {
        assertThat(EncoderSettings.of(1280, 720, FrameRate.of(25)).colourSpace()).isEqualTo(ColourSpace.BT709);
        assertThat(EncoderSettings.of(3840, 2160, FrameRate.of(25)).colourSpace()).isEqualTo(ColourSpace.BT709);
        assertThat(EncoderSettings.of(720, 576, FrameRate.of(25)).colourSpace()).isEqualTo(ColourSpace.BT601);
    }

    @Test
    void theDefaultsAreLimitedRangeAKeyFrameEveryTenSecondsAndX264sVeryfastPreset() {
        EncoderSettings settings = EncoderSettings.of(1920, 1080, new FrameRate(30000, 1001));
        assertThat(settings.range()).isEqualTo(ColourRange.LIMITED);
        assertThat(settings.keyFrameInterval()).isEqualTo(300);
        assertThat(settings.preset()).isEqualTo("veryfast");
        assertThat(settings.quality()).isEqualTo(EncoderSettings.DEFAULT_QUALITY);
    }

    @Test
    void aFrameRateKeepsItsExactDuration() {
        assertThat(new FrameRate(30000, 1001).duration(30000)).hasSeconds(1001);
        assertThat(FrameRate.of(25).duration(24)).isEqualTo(java.time.Duration.ofMillis(960));
        assertThat(new FrameRate(30000, 1001)).hasToString("30000/1001");
    }
}
