package studio.timelapse.desktop.render.encode.x264;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import studio.timelapse.desktop.render.encode.ColourTags;
import studio.timelapse.desktop.render.encode.EncodedStream;
import studio.timelapse.desktop.render.encode.EncoderSettings;
import studio.timelapse.desktop.render.encode.FrameSequence;
import studio.timelapse.desktop.render.encode.RgbToYuv420;
import studio.timelapse.desktop.render.encode.VideoEncoder;
import studio.timelapse.desktop.render.encode.VideoFrame;

/**
 * libx264 through FFmpeg's libraries (avcodec to encode, avformat to write the MP4 with its index first). Frames are
 * converted with our {@link RgbToYuv420}, the same conversion as JCodec's, straight into the encoder's frame.
 */
final class X264LibraryEncoder implements VideoEncoder {
    private final EncoderSettings settings;
    private final Path output;
    private final FrameSequence frames;
    private final RgbToYuv420 converter;
    private final byte[] y;
    private final byte[] u;
    private final byte[] v;
    private AVFormatContext format;
    private AVCodecContext codec;
    private AVStream stream;
    private AVFrame frame;
    private AVPacket packet;

    X264LibraryEncoder(EncoderSettings settings, Path output) throws IOException {
        this.settings = settings;
        this.output = output;
        this.frames = new FrameSequence(settings, output);
        this.converter = new RgbToYuv420(settings.colourSpace(), settings.range());
        this.y = new byte[settings.width() * settings.height()];
        this.u = new byte[settings.width() / 2 * (settings.height() / 2)];
        this.v = new byte[u.length];
        try {
            open();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        String preset = X264Options.preset(settings);
        String file = output.toAbsolutePath().toString();
        format = new AVFormatContext(null);
        check(avformat.avformat_alloc_output_context2(format, null, "mp4", file), "prepare the MP4 file");
        AVCodec x264 = avcodec.avcodec_find_encoder_by_name("libx264");
        if (x264 == null || x264.isNull()) {
            throw new IOException("The FFmpeg libraries have no libx264");
        }
        stream = avformat.avformat_new_stream(format, null);
        codec = avcodec.avcodec_alloc_context3(x264);
        codec.width(settings.width());
        codec.height(settings.height());
        codec.pix_fmt(avutil.AV_PIX_FMT_YUV420P);
        codec.time_base(avutil.av_make_q(settings.frameRate().seconds(), settings.frameRate().frames()));
        codec.framerate(avutil.av_make_q(settings.frameRate().frames(), settings.frameRate().seconds()));
        codec.gop_size(settings.keyFrameInterval());
        codec.thread_count(settings.threads());
        ColourTags colour = ColourTags.of(settings);
        codec.color_primaries(colour.primaries());          // FFmpeg's enums are the H.273 code points
        codec.color_trc(colour.transfer());
        codec.colorspace(colour.matrix());
        codec.color_range(colour.fullRange() ? avutil.AVCOL_RANGE_JPEG : avutil.AVCOL_RANGE_MPEG);
        codec.chroma_sample_location(avutil.AVCHROMA_LOC_LEFT);
        if ((format.oformat().flags() & avformat.AVFMT_GLOBALHEADER) != 0) {
            codec.flags(codec.flags() | avcodec.AV_CODEC_FLAG_GLOBAL_HEADER);   // SPS/PPS in avcC, as MP4 wants
        }
        AVDictionary options = new AVDictionary(null);
        try {
            avutil.av_dict_set(options, "preset", preset, 0);
            avutil.av_dict_set(options, "crf", X264Options.crf(settings.quality()), 0);
            check(avcodec.avcodec_open2(codec, x264, options), "open libx264");
        } finally {
            avutil.av_dict_free(options);
        }
        check(avcodec.avcodec_parameters_from_context(stream.codecpar(), codec), "describe the stream");
        stream.time_base(codec.time_base());
        AVIOContext io = new AVIOContext(null);
        check(avformat.avio_open(io, file, avformat.AVIO_FLAG_WRITE), "create " + output);
        format.pb(io);
        AVDictionary muxerOptions = new AVDictionary(null);
        try {
            avutil.av_dict_set(muxerOptions, "movflags", "+faststart", 0);
            check(avformat.avformat_write_header(format, muxerOptions), "write the MP4 header");
        } finally {
            avutil.av_dict_free(muxerOptions);
        }
        frame = avutil.av_frame_alloc();
        frame.format(avutil.AV_PIX_FMT_YUV420P);
        frame.width(settings.width());
        frame.height(settings.height());
        frame.color_primaries(colour.primaries());
        frame.color_trc(colour.transfer());
        frame.colorspace(colour.matrix());
        frame.color_range(codec.color_range());
        check(avutil.av_frame_get_buffer(frame, 0), "allocate a frame");
        packet = avcodec.av_packet_alloc();
    }

    @Override
    public void encode(VideoFrame input) throws IOException {
        frames.accept(input);
        check(avutil.av_frame_make_writable(frame), "reuse the frame");
        if (input.layout() == VideoFrame.Layout.YUV420) {
            fillPlanes(input.y(), input.u(), input.v());
        } else {
            converter.convert(input, y, u, v);
            fillPlanes(y, u, v);
        }
        frame.pts(input.index());
        check(avcodec.avcodec_send_frame(codec, frame), "encode frame " + input.index());
        writePackets();
    }

    private void fillPlanes(byte[] yPlane, byte[] uPlane, byte[] vPlane) {
        copyPlane(yPlane, 0, settings.width(), settings.height());
        copyPlane(uPlane, 1, settings.width() / 2, settings.height() / 2);
        copyPlane(vPlane, 2, settings.width() / 2, settings.height() / 2);
    }

    private void copyPlane(byte[] plane, int index, int width, int height) {
        BytePointer data = frame.data(index);
        int stride = frame.linesize(index);
        if (stride == width) {
            data.put(plane, 0, width * height);
            return;
        }
        for (int row = 0; row < height; row++) {
            data.position((long) row * stride).put(plane, row * width, width);
        }
        data.position(0);
    }

    /** Moves every packet the encoder has ready into the file. */
    private void writePackets() throws IOException {
        while (true) {
            int result = avcodec.avcodec_receive_packet(codec, packet);
            if (result == avutil.AVERROR_EAGAIN() || result == avutil.AVERROR_EOF) {
                return;
            }
            check(result, "take an encoded frame");
            packet.duration(1);                              // one frame: the MP4 then gives the last frame its time
            avcodec.av_packet_rescale_ts(packet, codec.time_base(), stream.time_base());
            packet.stream_index(stream.index());
            check(avformat.av_interleaved_write_frame(format, packet), "write to " + output);
        }
    }

    @Override
    public EncodedStream finish() throws IOException {
        frames.beginFinishing();
        check(avcodec.avcodec_send_frame(codec, null), "flush libx264");
        writePackets();
        check(avformat.av_write_trailer(format), "complete " + output);
        frames.finished();
        close();
        return new EncodedStream(output, X264LibraryFactory.NAME, settings, frames.count(),
                settings.frameRate().duration(frames.count()), Files.size(output));
    }

    @Override
    public void close() throws IOException {
        boolean discard = frames.close();
        // Each native object is freed once and forgotten: close() may run again (after finish, or from a caller).
        if (packet != null) {
            avcodec.av_packet_free(packet);
            packet = null;
        }
        if (frame != null) {
            avutil.av_frame_free(frame);
            frame = null;
        }
        if (codec != null) {
            avcodec.avcodec_free_context(codec);
            codec = null;
        }
        if (format != null) {
            if (format.pb() != null && !format.pb().isNull()) {
                avformat.avio_closep(format.pb());
            }
            avformat.avformat_free_context(format);
            format = null;
        }
        if (discard) {
            Files.deleteIfExists(output);
        }
    }

    private void check(int result, String doing) throws IOException {
        if (result < 0) {
            throw new IOException("FFmpeg could not " + doing + ": " + FfmpegLibraries.describe(result));
        }
    }
}
