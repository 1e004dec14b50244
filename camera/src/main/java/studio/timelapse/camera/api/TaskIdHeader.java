package studio.timelapse.camera.api;

import java.util.regex.Pattern;

/**
 * The {@code X-Eliot-Task-Id} header: eliot's serialized task id, {@code <task_uuid>@/<level>/<level>…}. Checked
 * strictly before the log continues the task, so that a malformed value is answered 400 and never becomes part of
 * someone's task.
 */
final class TaskIdHeader {
    /** Long enough for any real nesting, short enough that nobody fills the log with one header. */
    static final int MAX_LENGTH = 400;

    private static final Pattern SERIALIZED = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@(/[1-9][0-9]{0,8})+");

    private TaskIdHeader() {}

    static boolean wellFormed(String value) {
        return value.length() <= MAX_LENGTH && SERIALIZED.matcher(value).matches();
    }

    /** What to put in the log of a malformed value: no more than {@link #MAX_LENGTH} characters. */
    static String forLog(String value) {
        return value.length() <= MAX_LENGTH ? value : value.substring(0, MAX_LENGTH) + "…";
    }
}
