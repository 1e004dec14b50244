package studio.timelapse.desktop.render.encode.jcodec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import studio.timelapse.desktop.render.encode.ColourTags;
import studio.timelapse.desktop.render.encode.EncodedStream;
import studio.timelapse.desktop.render.encode.EncoderSettings;
import studio.timelapse.desktop.render.encode.FrameSequence;
import studio.timelapse.desktop.render.encode.RgbToYuv420;
import studio.timelapse.desktop.render.encode.VideoEncoder;
import studio.timelapse.desktop.render.encode.VideoFrame;
import studio.timelapse.desktop.render.encode.mp4.AvcSampleEntry;
import studio.timelapse.desktop.render.encode.mp4.Mp4VideoWriter;

/**
 * H.264 in pure Java: our colour conversion into one reused picture, our {@link JCodecFrameEncoder} on JCodec's
 * building blocks, our MP4 writer. Single-threaded; speed on several cores comes from encoding segments in parallel.
 */
final class JCodecVideoEncoder implements VideoEncoder {
    /** JCodec's pictures hold each sample minus 128 in a signed byte. */
    private static final int JCODEC_SAMPLE_BIAS = -128;

    private final EncoderSettings settings;
    private final Path output;
    private final Mp4VideoWriter writer;
    private final JCodecFrameEncoder encoder;
    private final RgbToYuv420 converter;
    private final Picture picture;
    private final ByteBuffer sample;
    private final FrameSequence frames;

    JCodecVideoEncoder(EncoderSettings settings, Path output) throws IOException {
        this.settings = settings;
        this.output = output;
        this.frames = new FrameSequence(settings, output);
        Mp4Clock clock = Mp4Clock.of(settings.frameRate());
        this.writer = Mp4VideoWriter.create(output, clock.timescale(), clock.frameDuration());
        this.encoder = new JCodecFrameEncoder(settings,
                new ConstantQualityRateControl(JCodecQuality.predictedFrameQp(settings.quality())));
        this.converter = new RgbToYuv420(settings.colourSpace(), settings.range(), JCODEC_SAMPLE_BIAS);
        this.picture = Picture.create(settings.width(), settings.height(), ColorSpace.YUV420J);
        // A frame has at most one byte of slice data per pixel; escaping adds at most one byte in two.
        this.sample = ByteBuffer.allocate(settings.width() * settings.height() * 3 / 2 + (1 << 16));
    }

    @Override
    public void encode(VideoFrame frame) throws IOException {
        frames.accept(frame);
        fillPicture(frame);
        boolean keyFrame = encoder.encode(picture, sample);
        writer.writeSample(sample, keyFrame, frame.index());
    }

    private void fillPicture(VideoFrame frame) {
        byte[] y = picture.getPlaneData(0);
        byte[] u = picture.getPlaneData(1);
        byte[] v = picture.getPlaneData(2);
        if (frame.layout() == VideoFrame.Layout.YUV420) {
            shift(frame.y(), y);
            shift(frame.u(), u);
            shift(frame.v(), v);
        } else {
            converter.convert(frame, y, u, v);
        }
    }

    private static void shift(byte[] from, byte[] to) {
        for (int i = 0; i < to.length; i++) {
            to[i] = (byte) (from[i] + JCODEC_SAMPLE_BIAS);
        }
    }

    @Override
    public EncodedStream finish() throws IOException {
        frames.beginFinishing();
        long bytes = writer.finish(AvcSampleEntry.of(settings.width(), settings.height(), encoder.sps(),
                encoder.pps(), ColourTags.of(settings)));
        writer.close();
        frames.finished();
        return new EncodedStream(output, JCodecEncoderFactory.NAME, settings, frames.count(),
                settings.frameRate().duration(frames.count()), bytes);
    }

    @Override
    public void close() throws IOException {
        boolean discard = frames.close();
        writer.close();
        if (discard) {
            Files.deleteIfExists(output);
        }
    }
}
