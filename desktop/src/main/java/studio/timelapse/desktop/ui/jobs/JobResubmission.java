package studio.timelapse.desktop.ui.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.job.JobType;
import studio.timelapse.shared.job.SubmitOptions;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * "Retry" on the jobs screen: a failed or cancelled job submitted again, as a new job with the same type, parameters
 * and priority. The runner answers an idempotency key with the job that already has it, so the new job takes
 * {@code retry-of:<id>} as its key — pressing retry twice gives one new job, not two.
 */
final class JobResubmission {
    private final JobRunner runner;
    private final Map<String, JobType<?, ?>> types;
    /** As the runner stores parameters (shared.job.JobJson). */
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    JobResubmission(JobRunner runner, Map<String, JobType<?, ?>> types) {
        this.runner = runner;
        this.types = Map.copyOf(types);
    }

    /**
     * @return the new job (or the one an earlier retry of the same job made)
     * @throws RefusedException NOT_FOUND for an unknown job or a type this studio does not run, WRONG_STATE for a job
     *         that has not failed or been cancelled
     */
    Job retry(long jobId) throws JsonProcessingException {
        Job job = runner.job(jobId).orElseThrow(() -> new RefusedException(Refusal.of(Refusal.Kind.NOT_FOUND,
                "job.unknown", "There is no job " + jobId + ".")));
        if (job.state() != JobState.FAILED && job.state() != JobState.CANCELLED) {
            throw new RefusedException(Refusal.of(Refusal.Kind.WRONG_STATE, "job.not_retryable",
                    "Job " + jobId + " is " + job.state().wire() + "; only a failed or cancelled job is run again.",
                    job.state().finished() ? "it already succeeded" : "wait for it to end, or cancel it first"));
        }
        JobType<?, ?> type = types.get(job.type());
        if (type == null) {
            throw new RefusedException(Refusal.of(Refusal.Kind.NOT_FOUND, "job.type_unknown",
                    "This studio does not run jobs of type " + job.type() + ".",
                    "run it again from the studio version that submitted it"));
        }
        return resubmit(type, job);
    }

    private <P> Job resubmit(JobType<P, ?> type, Job job) throws JsonProcessingException {
        P parameters = json.readValue(job.parametersJson(), type.parametersType());
        return runner.submit(type, parameters, SubmitOptions.key("retry-of:" + job.id()).withPriority(job.priority()));
    }
}
