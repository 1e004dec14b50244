package studio.timelapse.shared.actionlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.testing.RecordingLog;

/** Where each message of nested and sibling actions lands in the task tree: eliot's task_level rules. */
class ActionLevelsTest {
    private final RecordingLog recording = new RecordingLog();
    private final ActionLog log = recording.log();

    @AfterEach
    void close() {
        recording.close();
    }

    private List<List<Integer>> levels() {
        return recording.messages().stream().map(m -> m.level().toList()).toList();
    }

    @Test
    void aRootActionLogsItsStartAndEndAtOneAndTwo() {
        try (Action action = log.start("studio:test")) {
            assertThat(action.level()).isEqualTo(TaskLevel.root());
        }
        assertThat(levels()).containsExactly(List.of(1), List.of(2));
        assertThat(recording.messages()).extracting(m -> m.get("action_status")).containsExactly("started", "succeeded");
    }

    @Test
    void messagesAndChildActionsTakeTheNextSlotsOfTheirParent() {
        try (Action root = log.start("studio:sync")) {
            log.message("studio:sync:listed", "frames", 3);
            try (Action child = log.start("studio:sync:download_frame", "sequence", 1)) {
                child.log("studio:sync:retry", "attempt", 2);
                try (Action grandchild = log.start("studio:sync:verify")) {
                    grandchild.addSuccessFields("ok", true);
                }
            }
            try (Action sibling = log.start("studio:sync:download_frame", "sequence", 2)) {
                assertThat(sibling.level()).isEqualTo(TaskLevel.of(4));
            }
            assertThat(root.isFinished()).isFalse();
        }
        assertThat(levels()).containsExactly(
                List.of(1),            // sync started
                List.of(2),            // listed
                List.of(3, 1),         // download_frame 1 started
                List.of(3, 2),         // retry
                List.of(3, 3, 1),      // verify started
                List.of(3, 3, 2),      // verify succeeded
                List.of(3, 4),         // download_frame 1 succeeded
                List.of(4, 1),         // download_frame 2 started
                List.of(4, 2),         // download_frame 2 succeeded
                List.of(5));           // sync succeeded
        assertThat(recording.messages()).extracting(LogMessage::taskUuid).containsOnly(recording.messages().get(0).taskUuid());
    }

    @Test
    void theRebuiltTreeIsCompleteWithTheRightShape() {
        String uuid;
        try (Action root = log.start("studio:sync")) {
            uuid = root.taskUuid();
            try (Action first = log.start("studio:sync:download_frame")) {
                first.log("studio:sync:retry");
            }
            try (Action second = log.start("studio:sync:download_frame")) {
                // no children
            }
        }
        TaskTree tree = recording.tree(uuid);
        assertThat(tree.complete()).isTrue();
        TaskTree.ActionNode root = tree.rootAction().orElseThrow();
        assertThat(root.actionType()).isEqualTo("studio:sync");
        assertThat(root.childActions()).hasSize(2).allSatisfy(child -> assertThat(child.complete()).isTrue());
        assertThat(root.childActions().get(0).children()).singleElement()
                .isInstanceOf(TaskTree.MessageNode.class);
    }

    @Test
    void aMessageOutsideAnyActionStartsATaskOfItsOwn() {
        log.message("camera:button:pressed", "duration_ms", 40);
        log.message("camera:button:pressed", "duration_ms", 900);
        List<LogMessage> messages = recording.messages();
        assertThat(messages).extracting(m -> m.level().toList()).containsExactly(List.of(1), List.of(1));
        assertThat(messages.get(0).taskUuid()).isNotEqualTo(messages.get(1).taskUuid());
        assertThat(messages.get(0).messageType()).contains("camera:button:pressed");
        assertThat(messages.get(0).isAction()).isFalse();
    }

