package studio.timelapse.shared.actionlog;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second process for {@link CrossProcessContinuationTest}: an HTTP server on loopback that continues the
 * caller's task from the {@value ActionLog#TASK_ID_HEADER} header and does some logged work under it.
 * Prints "READY <port>" once it listens; {@code POST /stop} ends it.
 */
public final class RemoteWorkerMain {
    private RemoteWorkerMain() {}

    public static void main(String[] args) throws IOException {
        Path logs = Path.of(args[0]);
        ActionLog log = ActionLog.builder("camera").host("pi-test").logDirectory(logs).build();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/capture", exchange -> capture(log, exchange));
        server.createContext("/stop", exchange -> {
            respond(exchange, 200, "bye");
            log.close();
            server.stop(0);
            System.exit(0);
        });
        server.start();
        System.out.println("READY " + server.getAddress().getPort());
    }

    private static void capture(ActionLog log, HttpExchange exchange) throws IOException {
        String taskId = exchange.getRequestHeaders().getFirst(ActionLog.TASK_ID_HEADER);
        try (Action request = taskId == null ? log.start("camera:api:request") : log.continueTask(taskId)) {
            try (Action capture = log.start("camera:capture:frame", "backend", "synthetic")) {
                capture.log("camera:capture:exposure", "shutter_s", 0.01);
                capture.addSuccessFields("bytes", 2048);
            }
            try (Action failing = log.start("camera:capture:upload_preview")) {
                failing.fail(new IOException("preview buffer full"));
            }
            request.addSuccessFields("status", 200);
            respond(exchange, 200, "captured");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
