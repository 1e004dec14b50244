package studio.timelapse.desktop.render.encode.x264;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import studio.timelapse.desktop.render.encode.ColourTags;
import studio.timelapse.desktop.render.encode.EncodedStream;
import studio.timelapse.desktop.render.encode.EncoderSettings;
import studio.timelapse.desktop.render.encode.FrameSequence;
import studio.timelapse.desktop.render.encode.RgbToYuv420;
import studio.timelapse.desktop.render.encode.VideoEncoder;
import studio.timelapse.desktop.render.encode.VideoFrame;

/**
 * One {@code ffmpeg} process per stream, reading raw YUV 4:2:0 frames on its standard input (converted by us, half the
 * bytes of RGB and the same colours as the other encoders) and writing the MP4. Its standard error is kept (the last
 * 16 KiB) to explain a failure.
 */
final class X264ProgramEncoder implements VideoEncoder {
    private static final int STDERR_KEPT = 16 * 1024;

    private final EncoderSettings settings;
    private final Path output;
    private final Process process;
    private final OutputStream frames;
    private final Thread stderrReader;
    private final StringBuilder stderr = new StringBuilder();
    private final FrameSequence sequence;
    private final RgbToYuv420 converter;
    private final byte[] y;
    private final byte[] u;
    private final byte[] v;

    private X264ProgramEncoder(EncoderSettings settings, Path output, Process process) {
        this.settings = settings;
        this.output = output;
        this.process = process;
        this.frames = new BufferedOutputStream(process.getOutputStream(), 1 << 20);
        this.sequence = new FrameSequence(settings, output);
        this.converter = new RgbToYuv420(settings.colourSpace(), settings.range());
        this.y = new byte[settings.width() * settings.height()];
        this.u = new byte[settings.width() / 2 * (settings.height() / 2)];
        this.v = new byte[u.length];
        this.stderrReader = new Thread(this::keepStderr, "ffmpeg-stderr-" + output.getFileName());
        stderrReader.setDaemon(true);
        stderrReader.start();
    }

    static X264ProgramEncoder start(Path ffmpeg, EncoderSettings settings, Path output) throws IOException {
        Process process = new ProcessBuilder(command(ffmpeg, settings, output))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return new X264ProgramEncoder(settings, output, process);
    }

    static List<String> command(Path ffmpeg, EncoderSettings settings, Path output) {
        ColourTags colour = ColourTags.of(settings);
        String rate = settings.frameRate().frames() + "/" + settings.frameRate().seconds();
        List<String> colourOptions = List.of("-color_primaries", "bt709", "-color_trc", "bt709",
                "-colorspace", X264Options.matrixName(colour), "-color_range", X264Options.rangeName(colour));
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-y",
                "-f", "rawvideo", "-pix_fmt", "yuv420p", "-video_size", settings.width() + "x" + settings.height(),
                "-framerate", rate));
        command.addAll(colourOptions);                       // what the raw input is …
        command.addAll(List.of("-i", "pipe:0",
                "-c:v", "libx264", "-preset", X264Options.preset(settings), "-crf", X264Options.crf(settings.quality()),
                "-g", Integer.toString(settings.keyFrameInterval()), "-pix_fmt", "yuv420p",
                "-chroma_sample_location", "left"));
        command.addAll(colourOptions);                       // … and what the stream says it is
        if (settings.threads() > 0) {
            command.addAll(List.of("-threads", Integer.toString(settings.threads())));
        }
        command.addAll(List.of("-movflags", "+faststart", "-f", "mp4", output.toAbsolutePath().toString()));
        return command;
    }

    @Override
    public void encode(VideoFrame frame) throws IOException {
        sequence.accept(frame);
        try {
            if (frame.layout() == VideoFrame.Layout.YUV420) {
                write(frame.y(), frame.u(), frame.v());
            } else {
                converter.convert(frame, y, u, v);
                write(y, u, v);
            }
        } catch (IOException e) {
            throw failed("stopped taking frames at frame " + frame.index(), e);
        }
    }

    private void write(byte[] yPlane, byte[] uPlane, byte[] vPlane) throws IOException {
        frames.write(yPlane, 0, y.length);
        frames.write(uPlane, 0, u.length);
        frames.write(vPlane, 0, v.length);
    }

    @Override
    public EncodedStream finish() throws IOException {
        sequence.beginFinishing();
        try {
            frames.close();
            process.waitFor();
            stderrReader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Interrupted while ffmpeg finished " + output);
        } catch (IOException e) {
            throw failed("failed while finishing", e);
        }
        if (process.exitValue() != 0) {
            throw failed("ended with exit code " + process.exitValue(), null);
        }
        sequence.finished();
        close();
        return new EncodedStream(output, X264ProgramFactory.NAME, settings, sequence.count(),
                settings.frameRate().duration(sequence.count()), Files.size(output));
    }

    @Override
    public void close() throws IOException {
        if (sequence.close()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Files.deleteIfExists(output);
        }
    }

    private IOException failed(String what, IOException cause) {
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            stderrReader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String said;
        synchronized (stderr) {
            said = stderr.toString().strip();
        }
        return new IOException("ffmpeg " + what + " writing " + output + (said.isEmpty() ? "" : ": " + said), cause);
    }

    private void keepStderr() {
        try (InputStream in = process.getErrorStream()) {
            byte[] buffer = new byte[4096];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                synchronized (stderr) {
                    stderr.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                    if (stderr.length() > STDERR_KEPT) {
                        stderr.delete(0, stderr.length() - STDERR_KEPT);
                    }
                }
            }
        } catch (IOException e) {
            // The process is gone; what it said so far is kept.
        }
    }
}
