package studio.timelapse.shared.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.testing.ChildJvm;
import studio.timelapse.shared.testing.RecordingLog;

/** A job in a child JVM killed with kill -9 mid-run resumes in another process and does no chunk twice. */
class JobResumeAfterKillTest {
    private static final int CHUNKS = 30;

    @TempDir
    Path folder;

    @Test
    void aKilledRunnersJobIsStalledThenResumedFromItsCheckpointWithEveryChunkDoneOnce() throws Exception {
        Path database = folder.resolve("library.sqlite");
        long jobId;
        try (ChildJvm worker = ChildJvm.start(JobWorkerMain.class, Map.of(), database.toString(),
                String.valueOf(CHUNKS), folder.resolve("worker-logs").toString())) {
            jobId = Long.parseLong(worker.awaitLine("SUBMITTED ", Duration.ofSeconds(30)).substring(10));
            worker.awaitLine("CHUNK 5", Duration.ofSeconds(30));
            worker.killHard();
        }

        try (SqliteDatabase db = SqliteDatabase.open(database); RecordingLog recording = new RecordingLog()) {
            JobRunner runner = JobRunner.builder(db, recording.log()).queue("work", 1)
                    .register(CountingJob.inQueue("work")).heartbeatInterval(Duration.ofMillis(200)).build();
            Job killed = runner.job(jobId).orElseThrow();
            assertThat(killed.state()).as("nobody ended the run").isEqualTo(JobState.RUNNING);
            assertThat(killed.chunksDone()).isBetween(6L, (long) CHUNKS - 1);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(runner.insight().running()).singleElement()
                            .satisfies(job -> assertThat(job.stalled()).as("heartbeats stopped").isTrue()));

            runner.start();
            Job done = runner.awaitFinished(jobId, Duration.ofSeconds(30));
            assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(done.attempts()).isEqualTo(2);

            List<Integer> chunks = new ArrayList<>();
            db.read(connection -> {
                try (ResultSet rs = connection.createStatement().executeQuery(
                        "SELECT chunk FROM side_effect WHERE job_id = " + jobId + " ORDER BY chunk")) {
                    while (rs.next()) {
                        chunks.add(rs.getInt(1));
                    }
                }
                return null;
            });
            assertThat(chunks).hasSize(CHUNKS).doesNotHaveDuplicates();

            LogMessage interrupted = recording.ofType("job:interrupted").get(0);
            assertThat(interrupted.fields()).containsEntry("job_id", jobId)
                    .containsEntry("chunks_done", killed.chunksDone());
            assertThat(recording.ofType("test:count").get(0).get("resumed_from_chunk")).isEqualTo(killed.chunksDone());
            runner.close(Duration.ofSeconds(5));
        }
    }
}
