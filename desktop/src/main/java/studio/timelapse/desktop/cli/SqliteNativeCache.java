package studio.timelapse.desktop.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * sqlite-jdbc's native library kept extracted in a folder between runs. Left to itself, sqlite-jdbc copies the
 * library (1.1 MB) out of its jar into the temporary folder at every start, reads both back byte by byte to compare
 * them and loads the copy: about 0.1 s of every command's start (docs/benchmarks.md, "Start-up of a render").
 *
 * <p>Given a folder (the source launcher gives {@code desktop/target/sqlite-native}), the first run extracts the
 * library there, in a folder named after the jar's file name and size, so a new sqlite-jdbc gets a copy of its own;
 * the copy is written whole under a name of its own and renamed into place, so two processes starting at once never
 * load a half-written file. Every run then points sqlite-jdbc at it ({@code org.sqlite.lib.path} and
 * {@code org.sqlite.lib.name}). Anything in the way — a folder that cannot be written, a jar that cannot be read, a
 * driver not loaded from a jar — leaves sqlite-jdbc to its default, which works as before; so does a copy that does
 * not load, since sqlite-jdbc then extracts one as usual. That is why failures here are not reported.
 */
final class SqliteNativeCache {
    /** The system property the launcher names the folder with. */
    static final String FOLDER_PROPERTY = "timelapse.sqlite.native.cache";

    private final Path folder;
    private final ClassLoader loader;

    SqliteNativeCache(Path folder, ClassLoader loader) {
        this.folder = folder;
        this.loader = loader;
    }

    /** Points this process's sqlite-jdbc at the kept copy (made now if there is none); before any database opens. */
    void install() {
        prepare().ifPresent(library -> {
            System.setProperty("org.sqlite.lib.path", library.getParent().toString());
            System.setProperty("org.sqlite.lib.name", library.getFileName().toString());
        });
    }

    /** The kept copy of the library, extracted if it is not there yet; empty when sqlite-jdbc is better left alone. */
    Optional<Path> prepare() {
        try {
            Optional<Path> jar = driverJar();
            if (jar.isEmpty()) {
                return Optional.empty();
            }
            String jarName = jar.get().getFileName().toString().replaceFirst("\\.jar$", "");
            String platform = (System.getProperty("os.name") + "-" + System.getProperty("os.arch"))
                    .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.]+", "_");
            Path library = folder.resolve(jarName + "-" + Files.size(jar.get()) + "-" + platform)
                    .resolve(LibraryLoaderUtil.getNativeLibName());
            if (Files.isRegularFile(library)) {
                return Optional.of(library);
            }
            return extract(library);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The jar sqlite-jdbc's driver is loaded from, if it is loaded from a jar. */
    private Optional<Path> driverJar() {
        URL driver = loader.getResource("org/sqlite/JDBC.class");
        if (driver == null || !driver.getProtocol().equals("jar")) {
            return Optional.empty();
        }
        String inner = driver.getPath();                           // file:/…/sqlite-jdbc-3.54.1.0.jar!/org/…
        int separator = inner.indexOf("!/");
        if (separator < 0 || !inner.startsWith("file:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(URI.create(inner.substring(0, separator))));
    }

    private Optional<Path> extract(Path library) throws IOException {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + library.getFileName();
        try (InputStream in = loader.getResourceAsStream(resource.substring(1))) {
            if (in == null) {
                return Optional.empty();                          // no library for this platform: sqlite-jdbc says so
            }
            Files.createDirectories(library.getParent());
            Path partial = Files.createTempFile(library.getParent(), library.getFileName().toString(), ".partial");
            try {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                // Where a rename does not replace: the copy in place is as whole as ours.
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        return Optional.of(library);
    }
}
