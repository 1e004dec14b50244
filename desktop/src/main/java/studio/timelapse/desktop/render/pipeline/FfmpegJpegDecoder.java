package studio.timelapse.desktop.render.pipeline;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG;
import static org.bytedeco.ffmpeg.global.avcodec.AV_EF_BUFFER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_EF_EXPLODE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_PLANAR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_RGB;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Decodes with FFmpeg's JPEG decoder from the bundled libraries: measured at about 43 ms of CPU for a 4056x3040 frame
 * where ImageIO (on libjpeg-turbo) needs 80 to 120, and able to decode at 1/2, 1/4 or 1/8 size through a reduced
 * inverse DCT ({@code lowres}), which is what makes previews cheap.
 *
 * <p>The file is read straight into native memory; each decoded plane is copied out in one call into an array this
 * decoder reuses. Damaged data is an error, not a grey patch: the decoder runs with {@code AV_EF_EXPLODE}, so a
 * file cut short or with corrupt entropy-coded data fails with FFmpeg's reason. Its own console messages are lowered
 * below FFmpeg's default log level, since every failure reaches our log with its reason.
 */
final class FfmpegJpegDecoder implements JpegDecoder {
    private static final int MAX_LOWRES = 3;
    /** {@code AV_FRAME_FLAG_CORRUPT}, a macro the Java presets do not export. */
    private static final int FRAME_FLAG_CORRUPT = 1;
    /** Lowers FFmpeg's own messages from this decoder by three levels (error → verbose), below the default. */
    private static final int QUIET_BY = 24;

    private final AVCodec codec;
    private final AVCodecContext[] contexts = new AVCodecContext[MAX_LOWRES + 1];
    private final AVPacket packet;
    private final AVFrame frame;
    private final byte[][] planeCopies = new byte[3][];
    private BytePointer input;
    private long inputCapacity;
    private boolean closed;

    private FfmpegJpegDecoder() {
        this.codec = avcodec_find_decoder(AV_CODEC_ID_MJPEG);
        if (codec == null || codec.isNull()) {
            throw new IllegalStateException("the FFmpeg libraries have no JPEG decoder");
        }
        this.packet = av_packet_alloc();
        this.frame = av_frame_alloc();
    }

    /** Whether the FFmpeg libraries load on this machine; empty if they do, else why not. */
    static Optional<String> unavailableReason() {
        try {
            Loader.load(avcodec.class);
            AVCodec decoder = avcodec_find_decoder(AV_CODEC_ID_MJPEG);
            return decoder == null || decoder.isNull() ? Optional.of("the FFmpeg libraries have no JPEG decoder")
                    : Optional.empty();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            return Optional.of("the FFmpeg libraries do not load on " + Loader.getPlatform() + ": " + e.getMessage());
        }
    }

    static FfmpegJpegDecoder open() {
        return new FfmpegJpegDecoder();
    }

    @Override
    public String name() {
        return "ffmpeg mjpeg";
    }

    @Override
    public DecodedImage decode(Path file, int reduction) throws IOException, UndecodableFrameException {
        if (closed) {
            throw new IllegalStateException("the decoder is closed");
        }
        int lowres = Math.min(MAX_LOWRES, Integer.numberOfTrailingZeros(Integer.highestOneBit(Math.max(1, reduction))));
        int length = read(file);
        AVCodecContext context = context(lowres);
        av_frame_unref(frame);
        packet.data(input).size(length);
        int sent = avcodec_send_packet(context, packet);
        packet.data(null).size(0);
        if (sent < 0) {
            avcodec_flush_buffers(context);
            throw UndecodableFrameException.damaged("not a decodable JPEG (" + describe(sent) + ")");
        }
        int received = avcodec_receive_frame(context, frame);
        if (received < 0) {
            avcodec_flush_buffers(context);
            throw UndecodableFrameException.damaged("not a decodable JPEG (" + describe(received) + ")");
        }
        if ((frame.flags() & FRAME_FLAG_CORRUPT) != 0 || frame.decode_error_flags() != 0) {
            throw UndecodableFrameException.damaged("the JPEG data is corrupt (decode error flags "
                    + frame.decode_error_flags() + ")");
        }
        return image(1 << lowres);
    }

