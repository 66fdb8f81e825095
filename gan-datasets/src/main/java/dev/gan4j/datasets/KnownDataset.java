package dev.gan4j.datasets;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The MNIST-style data sets known by name: where the official copies live and the SHA-256 of each
 * official {@code .gz} file, so a download is accepted only when it is byte-for-byte the published file.
 *
 * <p>The checksums are those TensorFlow Datasets records for the same URLs
 * ({@code tensorflow_datasets/url_checksums/fashion_mnist.txt} and {@code mnist.txt} in
 * github.com/tensorflow/datasets); many independent download scripts list the same values.
 */
public enum KnownDataset {
    FASHION_MNIST("fashion-mnist", "Fashion-MNIST", URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
            Map.of(
                    "train-images-idx3-ubyte.gz", "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
                    "train-labels-idx1-ubyte.gz", "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
                    "t10k-images-idx3-ubyte.gz", "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
                    "t10k-labels-idx1-ubyte.gz", "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"),
            "dataset-fashion-mnist",
            List.of("t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle-boot")),
    MNIST("mnist", "MNIST", URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"),
            Map.of(
                    "train-images-idx3-ubyte.gz", "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                    "train-labels-idx1-ubyte.gz", "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                    "t10k-images-idx3-ubyte.gz", "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                    "t10k-labels-idx1-ubyte.gz", "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"),
            null,
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));

    private final String id;
    private final String title;
    private final URI officialBase;
    private final Map<String, String> sha256;
    private final String debianPackage;
    private final List<String> classNames;

    KnownDataset(String id, String title, URI officialBase, Map<String, String> sha256, String debianPackage,
                 List<String> classNames) {
        this.classNames = classNames;
        this.id = id;
        this.title = title;
        this.officialBase = officialBase;
        this.sha256 = sha256;
        this.debianPackage = debianPackage;
    }

    /** The name used in JSON, on the command line and as the folder name. */
    public String id() {
        return id;
    }

    /** Class names in label order, short and lower case so they can be typed ({@code gan sample --label dress}). */
    public List<String> classNames() {
        return classNames;
    }

    public String title() {
        return title;
    }

    /** The folder the official files are served from, ending in {@code /}. */
    public URI officialBase() {
        return officialBase;
    }

    /** SHA-256 (lower-case hex) of each official {@code .gz} file, by file name. */
    public Map<String, String> sha256() {
        return sha256;
    }

    /** The Debian/Ubuntu package that installs the files under {@code /usr/share/datasets}, if there is one. */
    public Optional<String> debianPackage() {
        return Optional.ofNullable(debianPackage);
    }

    public static List<String> ids() {
        return Stream.of(values()).map(KnownDataset::id).toList();
    }

    /** The data set named {@code id}, or {@code null} when there is none. */
    public static KnownDataset byId(String id) {
        for (KnownDataset dataset : values()) {
            if (dataset.id.equals(id)) {
                return dataset;
            }
        }
        return null;
    }
}
