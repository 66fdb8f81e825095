package dev.gan4j.core.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.core.config.ConfigException;
import dev.gan4j.core.config.Experiment;
import dev.gan4j.core.plugin.ExperimentReader;
import dev.gan4j.core.config.JsonErrors;
import dev.gan4j.core.io.AtomicFiles;
import dev.gan4j.core.io.Sha256;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes and reads {@code checkpoints/step-N/}: one state file per network (parameters, optimizer
 * state, update count), the resolved config, and {@code state.json} with the step, seed, data shape,
 * versions and a SHA-256 per file.
 *
 * <p>A checkpoint is written into a temporary directory, synced (files and directory), then renamed into
 * place and the rename synced, so neither an interrupted run nor a power cut leaves a half-written checkpoint:
 * a directory named {@code step-N} is complete.
 */
public final class Checkpoints {
    public static final int FORMAT = 1;
    private static final Pattern STEP_DIR = Pattern.compile("step-(\\d+)");
    /** Where {@link #write} sets aside the {@code step-N} it replaces, until the new one is in place. */
    private static final Pattern REPLACED_DIR = Pattern.compile("\\.replaced-step-(\\d+)\\.tmp-.*");
    private static final String STATE = "state.json";
    private static final String STEP_PREFIX = "step-";

    private Checkpoints() {
    }

    /**
     * Writes the checkpoint of {@code step}, replacing one of the same step.
     *
     * @throws DivergenceException when a network's parameters are NaN or infinite: an update can break them while
     *                             the losses, computed before it, look fine, and such a checkpoint would pass for good
     */
    public static Path write(RunDirectory run, long step, long seed, GanModel model, Shape dataShape,
                             String configJson, ObjectMapper mapper) throws IOException {
        return write(run, step, seed, model, dataShape, -1, configJson, mapper);
    }

    /**
     * @param dataSize the number of examples batches are drawn from (their order depends on it), so that a resume on
     *                 data that has changed under the same config is refused; -1 records nothing
     */
    public static Path write(RunDirectory run, long step, long seed, GanModel model, Shape dataShape, long dataSize,
                             String configJson, ObjectMapper mapper) throws IOException {
        return write(run, step, seed, model, dataShape, dataSize, null, configJson, mapper);
    }

