package studio.timelapse.camera.capture.gopro;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A GoPro on loopback that follows the Open GoPro HTTP API closely enough for the backend: state with the System
 * Busy (8) and Encoding Active (10) flags, preset groups, the shutter, the media list, downloads under
 * {@code /videos/DCIM}, deletes and the keep-alive. A test can make it busy for a number of state polls after each
 * command, answer 404 for its media list, report an unknown error, drop connections, or cut downloads short.
 */
final class FakeGoPro implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final byte[] photo;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger keepAlives = new AtomicInteger();
    private final AtomicInteger keepAlivesDropped = new AtomicInteger();
    /** Files on the card, by path ("100GOPRO/GOPR0001.JPG"), in the order they were taken. */
    private final Map<String, byte[]> card = Collections.synchronizedMap(new LinkedHashMap<>());

    private volatile int busyPollsPerCommand;
    private volatile boolean mediaListBroken;
    private volatile boolean unknownErrors;
    private volatile boolean droppingConnections;
    private volatile boolean cuttingDownloadsShort;
    private volatile boolean refusingWiredUsb;
    private volatile boolean refusingDeletes;
    private int busyPolls;
    private int encodingPolls;
    private byte[] encoding;
    private int nextNumber = 1;

    private FakeGoPro(byte[] photo) throws IOException {
        this.photo = photo;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** A camera whose shutter takes {@code photo}. */
    static FakeGoPro start(byte[] photo) throws IOException {
        return new FakeGoPro(photo);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Each command leaves the camera busy (or encoding, after the shutter) for this many state polls. */
    FakeGoPro busyForPolls(int polls) {
        busyPollsPerCommand = polls;
        return this;
    }

    FakeGoPro breakMediaList(boolean broken) {
        mediaListBroken = broken;
        return this;
    }

    FakeGoPro reportUnknownErrors(boolean on) {
        unknownErrors = on;
        return this;
    }

    FakeGoPro dropConnections(boolean on) {
        droppingConnections = on;
        return this;
    }

    FakeGoPro cutDownloadsShort(boolean on) {
        cuttingDownloadsShort = on;
        return this;
    }

    FakeGoPro refuseWiredUsb(boolean on) {
        refusingWiredUsb = on;
        return this;
    }

    FakeGoPro refuseDeletes(boolean on) {
        refusingDeletes = on;
        return this;
    }

    /** Puts a photo on the card as if taken earlier. */
    synchronized String alreadyOnTheCard() {
        String path = nextPath();
        card.put(path, photo);
        return path;
    }

    List<String> card() {
        synchronized (card) {
            return List.copyOf(card.keySet());
        }
    }

    /** Every request but the keep-alives, path and query, in order. */
    List<String> requests() {
        synchronized (requests) {
            return requests.stream().filter(request -> !request.equals("/gopro/camera/keep_alive")).toList();
        }
    }

    /** Keep-alives answered. */
    int keepAlives() {
        return keepAlives.get();
    }

    /** Keep-alives whose connection was dropped. */
    int keepAlivesDropped() {
        return keepAlivesDropped.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String request = uri.getPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        requests.add(request);
        if (droppingConnections) {
            if (uri.getPath().equals("/gopro/camera/keep_alive")) {
                keepAlivesDropped.incrementAndGet();
            }
            exchange.close(); // no status line at all: the client sees the connection end
            return;
        }
        try (exchange) {
            route(exchange, uri.getPath(), uri.getRawQuery() == null ? "" : uri.getRawQuery());
        }
    }

    private void route(HttpExchange exchange, String path, String query) throws IOException {
        switch (path) {
            case "/gopro/camera/keep_alive" -> {
                keepAlives.incrementAndGet();
                json(exchange, 200, "{}");
            }
            case "/gopro/camera/state" -> json(exchange, 200, state());
            case "/gopro/camera/presets/set_group" -> {
                command();
                json(exchange, 200, "{}");
            }
            case "/gopro/camera/shutter/start" -> {
                if (unknownErrors) {
                    json(exchange, 500, "{\"error\": 1, \"message\": \"unknown error\"}");
                    return;
                }
                shutter();
                json(exchange, 200, "{}");
            }
            case "/gopro/media/list" -> {
                if (mediaListBroken) {
                    json(exchange, 404, "{\"error\": \"not found\"}");
                    return;
                }
                json(exchange, 200, mediaList());
            }
            case "/gopro/media/delete/file" -> {
                if (refusingDeletes) {
                    json(exchange, 500, "{\"error\": \"card busy\"}");
                    return;
                }
                card.remove(query.replaceFirst("^path=", ""));
                json(exchange, 200, "{}");
            }
            case "/gopro/camera/control/wired_usb" -> json(exchange, refusingWiredUsb ? 500 : 200,
                    refusingWiredUsb ? "{\"error\": \"not connected over USB\"}" : "{}");
            default -> {
                if (path.startsWith("/videos/DCIM/") && card.containsKey(path.substring("/videos/DCIM/".length()))) {
                    byte[] bytes = card.get(path.substring("/videos/DCIM/".length()));
                    send(exchange, 200, "image/jpeg",
                            cuttingDownloadsShort ? Arrays.copyOf(bytes, bytes.length / 2) : bytes);
                } else {
                    json(exchange, 404, "{\"error\": \"no such endpoint or file\"}");
                }
            }
        }
    }

    private synchronized void command() {
        busyPolls = busyPollsPerCommand;
    }

    private synchronized void shutter() {
        encodingPolls = busyPollsPerCommand;
        encoding = photo;
        if (encodingPolls == 0) {
            finishEncoding();
        }
    }

    /** One poll: busy and encoding count down; the photo reaches the card when encoding ends. */
    private synchronized String state() {
        boolean busy = busyPolls > 0;
        boolean encodingNow = encodingPolls > 0;
        if (busy) {
            busyPolls--;
        }
        if (encodingNow && --encodingPolls == 0) {
            finishEncoding();
        }
        return "{\"status\": {\"1\": 1, \"2\": 3, \"8\": " + (busy ? 1 : 0) + ", \"10\": " + (encodingNow ? 1 : 0)
                + "}, \"settings\": {\"2\": 1, \"3\": 8}}";
    }

    private void finishEncoding() {
        card.put(nextPath(), encoding);
        encoding = null;
    }

    private String nextPath() {
        return String.format("100GOPRO/GOPR%04d.JPG", nextNumber++);
    }

    private String mediaList() {
        StringBuilder files = new StringBuilder();
        synchronized (card) {
            for (Map.Entry<String, byte[]> file : card.entrySet()) {
                files.append(files.length() == 0 ? "" : ", ").append("{\"n\": \"")
                        .append(file.getKey().substring("100GOPRO/".length()))
                        .append("\", \"cre\": \"1714545000\", \"mod\": \"1714545000\", \"s\": \"")
                        .append(file.getValue().length).append("\"}");
            }
        }
        return "{\"id\": \"2530266050123724003\", \"media\": [{\"d\": \"100GOPRO\", \"fs\": [" + files + "]}]}";
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
