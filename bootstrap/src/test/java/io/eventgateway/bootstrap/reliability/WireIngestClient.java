package io.eventgateway.bootstrap.reliability;

import io.eventgateway.protocol.v1.IngestGrpc;
import io.eventgateway.protocol.v1.PublishEventsResponse;
import io.eventgateway.protocol.v1.wire.WirePublishEventsRequest;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Calls {@code Ingest.PublishEvents} with what a careful client never sends: a request built on the wire twin (so
 * string fields may hold any bytes) or raw bytes that may not be protobuf at all. Every call has a deadline.
 */
final class WireIngestClient {

    private static final MethodDescriptor<WirePublishEventsRequest, PublishEventsResponse> WIRE =
            IngestGrpc.getPublishEventsMethod().toBuilder(
                    ProtoUtils.marshaller(WirePublishEventsRequest.getDefaultInstance()),
                    ProtoUtils.marshaller(PublishEventsResponse.getDefaultInstance())).build();
    private static final MethodDescriptor<byte[], PublishEventsResponse> RAW =
            IngestGrpc.getPublishEventsMethod().toBuilder(new RawBytes(),
                    ProtoUtils.marshaller(PublishEventsResponse.getDefaultInstance())).build();

    private final Channel channel;
    private final Duration deadline;

    WireIngestClient(Channel channel, Duration deadline) {
        this.channel = channel;
        this.deadline = deadline;
    }

    PublishEventsResponse publish(WirePublishEventsRequest request) {
        return ClientCalls.blockingUnaryCall(channel, WIRE, options(), request);
    }

    PublishEventsResponse publishBytes(byte[] request) {
        return ClientCalls.blockingUnaryCall(channel, RAW, options(), request);
    }

    private CallOptions options() {
        return CallOptions.DEFAULT.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends request bytes as they are. */
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
