package io.eventgateway.adapters.grpc.ingest;

import io.eventgateway.protocol.v1.wire.WirePublishEventsRequest;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import java.io.InputStream;
import java.util.Objects;

/**
 * A {@code PublishEvents} request as the server received it: parsed, or bytes that are not a request. grpc-java turns
 * any exception a request marshaller throws into {@code UNKNOWN} before the service runs, so {@link #MARSHALLER}
 * never throws on bad input and the service answers {@code INVALID_ARGUMENT} itself.
 */
sealed interface ReceivedRequest {

    MethodDescriptor.Marshaller<ReceivedRequest> MARSHALLER = new Marshaller();

    record Parsed(WirePublishEventsRequest request) implements ReceivedRequest {

        public Parsed {
            Objects.requireNonNull(request, "request");
        }
    }

    /** @param reason why the bytes are not a request, as the protobuf parser put it */
    record Unreadable(String reason) implements ReceivedRequest {

        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    final class Marshaller implements MethodDescriptor.Marshaller<ReceivedRequest> {

        private final MethodDescriptor.Marshaller<WirePublishEventsRequest> proto =
                ProtoUtils.marshaller(WirePublishEventsRequest.getDefaultInstance());

        private Marshaller() {
        }

        @Override
        public InputStream stream(ReceivedRequest value) {
            if (value instanceof Parsed parsed) {
                return proto.stream(parsed.request());
            }
            throw new IllegalArgumentException("an unreadable request has no bytes to send");
        }

        /** The protobuf marshaller reports malformed bytes (and a nesting past the recursion limit) as a status. */
        @Override
        public ReceivedRequest parse(InputStream stream) {
            try {
                return new Parsed(proto.parse(stream));
            } catch (StatusRuntimeException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return new Unreadable(cause.getMessage() == null ? e.getStatus().toString() : cause.getMessage());
            }
        }
    }
}
