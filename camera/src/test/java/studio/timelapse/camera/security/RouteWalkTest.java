package studio.timelapse.camera.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.tls.PinnedTrustManager;

/**
 * Authentication is enforced in one place: walking every route the app registered, without credentials, answers
 * 401 everywhere but at the health route and the pairing handshake.
 */
class RouteWalkTest {
    private static final Map<AccessControl.Route, Integer> PUBLIC_ANSWERS = Map.of(
            new AccessControl.Route(HandlerType.GET, "/api/v1/health"), 200,
            new AccessControl.Route(HandlerType.POST, "/api/v1/pairing"), 400); // no body: bad input, not 401

    @TempDir
    Path home;

    @Test
    void everyRegisteredRouteWithoutCredentialsIs401ButHealthAndThePairingHandshake() {
        try (SecuredAgent agent = SecuredAgent.start(home)) {
            TestStudio anonymous = new TestStudio(agent, "nobody");
            List<Endpoint> routes = agent.app.unsafe.internalRouter.allHttpHandlers().stream()
                    .map(parsed -> parsed.endpoint).filter(endpoint -> endpoint.method.isHttpMethod()).toList();
            List<String> walked = new ArrayList<>();

            for (Endpoint route : routes) {
                String path = route.path.replaceAll("\\{[^}]*}|<[^>]*>", "1");
                TestStudio.Response response = anonymous.send(HttpRequest.newBuilder(agent.uri(path))
                        .method(route.method.name(), HttpRequest.BodyPublishers.noBody()).build());
                int expected = PUBLIC_ANSWERS.getOrDefault(new AccessControl.Route(route.method, route.path), 401);

                assertThat(response.status()).as("%s %s", route.method, route.path).isEqualTo(expected);
                if (expected == 401) {
                    assertThat(response.error().status()).isEqualTo(401);
                    assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
                }
                walked.add(route.method + " " + route.path);
            }

            assertThat(walked).contains("GET /api/v1/health", "POST /api/v1/pairing", "POST /api/v1/token",
                    "DELETE /api/v1/pairing", "GET /api/v1/frames/{id}", "PUT /api/v1/settings");
        }
    }

    @Test
    void everyWebSocketWithoutCredentialsIsRefusedWith401() {
        try (SecuredAgent agent = SecuredAgent.start(home)) {
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(PinnedTrustManager.observingFirstContact().sslContext()).build();
            var sockets = agent.app.unsafe.internalRouter.allWsHandlers();
            assertThat(sockets).isNotEmpty();

            for (var socket : sockets) {
                URI uri = URI.create("wss://127.0.0.1:" + agent.app.port() + socket.getPath());
                assertThatThrownBy(() -> client.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() { })
                        .join())
                        .as(socket.getPath())
                        .isInstanceOf(CompletionException.class)
                        .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                                refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(401));
            }
        }
    }

    @Test
    void anAuthenticatedStudioOpensTheWebSocket() throws Exception {
        try (SecuredAgent agent = SecuredAgent.start(home)) {
            TestStudio studio = new TestStudio(agent, "Studio").withToken();
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(PinnedTrustManager.pinnedTo(studio.pinned).sslContext()).build();

            WebSocket socket = client.newWebSocketBuilder().header("Authorization", "Bearer " + studio.accessToken)
                    .buildAsync(URI.create("wss://127.0.0.1:" + agent.app.port() + "/api/v1/events"),
                            new WebSocket.Listener() { }).join();

            socket.abort();
        }
    }

    @Test
    void aRouteThatCatchesAPublicPathIsNotPublic() {
        try (SecuredAgent agent = SecuredAgent.start(home,
                config -> config.routes.get("/api/v1/{anything}", ctx -> ctx.result(ctx.pathParam("anything"))))) {
            TestStudio anonymous = new TestStudio(agent, "nobody");
            TestStudio studio = new TestStudio(agent, "Studio").withToken();

            assertThat(anonymous.get("/api/v1/health", null).status()).isEqualTo(401);
            assertThat(studio.get("/api/v1/health").body()).isEqualTo("health");
        }
    }

    @Test
    void headRequestsAreNotPublicEvenForAPublicGetRoute() {
        try (SecuredAgent agent = SecuredAgent.start(home)) {
            TestStudio anonymous = new TestStudio(agent, "nobody");

            assertThat(anonymous.send(HttpRequest.newBuilder(agent.uri("/api/v1/health"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build()).status()).isEqualTo(401);
        }
    }

    @Test
    void aPublicMarkOnARouteOffTheAllowListStopsTheServerFromStarting() {
        assertThatThrownBy(() -> SecuredAgent.start(home, config -> config.routes.get("/api/v1/frames/export",
                ctx -> ctx.result("everything"), AccessControl.Access.PUBLIC)).close())
                .hasStackTraceContaining("GET /api/v1/frames/export is marked public but is not on AccessControl's"
                        + " allow-list");
    }
}
