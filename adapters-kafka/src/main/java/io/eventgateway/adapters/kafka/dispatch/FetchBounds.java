package io.eventgateway.adapters.kafka.dispatch;

/**
 * How much one consumer may fetch: a poll hands over at most {@code maxPollRecords}, and the consumer buffers at most
 * about {@code fetchMaxBytes} per fetch ({@code max.partition.fetch.bytes} per partition), so a lane's memory
 * overshoots its budget by at most one fetch. Kafka still returns a single record larger than these bounds, so a
 * big record never wedges a partition.
 *
 * @param maxPollRecords         {@code max.poll.records}
 * @param fetchMaxBytes          {@code fetch.max.bytes}
 * @param maxPartitionFetchBytes {@code max.partition.fetch.bytes}, at most {@code fetchMaxBytes}
 */
public record FetchBounds(int maxPollRecords, int fetchMaxBytes, int maxPartitionFetchBytes) {

    /** 500 records, 4 MiB per fetch, 1 MiB per partition (the default payload limit). */
    public static final FetchBounds DEFAULT = new FetchBounds(500, 4 * 1024 * 1024, 1024 * 1024);

    public FetchBounds {
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("maxPollRecords must be >= 1, was " + maxPollRecords);
        }
        if (fetchMaxBytes < 1) {
            throw new IllegalArgumentException("fetchMaxBytes must be >= 1, was " + fetchMaxBytes);
        }
        if (maxPartitionFetchBytes < 1 || maxPartitionFetchBytes > fetchMaxBytes) {
            throw new IllegalArgumentException("maxPartitionFetchBytes must be in 1..fetchMaxBytes (" + fetchMaxBytes
                    + "), was " + maxPartitionFetchBytes);
        }
    }
}
