package io.eventgateway.adapters.s3.spool;

import io.eventgateway.adapters.s3.client.S3ClientFactory;
import io.eventgateway.adapters.s3.embedded.EmbeddedS3Server;
import io.eventgateway.adapters.s3.embedded.EmbeddedS3Settings;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Duration;
import java.util.UUID;

/** An embedded S3 server and a client whose calls give up within seconds, so an outage fails a test fast. */
final class SpoolS3 implements AutoCloseable {

    static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(3);

    private final EmbeddedS3Server server;
    private final S3Client s3;

    private SpoolS3(EmbeddedS3Server server) {
        this.server = server;
        EmbeddedS3Settings settings = server.settings();
        this.s3 = S3ClientFactory.forEndpoint(server.endpoint(), settings.region(), settings.accessKey(),
                settings.secretKey(), API_CALL_TIMEOUT);
    }

    static SpoolS3 start() {
        return new SpoolS3(new EmbeddedS3Server(EmbeddedS3Settings.defaults()).start());
    }

    S3Client client() {
        return s3;
    }

    String endpoint() {
        return server.endpoint().toString();
    }

    /** Settings for a fresh, existing bucket with the default prefix. */
    S3SpoolSettings newBucket() {
        S3SpoolSettings settings = new S3SpoolSettings(uniqueBucketName(), null, false);
        s3.createBucket(create -> create.bucket(settings.bucket()));
        return settings;
    }

    static String uniqueBucketName() {
        return "spool-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Stops the server, leaving the client pointed at a closed port: an S3 outage. */
    void stopServer() {
        server.close();
    }

    @Override
    public void close() {
        s3.close();
        server.close();
    }
}
