package io.eventgateway.domain.event;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An event's opaque body. Immutable by contract: {@link #wrap(byte[])} takes ownership of the array (the
 * caller must not touch it afterwards) so the hot path does not copy every payload; {@link #copyOf(byte[])}
 * is for callers that keep their array.
 */
public final class Payload {

    private static final Payload EMPTY = new Payload(new byte[0]);

    private final byte[] bytes;

    private Payload(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Payload empty() {
        return EMPTY;
    }

    /** Takes ownership of {@code bytes}: they must not be modified after this call. */
    public static Payload wrap(byte[] bytes) {
        if (bytes == null) {
            throw new IllegalArgumentException("payload bytes must not be null");
        }
        return bytes.length == 0 ? EMPTY : new Payload(bytes);
    }

    public static Payload copyOf(byte[] bytes) {
        return wrap(bytes.clone());
    }

    public int size() {
        return bytes.length;
    }

    /** A read-only view, no copy. */
    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /** A fresh copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Payload that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Payload[" + bytes.length + " bytes]";
    }
}
