package dev.gan4j.core.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.core.io.AtomicFiles;
import dev.gan4j.core.io.Sha256;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes and reads {@code checkpoints/step-N/}: one state file per network (parameters, optimizer
 * state, update count), the resolved config, and {@code state.json} with the step, seed, data shape,
 * versions and a SHA-256 per file.
 *
 * <p>A checkpoint is written into a temporary directory, synced, then renamed into place, so an
 * interrupted run never leaves a half-written checkpoint: a directory named {@code step-N} is complete.
 */
public final class Checkpoints {
    public static final int FORMAT = 1;
    private static final Pattern STEP_DIR = Pattern.compile("step-(\\d+)");
    private static final String STATE = "state.json";

    private Checkpoints() {
    }

    public static Path write(RunDirectory run, long step, long seed, GanModel model, Shape dataShape,
                             String configJson, ObjectMapper mapper) throws IOException {
        Path parent = run.checkpoints();
        Files.createDirectories(parent);
        Path target = parent.resolve("step-" + step);
        Path temporary = Files.createDirectory(AtomicFiles.temporarySibling(target));
        try {
            ObjectNode state = mapper.createObjectNode();
            state.put("format", FORMAT);
            state.put("step", step);
            state.put("seed", seed);
            state.set("dataShape", mapper.valueToTree(dataShape));
            state.put("conditionDim", model.generator().conditionDim());
            state.set("conditions", mapper.valueToTree(model.encoder().schema()));
            ObjectNode networks = state.putObject("networks");
            for (Map.Entry<String, TrainableNetwork> entry : model.networks().entrySet()) {
                String file = entry.getKey() + ".bin";
                Path path = temporary.resolve(file);
                MessageDigest digest = Sha256.newDigest();
                try (FileOutputStream stream = new FileOutputStream(path.toFile());
                     DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                             new java.security.DigestOutputStream(stream, digest), 1 << 16))) {
                    entry.getValue().writeState(out);
                    out.flush();
                    stream.getFD().sync();
                }
                ObjectNode info = networks.putObject(entry.getKey());
                info.put("file", file);
                info.put("parameters", entry.getValue().parameterCount());
                info.put("updates", entry.getValue().updateCount());
                info.put("sha256", Sha256.hex(digest));
            }
            ObjectNode versions = state.putObject("versions");
            versions.put("gan4j", Versions.gan4j());
            versions.put("dl4j", Versions.dl4j());
            versions.put("java", System.getProperty("java.version"));
            state.put("random", "per-step seeds derived from (seed, step); no generator state needed");
            writeSynced(temporary.resolve("config.json"), configJson);
            writeSynced(temporary.resolve(STATE), mapper.writeValueAsString(state));
            if (Files.exists(target)) {
                Path old = Files.createDirectory(AtomicFiles.temporarySibling(parent.resolve("replaced-step-" + step)));
                Files.move(target, old.resolve("old"), StandardCopyOption.ATOMIC_MOVE);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                deleteRecursively(old);
            } else {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return target;
        } finally {
            if (Files.exists(temporary)) {
                deleteRecursively(temporary);
            }
        }
    }

    /** The checkpoint of the highest step, if any. Temporary directories of interrupted writes are ignored. */
    public static Optional<Path> latest(RunDirectory run) {
        if (!Files.isDirectory(run.checkpoints())) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(run.checkpoints())) {
            return dirs.filter(p -> STEP_DIR.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.exists(p.resolve(STATE)))
                    .max(Comparator.comparingLong(Checkpoints::stepOf));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + run.checkpoints(), e);
        }
    }

    /** Reads and verifies a checkpoint's manifest and the checksums of its files. */
    public static Checkpoint read(Path directory, ObjectMapper mapper) {
        Path statePath = directory.resolve(STATE);
        if (!Files.isRegularFile(statePath)) {
            throw new CorruptCheckpointException("not a checkpoint: " + statePath + " is missing");
        }
        try {
            JsonNode state = mapper.readTree(statePath.toFile());
            int format = state.path("format").asInt(-1);
            if (format != FORMAT) {
                throw new CorruptCheckpointException("checkpoint " + directory + " has format " + format
                        + "; this version reads format " + FORMAT);
            }
            Path configPath = directory.resolve("config.json");
            if (!Files.isRegularFile(configPath)) {
                throw new CorruptCheckpointException("checkpoint " + directory + " has no config.json");
            }
            Map<String, String> files = new LinkedHashMap<>();
            Map<String, String> checksums = new LinkedHashMap<>();
            state.path("networks").fields().forEachRemaining(e -> {
                files.put(e.getKey(), e.getValue().path("file").asText());
                checksums.put(e.getKey(), e.getValue().path("sha256").asText());
            });
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = directory.resolve(file.getValue());
                if (!Files.isRegularFile(path)) {
                    throw new CorruptCheckpointException("checkpoint " + directory + " is missing " + file.getValue());
                }
                String actual = Sha256.of(path);
                if (!actual.equals(checksums.get(file.getKey()))) {
                    throw new CorruptCheckpointException("checkpoint file " + path + " is corrupt: SHA-256 " + actual
                            + " does not match " + checksums.get(file.getKey()) + " recorded in state.json");
                }
            }
            Shape shape = mapper.treeToValue(state.path("dataShape"), Shape.class);
            return new Checkpoint(directory, state.path("step").asLong(), state.path("seed").asLong(), shape,
                    state.path("conditionDim").asInt(), state.has("conditions")
                    ? mapper.treeToValue(state.get("conditions"), ConditionSchema.class) : ConditionSchema.NONE,
                    Files.readString(configPath), files, checksums);
        } catch (IOException e) {
            throw new CorruptCheckpointException("cannot read checkpoint " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads every network of {@code model} from a verified checkpoint. A checkpoint written before the
     * experiment kept a weight average starts the average from the restored generator.
     */
    public static void restore(Checkpoint checkpoint, GanModel model) {
        for (Map.Entry<String, TrainableNetwork> entry : model.networks().entrySet()) {
            String file = checkpoint.networkFiles().get(entry.getKey());
            if (file == null && entry.getKey().equals(GanModel.AVERAGED_GENERATOR)) {
                entry.getValue().blendFrom(model.generator().network(), 1);
                continue;
            }
            if (file == null) {
                throw new CorruptCheckpointException("checkpoint " + checkpoint.directory() + " has no " + entry.getKey());
            }
            Path path = checkpoint.directory().resolve(file);
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16))) {
                entry.getValue().readState(in);
            } catch (IOException e) {
                throw new CorruptCheckpointException("cannot restore " + entry.getKey() + " from " + path + ": " + e.getMessage(), e);
            }
        }
    }

    public static long stepOf(Path directory) {
        Matcher m = STEP_DIR.matcher(directory.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a checkpoint directory name (step-N): " + directory);
        }
        return Long.parseLong(m.group(1));
    }

    private static void writeSynced(Path path, String text) throws IOException {
        try (FileOutputStream out = new FileOutputStream(path.toFile())) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.getFD().sync();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
