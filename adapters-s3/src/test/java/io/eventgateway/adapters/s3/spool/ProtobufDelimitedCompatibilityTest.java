package io.eventgateway.adapters.s3.spool;

import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The spool framing against protobuf-java itself, with a well-known message type standing in for StoredRecord. */
class ProtobufDelimitedCompatibilityTest {

    private static final List<BytesValue> MESSAGES = List.of(
            BytesValue.of(ByteString.copyFromUtf8("first")),
            BytesValue.of(ByteString.EMPTY),
            BytesValue.of(ByteString.copyFrom(new byte[70_000])),
            BytesValue.of(ByteString.copyFromUtf8("last")));

    @Test
    void protobufParseDelimitedFromReadsWhatTheSpoolFrames() throws IOException {
        List<byte[]> encoded = MESSAGES.stream().map(BytesValue::toByteArray).toList();
        InputStream in = new ByteArrayInputStream(DelimitedFraming.frame(encoded));

        List<BytesValue> parsed = new ArrayList<>();
        for (BytesValue next = BytesValue.parseDelimitedFrom(in); next != null;
                next = BytesValue.parseDelimitedFrom(in)) {
            parsed.add(next);
        }

        assertThat(parsed).containsExactlyElementsOf(MESSAGES);
    }

    @Test
    void theSpoolReadsWhatProtobufWriteDelimitedToWrites() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (BytesValue message : MESSAGES) {
            message.writeDelimitedTo(out);
        }

        List<BytesValue> read = new ArrayList<>();
        for (byte[] frame : DelimitedFraming.unframe(out.toByteArray())) {
            read.add(BytesValue.parseFrom(frame));
        }

        assertThat(read).containsExactlyElementsOf(MESSAGES);
    }
}
