package io.eventgateway.domain.offset;

/**
 * One bit per offset from {@code base} (a multiple of 64) upwards, in a ring of words, so dropping words below the
 * committable position costs nothing per offset and memory follows the uncommitted span.
 *
 * <p>Invariant: words outside the used part of the ring are zero.
 */
final class PendingBits {

    private static final int INITIAL_WORDS = 8;
    private static final int SHRINK_ABOVE_WORDS = 4096;

    private long[] words = new long[INITIAL_WORDS];
    private int head;
    private int count;
    private long base;

    boolean get(long offset) {
        if (count == 0 || offset < base) {
            return false;
        }
        long word = (offset - base) >>> 6;
        return word < count && (words[slot(word)] & (1L << offset)) != 0;
    }

    /** Sets the bit; the offset must not be below {@code base} unless the ring is empty. */
    void set(long offset) {
        if (count == 0) {
            base = offset & ~63L;
            head = 0;
        }
        if (offset < base) {
            throw new IllegalStateException("offset " + offset + " is below the tracked range");
        }
        long word = (offset - base) >>> 6;
        while (count <= word) {
            if (count == words.length) {
                grow();
            }
            count++;
        }
        words[slot(word)] |= 1L << offset;
    }

    void clear(long offset) {
        if (get(offset)) {
            words[slot((offset - base) >>> 6)] &= ~(1L << offset);
        }
    }

    /** The lowest set offset within {@code from..to}, or -1. */
    long nextSet(long from, long to) {
        if (count == 0) {
            return -1;
        }
        long end = Math.min(to, base + 64L * count - 1);
        long offset = Math.max(from, base);
        while (offset <= end) {
            long word = (offset - base) >>> 6;
            long bits = words[slot(word)] & (-1L << offset);
            if (bits != 0) {
                long found = base + (word << 6) + Long.numberOfTrailingZeros(bits);
                return found <= end ? found : -1;
            }
            offset = base + ((word + 1) << 6);
        }
        return -1;
    }

    /** Forgets whole words below {@code offset}; their bits must be clear. */
    void dropBelow(long offset) {
        while (count > 0 && base + 64 <= offset) {
            words[head] = 0;
            head = (head + 1) & (words.length - 1);
            count--;
            base += 64;
        }
    }

    /** Forgets everything; every bit must be clear, so the words are already zero. A ring grown by a spike shrinks. */
    void reset() {
        if (words.length > SHRINK_ABOVE_WORDS) {
            words = new long[INITIAL_WORDS];
        }
        count = 0;
        head = 0;
    }

    private int slot(long word) {
        return (int) ((head + word) & (words.length - 1));
    }

    private void grow() {
        long[] larger = new long[words.length * 2];
        for (int i = 0; i < count; i++) {
            larger[i] = words[slot(i)];
        }
        words = larger;
        head = 0;
    }
}
