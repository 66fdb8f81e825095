package dev.gan4j.datasets;

import java.util.List;

/** The two halves of an MNIST-style data set and the standard names of their files. */
public enum Split {
    TRAIN("train", "train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    TEST("test", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    private final String id;
    private final String imagesFile;
    private final String labelsFile;

    Split(String id, String imagesFile, String labelsFile) {
        this.id = id;
        this.imagesFile = imagesFile;
        this.labelsFile = labelsFile;
    }

    /** The name used in JSON: {@code train} or {@code test}. */
    public String id() {
        return id;
    }

    /** Standard name of the image file, without the optional {@code .gz}. */
    public String imagesFile() {
        return imagesFile;
    }

    /** Standard name of the label file, without the optional {@code .gz}. */
    public String labelsFile() {
        return labelsFile;
    }

    /** The {@code .gz} files a download fetches for this split. */
    public List<String> gzipFiles() {
        return List.of(imagesFile + ".gz", labelsFile + ".gz");
    }

    /** The split named {@code id}, or {@code null} when there is none. */
    public static Split byId(String id) {
        for (Split split : values()) {
            if (split.id.equals(id)) {
                return split;
            }
        }
        return null;
    }
}
