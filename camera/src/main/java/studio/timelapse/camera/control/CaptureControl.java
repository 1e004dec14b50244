package studio.timelapse.camera.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import studio.timelapse.camera.schedule.CaptureListener;
import studio.timelapse.camera.schedule.CaptureLoop;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;
import studio.timelapse.shared.state.EntityState;
import studio.timelapse.shared.state.Principal;
import studio.timelapse.shared.state.StateStore;

/**
 * Drives the capture loop through the capture state machine: people's commands and the loop's own news both become
 * transitions, persisted with their history, so the camera's state and its reason are always what the agent does.
 * A capture that was running when the agent stopped (a power cut, a reboot) starts again when it opens.
 */
public final class CaptureControl implements AutoCloseable, CaptureListener {
    /** The agent acting on its own behalf. */
    public static final Principal AGENT = Principal.of("agent", CaptureMachine.SYSTEM, CaptureMachine.CONTROL);

    /** Starts a capture loop for a configuration, telling {@code listener} what happens. */
    @FunctionalInterface
    public interface LoopStarter {
        CaptureLoop start(CaptureConfig config, CaptureListener listener);
    }

    private final StateStore<CaptureState, CaptureFacts> states;
    private final Supplier<CaptureConfig> config;
    private final Function<CaptureConfig, List<Refusal>> problems;
    private final LoopStarter loops;
    private final ActionLog log;
    private final Object transitions = new Object();
    private CaptureLoop loop;
    private volatile Optional<String> reason = Optional.empty();
    private final java.util.List<TransitionListener> transitionListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Told of every transition made (the event stream, the LED); called while the transition lock is held. */
    @FunctionalInterface
    public interface TransitionListener {
        void changed(CaptureState from, CaptureState to, String transition, String why);
    }

    public CaptureControl(StateStore<CaptureState, CaptureFacts> states, Supplier<CaptureConfig> config,
            LoopStarter loops, ActionLog log) {
        this(states, config, CaptureConfig::problems, loops, log);
    }

    /** @param problems what is wrong with a configuration for this agent's camera, guarding start and resume */
    public CaptureControl(StateStore<CaptureState, CaptureFacts> states, Supplier<CaptureConfig> config,
            Function<CaptureConfig, List<Refusal>> problems, LoopStarter loops, ActionLog log) {
        this.states = states;
        this.config = config;
        this.problems = problems;
        this.loops = loops;
        this.log = log;
    }

    /** Creates the camera on first start; restarts a capture that was running when the agent last stopped. */
    public void open() {
        synchronized (transitions) {
            EntityState<CaptureState> current = states.current(CaptureMachine.ENTITY_ID).orElseGet(() -> {
                states.create(CaptureMachine.ENTITY_ID, "first start of the agent");
                return fire(AGENT, "ready", "the agent is set up");
            });
            if (current.state().running()) {
                log.message("camera:capture:resume_after_restart", "state", current.state().name());
                startLoop();
            }
        }
    }

    public EntityState<CaptureState> state() {
        return states.current(CaptureMachine.ENTITY_ID).orElseThrow();
    }

    /** Why the camera is in its state, when there is more to say than the state: "outside daily 06:00–20:00". */
    public Optional<String> reason() {
        return reason;
    }

    /** The transitions {@code principal} may fire now: what a client enables. */
    public List<String> available(Principal principal) {
        return states.available(CaptureMachine.ENTITY_ID, facts(principal, true));
    }

    /** Why {@code transition} is not possible now for {@code principal} (empty when it is). */
    public List<Refusal> explain(Principal principal, String transition) {
        return states.explain(CaptureMachine.ENTITY_ID, transition, facts(principal, transition));
    }

