package dev.gan4j.examples;

import dev.gan4j.datasets.DatasetDownloader;
import dev.gan4j.datasets.KnownDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Download a dataset from its official source, verified by SHA-256 (the only network access of gan).")
final class DownloadCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATASET", description = "fashion-mnist or mnist")
    String dataset;

    @Option(names = "--dir", paramLabel = "DIR", description = "target folder (default: ~/.gan/datasets/<dataset>)")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (KnownDataset.byId(dataset) == null) {
            throw new UsageException("unknown dataset '" + dataset + "'; known datasets: " + KnownDataset.ids());
        }
        Path target = dir != null ? dir : Path.of(System.getProperty("user.home"), ".gan", "datasets", dataset);
        DatasetDownloader.download(dataset, target, System.out);
        return 0;
    }
}
