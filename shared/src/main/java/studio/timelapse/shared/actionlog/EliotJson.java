package studio.timelapse.shared.actionlog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads action-log lines in eliot's JSON format. Writing never throws: a field value that cannot be
 * serialized is written as its {@code toString()}.
 */
public final class EliotJson {
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private final ObjectMapper mapper;
    private final JsonFactory factory;

    public EliotJson() {
        SimpleModule plainStrings = new SimpleModule("action-log-values")
                .addSerializer(Path.class, ToStringSerializer.instance);
        this.mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new Jdk8Module())
                .registerModule(plainStrings)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        this.factory = mapper.getFactory();
    }

    /** One complete line, newline included, as UTF-8. */
    public byte[] toLine(LogMessage message) {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(256);
                JsonGenerator out = factory.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringField(LogMessage.TASK_UUID, message.taskUuid());
            out.writeFieldName(LogMessage.TASK_LEVEL);
            out.writeStartArray();
            for (int i = 0; i < message.level().depth(); i++) {
                out.writeNumber(message.level().slot(i));
            }
            out.writeEndArray();
            out.writeFieldName(LogMessage.TIMESTAMP);
            out.writeNumber(formatTimestamp(message.timestamp()));
            for (Map.Entry<String, Object> field : message.fields().entrySet()) {
                out.writeFieldName(field.getKey());
                writeValue(out, field.getValue());
            }
            out.writeEndObject();
            out.flush();
            bytes.append('\n');
            return bytes.toByteArray();
        } catch (IOException e) {
            // Only an in-memory buffer is involved; this cannot happen short of a Jackson bug.
            throw new UncheckedIOException(e);
        }
    }

    public String toJson(LogMessage message) {
        byte[] line = toLine(message);
        return new String(line, 0, line.length - 1, java.nio.charset.StandardCharsets.UTF_8);
    }

    private void writeValue(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double d && Double.isFinite(d)) {
            out.writeNumber(d);
        } else if (value instanceof Float f && Float.isFinite(f)) {
            out.writeNumber(f);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else {
            out.writeRawValue(serializeOrDescribe(value));
        }
    }

    /** Serializes with Jackson first, so that a failing value cannot leave the line half written. */
    private String serializeOrDescribe(Object value) {
        if (value instanceof Double || value instanceof Float) {
            // NaN and infinities are not JSON; eliot would write them as bare words that other tools reject.
            return quote(value.toString());
        }
        if (value instanceof Throwable t) {
            return quote(t.getClass().getName() + ": " + t.getMessage());
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException | RuntimeException e) {
            return quote(String.valueOf(value));
        }
    }

    private String quote(String text) {
        try {
            return mapper.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seconds since the epoch with microseconds, written plainly (never in exponent form). */
    static String formatTimestamp(double seconds) {
        long micros = Math.round(seconds * 1_000_000d);
        long whole = Math.floorDiv(micros, 1_000_000L);
        long fraction = Math.floorMod(micros, 1_000_000L);
        String digits = Long.toString(fraction);
        return whole + "." + "000000".substring(digits.length()) + digits;
    }

    /**
     * Reads one line back. Throws {@link IllegalArgumentException} for a line that is not an eliot message, with
     * the reason.
     */
    public LogMessage parse(String line) {
        Map<String, Object> fields;
        try {
            fields = mapper.readValue(line, MAP);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
        if (fields == null) {
            throw new IllegalArgumentException("not a JSON object: null");
        }
        Object uuid = fields.remove(LogMessage.TASK_UUID);
        Object level = fields.remove(LogMessage.TASK_LEVEL);
        Object timestamp = fields.remove(LogMessage.TIMESTAMP);
        if (!(uuid instanceof String taskUuid)) {
            throw new IllegalArgumentException("no task_uuid string");
        }
        if (!(level instanceof List<?> path) || !path.stream().allMatch(Integer.class::isInstance)) {
            throw new IllegalArgumentException("no task_level array of integers");
        }
        if (!(timestamp instanceof Number time)) {
            throw new IllegalArgumentException("no numeric timestamp");
        }
        @SuppressWarnings("unchecked")
        List<Integer> slots = (List<Integer>) path;
        return new LogMessage(taskUuid, TaskLevel.of(slots), time.doubleValue(), fields);
    }

    /** Field values as JSON would give them back (numbers, strings, lists, maps): what a reader of the log sees. */
    public Object toJsonValue(Object value) {
        return mapper.convertValue(value, Object.class);
    }
}
