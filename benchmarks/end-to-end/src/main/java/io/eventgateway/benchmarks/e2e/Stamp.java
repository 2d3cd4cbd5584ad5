package io.eventgateway.benchmarks.e2e;

import java.nio.ByteBuffer;

/**
 * The first nine payload bytes of a gateway bench event: the {@link System#nanoTime()} at which the open-loop schedule
 * meant to send it (not when it was actually sent: a late send is latency too, so coordinated omission cannot hide
 * it), and the phase it belongs to. The handler runs in the same JVM, so the clocks agree.
 */
final class Stamp {

    static final byte WARMUP = 0;
    static final byte THROUGHPUT = 1;
    static final byte LATENCY = 2;
    static final byte ISOLATION = 3;
    static final int BYTES = 9;

    private Stamp() {
    }

    static byte[] payload(int size, long intendedNanos, byte phase) {
        byte[] payload = new byte[Math.max(size, BYTES)];
        ByteBuffer.wrap(payload).putLong(intendedNanos).put(phase);
        return payload;
    }

    static long intendedNanos(byte[] payload) {
        return ByteBuffer.wrap(payload).getLong(0);
    }

    static byte phase(byte[] payload) {
        return payload[8];
    }
}
