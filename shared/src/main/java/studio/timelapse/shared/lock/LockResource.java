package studio.timelapse.shared.lock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a lock guards: a path of {@code kind:id} segments from the outermost object in, such as {@code camera:7} or
 * {@code sequence:12/frame:991}. A resource contains its descendants: a lock on {@code sequence:12} guards
 * {@code sequence:12/frame:991} too.
 *
 * @param path the segments joined by {@code /}; kinds are lower snake case, ids letters, digits, {@code . _ -}
 */
public record LockResource(String path) {
    /** Separates segments; no kind or id contains it, which is what makes "starts with path + /" mean descendant. */
    static final char SEPARATOR = '/';
    private static final Pattern SEGMENT = Pattern.compile("[a-z][a-z0-9_]*:[A-Za-z0-9][A-Za-z0-9._-]*");

    public LockResource {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("a lock resource is <kind>:<id>[/<kind>:<id>…], was empty");
        }
        for (String segment : path.split(String.valueOf(SEPARATOR), -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("a lock resource is <kind>:<id>[/<kind>:<id>…] (kind in lower"
                        + " snake case, id of letters, digits, '.', '_', '-'); '" + segment + "' in '" + path
                        + "' is not");
            }
        }
    }

    /** A top-level resource: {@code of("camera", 7)} is {@code camera:7}. */
    public static LockResource of(String kind, Object id) {
        return new LockResource(kind + ":" + id);
    }

    public static LockResource parse(String path) {
        return new LockResource(path);
    }

    /** A resource inside this one: {@code sequence:12} → {@code sequence:12/frame:991}. */
    public LockResource child(String kind, Object id) {
        return new LockResource(path + SEPARATOR + kind + ":" + id);
    }

    /** The lock on this resource for {@code purpose}. */
    public LockName lock(String purpose) {
        return new LockName(this, purpose);
    }

    public Optional<LockResource> parent() {
        int last = path.lastIndexOf(SEPARATOR);
        return last < 0 ? Optional.empty() : Optional.of(new LockResource(path.substring(0, last)));
    }

    /** The resources that contain this one, outermost first: {@code a:1/b:2/c:3} → {@code a:1}, {@code a:1/b:2}. */
    public List<LockResource> ancestors() {
        List<LockResource> ancestors = new ArrayList<>();
        Optional<LockResource> next = parent();
        while (next.isPresent()) {
            ancestors.add(next.get());
            next = next.get().parent();
        }
        Collections.reverse(ancestors);
        return List.copyOf(ancestors);
    }

    /** Whether {@code other} lies inside this resource (at any depth). A resource is not its own ancestor. */
    public boolean isAncestorOf(LockResource other) {
        return other.path.length() > path.length() && other.path.startsWith(path)
                && other.path.charAt(path.length()) == SEPARATOR;
    }

    /** Whether a lock on one of the two guards the other: they are the same, or one contains the other. */
    public boolean overlaps(LockResource other) {
        return equals(other) || isAncestorOf(other) || other.isAncestorOf(this);
    }

    @Override
    public String toString() {
        return path;
    }
}
