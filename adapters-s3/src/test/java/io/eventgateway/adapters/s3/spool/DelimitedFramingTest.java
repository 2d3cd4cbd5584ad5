package io.eventgateway.adapters.s3.spool;

import io.eventgateway.adapters.s3.spool.DelimitedFraming.MalformedFrameException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DelimitedFramingTest {

    /** Vectors from the protobuf encoding guide and the edges of each varint length. */
    static Stream<Arguments> knownVarints() {
        return Stream.of(
                Arguments.of(0, bytes(0x00)),
                Arguments.of(1, bytes(0x01)),
                Arguments.of(127, bytes(0x7F)),
                Arguments.of(128, bytes(0x80, 0x01)),
                Arguments.of(150, bytes(0x96, 0x01)),
                Arguments.of(300, bytes(0xAC, 0x02)),
                Arguments.of(16_383, bytes(0xFF, 0x7F)),
                Arguments.of(16_384, bytes(0x80, 0x80, 0x01)),
                Arguments.of(2_097_152, bytes(0x80, 0x80, 0x80, 0x01)),
                Arguments.of(Integer.MAX_VALUE, bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x07)));
    }

    @ParameterizedTest
    @MethodSource("knownVarints")
    void aVarintIsWrittenAsTheProtobufBytes(int value, byte[] expected) {
        ByteBuffer out = ByteBuffer.allocate(DelimitedFraming.MAX_VARINT32_BYTES);

        DelimitedFraming.putVarint32(out, value);

        assertThat(Arrays.copyOf(out.array(), out.position())).containsExactly(expected);
        assertThat(DelimitedFraming.varint32Size(value)).isEqualTo(expected.length);
    }

    @ParameterizedTest
    @MethodSource("knownVarints")
    void theProtobufBytesAreReadAsTheVarint(int expected, byte[] encoded) {
        ByteBuffer in = ByteBuffer.wrap(encoded);

        assertThat(DelimitedFraming.getVarint32(in, 0)).isEqualTo(expected);
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void eachMessageIsPrecededByItsLength() {
        byte[] framed = DelimitedFraming.frame(List.of(bytes(0x0A, 0x0B), new byte[0], bytes(0x0C)));

        assertThat(framed).containsExactly(0x02, 0x0A, 0x0B, 0x00, 0x01, 0x0C);
    }

    @Test
    void aMessageOf300BytesGetsATwoByteLengthPrefix() {
        byte[] framed = DelimitedFraming.frame(List.of(new byte[300]));

        assertThat(framed).hasSize(302);
        assertThat(Arrays.copyOf(framed, 2)).containsExactly(0xAC, 0x02);
    }

    @Test
    void framedMessagesAreReadBackInOrder() {
        List<byte[]> messages = List.of(bytes(1, 2, 3), new byte[0], new byte[200], bytes(9));

        List<byte[]> read = DelimitedFraming.unframe(DelimitedFraming.frame(messages));

        assertThat(read).hasSize(4);
        for (int i = 0; i < messages.size(); i++) {
            assertThat(read.get(i)).containsExactly(messages.get(i));
        }
    }

    @Test
    void anEmptyBodyHoldsNoMessages() {
        assertThat(DelimitedFraming.unframe(new byte[0])).isEmpty();
    }

    @Test
    void aMessageCutShortIsReportedWithItsIndex() {
        byte[] body = bytes(0x01, 0x0A, 0x05, 0x0B, 0x0C);

        assertThatThrownBy(() -> DelimitedFraming.unframe(body))
                .isInstanceOf(MalformedFrameException.class)
                .hasMessageContaining("record 1")
                .hasMessageContaining("declares 5 bytes but 2 remain");
    }

    @Test
    void aLengthPrefixCutShortIsReportedWithItsIndex() {
        byte[] body = bytes(0x00, 0x00, 0xAC);

        assertThatThrownBy(() -> DelimitedFraming.unframe(body))
                .isInstanceOf(MalformedFrameException.class)
                .hasMessageContaining("record 2")
                .hasMessageContaining("cut off");
    }

    @Test
    void aLengthPrefixLongerThanFiveBytesIsRejected() {
        byte[] body = bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x01);

        assertThatThrownBy(() -> DelimitedFraming.unframe(body))
                .isInstanceOf(MalformedFrameException.class)
                .hasMessageContaining("record 0")
                .hasMessageContaining("longer than 5 bytes");
    }

    @Test
    void aLengthPastTheLargestArrayIsRejectedRatherThanAllocated() {
        byte[] body = bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00);

        assertThatThrownBy(() -> DelimitedFraming.unframe(body))
                .isInstanceOf(MalformedFrameException.class)
                .hasMessageContaining("declares 4294967295 bytes");
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
