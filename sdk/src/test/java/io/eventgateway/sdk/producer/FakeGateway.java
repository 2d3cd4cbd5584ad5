package io.eventgateway.sdk.producer;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** A real gRPC server on a loopback port hosting a {@link ScriptedIngestService}. */
final class FakeGateway {

    private final ScriptedIngestService service = new ScriptedIngestService();
    private final Server server;

    FakeGateway() {
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                    .addService(service)
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ScriptedIngestService service() {
        return service;
    }

    String target() {
        return "127.0.0.1:" + server.getPort();
    }

    void stop() throws InterruptedException {
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
    }
}
