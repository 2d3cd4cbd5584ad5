package io.eventgateway.sdk.processor;

import io.eventgateway.protocol.v1.TasksGrpc;
import io.grpc.ManagedChannel;

/** One orchestrator replica the runner fetches from; {@code owned} when the runner built the channel. */
record Orchestrator(String name, ManagedChannel channel, boolean owned) {

    TasksGrpc.TasksBlockingStub blocking() {
        return TasksGrpc.newBlockingStub(channel);
    }

    TasksGrpc.TasksStub async() {
        return TasksGrpc.newStub(channel);
    }
}
