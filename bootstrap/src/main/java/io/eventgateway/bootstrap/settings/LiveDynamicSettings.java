package io.eventgateway.bootstrap.settings;

import io.eventgateway.application.settings.DynamicSettings;
import io.eventgateway.application.settings.DynamicSettingsSource;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The process's current dynamic settings; every change is logged with where it came from. */
public final class LiveDynamicSettings implements DynamicSettingsSource {

    private static final Logger LOG = LoggerFactory.getLogger(LiveDynamicSettings.class);

    private final AtomicReference<DynamicSettings> current;

    public LiveDynamicSettings(DynamicSettings initial) {
        this.current = new AtomicReference<>(initial);
    }

    @Override
    public DynamicSettings current() {
        return current.get();
    }

    /** Applies {@code change}; an invalid result (the records validate) throws and changes nothing. */
    public DynamicSettings update(UnaryOperator<DynamicSettings> change, String source) {
        DynamicSettings before;
        DynamicSettings after;
        do {
            before = current.get();
            after = change.apply(before);
        } while (!current.compareAndSet(before, after));
        if (!after.equals(before)) {
            LOG.info("dynamic settings changed by {}: {} -> {}", source, before, after);
        }
        return after;
    }
}
