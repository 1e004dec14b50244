package studio.timelapse.desktop.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;
import studio.timelapse.desktop.cameras.CameraClients;
import studio.timelapse.desktop.cameras.client.AgentAddress;
import studio.timelapse.desktop.cameras.client.FirstContact;
import studio.timelapse.desktop.cameras.client.StudioIdentity;
import studio.timelapse.desktop.library.Cameras;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.actionlog.RingBufferSink;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.lock.Locks;
import studio.timelapse.shared.protocol.pairing.PairingResponse;

/**
 * A studio as sync tests need it, built as the command line builds it: a library folder, the studio's key, the lock
 * service, a job runner with the sync queue, and the scheduler. It can pair with an agent by its pairing code and be
 * pointed at another address for the camera (a fault proxy in front of it).
 */
final class SyncingStudio implements AutoCloseable {
    final ActionLog log;
    final RingBufferSink recent = new RingBufferSink(200_000);
    final Library library;
    final StudioIdentity identity;
    final Locks locks;
    final CameraClients clients;
    final AgentCameraLinks links;
    final SyncJob syncJob;
    final JobRunner runner;
    final SyncScheduler scheduler;

    SyncingStudio(Path libraryFolder, SyncSettings settings) throws IOException {
        this(libraryFolder, settings, link -> link);
    }

    /** A studio whose links to cameras pass through {@code decorate} (a test's fault on the studio's side). */
    SyncingStudio(Path libraryFolder, SyncSettings settings, UnaryOperator<CameraLink> decorate) throws IOException {
        this.log = ActionLog.builder("studio").logDirectory(libraryFolder.resolveSibling(
                libraryFolder.getFileName() + "-logs")).sink(recent).build();
        this.library = Library.open(libraryFolder, log, Clock.systemUTC());
        this.identity = StudioIdentity.loadOrCreate(library.folder(), log);
        this.locks = Locks.builder(library.database(), log).build();
        this.clients = new CameraClients(library, identity);
        this.links = new AgentCameraLinks(clients);
        this.syncJob = new SyncJob(library, cameraId -> decorate.apply(links.open(cameraId)), settings);
        this.runner = JobRunner.builder(library.database(), log).queue(SyncJob.QUEUE, 2).locks(locks)
                .heartbeatInterval(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(100)).register(syncJob)
                .build().start();
        this.scheduler = new SyncScheduler(runner, syncJob, Clock.systemUTC());
    }

    /** Pairs with the agent at {@code agent} using the code its console shows; returns the camera's id. */
    String pair(AgentAddress agent, String code) throws IOException {
        PairingResponse paired = FirstContact.at(agent, log).pair(code, "Sync test studio", identity);
        Cameras cameras = Cameras.of(library);
        cameras.add(paired.agentId(), "North field", agent.host(), agent.port());
        cameras.markPaired(paired.agentId(), paired.certificateFingerprint(), paired.studioId(),
                java.time.Instant.now());
        return paired.agentId();
    }

    /** Reaches the camera at another port from now on (a proxy in front of it, or where it restarted). */
    void reachCameraAt(String cameraId, int port) {
        Cameras.of(library).markSeen(cameraId, "127.0.0.1", port, java.time.Instant.now());
    }

    /** The camera's frames as its agent lists them now, for the audit. */
    SyncAudit.AgentFrames agentFrames(String cameraId) {
        return (cursor, limit) -> {
            try (CameraLink link = links.open(cameraId)) {
                return link.frames(cursor, limit);
            }
        };
    }

    /** Asks for a sync and waits until it has finished. */
    Job syncAndWait(String cameraId, Duration timeout) throws InterruptedException {
        Job job = scheduler.request(cameraId);
        return runner.awaitFinished(job.id(), timeout);
    }

    @Override
    public void close() {
        runner.close(Duration.ofSeconds(10));
        clients.close();
        locks.close();
        library.close();
        log.close();
    }
}
