package io.eventgateway.sdk.processor;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** A real gRPC server on a loopback port hosting a {@link ScriptedTasks} for one replica index. */
final class FakeOrchestrator implements AutoCloseable {

    private final ScriptedTasks tasks;
    private final Server server;

    FakeOrchestrator(int replicaIndex) {
        this.tasks = new ScriptedTasks(replicaIndex);
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                    .addService(tasks)
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ScriptedTasks tasks() {
        return tasks;
    }

    String target() {
        return "127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
