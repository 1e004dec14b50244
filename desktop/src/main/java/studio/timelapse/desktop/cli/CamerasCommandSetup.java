package studio.timelapse.desktop.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import studio.timelapse.desktop.cameras.CameraDirectory;
import studio.timelapse.desktop.cameras.CameraPairing;
import studio.timelapse.desktop.cameras.CameraView;
import studio.timelapse.desktop.cameras.client.AgentAddress;
import studio.timelapse.desktop.cameras.discovery.CameraDiscovery;
import studio.timelapse.desktop.cameras.discovery.DiscoveredCamera;
import studio.timelapse.desktop.library.Camera;
import studio.timelapse.shared.process.LocalProcess;

/** {@code timelapse cameras discover|add|pair|unpair}: getting cameras into the library and paired. */
final class CamerasCommandSetup {
    private CamerasCommandSetup() {}

    /** {@code timelapse cameras discover [--seconds N] [--bind ADDRESS]}. */
    @Command(name = "discover", description = {"Listens for cameras announcing themselves on the local network (mDNS)",
        "and adds the ones it hears to the library (creating it if needed)."})
    static final class Discover extends CamerasCommand.Subcommand {
        @Option(names = "--seconds", paramLabel = "N", defaultValue = "5",
                description = "How long to listen (default: ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--bind", paramLabel = "ADDRESS",
                description = "Listen only on the interface with this address (default: every LAN interface).")
        String bind;

        @Override
        public Integer call() {
            if (seconds < 1 || seconds > 600) {
                throw new ParameterException(spec.commandLine(), "--seconds must be 1 to 600, not " + seconds);
            }
            Set<InetAddress> on = bind == null ? Set.of() : Set.of(literal(bind));
            return run(true, (cameras, out) -> {
                out.println("Listening for cameras for " + seconds + " s…");
                out.flush();
                List<DiscoveredCamera> found;
                if (bind == null) {
                    try (CameraDiscovery discovery = CameraDiscovery.onLan(cameras.library().log(), camera -> { })) {
                        Thread.sleep(Duration.ofSeconds(seconds).toMillis());
                        found = discovery.cameras();
                    }
                } else {
                    found = CameraDiscovery.browse(on, Duration.ofSeconds(seconds), cameras.library().log());
                }
                if (found.isEmpty()) {
                    out.println("No camera answered. Check that the camera's agent runs and is on this network, or"
                            + " add it by address: timelapse cameras add HOST:PORT");
                    return 0;
                }
                TextTable table = new TextTable("ID", "NAME", "ADDRESS", "STATE", "FINGERPRINT");
                for (DiscoveredCamera camera : found) {
                    CameraView view = cameras.directory().discovered(camera);
                    table.row(camera.cameraId(), camera.name(), camera.addresses().get(0), view.state().words(),
                            camera.fingerprintShort().map(fp -> "announces " + fp).orElse(""));
                }
                table.print(out);
                out.println(found.size() + (found.size() == 1 ? " camera" : " cameras") + " found. Pair one with:"
                        + " timelapse cameras pair ID --code CODE");
                return 0;
            });
        }

        private InetAddress literal(String address) {
            // Only literals: a host name would be looked up in DNS, and the address names an interface of this machine.
            String octet = "(25[0-5]|2[0-4]\\d|1?\\d?\\d)";
            boolean ipv4 = address.matches(octet + "(\\." + octet + "){3}");
            if (!ipv4 && !address.matches("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*")) {
                throw new ParameterException(spec.commandLine(), "--bind takes an IP address, not '" + address + "'");
            }
            try {
                return InetAddress.getByName(address);
            } catch (UnknownHostException e) {
                throw new ParameterException(spec.commandLine(), "--bind: not an IP address: " + address);
            }
        }
    }

    /** {@code timelapse cameras add HOST:PORT [--name NAME]}. */
    @Command(name = "add", description = {"Adds the camera agent answering at HOST:PORT (port 8443 if left out) to the",
        "library, creating the library if needed. It is asked who it is; nothing is trusted until it is paired."})
    static final class Add extends CamerasCommand.Subcommand {
        @Parameters(paramLabel = "HOST:PORT", description = "Where the camera's agent answers.")
        String where;

        @Option(names = "--name", paramLabel = "NAME", description = "What to call the camera (default: its id).")
        String name;

        @Override
        public Integer call() {
            AgentAddress address;
            try {
                address = AgentAddress.parse(where);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            return run(true, (cameras, out) -> {
                CameraDirectory.Added added = cameras.directory().add(address, Optional.ofNullable(name));
                Camera camera = added.camera().camera();
                out.println("Added camera '" + camera.name() + "' (" + camera.id() + ", agent "
                        + added.health().version() + ") at " + address + ".");
                out.println("It presents the certificate " + added.presented().shortForm() + ".");
                if (camera.paired()) {
                    out.println("It is paired already.");
                } else {
                    out.println("Pair it with the code it shows: timelapse cameras pair " + camera.id()
                            + " --code CODE");
                }
                return 0;
            });
        }
    }

    /** {@code timelapse cameras pair ID --code CODE [--fingerprint FP]}. */
    @Command(name = "pair", description = {"Pairs the camera with the code it shows (open its pairing window with its",
        "button or './timelapse camera pair' on it), pinning its certificate. With --fingerprint, the code is only",
        "sent to a camera presenting that certificate, as its console shows it."})
    static final class Pair extends CamerasCommand.OneCamera {
        @Option(names = "--code", required = true, paramLabel = "CODE", description = "The 6-digit code it shows.")
        String code;

        @Option(names = "--fingerprint", paramLabel = "FP",
                description = "The certificate fingerprint the camera's console shows (ABCD-EF01-…), to check first.")
        String fingerprint;

        @Option(names = "--studio-name", paramLabel = "NAME",
                description = "How the camera will name this studio (default: 'Studio on <this host>').")
        String studioName;

        @Override
        public Integer call() {
            String asName = studioName != null ? studioName : "Studio on " + LocalProcess.hostName();
            return run(false, (cameras, out) -> {
                CameraPairing.Paired paired = cameras.pairing().pair(cameraId, code, Optional.ofNullable(fingerprint),
                        asName);
                out.println("Paired with camera '" + paired.camera().name() + "' (" + cameraId + ").");
                out.println("Its certificate fingerprint is " + paired.fingerprintShort()
                        + (fingerprint == null ? ": check that it matches the one the camera shows next to its code."
                                : ", as its console shows."));
                return 0;
            });
        }
    }

    /** {@code timelapse cameras unpair ID}. */
    @Command(name = "unpair", description = {"Unpairs the camera: tells it to forget this studio, and forgets its",
        "pairing here (also when the camera cannot be reached). Its frames stay in the library."})
    static final class Unpair extends CamerasCommand.OneCamera {
        @Override
        public Integer call() {
            return run(false, (cameras, out) -> {
                Optional<String> studioId = cameras.directory().camera(cameraId).studioId();
                CameraPairing.Unpaired unpaired = cameras.pairing().unpair(cameraId);
                String name = unpaired.camera().name();
                if (unpaired.cameraTold()) {
                    out.println("Unpaired camera '" + name + "': it forgot this studio, and this studio forgot it.");
                } else if (studioId.isEmpty()) {
                    out.println("Camera '" + name + "' was not paired.");
                } else {
                    out.println("Forgot camera '" + name + "' here, but the camera could not be told: "
                            + unpaired.whyNotTold().orElse("no answer"));
                    out.println("On the camera, remove this studio with: ./timelapse camera unpair " + studioId.get());
                }
                return 0;
            });
        }
    }
}
