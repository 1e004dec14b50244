package studio.timelapse.shared.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * The persistent states of one entity type. Firing a transition is one {@code BEGIN IMMEDIATE} transaction that
 * re-checks everything — the version the caller decided on, the state, every guard — before it moves the entity,
 * bumps its version and records the step in its history. Of two concurrent fires from the same version exactly one
 * wins; the other is refused with a CONFLICT naming the state that won.
 *
 * <p>Each create and fire is an action in the log ({@value #TRANSITION_ACTION}): it succeeds with {@code from},
 * {@code to} and {@code version}, or — refused — logs {@value #REFUSED_MESSAGE} with the refusals and fails with
 * the {@link RefusedException}. History records that action's task, so a step leads to its tree in the log.
 *
 * <p>Needs the shared migrations: {@code db.migrate("shared", "db/shared")}. Thread-safe.
 */
public final class StateStore<S extends Enum<S>, C> {
    public static final String CREATE_ACTION = "timelapse:state:create";
    public static final String TRANSITION_ACTION = "timelapse:state:transition";
    public static final String REFUSED_MESSAGE = "timelapse:state:refused";

    private final SqliteDatabase db;
    private final ActionLog log;
    private final Clock clock;
    private final StateMachine<S, C> machine;
    private final StateRows<S> rows;

    public StateStore(SqliteDatabase db, ActionLog log, Clock clock, StateMachine<S, C> machine) {
        this.db = Objects.requireNonNull(db, "db");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.machine = Objects.requireNonNull(machine, "machine");
        this.rows = new StateRows<>(machine.entityType(), machine.lifecycle().stateType());
    }

    public StateMachine<S, C> machine() {
        return machine;
    }

    /** Creates the entity, initialising, at version 1; CONFLICT if it exists. */
    public EntityState<S> create(String entityId, String why) {
        Objects.requireNonNull(why, "why");
        try (Action action = log.start(CREATE_ACTION, "entity_type", machine.entityType(), "entity_id", entityId,
                "why", why)) {
            return withRefusalsLogged(action, () -> {
                EntityState<S> created = db.write(connection -> {
                    if (rows.find(connection, entityId).isPresent()) {
                        throw new RefusedException(StateRefusals.exists(machine.entityType(), entityId));
                    }
                    EntityState<S> entity = new EntityState<>(machine.entityType(), entityId,
                            machine.lifecycle().initialising(), 1, clock.instant());
                    rows.insert(connection, entity);
                    rows.record(connection, new HistoryEntry<>(machine.entityType(), entityId, 1, HistoryEntry.CREATE,
                            Optional.empty(), entity.state(), entity.since(), why, Optional.of(action.taskUuid())));
                    return entity;
                });
                action.addSuccessFields("state", created.state().name(), "version", created.version());
                return created;
            });
        }
    }

    public Optional<EntityState<S>> current(String entityId) {
        return db.read(connection -> rows.find(connection, entityId));
    }

    /** The transitions that could fire now; none for an entity that does not exist. */
    public List<String> available(String entityId, C context) {
        return current(entityId).map(entity -> machine.available(entity.state(), context)).orElse(List.of());
    }

    /** Why {@code transition} cannot fire now, every reason at once; empty means it can. */
    public List<Refusal> explain(String entityId, String transition, C context) {
        return current(entityId).map(entity -> machine.explain(entity.state(), transition, context))
                .orElseGet(() -> List.of(StateRefusals.unknownEntity(machine.entityType(), entityId)));
    }

    /** {@link #execute} for a transition without input of its own. */
    public EntityState<S> fire(String entityId, String transition, long expectedVersion, C context, String why) {
        return execute(entityId, Command.of(transition), expectedVersion, context, why);
    }

    /**
     * Validates the command, then — in one write transaction — checks the version, state and guards, moves the
     * entity, records the step and applies the command's own change. Nothing changes unless every check passes.
     *
     * @param expectedVersion the version the caller saw when it decided
     * @param why the cause, for history and log: "pressed pause", "disk full"
     * @return the entity after the transition
     * @throws RefusedException with every reason, when a check fails
     */
    public EntityState<S> execute(String entityId, Command command, long expectedVersion, C context, String why) {
        Objects.requireNonNull(why, "why");
        try (Action action = log.start(TRANSITION_ACTION, "entity_type", machine.entityType(), "entity_id",
                entityId, "transition", command.transition(), "expected_version", expectedVersion, "why", why)) {
            return withRefusalsLogged(action, () -> {
                List<Refusal> invalid = command.validate();
                if (!invalid.isEmpty()) {
                    throw new RefusedException(invalid);
                }
                Step<S> step = db.write(connection -> fireInside(connection, entityId, command, expectedVersion,
                        context, why, action.taskUuid()));
                action.addSuccessFields("from", step.before().state().name(), "to", step.after().state().name(),
                        "version", step.after().version());
                return step.after();
            });
        }
    }

    /** The entity's steps, creation first. */
    public List<HistoryEntry<S>> history(String entityId) {
        return db.read(connection -> rows.history(connection, entityId));
    }

    private Step<S> fireInside(Connection connection, String entityId, Command command, long expectedVersion,
            C context, String why, String taskUuid) throws SQLException {
        EntityState<S> before = rows.find(connection, entityId).orElseThrow(
                () -> new RefusedException(StateRefusals.unknownEntity(machine.entityType(), entityId)));
        if (before.version() != expectedVersion) {
            throw conflict(connection, before, expectedVersion);
        }
        List<Refusal> refusals = machine.explain(before.state(), command.transition(), context);
        if (!refusals.isEmpty()) {
            throw new RefusedException(refusals);
        }
        S to = machine.target(before.state(), command.transition());
        Instant now = clock.instant();
        EntityState<S> after = new EntityState<>(machine.entityType(), entityId, to, before.version() + 1,
                to == before.state() ? before.since() : now);
        if (!rows.update(connection, before, after)) {
            // Unreachable while every writer goes through BEGIN IMMEDIATE; the WHERE version = ? keeps it safe if not.
            throw conflict(connection, rows.find(connection, entityId).orElseThrow(), expectedVersion);
        }
        rows.record(connection, new HistoryEntry<>(machine.entityType(), entityId, after.version(),
                command.transition(), Optional.of(before.state()), to, now, why, Optional.of(taskUuid)));
        command.apply(connection, after);
        return new Step<>(before, after);
    }

    private RefusedException conflict(Connection connection, EntityState<S> now, long expectedVersion)
            throws SQLException {
        Optional<String> winner = rows.step(connection, now.entityId(), now.version()).map(HistoryEntry::transition);
        return new RefusedException(StateRefusals.conflict(now, expectedVersion, winner));
    }

    /** Runs {@code body}; a refusal is logged with its reasons and fails the action, then reaches the caller. */
    private static <T> T withRefusalsLogged(Action action, Supplier<T> body) {
        try {
            return body.get();
        } catch (RefusedException e) {
            action.log(REFUSED_MESSAGE, "refusals", e.refusals().stream().map(Refusal::toFields).toList());
            throw action.fail(e);
        } catch (RuntimeException | Error e) {
            action.fail(e);
            throw e;
        }
    }

    private record Step<S extends Enum<S>>(EntityState<S> before, EntityState<S> after) {}
}
