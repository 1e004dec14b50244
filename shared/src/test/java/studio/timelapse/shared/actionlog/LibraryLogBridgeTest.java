package studio.timelapse.shared.actionlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.timelapse.shared.actionlog.slf4j.LibraryLogBridge;
import studio.timelapse.shared.testing.RecordingLog;

/** Libraries' SLF4J records (Jetty, Javalin, …) arrive as messages of the current action. */
class LibraryLogBridgeTest {
    private final RecordingLog recording = new RecordingLog();
    private final AutoCloseable route = LibraryLogBridge.route(recording.log());
    private final Logger jetty = LoggerFactory.getLogger("org.eclipse.jetty.server.Server");

    @AfterEach
    void close() throws Exception {
        route.close();
        recording.close();
    }

    @Test
    void aLibraryRecordBecomesAMessageOfTheCurrentAction() {
        String uuid;
        try (Action action = recording.log().start("camera:api:serve")) {
            uuid = action.taskUuid();
            jetty.info("Started {} on port {}", "Server@1a2b", 8443);
        }
        LogMessage record = recording.ofType(LibraryLogBridge.MESSAGE_TYPE).get(0);
        assertThat(record.taskUuid()).isEqualTo(uuid);
        assertThat(record.level()).isEqualTo(TaskLevel.of(2));
        assertThat(record.fields()).containsEntry("log_level", "INFO")
                .containsEntry("logger", "org.eclipse.jetty.server.Server")
                .containsEntry("message", "Started Server@1a2b on port 8443");
    }

    @Test
    void aRecordOutsideAnyActionIsATaskOfItsOwn() {
        jetty.warn("Low on threads");
        LogMessage record = recording.ofType(LibraryLogBridge.MESSAGE_TYPE).get(0);
        assertThat(record.level()).isEqualTo(TaskLevel.of(1));
        assertThat(record.get("log_level")).isEqualTo("WARN");
    }

    @Test
    void aRecordWithAnExceptionCarriesItsClassReasonAndTrace() {
        jetty.error("Request failed", new java.io.EOFException("early EOF"));
        LogMessage record = recording.ofType(LibraryLogBridge.MESSAGE_TYPE).get(0);
        assertThat(record.fields()).containsEntry("exception", "java.io.EOFException").containsEntry("reason", "early EOF");
        assertThat((String) record.get("traceback")).contains("EOFException");
    }

    @Test
    void debugRecordsAreLeftOutByDefault() {
        jetty.debug("noisy detail");
        assertThat(jetty.isDebugEnabled()).isFalse();
        assertThat(recording.ofType(LibraryLogBridge.MESSAGE_TYPE)).isEmpty();
    }

    @Test
    void afterTheRouteIsClosedRecordsNoLongerReachTheLog() throws Exception {
        route.close();
        jetty.info("after close");
        assertThat(recording.messages()).isEmpty();
    }
}
