package io.eventgateway.bootstrap.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "development" when run from classes. */
final class GatewayVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = GatewayVersion.class.getPackage().getImplementationVersion();
        return new String[] {"event-gateway " + (version == null ? "development" : version)};
    }
}
