package dev.gan4j.core.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.nd4j.linalg.learning.config.IUpdater;

/** How one network turns gradients into parameter updates. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AdamSpec.class, name = "adam"),
    @JsonSubTypes.Type(value = SgdSpec.class, name = "sgd"),
    @JsonSubTypes.Type(value = RmsPropSpec.class, name = "rmsprop"),
})
public sealed interface OptimizerSpec permits AdamSpec, SgdSpec, RmsPropSpec {
    IUpdater toUpdater();

    /** The DCGAN setting (Radford et al. 2016): Adam, learning rate 2e-4, beta1 0.5. */
    static OptimizerSpec dcganDefault() {
        return new AdamSpec(2e-4, 0.5, 0.999, 1e-8);
    }
}
