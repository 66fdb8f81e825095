package dev.gan4j.core.config;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.gan4j.core.api.TrainingStrategy;

/** JSON form of a training strategy, selected by its registered {@code type} name. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface StrategySpec {
    TrainingStrategy create();
}
