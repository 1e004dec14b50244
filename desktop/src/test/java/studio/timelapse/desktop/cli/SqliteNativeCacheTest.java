package studio.timelapse.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.testing.ChildJvm;

/**
 * sqlite-jdbc's native library is extracted once into the launcher's folder and loaded from there by every later
 * process, instead of copied into the temporary folder at every start; where the folder cannot be used, sqlite-jdbc
 * does what it does by default.
 */
class SqliteNativeCacheTest {
    private static final ClassLoader LOADER = SqliteNativeCacheTest.class.getClassLoader();

    @TempDir
    Path temp;

    @Test
    void theFirstUseExtractsTheJarsLibraryWholeIntoAFolderNamedAfterTheJar() throws Exception {
        Path library = new SqliteNativeCache(temp.resolve("cache"), LOADER).prepare().orElseThrow();

        assertThat(library.getParent().getParent()).isEqualTo(temp.resolve("cache"));
        assertThat(library.getParent().getFileName().toString()).startsWith("sqlite-jdbc-");
        assertThat(Files.readAllBytes(library)).isEqualTo(jarsLibrary());
        try (Stream<Path> files = Files.list(library.getParent())) {
            assertThat(files).containsExactly(library);                       // no partial copy left behind
        }
    }

    @Test
    void laterUsesFindTheCopyAndLeaveItAlone() throws Exception {
        SqliteNativeCache cache = new SqliteNativeCache(temp.resolve("cache"), LOADER);
        Path first = cache.prepare().orElseThrow();
        Files.setLastModifiedTime(first, java.nio.file.attribute.FileTime.fromMillis(0));

        Path again = cache.prepare().orElseThrow();

        assertThat(again).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(again).toMillis()).isZero();
    }

    @Test
    void processesStartingAtOnceEachGetTheWholeLibrary() throws Exception {
        Path folder = temp.resolve("cache");
        ExecutorService starts = Executors.newFixedThreadPool(4);
        try {
            List<Future<Optional<Path>>> copies = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Optional<Path>> start = () -> new SqliteNativeCache(folder, LOADER).prepare();
                copies.add(starts.submit(start));
            }
            byte[] expected = jarsLibrary();
            for (Future<Optional<Path>> copy : copies) {
                assertThat(Files.readAllBytes(copy.get().orElseThrow())).isEqualTo(expected);
            }
        } finally {
            starts.shutdownNow();
        }
    }

    @Test
    void aFolderThatCannotBeMadeLeavesSqliteToItsDefault() throws Exception {
        Path notAFolder = Files.writeString(temp.resolve("a-file"), "in the way");

        assertThat(new SqliteNativeCache(notAFolder, LOADER).prepare()).isEmpty();
    }

    @Test
    void aDriverNotLoadedFromAJarIsLeftAlone() {
        ClassLoader noDriver = new ClassLoader(null) {};

        assertThat(new SqliteNativeCache(temp.resolve("cache"), noDriver).prepare()).isEmpty();
        assertThat(temp.resolve("cache")).doesNotExist();
    }

    @Test
    void aProcessGivenTheFolderOpensDatabasesWithoutExtractingAnything() throws Exception {
        Path cache = temp.resolve("cache");
        for (String run : List.of("first", "second")) {
            assertThat(openADatabaseInAChild(cache, temp.resolve("tmp-" + run)))
                    .as(run + " run").isEqualTo("opened, extracted into the temporary folder: 0");
        }
    }

    @Test
    void withoutAUsableFolderSqliteExtractsIntoTheTemporaryFolderAsBefore() throws Exception {
        Path notAFolder = Files.writeString(temp.resolve("a-file"), "in the way");

        assertThat(openADatabaseInAChild(notAFolder, temp.resolve("tmp")))
                .isEqualTo("opened, extracted into the temporary folder: 1");
    }

    private String openADatabaseInAChild(Path cache, Path tmp) throws Exception {
        Files.createDirectories(tmp);
        try (ChildJvm child = ChildJvm.start(OpenADatabase.class, Map.of(), cache.toString(), tmp.toString(),
                temp.resolve("db-" + tmp.getFileName() + ".sqlite").toString())) {
            String line = child.awaitLine("opened", Duration.ofSeconds(60));
            assertThat(child.awaitExit(Duration.ofSeconds(60))).isZero();
            return line;
        }
    }

    private static byte[] jarsLibrary() throws Exception {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = LOADER.getResourceAsStream(resource.substring(1))) {
            return in.readAllBytes();
        }
    }

    /** A process that keeps the library in {@code args[0]}, lets sqlite-jdbc extract into {@code args[1]}. */
    public static final class OpenADatabase {
        public static void main(String[] args) throws Exception {
            System.setProperty("org.sqlite.tmpdir", args[1]);
            new SqliteNativeCache(Path.of(args[0]), OpenADatabase.class.getClassLoader()).install();
            try (SqliteDatabase db = SqliteDatabase.open(Path.of(args[2]))) {
                db.read(connection -> null);
                long extracted;
                try (Stream<Path> files = Files.list(Path.of(args[1]))) {
                    extracted = files.filter(file -> file.getFileName().toString().startsWith("sqlite-")
                            && !file.getFileName().toString().endsWith(".lck")).count();
                }
                System.out.println("opened, extracted into the temporary folder: " + extracted);
            }
        }
    }
}
