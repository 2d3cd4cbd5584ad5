package io.eventgateway.adapters.grpc.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** Reads the {@code google.rpc} details a client receives with a failed call. */
final class StatusDetails {

    private StatusDetails() {
    }

    static <T extends Message> T of(StatusRuntimeException failure, Class<T> type)
            throws InvalidProtocolBufferException {
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        assertThat(status).as("rich status details").isNotNull();
        for (Any detail : status.getDetailsList()) {
            if (detail.is(type)) {
                return detail.unpack(type);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + status.getDetailsList());
    }
}
