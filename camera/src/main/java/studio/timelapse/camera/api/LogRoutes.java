package studio.timelapse.camera.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import studio.timelapse.shared.actionlog.ActionLogFiles;
import studio.timelapse.shared.actionlog.EliotJson;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * {@code GET /api/v1/logs/{taskUuid}}: one task's messages from the agent's log files, oldest file first, as JSON
 * lines in eliot's format — so that the studio can merge them with its own part of the task and show one tree.
 * Streamed as they are found; nothing found is a 404.
 */
final class LogRoutes {
    static final String MEDIA_TYPE = "application/x-ndjson";
    private static final Pattern TASK_UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", Pattern.CASE_INSENSITIVE);

    private final List<Path> folders;
    private final EliotJson eliot = new EliotJson();

    LogRoutes(List<Path> folders) {
        this.folders = List.copyOf(folders);
    }

    void install(RoutesConfig routes) {
        routes.get("/api/v1/logs/{taskUuid}", this::task);
    }

    private void task(Context ctx) {
        Query.of(ctx, Set.of());
        String given = ctx.pathParam("taskUuid");
        if (!TASK_UUID.matcher(given).matches()) {
            throw Invalid.refused("taskUuid", "api.task_uuid", "'" + Query.bounded(given) + "' is not a task uuid",
                    "task uuids look like 4f2c1a9e-0b7d-4c3e-9a61-2d5e8f0b1c47, as in the X-Timelapse-Task header");
        }
        String taskUuid = given.toLowerCase(Locale.ROOT);
        Lines lines = new Lines(ctx);
        try {
            new ActionLogFiles().read(folders, line -> line.contains(taskUuid), message -> {
                if (message.taskUuid().equals(taskUuid)) {
                    lines.write(message);
                }
            });
        } catch (ClientGone gone) {
            RequestScope.of(ctx).addEndFields("messages", lines.count, "cut", true);
            return;
        }
        if (lines.count == 0) {
            throw new RefusedException(Refusal.of(Refusal.Kind.NOT_FOUND, "log.no_task",
                    "The agent's logs hold no messages of task " + taskUuid,
                    "the task may be older than the logs kept (about 150 MiB), or from another program")
                    .withDetails(Map.of("task_uuid", taskUuid)));
        }
        RequestScope.of(ctx).addEndFields("messages", lines.count);
    }

    /** Writes messages as they are found; the answer is committed with the first one. */
    private final class Lines {
        private final Context ctx;
        private OutputStream out;
        private long count;

        Lines(Context ctx) {
            this.ctx = ctx;
        }

        void write(LogMessage message) {
            try {
                if (out == null) {
                    ctx.status(200);
                    ctx.res().setContentType(MEDIA_TYPE + ";charset=utf-8");
                    out = ctx.res().getOutputStream();
                }
                out.write(eliot.toLine(message));
                count++;
            } catch (IOException e) {
                throw new ClientGone(e);
            }
        }
    }

    /** The client hung up mid-answer: stop reading the logs. */
    private static final class ClientGone extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        ClientGone(IOException cause) {
            super(cause);
        }
    }
}
