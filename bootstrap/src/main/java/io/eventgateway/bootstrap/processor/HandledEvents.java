package io.eventgateway.bootstrap.processor;

import io.eventgateway.bootstrap.ledger.LedgerEntry;
import io.eventgateway.bootstrap.ledger.LedgerFile;
import io.eventgateway.bootstrap.ledger.LedgerSink;
import io.eventgateway.bootstrap.ledger.LiveHandlerStats;
import io.eventgateway.bootstrap.role.ProcessorRole;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the demo handler's invocations go: the ledger file named by {@code eventgateway.processor.demo-ledger} (none
 * when unset), then the live figures of the demo summary. The file comes first: it is the durable record.
 */
@Singleton
@ProcessorRole
public class HandledEvents implements LedgerSink {

    private static final Logger LOG = LoggerFactory.getLogger(HandledEvents.class);

    private final LedgerFile ledger;
    private final LiveHandlerStats stats = new LiveHandlerStats();

    public HandledEvents(@Nullable @Property(name = "eventgateway.processor.demo-ledger") Path ledgerPath) {
        this.ledger = ledgerPath == null || ledgerPath.toString().isBlank() ? null : new LedgerFile(ledgerPath);
        if (ledger != null) {
            LOG.info("the demo handler writes its ledger to {}", ledger.path().toAbsolutePath());
        }
    }

    @Override
    public void onHandled(LedgerEntry entry) throws IOException {
        if (ledger != null) {
            ledger.append(entry);
        }
        stats.record(entry);
    }

    public Optional<Path> ledgerPath() {
        return Optional.ofNullable(ledger).map(LedgerFile::path);
    }

    public LiveHandlerStats stats() {
        return stats;
    }

    @PreDestroy
    void close() throws IOException {
        if (ledger != null) {
            ledger.close();
        }
    }
}
