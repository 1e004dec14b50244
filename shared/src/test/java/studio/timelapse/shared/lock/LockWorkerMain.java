package studio.timelapse.shared.lock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.db.SqliteDatabase;

/**
 * A second process for the cross-process lock tests, on the database file the test prepared (migrated, and with a
 * {@link CriticalSection} for {@code turns}):
 * <ul>
 *   <li>{@code hold <db> <lock> <holder> <lease_ms>}: takes the lock, prints {@code HELD <fence>}, and keeps it
 *       (the background renewal running) until killed;</li>
 *   <li>{@code turns <db> <lock> <holder> <count> <lease_ms> <go_file>}: prints {@code READY}, waits for the go file,
 *       then takes the lock {@code count} times around a critical-section visit, and prints {@code DONE <count>}.</li>
 * </ul>
 */
public final class LockWorkerMain {
    private LockWorkerMain() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        try (SqliteDatabase db = SqliteDatabase.open(Path.of(args[1]));
                ActionLog log = ActionLog.builder("lockworker").build();
                Locks locks = Locks.builder(db, log).build()) {
            LockRequest request = LockRequest.of(args[2], args[3]);
            if (mode.equals("hold")) {
                hold(locks, request.leaseFor(Duration.ofMillis(Long.parseLong(args[4]))));
            } else if (mode.equals("turns")) {
                takeTurns(locks, new CriticalSection(db), request.leaseFor(Duration.ofMillis(Long.parseLong(args[5]))),
                        Integer.parseInt(args[4]), Path.of(args[6]));
            } else {
                throw new IllegalArgumentException("unknown mode " + mode);
            }
        }
    }

    private static void hold(Locks locks, LockRequest request) throws InterruptedException {
        Lease lease = locks.tryAcquire(request);
        System.out.println("HELD " + lease.fence());
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void takeTurns(Locks locks, CriticalSection section, LockRequest request, int count, Path go)
            throws InterruptedException {
        System.out.println("READY");
        while (!Files.exists(go)) {
            Thread.sleep(5);
        }
        for (int turn = 0; turn < count; turn++) {
            try (Lease lease = locks.acquire(request, LockPolicy.waitUpTo(Duration.ofSeconds(30)))) {
                section.visit(lease, Duration.ofMillis(2));
            }
        }
        System.out.println("DONE " + count);
    }
}
