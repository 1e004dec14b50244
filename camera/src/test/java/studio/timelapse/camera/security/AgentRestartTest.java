package studio.timelapse.camera.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a paired studio sees when the camera agent restarts: the same certificate, its pairing, its token. */
class AgentRestartTest {
    @TempDir
    Path home;

    @Test
    void aPairedStudioKeepsItsPinItsPairingAndItsTokenAcrossARestart() {
        TestStudio studio;
        String fingerprintBefore;
        try (SecuredAgent agent = SecuredAgent.start(home)) {
            studio = new TestStudio(agent, "Studio").withToken();
            fingerprintBefore = agent.security.identity().fingerprint().colonHex();
        }

        try (SecuredAgent restarted = SecuredAgent.start(home)) {
            studio.reconnect(restarted);

            assertThat(restarted.security.identity().fingerprint().colonHex()).isEqualTo(fingerprintBefore);
            assertThat(studio.get(SecuredAgent.WHOAMI).status()).isEqualTo(200); // over the pinned connection
            TestStudio.Response forgottenChallenge = studio.requestToken();
            assertThat(forgottenChallenge.status()).isEqualTo(401);
            assertThat(studio.requestToken(studio.keys, (String) TestStudio.details(forgottenChallenge)
                    .get("challenge")).status()).isEqualTo(200);
        }
    }

    @Test
    void aWindowOpenedBeforeARestartIsStillOpenAfterIt() {
        String code;
        try (SecuredAgent agent = SecuredAgent.start(home)) {
            code = agent.openWindow();
        }

        try (SecuredAgent restarted = SecuredAgent.start(home)) {
            assertThat(new TestStudio(restarted, "Studio").pair(code).status()).isEqualTo(201);
        }
    }
}
