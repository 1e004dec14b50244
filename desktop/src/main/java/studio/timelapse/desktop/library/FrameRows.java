package studio.timelapse.desktop.library;

import static studio.timelapse.desktop.library.schema.Tables.FRAME;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.exception.DataAccessException;
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

    /** The columns {@link #frames} reads, in this order: every column a {@link Frame} shows. */
    static final List<Field<?>> COLUMNS = List.of(FRAME.ID, FRAME.ORIGIN_SEQUENCE_ID, FRAME.CAMERA_ID, FRAME.EPOCH,
            FRAME.SEQ, FRAME.CAPTURED_AT, FRAME.UTC_OFFSET_S, FRAME.SHA256, FRAME.SIZE, FRAME.WIDTH, FRAME.HEIGHT,
            FRAME.PATH, FRAME.REJECTED, FRAME.ADDED_AT, FRAME.INGESTED_AT, FRAME.MEAN_LUMA, FRAME.HISTOGRAM,
            FRAME.EXPOSURE_TIME_S, FRAME.F_NUMBER, FRAME.ISO);

    /** The frames a query of {@link #COLUMNS} finds, in its order. */
    static List<Frame> frames(ResultQuery<? extends Record> query) {
        return read(query, FrameRows::frame);
    }

    static Optional<Frame> first(ResultQuery<? extends Record> query) {
        return frames(query).stream().findFirst();
    }

    /** How one row of a result set becomes a value, read by column position. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * The rows of a query read straight from JDBC's result set by column position: listing a sequence of 100,000
     * frames spent most of its time making jOOQ records and finding fields in them (see docs/benchmarks.md).
     */
    static <T> List<T> read(ResultQuery<? extends Record> query, RowReader<T> reader) {
        try (ResultSet rows = query.fetchResultSet()) {
            List<T> read = new ArrayList<>();
            while (rows.next()) {
                read.add(reader.read(rows));
            }
            return read;
        } catch (SQLException e) {
            throw new DataAccessException("reading frames: " + e.getMessage(), e);
        }
    }

    private static Frame frame(ResultSet row) throws SQLException {
        String cameraId = row.getString(3);
        Optional<FrameId> cameraFrameId = cameraId == null ? Optional.empty()
                : Optional.of(new FrameId(row.getString(4), row.getLong(5)));
        long ingestedAt = row.getLong(15);
        Optional<Frame.Ingested> ingested = row.wasNull() ? Optional.empty()
                : Optional.of(new Frame.Ingested(Instant.ofEpochMilli(ingestedAt), row.getDouble(16),
                        histogram(row.getBytes(17)), exposure(row)));
        return new Frame(row.getLong(1), row.getLong(2), Optional.ofNullable(cameraId), cameraFrameId,
                Instant.ofEpochMilli(row.getLong(6)), row.getInt(7), row.getString(8), row.getLong(9), row.getInt(10),
                row.getInt(11), row.getString(12), row.getInt(13) != 0, Instant.ofEpochMilli(row.getLong(14)),
                ingested);
    }

    private static Exposure exposure(ResultSet row) throws SQLException {
        double time = row.getDouble(18);
        OptionalDouble timeSeconds = row.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(time);
        double fNumber = row.getDouble(19);
        OptionalDouble aperture = row.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(fNumber);
        int iso = row.getInt(20);
        return new Exposure(timeSeconds, aperture, row.wasNull() ? OptionalInt.empty() : OptionalInt.of(iso));
    }

    static Integer dimension(int value) {
        return value == 0 ? null : value;
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
