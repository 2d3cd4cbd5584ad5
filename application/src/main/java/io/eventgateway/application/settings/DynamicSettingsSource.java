package io.eventgateway.application.settings;

/**
 * The current dynamic settings. Adapters keep them fresh (a watched file, an admin endpoint) and log each change;
 * users call {@link #current()} each time they need a value.
 */
public interface DynamicSettingsSource {

    DynamicSettings current();
}
