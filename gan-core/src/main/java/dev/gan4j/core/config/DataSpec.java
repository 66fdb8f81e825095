package dev.gan4j.core.config;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.gan4j.core.api.DataSource;

import java.io.IOException;

/** JSON form of a data source, selected by its registered {@code type} name. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface DataSpec {
    /** Real examples per training step. */
    int batchSize();

    DataSource open(DataContext context) throws IOException;
}
