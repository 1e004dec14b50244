package studio.timelapse.desktop.render.pipeline;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import studio.timelapse.desktop.render.encode.RgbToYuv420;
import studio.timelapse.desktop.render.encode.VideoFrame;
import studio.timelapse.desktop.render.look.Region;
import studio.timelapse.desktop.render.look.ViewportPath;

/**
 * Makes one output frame from one JPEG on one worker thread: decode (at a reduced size where that is allowed and
 * enough), scale the placed region of each plane straight to the output size, convert to RGB with the deflicker gain
 * (or, for an encoder that takes YUV 4:2:0, straight to its YUV with {@link YcbcrToYuv420}), and measure the result's
 * mean luma. Owns its decoders and buffers and reuses them from frame to frame.
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
    private final Optional<YcbcrToYuv420> toYuv;
    private final Optional<RgbToYuv420> rgbToYuv;
    private final byte[][] planes;
    private int[] rgbScratch;
    private JpegDecoder fallback;
    private int[] lastSourceSize;
    private Placement lastPlacement;

    /**
     * @param fallbackFactory a decoder for files the main one cannot lay out (null if there is none)
     * @param frames the render's length, for the viewport's timeline
     * @param reducedDecode whether a file may be decoded at 1/2, 1/4 or 1/8 size when that still covers the output
     * @param yuv the format of {@link #renderYuv}, if this renderer makes YUV frames
     */
    FrameRenderer(JpegDecoder decoder, Supplier<JpegDecoder> fallbackFactory, FrameSize output, Framing framing,
            Optional<ViewportPath> viewport, int frames, boolean reducedDecode, Optional<YuvFormat> yuv) {
        this.decoder = decoder;
        this.fallbackFactory = fallbackFactory;
        this.output = output;
        this.framing = framing;
        this.viewport = viewport;
        this.frames = frames;
        this.reducedDecode = reducedDecode;
        this.planes = new byte[3][output.pixels()];
        this.toYuv = yuv.map(format -> new YcbcrToYuv420(format.space(), format.range()));
        this.rgbToYuv = yuv.map(format -> new RgbToYuv420(format.space(), format.range()));
    }

    /** An RGB renderer. */
    FrameRenderer(JpegDecoder decoder, Supplier<JpegDecoder> fallbackFactory, FrameSize output, Framing framing,
            Optional<ViewportPath> viewport, int frames, boolean reducedDecode) {
        this(decoder, fallbackFactory, output, framing, viewport, frames, reducedDecode, Optional.empty());
    }

    /**
     * Renders {@code source}, the frame at {@code position}, into {@code into} ({@code output.pixels()} ints), and
     * returns its mean luma.
     */
    double render(SourceFrame source, int position, double gain, int[] into)
            throws IOException, UndecodableFrameException {
        DecodedImage image = decode(source, position);
        return toRgb(image, place(image, position), gain, into);
    }

    /**
     * Renders {@code source}, the frame at {@code position}, into {@code into} in this renderer's YUV format, and
     * returns its mean luma. A JPEG's YCbCr or grey planes go straight to YUV; any other layout (a fallback decoder's
     * interleaved RGB) through RGB.
     */
    double renderYuv(SourceFrame source, int position, double gain, YuvPlanes into)
            throws IOException, UndecodableFrameException {
        YcbcrToYuv420 converter = toYuv.orElseThrow(() -> new IllegalStateException("this renderer makes RGB frames"));
        DecodedImage image = decode(source, position);
        Placement placement = place(image, position);
        boolean planar = image.planes().stream().allMatch(plane -> plane.channels() == 1);
        boolean direct = planar && switch (image.colour()) {
            case YCBCR_FULL, YCBCR_LIMITED, GRAY -> true;
            case RGB, BGR -> false;
        };
        if (!direct) {
            if (rgbScratch == null) {
                rgbScratch = new int[output.pixels()];
            }
            double luma = toRgb(image, placement, gain, rgbScratch);
            rgbToYuv.orElseThrow().convert(VideoFrame.ofIntRgb(0, output.width(), output.height(), rgbScratch),
                    into.y(), into.u(), into.v());
            return luma;
        }
        scalePlanes(image, placement, true);
        if (!placement.fillsFrame(output)) {
            // Black bars: the converter's black, so that they match the picture's black exactly.
            Arrays.fill(into.y(), converter.black()[0]);
            Arrays.fill(into.u(), converter.black()[1]);
            Arrays.fill(into.v(), converter.black()[2]);
        }
        return converter.convert(planes, image.colour(), gain, into, output.width(), placement.x(), placement.y(),
                placement.width(), placement.height());
    }

    private Placement place(DecodedImage image, int position) {
        lastSourceSize = new int[] {image.width() * image.reduction(), image.height() * image.reduction()};
        lastPlacement = Placement.of(image.width(), image.height(), output, framing, viewport, position, frames);
        return lastPlacement;
    }

    private double toRgb(DecodedImage image, Placement placement, double gain, int[] into) {
        boolean halfChroma = scalePlanes(image, placement, false);
        if (!placement.fillsFrame(output)) {
            Arrays.fill(into, 0, output.pixels(), 0);
        }
        converter.convert(planes, image.colour(), halfChroma, gain, into, output.width(), placement.x(), placement.y(),
                placement.width(), placement.height());
        return RgbConverter.meanLuma(into, output.width(), placement.x(), placement.y(), placement.width(),
                placement.height());
    }

    /**
     * Scales the placed region of each plane into {@link #planes}; returns whether chroma went to half size. Subsampled
     * chroma is scaled to half the output's size: the encoder keeps only that much (4:2:0) anyway, and it halves the
     * scaler's work on those planes. For YUV output ({@code alwaysHalfChroma}) every chroma plane goes to half size.
     */
    private boolean scalePlanes(DecodedImage image, Placement placement, boolean alwaysHalfChroma) {
        boolean halfChroma = image.planes().size() == 3 && (alwaysHalfChroma
                || image.planes().get(1).width() < image.width() || image.planes().get(1).height() < image.height());
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
        return halfChroma;
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
