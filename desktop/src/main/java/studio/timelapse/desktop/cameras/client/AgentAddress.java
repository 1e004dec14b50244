package studio.timelapse.desktop.cameras.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Where an agent answers: a host name or IP literal and a port. IPv6 literals are written in brackets in URIs and in
 * {@code host:port} text, as people type them.
 */
public record AgentAddress(String host, int port) {
    public static final int DEFAULT_PORT = 8443;

    public AgentAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("a camera's address needs a host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("a port is 1–65535, was " + port);
        }
    }

    public static AgentAddress of(String host, int port) {
        return new AgentAddress(host, port);
    }

    /**
     * Reads {@code host:port}, {@code host} (port {@value #DEFAULT_PORT}), {@code [::1]:8443} or a bare IPv6 literal.
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static AgentAddress parse(String text) {
        String value = text.strip();
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "' opens an IPv6 address with [ but does not close it");
            }
            String host = value.substring(1, close);
            String rest = value.substring(close + 1);
            if (rest.isEmpty()) {
                return new AgentAddress(host, DEFAULT_PORT);
            }
            if (!rest.startsWith(":")) {
                throw new IllegalArgumentException("'" + text + "': expected :PORT after the ]");
            }
            return new AgentAddress(host, port(rest.substring(1), text));
        }
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            return new AgentAddress(value, DEFAULT_PORT);
        }
        if (value.indexOf(':') != colon) {
            return new AgentAddress(value, DEFAULT_PORT); // a bare IPv6 literal
        }
        return new AgentAddress(value.substring(0, colon), port(value.substring(colon + 1), text));
    }

    private static int port(String digits, String text) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': the port must be a number, not '" + digits + "'");
        }
    }

    /** {@code https://host:port<path>}, with IPv6 literals bracketed. */
    public URI uri(String path, String query) {
        try {
            return new URI("https", null, host, port, path, query, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a usable address or path: " + host + " " + path, e);
        }
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
