package dev.gan4j.metrics.judge;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gan4j.nn.FastNetwork;
import dev.gan4j.core.io.AtomicFiles;
import dev.gan4j.core.nn.LogitLosses;
import dev.gan4j.core.plugin.ComponentRegistry;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * A trained classifier of the data domain whose penultimate layer defines the feature space of the
 * distances (FID, KID, precision/recall). Inception weights cannot be downloaded here, so the
 * framework trains its own judges; their files record what they were trained on and how accurate they are.
 */
public final class Judge {
    private static final String MAGIC = "GAN4J-JUDGE";
    private static final int BATCH = 500;

    private final JudgeInfo info;
    private final FastNetwork body;
    private final FastNetwork head;

    Judge(JudgeInfo info, FastNetwork body, FastNetwork head) {
        this.info = requireNonNull(info, "info is null");
        this.body = requireNonNull(body, "body is null");
        this.head = requireNonNull(head, "head is null");
    }

    public JudgeInfo info() {
        return info;
    }

    FastNetwork body() {
        return body;
    }

    FastNetwork head() {
        return head;
    }

    /** Penultimate-layer features {@code [n, featureDim]} of examples {@code [n, ...inputShape]}, in inference mode. */
    public INDArray features(INDArray examples) {
        long n = examples.size(0);
        INDArray features = Nd4j.create(DataType.FLOAT, n, info.featureDim());
        for (long start = 0; start < n; start += BATCH) {
            long end = Math.min(n, start + BATCH);
            INDArray chunk = examples.get(NDArrayIndex.interval(start, end));
            features.get(NDArrayIndex.interval(start, end), NDArrayIndex.all())
                    .assign(body.forward(chunk.castTo(DataType.FLOAT), false));
        }
        return features;
    }

    /**
     * Tag probabilities {@code [n, tags]} from features: one independent sigmoid per tag; multi-label judges only.
     */
    public INDArray tagProbabilitiesFromFeatures(INDArray features) {
        if (!info.multiLabel()) {
            throw new IllegalStateException("this judge recognises classes, not tags");
        }
        return Transforms.sigmoid(head.forward(features, false).dup(), false);
    }

    /** Class probabilities {@code [n, classes]} from features. */
    public INDArray probabilitiesFromFeatures(INDArray features) {
        if (info.multiLabel()) {
            throw new IllegalStateException("this judge recognises tags, not classes: use tagProbabilitiesFromFeatures");
        }
        return LogitLosses.softmax(head.forward(features, false)).castTo(DataType.FLOAT);
    }

    /** The most likely class of each example. */
    public int[] predict(INDArray examples) {
        return classesFromFeatures(features(examples));
    }

    /** The most likely class for each row of features. */
    public int[] classesFromFeatures(INDArray features) {
        double[][] p = probabilitiesFromFeatures(features).castTo(DataType.DOUBLE).toDoubleMatrix();
        int[] classes = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            for (int j = 1; j < p[i].length; j++) {
                if (p[i][j] > p[i][classes[i]]) {
                    classes[i] = j;
                }
            }
        }
        return classes;
    }

    /** Writes the judge atomically: a header line, the info as JSON, then both networks' states. */
    public void save(Path file) throws IOException {
        Path temporary = AtomicFiles.temporarySibling(file);
        try {
            try (FileOutputStream stream = new FileOutputStream(temporary.toFile());
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream))) {
                out.writeUTF(MAGIC);
                out.writeUTF(mapper().writeValueAsString(info));
                body.writeState(out);
                head.writeState(out);
                out.flush();
                stream.getFD().sync();
            }
            AtomicFiles.commit(temporary, file);
            AtomicFiles.syncDirectory(temporary.getParent());
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public static Judge load(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new IOException("not a gan4j judge file: " + file);
            }
            JudgeInfo info = mapper().readValue(in.readUTF(), JudgeInfo.class);
            if (info.format() != JudgeInfo.FORMAT) {
                throw new IOException("judge file " + file + " has format " + info.format() + "; this version reads format " + JudgeInfo.FORMAT);
            }
            if (!JudgeArchitecture.NAME.equals(info.architecture())) {
                throw new IOException("judge file " + file + " has unknown architecture '" + info.architecture() + "'");
            }
            FastNetwork body = JudgeArchitecture.body(info.inputShape(), new Adam(1e-3), 0);
            FastNetwork head = JudgeArchitecture.head(info.classes(), new Adam(1e-3), 0);
            try {
                body.readState(in);
                head.readState(in);
            } catch (RuntimeException e) {
                throw new IOException("judge file " + file + " is truncated or corrupt: " + e.getMessage(), e);
            } catch (EOFException e) {
                throw new IOException("judge file " + file + " is truncated: it ends inside the networks' state", e);
            } catch (IOException e) {
                throw new IOException("judge file " + file + ": " + e.getMessage(), e);
            }
            return new Judge(info, body, head);
        } catch (NoSuchFileException e) {
            throw new IOException("judge file not found: " + file + " (train one with `gan judge train`)", e);
        } catch (EOFException e) {
            throw new IOException("judge file " + file + " is truncated", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("judge file " + file + " has a corrupt header: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectMapper mapper() {
        return ComponentRegistry.strictMapper();
    }

    static String version() {
        return dev.gan4j.core.train.Versions.gan4j();
    }
}
