package io.eventgateway.adapters.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds loopback ports that are free right now. Another process may take one before the broker binds it;
 * that race is accepted for local runs and tests.
 */
final class FreePorts {

    private static final int MAX_ATTEMPTS = 16;

    private FreePorts() {
    }

    /**
     * {@code count} distinct free ports, none of them in {@code taken}. All sockets stay open until every
     * port is found, so the same port is never handed out twice.
     */
    static List<Integer> pick(int count, Set<Integer> taken) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int attempt = 0; attempt < MAX_ATTEMPTS && ports.size() < count; attempt++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(SingleNodeBrokerConfig.HOST));
                sockets.add(socket);
                if (!taken.contains(socket.getLocalPort())) {
                    ports.add(socket.getLocalPort());
                }
            }
            if (ports.size() < count) {
                throw new IllegalStateException("found only " + ports.size() + " of " + count + " free ports");
            }
            return List.copyOf(ports);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback socket to find a free port", e);
        } finally {
            sockets.forEach(FreePorts::release);
        }
    }

    private static void release(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close probe socket on port " + socket.getLocalPort(), e);
        }
    }
}
