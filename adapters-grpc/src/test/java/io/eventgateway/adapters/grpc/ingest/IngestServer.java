package io.eventgateway.adapters.grpc.ingest;

import io.eventgateway.application.ingest.PublishEventsUseCase;
import io.eventgateway.protocol.v1.IngestGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real gRPC server on a loopback port hosting {@link GrpcIngestService}, and a channel to it. Calls are handled on
 * one thread, so a handler that blocked would stall every later call: the non-blocking test relies on it.
 */
final class IngestServer {

    private final ExecutorService handlerThread = Executors.newSingleThreadExecutor();
    private final Server server;
    private final ManagedChannel channel;

    IngestServer(PublishEventsUseCase useCase) {
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                    .executor(handlerThread)
                    .addService(new GrpcIngestService(useCase))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    }

    ManagedChannel channel() {
        return channel;
    }

    IngestGrpc.IngestBlockingStub blockingStub() {
        return IngestGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    IngestGrpc.IngestFutureStub futureStub() {
        return IngestGrpc.newFutureStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    void stop() throws InterruptedException {
        channel.shutdownNow();
        server.shutdownNow();
        channel.awaitTermination(5, TimeUnit.SECONDS);
        server.awaitTermination(5, TimeUnit.SECONDS);
        handlerThread.shutdownNow();
    }
}
