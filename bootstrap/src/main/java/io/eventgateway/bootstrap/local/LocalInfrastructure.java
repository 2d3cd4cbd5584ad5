package io.eventgateway.bootstrap.local;

import io.eventgateway.adapters.kafka.embedded.EmbeddedKafkaBroker;
import io.eventgateway.adapters.kafka.embedded.EmbeddedKafkaSettings;
import io.eventgateway.adapters.s3.embedded.EmbeddedS3Server;
import io.eventgateway.adapters.s3.embedded.EmbeddedS3Settings;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code --role all} needs when no cluster is configured: a primary and an alternate single-node KRaft
 * broker and an S3-compatible server, all real and in this JVM. With a data directory they keep their data under
 * it ({@code primary/}, {@code alternate/}, {@code s3/}); without one, in temporary directories deleted on close.
 */
public final class LocalInfrastructure implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalInfrastructure.class);

    private final EmbeddedKafkaBroker primary;
    private final EmbeddedKafkaBroker alternate;
    private final EmbeddedS3Server s3;

    private LocalInfrastructure(EmbeddedKafkaBroker primary, EmbeddedKafkaBroker alternate, EmbeddedS3Server s3) {
        this.primary = primary;
        this.alternate = alternate;
        this.s3 = s3;
    }

    public static LocalInfrastructure start(Path dataDir) {
        EmbeddedKafkaBroker primary = null;
        EmbeddedKafkaBroker alternate = null;
        try {
            primary = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.defaults().withDataDir(under(dataDir, "primary")))
                    .start();
            alternate = new EmbeddedKafkaBroker(
                    EmbeddedKafkaSettings.defaults().withDataDir(under(dataDir, "alternate"))).start();
            EmbeddedS3Server s3 = new EmbeddedS3Server(EmbeddedS3Settings.defaults().withDataDir(under(dataDir, "s3")))
                    .start();
            LOG.info("embedded infrastructure up: primary Kafka {}, alternate Kafka {}, S3 {}",
                    primary.bootstrapServers(), alternate.bootstrapServers(), s3.endpoint());
            return new LocalInfrastructure(primary, alternate, s3);
        } catch (RuntimeException e) {
            closeQuietly(alternate, e);
            closeQuietly(primary, e);
            throw e;
        }
    }

    private static Path under(Path dataDir, String name) {
        return dataDir == null ? null : dataDir.resolve(name);
    }

    /** The properties that point every role at this infrastructure. */
    public Map<String, Object> properties() {
        EmbeddedS3Settings s3Settings = s3.settings();
        return Map.of(
                "kafka.bootstrap.servers", primary.bootstrapServers(),
                "eventgateway.s3.create-bucket", true,
                "eventgateway.kafka.alternate.bootstrap-servers", alternate.bootstrapServers(),
                "eventgateway.s3.endpoint", s3.endpoint().toString(),
                "eventgateway.s3.region", s3Settings.region(),
                "eventgateway.s3.access-key", s3Settings.accessKey(),
                "eventgateway.s3.secret-key", s3Settings.secretKey(),
                "eventgateway.embedded-infrastructure", true);
    }

    public String primaryBootstrapServers() {
        return primary.bootstrapServers();
    }

    public String alternateBootstrapServers() {
        return alternate.bootstrapServers();
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (AutoCloseable part : new AutoCloseable[] {s3, alternate, primary}) {
            try {
                part.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing embedded infrastructure failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void closeQuietly(AutoCloseable part, RuntimeException cause) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
