package studio.timelapse.camera.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import studio.timelapse.shared.protocol.pairing.PairingRequest;
import studio.timelapse.shared.refusal.RefusedException;

/** The limits of one window hold under concurrent attempts from many clients. */
class PairingServiceTest {
    @RegisterExtension
    final PairingFixture fixture = new PairingFixture();

    @Test
    void concurrentWrongCodesCannotGetPastTheWindowsLimit() throws Exception {
        String code = fixture.windows.open(Opener.BUTTON).code().digits();
        String wrong = code.equals("000000") ? "000001" : "000000";

        List<String> outcomes = concurrently(20, client -> PairingFixture.request(wrong, "Guesser " + client));

        assertThat(outcomes).filteredOn("pairing.code_wrong"::equals).hasSize(PairingWindows.WRONG_CODES_ALLOWED);
        assertThat(outcomes).filteredOn("pairing.window_closed"::equals).hasSize(20 - PairingWindows.WRONG_CODES_ALLOWED);
        assertThat(fixture.windows.current()).isEmpty();
        assertThatThrownBy(() -> fixture.service.pair(PairingFixture.request(code, "Late"), "10.0.0.99"))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.refusals().get(0).code()).isEqualTo("pairing.window_closed"));
    }

    @Test
    void ofManyStudiosWithTheRightCodeExactlyOnePairs() throws Exception {
        String code = fixture.windows.open(Opener.BUTTON).code().digits();

        List<String> outcomes = concurrently(10, client -> PairingFixture.request(code, "Studio " + client));

        assertThat(outcomes).filteredOn("paired"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("pairing.window_closed"::equals).hasSize(9);
        assertThat(new PairedStudios(fixture.db).list()).hasSize(1);
    }

    /** Runs one attempt per client, all released at once; each outcome is "paired" or the first refusal's code. */
    private List<String> concurrently(int clients, java.util.function.IntFunction<PairingRequest> requests)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                PairingRequest request = requests.apply(client);
                String address = "10.0.0." + client;
                Callable<String> attempt = () -> {
                    start.await();
                    try {
                        fixture.service.pair(request, address);
                        return "paired";
                    } catch (RefusedException e) {
                        return e.refusals().get(0).code();
                    }
                };
                futures.add(pool.submit(attempt));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
