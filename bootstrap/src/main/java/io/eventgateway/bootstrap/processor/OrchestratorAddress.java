package io.eventgateway.bootstrap.processor;

import java.util.ArrayList;
import java.util.List;

/** One orchestrator replica's gRPC address: an entry of {@code --orchestrators} or its configuration key. */
public record OrchestratorAddress(String host, int port) {

    private static final int MAX_PORT = 65_535;

    public OrchestratorAddress {
        if (host == null || host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the host must be a name or address without spaces, was '" + host + "'");
        }
        if (port < 1 || port > MAX_PORT) {
            throw new IllegalArgumentException("the port must be within 1.." + MAX_PORT + ", was " + port);
        }
    }

    /** Parses {@code host:port} ({@code [v6-address]:port} for IPv6); the message says what is wrong with the text. */
    public static OrchestratorAddress parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException("'" + trimmed + "' is not host:port");
        }
        String portText = trimmed.substring(colon + 1);
        if (!portText.chars().allMatch(Character::isDigit) || portText.length() > 5) {
            throw new IllegalArgumentException("'" + trimmed + "' has no numeric port");
        }
        return new OrchestratorAddress(trimmed.substring(0, colon), Integer.parseInt(portText));
    }

    /** Parses a comma-separated list; blank entries are refused, not skipped, since they are usually a typo. */
    public static List<OrchestratorAddress> parseList(String text) {
        List<OrchestratorAddress> addresses = new ArrayList<>();
        for (String part : (text == null ? "" : text).split(",", -1)) {
            addresses.add(parse(part));
        }
        return List.copyOf(addresses);
    }

    /** The gRPC target text. */
    @Override
    public String toString() {
        return host + ":" + port;
    }
}
