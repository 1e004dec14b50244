package studio.timelapse.shared.home;

import java.util.Map;

/** How the camera agent was started, which decides where it keeps its data by default. */
public enum AgentLaunch {
    /** Started by the service manager (systemd on the Pi): data goes to a system-wide folder. */
    SERVICE,
    /** Started by a person from a shell: data goes to that person's folder. */
    BY_HAND;

    /**
     * systemd sets {@code INVOCATION_ID} for every unit it starts. A shell can inherit it too (a serial-console
     * login, a terminal that runs as a user unit), so a process that has a terminal counts as started by hand.
     */
    public static AgentLaunch detect(Map<String, String> environment, boolean hasTerminal) {
        String invocationId = environment.get("INVOCATION_ID");
        boolean startedBySystemd = invocationId != null && !invocationId.isBlank();
        return startedBySystemd && !hasTerminal ? SERVICE : BY_HAND;
    }

    /** The launch of the running process. */
    public static AgentLaunch ofThisProcess() {
        return detect(System.getenv(), System.console() != null);
    }
}