    /** Reads the whole file into the reused native input buffer, zero-padded as FFmpeg's parsers expect. */
    private int read(Path file) throws IOException, UndecodableFrameException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                throw UndecodableFrameException.damaged("the file is empty");
            }
            if (size > Integer.MAX_VALUE - AV_INPUT_BUFFER_PADDING_SIZE) {
                throw UndecodableFrameException.damaged("the file is too large for a JPEG frame: " + size + " bytes");
            }
            ensureInput(size + AV_INPUT_BUFFER_PADDING_SIZE);
            ByteBuffer buffer = input.position(0).limit(inputCapacity).asByteBuffer();
            buffer.limit((int) size);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    throw new IOException("the file " + file + " ended early while being read");
                }
            }
            input.position(size).limit(size + AV_INPUT_BUFFER_PADDING_SIZE).fill(0);
            input.position(0).limit(size);
            return (int) size;
        }
    }

    private void ensureInput(long needed) {
        if (input == null || inputCapacity < needed) {
            if (input != null) {
                input.close();
            }
            inputCapacity = Math.max(needed, inputCapacity * 3 / 2);
            input = new BytePointer(inputCapacity);
        }
    }

    private AVCodecContext context(int lowres) {
        AVCodecContext context = contexts[lowres];
        if (context == null) {
            context = avcodec_alloc_context3(codec);
            context.lowres(lowres).thread_count(1).err_recognition(AV_EF_EXPLODE | AV_EF_BUFFER)
                    .log_level_offset(QUIET_BY);
            int opened = avcodec_open2(context, codec, (PointerPointer<?>) null);
            if (opened < 0) {
                avcodec_free_context(context);
                throw new IllegalStateException("FFmpeg's JPEG decoder did not open: " + describe(opened));
            }
            contexts[lowres] = context;
        }
        return context;
    }

    private DecodedImage image(int reduction) throws UndecodableFrameException {
        int format = frame.format();
        AVPixFmtDescriptor layout = av_pix_fmt_desc_get(format);
        int width = frame.width();
        int height = frame.height();
        if (layout == null || layout.isNull()) {
            throw UndecodableFrameException.unsupportedLayout("FFmpeg decoded an unknown pixel format " + format);
        }
        int components = layout.nb_components();
        boolean planar = (layout.flags() & AV_PIX_FMT_FLAG_PLANAR) != 0 || components == 1;
        boolean rgb = (layout.flags() & AV_PIX_FMT_FLAG_RGB) != 0;
        boolean eightBit = true;
        for (int c = 0; c < components; c++) {
            eightBit &= layout.comp(c).depth() == 8 && layout.comp(c).step() == 1;
        }
        if (!planar || rgb || !eightBit || (components != 1 && components != 3)) {
            throw UndecodableFrameException.unsupportedLayout("FFmpeg decodes this JPEG as "
                    + av_get_pix_fmt_name(format).getString() + ", which the scaler does not read");
        }
        List<SamplePlane> planes = new ArrayList<>(components);
        planes.add(copy(0, width, height));
        if (components == 3) {
            int chromaWidth = -((-width) >> layout.log2_chroma_w());
            int chromaHeight = -((-height) >> layout.log2_chroma_h());
            planes.add(copy(1, chromaWidth, chromaHeight));
            planes.add(copy(2, chromaWidth, chromaHeight));
            ColourModel colour = frame.color_range() == AVCOL_RANGE_MPEG ? ColourModel.YCBCR_LIMITED
                    : ColourModel.YCBCR_FULL;
            return new DecodedImage(width, height, colour, planes, reduction);
        }
        return new DecodedImage(width, height, ColourModel.GRAY, planes, reduction);
    }

    /**
     * Plane {@code c} of the decoded frame, copied out of FFmpeg's memory in one call into this decoder's reused
     * array: the scaler then reads it in place, each row as often as it needs, where copying rows out one at a time
     * cost a native call and a copy per row read (about twice per row at 1080p).
     */
    private SamplePlane copy(int c, int width, int height) {
        int stride = frame.linesize(c);
        int length = stride * (height - 1) + width;
        if (planeCopies[c] == null || planeCopies[c].length < length) {
            planeCopies[c] = new byte[length];
        }
        frame.data(c).position(0).get(planeCopies[c], 0, length);
        return new SamplePlane.InArray(planeCopies[c], 0, stride, width, height, 1);
    }

    private static String describe(int error) {
        byte[] text = new byte[256];
        av_strerror(error, text, text.length);
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = 0; i < contexts.length; i++) {
            if (contexts[i] != null) {
                avcodec_free_context(contexts[i]);
                contexts[i] = null;
            }
        }
        av_frame_free(frame);
        av_packet_free(packet);
        if (input != null) {
            input.close();
        }
    }
}
