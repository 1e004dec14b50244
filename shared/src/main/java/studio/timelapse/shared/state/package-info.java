/**
 * State machines for persistent entities: a {@link studio.timelapse.shared.state.StateMachine} declares an entity
 * type's states, its named transitions and their guards, on top of the {@link studio.timelapse.shared.state.Lifecycle}
 * every entity shares; a {@link studio.timelapse.shared.state.StateStore} keeps each entity's state in SQLite and fires
 * transitions atomically, with optimistic concurrency, history and an action in the log.
 *
 * <p>Clients ask {@code available()} and {@code explain()}; they never re-implement transition rules. Every "no" is a
 * {@link studio.timelapse.shared.refusal.Refusal}. See {@code docs/conventions.md}, "State machines".
 */
package studio.timelapse.shared.state;
