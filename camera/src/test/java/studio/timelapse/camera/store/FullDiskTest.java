package studio.timelapse.camera.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import studio.timelapse.shared.refusal.Refusal;

/**
 * A disk that fills up (or fails) at each step of a commit: the frame is not kept, nothing partial or unindexed is
 * left, no sequence number is used, and the error says "disk full" in words the scheduler can show.
 */
class FullDiskTest {
    private static final String ENOSPC = "No space left on device";

    @org.junit.jupiter.api.io.TempDir
    Path home;
    StoreFixture fixture;

    @BeforeEach
    void openStore() throws IOException {
        fixture = new StoreFixture(home);
        fixture.take(2);
    }

    @AfterEach
    void closeStore() throws IOException {
        fixture.close();
    }

    @ParameterizedTest(name = "failing at {0}")
    @ValueSource(strings = {"sync_file", "create_folder", "rename", "sync_folder"})
    void aFullDiskAtAnyFileStepLeavesNoTraceOfTheFrame(String step) throws IOException {
        fixture.files.fail(step, ENOSPC);

        assertThatThrownBy(fixture::takeOne).isInstanceOfSatisfying(DiskFullException.class, e -> {
            assertThat(e.step()).isEqualTo(step);
            assertThat(e.getMessage()).startsWith("the disk is full (").contains("the frame was not kept");
            Refusal refusal = e.refusal();
            assertThat(refusal.code()).isEqualTo("store.disk_full");
            assertThat(refusal.remedy()).isPresent();
        });

        StoreAudit.assertWholeAndGapFree(fixture);
        assertThat(fixture.store.stats().frames()).isEqualTo(2);
        fixture.files.heal();
        assertThat(fixture.takeOne().id().sequence()).as("the number was not used").isEqualTo(3);
        StoreAudit.assertWholeAndGapFree(fixture);
    }

    @Test
    void aFullDiskWhileIndexingUndoesTheRename() throws IOException {
        failInserts("database or disk is full");

        assertThatThrownBy(fixture::takeOne).isInstanceOfSatisfying(DiskFullException.class,
                e -> assertThat(e.step()).isEqualTo("index"));

        StoreAudit.assertWholeAndGapFree(fixture);
        allowInserts();
        assertThat(fixture.takeOne().id().sequence()).isEqualTo(3);
    }

    @Test
    void aNearlyFullDiskCountsAsFullWhateverTheErrorSays() throws IOException {
        fixture.disk.capacity(fixture.disk.used() + 1000);
        fixture.files.fail("rename", "Input/output error");

        assertThatThrownBy(fixture::takeOne).isInstanceOf(DiskFullException.class);

        StoreAudit.assertWholeAndGapFree(fixture);
    }

    @Test
    void anotherDiskErrorIsReportedAsItIsAndAlsoLeavesNoTrace() throws IOException {
        fixture.files.fail("sync_folder", "Input/output error");

        assertThatThrownBy(fixture::takeOne).isInstanceOf(IOException.class)
                .isNotInstanceOf(DiskFullException.class).hasMessageContaining("Input/output error");

        StoreAudit.assertWholeAndGapFree(fixture);
    }

    @Test
    void aFailedCommitIsLoggedAsAFailedActionWithTheReason() {
        fixture.files.fail("rename", ENOSPC);

        assertThatThrownBy(fixture::takeOne).isInstanceOf(DiskFullException.class);

        assertThat(fixture.logged("camera:store:commit")).anySatisfy(m -> {
            assertThat(m.get("action_status")).isEqualTo("failed");
            assertThat(m.get("exception")).isEqualTo(DiskFullException.class.getName());
        });
        assertThat(fixture.logged("eliot:traceback")).as("an expected failure, not a bug").isEmpty();
    }

    private void failInserts(String message) {
        fixture.db.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TRIGGER test_full BEFORE INSERT ON frame BEGIN SELECT RAISE(ABORT, '"
                        + message + "'); END");
            }
            return null;
        });
    }

    private void allowInserts() {
        fixture.db.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TRIGGER test_full");
            }
            return null;
        });
    }
}
