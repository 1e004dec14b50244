package studio.timelapse.desktop.cameras;

import java.nio.file.Path;

/**
 * A camera agent in a process of its own, for tests that kill it with {@code kill -9}: {@code AgentProcess HOME PORT}
 * starts it on 127.0.0.1 and prints {@code READY <port> <id>}, then {@code CODE <digits>} of a pairing window it
 * opens, and runs until killed.
 */
public final class AgentProcess {
    private AgentProcess() {}

    public static void main(String[] args) throws Exception {
        LoopbackAgent agent = LoopbackAgent.start(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println("READY " + agent.address().port() + " " + agent.id());
        System.out.println("CODE " + agent.openPairingWindow());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
