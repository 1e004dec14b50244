package studio.timelapse.camera.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How a frame download is answered, row by row against RFC 9110 §13 (conditional requests) and §14 (range
 * requests). Each row: a frame of some length, the request's headers, and the answer — 200, 206 with the bytes, 304,
 * 412 or 416.
 */
class DownloadPlanTest {
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String ETAG = "\"" + SHA + "\"";
    private static final Instant MODIFIED = Instant.parse("2026-06-21T04:00:00Z");
    private static final String MODIFIED_DATE = "Sun, 21 Jun 2026 04:00:00 GMT";
    private static final Instant LATER = MODIFIED.plusSeconds(3600);

    static Stream<Arguments> rows() {
        return Stream.of(
                // Plain ranges on a 1000-byte frame.
                row("no Range: the whole frame", 1000, h -> h, "200"),
                row("first hundred bytes", 1000, h -> h.withRange("bytes=0-99"), "206 0-99"),
                row("from an offset to the end", 1000, h -> h.withRange("bytes=100-"), "206 100-999"),
                row("the last hundred bytes (suffix)", 1000, h -> h.withRange("bytes=-100"), "206 900-999"),
                row("the first byte only", 1000, h -> h.withRange("bytes=0-0"), "206 0-0"),
                row("the last byte only", 1000, h -> h.withRange("bytes=999-999"), "206 999-999"),
                row("a last position past the end is clamped", 1000, h -> h.withRange("bytes=500-5000"), "206 500-999"),
                row("a first position at the length selects nothing", 1000, h -> h.withRange("bytes=1000-"), "416"),
                row("a range wholly past the end", 1000, h -> h.withRange("bytes=1500-1600"), "416"),
                row("a suffix longer than the frame is the whole frame", 1000, h -> h.withRange("bytes=-2000"),
                        "206 0-999"),
                row("a zero-length suffix selects nothing", 1000, h -> h.withRange("bytes=-0"), "416"),
                row("positions beyond any long are past the end", 1000,
                        h -> h.withRange("bytes=0-99999999999999999999999"), "206 0-999"),
                row("a first position beyond any long", 1000, h -> h.withRange("bytes=99999999999999999999-"), "416"),
                // One byte, and nothing at all.
                row("1-byte frame, bytes=0-0", 1, h -> h.withRange("bytes=0-0"), "206 0-0"),
                row("1-byte frame, suffix of one", 1, h -> h.withRange("bytes=-1"), "206 0-0"),
                row("1-byte frame, from position 1", 1, h -> h.withRange("bytes=1-"), "416"),
                row("empty frame, bytes=0-", 0, h -> h.withRange("bytes=0-"), "416"),
                row("empty frame, a suffix: no 206 can say zero bytes, so the whole", 0,
                        h -> h.withRange("bytes=-5"), "200"),
                row("empty frame, no Range", 0, h -> h, "200"),
                // Ranges the RFC says to ignore (the whole frame), and several ranges (our choice: the whole frame).
                row("another unit is ignored", 1000, h -> h.withRange("items=0-1"), "200"),
                row("the unit is case-insensitive", 1000, h -> h.withRange("Bytes=0-1"), "206 0-1"),
                row("last before first is invalid: ignored", 1000, h -> h.withRange("bytes=5-1"), "200"),
                row("huge last before huge first is invalid too", 1000,
                        h -> h.withRange("bytes=99999999999999999999-99999999999999999998"), "200"),
                row("not numbers", 1000, h -> h.withRange("bytes=abc"), "200"),
                row("no ranges at all", 1000, h -> h.withRange("bytes="), "200"),
                row("no '='", 1000, h -> h.withRange("bytes"), "200"),
                row("spaces inside a range", 1000, h -> h.withRange("bytes=1 - 2"), "200"),
                row("a space before '='", 1000, h -> h.withRange("bytes =0-1"), "200"),
                row("a negative first position", 1000, h -> h.withRange("bytes=--1"), "200"),
                row("several ranges: the whole frame", 1000, h -> h.withRange("bytes=0-1,5-6"), "200"),
                row("several ranges, all unsatisfiable: still the whole frame", 1000,
                        h -> h.withRange("bytes=2000-2001,3000-"), "200"),
                row("empty list elements are allowed", 1000, h -> h.withRange("bytes=, 0-1 ,"), "206 0-1"),
                // If-Range.
                row("If-Range with the frame's tag", 1000, h -> h.withRange("bytes=0-9").withIfRange(ETAG), "206 0-9"),
                row("If-Range with another tag: the whole frame", 1000,
                        h -> h.withRange("bytes=0-9").withIfRange("\"other\""), "200"),
                row("If-Range with the weak form of the tag never matches", 1000,
                        h -> h.withRange("bytes=0-9").withIfRange("W/" + ETAG), "200"),
                row("If-Range with the Last-Modified date", 1000,
                        h -> h.withRange("bytes=0-9").withIfRange(MODIFIED_DATE), "206 0-9"),
                row("If-Range with that date in RFC 850 form", 1000,
                        h -> h.withRange("bytes=0-9").withIfRange("Sunday, 21-Jun-26 04:00:00 GMT"), "206 0-9"),
                row("If-Range with that date in asctime form", 1000,
                        h -> h.withRange("bytes=0-9").withIfRange("Sun Jun 21 04:00:00 2026"), "206 0-9"),
                row("If-Range with another date", 1000,
                        h -> h.withRange("bytes=0-9").withIfRange("Sun, 21 Jun 2026 03:59:59 GMT"), "200"),
                row("If-Range with garbage", 1000, h -> h.withRange("bytes=0-9").withIfRange("yesterday"), "200"),
                row("If-Range without Range is ignored", 1000, h -> h.withIfRange("\"other\""), "200"),
                row("If-Range and an unsatisfiable range", 1000,
                        h -> h.withRange("bytes=5000-").withIfRange(ETAG), "416"),
                // If-None-Match and If-Modified-Since.
                row("If-None-Match with the tag", 1000, h -> h.withIfNoneMatch(ETAG), "304"),
                row("If-None-Match compares weakly", 1000, h -> h.withIfNoneMatch("W/" + ETAG), "304"),
                row("If-None-Match in a list", 1000, h -> h.withIfNoneMatch("\"a\", " + ETAG), "304"),
                row("If-None-Match *", 1000, h -> h.withIfNoneMatch("*"), "304"),
                row("If-None-Match with another tag", 1000, h -> h.withIfNoneMatch("\"other\""), "200"),
                row("If-None-Match comes before Range", 1000, h -> h.withIfNoneMatch(ETAG).withRange("bytes=0-9"),
                        "304"),
                row("a malformed If-None-Match matches nothing", 1000, h -> h.withIfNoneMatch(SHA), "200"),
                row("If-Modified-Since the Last-Modified date", 1000, h -> h.withIfModifiedSince(MODIFIED_DATE), "304"),
                row("If-Modified-Since an earlier date", 1000,
                        h -> h.withIfModifiedSince("Sun, 21 Jun 2026 03:00:00 GMT"), "200"),
                row("If-Modified-Since is ignored beside If-None-Match", 1000,
                        h -> h.withIfNoneMatch("\"other\"").withIfModifiedSince(MODIFIED_DATE), "200"),
                row("If-Modified-Since with garbage is ignored", 1000, h -> h.withIfModifiedSince("soon"), "200"),
                // If-Match and If-Unmodified-Since.
                row("If-Match with the tag", 1000, h -> h.withIfMatch(ETAG).withRange("bytes=0-9"), "206 0-9"),
                row("If-Match with another tag", 1000, h -> h.withIfMatch("\"other\""), "412"),
                row("If-Match compares strongly", 1000, h -> h.withIfMatch("W/" + ETAG), "412"),
                row("If-Unmodified-Since an earlier date", 1000,
                        h -> h.withIfUnmodifiedSince("Sun, 21 Jun 2026 03:00:00 GMT"), "412"),
                row("If-Unmodified-Since the Last-Modified date", 1000,
                        h -> h.withIfUnmodifiedSince(MODIFIED_DATE), "200"),
                // HEAD.
                row("HEAD ignores Range", 1000, h -> h.asHead().withRange("bytes=0-9"), "200"),
                row("HEAD with If-None-Match", 1000, h -> h.asHead().withIfNoneMatch(ETAG), "304"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void answers(String description, long length, UnaryOperator<DownloadPlan.Headers> request, String expected) {
        DownloadPlan.Answer answer = DownloadPlan.decide(request.apply(DownloadPlan.Headers.get()),
                new Representation(length, SHA, MODIFIED), LATER);
        assertThat(describe(answer)).isEqualTo(expected);
    }

    @Test
    void aDateValidatesIfRangeOnlyOnceItsSecondIsOver() {
        DownloadPlan.Headers request = DownloadPlan.Headers.get().withRange("bytes=0-9").withIfRange(MODIFIED_DATE);
        Representation justWritten = new Representation(1000, SHA, MODIFIED.plusMillis(300));
        assertThat(describe(DownloadPlan.decide(request, justWritten, MODIFIED.plusMillis(800)))).isEqualTo("200");
        assertThat(describe(DownloadPlan.decide(request, justWritten, MODIFIED.plusSeconds(1)))).isEqualTo("206 0-9");
    }

    @Test
    void httpDatesAreWrittenAsImfFixdateAndReadInAllThreeForms() {
        assertThat(HttpDates.format(Instant.parse("1994-11-06T08:49:37Z"))).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT", now)).contains(Instant.parse("1994-11-06T08:49:37Z"));
        assertThat(HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT", now)).contains(Instant.parse("1994-11-06T08:49:37Z"));
        assertThat(HttpDates.parse("Sun Nov  6 08:49:37 1994", now)).contains(Instant.parse("1994-11-06T08:49:37Z"));
        assertThat(HttpDates.parse("Wednesday, 01-Jan-70 00:00:00 GMT", now)).contains(Instant.parse("2070-01-01T00:00:00Z"));
        assertThat(HttpDates.parse("Monday, 01-Jan-froze GMT", now)).isEmpty();
        assertThat(HttpDates.parse("sun, 06 nov 1994 08:49:37 GMT", now)).as("names are case-sensitive").isEmpty();
    }

    @Test
    void theDigestIsTheBase64OfTheSha256() {
        assertThat(new Representation(4, SHA, MODIFIED).reprDigest())
                .isEqualTo("sha-256=:n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=:");
    }

    private static Arguments row(String description, long length, UnaryOperator<DownloadPlan.Headers> request,
            String expected) {
        return Arguments.of(description, length, request, expected);
    }

    private static String describe(DownloadPlan.Answer answer) {
        return answer instanceof DownloadPlan.Part part ? "206 " + part.first() + "-" + part.last()
                : Integer.toString(answer.status());
    }
}
