package studio.timelapse.desktop.render.pipeline;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import studio.timelapse.desktop.render.look.Region;
import studio.timelapse.desktop.render.look.ViewportPath;

/**
 * Makes one output frame from one JPEG on one worker thread: decode (at a reduced size where that is allowed and
 * enough), scale the placed region of each plane straight to the output size, convert to RGB with the deflicker gain,
 * and measure the result's mean luma. Owns its decoders and buffers and reuses them from frame to frame.
 */
final class FrameRenderer implements AutoCloseable {
    private final JpegDecoder decoder;
    private final Supplier<JpegDecoder> fallbackFactory;
    private final FrameSize output;
    private final Framing framing;
    private final Optional<ViewportPath> viewport;
    private final int frames;
    private final boolean reducedDecode;
    private final PlaneScaler scaler = new PlaneScaler();
    private final RgbConverter converter = new RgbConverter();
    private final byte[][] planes;
    private JpegDecoder fallback;
    private int[] lastSourceSize;
    private Placement lastPlacement;

    /**
     * @param fallbackFactory a decoder for files the main one cannot lay out (null if there is none)
     * @param frames the render's length, for the viewport's timeline
     * @param reducedDecode whether a file may be decoded at 1/2, 1/4 or 1/8 size when that still covers the output
     */
    FrameRenderer(JpegDecoder decoder, Supplier<JpegDecoder> fallbackFactory, FrameSize output, Framing framing,
            Optional<ViewportPath> viewport, int frames, boolean reducedDecode) {
        this.decoder = decoder;
        this.fallbackFactory = fallbackFactory;
        this.output = output;
        this.framing = framing;
        this.viewport = viewport;
        this.frames = frames;
        this.reducedDecode = reducedDecode;
        this.planes = new byte[3][output.pixels()];
    }

    /**
     * Renders {@code source}, the frame at {@code position}, into {@code into} ({@code output.pixels()} ints), and
     * returns its mean luma.
     */
    double render(SourceFrame source, int position, double gain, int[] into)
            throws IOException, UndecodableFrameException {
        DecodedImage image = decode(source, position);
        int sourceWidth = image.width() * image.reduction();
        int sourceHeight = image.height() * image.reduction();
        lastSourceSize = new int[] {sourceWidth, sourceHeight};
        Placement placement = Placement.of(image.width(), image.height(), output, framing, viewport, position, frames);
        // Subsampled chroma is scaled to half the output's size: the encoder keeps only that much (4:2:0) anyway, and it
        // halves the scaler's work on those planes.
        lastPlacement = placement;
        boolean halfChroma = image.planes().size() == 3 && (image.planes().get(1).width() < image.width()
                || image.planes().get(1).height() < image.height());
        Region region = placement.source();
        int plane = 0;
        for (SamplePlane samples : image.planes()) {
            byte[][] targets = Arrays.copyOfRange(planes, plane, plane + samples.channels());
            double fx = Math.max(1, Math.round((double) image.width() / samples.width()));
            double fy = Math.max(1, Math.round((double) image.height() / samples.height()));
            int half = halfChroma && plane > 0 ? 2 : 1;
            scaler.scale(samples, region.x() * image.width() / fx, region.y() * image.height() / fy,
                    region.width() * image.width() / fx, region.height() * image.height() / fy, targets,
                    output.width() / half, placement.x() / half, placement.y() / half, placement.width() / half,
                    placement.height() / half);
            plane += samples.channels();
        }
        if (!placement.fillsFrame(output)) {
            Arrays.fill(into, 0, output.pixels(), 0);
        }
        converter.convert(planes, image.colour(), halfChroma, gain, into, output.width(), placement.x(), placement.y(),
                placement.width(), placement.height());
        return RgbConverter.meanLuma(into, output.width(), placement.x(), placement.y(), placement.width(),
                placement.height());
    }

    /** Where the last frame's picture went in the output. */
    Placement lastPlacement() {
        return lastPlacement;
    }

    private DecodedImage decode(SourceFrame source, int position) throws IOException, UndecodableFrameException {
        int reduction = reducedDecode ? reduction(source, position) : 1;
        try {
            return decoder.decode(source.file(), reduction);
        } catch (UndecodableFrameException e) {
            if (!e.layoutOnly() || fallbackFactory == null) {
                throw e;
            }
            if (fallback == null) {
                fallback = fallbackFactory.get();
            }
            return fallback.decode(source.file(), reduction);
        }
    }

    /**
     * The largest reduction (1, 2, 4, 8) at which the placed region still has at least as many pixels as the output
     * rectangle it fills, so that the scaler still only scales down. Frames of a sequence share a size, so the last
     * frame's size stands in for this one's; the first is probed from its header.
     */
    private int reduction(SourceFrame source, int position) throws IOException, UndecodableFrameException {
        int[] size = lastSourceSize != null ? lastSourceSize : JpegProbe.size(source.file());
        Placement placement = Placement.of(size[0], size[1], output, framing, viewport, position, frames);
        return reductionFor(placement.source().width() * size[0], placement.source().height() * size[1],
                placement.width(), placement.height());
    }

    /** The largest of 1, 2, 4, 8 that leaves a region of the source at least as large as the rectangle it fills. */
    static int reductionFor(double regionWidth, double regionHeight, int targetWidth, int targetHeight) {
        int reduction = 1;
        while (reduction < 8 && regionWidth / (reduction * 2) >= targetWidth
                && regionHeight / (reduction * 2) >= targetHeight) {
            reduction *= 2;
        }
        return reduction;
    }

    @Override
    public void close() {
        decoder.close();
        if (fallback != null) {
            fallback.close();
        }
    }
}
