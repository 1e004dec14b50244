package studio.timelapse.camera.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Per test: a {@link SecuredAgent} on a fresh home folder, stopped and removed afterwards. */
final class AgentFixture implements BeforeEachCallback, AfterEachCallback {
    Path home;
    SecuredAgent agent;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        home = Files.createTempDirectory("agent-security");
        agent = SecuredAgent.start(home);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        agent.close();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
