package studio.timelapse.desktop.render.pipeline;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * The decoder a render will use, chosen once, with the reason in words for the log.
 *
 * @param name "ffmpeg mjpeg" or "ImageIO"
 * @param reason why this one
 * @param factory makes one decoder per worker thread
 * @param fallback for files the main decoder cannot lay out (FFmpeg hands some layouts, such as CMYK, to ImageIO)
 * @param reducesByFiltering whether its reduced decodes average (FFmpeg's scaled inverse DCT) rather than skip pixels
 *     (ImageIO's subsampling): only then are they used for full-quality renders
 */
record JpegDecoders(String name, String reason, Supplier<JpegDecoder> factory, Optional<Supplier<JpegDecoder>> fallback,
        boolean reducesByFiltering) {

    static JpegDecoders choose(DecoderChoice choice) {
        Optional<String> ffmpegMissing = choice == DecoderChoice.IMAGEIO ? Optional.empty()
                : FfmpegJpegDecoder.unavailableReason();
        return switch (choice) {
            case IMAGEIO -> imageIo("chosen");
            case FFMPEG -> {
                if (ffmpegMissing.isPresent()) {
                    throw new RefusedException(Refusal.of(Refusal.Kind.GUARD, "render.decoder_unavailable",
                            "FFmpeg's JPEG decoder is not available: " + ffmpegMissing.get(),
                            "render with the ImageIO decoder, which works everywhere")
                            .withDetails(Map.of("field", "decoder")));
                }
                yield ffmpeg("chosen");
            }
            case AUTO -> ffmpegMissing.map(why -> imageIo("FFmpeg is not available (" + why + ")"))
                    .orElseGet(() -> ffmpeg("the fastest available: about twice ImageIO's speed"));
        };
    }

    private static JpegDecoders ffmpeg(String reason) {
        return new JpegDecoders("ffmpeg mjpeg", reason, FfmpegJpegDecoder::open, Optional.of(ImageIoJpegDecoder::new),
                true);
    }

    private static JpegDecoders imageIo(String reason) {
        return new JpegDecoders("ImageIO", reason, ImageIoJpegDecoder::new, Optional.empty(), false);
    }
}
