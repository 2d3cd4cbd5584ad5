package io.eventgateway.adapters.s3.embedded;

import io.eventgateway.adapters.s3.client.S3ClientFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedS3ServerIntegrationTest {

    private static EmbeddedS3Server server;
    private static S3Client s3;

    @BeforeAll
    static void startServer() {
        server = new EmbeddedS3Server(EmbeddedS3Settings.defaults()).start();
        s3 = clientFor(server);
    }

    @AfterAll
    static void stopServer() {
        s3.close();
        server.close();
    }

    @Test
    void givenABucket_whenBinaryObjectIsPut_thenGetReturnsTheSameBytes() {
        String bucket = newBucket();
        byte[] payload = new byte[64 * 1024];
        new Random(42).nextBytes(payload);

        s3.putObject(put -> put.bucket(bucket).key("spool/batch-1"), RequestBody.fromBytes(payload));

        byte[] read = s3.getObjectAsBytes(get -> get.bucket(bucket).key("spool/batch-1")).asByteArray();
        assertThat(read).isEqualTo(payload);
    }

    @Test
    void givenObjectsUnderTwoPrefixes_whenOnePrefixIsListed_thenExactlyItsKeysAreReturned() {
        String bucket = newBucket();
        putText(bucket, "spool/p30/a", "a");
        putText(bucket, "spool/p30/b", "b");
        putText(bucket, "spool/p10/c", "c");

        var listed = s3.listObjectsV2(list -> list.bucket(bucket).prefix("spool/p30/")).contents();

        assertThat(listed).extracting(S3Object::key).containsExactly("spool/p30/a", "spool/p30/b");
    }

    @Test
    void givenAnObject_whenItIsDeleted_thenGetFailsWithNoSuchKey() {
        String bucket = newBucket();
        putText(bucket, "spool/gone", "bye");

        s3.deleteObject(delete -> delete.bucket(bucket).key("spool/gone"));

        assertThatThrownBy(() -> s3.getObjectAsBytes(get -> get.bucket(bucket).key("spool/gone")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void givenAWrongSecret_whenAnObjectIsPut_thenTheServerRejectsTheSignature() {
        String bucket = newBucket();
        EmbeddedS3Settings settings = server.settings();
        try (S3Client intruder = S3ClientFactory.forEndpoint(server.endpoint(), settings.region(),
                settings.accessKey(), "not-the-secret")) {

            assertThatThrownBy(() -> intruder.putObject(put -> put.bucket(bucket).key("x"), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void givenAnObjectInAFilesystemStore_whenTheServerRestartsOnTheSamePortAndDataDir_thenTheObjectIsStillReadable(
            @TempDir Path dataDir) {
        String bucket = "restart-" + shortId();
        int port;
        try (EmbeddedS3Server first = new EmbeddedS3Server(EmbeddedS3Settings.defaults().withDataDir(dataDir)).start();
             S3Client client = clientFor(first)) {
            port = first.port();
            client.createBucket(create -> create.bucket(bucket));
            client.putObject(put -> put.bucket(bucket).key("spool/kept"), RequestBody.fromString("kept", StandardCharsets.UTF_8));
        }

        try (EmbeddedS3Server second = new EmbeddedS3Server(
                EmbeddedS3Settings.defaults().withPort(port).withDataDir(dataDir)).start();
             S3Client client = clientFor(second)) {
            assertThat(second.port()).isEqualTo(port);
            assertThat(client.getObjectAsBytes(get -> get.bucket(bucket).key("spool/kept")).asUtf8String())
                    .isEqualTo("kept");
        }
    }

    @Test
    void givenThePortIsTaken_whenTheServerStarts_thenTheFailureNamesThePort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             EmbeddedS3Server blocked = new EmbeddedS3Server(EmbeddedS3Settings.defaults().withPort(taken.getLocalPort()))) {

            assertThatThrownBy(blocked::start)
                    .isInstanceOf(EmbeddedS3Exception.class)
                    .hasMessageContaining("port " + taken.getLocalPort());
        }
    }

    private static S3Client clientFor(EmbeddedS3Server target) {
        EmbeddedS3Settings settings = target.settings();
        return S3ClientFactory.forEndpoint(target.endpoint(), settings.region(), settings.accessKey(),
                settings.secretKey());
    }

    private static String newBucket() {
        String bucket = "bucket-" + shortId();
        s3.createBucket(create -> create.bucket(bucket));
        return bucket;
    }

    private static void putText(String bucket, String key, String text) {
        s3.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromString(text, StandardCharsets.UTF_8));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
