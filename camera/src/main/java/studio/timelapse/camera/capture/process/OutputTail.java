package studio.timelapse.camera.capture.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Drains one output stream of a child on its own thread, keeping the last {@code limit} bytes. */
final class OutputTail {
    private final byte[] buffer;
    private int length;
    private boolean truncated;
    private final Thread reader;

    OutputTail(InputStream stream, int limit, String threadName) {
        this.buffer = new byte[limit];
        this.reader = new Thread(() -> drain(stream), threadName);
        reader.setDaemon(true);
        reader.start();
    }

    private void drain(InputStream stream) {
        byte[] chunk = new byte[8192];
        try (stream) {
            for (int read = stream.read(chunk); read >= 0; read = stream.read(chunk)) {
                append(chunk, read);
            }
        } catch (IOException e) {
            // The stream closes when the child is killed; what was read so far is what there is.
        }
    }

    private synchronized void append(byte[] chunk, int count) {
        if (count >= buffer.length) {
            System.arraycopy(chunk, count - buffer.length, buffer, 0, buffer.length);
            length = buffer.length;
            truncated = true;
            return;
        }
        int overflow = length + count - buffer.length;
        if (overflow > 0) {
            System.arraycopy(buffer, overflow, buffer, 0, length - overflow);
            length -= overflow;
            truncated = true;
        }
        System.arraycopy(chunk, 0, buffer, length, count);
        length += count;
    }

    /** Waits up to {@code millis} for the stream to end (a grandchild may hold it open), then returns the text. */
    String await(long millis) throws InterruptedException {
        reader.join(millis);
        synchronized (this) {
            ByteArrayOutputStream text = new ByteArrayOutputStream(length + 16);
            if (truncated) {
                text.writeBytes("…".getBytes(StandardCharsets.UTF_8));
            }
            text.write(buffer, 0, length);
            return text.toString(StandardCharsets.UTF_8);
        }
    }
}
