package studio.timelapse.camera.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migration scripts an owner ships under a class-path folder, by the names Flyway reads them by
 * ({@code V<version>__<description>.sql}), listed straight from the jar or folder so that Flyway need not be loaded to
 * know them. Scripts Flyway would treat other than as versioned (repeatable {@code R__}, undo {@code U}) are reported
 * too: with those, only Flyway can tell whether anything is due.
 */
final class MigrationScripts {
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");
    private static final Pattern ANY_SCRIPT = Pattern.compile("[A-Z][^/]*__.+\\.sql");

    private final Set<String> versions;
    private final boolean onlyVersioned;

    private MigrationScripts(Set<String> versions, boolean onlyVersioned) {
        this.versions = versions;
        this.onlyVersioned = onlyVersioned;
    }

    /** The scripts in every class-path entry that has {@code location} ({@code db/agent}, say). */
    static MigrationScripts in(ClassLoader loader, String location) {
        Set<String> versions = new TreeSet<>();
        boolean onlyVersioned = true;
        try {
            Enumeration<URL> places = loader.getResources(location);
            while (places.hasMoreElements()) {
                for (String name : namesIn(places.nextElement(), location)) {
                    Matcher versioned = VERSIONED.matcher(name);
                    if (versioned.matches()) {
                        // Flyway's own spelling of the version in its history: V1_2__x.sql is version 1.2.
                        versions.add(versioned.group(1).replace('_', '.'));
                    } else if (ANY_SCRIPT.matcher(name).matches()) {
                        onlyVersioned = false;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the migrations in classpath:" + location, e);
        }
        return new MigrationScripts(versions, onlyVersioned);
    }

    /** The versions of the versioned scripts, as Flyway records them ({@code "1"}, {@code "1.2"}). */
    Set<String> versions() {
        return versions;
    }

    /** False when there is a script other than a versioned one, whose state only Flyway knows. */
    boolean onlyVersioned() {
        return onlyVersioned;
    }

    private static Set<String> namesIn(URL place, String location) throws IOException {
        Set<String> names = new TreeSet<>();
        switch (place.getProtocol()) {
            case "file" -> {
                try (Stream<Path> files = Files.list(Path.of(place.toURI()))) {
                    files.filter(Files::isRegularFile).forEach(file -> names.add(file.getFileName().toString()));
                } catch (URISyntaxException e) {
                    throw new IOException("not a folder: " + place, e);
                }
            }
            case "jar" -> {
                // The class loader's own open copy of the jar: nothing is read again but its directory.
                JarURLConnection connection = (JarURLConnection) place.openConnection();
                connection.setUseCaches(true);
                JarFile jar = connection.getJarFile();
                String prefix = location.endsWith("/") ? location : location + "/";
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String entry = entries.nextElement().getName();
                    if (entry.startsWith(prefix) && entry.indexOf('/', prefix.length()) < 0
                            && entry.length() > prefix.length()) {
                        names.add(entry.substring(prefix.length()));
                    }
                }
            }
            default -> throw new IOException("cannot list migrations in " + place);
        }
        return names;
    }
}
