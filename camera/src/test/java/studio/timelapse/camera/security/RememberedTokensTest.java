package studio.timelapse.camera.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A studio's token is verified once and then remembered until it expires — over real HTTPS, with everything that
 * must still refuse a remembered token.
 */
class RememberedTokensTest {
    @RegisterExtension
    final AgentFixture fixture = new AgentFixture();
    SecuredAgent agent;
    TestStudio studio;

    @BeforeEach
    void pairAStudioThatUsedItsTokenOnce() {
        agent = fixture.agent;
        studio = new TestStudio(agent, "Studio").withToken();
        assertThat(studio.get(SecuredAgent.WHOAMI).status()).isEqualTo(200);
    }

    private long verifications() {
        return agent.security.verifiedTokens().verifications();
    }

    @Test
    void aTokenUsedAgainAndAgainIsVerifiedOnlyTheFirstTime() {
        long before = verifications();

        for (int request = 0; request < 5; request++) {
            TestStudio.Response response = studio.get(SecuredAgent.WHOAMI);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(studio.studioId);
        }

        assertThat(verifications()).isEqualTo(before);
        assertThat(agent.security.verifiedTokens().size()).isEqualTo(1);
    }

    @Test
    void aRememberedTokenIsRefusedAtOnceWhenItsStudioIsUnpaired() {
        assertThat(agent.security.unpair(studio.studioId, "unpaired on the console")).isTrue();

        TestStudio.Response after = studio.get(SecuredAgent.WHOAMI);

        assertThat(after.status()).isEqualTo(401);
        assertThat(after.firstRefusalCode()).isEqualTo("auth.studio_not_paired");
    }

    @Test
    void aRememberedTokenIsRefusedWhenItExpiresAndNotASecondLater() {
        agent.clock.advance(AccessTokens.DEFAULT_LIFETIME.minusSeconds(1).minusNanos(1));
        assertThat(studio.get(SecuredAgent.WHOAMI).status()).isEqualTo(200);

        agent.clock.advance(Duration.ofSeconds(1).plusNanos(1));
        TestStudio.Response expired = studio.get(SecuredAgent.WHOAMI);

        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.firstRefusalCode()).isEqualTo("auth.token_expired");
    }

    @Test
    void aTokenThatDiffersFromARememberedOneByOneCharacterIsVerifiedAndRefused() {
        long before = verifications();
        String token = studio.accessToken;
        int inSignature = token.lastIndexOf('.') + 10;
        String altered = token.substring(0, inSignature) + (token.charAt(inSignature) == 'A' ? 'B' : 'A')
                + token.substring(inSignature + 1);

        TestStudio.Response response = studio.get(SecuredAgent.WHOAMI, altered);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.firstRefusalCode()).isEqualTo("auth.token_invalid");
        assertThat(verifications()).isEqualTo(before + 1);
        assertThat(studio.get(SecuredAgent.WHOAMI).status()).isEqualTo(200);
    }

    @Test
    void aNewTokenIsVerifiedOnceAndTheOldOneKeepsWorkingUntilItExpires() {
        String first = studio.accessToken;
        long before = verifications();

        studio.requestToken();
        assertThat(studio.get(SecuredAgent.WHOAMI).status()).isEqualTo(200);
        assertThat(studio.get(SecuredAgent.WHOAMI).status()).isEqualTo(200);
        assertThat(studio.get(SecuredAgent.WHOAMI, first).status()).isEqualTo(200);

        assertThat(studio.accessToken).isNotEqualTo(first);
        assertThat(verifications()).isEqualTo(before + 1);
    }
}
