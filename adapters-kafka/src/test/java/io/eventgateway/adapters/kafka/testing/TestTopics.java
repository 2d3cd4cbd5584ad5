package io.eventgateway.adapters.kafka.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/** Topic names no other test uses, so tests sharing one broker never see each other's records. */
public final class TestTopics {

    private static final Pattern LEGAL_PREFIX = Pattern.compile("[a-zA-Z0-9._-]{1,200}");
    private static final long CREATE_TIMEOUT_SECONDS = 30;

    private TestTopics() {
    }

    /** {@code prefix-<random>}, a legal Kafka topic name unique within the JVM run. */
    public static String unique(String prefix) {
        if (prefix == null || !LEGAL_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("prefix must be 1..200 characters of [a-zA-Z0-9._-], was " + prefix);
        }
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** Creates a {@link #unique(String)} topic with one replica on the given broker and returns its name. */
    public static String create(String bootstrapServers, String prefix, int partitions) {
        String topic = unique(prefix);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all().get(CREATE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return topic;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + topic + " on " + bootstrapServers, e);
        }
    }

    /** Creates a {@link #unique(String)} topic on the {@link SharedKafkaBroker}. */
    public static String create(String prefix, int partitions) {
        return create(SharedKafkaBroker.bootstrapServers(), prefix, partitions);
    }
}
