package io.eventgateway.adapters.grpc.tasks;

import io.eventgateway.application.dispatch.FetchTasksUseCase;
import io.eventgateway.application.dispatch.LeaseControlUseCase;
import io.eventgateway.protocol.v1.TasksGrpc;
import io.grpc.ForwardingServerCallListener;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A real gRPC server on a loopback port hosting {@link GrpcTasksService}, and a channel to it. Calls are handled on
 * two threads, so handlers that blocked on long-polls would stall every later call: the non-blocking test relies on
 * it. The server also reports each call it saw cancelled, after the service's own cancel handler ran.
 */
final class TasksServer {

    static final int HANDLER_THREADS = 2;

    private final ExecutorService handlerThreads = Executors.newFixedThreadPool(HANDLER_THREADS);
    private final Semaphore cancelsSeen = new Semaphore(0);
    private final Server server;
    private final ManagedChannel channel;

    TasksServer(FetchTasksUseCase fetchTasks, LeaseControlUseCase leaseControl, TasksLimits limits) {
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                    .executor(handlerThreads)
                    .addService(ServerInterceptors.intercept(
                            new GrpcTasksService(fetchTasks, leaseControl, limits), new CancelWitness()))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    }

    TasksGrpc.TasksBlockingStub blockingStub() {
        return TasksGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    TasksGrpc.TasksFutureStub futureStub() {
        return TasksGrpc.newFutureStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** Waits until the server has handled one more cancelled call. */
    void awaitServerSawCancel() throws InterruptedException {
        if (!cancelsSeen.tryAcquire(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the server never saw the call cancelled");
        }
    }

    void stop() throws InterruptedException {
        channel.shutdownNow();
        server.shutdownNow();
        channel.awaitTermination(5, TimeUnit.SECONDS);
        server.awaitTermination(5, TimeUnit.SECONDS);
        handlerThreads.shutdownNow();
    }

    private final class CancelWitness implements ServerInterceptor {

        @Override
        public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                ServerCallHandler<Q, A> next) {
            return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(
                    next.startCall(call, headers)) {
                @Override
                public void onCancel() {
                    super.onCancel();
                    cancelsSeen.release();
                }
            };
        }
    }
}
