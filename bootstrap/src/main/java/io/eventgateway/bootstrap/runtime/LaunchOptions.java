package io.eventgateway.bootstrap.runtime;

import io.eventgateway.bootstrap.role.RoleSet;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How to launch the gateway: the roles, whether to drive the demo load, where embedded infrastructure keeps its
 * data ({@code null}: fresh temporary directories), and property overrides from the command line.
 */
public record LaunchOptions(RoleSet roles, boolean demo, Path dataDir, Map<String, Object> properties) {

    public LaunchOptions {
        Objects.requireNonNull(roles, "roles");
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
