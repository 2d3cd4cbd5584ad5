package io.eventgateway.bootstrap.role;

import java.util.Locale;
import java.util.Optional;

/**
 * A deployable slice of the gateway. Each role is also a Micronaut environment of the same name, so beans are
 * gated by role with {@code @Requires(env = ...)}.
 */
public enum Role {
    PUBLISHER,
    ORCHESTRATOR,
    PROCESSOR,
    RECOVERY;

    /** The Micronaut environment name of this role. */
    public String environmentName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        for (Role role : values()) {
            if (role.environmentName().equals(text)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
