package studio.timelapse.camera.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Access tokens at a protected route over HTTPS: what is accepted, and every way a token is refused. */
class AccessTokensTest {
    @RegisterExtension
    final AgentFixture fixture = new AgentFixture();
    SecuredAgent agent;
    TestStudio studio;

    @BeforeEach
    void pairAStudio() {
        agent = fixture.agent;
        studio = new TestStudio(agent, "Studio").withToken();
    }

    @Test
    void aTokenIsAcceptedUntilItExpiresAndTheHandlerKnowsWhichStudioAsked() {
        TestStudio.Response response = studio.get(SecuredAgent.WHOAMI);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(studio.studioId);

        agent.clock.advance(AccessTokens.DEFAULT_LIFETIME.minusSeconds(1));
        assertThat(studio.get(SecuredAgent.WHOAMI).status()).isEqualTo(200);

        agent.clock.advance(Duration.ofSeconds(1));
        TestStudio.Response expired = studio.get(SecuredAgent.WHOAMI);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.firstRefusalCode()).isEqualTo("auth.token_expired");
        assertThat(expired.headers().firstValue("WWW-Authenticate"))
                .contains("Bearer realm=\"timelapse-camera\", error=\"invalid_token\"");
    }

    @Test
    void aRequestWithoutATokenIsRefusedWithAChallengeToAuthenticate() {
        TestStudio.Response response = studio.get("/api/v1/frames", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.error().status()).isEqualTo(401);
        assertThat(response.firstRefusalCode()).isEqualTo("auth.token_missing");
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"timelapse-camera\"");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        KeyPair other = TestStudio.p256();

        assertRefused(forge(Algorithm.ECDSA256((ECPublicKey) other.getPublic(), (ECPrivateKey) other.getPrivate()),
                token -> { }));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertRefused(forge(Algorithm.none(), token -> { }));
    }

    @Test
    void aTokenSignedWithHmacUsingTheCamerasPublicKeyIsRefused() {
        byte[] publicKey = agent.security.identity().certificate().getPublicKey().getEncoded();

        assertRefused(forge(Algorithm.HMAC256(publicKey), token -> { }));
    }

    @Test
    void anAllZeroSignatureIsRefused() {
        String valid = studio.accessToken;
        String zero = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]);

        assertRefused(valid.substring(0, valid.lastIndexOf('.') + 1) + zero);
    }

    @Test
    void aTokenOfThisCameraForAnotherAudienceIssuerKeyIdOrTypeIsRefused() {
        assertRefused(forge(agentKey(), token -> token.withAudience("someone-else/api")));
        assertRefused(forge(agentKey(), token -> token.withIssuer("camera-0000000000000000")));
        assertRefused(forge(agentKey(), token -> token.withKeyId("another-key")));
        assertRefused(forge(agentKey(), token -> token.withHeader(Map.of("typ", "JWT"))));
    }

    @Test
    void aTokenWithoutAnExpiryOrWithAnExpiryBeyondATokensLifetimeIsRefused() {
        assertRefused(forge(agentKey(), token -> token.withExpiresAt((Instant) null)));
        assertRefused(forge(agentKey(), token -> token.withClaim("exp", (Long) null)));
        assertRefused(forge(agentKey(), token -> token.withExpiresAt(agent.clock.instant().plus(Duration.ofDays(1)))));
        assertRefused(forge(agentKey(), token -> token.withSubject(null)));
    }

    @Test
    void anExpiredTokenOrOneNotValidYetIsRefused() {
        Instant now = agent.clock.instant();

        assertRefused(forge(agentKey(), token -> token.withExpiresAt(now.minusSeconds(1))));
        assertRefused(forge(agentKey(), token -> token.withNotBefore(now.plusSeconds(60))));
    }

    @Test
    void whatIsNotABearerTokenIsRefused() {
        assertRefused("not.a.jwt");
        assertRefused("");
        assertThat(studio.send(java.net.http.HttpRequest.newBuilder(agent.uri(SecuredAgent.WHOAMI))
                .header("Authorization", "Basic " + studio.accessToken).build()).status()).isEqualTo(401);
    }

    @Test
    void theForgeryHelperMakesAcceptedTokensWhenNothingIsChanged() {
        assertThat(studio.get(SecuredAgent.WHOAMI, forge(agentKey(), token -> { })).status()).isEqualTo(200);
    }

    private void assertRefused(String token) {
        TestStudio.Response response = studio.get(SecuredAgent.WHOAMI, token);

        assertThat(response.status()).as(token).isEqualTo(401);
        assertThat(response.firstRefusalCode()).isIn("auth.token_invalid", "auth.token_expired");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                header -> assertThat(header).startsWith("Bearer realm=\"timelapse-camera\""));
    }

    private Algorithm agentKey() {
        AgentIdentity identity = agent.security.identity();
        return Algorithm.ECDSA256(identity.publicKey(), identity.privateKey());
    }

    /** A token with every claim this camera's tokens carry, changed by {@code change}, signed with {@code alg}. */
    private String forge(Algorithm alg, Consumer<JWTCreator.Builder> change) {
        String agentId = agent.security.identity().agentId();
        Instant now = agent.clock.instant();
        JWTCreator.Builder token = JWT.create()
                .withHeader(Map.of("typ", "at+jwt"))
                .withKeyId(agentId)
                .withIssuer(agentId)
                .withAudience(agentId + "/api")
                .withSubject(studio.studioId)
                .withIssuedAt(now)
                .withNotBefore(now)
                .withExpiresAt(now.plusSeconds(300))
                .withJWTId("forged");
        change.accept(token);
        return token.sign(alg);
    }
}
