package studio.timelapse.desktop.library;

import static studio.timelapse.desktop.library.schema.Tables.FRAME;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.jooq.Record;
import studio.timelapse.shared.protocol.FrameId;

/** Frame rows to frames and back: the one place that knows how a frame is laid out in its table. */
final class FrameRows {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private FrameRows() {}

    static void requireValid(String sha256, long size, int width, int height) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 is 64 lower-case hex digits, was " + sha256);
        }
        if (size < 0) {
            throw new IllegalArgumentException("a file's size is not negative, was " + size);
        }
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("a frame's size is not negative, was " + width + "x" + height);
        }
    }

    static Frame frame(Record row) {
        String cameraId = row.get(FRAME.CAMERA_ID);
        Optional<FrameId> cameraFrameId = cameraId == null ? Optional.empty()
                : Optional.of(new FrameId(row.get(FRAME.EPOCH), row.get(FRAME.SEQ)));
        Long ingestedAt = row.get(FRAME.INGESTED_AT);
        Optional<Frame.Ingested> ingested = ingestedAt == null ? Optional.empty()
                : Optional.of(new Frame.Ingested(Instant.ofEpochMilli(ingestedAt), row.get(FRAME.MEAN_LUMA),
                        histogram(row.get(FRAME.HISTOGRAM)), exposure(row)));
        return new Frame(row.get(FRAME.ID), row.get(FRAME.ORIGIN_SEQUENCE_ID), Optional.ofNullable(cameraId),
                cameraFrameId, Instant.ofEpochMilli(row.get(FRAME.CAPTURED_AT)), row.get(FRAME.UTC_OFFSET_S),
                row.get(FRAME.SHA256), row.get(FRAME.SIZE), orZero(row.get(FRAME.WIDTH)), orZero(row.get(FRAME.HEIGHT)),
                row.get(FRAME.PATH), row.get(FRAME.REJECTED) != 0, Instant.ofEpochMilli(row.get(FRAME.ADDED_AT)),
                ingested);
    }

    private static Exposure exposure(Record row) {
        Double time = row.get(FRAME.EXPOSURE_TIME_S);
        Double fNumber = row.get(FRAME.F_NUMBER);
        Integer iso = row.get(FRAME.ISO);
        return new Exposure(time == null ? OptionalDouble.empty() : OptionalDouble.of(time),
                fNumber == null ? OptionalDouble.empty() : OptionalDouble.of(fNumber),
                iso == null ? OptionalInt.empty() : OptionalInt.of(iso));
    }

    static Integer dimension(int value) {
        return value == 0 ? null : value;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** 4-byte big-endian counts, as the schema says. */
    static byte[] histogramBytes(int[] bins) {
        ByteBuffer bytes = ByteBuffer.allocate(bins.length * Integer.BYTES);
        bytes.asIntBuffer().put(bins);
        return bytes.array();
    }

    static int[] histogram(byte[] bytes) {
        if (bytes == null) {
            return new int[0];
        }
        int[] bins = new int[bytes.length / Integer.BYTES];
        ByteBuffer.wrap(bytes).asIntBuffer().get(bins);
        return bins;
    }
}
