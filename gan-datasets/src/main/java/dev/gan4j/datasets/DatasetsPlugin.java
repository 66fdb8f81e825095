package dev.gan4j.datasets;

import dev.gan4j.core.plugin.ComponentKind;
import dev.gan4j.core.plugin.GanPlugin;
import dev.gan4j.datasets.folder.ImageFolderSpec;

/**
 * Contributes the built-in data sources: {@code "idx"} for MNIST-style files, {@code "image-folder"} for folders of
 * pictures with their classes, tags or captions, and {@code "ring"} and {@code "grid"}, the Gaussian mixtures of
 * PacGAN's 2-D benchmarks.
 */
public final class DatasetsPlugin extends GanPlugin {
    @Override
    public String name() {
        return "gan-datasets";
    }

    @Override
    protected void registerComponents() {
        register(ComponentKind.DATA, "idx", IdxDataSpec.class);
        register(ComponentKind.DATA, "image-folder", ImageFolderSpec.class);
        register(ComponentKind.DATA, "ring", RingDataSpec.class);
        register(ComponentKind.DATA, "grid", GridDataSpec.class);
    }
}
