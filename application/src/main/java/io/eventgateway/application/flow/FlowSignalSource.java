package io.eventgateway.application.flow;

/**
 * Every replica's congestion state, pushed to a publisher: first the latest stored state of each replica, then
 * each new one as it is published. Signals of one replica may repeat or, after a restart, arrive older than one
 * already seen; the receiver keeps the latest by {@code publishedAt}.
 */
public interface FlowSignalSource {

    /**
     * Starts delivering signals to {@code listener}, on a thread the source owns. One listener per source.
     *
     * @throws IllegalStateException when the source already has a listener or was closed
     */
    void subscribe(FlowSignalListener listener);
}
