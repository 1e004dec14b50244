package studio.timelapse.shared.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * What the build stamped into the jar. Read from a filtered resource rather than the jar manifest, so it is the
 * same when the classes run from an IDE or from {@code target/classes} in tests.
 *
 * @param version the project version, e.g. {@code 0.1.0-SNAPSHOT}
 */
public record BuildInfo(String version) {
    private static final String RESOURCE = "build.properties";

    /** What a {@code version} command prints: this build, and the Java and OS it runs on, for bug reports. */
    public List<String> describe() {
        return List.of(
                "Timelapse Studio " + version,
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                        + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
    }

    public static BuildInfo load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing next to " + BuildInfo.class.getName()
                        + ": the build did not package it");
            }
            Properties properties = new Properties();
            properties.load(in);
            return new BuildInfo(properties.getProperty("version"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
