package io.eventgateway.adapters.grpc.ingest;

import io.eventgateway.application.ingest.PublishEventsUseCase;
import io.eventgateway.protocol.v1.IngestGrpc;
import io.eventgateway.protocol.v1.PublishEventsResponse;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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

    /** Sends {@code request} as it is: bytes a careful client would never send (invalid UTF-8, not protobuf). */
    PublishEventsResponse publishBytes(byte[] request) {
        MethodDescriptor<byte[], PublishEventsResponse> raw = IngestGrpc.getPublishEventsMethod().toBuilder(
                new RawBytes(), ProtoUtils.marshaller(PublishEventsResponse.getDefaultInstance())).build();
        return ClientCalls.blockingUnaryCall(channel, raw,
                CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), request);
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

    private static final class RawBytes implements MethodDescriptor.Marshaller<byte[]> {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            throw new UnsupportedOperationException("requests only");
        }
    }
}
