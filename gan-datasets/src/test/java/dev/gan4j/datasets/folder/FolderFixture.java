package dev.gan4j.datasets.folder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.inject.Guice;
import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.config.DataSpec;
import dev.gan4j.core.plugin.ComponentRegistry;
import dev.gan4j.datasets.DatasetLocator;
import dev.gan4j.datasets.DatasetsPlugin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Opens image folders under a test's own home and data folders, keeping what preparation says. */
final class FolderFixture {
    static final ComponentRegistry REGISTRY = Guice.createInjector(new DatasetsPlugin()).getInstance(ComponentRegistry.class);

    private final DataContext context;
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    FolderFixture(Path home, Map<String, String> environment) {
        this.context = new DataContext(environment, home);
    }

    FolderFixture(Path home) {
        this(home, Map.of());
    }

    /** A spec from the JSON of its fields, without {@code type}. */
    static ImageFolderSpec spec(String fields) {
        try {
            return (ImageFolderSpec) REGISTRY.mapper().readValue("{\"type\": \"image-folder\", " + fields + "}", DataSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    ImageFolderSource open(String fields) throws IOException {
        return open(spec(fields));
    }

    ImageFolderSource open(ImageFolderSpec spec) throws IOException {
        return preparer().openSource(spec, log);
    }

    ImageFolderPreparer preparer() {
        return new ImageFolderPreparer(new DatasetLocator(context), context);
    }

    /** What preparation printed since the last call. */
    String takeLog() {
        String text = logBytes.toString(StandardCharsets.UTF_8);
        logBytes.reset();
        return text;
    }

    /** {@code "directory": "<folder>"} as JSON. */
    static String directory(Path folder) {
        return "\"directory\": \"" + folder.toAbsolutePath().toString().replace("\\", "\\\\") + "\"";
    }
}
