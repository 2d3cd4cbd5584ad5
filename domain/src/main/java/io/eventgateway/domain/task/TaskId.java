package io.eventgateway.domain.task;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The source id of a leased task: which orchestrator replica leased it, where it was read from, and which
 * delivery (lease) of that record this is. It routes a processor's response to the replica that leased the
 * task (response partition = {@code replicaIndex}) and to the exact offset to mark done.
 *
 * <p>Stable forms: the string {@code replica:topic:partition:offset:delivery} (Kafka topic names cannot hold
 * {@code ':'}) and a compact binary form; both round-trip.
 */
public record TaskId(int replicaIndex, String topic, int partition, long offset, int delivery) {

    private static final byte BINARY_VERSION = 1;
    private static final int MAX_TOPIC_LENGTH = 249;

    public TaskId {
        if (replicaIndex < 0) {
            throw new IllegalArgumentException("replicaIndex must be >= 0, was " + replicaIndex);
        }
        requireTopic(topic);
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0, was " + partition);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        if (delivery < 1) {
            throw new IllegalArgumentException("delivery must be >= 1, was " + delivery);
        }
    }

    public static TaskId of(int replicaIndex, SourcePosition source, int delivery) {
        return new TaskId(replicaIndex, source.topic(), source.partition(), source.offset(), delivery);
    }

    static void requireTopic(String topic) {
        if (topic == null || topic.isEmpty() || topic.length() > MAX_TOPIC_LENGTH) {
            throw new IllegalArgumentException("topic must have 1.." + MAX_TOPIC_LENGTH + " characters");
        }
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            boolean legal = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!legal) {
                throw new IllegalArgumentException("topic '" + topic + "' has an illegal character '" + c + "'");
            }
        }
    }

    public SourcePosition source() {
        return new SourcePosition(topic, partition, offset);
    }

    public TaskId withDelivery(int newDelivery) {
        return new TaskId(replicaIndex, topic, partition, offset, newDelivery);
    }

    /** {@code replica:topic:partition:offset:delivery}. */
    public String asString() {
        return replicaIndex + ":" + topic + ":" + partition + ":" + offset + ":" + delivery;
    }

    /** Parses {@link #asString()}; throws {@link IllegalArgumentException} naming what is wrong. */
    public static TaskId parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("task id must not be null");
        }
        String[] parts = text.split(":", -1);
        if (parts.length != 5) {
            throw new IllegalArgumentException(
                    "task id '" + text + "' must have 5 ':'-separated parts (replica:topic:partition:offset:delivery)");
        }
        try {
            return new TaskId(Integer.parseInt(parts[0]), parts[1], Integer.parseInt(parts[2]),
                    Long.parseLong(parts[3]), Integer.parseInt(parts[4]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("task id '" + text + "' has a non-numeric part: " + e.getMessage(), e);
        }
    }

    /** Version byte, replica, partition, offset, delivery, topic length and UTF-8 (ASCII) topic. */
    public byte[] toBytes() {
        byte[] topicBytes = topic.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buffer = ByteBuffer.allocate(1 + 4 + 4 + 8 + 4 + 1 + topicBytes.length);
        buffer.put(BINARY_VERSION).putInt(replicaIndex).putInt(partition).putLong(offset).putInt(delivery)
                .put((byte) topicBytes.length).put(topicBytes);
        return buffer.array();
    }

    public static TaskId fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length < 22) {
            throw new IllegalArgumentException("binary task id is too short");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte version = buffer.get();
        if (version != BINARY_VERSION) {
            throw new IllegalArgumentException("binary task id has unknown version " + version);
        }
        int replica = buffer.getInt();
        int partition = buffer.getInt();
        long offset = buffer.getLong();
        int delivery = buffer.getInt();
        int topicLength = Byte.toUnsignedInt(buffer.get());
        if (buffer.remaining() != topicLength) {
            throw new IllegalArgumentException("binary task id topic length " + topicLength + " does not match "
                    + buffer.remaining() + " remaining bytes");
        }
        byte[] topicBytes = new byte[topicLength];
        buffer.get(topicBytes);
        return new TaskId(replica, new String(topicBytes, StandardCharsets.US_ASCII), partition, offset, delivery);
    }
}
