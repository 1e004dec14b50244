package studio.timelapse.desktop.render.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.render.encode.jcodec.JCodecEncoderFactory;
import studio.timelapse.desktop.render.encode.standard.StandardEncoders;
import studio.timelapse.desktop.render.encode.x264.ExecutableLocator;
import studio.timelapse.desktop.render.encode.x264.X264ProgramFactory;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

class EncodersTest {
    @TempDir
    Path folder;

    private final ExecutableLocator noPath = new ExecutableLocator(Map.of("PATH", ""), false);

    @Test
    void theDefaultIsX264FromTheBundledLibrariesWhereTheyLoad() {
        EncoderChoice choice = StandardEncoders.create(noPath).choose(Optional.empty());

        assertThat(choice.factory().name()).isEqualTo("x264");
        assertThat(choice.reason()).startsWith("the default; libx264 in the bundled FFmpeg");
        assertThat(choice.fields()).containsEntry("encoder", "x264").containsKey("encoder_reason");
    }

    @Test
    void withoutX264TheDefaultIsJCodecAndTheReasonNamesWhatWasMissing() {
        Encoders encoders = new Encoders(List.of(new X264ProgramFactory(noPath), new JCodecEncoderFactory()));

        EncoderChoice choice = encoders.choose(Optional.empty());

        assertThat(choice.factory().name()).isEqualTo("jcodec");
        assertThat(choice.reason()).contains("x264-cli is not available (no ffmpeg on PATH)");
    }

    @Test
    void askingForX264TakesTheProgramWhenTheLibrariesAreMissingAndSaysSo() {
        EncoderFactory missingLibraries = new FixedAvailability("x264", "x264", Availability.unavailable(
                "no FFmpeg libraries load for windows-arm64", "install ffmpeg with libx264 and put it on PATH"));
        Encoders encoders = new Encoders(List.of(missingLibraries,
                new X264ProgramFactory(ExecutableLocator.ofThisProcess()), new JCodecEncoderFactory()));

        EncoderChoice choice = encoders.choose(Optional.of("x264"));

        assertThat(choice.factory().name()).isEqualTo("x264-cli");
        assertThat(choice.reason()).contains("x264 not available: no FFmpeg libraries load for windows-arm64")
                .contains("libx264 in /");
    }

    @Test
    void askingForAnEncoderThatCannotRunIsRefusedWithItsReasonAndRemedy() {
        Encoders encoders = new Encoders(List.of(new X264ProgramFactory(noPath), new JCodecEncoderFactory()));

        assertThatThrownBy(() -> encoders.choose(Optional.of("x264"))).isInstanceOfSatisfying(RefusedException.class,
                e -> {
                    Refusal refusal = e.refusals().get(0);
                    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.GUARD);
                    assertThat(refusal.code()).isEqualTo("render.encoder_unavailable");
                    assertThat(refusal.reason()).isEqualTo("x264-cli is not available: no ffmpeg on PATH");
                    assertThat(refusal.remedy()).hasValueSatisfying(remedy -> assertThat(remedy).contains("PATH"));
                });
    }

    @Test
    void anUnknownEncoderIsRefusedWithTheNamesThereAre() {
        Encoders encoders = StandardEncoders.create(noPath);

        assertThatThrownBy(() -> encoders.choose(Optional.of("h265"))).isInstanceOfSatisfying(RefusedException.class,
                e -> assertThat(e.refusals().get(0).remedy()).hasValue("choose one of x264, x264-cli, jcodec"));
    }

    @Test
    void jcodecCanAlwaysBeChosen() {
        EncoderChoice choice = StandardEncoders.create(noPath).choose(Optional.of("JCodec"));

        assertThat(choice.factory().name()).isEqualTo("jcodec");
        assertThat(choice.reason()).startsWith("asked for; JCodec");
    }

    @Test
    void anFfmpegWithoutLibx264IsNotAnX264Encoder() throws Exception {
        Path fakeFfmpeg = folder.resolve("ffmpeg");
        Files.writeString(fakeFfmpeg, "#!/bin/sh\necho ' V..... libopenh264  OpenH264 H.264'\n");
        Files.setPosixFilePermissions(fakeFfmpeg, PosixFilePermissions.fromString("rwxr-xr-x"));
        X264ProgramFactory factory = new X264ProgramFactory(
                new ExecutableLocator(Map.of("PATH", folder.toString()), false));

        Availability availability = factory.availability();

        assertThat(availability.available()).isFalse();
        assertThat(availability.detail()).isEqualTo(fakeFfmpeg + " was built without libx264");
    }

    @Test
    void anUnavailableEncoderRefusesToOpen() {
        X264ProgramFactory factory = new X264ProgramFactory(noPath);

        assertThatThrownBy(() -> factory.open(EncoderSettings.of(64, 64, FrameRate.of(25)), folder.resolve("v.mp4")))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.refusals().get(0).reason())
                        .isEqualTo("x264-cli is not available: no ffmpeg on PATH"));
    }

    /** An encoder whose availability is given: what a platform without FFmpeg natives looks like from here. */
    private record FixedAvailability(String name, String family, Availability availability)
            implements EncoderFactory {
        @Override
        public VideoEncoder open(EncoderSettings settings, Path output) {
            throw new RefusedException(availability.refusal(name));
        }
    }
}
