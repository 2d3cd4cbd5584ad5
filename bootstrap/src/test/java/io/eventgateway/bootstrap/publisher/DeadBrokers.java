package io.eventgateway.bootstrap.publisher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Kafka addresses that never work, for tests of a dead primary: nothing listening, or a silent listener. */
final class DeadBrokers {

    private DeadBrokers() {
    }

    /** An address where connections are refused: a port that was free a moment ago. */
    static String refusing() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A listener that accepts connections and never answers: a hung broker, which costs a client its whole timeout
     * rather than a quick refusal.
     */
    static final class Silent implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        Silent() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(this::acceptUntilClosed, "silent-broker");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String bootstrapServers() {
            return "127.0.0.1:" + server.getLocalPort();
        }

        private void acceptUntilClosed() {
            while (!server.isClosed()) {
                try {
                    accepted.add(server.accept());
                } catch (IOException e) {
                    // close() ends the loop; any other accept failure just waits for the next client.
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
