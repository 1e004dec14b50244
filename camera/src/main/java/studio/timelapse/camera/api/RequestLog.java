package studio.timelapse.camera.api;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import studio.timelapse.shared.actionlog.ActionLog;

/**
 * Logs every request that reaches the app as one action, {@value RequestScope#REQUEST_ACTION}, with its method,
 * path, client, status and duration, and makes that action the current one while Javalin's handlers run, so that their
 * own actions nest under it. A servlet filter rather than before/after handlers because it wraps the whole request on
 * its thread — the thread's previous action comes back however the request ends — and sees the response complete even
 * when an asynchronous one (the event stream) ends on another thread.
 */
final class RequestLog implements Filter {
    /** Every response names the task that logged it, so that a client can fetch the story of any answer. */
    static final String TASK_HEADER = "X-Timelapse-Task";
    private static final int MAX_LOGGED_PATH = 1000;

    private final ActionLog log;
    private final LongSupplier nanoTime;

    RequestLog(ActionLog log, LongSupplier nanoTime) {
        this.log = log;
        this.nanoTime = nanoTime;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse answer = (HttpServletResponse) response;
        // wrap() restores this thread's action afterwards, also when the request goes on asynchronously.
        Callable<Void> scoped = log.wrap(() -> {
            serve(http, answer, chain);
            return null;
        });
        try {
            scoped.call();
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RequestScope scope = RequestScope.begin(log, request.getHeader(ActionLog.TASK_ID_HEADER), fields(request),
                nanoTime);
        scope.attachTo(request);
        response.setHeader(TASK_HEADER, scope.taskUuid());
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            scope.failed(e);
            scope.finish(500);
            throw e;
        }
        if (request.isAsyncStarted()) {
            request.getAsyncContext().addListener(new Completion(scope, response));
        } else {
            scope.finish(response.getStatus());
        }
    }

    private static Map<String, Object> fields(HttpServletRequest request) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("method", request.getMethod());
        fields.put("path", bounded(request.getRequestURI()));
        if (request.getQueryString() != null) {
            fields.put("query", bounded(request.getQueryString()));
        }
        fields.put("client", request.getRemoteAddr());
        return fields;
    }

    private static String bounded(String text) {
        return text.length() <= MAX_LOGGED_PATH ? text : text.substring(0, MAX_LOGGED_PATH) + "…";
    }

    /** Ends the request's action when an asynchronous response completes. */
    private record Completion(RequestScope scope, HttpServletResponse response) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            scope.finish(response.getStatus());
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows.
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows.
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // Stays registered.
        }
    }
}
