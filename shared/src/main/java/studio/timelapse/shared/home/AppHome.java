package studio.timelapse.shared.home;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where the studio and the camera agent keep their data, by each operating system's convention unless an
 * environment variable says otherwise. Everything it reads is passed in, so every platform's rules can be tested
 * on any machine; {@link #ofThisProcess()} wires in the real ones.
 */
public final class AppHome {
    public static final String STUDIO_HOME_VARIABLE = "TIMELAPSE_HOME";
    public static final String AGENT_HOME_VARIABLE = "TIMELAPSE_CAMERA_HOME";

    private final Map<String, String> environment;
    private final OperatingSystem os;
    private final Path userHome;

    /**
     * @param environment the process environment
     * @param osName      the {@code os.name} system property
     * @param userHome    the {@code user.home} system property
     */
    public AppHome(Map<String, String> environment, String osName, Path userHome) {
        this.os = OperatingSystem.fromOsName(osName);
        this.environment = os == OperatingSystem.WINDOWS ? caseInsensitive(environment) : Map.copyOf(environment);
        this.userHome = userHome;
    }

    public static AppHome ofThisProcess() {
        return new AppHome(System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
    }

    /** The studio's home: its library, settings and logs. */
    public DataHome studio() {
        Path root = override(STUDIO_HOME_VARIABLE).orElseGet(() -> perUserFolder("timelapse-studio", "Timelapse Studio"));
        return new DataHome("studio home", STUDIO_HOME_VARIABLE, root);
    }

    /** The camera agent's home: its frames waiting to be synced, settings and logs. */
    public DataHome agent(AgentLaunch launch) {
        Path root = override(AGENT_HOME_VARIABLE).orElseGet(() -> launch == AgentLaunch.SERVICE
                ? systemWideFolder("timelapse-camera", "Timelapse Camera")
                : perUserFolder("timelapse-camera", "Timelapse Camera"));
        return new DataHome("camera agent home", AGENT_HOME_VARIABLE, root);
    }

    /** A relative override is taken from the working directory, so that it names the same folder everywhere. */
    private Optional<Path> override(String variable) {
        return variable(variable).map(value -> Path.of(value).toAbsolutePath());
    }

    /**
     * @param unixName    the folder name on Linux, lower case as is usual there
     * @param displayName the folder name on macOS and Windows, where users see it
     */
    private Path perUserFolder(String unixName, String displayName) {
        return switch (os) {
            case WINDOWS -> variable("APPDATA").map(Path::of)
                    .orElseGet(() -> userHome.resolve("AppData").resolve("Roaming"))
                    .resolve(displayName);
            case MACOS -> userHome.resolve("Library").resolve("Application Support").resolve(displayName);
            // The XDG spec says to ignore a relative XDG_DATA_HOME.
            case LINUX -> variable("XDG_DATA_HOME").map(Path::of).filter(Path::isAbsolute)
                    .orElseGet(() -> userHome.resolve(".local").resolve("share"))
                    .resolve(unixName);
        };
    }

    private Path systemWideFolder(String unixName, String displayName) {
        return switch (os) {
            case WINDOWS -> variable("ProgramData").map(Path::of)
                    .orElseGet(() -> Path.of("C:\\ProgramData"))
                    .resolve(displayName);
            case MACOS -> Path.of("/Library", "Application Support", displayName);
            case LINUX -> Path.of("/var/lib", unixName);
        };
    }

    /** Windows variable names ignore case: {@code %APPDATA%} and {@code %AppData%} are one variable. */
    private static Map<String, String> caseInsensitive(Map<String, String> environment) {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(environment);
        return Collections.unmodifiableMap(copy);
    }

    /** An empty variable counts as unset, as the XDG spec and most shells' users expect. */
    private Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }
}
