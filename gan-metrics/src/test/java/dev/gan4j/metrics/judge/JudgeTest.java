package dev.gan4j.metrics.judge;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JudgeTest {
    private static Judge judge;
    private static String log;

    @BeforeAll
    static void train() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        judge = new JudgeTrainer(2, 32, 2e-3, 7).train(new StripesData(960, 1), new StripesData(300, 2), new PrintStream(out));
        log = out.toString();
    }

    @Test
    void learnsTheClassesAndRecordsWhatItWasTrainedOn() {
        assertTrue(judge.info().testAccuracy() > 0.95, "test accuracy " + judge.info().testAccuracy() + "\n" + log);
        assertEquals(JudgeTrainer.accuracy(judge, new StripesData(300, 2)), judge.info().testAccuracy(), 1e-12);
        assertEquals(3, judge.info().classes());
        assertEquals("cnn", judge.info().architecture());
        assertTrue(judge.info().data().contains("960 stripe images"), judge.info().data());
        assertTrue(log.contains("judge epoch 2/2"), log);
    }

    @Test
    void featuresAreThePenultimateLayer() {
        INDArray features = judge.features(new StripesData(10, 3).batch(new int[] {0, 1, 2, 3}).examples());
        assertArrayEquals(new long[] {4, JudgeArchitecture.FEATURES}, features.shape());
    }

    @Test
    void saveAndLoadRoundTrip(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("j.judge");
        judge.save(file);
        Judge loaded = Judge.load(file);
        assertEquals(judge.info(), loaded.info());
        INDArray x = new StripesData(50, 4).batch(java.util.stream.IntStream.range(0, 50).toArray()).examples();
        assertEquals(judge.features(x), loaded.features(x));
    }

    @Test
    void badFilesAreReportedWithTheirName(@TempDir Path dir) throws IOException {
        IOException missing = assertThrows(IOException.class, () -> Judge.load(dir.resolve("none.judge")));
        assertTrue(missing.getMessage().contains("none.judge") && missing.getMessage().contains("gan judge train"), missing.getMessage());
        Path garbage = Files.write(dir.resolve("garbage.judge"), new byte[] {0, 3, 'a', 'b', 'c'});
        IOException notJudge = assertThrows(IOException.class, () -> Judge.load(garbage));
        assertTrue(notJudge.getMessage().contains("garbage.judge"), notJudge.getMessage());
        Path file = dir.resolve("cut.judge");
        judge.save(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        IOException truncated = assertThrows(IOException.class, () -> Judge.load(file));
        assertTrue(truncated.getMessage().contains("truncated") && truncated.getMessage().contains("cut.judge"), truncated.getMessage());
    }
}
