package io.eventgateway.adapters.s3.spool;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.nio.ByteBuffer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DelimitedFramingProperties {

    @Property(tries = 200)
    void everyNonNegativeLengthReadsBackAsWrittenInTheSizeItClaims(
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int value) {
        ByteBuffer buffer = ByteBuffer.allocate(DelimitedFraming.MAX_VARINT32_BYTES);
        DelimitedFraming.putVarint32(buffer, value);

        assertThat(buffer.position()).isEqualTo(DelimitedFraming.varint32Size(value));
        assertThat(DelimitedFraming.getVarint32(buffer.flip(), 0)).isEqualTo(value);
    }

    @Property(tries = 100)
    void anyMessagesUnframeToTheSameMessagesInOrder(@ForAll @Size(max = 20) List<@Size(max = 400) byte[]> messages) {
        List<byte[]> read = DelimitedFraming.unframe(DelimitedFraming.frame(messages));

        assertThat(read).hasSameSizeAs(messages);
        for (int i = 0; i < messages.size(); i++) {
            assertThat(read.get(i)).containsExactly(messages.get(i));
        }
    }
}
