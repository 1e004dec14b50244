package studio.timelapse.camera.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Entity-tag lists as {@code If-Match} and {@code If-None-Match} carry them (RFC 9110 §8.8.3, §13.1), and the two
 * comparisons: strong (both tags strong, same opaque tag) and weak (same opaque tag).
 */
final class EntityTags {
    /** One tag of a list: its opaque tag (quotes included) and whether it was marked weak ({@code W/}). */
    record Tag(String opaque, boolean weak) {}

    private EntityTags() {}

    /** Whether {@code header} is {@code *} or lists a tag that matches {@code current} (a strong tag) weakly. */
    static boolean anyMatchesWeakly(String header, String current) {
        return header.strip().equals("*")
                || parse(header).map(tags -> tags.stream().anyMatch(tag -> tag.opaque().equals(current)))
                        .orElse(false);
    }

    /** Whether {@code header} is {@code *} or lists a strong tag equal to {@code current} (a strong tag). */
    static boolean anyMatchesStrongly(String header, String current) {
        return header.strip().equals("*")
                || parse(header).map(tags -> tags.stream().anyMatch(tag -> !tag.weak() && tag.opaque().equals(current)))
                        .orElse(false);
    }

    /** The tags of a comma-separated list, or empty if it is not one (a malformed list matches nothing). */
    static Optional<List<Tag>> parse(String header) {
        List<Tag> tags = new ArrayList<>();
        int i = 0;
        int n = header.length();
        while (i < n) {
            char c = header.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            boolean weak = header.startsWith("W/", i);
            int open = weak ? i + 2 : i;
            if (open >= n || header.charAt(open) != '"') {
                return Optional.empty();
            }
            int close = header.indexOf('"', open + 1);
            if (close < 0) {
                return Optional.empty();
            }
            tags.add(new Tag(header.substring(open, close + 1), weak));
            i = close + 1;
            if (i < n && header.charAt(i) != ',' && header.charAt(i) != ' ' && header.charAt(i) != '\t') {
                return Optional.empty();
            }
        }
        return Optional.of(tags);
    }
}
