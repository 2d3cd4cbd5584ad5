package io.eventgateway.domain.fixtureright;

import io.eventgateway.domain.fixtureleft.LeftFeature;

/** The other half of a cycle between two domain feature packages. */
public final class RightFeature {

    public LeftFeature left() {
        return new LeftFeature();
    }
}