    /**
     * Like {@link #write(RunDirectory, long, long, GanModel, Shape, long, String, ObjectMapper)}, also recording the
     * data's {@link dev.gan4j.core.api.DataSource#fingerprint() fingerprint}, so that a resume on data whose content
     * changed at the same size is refused too.
     *
     * @param dataFingerprint the data's digest, or {@code null} when its source has none
     */
    public static Path write(RunDirectory run, long step, long seed, GanModel model, Shape dataShape, long dataSize,
                             String dataFingerprint, String configJson, ObjectMapper mapper) throws IOException {
        requireFiniteParameters(model, step);
        Path parent = run.checkpoints();
        Files.createDirectories(parent);
        Path target = parent.resolve(STEP_PREFIX + step);
        Path temporary = Files.createDirectory(AtomicFiles.temporarySibling(target));
        try {
            ObjectNode state = mapper.createObjectNode();
            state.put("format", FORMAT);
            state.put("step", step);
            state.put("seed", seed);
            state.set("dataShape", mapper.valueToTree(dataShape));
            if (dataSize >= 0) {
                state.put("dataSize", dataSize);
            }
            if (dataFingerprint != null) {
                state.put("dataFingerprint", dataFingerprint);
            }
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
            AtomicFiles.syncDirectory(temporary);
            if (Files.exists(target)) {
                Path old = Files.createDirectory(AtomicFiles.temporarySibling(parent.resolve("replaced-step-" + step)));
                Files.move(target, old.resolve("old"), StandardCopyOption.ATOMIC_MOVE);
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    Files.move(old.resolve("old"), target, StandardCopyOption.ATOMIC_MOVE);
                    throw e;
                }
                AtomicFiles.syncDirectory(parent);
                AtomicFiles.deleteRecursively(old);
            } else {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                AtomicFiles.syncDirectory(parent);
            }
            return target;
        } finally {
            if (Files.exists(temporary)) {
                AtomicFiles.deleteRecursively(temporary);
            }
        }
    }

    private static void requireFiniteParameters(GanModel model, long step) {
        for (Map.Entry<String, TrainableNetwork> entry : model.networks().entrySet()) {
            if (BooleanIndexing.or(entry.getValue().parameters(), Conditions.notFinite())) {
                throw DivergenceException.nonFiniteParameters(step, entry.getKey());
            }
        }
    }

    /**
     * Undoes what a process killed while writing a checkpoint left: a {@code step-N} it had set aside to replace,
     * but not yet replaced, goes back into place; then its temporary directories are deleted.
     *
     * @return the temporary directories deleted
     */
    public static List<Path> cleanUpInterruptedWrites(RunDirectory run) throws IOException {
        if (!Files.isDirectory(run.checkpoints())) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(run.checkpoints())) {
            for (Path aside : entries.filter(AtomicFiles::isAbandoned).toList()) {
                Matcher m = REPLACED_DIR.matcher(aside.getFileName().toString());
                Path old = aside.resolve("old");
                if (m.matches() && Files.isRegularFile(old.resolve(STATE))) {
                    Path target = run.checkpoints().resolve(STEP_PREFIX + m.group(1));
                    if (!Files.exists(target)) {
                        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            }
        }
        return AtomicFiles.deleteAbandoned(run.checkpoints());
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

    /** The checkpoint directories ({@code step-N}, complete or not), highest step first. */
    public static List<Path> newestFirst(RunDirectory run) {
        if (!Files.isDirectory(run.checkpoints())) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(run.checkpoints())) {
            return dirs.filter(Checkpoints::isCheckpointName)
                    .sorted(Comparator.comparingLong(Checkpoints::stepOf).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + run.checkpoints(), e);
        }
    }

    /**
     * The newest checkpoint that {@link #read} verifies and whose config this version reads, so that a damaged
     * newest checkpoint (a disk error, a copy cut short) does not strand the good ones before it. Each one passed
     * over goes to {@code skipped} with the reason, once a readable one is found.
     *
     * @return empty when there is no checkpoint at all
     * @throws CorruptCheckpointException when there are checkpoints but none is readable: the one checkpoint's own
     *                                    error, or each with its reason
     */
    public static Optional<Checkpoint> newestReadable(RunDirectory run, ExperimentReader reader, ObjectMapper mapper,
                                                      Consumer<String> skipped) {
        Map<String, CorruptCheckpointException> damaged = new LinkedHashMap<>();
        for (Path directory : newestFirst(run)) {
            try {
                Checkpoint checkpoint = read(directory, mapper);
                experiment(checkpoint, reader);
                damaged.forEach((name, e) -> skipped.accept("skipping checkpoint " + name + ": " + e.getMessage()));
                return Optional.of(checkpoint);
            } catch (CorruptCheckpointException e) {
                damaged.put(directory.getFileName().toString(), e);
            }
        }
        if (damaged.isEmpty()) {
            return Optional.empty();
        }
        if (damaged.size() == 1) {
            throw damaged.values().iterator().next();
        }
        List<String> reasons = new ArrayList<>();
        damaged.forEach((name, e) -> reasons.add(name + ": " + e.getMessage()));
        throw new CorruptCheckpointException("no checkpoint in " + run.checkpoints() + " is readable: " + String.join("; ", reasons));
    }

    /**
     * Reads and verifies a checkpoint's manifest, its config's syntax and the checksums of its files. Whatever is
     * missing or damaged is a {@link CorruptCheckpointException} naming the file.
     */
    public static Checkpoint read(Path directory, ObjectMapper mapper) {
        Path statePath = directory.resolve(STATE);
        if (!Files.isRegularFile(statePath)) {
            throw new CorruptCheckpointException("checkpoint " + directory + " is incomplete: " + STATE + " is missing");
        }
        try {
            JsonNode state = parseJson(Files.readString(statePath), statePath, mapper);
            if (!state.isObject()) {
                throw corrupt(statePath, "not a JSON object");
            }
            List<String> missing = Stream.of("format", "step", "seed", "dataShape", "networks")
                    .filter(field -> !state.hasNonNull(field)).toList();
            if (!missing.isEmpty()) {
                throw corrupt(statePath, "it has no " + String.join(", ", missing));
            }
            if (state.get("format").asInt(-1) != FORMAT) {
                throw new CorruptCheckpointException("checkpoint " + directory + " has format " + state.get("format")
                        + "; this version reads format " + FORMAT);
            }
            Shape shape = value(state, "dataShape", Shape.class, statePath, mapper);
            ConditionSchema conditions = state.hasNonNull("conditions")
                    ? value(state, "conditions", ConditionSchema.class, statePath, mapper) : ConditionSchema.NONE;
            JsonNode networks = state.get("networks");
            if (!networks.isObject() || networks.isEmpty()) {
                throw corrupt(statePath, "networks must name the file of each network, found " + networks);
            }
            Path configPath = directory.resolve("config.json");
            if (!Files.isRegularFile(configPath)) {
                throw new CorruptCheckpointException("checkpoint " + directory + " has no config.json");
            }
            String configJson = Files.readString(configPath);
            parseJson(configJson, configPath, mapper);
            Map<String, String> files = new LinkedHashMap<>();
            Map<String, String> checksums = new LinkedHashMap<>();
            networks.fields().forEachRemaining(e -> {
                files.put(e.getKey(), e.getValue().path("file").asText());
                checksums.put(e.getKey(), e.getValue().path("sha256").asText());
            });
            for (Map.Entry<String, String> checksum : checksums.entrySet()) {
                if (checksum.getValue().isEmpty()) {
                    throw corrupt(statePath, "it records no sha256 for " + checksum.getKey());
                }
            }
            for (String number : List.of("step", "seed")) {
                if (!state.get(number).canConvertToExactIntegral()) {
                    throw corrupt(statePath, number + " must be a whole number, found " + state.get(number));
                }
            }
            long step = state.get("step").asLong();
            String name = directory.getFileName().toString();
            if (name.startsWith(STEP_PREFIX) && !name.equals(STEP_PREFIX + step)) {
                throw corrupt(statePath, "it records step " + step + ", but its directory is " + name);
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = directory.resolve(file.getValue());
                if (file.getValue().isEmpty() || !Files.isRegularFile(path)) {
                    throw new CorruptCheckpointException("checkpoint " + directory + " is missing "
                            + (file.getValue().isEmpty() ? "the file of " + file.getKey() : file.getValue()));
                }
                String actual = Sha256.of(path);
                if (!actual.equals(checksums.get(file.getKey()))) {
                    throw new CorruptCheckpointException("checkpoint file " + path + " is corrupt: SHA-256 " + actual
                            + " does not match " + checksums.get(file.getKey()) + " recorded in state.json");
                }
            }
            long dataSize = state.hasNonNull("dataSize") ? state.get("dataSize").asLong() : -1;
            String dataFingerprint = state.hasNonNull("dataFingerprint") ? state.get("dataFingerprint").asText() : null;
            return new Checkpoint(directory, step, state.get("seed").asLong(), shape, dataSize, dataFingerprint,
                    state.path("conditionDim").asInt(), conditions, configJson, files, checksums);
        } catch (IOException e) {
            throw new CorruptCheckpointException("cannot read checkpoint " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * The experiment a checkpoint was written under, as this version reads it; a config it cannot read makes
     * the checkpoint unusable, so that is a {@link CorruptCheckpointException} naming the file too.
     */
    public static Experiment experiment(Checkpoint checkpoint, ExperimentReader reader) {
        try {
            return reader.read(checkpoint.configJson(), List.of());
        } catch (ConfigException e) {
            throw new CorruptCheckpointException("checkpoint file " + checkpoint.directory().resolve("config.json")
                    + " holds a config this version cannot read: " + e.getMessage(), e);
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
            } catch (EOFException e) {
                throw new CorruptCheckpointException("cannot restore " + entry.getKey() + " from " + path
                        + ": truncated or corrupt (the file ends inside the network state)", e);
            } catch (IOException e) {
                throw new CorruptCheckpointException("cannot restore " + entry.getKey() + " from " + path + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new CorruptCheckpointException("cannot restore " + entry.getKey() + " from " + path + ": truncated or corrupt ("
                        + e + ")", e);
            }
        }
    }

    /** Whether a directory is named like a checkpoint ({@code step-N}), whatever it holds. */
    public static boolean isCheckpointName(Path directory) {
        Path name = directory.getFileName();
        return name != null && STEP_DIR.matcher(name.toString()).matches();
    }

    public static long stepOf(Path directory) {
        Matcher m = STEP_DIR.matcher(directory.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a checkpoint directory name (step-N): " + directory);
        }
        return Long.parseLong(m.group(1));
    }

    /** {@code text}, the content of {@code file}, as a JSON tree; a checkpoint file that is not JSON is corrupt. */
    private static JsonNode parseJson(String text, Path file, ObjectMapper mapper) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw corrupt(file, JsonErrors.notValidJson(e));
        }
    }

    private static <T> T value(JsonNode state, String field, Class<T> type, Path file, ObjectMapper mapper) {
        try {
            return mapper.treeToValue(state.get(field), type);
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            throw corrupt(file, field + ": " + (e.getTargetType() != null ? JsonErrors.typeMismatch(e, state.get(field))
                    : JsonErrors.describe(e)));
        } catch (JsonProcessingException e) {
            throw corrupt(file, field + ": " + JsonErrors.describe(e));
        }
    }

    private static CorruptCheckpointException corrupt(Path file, String problem) {
        return new CorruptCheckpointException("checkpoint file " + file + " is corrupt: " + problem);
    }

    private static void writeSynced(Path path, String text) throws IOException {
        try (FileOutputStream out = new FileOutputStream(path.toFile())) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.getFD().sync();
        }
    }
}
