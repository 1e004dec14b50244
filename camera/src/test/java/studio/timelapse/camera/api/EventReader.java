package studio.timelapse.camera.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A studio's side of the event stream: reads server-sent events on its own thread as they come. */
final class EventReader implements AutoCloseable {
    /** One event as the stream framed it; {@code id} is null when the event had none. */
    record Event(String id, String name, String data) {}

    final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    private EventReader(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "test-event-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static EventReader open(RunningAgent agent, String... headers) {
        java.net.http.HttpRequest.Builder request = agent.request("/api/v1/events").timeout(java.time.Duration.ofHours(1))
                .header("Accept", "text/event-stream");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return new EventReader(agent.send(request.GET(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    String task() {
        return response.headers().firstValue(RequestLog.TASK_HEADER).orElseThrow();
    }

    /** The next event; fails if none comes within ten seconds. */
    Event next() throws InterruptedException {
        Event event = events.poll(10, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no event came");
        }
        return event;
    }

    int received() {
        return events.size();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        } catch (IOException e) {
            // the stream ended
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
