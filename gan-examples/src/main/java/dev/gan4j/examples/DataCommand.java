package dev.gan4j.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.config.ConfigException;
import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.config.DataSpec;
import dev.gan4j.core.plugin.ExperimentReader;
import dev.gan4j.core.io.ImageGrid;
import dev.gan4j.core.plugin.ComponentRegistry;
import dev.gan4j.core.plugin.Plugins;
import dev.gan4j.datasets.DatasetLocator;
import dev.gan4j.datasets.folder.ImageFolderPreparer;
import dev.gan4j.datasets.folder.ImageFolderReport;
import dev.gan4j.datasets.folder.ImageFolderSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Prepares and describes image folders, and makes the avatar set. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Prepare, inspect or make image-folder data.",
        subcommands = {DataCommand.Prepare.class, DataCommand.Info.class, DataCommand.Avatars.class})
final class DataCommand implements Runnable {
    private static final int PREVIEW = 64;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The CONFIG-or-FOLDER argument and the {@code --set} overrides shared by {@code prepare} and {@code info}. */
    static final class Target {
        @Parameters(index = "0", paramLabel = "CONFIG|FOLDER", description = "an experiment (file or preset) whose data is an"
                + " image folder, or a folder of pictures")
        String target;

        @Option(names = "--set", paramLabel = "data.KEY=VALUE", description = "override a data field, e.g. data.resolution=128")
        List<String> overrides = new ArrayList<>();

        /** Finds and prepares folders where the user's environment and home say. */
        static ImageFolderPreparer preparer() {
            return new ImageFolderPreparer(new DatasetLocator(DataContext.system()), DataContext.system());
        }

        boolean isFolder() {
            return Files.isDirectory(Path.of(target));
        }

        /** The image-folder spec the target describes, with the overrides applied. */
        ImageFolderSpec spec(ComponentRegistry registry) {
            ExperimentReader reader = new ExperimentReader(registry);
            DataSpec data;
            if (isFolder()) {
                ObjectNode root = JsonNodeFactory.instance.objectNode();
                root.putObject("data").put("type", "image-folder").put("directory", Path.of(target).toAbsolutePath().toString());
                for (String override : overrides) {
                    if (!ExperimentReader.overridePath(override).startsWith("data.")) {
                        throw new UsageException("--set " + override + ": for a folder, only data.KEY=VALUE can be set");
                    }
                    reader.applyOverride(root, override);
                }
                data = JudgeCommand.spec(registry, root.get("data").toString(), "--set");
            } else {
                data = ExperimentSource.load(reader, target, overrides).data();
            }
            if (!(data instanceof ImageFolderSpec folder)) {
                JsonNode type = registry.mapper().valueToTree(data).get("type");
                throw new ConfigException("data", "'" + (type == null ? data : type.asText()) + "' data is read as it is;"
                        + " only \"image-folder\" data is prepared");
            }
            return folder;
        }
    }

    @Command(name = "prepare", mixinStandardHelpOptions = true,
            description = "Prepare an image folder's archive now (training does it on first use); --force prepares it again.")
    static final class Prepare implements Callable<Integer> {
        @CommandLine.Mixin
        Target target = new Target();

        @Option(names = "--force", description = "prepare again even when the archive is current")
        boolean force;

        @Override
        public Integer call() throws IOException {
            ImageFolderSpec spec = target.spec(Plugins.registry());
            ImageFolderPreparer preparer = Target.preparer();
            try {
                Path archive = preparer.prepare(spec, force, System.err);
                System.out.println("archive=" + archive);
            } catch (IOException e) {
                throw new ConfigException("data", e.getMessage(), e);
            }
            return 0;
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Describe an image folder (preparing it first when needed) and write a preview grid.")
    static final class Info implements Callable<Integer> {
        @CommandLine.Mixin
        Target target = new Target();

        @Option(names = "--grid", paramLabel = "FILE.png", description = "preview grid of 64 examples (default: <folder name>-preview.png)")
        Path grid;

        @Override
        public Integer call() throws IOException {
            ImageFolderSpec spec = target.spec(Plugins.registry());
            ImageFolderPreparer preparer = Target.preparer();
            DataSource source;
            Path folder;
            try {
                folder = preparer.folder(spec);
                source = new ImageFolderReport(preparer).report(spec, System.err, System.out);
            } catch (IOException e) {
                throw new ConfigException("data", e.getMessage(), e);
            }
            Path file = grid != null ? grid : Path.of(folder.toAbsolutePath().normalize().getFileName() + "-preview.png");
            ImageGrid.write(ImageFolderReport.preview(source, PREVIEW), 8, file);
            System.out.println("preview:     " + file.toAbsolutePath());
            return 0;
        }
    }

    @Command(name = "avatars", mixinStandardHelpOptions = true,
            description = "Make the avatar set: N DiceBear \"Adventurer\" characters with tags and captions (Node.js and npm).")
    static final class Avatars implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", defaultValue = "30000", paramLabel = "N", description = "pictures (default: ${DEFAULT-VALUE})")
        int count;

        @Option(names = "--dir", paramLabel = "DIR", description = "where the set goes (default: ~/.gan/datasets/avatars)")
        Path dir;

        @Option(names = "--size", defaultValue = "64", description = "side of the pictures in pixels (default: ${DEFAULT-VALUE})")
        int size;

        @Option(names = "--seed", defaultValue = "1", description = "seed of the attributes (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--force", description = "replace a set already there")
        boolean force;

        @Override
        public Integer call() throws IOException, InterruptedException {
            if (count <= 0 || size <= 0) {
                throw new UsageException("N and --size must be > 0, found " + count + " and " + size);
            }
            String home = System.getProperty("gan.home");
            Path script = home == null ? null : Path.of(home, "tools", "avatars", "make.sh");
            if (script == null || !Files.isRegularFile(script)) {
                throw new UsageException("the avatar tool is in the gan4j checkout (tools/avatars/make.sh), which this gan was"
                        + " not started from" + (script == null ? "" : ": " + script + " is missing") + "; run it from a checkout");
            }
            List<String> command = new ArrayList<>(List.of("bash", script.toString(), Integer.toString(count)));
            if (dir != null) {
                command.add(dir.toAbsolutePath().toString());
            }
            command.addAll(List.of("--size", Integer.toString(size), "--seed", Long.toString(seed)));
            if (force) {
                command.add("--force");
            }
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        }
    }
}
