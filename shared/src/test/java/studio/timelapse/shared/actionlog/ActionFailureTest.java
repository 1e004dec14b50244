package studio.timelapse.shared.actionlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.testing.RecordingLog;

/** A failed action: the traceback message, then the failed end with the exception's class and reason. */
class ActionFailureTest {
    private final RecordingLog recording = new RecordingLog();
    private final ActionLog log = recording.log();

    @AfterEach
    void close() {
        recording.close();
    }

    static final class CaptureTimeout extends Exception {
        CaptureTimeout(String message) {
            super(message);
        }
    }

    @Test
    void failLogsATracebackThenTheFailedEnd() {
        CaptureTimeout thrown = null;
        try (Action action = log.start("camera:capture:frame", "attempt", 1)) {
            try {
                throw new CaptureTimeout("no frame within 2000 ms");
            } catch (CaptureTimeout e) {
                thrown = action.fail(e);
            }
        }
        List<LogMessage> messages = recording.messages();
        assertThat(messages).hasSize(3);

        LogMessage traceback = messages.get(1);
        assertThat(traceback.level().toList()).containsExactly(2);
        assertThat(traceback.messageType()).contains("eliot:traceback");
        assertThat(traceback.get("exception")).isEqualTo(CaptureTimeout.class.getName());
        assertThat(traceback.get("reason")).isEqualTo("no frame within 2000 ms");
        assertThat((String) traceback.get("traceback")).contains("CaptureTimeout: no frame within 2000 ms")
                .contains("failLogsATracebackThenTheFailedEnd");

        LogMessage end = messages.get(2);
        assertThat(end.level().toList()).containsExactly(3);
        assertThat(end.actionStatus()).contains(ActionStatus.FAILED);
        assertThat(end.actionType()).contains("camera:capture:frame");
        assertThat(end.fields()).containsEntry("exception", CaptureTimeout.class.getName())
                .containsEntry("reason", "no frame within 2000 ms")
                .doesNotContainKeys("traceback", "attempt");
        assertThat(thrown).isNotNull();
        assertThat(recording.tree(end.taskUuid()).complete()).isTrue();
    }

    @Test
    void successFieldsAreNotLoggedOnFailure() {
        try (Action action = log.start("studio:test")) {
            action.addSuccessFields("bytes", 10);
            action.fail(new IllegalStateException("disk full"));
        }
        assertThat(recording.messages().get(2).fields()).doesNotContainKey("bytes");
    }

    @Test
    void anExceptionWithoutAMessageHasAnEmptyReason() {
        try (Action action = log.start("studio:test")) {
            action.fail(new NullPointerException());
        }
        assertThat(recording.messages().get(2).get("reason")).isEqualTo("");
    }

    @Test
    void runFailsTheActionWithWhatTheBodyThrowsAndRethrowsIt() {
        assertThatThrownBy(() -> log.run("studio:import", Map.of("folder", "/media/sd"), action -> {
            action.log("studio:import:file", "name", "IMG_0001.JPG");
            throw new IOException("card removed");
        })).isInstanceOf(IOException.class).hasMessage("card removed");

        List<LogMessage> messages = recording.messages();
        assertThat(messages).extracting(LogMessage::type)
                .containsExactly("studio:import", "studio:import:file", "eliot:traceback", "studio:import");
        assertThat(messages.get(3).actionStatus()).contains(ActionStatus.FAILED);
        assertThat(log.current()).isEmpty();
    }

    @Test
    void callReturnsTheValueAndSucceeds() throws Exception {
        int frames = log.call("studio:count", Map.of(), action -> {
            action.addSuccessFields("frames", 41);
            return 41;
        });
        assertThat(frames).isEqualTo(41);
        assertThat(recording.messages().get(1).actionStatus()).contains(ActionStatus.SUCCEEDED);
        assertThat(recording.messages().get(1).get("frames")).isEqualTo(41);
    }

    @Test
    void errorsFailTheActionToo() {
        assertThatThrownBy(() -> log.run("studio:render", Map.of(), action -> {
            throw new OutOfMemoryError("Java heap space");
        })).isInstanceOf(OutOfMemoryError.class);
        assertThat(recording.messages().get(2).get("exception")).isEqualTo("java.lang.OutOfMemoryError");
    }

    @Test
    void anExpectedFailureEndsTheActionWithoutATraceback() {
        final class Refused extends RuntimeException implements ExpectedFailure {
            Refused() {
                super("Camera is offline since 14:02");
            }
        }
        try (Action action = log.start("studio:camera:start_capture")) {
            action.fail(new Refused());
        }
        assertThat(recording.messages()).extracting(LogMessage::type)
                .containsExactly("studio:camera:start_capture", "studio:camera:start_capture");
        assertThat(recording.messages().get(1).fields()).containsEntry("reason", "Camera is offline since 14:02");
        assertThat(recording.tree(recording.messages().get(0).taskUuid()).complete()).isTrue();
    }

    @Test
    void aFailureAfterTheEndChangesNothing() {
        Action action = log.start("studio:test");
        action.close();
        action.fail(new IllegalStateException("late"));
        assertThat(recording.messages()).hasSize(2);
    }
}
