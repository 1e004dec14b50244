package studio.timelapse.shared.home;

import java.util.Locale;

/** The operating-system families whose conventions decide where our data lives. */
public enum OperatingSystem {
    WINDOWS,
    MACOS,
    /** Linux and every other Unix-like: they follow the XDG base directory specification. */
    LINUX;

    /** The family of a {@code os.name} system property value ("Linux", "Mac OS X", "Windows 11", "FreeBSD"). */
    public static OperatingSystem fromOsName(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return MACOS;
        }
        return LINUX;
    }
}
