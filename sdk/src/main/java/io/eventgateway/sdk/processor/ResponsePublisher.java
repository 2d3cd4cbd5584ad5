package io.eventgateway.sdk.processor;

import io.eventgateway.protocol.v1.TaskResponse;

/**
 * Carries task responses to the orchestrator replica that leased the tasks: the response topic's partition {@code
 * replicaIndex}. Implementations batch; {@link #flush()} makes everything published so far durable or failed.
 */
public interface ResponsePublisher extends AutoCloseable {

    void publish(int replicaIndex, TaskResponse response);

    /** Blocks until every response published before the call has been sent (or has failed). */
    void flush();

    @Override
    void close();
}
