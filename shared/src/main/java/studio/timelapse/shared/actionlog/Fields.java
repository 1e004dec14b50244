package studio.timelapse.shared.actionlog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Turns the caller's {@code "key", value, …} pairs into message fields, keeping eliot's reserved names safe. */
final class Fields {
    private static final Set<String> RESERVED = Set.of(
            LogMessage.TASK_UUID, LogMessage.TASK_LEVEL, LogMessage.TIMESTAMP, LogMessage.ACTION_TYPE,
            LogMessage.ACTION_STATUS, LogMessage.MESSAGE_TYPE, LogMessage.PROCESS);

    private Fields() {}

    static Map<String, Object> of(Object... keyValues) {
        Map<String, Object> fields = new LinkedHashMap<>(Math.max(4, keyValues.length));
        putPairs(fields, keyValues);
        return fields;
    }

    static void putPairs(Map<String, Object> into, Object... keyValues) {
        if (keyValues == null) {
            return;
        }
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            put(into, String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        if (keyValues.length % 2 != 0) {
            // Logging never throws into its caller; the mistake is kept visible in the log instead.
            put(into, "unpaired_field", String.valueOf(keyValues[keyValues.length - 1]));
        }
    }

    static void putAll(Map<String, Object> into, Map<String, ?> fields) {
        if (fields != null) {
            fields.forEach((key, value) -> put(into, key, value));
        }
    }

    /** eliot reserves names starting with '_' and its own fields; a caller's field of such a name is renamed. */
    static void put(Map<String, Object> into, String key, Object value) {
        String safe = key.startsWith("_") || RESERVED.contains(key) ? "user" + (key.startsWith("_") ? "" : "_") + key : key;
        into.put(safe, value);
    }
}
