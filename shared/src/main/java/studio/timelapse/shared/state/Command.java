package studio.timelapse.shared.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import studio.timelapse.shared.refusal.Refusal;

/**
 * A change a caller asks of an entity, checked the one standard way before anything changes (see
 * {@link StateStore#execute}):
 * <ol>
 *   <li>{@link #validate()} — the input on its own: every mistake, kind {@link Refusal.Kind#INVALID};</li>
 *   <li>the transition's state and guards — permission (FORBIDDEN), conditions (GUARD), locks (LOCKED) — and the
 *       version the caller decided on (CONFLICT), inside the write transaction;</li>
 *   <li>only then the transition and {@link #apply}, in that same transaction.</li>
 * </ol>
 * Validation comes first because guards may rely on valid input; each step reports all its reasons at once.
 * A bare transition with no input is {@code Command.of("pause")}.
 */
@FunctionalInterface
public interface Command {

    /** The transition this command fires. */
    String transition();

    /** Every mistake in the input itself (kind INVALID, with a {@code field} detail where one is at fault). */
    default List<Refusal> validate() {
        return List.of();
    }

    /**
     * The command's own change (new settings, a renamed title), made in the transition's transaction after every
     * check passed: if it throws, the transition is undone too.
     */
    default void apply(Connection connection, EntityState<?> after) throws SQLException {
        // A bare transition changes nothing else.
    }

    static Command of(String transition) {
        return () -> transition;
    }
}
