package studio.timelapse.camera.api;

/**
 * The {@code Range} header of a GET, read as RFC 9110 §14 says, against a representation of {@code length} bytes.
 * Only the {@code bytes} unit exists; a header in another unit, or one that is not a valid ranges-specifier, is
 * ignored (the whole representation is sent, 200). A valid single range is either satisfiable — {@code a-b}, {@code
 * a-} and the suffix {@code -n}, clamped to the end — or not (416). Several ranges in one header are answered with the
 * whole representation (200), which the RFC allows and which spares the agent multipart bodies nobody here needs.
 */
final class ByteRanges {
    private ByteRanges() {}

    /** What a {@code Range} header asks for. */
    sealed interface Outcome permits Ignored, Satisfiable, Unsatisfiable {}

    /** Send the whole representation, as if there were no {@code Range}; {@code why} is for logs and tests. */
    record Ignored(String why) implements Outcome {}

    /** Bytes {@code first}..{@code last}, both included, within the representation. */
    record Satisfiable(long first, long last) implements Outcome {
        long length() {
            return last - first + 1;
        }
    }

    /** A valid range that selects nothing of the representation: 416 with {@code Content-Range: bytes *}/length. */
    record Unsatisfiable() implements Outcome {}

    /** A valid range-spec: {@code first-last}, {@code first-} ({@code last} is -1) or the suffix {@code -length}. */
    private record Spec(long first, long last, long suffix) {
        boolean isSuffix() {
            return first < 0;
        }
    }

    static Outcome evaluate(String header, long length) {
        int equals = header.indexOf('=');
        if (equals <= 0) {
            return new Ignored("not a ranges-specifier");
        }
        String unit = header.substring(0, equals);
        if (!unit.equalsIgnoreCase("bytes")) {
            return new Ignored("the range unit '" + unit + "' is not bytes");
        }
        java.util.List<Spec> specs = new java.util.ArrayList<>();
        // A list: empty elements and whitespace around the commas are allowed (RFC 9110 §5.6.1).
        for (String element : header.substring(equals + 1).split(",", -1)) {
            String text = element.strip();
            if (text.isEmpty()) {
                continue;
            }
            Spec spec = spec(text);
            if (spec == null) {
                return new Ignored("'" + text + "' is not a byte range");
            }
            specs.add(spec);
        }
        if (specs.isEmpty()) {
            return new Ignored("no ranges");
        }
        if (specs.size() > 1) {
            return new Ignored("several ranges: the whole representation instead");
        }
        return select(specs.get(0), length);
    }

    private static Outcome select(Spec spec, long length) {
        if (spec.isSuffix()) {
            if (spec.suffix() == 0) {
                return new Unsatisfiable();
            }
            if (length == 0) {
                // Satisfiable by the RFC's words, yet no 206 can describe zero bytes: the whole (empty) body it is.
                return new Ignored("a suffix of an empty representation");
            }
            return new Satisfiable(Math.max(0, length - spec.suffix()), length - 1);
        }
        if (spec.first() >= length) {
            return new Unsatisfiable();
        }
        long last = spec.last() < 0 || spec.last() >= length ? length - 1 : spec.last();
        return new Satisfiable(spec.first(), last);
    }

    /** One range-spec, or null if it is not one; positions too large for a long saturate (past any file's end). */
    private static Spec spec(String text) {
        int dash = text.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String before = text.substring(0, dash);
        String after = text.substring(dash + 1);
        if (before.isEmpty()) {
            return digits(after) ? new Spec(-1, -1, number(after)) : null;
        }
        if (!digits(before) || !(after.isEmpty() || digits(after))) {
            return null;
        }
        if (!after.isEmpty() && compare(after, before) < 0) {
            return null; // an int-range whose last-pos is before its first-pos is invalid (RFC 9110 §14.1.1)
        }
        return new Spec(number(before), after.isEmpty() ? -1 : number(after), -1);
    }

    private static boolean digits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static long number(String digits) {
        String significant = significant(digits);
        return significant.length() > 18 ? Long.MAX_VALUE : Long.parseLong(significant);
    }

    /** Compares two digit strings of any length as the numbers they are. */
    private static int compare(String a, String b) {
        String x = significant(a);
        String y = significant(b);
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }

    private static String significant(String digits) {
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
    }
}
