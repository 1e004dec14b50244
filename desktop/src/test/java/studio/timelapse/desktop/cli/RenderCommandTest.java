package studio.timelapse.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.library.LibraryFixture;
import studio.timelapse.desktop.library.Sequence;
import studio.timelapse.desktop.library.SequenceDefinition;
import studio.timelapse.desktop.sequences.SequenceCatalog;
import studio.timelapse.desktop.sequences.SequenceState;
import studio.timelapse.desktop.sequences.SequenceView;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.lock.Locks;
import studio.timelapse.shared.state.Lifecycle;
import studio.timelapse.shared.state.StateMachine;
import studio.timelapse.shared.state.StateStore;

/** {@code timelapse render --sequence ID}: only an active sequence is rendered; any other is refused up front. */
class RenderCommandTest {
    private static final Instant NOON = Instant.parse("2024-06-21T12:00:00Z");

    @TempDir
    Path home;

    private long imported;

    /** An import of four small real JPEGs (sequence 1). */
    @BeforeEach
    void aLibraryWithAnImport() throws IOException {
        try (LibraryFixture library = LibraryFixture.in(home.resolve("library"))) {
            imported = library.sequences().createImport("card").id();
            for (int i = 0; i < 4; i++) {
                library.importFrame(imported, "f" + i + ".jpg", jpeg(60 + 20 * i), NOON.plusSeconds(60L * i));
            }
        }
    }

    @Test
    void anActiveSequenceRendersToAVideo() {
        CliRunner.Run run = render();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Rendering sequence " + imported, "Video: ");
        assertThat(home.resolve("out.mp4")).isNotEmptyFile();
    }

    @Test
    void anArchivedSequenceIsRefusedWithItsStateAndRemedyAndNothingIsQueued() {
        assertThat(new CliRunner(home).run("sequences", "archive", Long.toString(imported)).exitCode()).isZero();

        CliRunner.Run run = render();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("timelapse render: 'card' (sequence " + imported + ") is archived (state "
                + "archived): only an active sequence is rendered", "-> unarchive it first: timelapse sequences "
                + "unarchive " + imported);
        assertThat(run.out()).doesNotContain("Rendering");
        assertThat(renderJobs()).as("no job was queued for it").isZero();
        assertThat(home.resolve("out.mp4")).doesNotExist();
    }

    @Test
    void aSequenceWhoseDeletionAKilledProcessLeftHalfDoneIsRefused() {
        long defined;
        try (LibraryFixture library = LibraryFixture.in(home.resolve("library"));
                Locks locks = Locks.builder(library.library().database(), library.log().log()).build()) {
            SequenceView view = new SequenceCatalog(library.library(), locks.asLockCheck("test"))
                    .define("all of it", SequenceDefinition.of(List.of(imported)), "test");
            defined = view.id();
            fire(library, view.sequence(), Lifecycle.DELETE, view.state().version());
        }

        CliRunner.Run run = render("--sequence", Long.toString(defined));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("(sequence " + defined + ") is being deleted (state deleting)",
                "-> choose another sequence");
        assertThat(renderJobs()).isZero();
    }

    @Test
    void anUnknownSequenceIsRefused() {
        CliRunner.Run run = render("--sequence", "99");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("The library has no sequence 99");
    }

    private CliRunner.Run render(String... source) {
        String[] what = source.length > 0 ? source : new String[] {"--sequence", Long.toString(imported)};
        String[] args = new String[what.length + 7];
        args[0] = "render";
        System.arraycopy(what, 0, args, 1, what.length);
        System.arraycopy(new String[] {"-o", home.resolve("out.mp4").toString(), "--encoder", "jcodec", "--size",
            "original"}, 0, args, what.length + 1, 6);
        return new CliRunner(home).run(args);
    }

    /**
     * Moves a sequence's lifecycle on without its guards, as a process that stopped midway leaves it: the machine of
     * the sequences package with its lifecycle and none of its rules.
     */
    static void fire(LibraryFixture library, Sequence sequence, String transition, long version) {
        StateMachine<SequenceState, Object> bare = StateMachine.<SequenceState, Object>builder("sequence",
                Lifecycle.of(SequenceState.INITIALISING, SequenceState.ACTIVE, SequenceState.DELETING,
                        SequenceState.DELETED, SequenceState.FAILED)).build();
        new StateStore<>(library.library().database(), library.log().log(), library.clock(), bare)
                .fire(sequence.entityId(), transition, version, new Object(), "a process stopped midway");
    }

    private long renderJobs() {
        try (SqliteDatabase db = SqliteDatabase.open(home.resolve("library/library.sqlite"))) {
            return db.read(connection -> {
                try (ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM job WHERE type = 'studio:render'")) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
        }
    }

    private static byte[] jpeg(int grey) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                int level = grey + ((x / 8 + y / 8) % 2 == 0 ? 8 : -8);
                image.setRGB(x, y, level << 16 | level << 8 | level);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
