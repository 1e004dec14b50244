package studio.timelapse.shared.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Computes {@link JobInsight} from the job tables. */
final class InsightCalculator {
    /** Windows for duration statistics, newest first. */
    static final Map<String, Duration> WINDOWS = windows();
    /** Fewer finished runs than this say nothing about a type's normal duration. */
    static final int MIN_RUNS_FOR_P95 = 5;

    private final JobStore store;

    InsightCalculator(JobStore store) {
        this.store = store;
    }

    private static Map<String, Duration> windows() {
        Map<String, Duration> windows = new LinkedHashMap<>();
        windows.put("1h", Duration.ofHours(1));
        windows.put("24h", Duration.ofHours(24));
        windows.put("7d", Duration.ofDays(7));
        return windows;
    }

    JobInsight compute(Instant now, Map<String, Integer> workers, Map<String, Optional<Duration>> expectations,
            Duration heartbeatInterval) {
        List<Job> open = store.inStates(List.of(JobState.QUEUED, JobState.RUNNING, JobState.INTERRUPTED));
        List<JobStore.RunDuration> runs = store.runsSince(now.minus(WINDOWS.get("7d")));
        List<JobInsight.TypeDurations> durations = durations(runs, now);

        List<JobInsight.QueueLoad> queues = new ArrayList<>();
        java.util.Set<String> queueNames = new java.util.TreeSet<>(workers.keySet());
        open.forEach(job -> queueNames.add(job.queue()));
        for (String queue : queueNames) {
            List<Job> inQueue = open.stream().filter(job -> job.queue().equals(queue)).toList();
            List<Job> waiting = inQueue.stream().filter(job -> job.state() != JobState.RUNNING).toList();
            List<Job> ready = waiting.stream().filter(job -> !job.runAfter().isAfter(now)).toList();
            Optional<Duration> oldest = ready.stream().map(job -> later(job.createdAt(), job.runAfter()))
                    .min(Comparator.naturalOrder()).map(since -> Duration.between(since, now));
            queues.add(new JobInsight.QueueLoad(queue, workers.getOrDefault(queue, 0),
                    inQueue.size() - waiting.size(), waiting.size(), ready.size(), oldest));
        }

        List<JobInsight.RunningJob> running = new ArrayList<>();
        for (Job job : open) {
            if (job.state() != JobState.RUNNING) {
                continue;
            }
            Duration runningFor = Duration.between(job.startedAt().orElse(now), now);
            Optional<Duration> beatAge = job.heartbeatAt().map(beat -> Duration.between(beat, now));
            Optional<Duration> normal = expectations.getOrDefault(job.type(), Optional.empty())
                    .or(() -> durations.stream().filter(d -> d.type().equals(job.type()) && d.window().equals("7d")
                            && d.count() >= MIN_RUNS_FOR_P95).map(JobInsight.TypeDurations::p95).findFirst());
            boolean unusuallyLong = normal.map(p95 -> runningFor.compareTo(p95.multipliedBy(2)) > 0).orElse(false);
            boolean stalled = beatAge.map(age -> age.compareTo(heartbeatInterval.multipliedBy(3)) > 0).orElse(false);
            running.add(new JobInsight.RunningJob(job.id(), job.type(), job.queue(), runningFor, job.percent(), beatAge,
                    unusuallyLong, stalled, job.taskUuid()));
        }
        return new JobInsight(now, queues, durations, running);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static List<JobInsight.TypeDurations> durations(List<JobStore.RunDuration> runs, Instant now) {
        Map<String, List<JobStore.RunDuration>> byType = runs.stream()
                .collect(Collectors.groupingBy(JobStore.RunDuration::type, java.util.TreeMap::new, Collectors.toList()));
        List<JobInsight.TypeDurations> all = new ArrayList<>();
        byType.forEach((type, typeRuns) -> WINDOWS.forEach((window, length) -> {
            Instant since = now.minus(length);
            long[] millis = typeRuns.stream()
                    .filter(run -> !run.finishedAt().isBefore(since) && run.outcome().equals("succeeded"))
                    .mapToLong(JobStore.RunDuration::millis).sorted().toArray();
            if (millis.length > 0) {
                long sum = 0;
                for (long m : millis) {
                    sum += m;
                }
                int p95Index = (int) Math.ceil(0.95 * millis.length) - 1;
                all.add(new JobInsight.TypeDurations(type, window, millis.length, Duration.ofMillis(millis[0]),
                        Duration.ofMillis(sum / millis.length), Duration.ofMillis(millis[p95Index]),
                        Duration.ofMillis(millis[millis.length - 1])));
            }
        }));
        return all;
    }
}
