package studio.timelapse.shared.lock;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A live lease as anyone can see it: the answer to "who holds this, since when, doing what?".
 *
 * @param lock the lock held
 * @param fence its fencing token: unique, and higher than every fence handed out before it
 * @param holder who holds it ({@code job:42})
 * @param process the holding process, {@code program@host:pid}, so that a crashed holder can be told apart
 * @param since when it was acquired
 * @param expiresAt when the lease ends unless renewed
 * @param progress the holder's last progress report, as of its last renewal
 */
public record LockHolder(LockName lock, long fence, String holder, String process, Instant since, Instant expiresAt,
        Optional<String> progress) {

    /** "job:42 holds sequence:12/render since 2024-06-01T14:02:11Z (frame 120/900)". */
    public String describe() {
        return holder + " holds " + lock + " since " + since + progress.map(p -> " (" + p + ")").orElse("");
    }

    /** The facts as refusal details and log fields: names in snake case, times in ISO-8601 UTC. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("holder", holder);
        details.put("holder_process", process);
        details.put("held_lock", lock.toString());
        details.put("since", since.toString());
        details.put("fence", fence);
        details.put("expires_at", expiresAt.toString());
        progress.ifPresent(text -> details.put("progress", text));
        return details;
    }
}
