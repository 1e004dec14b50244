package studio.timelapse.camera.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which cipher the agent offers first, from its JVM's options as given. */
class CipherOrderTest {
    private static CipherOrder choose(Map<String, String> options) {
        return CipherOrder.choose(name -> Optional.ofNullable(options.get(name)));
    }

    @Test
    void aesIntrinsicsWithC2PutAesGcmFirst() {
        CipherOrder order = choose(Map.of("UseAESIntrinsics", "true", "TieredCompilation", "true",
                "TieredStopAtLevel", "4"));

        assertThat(order.first()).isEqualTo(CipherOrder.First.AES_GCM);
        assertThat(order.reason()).contains("UseAESIntrinsics is true");
    }

    @Test
    void withoutTheDiagnosticOptionUseAesTellsWhetherTheCpuHasAesInstructions() {
        assertThat(choose(Map.of("UseAES", "true", "TieredStopAtLevel", "4")).first())
                .isEqualTo(CipherOrder.First.AES_GCM);
        CipherOrder raspberryPi4 = choose(Map.of("UseAES", "false", "TieredStopAtLevel", "4"));
        assertThat(raspberryPi4.first()).isEqualTo(CipherOrder.First.CHACHA20_POLY1305);
        assertThat(raspberryPi4.reason()).contains("UseAES is false");
    }

    @Test
    void intrinsicsTurnedOffPutChaCha20FirstEvenOnACpuWithAes() {
        assertThat(choose(Map.of("UseAESIntrinsics", "false", "UseAES", "true", "TieredStopAtLevel", "4")).first())
                .isEqualTo(CipherOrder.First.CHACHA20_POLY1305);
    }

    @Test
    void aJvmThatDoesNotSayPutsChaCha20First() {
        CipherOrder order = choose(Map.of());

        assertThat(order.first()).isEqualTo(CipherOrder.First.CHACHA20_POLY1305);
        assertThat(order.reason()).contains("does not say");
    }

    @Test
    void withC1OnlyOrNoJitAesGcmWouldBePlainJavaSoChaCha20ComesFirst() {
        CipherOrder c1 = choose(Map.of("UseAES", "true", "TieredCompilation", "true", "TieredStopAtLevel", "1"));
        CipherOrder interpreted = choose(Map.of("UseAES", "true", "UseCompiler", "false", "TieredStopAtLevel", "4"));

        assertThat(c1.first()).isEqualTo(CipherOrder.First.CHACHA20_POLY1305);
        assertThat(c1.reason()).contains("TieredStopAtLevel is 1 (C1 only)");
        assertThat(interpreted.first()).isEqualTo(CipherOrder.First.CHACHA20_POLY1305);
        assertThat(choose(Map.of("UseAES", "true")).first()).isEqualTo(CipherOrder.First.CHACHA20_POLY1305);
    }

    @Test
    void withoutTieredCompilationTheStopLevelDoesNotMatterAndC2Compiles() {
        assertThat(choose(Map.of("UseAES", "true", "TieredCompilation", "false", "TieredStopAtLevel", "1")).first())
                .isEqualTo(CipherOrder.First.AES_GCM);
    }

    @Test
    void theOrdersMoveOneFamilyFirstAndKeepTheJdksOrderOtherwise() {
        List<String> jdk = List.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384");

        assertThat(sorted(jdk, CipherOrder.CHACHA20_FIRST)).containsExactly("TLS_CHACHA20_POLY1305_SHA256",
                "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384");
        assertThat(sorted(List.of("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
                "TLS_AES_256_GCM_SHA384"), CipherOrder.AES_GCM_FIRST)).containsExactly("TLS_AES_256_GCM_SHA384",
                "TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384");
    }

    private static List<String> sorted(List<String> suites, java.util.Comparator<String> order) {
        List<String> copy = new ArrayList<>(suites);
        copy.sort(order);
        return copy;
    }
}
