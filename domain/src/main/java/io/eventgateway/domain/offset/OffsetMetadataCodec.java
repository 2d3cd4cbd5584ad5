package io.eventgateway.domain.offset;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Encodes the completed offsets above a committed position into Kafka commit metadata (a String, limited by the
 * broker's {@code offset.metadata.max.bytes}, 4096 by default), so a restart skips them instead of redelivering.
 *
 * <p>Two forms, both URL-safe base64 without padding behind a short tag; the encoder picks the one that keeps more
 * ranges, then the shorter:
 * <ul>
 *   <li>{@code eg1r:} runs: per range, varints of the gap from the previous range and of the length, relative to the
 *       committed position. Compact when completions come in long runs.</li>
 *   <li>{@code eg1b:} bitset: one bit per offset after the committed one. Compact when completions are fragmented.</li>
 * </ul>
 * When the limit is too small for all ranges, the highest ranges are dropped (they are redelivered), never the low
 * ones: the kept set is always a prefix of the completed set. Metadata without either tag (another tool's, or none) is
 * read as "no completed offsets".
 *
 * <p>Input ranges must be sorted, disjoint, not adjacent, and above the committed position, which is exactly what
 * {@link OffsetTracker#completedAboveCommittable()} produces; that makes {@code decode(encode(x)) == x}.
 */
public final class OffsetMetadataCodec {

    /** The broker's default {@code offset.metadata.max.bytes}. */
    public static final int DEFAULT_MAX_BYTES = 4096;

    static final String RUNS_TAG = "eg1r:";
    static final String BITS_TAG = "eg1b:";
    private static final int TAG_LENGTH = 5;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private OffsetMetadataCodec() {
    }

    /**
     * Encodes {@code completed} (offsets above {@code committed}) in at most {@code maxBytes} characters (ASCII, so
     * also bytes), dropping the highest ranges that do not fit.
     */
    public static EncodedOffsets encode(long committed, List<OffsetRange> completed, int maxBytes) {
        requireNormalised(committed, completed);
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0, was " + maxBytes);
        }
        int total = completed.size();
        int runsKept = runsThatFit(committed, completed, maxBytes);
        int bitsKept = bitsThatFit(committed, completed, maxBytes);
        int kept = Math.max(runsKept, bitsKept);
        if (kept == 0) {
            return new EncodedOffsets("", 0, total);
        }
        List<OffsetRange> prefix = completed.subList(0, kept);
        String runs = runsKept == kept ? RUNS_TAG + ENCODER.encodeToString(runBytes(committed, prefix)) : null;
        String bits = bitsKept == kept ? BITS_TAG + ENCODER.encodeToString(bitBytes(committed, prefix)) : null;
        String metadata = runs == null || (bits != null && bits.length() < runs.length()) ? bits : runs;
        return new EncodedOffsets(metadata, kept, total - kept);
    }

    /**
     * The completed offsets above {@code committed} that {@code metadata} names; empty for null, empty or foreign
     * metadata.
     *
     * @throws IllegalArgumentException if the metadata carries this codec's tag but is corrupt
     */
    public static List<OffsetRange> decode(long committed, String metadata) {
        if (committed < 0) {
            throw new IllegalArgumentException("committed must be >= 0, was " + committed);
        }
        if (metadata == null) {
            return List.of();
        }
        if (metadata.startsWith(RUNS_TAG)) {
            return decodeRuns(committed, payload(metadata));
        }
        if (metadata.startsWith(BITS_TAG)) {
            return decodeBits(committed, payload(metadata));
        }
        return List.of();
    }

    private static void requireNormalised(long committed, List<OffsetRange> completed) {
        if (committed < 0) {
            throw new IllegalArgumentException("committed must be >= 0, was " + committed);
        }
        long lowestAllowed = committed + 1;
        for (OffsetRange range : completed) {
            if (range.first() < lowestAllowed) {
                throw new IllegalArgumentException("ranges must be sorted, disjoint, not adjacent and above the "
                        + "committed offset " + committed + "; " + range + " is not");
            }
            lowestAllowed = range.last() + 2;
        }
    }

    /** The most leading ranges whose run encoding fits. */
    private static int runsThatFit(long committed, List<OffsetRange> completed, int maxBytes) {
        long bytes = 0;
        long cursor = committed + 1;
        int kept = 0;
        for (OffsetRange range : completed) {
            bytes += varintLength(range.first() - cursor) + varintLength(range.last() - range.first());
            if (TAG_LENGTH + base64Length(bytes) > maxBytes) {
                break;
            }
            kept++;
            cursor = range.last() + 2;
        }
        return kept;
    }

    /** The most leading ranges whose bitset encoding fits; the bitset ends at the last kept range. */
    private static int bitsThatFit(long committed, List<OffsetRange> completed, int maxBytes) {
        int kept = 0;
        for (OffsetRange range : completed) {
            long bytes = (range.last() - committed + 7) / 8;
            if (TAG_LENGTH + base64Length(bytes) > maxBytes) {
                break;
            }
            kept++;
        }
        return kept;
    }

    private static byte[] runBytes(long committed, List<OffsetRange> ranges) {
        int size = 0;
        long cursor = committed + 1;
        for (OffsetRange range : ranges) {
            size += varintLength(range.first() - cursor) + varintLength(range.last() - range.first());
            cursor = range.last() + 2;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        cursor = committed + 1;
        for (OffsetRange range : ranges) {
            writeVarint(out, range.first() - cursor);
            writeVarint(out, range.last() - range.first());
            cursor = range.last() + 2;
        }
        return out.array();
    }

    /** Bit {@code i} (least significant first within a byte) stands for offset {@code committed + 1 + i}. */
    private static byte[] bitBytes(long committed, List<OffsetRange> ranges) {
        long last = ranges.get(ranges.size() - 1).last();
        byte[] bytes = new byte[Math.toIntExact((last - committed + 7) / 8)];
        for (OffsetRange range : ranges) {
            for (long offset = range.first(); offset <= range.last(); offset++) {
                long bit = offset - committed - 1;
                bytes[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
            }
        }
        return bytes;
    }

    private static List<OffsetRange> decodeRuns(long committed, byte[] bytes) {
        List<OffsetRange> ranges = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long cursor = committed + 1;
        while (buffer.hasRemaining()) {
            long gap = readVarint(buffer);
            long lengthMinusOne = readVarint(buffer);
            try {
                long first = Math.addExact(cursor, gap);
                long last = Math.addExact(first, lengthMinusOne);
                ranges.add(new OffsetRange(first, last));
                cursor = Math.addExact(last, 2);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("offset metadata overflows a long", e);
            }
        }
        return List.copyOf(ranges);
    }

    private static List<OffsetRange> decodeBits(long committed, byte[] bytes) {
        List<OffsetRange> ranges = new ArrayList<>();
        long runStart = -1;
        long bitCount = 8L * bytes.length;
        for (long bit = 0; bit <= bitCount; bit++) {
            boolean set = bit < bitCount && (bytes[(int) (bit >>> 3)] & (1 << (bit & 7))) != 0;
            long offset = committed + 1 + bit;
            if (set && runStart < 0) {
                runStart = offset;
            } else if (!set && runStart >= 0) {
                ranges.add(new OffsetRange(runStart, offset - 1));
                runStart = -1;
            }
        }
        return List.copyOf(ranges);
    }

    private static byte[] payload(String metadata) {
        try {
            return DECODER.decode(metadata.substring(TAG_LENGTH));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("offset metadata is not valid base64: " + e.getMessage(), e);
        }
    }

    private static long base64Length(long bytes) {
        return (4 * bytes + 2) / 3;
    }

    private static int varintLength(long value) {
        int length = 1;
        while ((value >>>= 7) != 0) {
            length++;
        }
        return length;
    }

    /** Unsigned LEB128: seven bits a byte, low bits first, high bit set on every byte but the last. */
    private static void writeVarint(ByteBuffer out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.put((byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.put((byte) value);
    }

    private static long readVarint(ByteBuffer buffer) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!buffer.hasRemaining()) {
                throw new IllegalArgumentException("offset metadata ends inside a number");
            }
            byte next = buffer.get();
            value |= (long) (next & 0x7F) << shift;
            if (next >= 0) {
                if (value < 0) {
                    throw new IllegalArgumentException("offset metadata holds a negative number");
                }
                return value;
            }
        }
        throw new IllegalArgumentException("offset metadata holds a number longer than 64 bits");
    }
}