    @Test
    void actionsStartedAfterTheirParentEndedOnThisThreadStartNewTasks() {
        String first;
        try (Action action = log.start("studio:one")) {
            first = action.taskUuid();
        }
        try (Action action = log.start("studio:two")) {
            assertThat(action.taskUuid()).isNotEqualTo(first);
            assertThat(action.level()).isEqualTo(TaskLevel.root());
        }
        assertThat(log.current()).isEmpty();
    }

    @Test
    void startFieldsAppearOnlyOnTheStartAndSuccessFieldsOnlyOnTheSuccess() {
        try (Action action = log.start("camera:capture:frame", "camera", "pi-01", "interval_s", 2.5)) {
            action.addSuccessFields("bytes", 123_456L, "sha256", "ab12");
        }
        List<LogMessage> messages = recording.messagesAsWritten();
        assertThat(messages.get(0).fields()).containsEntry("camera", "pi-01").containsEntry("interval_s", 2.5)
                .doesNotContainKeys("bytes", "sha256");
        assertThat(messages.get(1).fields()).containsEntry("bytes", 123_456).containsEntry("sha256", "ab12")
                .doesNotContainKeys("camera", "interval_s");
        assertThat(messages).allSatisfy(m -> assertThat(m.actionType()).contains("camera:capture:frame"));
    }

    @Test
    void everyMessageNamesItsProcessWithProgramHostAndPid() {
        try (Action action = log.start("studio:test")) {
            action.log("studio:note");
        }
        log.message("studio:loose");
        String expected = "test@testhost:" + ProcessHandle.current().pid();
        assertThat(recording.messages()).hasSize(4).allSatisfy(m -> assertThat(m.get("process")).isEqualTo(expected));
    }

    @Test
    void callerFieldsCannotOverwriteEliotsOwnFields() {
        try (Action action = log.start("studio:test", "task_level", "mine", "_private", 1, "action_status", "x")) {
            action.log("studio:note", "message_type", "forged", "timestamp", 0);
        }
        LogMessage start = recording.messages().get(0);
        assertThat(start.get("action_status")).isEqualTo("started");
        assertThat(start.fields()).containsEntry("user_task_level", "mine").containsEntry("user_private", 1)
                .containsEntry("user_action_status", "x").doesNotContainKey("_private");
        LogMessage note = recording.messages().get(1);
        assertThat(note.messageType()).contains("studio:note");
        assertThat(note.fields()).containsEntry("user_message_type", "forged").containsEntry("user_timestamp", 0);
    }

    @Test
    void anUnpairedFieldIsKeptVisibleInsteadOfThrowing() {
        log.message("studio:note", "alone");
        assertThat(recording.messages().get(0).fields()).containsEntry("unpaired_field", "alone");
    }

    @Test
    void aMessageOrChildAfterTheEndBecomesATaskOfItsOwnThatNamesTheAction() {
        Action action = log.start("studio:sync");
        ProgressReporter progress = action.progress(2, "frames");
        progress.advance(1);
        action.close();
        action.log("studio:sync:late");
        progress.advance(1); // the final count, logged after the end
        try (Action child = action.startChild("studio:sync:straggler")) {
            child.log("studio:sync:inside_straggler");
        }
        String expected = action.taskUuid() + "@";
        assertThat(recording.tree(action.taskUuid()).complete()).as("the ended task stays complete").isTrue();
        List<LogMessage> late = recording.messages().stream().filter(m -> !m.taskUuid().equals(action.taskUuid()))
                .toList();
        assertThat(late).extracting(LogMessage::type).containsExactly("studio:sync:late", "progress",
                "studio:sync:straggler", "studio:sync:inside_straggler", "studio:sync:straggler");
        assertThat(late.subList(0, 3)).allSatisfy(m -> assertThat(m.get("late_for")).isEqualTo(expected));
        assertThat(recording.trees().values()).allSatisfy(tree -> assertThat(tree.complete()).isTrue());
    }

    @Test
    void closingTwiceOrAfterSucceedLogsOneEnd() {
        Action action = log.start("studio:test");
        action.succeed();
        action.close();
        action.close();
        assertThat(recording.messages()).hasSize(2);
    }
}
