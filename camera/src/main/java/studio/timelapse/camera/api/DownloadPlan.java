package studio.timelapse.camera.api;

import java.time.Instant;
import java.util.Optional;

/**
 * How a GET or HEAD of a frame is answered, from its conditional and range headers, in RFC 9110's order of
 * evaluation (§13.2.2): {@code If-Match} (else {@code If-Unmodified-Since}) → 412; {@code If-None-Match} (else
 * {@code If-Modified-Since}) → 304; then, for a GET with {@code Range}, {@code If-Range} decides whether the range is
 * honoured (206, or 416 when it selects nothing) or the whole frame is sent (200). A HEAD ignores {@code Range}.
 * Pure logic: no I/O, the clock passed in.
 */
final class DownloadPlan {
    private DownloadPlan() {}

    /** The answer. */
    sealed interface Answer permits Whole, Part, NotModified, PreconditionFailed, RangeNotSatisfiable {
        int status();
    }

    /** 200 with the whole frame. */
    record Whole() implements Answer {
        @Override
        public int status() {
            return 200;
        }
    }

    /** 206 with bytes {@code first}..{@code last} (both included). */
    record Part(long first, long last) implements Answer {
        @Override
        public int status() {
            return 206;
        }

        long length() {
            return last - first + 1;
        }
    }

    /** 304: the client's copy is current. */
    record NotModified() implements Answer {
        @Override
        public int status() {
            return 304;
        }
    }

    /** 412: {@code If-Match} or {@code If-Unmodified-Since} is false; {@code header} names which. */
    record PreconditionFailed(String header) implements Answer {
        @Override
        public int status() {
            return 412;
        }
    }

    /** 416: the range selects nothing of the frame. */
    record RangeNotSatisfiable() implements Answer {
        @Override
        public int status() {
            return 416;
        }
    }

    /** The request's method and the headers that matter, as received (absent when not sent). */
    record Headers(boolean head, Optional<String> range, Optional<String> ifRange, Optional<String> ifMatch,
            Optional<String> ifNoneMatch, Optional<String> ifModifiedSince, Optional<String> ifUnmodifiedSince) {

        static Headers get() {
            return new Headers(false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }

        Headers withRange(String value) {
            return new Headers(head, Optional.of(value), ifRange, ifMatch, ifNoneMatch, ifModifiedSince,
                    ifUnmodifiedSince);
        }

        Headers withIfRange(String value) {
            return new Headers(head, range, Optional.of(value), ifMatch, ifNoneMatch, ifModifiedSince,
                    ifUnmodifiedSince);
        }

        Headers withIfMatch(String value) {
            return new Headers(head, range, ifRange, Optional.of(value), ifNoneMatch, ifModifiedSince,
                    ifUnmodifiedSince);
        }

        Headers withIfNoneMatch(String value) {
            return new Headers(head, range, ifRange, ifMatch, Optional.of(value), ifModifiedSince, ifUnmodifiedSince);
        }

        Headers withIfModifiedSince(String value) {
            return new Headers(head, range, ifRange, ifMatch, ifNoneMatch, Optional.of(value), ifUnmodifiedSince);
        }

        Headers withIfUnmodifiedSince(String value) {
            return new Headers(head, range, ifRange, ifMatch, ifNoneMatch, ifModifiedSince, Optional.of(value));
        }

        Headers asHead() {
            return new Headers(true, range, ifRange, ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince);
        }
    }

    static Answer decide(Headers request, Representation frame, Instant now) {
        if (request.ifMatch().isPresent()) {
            if (!EntityTags.anyMatchesStrongly(request.ifMatch().get(), frame.etag())) {
                return new PreconditionFailed("If-Match");
            }
        } else if (request.ifUnmodifiedSince().isPresent()) {
            Optional<Instant> since = HttpDates.parse(request.ifUnmodifiedSince().get(), now);
            if (since.isPresent() && frame.lastModified().isAfter(since.get())) {
                return new PreconditionFailed("If-Unmodified-Since");
            }
        }
        if (request.ifNoneMatch().isPresent()) {
            if (EntityTags.anyMatchesWeakly(request.ifNoneMatch().get(), frame.etag())) {
                return new NotModified();
            }
        } else if (request.ifModifiedSince().isPresent()) {
            Optional<Instant> since = HttpDates.parse(request.ifModifiedSince().get(), now);
            if (since.isPresent() && !frame.lastModified().isAfter(since.get())) {
                return new NotModified();
            }
        }
        if (request.head() || request.range().isEmpty()) {
            return new Whole(); // range handling is defined for GET only (RFC 9110 §14.2)
        }
        if (request.ifRange().isPresent() && !ifRangeHolds(request.ifRange().get(), frame, now)) {
            return new Whole();
        }
        ByteRanges.Outcome range = ByteRanges.evaluate(request.range().get(), frame.length());
        if (range instanceof ByteRanges.Satisfiable part) {
            return new Part(part.first(), part.last());
        }
        return range instanceof ByteRanges.Unsatisfiable ? new RangeNotSatisfiable() : new Whole();
    }

    /**
     * RFC 9110 §13.1.5: an entity tag must match strongly (a weak tag never does); a date must equal the frame's
     * Last-Modified, and that date must be strong — its second over before this request, so the file cannot have
     * changed again within it (§8.8.2.2). Anything else is false.
     */
    private static boolean ifRangeHolds(String validator, Representation frame, Instant now) {
        if (validator.startsWith("\"") || validator.startsWith("W/\"")) {
            return validator.equals(frame.etag());
        }
        boolean strongDate = !frame.lastModified().plusSeconds(1).isAfter(now);
        return strongDate && HttpDates.parse(validator, now).map(frame.lastModified()::equals).orElse(false);
    }
}
