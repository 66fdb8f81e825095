package dev.gan4j.core.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.plugin.ComponentRegistry;
import dev.gan4j.core.testing.TinyNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointsTest {
    private final ObjectMapper mapper = ComponentRegistry.strictMapper();

    @Test
    void writeReadRestoreRoundTrip(@TempDir Path dir) throws Exception {
        RunDirectory run = new RunDirectory(dir);
        GanModel model = TinyNetworks.pointGan(1, new Adam(0.01));
        model.generator().network().setParameters(Nd4j.rand(model.generator().network().parameters().dataType(),
                model.generator().network().parameterCount()));
        Path written = Checkpoints.write(run, 20, 42, model, Shape.vector(2), "{\"name\":\"x\"}", mapper);
        assertEquals(dir.resolve("checkpoints/step-20"), written);

        Checkpoint checkpoint = Checkpoints.read(written, mapper);
        assertEquals(20, checkpoint.step());
        assertEquals(42, checkpoint.seed());
        assertEquals(Shape.vector(2), checkpoint.dataShape());
        assertEquals("{\"name\":\"x\"}", checkpoint.configJson());
        String state = Files.readString(written.resolve("state.json"));
        assertTrue(state.contains("\"dl4j\"") && state.contains("\"sha256\""), state);

        GanModel fresh = TinyNetworks.pointGan(7, new Adam(0.01));
        assertNotEquals(model.generator().network().parameters(), fresh.generator().network().parameters());
        Checkpoints.restore(checkpoint, fresh);
        assertEquals(model.generator().network().parameters(), fresh.generator().network().parameters());
        assertEquals(model.discriminator().network().parameters(), fresh.discriminator().network().parameters());
    }

    @Test
    void aModelWithNanOrInfiniteParametersIsNotCheckpointed(@TempDir Path dir) throws Exception {
        RunDirectory run = new RunDirectory(dir);
        GanModel model = TinyNetworks.pointGan(1, new Adam(0.01));
        org.nd4j.linalg.api.ndarray.INDArray parameters = model.discriminator().network().parameters();
        parameters.putScalar(parameters.length() - 1, Double.POSITIVE_INFINITY);
        model.discriminator().network().setParameters(parameters);
        DivergenceException infinite = assertThrows(DivergenceException.class,
                () -> Checkpoints.write(run, 8, 1, model, Shape.vector(2), "{}", mapper));
        assertEquals("training diverged by step 8: the parameters of discriminator are NaN or infinite"
                + " (lower the learning rates in optimizers.* or try another strategy, in a fresh run with another --run-dir:"
                + " --resume does not accept changes to them)", infinite.getMessage());
        assertEquals(7, infinite.step());

        GanModel nan = TinyNetworks.pointGan(1, new Adam(0.01));
        nan.generator().network().setParameters(nan.generator().network().parameters().putScalar(0, Double.NaN));
        assertTrue(assertThrows(DivergenceException.class, () -> Checkpoints.write(run, 8, 1, nan, Shape.vector(2), "{}", mapper))
                .getMessage().contains("parameters of generator"));
        assertTrue(Checkpoints.latest(run).isEmpty());
        assertFalse(Files.exists(run.checkpoints()), "not even a temporary directory");
    }

    @Test
    void latestIgnoresUnfinishedWritesAndPicksTheHighestStep(@TempDir Path dir) throws Exception {
        RunDirectory run = new RunDirectory(dir);
        GanModel model = TinyNetworks.pointGan(1, new Adam(0.01));
        Checkpoints.write(run, 5, 1, model, Shape.vector(2), "{}", mapper);
        Checkpoints.write(run, 10, 1, model, Shape.vector(2), "{}", mapper);
        Files.createDirectories(run.checkpoints().resolve(".step-30-123"));
        Files.createDirectories(run.checkpoints().resolve("step-40"));
        assertEquals(run.checkpoints().resolve("step-10"), Checkpoints.latest(run).orElseThrow());
        Checkpoints.write(run, 10, 1, model, Shape.vector(2), "{\"again\":1}", mapper);
        assertEquals("{\"again\":1}", Checkpoints.read(run.checkpoints().resolve("step-10"), mapper).configJson());
        try (var entries = Files.list(run.checkpoints())) {
            assertFalse(entries.anyMatch(p -> p.getFileName().toString().startsWith(".replaced")));
        }
        assertTrue(Checkpoints.latest(new RunDirectory(dir.resolve("none"))).isEmpty());
    }

    @Test
    void whatAKilledWriteLeftIsRemovedAndACheckpointSetAsideToBeReplacedGoesBack(@TempDir Path dir) throws Exception {
        RunDirectory run = new RunDirectory(dir);
        GanModel model = TinyNetworks.pointGan(1, new Adam(0.01));
        Checkpoints.write(run, 4, 1, model, Shape.vector(2), "{}", mapper);
        Path step5 = Checkpoints.write(run, 5, 1, model, Shape.vector(2), "{}", mapper);
        // Killed while replacing step-5: the old one set aside, the new one not yet renamed into place.
        Path aside = Files.createDirectory(run.checkpoints().resolve(".replaced-step-5.tmp-999999999-7c"));
        Files.move(step5, aside.resolve("old"));
        Path unfinished = Files.createDirectory(run.checkpoints().resolve(".step-5.tmp-999999999-7d"));
        Files.writeString(unfinished.resolve("generator.bin"), "half");
        Path alsoUnfinished = Files.createDirectory(run.checkpoints().resolve(".step-6.tmp-999999999-7e"));

        assertEquals(java.util.stream.Stream.of(aside, unfinished, alsoUnfinished).sorted().toList(),
                Checkpoints.cleanUpInterruptedWrites(run));
        Checkpoints.read(step5, mapper);
        try (var entries = Files.list(run.checkpoints())) {
            assertEquals(java.util.List.of("step-4", "step-5"), entries.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void damagedCheckpointsAreReportedWithTheFile(@TempDir Path dir) throws Exception {
        RunDirectory run = new RunDirectory(dir);
        Path written = Checkpoints.write(run, 3, 1, TinyNetworks.pointGan(1, new Adam(0.01)), Shape.vector(2), "{}", mapper);
        Path generator = written.resolve("generator.bin");
        byte[] bytes = Files.readAllBytes(generator);
        bytes[bytes.length - 1] ^= 1;
        Files.write(generator, bytes);
        CorruptCheckpointException corrupt = assertThrows(CorruptCheckpointException.class, () -> Checkpoints.read(written, mapper));
        assertTrue(corrupt.getMessage().contains(generator.toString()) && corrupt.getMessage().contains("corrupt"), corrupt.getMessage());

        Files.delete(generator);
        CorruptCheckpointException missing = assertThrows(CorruptCheckpointException.class, () -> Checkpoints.read(written, mapper));
        assertTrue(missing.getMessage().contains("generator.bin"), missing.getMessage());

        Files.delete(written.resolve("state.json"));
        CorruptCheckpointException notOne = assertThrows(CorruptCheckpointException.class, () -> Checkpoints.read(written, mapper));
        assertTrue(notOne.getMessage().contains("state.json"), notOne.getMessage());
    }

    @Test
    void anIncompleteOrUnreadableManifestOrConfigNamesTheFile(@TempDir Path dir) throws Exception {
        Path written = Checkpoints.write(new RunDirectory(dir), 3, 1, TinyNetworks.pointGan(1, new Adam(0.01)), Shape.vector(2),
                "{\n  \"name\": \"x\"\n  \"seed\": 1\n}", mapper);
        Path config = written.resolve("config.json");
        String syntax = assertThrows(CorruptCheckpointException.class, () -> Checkpoints.read(written, mapper)).getMessage();
        assertEquals("checkpoint file " + config + " is corrupt: not valid JSON: Unexpected character ('\"' (code 34)): "
                + "was expecting comma to separate Object entries at line 3, column 3", syntax);

        Files.writeString(config, "{}");
        Path state = written.resolve("state.json");
        String full = Files.readString(state);
        Files.writeString(state, "{\"format\": 1, \"step\": 100, \"netw");
        assertEquals("checkpoint file " + state + " is corrupt: not valid JSON: Unexpected end-of-input in field name at line 1, column 33",
                assertThrows(CorruptCheckpointException.class, () -> Checkpoints.read(written, mapper)).getMessage());

        Files.writeString(state, "{\"format\": 1, \"step\": 3}");
        assertEquals("checkpoint file " + state + " is corrupt: it has no seed, dataShape, networks",
                assertThrows(CorruptCheckpointException.class, () -> Checkpoints.read(written, mapper)).getMessage());

        ObjectNode zeroShape = (ObjectNode) mapper.readTree(full);
        zeroShape.putArray("dataShape").add(0);
        Files.writeString(state, mapper.writeValueAsString(zeroShape));
        String badShape = assertThrows(CorruptCheckpointException.class, () -> Checkpoints.read(written, mapper)).getMessage();
        assertTrue(badShape.startsWith("checkpoint file " + state + " is corrupt: dataShape: ")
                && badShape.contains("shape dimensions must be > 0") && !badShape.contains("Source"), badShape);

        ObjectNode otherStep = (ObjectNode) mapper.readTree(full);
        otherStep.put("step", 7);
        Files.writeString(state, mapper.writeValueAsString(otherStep));
        assertEquals("checkpoint file " + state + " is corrupt: it records step 7, but its directory is step-3",
                assertThrows(CorruptCheckpointException.class, () -> Checkpoints.read(written, mapper)).getMessage());
        otherStep.put("step", "three");
        Files.writeString(state, mapper.writeValueAsString(otherStep));
        assertEquals("checkpoint file " + state + " is corrupt: step must be a whole number, found \"three\"",
                assertThrows(CorruptCheckpointException.class, () -> Checkpoints.read(written, mapper)).getMessage());
        ObjectNode noChecksum = (ObjectNode) mapper.readTree(full);
        String network = noChecksum.get("networks").fieldNames().next();
        ((ObjectNode) noChecksum.get("networks").get(network)).remove("sha256");
        Files.writeString(state, mapper.writeValueAsString(noChecksum));
        assertEquals("checkpoint file " + state + " is corrupt: it records no sha256 for " + network,
                assertThrows(CorruptCheckpointException.class, () -> Checkpoints.read(written, mapper)).getMessage());

        Files.delete(state);
        assertEquals("checkpoint " + written + " is incomplete: state.json is missing",
                assertThrows(CorruptCheckpointException.class, () -> Checkpoints.read(written, mapper)).getMessage());
    }

    @Test
    void aNetworkStateThatCannotBeRestoredNamesItsFile(@TempDir Path dir) throws Exception {
        GanModel model = TinyNetworks.pointGan(1, new Adam(0.01));
        Path written = Checkpoints.write(new RunDirectory(dir), 3, 1, model, Shape.vector(2), "{}", mapper);
        Path generator = written.resolve("generator.bin");
        byte[] saved = Files.readAllBytes(generator);

        byte[] random = new byte[saved.length];
        new java.util.Random(5).nextBytes(random);
        random[0] = 0x12;
        assertEquals("cannot restore generator from " + generator + ": not a gan4j network state (bad magic number 0x"
                        + Integer.toHexString(java.nio.ByteBuffer.wrap(random).getInt()) + "): the file is corrupt, "
                        + "or the config does not match the checkpoint",
                restoreFailure(written, generator, random, model));

        byte[] otherKind = saved.clone();
        otherKind[3] = 'X';
        String kind = restoreFailure(written, generator, otherKind, model);
        assertTrue(kind.contains("another kind of network ('GANX', this config builds 'GAN")
                && kind.endsWith("the config does not match the checkpoint"), kind);

        byte[] garbageBody = saved.clone();
        for (int i = 21; i < garbageBody.length; i++) {
            garbageBody[i] = (byte) (i * 31);
        }
        assertTrue(restoreFailure(written, generator, garbageBody, model)
                .startsWith("cannot restore generator from " + generator + ": truncated or corrupt"));

        byte[] headerOnly = java.util.Arrays.copyOf(saved, 12);
        assertEquals("cannot restore generator from " + generator + ": truncated or corrupt (the file ends inside the network state)",
                restoreFailure(written, generator, headerOnly, model));
    }

    /** Replaces a network file, records its checksum as if it had been written so, and restores. */
    private String restoreFailure(Path checkpoint, Path file, byte[] bytes, GanModel model) throws Exception {
        String before = dev.gan4j.core.io.Sha256.of(file);
        Files.write(file, bytes);
        Path state = checkpoint.resolve("state.json");
        Files.writeString(state, Files.readString(state).replace(before, dev.gan4j.core.io.Sha256.of(file)));
        Checkpoint read = Checkpoints.read(checkpoint, mapper);
        return assertThrows(CorruptCheckpointException.class, () -> Checkpoints.restore(read, model)).getMessage();
    }
}
