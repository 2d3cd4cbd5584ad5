package io.eventgateway.domain.fixtureleft;

import io.eventgateway.domain.fixtureright.RightFeature;

/** One half of a cycle between two domain feature packages. */
public final class LeftFeature {

    public RightFeature right() {
        return new RightFeature();
    }
}
