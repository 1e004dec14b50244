package studio.timelapse.camera.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.protocol.pairing.TokenRequest;
import studio.timelapse.shared.protocol.pairing.TokenResponse;

/** Getting tokens with proof of the studio's key, and losing them by unpairing from either side. */
class TokenExchangeTest {
    @RegisterExtension
    final AgentFixture fixture = new AgentFixture();
    SecuredAgent agent;
    TestStudio studio;

    @BeforeEach
    void pairAStudio() {
        agent = fixture.agent;
        studio = new TestStudio(agent, "Studio").paired();
    }

    @Test
    void aStudioGetsTokenAfterTokenBySigningEachNextChallenge() {
        for (int round = 0; round < 3; round++) {
            TestStudio.Response response = studio.requestToken();

            assertThat(response.status()).isEqualTo(200);
            TokenResponse token = response.as(TokenResponse.class);
            assertThat(token.tokenType()).isEqualTo("Bearer");
            assertThat(token.expiresInSeconds()).isEqualTo(AccessTokens.DEFAULT_LIFETIME.toSeconds());
            assertThat(studio.get(SecuredAgent.WHOAMI).status()).isEqualTo(200);
        }
    }

    @Test
    void aProofSignedWithAnotherKeyIsRefusedWithAFreshChallenge() {
        TestStudio.Response refused = studio.requestToken(TestStudio.p256(), studio.challenge);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.firstRefusalCode()).isEqualTo("token.proof_invalid");
        String fresh = (String) TestStudio.details(refused).get("challenge");
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                header -> assertThat(header).contains("challenge=\"" + fresh + "\""));
        assertThat(studio.requestToken(studio.keys, fresh).status()).isEqualTo(200);
    }

    @Test
    void aChallengeIsGoodForOneRequestOnly() {
        String challenge = studio.challenge;
        assertThat(studio.requestToken(studio.keys, challenge).status()).isEqualTo(200);

        TestStudio.Response replayed = studio.requestToken(studio.keys, challenge);

        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.firstRefusalCode()).isEqualTo("token.challenge_required");
    }

    @Test
    void aChallengeExpiresAfterFiveMinutes() {
        agent.clock.advance(ProofChallenges.LIFETIME);

        assertThat(studio.requestToken().firstRefusalCode()).isEqualTo("token.challenge_required");
    }

    @Test
    void aStudioWithoutAChallengeAsksWithNoneAndSignsTheOneItGets() {
        TestStudio.Response asked = studio.send(studio.post("/api/v1/token", new TokenRequest(studio.studioId, "", "")));

        assertThat(asked.status()).isEqualTo(401);
        assertThat(studio.requestToken(studio.keys, (String) TestStudio.details(asked).get("challenge")).status())
                .isEqualTo(200);
    }

    @Test
    void aStudioThatIsNotPairedGetsNoChallenge() {
        TestStudio.Response response = studio.send(studio.post("/api/v1/token",
                new TokenRequest("no-such-studio", "", "")));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.firstRefusalCode()).isEqualTo("auth.studio_not_paired");
        assertThat(TestStudio.details(response)).doesNotContainKey("challenge");
    }

    @Test
    void unpairingFromTheStudioRevokesItsTokensAtOnce() {
        studio.requestToken();

        assertThat(studio.delete("/api/v1/pairing").status()).isEqualTo(204);

        TestStudio.Response after = studio.get(SecuredAgent.WHOAMI);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.firstRefusalCode()).isEqualTo("auth.studio_not_paired");
        assertThat(studio.requestToken().status()).isEqualTo(401);
        assertThat(agent.security.studios().list()).isEmpty();
        assertThat(agent.recording.ofType("camera:pairing:unpair")).first()
                .satisfies(m -> assertThat(m.get("by")).isEqualTo("STUDIO"));
    }

    @Test
    void unpairingOnTheCameraRevokesTheStudiosTokensAtOnceAndLeavesOthersAlone() {
        studio.requestToken();
        TestStudio other = new TestStudio(agent, "Other studio").withToken();

        assertThat(agent.security.unpair(studio.studioId, "unpaired on the console")).isTrue();

        assertThat(studio.get(SecuredAgent.WHOAMI).status()).isEqualTo(401);
        assertThat(other.get(SecuredAgent.WHOAMI).status()).isEqualTo(200);
        assertThat(agent.security.unpair(studio.studioId, "again")).isFalse();
    }

    @Test
    void pairingAgainWithTheSameKeyReplacesTheOldPairing() {
        studio.requestToken();
        String firstId = studio.studioId;
        String firstToken = studio.accessToken;

        studio.paired();

        assertThat(studio.studioId).isNotEqualTo(firstId);
        assertThat(studio.get(SecuredAgent.WHOAMI, firstToken).status()).isEqualTo(401);
        assertThat(agent.security.studios().list()).singleElement()
                .satisfies(paired -> assertThat(paired.studioId()).isEqualTo(studio.studioId));
    }

    @Test
    void aTokenRequestWithoutABodyIsUnauthenticatedAndMalformedJsonIsBadInput() {
        TestStudio.Response empty = studio.send(HttpRequest.newBuilder(agent.uri("/api/v1/token"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        TestStudio.Response malformed = studio.send(HttpRequest.newBuilder(agent.uri("/api/v1/token"))
                .POST(HttpRequest.BodyPublishers.ofString("{studioId")).build());

        assertThat(empty.status()).isEqualTo(401);
        assertThat(empty.firstRefusalCode()).isEqualTo("token.proof_missing");
        assertThat(malformed.status()).isEqualTo(400);
    }

    @Test
    void tokensAndChallengesNeverReachTheLog() {
        studio.requestToken();
        studio.requestToken(TestStudio.p256(), studio.challenge);

        String log = agent.recording.messages().stream().map(LogMessage::fields).toList().toString();
        assertThat(log).contains("camera:token:issue").doesNotContain(studio.accessToken.split("\\.")[2]);
    }
}
