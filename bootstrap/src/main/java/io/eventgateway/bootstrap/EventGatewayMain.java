package io.eventgateway.bootstrap;

import io.eventgateway.bootstrap.cli.EventGatewayCommand;

/** The one entry point: roles, embedded infrastructure and admin commands all go through the command line. */
public final class EventGatewayMain {

    private EventGatewayMain() {
    }

    public static void main(String[] args) {
        System.exit(EventGatewayCommand.commandLine().execute(args));
    }
}
