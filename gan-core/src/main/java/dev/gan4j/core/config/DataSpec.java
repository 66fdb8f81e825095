package dev.gan4j.core.config;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.api.Shape;

import java.io.IOException;
import java.util.Optional;

/** JSON form of a data source, selected by its registered {@code type} name. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface DataSpec {
    /** Real examples per training step. */
    int batchSize();

    DataSource open(DataContext context) throws IOException;

    /**
     * The shape of one example when this spec alone fixes it (an image folder's resolution and channels), so that tools
     * can measure a model on stand-in batches without the data present ({@code gan bench}); empty when only the data
     * itself tells.
     */
    default Optional<Shape> declaredShape() {
        return Optional.empty();
    }

    /**
     * What the examples offer to condition on when this spec alone fixes it (an image folder's declared tag vocabulary
     * and groups), so that tools can draw stand-in conditions without the data; empty when only the data tells.
     */
    default Optional<ConditionSchema> declaredSchema() {
        return Optional.empty();
    }
}
