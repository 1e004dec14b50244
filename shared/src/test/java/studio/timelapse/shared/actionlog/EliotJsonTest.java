package studio.timelapse.shared.actionlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One message, one line of eliot JSON, and back. */
class EliotJsonTest {
    private final EliotJson json = new EliotJson();

    private LogMessage message(Map<String, Object> fields) {
        return new LogMessage("5e0f0000-0000-4000-8000-000000000001", TaskLevel.of(3, 2, 1), 1718000000.11, fields);
    }

    @Test
    void writesEliotsIdentifyingFieldsFirstAndATimestampInPlainDecimals() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("action_type", "studio:http:capture_request");
        fields.put("action_status", "started");
        assertThat(json.toJson(message(fields))).isEqualTo("{\"task_uuid\":\"5e0f0000-0000-4000-8000-000000000001\","
                + "\"task_level\":[3,2,1],\"timestamp\":1718000000.110000,"
                + "\"action_type\":\"studio:http:capture_request\",\"action_status\":\"started\"}");
    }

    @Test
    void aLineEndsWithOneNewlineAndHasNoOther() {
        byte[] line = json.toLine(message(Map.of("text", "two\nlines")));
        String text = new String(line, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).endsWith("}\n");
        assertThat(text.chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }

    @Test
    void valuesJsonCannotHoldAreWrittenAsText() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("nan", Double.NaN);
        fields.put("infinite", Float.POSITIVE_INFINITY);
        fields.put("path", Path.of("/var/lib/timelapse-camera/frames"));
        fields.put("when", Instant.parse("2026-06-21T04:00:00Z"));
        fields.put("maybe", java.util.Optional.of("present"));
        fields.put("nothing", java.util.Optional.empty());
        fields.put("error", new IllegalStateException("boom"));
        fields.put("unserializable", new Object() {
            public Object getSelf() {
                return this; // a cycle: Jackson fails on it
            }

            @Override
            public String toString() {
                return "cyclic thing";
            }
        });
        LogMessage back = json.parse(json.toJson(message(fields)));
        assertThat(back.fields()).containsEntry("nan", "NaN").containsEntry("infinite", "Infinity")
                .containsEntry("path", "/var/lib/timelapse-camera/frames")
                .containsEntry("when", "2026-06-21T04:00:00Z")
                .containsEntry("maybe", "present").containsEntry("nothing", null)
                .containsEntry("error", "java.lang.IllegalStateException: boom")
                .containsEntry("unserializable", "cyclic thing");
    }

    @Test
    void readsAMessageBack() {
        LogMessage back = json.parse(json.toJson(message(Map.of("message_type", "camera:capture:retry", "attempt", 2,
                "sizes", List.of(1, 2)))));
        assertThat(back.taskUuid()).isEqualTo("5e0f0000-0000-4000-8000-000000000001");
        assertThat(back.level()).isEqualTo(TaskLevel.of(3, 2, 1));
        assertThat(back.timestamp()).isEqualTo(1718000000.11);
        assertThat(back.messageType()).contains("camera:capture:retry");
        assertThat(back.fields()).containsEntry("sizes", List.of(1, 2)).doesNotContainKeys("task_uuid", "timestamp");
    }

    @Test
    void refusesLinesThatAreNotEliotMessagesAndSaysWhy() {
        assertThatThrownBy(() -> json.parse("{\"task_uuid\":\"x\",\"task_le")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> json.parse("{\"task_level\":[1],\"timestamp\":1}")).hasMessageContaining("task_uuid");
        assertThatThrownBy(() -> json.parse("{\"task_uuid\":\"x\",\"task_level\":\"/1\",\"timestamp\":1}"))
                .hasMessageContaining("task_level");
        assertThatThrownBy(() -> json.parse("{\"task_uuid\":\"x\",\"task_level\":[1]}")).hasMessageContaining("timestamp");
    }

    @Test
    void taskLevelsSerializeAsInATaskId() {
        assertThat(TaskLevel.of(3, 2).serialize()).isEqualTo("/3/2");
        assertThat(TaskLevel.parse("/3/2")).isEqualTo(TaskLevel.of(3, 2));
        assertThat(TaskLevel.parse("")).isEqualTo(TaskLevel.root());
        assertThatThrownBy(() -> TaskLevel.parse("3/2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskLevel.parse("/3/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskLevel.parse("/0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMalformedTaskIdIsRefusedWithTheReason() {
        try (ActionLog log = ActionLog.builder("camera").build()) {
            assertThatThrownBy(() -> log.continueTask("no-at-sign")).hasMessageContaining("<task_uuid>@/<level>");
            assertThatThrownBy(() -> log.continueTask("uuid@")).hasMessageContaining("reserved child level");
            assertThatThrownBy(() -> log.continueTask("uuid@/a")).hasMessageContaining("not a task level");
            assertThat(log.current()).isEmpty();
        }
    }
}