    /**
     * Fires a person's command ({@code start}, {@code stop}, {@code pause}, {@code resume}) and starts or stops the
     * loop to match.
     *
     * @throws RefusedException with every reason, when it is not possible now
     */
    public EntityState<CaptureState> command(Principal principal, String transition, String why) {
        EntityState<CaptureState> after;
        CaptureLoop stopped = null;
        synchronized (transitions) {
            after = fire(principal, transition, why);
            switch (transition) {
                case "start", "resume" -> {
                    reason = Optional.empty();
                    stopped = loop;
                    loop = loops.start(config.get(), this);
                }
                case "stop", "pause" -> {
                    reason = Optional.of(transition.equals("pause") ? "paused: " + why : "stopped: " + why);
                    stopped = loop;
                    loop = null;
                }
                default -> {
                    // capture_now and the like change no loop.
                }
            }
        }
        // Outside the lock: the loop's last news needs it, and close() waits for the loop's thread.
        if (stopped != null) {
            stopped.close();
        }
        return after;
    }

    /** After a configuration change: a running capture restarts on the new plan; anything else waits for start. */
    public void restartIfRunning(String why) {
        CaptureLoop old;
        synchronized (transitions) {
            old = loop;
            loop = null;
        }
        if (old == null) {
            return;
        }
        // The old loop ends before the new one starts: two loops would share the camera.
        old.close();
        synchronized (transitions) {
            if (loop == null && state().state().running()) {
                log.message("camera:capture:reconfigured", "why", why);
                loop = loops.start(config.get(), this);
            }
        }
    }

    public void onTransition(TransitionListener listener) {
        transitionListeners.add(listener);
    }

    private EntityState<CaptureState> fire(Principal principal, String transition, String why) {
        Optional<EntityState<CaptureState>> before = states.current(CaptureMachine.ENTITY_ID);
        long version = before.map(EntityState::version).orElse(0L);
        EntityState<CaptureState> after = states.fire(CaptureMachine.ENTITY_ID, transition, version, facts(principal, transition),
                why);
        CaptureState from = before.map(EntityState::state).orElse(CaptureState.INITIALISING);
        for (TransitionListener listener : transitionListeners) {
            listener.changed(from, after.state(), transition, why);
        }
        return after;
    }

    private CaptureFacts facts(Principal principal, String transition) {
        return facts(principal, CaptureMachine.CONFIGURED.contains(transition));
    }

    /**
     * @param checkConfig whether to look at the configuration: only the transitions that start capturing need it,
     *     and it can cost (the synthetic camera measures its render speed the first time it is asked)
     */
    private CaptureFacts facts(Principal principal, boolean checkConfig) {
        return new CaptureFacts(principal, checkConfig ? problems.apply(config.get()) : List.of());
    }

    private void startLoop() {
        loop = loops.start(config.get(), this);
    }

    // --- what the loop says, as the agent's own transitions ---

    @Override
    public void capturing() {
        system("capturing", "frames are being taken", Optional.empty());
    }

    @Override
    public void waiting(String why, Optional<Instant> until) {
        system("wait", why, Optional.of(why + until.map(t -> ", next frame at " + t).orElse("")));
    }

    @Override
    public void held(Refusal why) {
        system("hold", why.describe(), Optional.of(why.describe()));
    }

    @Override
    public void faulted(String why) {
        system("fault", why, Optional.of(why));
    }

    @Override
    public void finished(String why) {
        system("finish", why, Optional.of("finished: " + why));
    }

    /** A loop transition; one the state already made (or that a command overtook) is not an error. */
    private void system(String transition, String why, Optional<String> newReason) {
        synchronized (transitions) {
            EntityState<CaptureState> current = state();
            if (states.explain(CaptureMachine.ENTITY_ID, transition, facts(AGENT, transition)).isEmpty()) {
                fire(AGENT, transition, why);
                reason = newReason;
            } else if (!current.state().running()) {
                log.message("camera:capture:late_news", "transition", transition, "state", current.state().name());
            }
        }
    }

    /** Stops the loop but leaves the persisted state as it is: a running capture resumes at the next start. */
    @Override
    public void close() {
        CaptureLoop running;
        synchronized (transitions) {
            running = loop;
            loop = null;
        }
        if (running != null) {
            running.close();
        }
    }
}
