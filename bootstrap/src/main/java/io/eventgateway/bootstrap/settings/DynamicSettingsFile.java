package io.eventgateway.bootstrap.settings;

import io.eventgateway.application.settings.DynamicSettings;
import io.eventgateway.domain.admission.AimdSettings;
import io.eventgateway.domain.routing.RolloutRule;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Properties;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a properties file of dynamic settings and applies it when it changes: {@code rollout-percent}, and
 * {@code aimd.floor}, {@code aimd.ceiling}, {@code aimd.additive-step}, {@code aimd.decrease-factor}. Absent keys keep
 * their current value. A file that does not parse or validate is logged and ignored, so a typo never takes down a
 * running publisher.
 */
public final class DynamicSettingsFile {

    private static final Logger LOG = LoggerFactory.getLogger(DynamicSettingsFile.class);

    private final Path file;
    private final LiveDynamicSettings settings;
    private FileTime lastApplied = FileTime.fromMillis(Long.MIN_VALUE);

    public DynamicSettingsFile(Path file, LiveDynamicSettings settings) {
        this.file = file;
        this.settings = settings;
    }

    /** Applies the file if it changed since the last call; called periodically. */
    public synchronized void maybeReload() {
        try {
            if (!Files.isRegularFile(file)) {
                return;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(lastApplied)) {
                return;
            }
            lastApplied = modified;
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            settings.update(current -> apply(properties, current), "file " + file);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("dynamic settings file {} ignored: {}", file, e.getMessage());
        }
    }

    static DynamicSettings apply(Properties properties, DynamicSettings current) {
        RolloutRule rollout = current.rollout();
        String percent = properties.getProperty("rollout-percent");
        if (percent != null) {
            rollout = new RolloutRule(parse("rollout-percent", percent.trim(), Integer::parseInt));
        }
        AimdSettings aimd = new AimdBoundsChange(number(properties, "aimd.floor"),
                number(properties, "aimd.ceiling"), number(properties, "aimd.additive-step"),
                number(properties, "aimd.decrease-factor")).applyTo(current.aimd());
        return new DynamicSettings(rollout, aimd);
    }

    private static Double number(Properties properties, String key) {
        String value = properties.getProperty(key);
        return value == null ? null : parse(key, value.trim(), Double::parseDouble);
    }

    private static <T> T parse(String key, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " '" + value + "' cannot be parsed: " + e.getMessage(), e);
        }
    }
}
