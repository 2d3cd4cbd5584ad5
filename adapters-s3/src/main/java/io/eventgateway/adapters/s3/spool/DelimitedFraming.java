package io.eventgateway.adapters.s3.spool;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Protobuf's length-delimited framing: each message is preceded by its size as an unsigned base-128 varint
 * (at most five bytes), exactly what {@code writeDelimitedTo} writes and {@code parseDelimitedFrom} reads, so a
 * spool object can be read by any protobuf library without this code.
 */
final class DelimitedFraming {

    static final int MAX_VARINT32_BYTES = 5;

    private static final int PAYLOAD_BITS = 0x7F;
    private static final int CONTINUATION_BIT = 0x80;

    private DelimitedFraming() {
    }

    /** Every message behind its length, in order, in one array sized exactly. */
    static byte[] frame(List<byte[]> messages) {
        long total = 0;
        for (byte[] message : messages) {
            total += varint32Size(message.length) + message.length;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("framed messages take " + total + " bytes, more than one array holds");
        }
        ByteBuffer out = ByteBuffer.allocate((int) total);
        for (byte[] message : messages) {
            putVarint32(out, message.length);
            out.put(message);
        }
        return out.array();
    }

    /**
     * The messages of a framed body, in order.
     *
     * @throws MalformedFrameException naming the index of the first message whose length prefix is cut off,
     *                                 overlong, or declares more bytes than remain
     */
    static List<byte[]> unframe(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        List<byte[]> messages = new ArrayList<>();
        while (in.hasRemaining()) {
            int index = messages.size();
            int start = in.position();
            int length = getVarint32(in, index);
            if (length < 0 || length > in.remaining()) {
                throw new MalformedFrameException(index, "the length prefix at byte " + start + " declares "
                        + Integer.toUnsignedString(length) + " bytes but " + in.remaining() + " remain");
            }
            byte[] message = new byte[length];
            in.get(message);
            messages.add(message);
        }
        return messages;
    }

    /** Writes {@code value} as an unsigned 32-bit varint, low seven bits first. */
    static void putVarint32(ByteBuffer out, int value) {
        int rest = value;
        while ((rest & ~PAYLOAD_BITS) != 0) {
            out.put((byte) ((rest & PAYLOAD_BITS) | CONTINUATION_BIT));
            rest >>>= 7;
        }
        out.put((byte) rest);
    }

    /** Reads an unsigned 32-bit varint; values past {@link Integer#MAX_VALUE} come back negative. */
    static int getVarint32(ByteBuffer in, int index) {
        int value = 0;
        for (int shift = 0; shift < 7 * MAX_VARINT32_BYTES; shift += 7) {
            if (!in.hasRemaining()) {
                throw new MalformedFrameException(index, "the length prefix is cut off at byte " + in.position());
            }
            byte next = in.get();
            value |= (next & PAYLOAD_BITS) << shift;
            if ((next & CONTINUATION_BIT) == 0) {
                return value;
            }
        }
        throw new MalformedFrameException(index, "the length prefix ending at byte " + in.position()
                + " is longer than " + MAX_VARINT32_BYTES + " bytes");
    }

    static int varint32Size(int value) {
        int size = 1;
        int rest = value;
        while ((rest & ~PAYLOAD_BITS) != 0) {
            size++;
            rest >>>= 7;
        }
        return size;
    }

    /** A framed body that is cut short or corrupt; {@code index} is the message that could not be read. */
    static final class MalformedFrameException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        MalformedFrameException(int index, String reason) {
            super("record " + index + ": " + reason);
        }
    }
}
