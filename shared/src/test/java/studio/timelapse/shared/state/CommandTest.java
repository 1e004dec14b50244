package studio.timelapse.shared.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static studio.timelapse.shared.state.CameraMachine.allMet;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.db.DatabaseException;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;
import studio.timelapse.shared.state.CameraMachine.CameraFacts;
import studio.timelapse.shared.state.CameraMachine.CameraState;

/**
 * The one way a command is checked: its input is validated, then permission, state and guards are checked, and
 * only then does anything change — the transition and the command's own change, in one transaction.
 */
class CommandTest {
    @TempDir
    Path folder;

    private CameraStore cameras;
    private StateStore<CameraState, CameraFacts> store;
    private EntityState<CameraState> online;

    /** Renames a camera: input to validate, and a change of its own beside the transition. */
    record Rename(String title) implements Command {
        @Override
        public String transition() {
            return "rename";
        }

        @Override
        public List<Refusal> validate() {
            List<Refusal> mistakes = new ArrayList<>();
            if (title.isBlank()) {
                mistakes.add(invalid("camera.title_blank", "A camera needs a title"));
            }
            if (title.length() > 40) {
                mistakes.add(invalid("camera.title_long", "A title has at most 40 characters"));
            }
            if (title.contains("/")) {
                mistakes.add(invalid("camera.title_slash", "A title cannot contain /"));
            }
            return mistakes;
        }

        @Override
        public void apply(Connection connection, EntityState<?> after) throws SQLException {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT OR REPLACE INTO camera_title (camera_id, title) VALUES (?, ?)")) {
                upsert.setString(1, after.entityId());
                upsert.setString(2, title);
                upsert.executeUpdate();
            }
        }

        private static Refusal invalid(String code, String reason) {
            return Refusal.of(Refusal.Kind.INVALID, code, reason).withDetails(Map.of("field", "title"));
        }
    }

    @BeforeEach
    void open() {
        cameras = new CameraStore(folder.resolve("studio.sqlite"));
        store = cameras.store;
        cameras.db.write(connection -> connection.createStatement()
                .executeUpdate("CREATE TABLE camera_title (camera_id TEXT PRIMARY KEY, title TEXT NOT NULL)"));
        online = cameras.online("cam-7");
    }

    @AfterEach
    void close() {
        cameras.close();
    }

    @Test
    void invalidInputIsRefusedWithEveryMistakeBeforeAnythingElseIsChecked() {
        CameraFacts asViewer = new CameraFacts("cam-7", CameraMachine.viewer(), 0, 1);
        String tooLongWithSlash = "north/" + "x".repeat(40);

        assertThatThrownBy(() -> store.execute("cam-7", new Rename(tooLongWithSlash), online.version(), asViewer,
                "typed a title"))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.refusals()).extracting(Refusal::code)
                            .containsExactly("camera.title_long", "camera.title_slash");
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
        assertNothingChanged();
    }

    @Test
    void validInputIsStillPermissionCheckedAndGuarded() {
        CameraFacts asViewer = new CameraFacts("cam-7", CameraMachine.viewer(), 0, 1);

        assertThatThrownBy(() -> store.execute("cam-7", new Rename("North field"), online.version(), asViewer,
                "typed a title"))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.refusals()).extracting(Refusal::code).containsExactly("permission.missing");
                    assertThat(e.httpStatus()).isEqualTo(403);
                });
        assertNothingChanged();
    }

    @Test
    void theCommandsOwnChangeIsMadeWithTheTransition() {
        EntityState<CameraState> renamed = store.execute("cam-7", new Rename("North field"), online.version(),
                allMet(), "typed a title");

        assertThat(renamed.version()).isEqualTo(online.version() + 1);
        assertThat(title()).contains("North field");
        assertThat(store.history("cam-7")).last().extracting(HistoryEntry::transition).isEqualTo("rename");
    }

    @Test
    void whenTheCommandsOwnChangeFailsTheTransitionIsUndoneToo() {
        cameras.db.write(connection -> connection.createStatement().executeUpdate("DROP TABLE camera_title"));

        assertThatThrownBy(() -> store.execute("cam-7", new Rename("North field"), online.version(), allMet(),
                "typed a title")).isInstanceOf(DatabaseException.class).hasMessageContaining("camera_title");
        assertThat(store.current("cam-7")).contains(online);
        assertThat(store.history("cam-7")).hasSize(4);
    }

    private void assertNothingChanged() {
        assertThat(store.current("cam-7")).contains(online);
        assertThat(store.history("cam-7")).hasSize(4);
        assertThat(title()).isEmpty();
    }

    private Optional<String> title() {
        return cameras.db.read(connection -> {
            try (ResultSet row = connection.createStatement()
                    .executeQuery("SELECT title FROM camera_title WHERE camera_id = 'cam-7'")) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        });
    }
}
