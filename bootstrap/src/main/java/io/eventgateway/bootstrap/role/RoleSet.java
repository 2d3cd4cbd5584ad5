package io.eventgateway.bootstrap.role;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The roles one process runs: {@code all}, or a comma-separated list such as {@code publisher,recovery}. */
public record RoleSet(Set<Role> roles) {

    public static final String VALID = "publisher, orchestrator, processor, recovery, all";

    public RoleSet {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("at least one role is required (" + VALID + ")");
        }
        roles = Set.copyOf(EnumSet.copyOf(roles));
    }

    public static RoleSet all() {
        return new RoleSet(EnumSet.allOf(Role.class));
    }

    /** Parses {@code --role}; the message of a failure names the bad role and lists the valid ones. */
    public static RoleSet parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--role needs a value (" + VALID + ")");
        }
        EnumSet<Role> parsed = EnumSet.noneOf(Role.class);
        for (String part : text.split(",", -1)) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (name.equals("all")) {
                parsed.addAll(EnumSet.allOf(Role.class));
                continue;
            }
            Role role = Role.parse(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown role '" + part.trim() + "' (valid: " + VALID + ")"));
            parsed.add(role);
        }
        return new RoleSet(parsed);
    }

    public boolean isAll() {
        return roles.size() == Role.values().length;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Micronaut environment names, in a stable order. */
    public String[] environmentNames() {
        return Arrays.stream(Role.values()).filter(roles::contains).map(Role::environmentName)
                .toArray(String[]::new);
    }

    @Override
    public String toString() {
        return isAll() ? "all" : Arrays.stream(environmentNames()).collect(Collectors.joining(","));
    }
}
