package studio.timelapse.shared.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.cancel.StopSignal;
import studio.timelapse.shared.cancel.StoppedException;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.lock.Lease;
import studio.timelapse.shared.lock.LockHolder;
import studio.timelapse.shared.lock.LockName;
import studio.timelapse.shared.lock.LockRequest;
import studio.timelapse.shared.lock.LockUnavailableException;
import studio.timelapse.shared.lock.Locks;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * The one job runner: named queues with their worker counts, jobs stored in SQLite, run as chunks with a checkpoint
 * after each, so that a killed process resumes where it was. See docs/conventions.md (Resumable jobs).
 *
 * <p>Each run is an action ({@code <job type>} with {@code job_id} and {@code attempt}) with progress and heartbeat
 * per the convention. On start, and with every heartbeat, jobs left running by a dead process become
 * {@code interrupted} and are resumed first.
 *
 * <p>A run whose end cannot be recorded (a full disk, a database busy past its timeout) is tried again with backoff
 * while the runner lives; until then the job reads "running" and nothing else takes it. A runner closed before it
 * could record the end leaves it so, and the next runner recovers it as interrupted: it resumes after its last
 * committed chunk, which is never run twice.
 */
public final class JobRunner implements AutoCloseable {
    private final SqliteDatabase db;
    private final ActionLog log;
    private final Clock clock;
    private final JobStore store;
    private final InsightCalculator insight;
    private final JobJson json;
    private final Map<String, Integer> queues;
    private final Map<String, JobType<?, ?>> types;
    private final Duration heartbeatInterval;
    private final Duration staleAfter;
    private final Duration pollInterval;
    private final RetryPolicy recordEndRetry;
    private final Optional<Locks> locks;
    private final String owner;
    private final Map<Long, StopSignal> runningHere = new ConcurrentHashMap<>();
    private final Object wakeUp = new Object();
    private final List<Thread> workers = new ArrayList<>();
    private ScheduledExecutorService heartbeats;
    private volatile boolean closing;

    private JobRunner(Builder builder) {
        this.db = builder.db;
        this.log = builder.log;
        this.clock = builder.clock;
        this.store = new JobStore(db);
        this.insight = new InsightCalculator(store);
        this.json = new JobJson();
        this.queues = Map.copyOf(builder.queues);
        this.types = Map.copyOf(builder.types);
        this.heartbeatInterval = builder.heartbeatInterval;
        this.staleAfter = builder.staleAfter;
        this.pollInterval = builder.pollInterval;
        this.recordEndRetry = new RetryPolicy(Integer.MAX_VALUE, builder.recordEndFirstDelay,
                builder.recordEndMaxDelay, failure -> true);
        this.locks = Optional.ofNullable(builder.locks);
        this.owner = OwnerId.create();
        db.migrate("shared", "db/shared");
    }

    public static Builder builder(SqliteDatabase db, ActionLog log) {
        return new Builder(db, log);
    }

    /** This runner's identity in the job table: host, pid and a per-runner id. */
    public String owner() {
        return owner;
    }

