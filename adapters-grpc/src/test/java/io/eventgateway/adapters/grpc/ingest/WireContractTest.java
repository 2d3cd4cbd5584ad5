package io.eventgateway.adapters.grpc.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import io.eventgateway.protocol.v1.Event;
import io.eventgateway.protocol.v1.Priority;
import io.eventgateway.protocol.v1.PublishEventsRequest;
import io.eventgateway.protocol.v1.wire.WireAttribute;
import io.eventgateway.protocol.v1.wire.WireEvent;
import io.eventgateway.protocol.v1.wire.WirePublishEventsRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server parses requests as {@code ingest_wire.proto}; clients build them from {@code ingest.proto}. These hold
 * the two together: a field added to one and not the other, or with another number or type, fails here.
 */
class WireContractTest {

    @Test
    void everyEventFieldHasAWireTwinOfTheSameNumberAndWireType() {
        assertSameFields(PublishEventsRequest.getDescriptor(), WirePublishEventsRequest.getDescriptor());
        assertSameFields(Event.getDescriptor(), WireEvent.getDescriptor());
        Descriptor mapEntry = Event.getDescriptor().findFieldByName("attributes").getMessageType();
        assertSameFields(mapEntry, WireAttribute.getDescriptor());
    }

    @Test
    void aRequestBuiltFromThePublicContractParsesAsItsWireTwinWithEveryValue() throws InvalidProtocolBufferException {
        Event event = Event.newBuilder().setEventId("é-1").setCompanyId("acme").setSourceName("billing")
                .setEventType("invoice.paid").setGroupKey("κλειδί").setPayload(ByteString.copyFromUtf8("{}"))
                .putAttributes("région", "zürich").setPriority(Priority.P20)
                .setSloDeadline(Timestamp.newBuilder().setSeconds(2_000_000_000L).setNanos(5))
                .setDelayUntil(Timestamp.newBuilder().setSeconds(1_900_000_000L))
                .build();

        WireEvent wire = WirePublishEventsRequest.parseFrom(
                PublishEventsRequest.newBuilder().addEvents(event).build().toByteString()).getEvents(0);

        assertThat(wire.getUnknownFields().asMap()).isEmpty();
        assertThat(wire.getEventId().toStringUtf8()).isEqualTo("é-1");
        assertThat(wire.getGroupKey().toStringUtf8()).isEqualTo("κλειδί");
        assertThat(wire.getAttributesList()).singleElement().satisfies(attribute -> {
            assertThat(attribute.getKey().toStringUtf8()).isEqualTo("région");
            assertThat(attribute.getValue().toStringUtf8()).isEqualTo("zürich");
        });
        assertThat(wire.getPriority()).isEqualTo(Priority.P20);
        assertThat(wire.getSloDeadline()).isEqualTo(event.getSloDeadline());
        assertThat(Event.parseFrom(wire.toByteString())).isEqualTo(event);
    }

    private static void assertSameFields(Descriptor contract, Descriptor wire) {
        List<FieldDescriptor> contractFields = contract.getFields();
        assertThat(wire.getFields()).as("fields of %s", wire.getFullName()).hasSameSizeAs(contractFields);
        for (FieldDescriptor field : contractFields) {
            FieldDescriptor twin = wire.findFieldByNumber(field.getNumber());
            assertThat(twin).as("%s has a twin numbered %d", field.getFullName(), field.getNumber()).isNotNull();
            assertThat(twin.getName()).isEqualTo(field.getName());
            assertThat(twin.isRepeated()).as("%s repeated", field.getName()).isEqualTo(field.isRepeated());
            FieldDescriptor.Type expected = field.getType() == FieldDescriptor.Type.STRING
                    ? FieldDescriptor.Type.BYTES : field.getType();
            assertThat(twin.getType()).as("type of %s", field.getFullName()).isEqualTo(expected);
            if (expected == FieldDescriptor.Type.MESSAGE && !field.isMapField()) {
                assertThat(twin.getMessageType().getFullName()).isEqualTo(field.getMessageType().getFullName()
                        .replace("eventgateway.v1.", "eventgateway.v1.wire.Wire"));
            }
            if (expected == FieldDescriptor.Type.ENUM) {
                assertThat(twin.getEnumType()).isEqualTo(field.getEnumType());
            }
        }
    }
}
