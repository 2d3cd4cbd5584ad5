package io.eventgateway.adapters.s3.embedded;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An S3-compatible server (S3Proxy) running in this JVM, for local runs ({@code --role all},
 * {@code embedded-s3}) and integration tests. Clients use path-style requests signed with the settings'
 * credentials.
 *
 * <p>Lifecycle: {@code NEW → RUNNING → CLOSED} (or {@code NEW → CLOSED}). A closed server is not started
 * again; to restart, build a new one on the same port and data directory.
 */
public final class EmbeddedS3Server implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedS3Server.class);

    private static final String HOST = "127.0.0.1";
    /**
     * No graceful stop: Jetty would wait for every open connection, and clients keep idle keep-alive
     * connections open long after their last request. A request cut by a stop fails like any S3 outage.
     */
    private static final long STOP_TIMEOUT_MS = 0;

    private final EmbeddedS3Settings settings;
    private Lifecycle lifecycle = Lifecycle.NEW;
    private S3Proxy proxy;
    private int port;

    public EmbeddedS3Server(EmbeddedS3Settings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        this.settings = settings;
    }

    /**
     * Binds the port and starts serving; returns once requests are accepted.
     *
     * @throws EmbeddedS3Exception naming the port and data directory when the server does not come up
     */
    public synchronized EmbeddedS3Server start() {
        moveTo(Lifecycle.RUNNING);
        try {
            proxy = S3Proxy.builder()
                    .endpoint(URI.create("http://" + HOST + ":" + settings.port()))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, settings.accessKey(), settings.secretKey())
                    .blobStore(blobStore())
                    .stopTimeout(STOP_TIMEOUT_MS)
                    .build();
            proxy.start();
            port = proxy.getPort();
            LOG.info("Embedded S3 server listening on {} ({})", endpoint(), describeStore());
            return this;
        } catch (Exception e) {
            EmbeddedS3Exception failure = new EmbeddedS3Exception("embedded S3 server failed to start on port "
                    + describePort() + " with " + describeStore() + ": " + e.getMessage(), e);
            try {
                close();
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    /** {@code http://127.0.0.1:port}, for an S3 client's endpoint override. */
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port());
    }

    /** The bound port; known once {@link #start()} has run, and kept after close for a restart. */
    public synchronized int port() {
        if (port == 0) {
            throw new IllegalStateException("the port is bound at start; start() was not called");
        }
        return port;
    }

    public EmbeddedS3Settings settings() {
        return settings;
    }

    /** Stops serving. Objects in a filesystem store stay on disk; an in-memory store is dropped. */
    @Override
    public synchronized void close() {
        if (lifecycle == Lifecycle.CLOSED) {
            return;
        }
        moveTo(Lifecycle.CLOSED);
        if (proxy != null) {
            try {
                proxy.stop();
            } catch (Exception e) {
                throw new EmbeddedS3Exception("embedded S3 server on port " + describePort() + " did not stop", e);
            } finally {
                proxy = null;
            }
        }
    }

    private BlobStore blobStore() throws IOException {
        if (settings.dataDir() == null) {
            return new TransientNio2BlobStore();
        }
        Path dir = Files.createDirectories(settings.dataDir());
        return new FilesystemNio2BlobStore(dir.toAbsolutePath().toString());
    }

    private String describePort() {
        return port != 0 ? String.valueOf(port) : settings.port() == 0 ? "(free)" : String.valueOf(settings.port());
    }

    private String describeStore() {
        return settings.dataDir() == null ? "in-memory store" : "data dir " + settings.dataDir();
    }

    private void moveTo(Lifecycle next) {
        if (!lifecycle.canMoveTo(next)) {
            throw new IllegalStateException("embedded S3 server cannot go from " + lifecycle + " to " + next
                    + "; build a new one to restart");
        }
        lifecycle = next;
    }

    private enum Lifecycle {
        /** Built; nothing bound yet. */
        NEW,
        /** Started (or starting) and serving requests. */
        RUNNING,
        /** Stopped for good; a restart is a new instance on the same port and data dir. */
        CLOSED;

        boolean canMoveTo(Lifecycle next) {
            return switch (this) {
                case NEW -> next == RUNNING || next == CLOSED;
                case RUNNING -> next == CLOSED;
                case CLOSED -> false;
            };
        }
    }
}