    /** Recovers jobs a dead process left running, then starts the workers. */
    public synchronized JobRunner start() {
        if (!workers.isEmpty()) {
            return this;
        }
        recoverAbandoned();
        heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "job-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeats.scheduleAtFixedRate(this::beat, heartbeatInterval.toMillis(), heartbeatInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        queues.forEach((queue, count) -> {
            for (int i = 1; i <= count; i++) {
                Thread worker = new Thread(() -> work(queue), "job-" + queue + "-" + i);
                worker.setDaemon(true);
                workers.add(worker);
                worker.start();
            }
        });
        return this;
    }

    private void recoverAbandoned() {
        Instant now = clock.instant();
        List<Job> recovered = store.recoverAbandoned(job -> OwnerId.gone(job.owner().orElse(""), owner,
                job.heartbeatAt().orElse(Instant.EPOCH), now, staleAfter), now);
        for (Job job : recovered) {
            log.message("job:interrupted", "job_id", job.id(), "type", job.type(), "owner", job.owner().orElse(""),
                    "chunks_done", job.chunksDone());
        }
    }

    /** Submits a job, or returns the existing one with the same idempotency key. */
    public <P> Job submit(JobType<P, ?> type, P parameters, SubmitOptions options) {
        if (!types.containsKey(type.name())) {
            throw new IllegalArgumentException("job type " + type.name() + " is not registered with this runner");
        }
        String params = json.write(parameters, "the parameters of " + type.name());
        Instant now = clock.instant();
        Job job = store.insert(new JobStore.NewJob(type.name(), type.queue(), options.priority(),
                options.idempotencyKey(), params, type.retry().maxAttempts(), options.notBefore().orElse(now), now,
                log.current().map(Action::taskUuid)));
        log.message("job:submitted", "job_id", job.id(), "type", job.type(), "queue", job.queue(),
                "idempotency_key", options.idempotencyKey().orElse(null), "existing", !job.createdAt().equals(now)
                        || job.state() != JobState.QUEUED);
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        return job;
    }

    /**
     * Cancels a job: a waiting one at once, a running one at its next chunk boundary (in whichever process runs it).
     *
     * @throws RefusedException if it has already finished or does not exist
     */
    public Job cancel(long jobId, String why) {
        JobStore.CancelOutcome outcome = store.requestCancel(jobId, "cancelled: " + why, clock.instant());
        log.message("job:cancel", "job_id", jobId, "why", why, "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
        switch (outcome) {
            case NO_SUCH_JOB -> throw new RefusedException(Refusal.of(Refusal.Kind.NOT_FOUND, "job.unknown",
                    "There is no job " + jobId + "."));
            case ALREADY_FINISHED -> {
                Job job = store.find(jobId).orElseThrow();
                throw new RefusedException(Refusal.of(Refusal.Kind.WRONG_STATE, "job.finished",
                        "Job " + jobId + " has already " + job.state().wire() + ".", "submit it again to run it once more"));
            }
            case REQUESTED -> {
                StopSignal signal = runningHere.get(jobId);
                if (signal != null) {
                    signal.stop("cancelled: " + why);
                }
            }
            case CANCELLED_NOW -> {
                // Nothing was running.
            }
        }
        return store.find(jobId).orElseThrow();
    }

    public Optional<Job> job(long jobId) {
        return store.find(jobId);
    }

    public List<Job> jobs(JobState first, JobState... rest) {
        return store.inStates(EnumSet.of(first, rest));
    }

    public JobInsight insight() {
        Map<String, Optional<Duration>> expectations = new LinkedHashMap<>();
        types.forEach((name, type) -> expectations.put(name, type.expectedDuration()));
        return insight.compute(clock.instant(), queues, expectations, heartbeatInterval);
    }

    /** Waits until the job has finished (succeeded, failed or cancelled) and returns it. For tests and the CLI. */
    public Job awaitFinished(long jobId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Job job = store.find(jobId).orElseThrow(() -> new IllegalArgumentException("no job " + jobId));
            if (job.state().finished()) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("job " + jobId + " is still " + job.state().wire() + " after " + timeout);
            }
            Thread.sleep(20);
        }
    }

    private void work(String queue) {
        List<String> typesOfQueue = types.values().stream().filter(t -> t.queue().equals(queue)).map(JobType::name).toList();
        while (!closing) {
            Optional<Job> next;
            try {
                next = store.claimNext(queue, typesOfQueue, owner, clock.instant());
            } catch (RuntimeException e) {
                log.message("job:claim_failed", "queue", queue, "exception", e.getClass().getName(), "reason", e.getMessage());
                next = Optional.empty();
            }
            if (next.isPresent()) {
                try {
                    run(next.get());
                } catch (RuntimeException e) {
                    // Whatever a run leaves behind, the worker serves its queue on; the job's own state says the rest.
                    log.message("job:worker_error", "queue", queue, "job_id", next.get().id(),
                            "exception", e.getClass().getName(), "reason", String.valueOf(e.getMessage()));
                }
                continue;
            }
            synchronized (wakeUp) {
                if (closing) {
                    return;
                }
                try {
                    wakeUp.wait(pollInterval.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void run(Job job) {
        JobType<?, ?> type = types.get(job.type());
        StopSignal stop = new StopSignal();
        runningHere.put(job.id(), stop);
        try (Action action = log.startTask(job.type(), "job_id", job.id(), "attempt", job.attempts(),
                "resumed_from_chunk", job.chunksDone(), "submitted_in", job.submittedIn().orElse(null))) {
            recordTaskUuid(job, action);
            action.heartbeat(heartbeatInterval);
            execute(type, job, action, stop);
        } finally {
            runningHere.remove(job.id());
        }
    }

    /** Links the job to its log task; only for looking it up, so a database that refuses it does not stop the run. */
    private void recordTaskUuid(Job job, Action action) {
        try {
            store.setTaskUuid(job.id(), action.taskUuid());
        } catch (RuntimeException e) {
            action.log("job:task_uuid_not_recorded", "exception", e.getClass().getName(), "reason",
                    String.valueOf(e.getMessage()));
        }
    }

    private <P, C> void execute(JobType<P, C> type, Job job, Action action, StopSignal stop) {
        List<Lease> leases = new ArrayList<>();
        try {
            P parameters = json.read(job.parametersJson(), type.parametersType());
            Optional<C> checkpoint = job.checkpointJson().isEmpty() ? Optional.empty()
                    : Optional.of(json.read(job.checkpointJson().get(), type.checkpointType()));
            if (!takeLocks(type, job, parameters, stop, leases, action)) {
                return;
            }
            type.run(new ChunkedRun<>(job, parameters, checkpoint, action, stop, store, json, owner, clock, leases));
            stop.throwIfStopped();
            release(leases);
            boolean recorded = end(job, JobState.SUCCEEDED, "succeeded", Optional.empty(), clock.instant());
            action.addSuccessFields("outcome", recorded ? "succeeded" : "succeeded_not_recorded");
        } catch (StoppedException e) {
            release(leases);
            String why = e.getMessage();
            boolean cancelled = why.startsWith("cancelled") || cancelRequested(job);
            if (cancelled) {
                end(job, JobState.CANCELLED, "cancelled", Optional.of(why), clock.instant());
            } else {
                // A shutdown or a lost lock: the work is not done; the next runner resumes it from its checkpoint.
                end(job, JobState.INTERRUPTED, "interrupted", Optional.of(why), clock.instant());
            }
            action.log("job:stopped", "reason", why, "outcome", cancelled ? "cancelled" : "interrupted");
            action.fail(e);
        } catch (Exception | Error e) {
            release(leases);
            String reason = e.getClass().getName() + ": " + e.getMessage();
            RetryPolicy retry = type.retry();
            if (retry.retries(e, job.attempts())) {
                Duration delay = retry.delayAfter(job.attempts());
                end(job, JobState.QUEUED, "retrying", Optional.of(reason), clock.instant().plus(delay));
                action.log("job:retry_scheduled", "attempt", job.attempts(), "delay_s", delay.toMillis() / 1000.0);
            } else {
                end(job, JobState.FAILED, "failed", Optional.of(reason), clock.instant());
            }
            action.fail(e);
            if (e instanceof Error error && !(e instanceof AssertionError)) {
                throw error;
            }
        } finally {
            release(leases);
        }
    }

    /** Frees the run's locks before its end is recorded: whoever sees a job finished finds its locks free. */
    private static void release(List<Lease> leases) {
        leases.forEach(Lease::close);
        leases.clear();
    }

    /**
     * Takes the type's locks for this run, as {@code job:<id>}; a lost one stops the run. When one is held by other
     * work the job goes back to the queue until the policy's retry time, without counting an attempt.
     */
    private <P> boolean takeLocks(JobType<P, ?> type, Job job, P parameters, StopSignal stop, List<Lease> leases,
            Action action) {
        List<LockName> wanted = type.locks(parameters);
        if (wanted.isEmpty()) {
            return true;
        }
        Locks service = locks.orElseThrow(() -> new IllegalStateException("job type " + type.name()
                + " needs locks, but this runner was built without a lock service"));
        try {
            for (LockName name : wanted) {
                Lease lease = service.acquire(LockRequest.of(name, "job:" + job.id()), type.lockPolicy());
                leases.add(lease);
                lease.stopSignal().propagateTo(stop);
            }
            return true;
        } catch (LockUnavailableException busy) {
            Duration delay = busy.retryAfter().orElse(pollInterval);
            store.deferRun(job.id(), owner, clock.instant().plus(delay), busy.getMessage());
            action.log("job:deferred", "lock", busy.lock().toString(), "retry_after_s", delay.toMillis() / 1000.0,
                    "holders", busy.holders().stream().map(LockHolder::details).toList());
            action.addSuccessFields("outcome", "deferred");
            return false;
        }
    }

    private boolean cancelRequested(Job job) {
        try {
            return store.find(job.id()).map(Job::cancelRequested).orElse(false);
        } catch (RuntimeException e) {
            return false; // Unreadable now: interrupted, and the next run sees the request at its first chunk.
        }
    }

    /**
     * Records the end of a run, trying again with backoff while the database refuses (each refusal a failed
     * {@code job:record_end} action with the reason). Until it is recorded the job stays "running, ours": our
     * heartbeat keeps it so, and nothing else takes it. Gives up only when the runner closes, leaving the job for the
     * next runner to recover as interrupted; false then.
     */
    private boolean end(Job job, JobState next, String outcome, Optional<String> error, Instant runAfter) {
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            try {
                if (!store.endRun(job.id(), owner, next, outcome, error, runAfter.isBefore(now) ? now : runAfter, now)) {
                    log.message("job:not_owner", "job_id", job.id(), "outcome", outcome,
                            "reason", "another runner recovered the job; its outcome stands");
                }
                return true;
            } catch (RuntimeException e) {
                Duration pause = recordEndRetry.delayAfter(attempt);
                try (Action failed = log.start("job:record_end", "job_id", job.id(), "outcome", outcome,
                        "attempt", attempt, "retry_in_s", closing ? null : pause.toMillis() / 1000.0)) {
                    failed.fail(e);
                }
                if (!pauseUnlessClosing(pause)) {
                    log.message("job:end_not_recorded", "job_id", job.id(), "outcome", outcome, "attempts", attempt,
                            "reason", "the runner closed first; the job stays running until the next runner "
                                    + "recovers it as interrupted, to resume after its last chunk");
                    return false;
                }
            }
        }
    }

    /** Waits {@code pause}, cut short by {@link #close}; false if the runner is closing. */
    private boolean pauseUnlessClosing(Duration pause) {
        long deadline = System.nanoTime() + pause.toNanos();
        synchronized (wakeUp) {
            while (!closing) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                try {
                    wakeUp.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        }
    }

    private void beat() {
        try {
            store.heartbeat(owner, clock.instant());
        } catch (RuntimeException e) {
            log.message("job:heartbeat_failed", "exception", e.getClass().getName(), "reason", e.getMessage());
        }
        try {
            // A runner that died while this one runs (killed, or closed before it could record an end) leaves its
            // jobs running; take them back now rather than at the next start.
            recoverAbandoned();
        } catch (RuntimeException e) {
            log.message("job:recover_failed", "exception", e.getClass().getName(), "reason", e.getMessage());
        }
    }

    /**
     * Stops the workers: running jobs stop at their next chunk and become {@code interrupted}, to resume on the next
     * start. Waits up to the given time for them.
     */
    public void close(Duration grace) {
        closing = true;
        runningHere.values().forEach(signal -> signal.stop("the runner is shutting down"));
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread worker : workers) {
            try {
                worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    /** Configures a {@link JobRunner}. */
    public static final class Builder {
        private final SqliteDatabase db;
        private final ActionLog log;
        private Clock clock = Clock.systemUTC();
        private final Map<String, Integer> queues = new LinkedHashMap<>();
        private final Map<String, JobType<?, ?>> types = new LinkedHashMap<>();
        private Duration heartbeatInterval = Duration.ofSeconds(5);
        private Duration staleAfter = Duration.ofSeconds(30);
        private Duration pollInterval = Duration.ofMillis(500);
        private Duration recordEndFirstDelay = Duration.ofSeconds(1);
        private Duration recordEndMaxDelay = Duration.ofMinutes(1);
        private Locks locks;

        private Builder(SqliteDatabase db, ActionLog log) {
            this.db = db;
            this.log = log;
        }

        public Builder clock(Clock newClock) {
            this.clock = newClock;
            return this;
        }

        /** A queue with {@code workers} threads. */
        public Builder queue(String name, int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("a queue needs at least one worker: " + name);
            }
            queues.put(name, workers);
            return this;
        }

        public Builder register(JobType<?, ?> type) {
            if (!queues.containsKey(type.queue())) {
                throw new IllegalArgumentException("job type " + type.name() + " runs in queue " + type.queue()
                        + ", which this runner does not have");
            }
            if (types.putIfAbsent(type.name(), type) != null) {
                throw new IllegalArgumentException("job type " + type.name() + " is registered twice");
            }
            return this;
        }

        /** How often running jobs beat (in the log and in the job table). */
        public Builder heartbeatInterval(Duration interval) {
            this.heartbeatInterval = interval;
            return this;
        }

        /** A running job of another host whose heartbeat is older than this is taken as abandoned. */
        public Builder staleAfter(Duration stale) {
            this.staleAfter = stale;
            return this;
        }

        /** How often idle workers look for jobs submitted by other processes or come due. */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = interval;
            return this;
        }

        /** The backoff between attempts to record a run's end that the database refused (1 s doubling to 1 min). */
        public Builder recordEndRetry(Duration first, Duration max) {
            this.recordEndFirstDelay = first;
            this.recordEndMaxDelay = max;
            return this;
        }

        /** The lock service for job types that declare {@link JobType#locks}. */
        public Builder locks(Locks lockService) {
            this.locks = lockService;
            return this;
        }

        public JobRunner build() {
            return new JobRunner(this);
        }
    }
}
