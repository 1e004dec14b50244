package studio.timelapse.desktop.importing;

import java.util.Locale;

/**
 * The name an imported file gets in the library: its own name, for the photographer browsing the folder, made safe
 * for every file system, with the first 8 hex digits of its SHA-256 so that two cards' "IMG_0001.JPG" of the same
 * day never collide and a resumed import writes each file under the same name again.
 */
final class LibraryFileName {
    private static final int MAX_STEM = 96;

    private LibraryFileName() {}

    static String of(String sourceFile, String sha256) {
        String name = sourceFile.substring(sourceFile.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String safe = stem.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[^A-Za-z0-9]+", "");
        if (safe.length() > MAX_STEM) {
            safe = safe.substring(0, MAX_STEM);
        }
        String prefix = safe.isEmpty() ? "frame" : safe;
        return prefix + "-" + sha256.substring(0, 8).toLowerCase(Locale.ROOT) + ".jpg";
    }
}
