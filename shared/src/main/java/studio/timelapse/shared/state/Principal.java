package studio.timelapse.shared.state;

import java.util.Objects;
import java.util.Set;

/**
 * Who asks for a change, and what they may do, as a permission guard sees it.
 *
 * @param name shown in refusals: "alice", "the capture scheduler"
 * @param permissions the permission names granted, such as {@code camera.capture}
 */
public record Principal(String name, Set<String> permissions) {

    public Principal {
        Objects.requireNonNull(name, "name");
        permissions = Set.copyOf(permissions);
    }

    public static Principal of(String name, String... permissions) {
        return new Principal(name, Set.of(permissions));
    }

    public boolean may(String permission) {
        return permissions.contains(permission);
    }
}
