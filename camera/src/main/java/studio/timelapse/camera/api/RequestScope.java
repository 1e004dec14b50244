package studio.timelapse.camera.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.refusal.Refusal;

/**
 * One request's place in the action log: its {@value #REQUEST_ACTION} action (inside an {@code eliot:remote_task}
 * when the caller sent its task id), what handlers add to its end (bytes sent, a cut, events sent), and the
 * unexpected failure, if any. Finished exactly once, by {@link RequestLog}, when the response is complete — on the
 * request's thread, or on whichever thread ends an asynchronous response.
 */
final class RequestScope {
    static final String REQUEST_ACTION = "camera:api:request";
    /** Logged before a request's action fails, so that a failed request has its status and duration too. */
    static final String RESPONSE_MESSAGE = "camera:api:response";
    private static final String ATTRIBUTE = RequestScope.class.getName();

    private final Optional<Action> remote;
    private final Action request;
    private final Optional<Refusal> headerProblem;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final Map<String, Object> endFields = new LinkedHashMap<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Throwable failure;

    private RequestScope(Optional<Action> remote, Action request, Optional<Refusal> headerProblem,
            LongSupplier nanoTime, long startNanos) {
        this.remote = remote;
        this.request = request;
        this.headerProblem = headerProblem;
        this.nanoTime = nanoTime;
        this.startNanos = startNanos;
    }

    /**
     * Starts the request's actions on this thread: continuing the caller's task when {@code taskIdHeader} is a
     * well-formed task id, else a task of its own (a malformed id is kept as a problem the request is refused for).
     */
    static RequestScope begin(ActionLog log, String taskIdHeader, Map<String, Object> fields, LongSupplier nanoTime) {
        long start = nanoTime.getAsLong();
        if (taskIdHeader != null && TaskIdHeader.wellFormed(taskIdHeader)) {
            try {
                Action remote = log.continueTask(taskIdHeader);
                return new RequestScope(Optional.of(remote), log.start(REQUEST_ACTION, fields), Optional.empty(),
                        nanoTime, start);
            } catch (IllegalArgumentException e) {
                return malformed(log, taskIdHeader, fields, nanoTime, start);
            }
        }
        if (taskIdHeader != null) {
            return malformed(log, taskIdHeader, fields, nanoTime, start);
        }
        return new RequestScope(Optional.empty(), log.startTask(REQUEST_ACTION, pairs(fields)), Optional.empty(),
                nanoTime, start);
    }

    private static RequestScope malformed(ActionLog log, String header, Map<String, Object> fields,
            LongSupplier nanoTime, long start) {
        Map<String, Object> withHeader = new LinkedHashMap<>(fields);
        withHeader.put("task_id_header", TaskIdHeader.forLog(header));
        Refusal problem = Invalid.input(ActionLog.TASK_ID_HEADER, "api.task_id_malformed",
                "The " + ActionLog.TASK_ID_HEADER + " header is not a serialized task id",
                "send <task_uuid>@/<level>…, as Action.serializeTaskId() gives it, or leave the header out");
        return new RequestScope(Optional.empty(), log.startTask(REQUEST_ACTION, pairs(withHeader)),
                Optional.of(problem), nanoTime, start);
    }

    /** {@code startTask} takes its fields as name, value, name, value… */
    private static Object[] pairs(Map<String, Object> fields) {
        return fields.entrySet().stream().flatMap(field -> java.util.stream.Stream.of(field.getKey(), field.getValue()))
                .toArray();
    }

    void attachTo(jakarta.servlet.ServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** The scope of a request that went through {@link RequestLog}. */
    static RequestScope of(Context ctx) {
        RequestScope scope = ctx.attribute(ATTRIBUTE);
        if (scope == null) {
            throw new IllegalStateException("no request scope: the app was built without its RequestLog filter");
        }
        return scope;
    }

    Action action() {
        return request;
    }

    String taskUuid() {
        return request.taskUuid();
    }

    Optional<Refusal> headerProblem() {
        return headerProblem;
    }

    /** Fields for the end of the request's action ({@code bytes_sent}, {@code cut}, …). */
    void addEndFields(Object... keysAndValues) {
        synchronized (endFields) {
            for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
                endFields.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
    }

    /** The unexpected exception the request was answered 500 for; it fails the action when the request ends. */
    void failed(Throwable error) {
        failure = error;
    }

    /** Ends the request's actions with its status and duration; later calls do nothing. */
    void finish(int status) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("status", status);
        end.put("duration_ms", Math.round((nanoTime.getAsLong() - startNanos) / 1_000.0) / 1_000.0);
        synchronized (endFields) {
            end.putAll(endFields);
        }
        Throwable error = failure;
        if (error == null) {
            request.addSuccessFields(end);
            request.close();
        } else {
            request.log(RESPONSE_MESSAGE, end);
            request.fail(error);
        }
        remote.ifPresent(Action::close);
    }
}
