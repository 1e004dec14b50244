package studio.timelapse.camera.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A route's query parameters, strictly: only the names it knows, each at most once. */
final class Query {
    private final Context ctx;

    private Query(Context ctx, Set<String> known) {
        this.ctx = ctx;
        Set<String> unknown = new TreeSet<>(ctx.queryParamMap().keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            String name = unknown.iterator().next();
            throw Invalid.refused(name, "api.unknown_parameter", "There is no query parameter '" + name + "' on "
                    + ctx.path(), known.isEmpty() ? "leave it out" : "use " + String.join(", ", new TreeSet<>(known)));
        }
    }

    static Query of(Context ctx, Set<String> known) {
        return new Query(ctx, known);
    }

    Optional<String> single(String name) {
        List<String> values = ctx.queryParams(name);
        if (values.size() > 1) {
            throw Invalid.refused(name, "api.repeated_parameter", "The query parameter '" + name + "' is given "
                    + values.size() + " times", "give it once");
        }
        return values.stream().findFirst();
    }

    /** A whole number in {@code min}..{@code max}, or {@code fallback} when absent. */
    int integer(String name, int min, int max, int fallback) {
        Optional<String> value = single(name);
        if (value.isEmpty()) {
            return fallback;
        }
        String text = value.get();
        if (!text.matches("[0-9]{1,9}") || Integer.parseInt(text) < min || Integer.parseInt(text) > max) {
            throw Invalid.refused(name, "api.out_of_range", "'" + name + "' must be a whole number from " + min
                    + " to " + max + ", was '" + bounded(text) + "'", "ask for " + min + "–" + max);
        }
        return Integer.parseInt(text);
    }

    static String bounded(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
