package studio.timelapse.camera.security;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.Optional;

/**
 * Which authenticated cipher the agent's TLS puts first — chosen once at start from what its own JVM runs fast — and
 * why. The agent's order wins the negotiation (the server's order is honoured), and the bytes of every frame go
 * through this cipher on both sides, so it decides much of a sync's CPU.
 *
 * <p>AES-GCM is fast only with the JVM's AES and GHASH intrinsics: the CPU must have AES instructions (x86 AES-NI; on
 * ARM the crypto extensions, which a Raspberry Pi 5 has and a Pi 4 does not), and the code must be compiled by C2
 * (C1 and the interpreter do not use them). Measured on the benchmark machine (16 KiB records, CPU time, JDK 17):
 * with C2, AES-256-GCM 840 MB per CPU-second against 105 for ChaCha20-Poly1305; with C1 only, 12–19 against 80–100.
 * The JDK 17 has no ChaCha20 intrinsics, so ChaCha20-Poly1305 is the same plain Java everywhere: the better choice
 * wherever AES would be plain Java too.
 *
 * @param first the cipher family offered first
 * @param reason why, for the start-up log
 */
record CipherOrder(First first, String reason) {
    /** The cipher family the agent offers first; the other follows, then whatever else the JDK enables. */
    enum First { AES_GCM, CHACHA20_POLY1305 }

    /** Reads the JVM's options by name; empty when this JVM has no such option (or does not show it). */
    @FunctionalInterface
    interface VmOptions {
        Optional<String> value(String name);

        /** This JVM's options, through HotSpot's diagnostic bean; none at all on a JVM that is not HotSpot. */
        static VmOptions ofThisJvm() {
            HotSpotDiagnosticMXBean hotSpot;
            try {
                hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            } catch (IllegalArgumentException | LinkageError e) {
                return name -> Optional.empty();
            }
            if (hotSpot == null) {
                return name -> Optional.empty();
            }
            return name -> {
                try {
                    return Optional.of(hotSpot.getVMOption(name).getValue());
                } catch (IllegalArgumentException absent) {
                    return Optional.empty();
                }
            };
        }
    }

    /** AES-GCM suites first, then ChaCha20-Poly1305; the JDK's order within each (the sort is stable). */
    static final Comparator<String> AES_GCM_FIRST = Comparator.comparingInt(suite -> suite.contains("_GCM_") ? 0
            : suite.contains("CHACHA20") ? 1 : 2);
    /** ChaCha20-Poly1305 suites first, then the JDK's order (AES-GCM). */
    static final Comparator<String> CHACHA20_FIRST = Comparator.comparingInt(suite -> suite.contains("CHACHA20") ? 0
            : 1);

    /** The order for this JVM. */
    static CipherOrder forThisJvm() {
        return choose(VmOptions.ofThisJvm());
    }

    /**
     * AES-GCM first when the JVM has AES intrinsics and compiles with C2; ChaCha20-Poly1305 first otherwise, also when
     * an option cannot be read. {@code UseAESIntrinsics} is a diagnostic option, visible only with
     * {@code -XX:+UnlockDiagnosticVMOptions}; without it {@code UseAES} tells, which HotSpot turns on exactly when the
     * CPU has AES instructions and which enables the intrinsics by default.
     */
    static CipherOrder choose(VmOptions vm) {
        Optional<String> intrinsics = vm.value("UseAESIntrinsics");
        String aes = intrinsics.isPresent() ? "UseAESIntrinsics" : "UseAES";
        Optional<String> aesValue = intrinsics.or(() -> vm.value("UseAES"));
        if (aesValue.isEmpty()) {
            return new CipherOrder(First.CHACHA20_POLY1305, "this JVM does not say whether it has AES intrinsics");
        }
        if (!aesValue.get().equals("true")) {
            return new CipherOrder(First.CHACHA20_POLY1305, aes + " is " + aesValue.get()
                    + ": no AES instructions, so AES-GCM would be plain Java");
        }
        Optional<String> c2 = c2Missing(vm);
        if (c2.isPresent()) {
            return new CipherOrder(First.CHACHA20_POLY1305, c2.get()
                    + ": only C2 uses the AES intrinsics, so AES-GCM would be plain Java");
        }
        return new CipherOrder(First.AES_GCM, aes + " is true and C2 compiles: AES-GCM runs on the CPU's AES"
                + " instructions");
    }

    /** Why the JVM will not compile with C2, if it will not. */
    private static Optional<String> c2Missing(VmOptions vm) {
        if (vm.value("UseCompiler").filter("false"::equals).isPresent()) {
            return Optional.of("the JIT is off (-Xint)");
        }
        boolean tiered = !vm.value("TieredCompilation").filter("false"::equals).isPresent();
        Optional<String> stopAt = vm.value("TieredStopAtLevel");
        if (tiered && stopAt.isEmpty()) {
            return Optional.of("TieredStopAtLevel cannot be read");
        }
        if (tiered && parsesBelowFour(stopAt.get())) {
            return Optional.of("TieredStopAtLevel is " + stopAt.get() + " (C1 only)");
        }
        return Optional.empty();
    }

    private static boolean parsesBelowFour(String level) {
        try {
            return Integer.parseInt(level.strip()) < 4;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** How the agent's TLS sorts the cipher suites it enables. */
    Comparator<String> comparator() {
        return first == First.AES_GCM ? AES_GCM_FIRST : CHACHA20_FIRST;
    }
}
