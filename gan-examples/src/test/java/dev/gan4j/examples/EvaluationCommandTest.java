package dev.gan4j.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `gan judge train`, `gan judge info` and `gan evaluate` on a small part of Fashion-MNIST. */
class EvaluationCommandTest {
    @Test
    void trainAJudgeThenEvaluateARunAndSamples(@TempDir Path dir) throws Exception {
        TestExperiments.assumeFashionMnist();
        Path judge = dir.resolve("small.judge");
        TestExperiments.Result trained = TestExperiments.run("judge", "train", "--data",
                "{\"type\":\"idx\",\"dataset\":\"fashion-mnist\",\"limit\":1500}", "--epochs", "1", "--out", judge.toString());
        assertEquals(0, trained.exitCode(), trained.err());
        assertTrue(trained.out().contains("test_accuracy=") && Files.isRegularFile(judge), trained.out());
        TestExperiments.Result info = TestExperiments.run("judge", "info", judge.toString());
        assertTrue(info.out().contains("\"classes\" : 10") && info.out().contains("first 1500 of 60000 examples"), info.out());

        Path run = dir.resolve("run");
        Path config = TestExperiments.write(dir, "small.json", TestExperiments.smallDcgan("eval", 4, 4));
        assertEquals(0, TestExperiments.run("train", config.toString(), "--run-dir", run.toString()).exitCode());
        TestExperiments.Result evaluated = TestExperiments.run("evaluate", run.toString(), "--judge", judge.toString(),
                "--n", "300", "--metrics", "fid,pr,classes");
        assertEquals(0, evaluated.exitCode(), evaluated.err());
        for (String metric : List.of("fid=", "precision=", "recall=", "class_kl=", "class_min_share=")) {
            assertTrue(evaluated.out().contains(metric), evaluated.out());
        }
        assertTrue(evaluated.out().contains("300 samples, seed 0"), evaluated.out());
        List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"));
        String last = lines.get(lines.size() - 1);
        assertTrue(last.contains("\"step\":4") && last.contains("\"fid\":") && last.contains("\"fid_floor\":")
                && last.contains("\"eval_samples\":300"), last);

        Path samples = dir.resolve("s.npy");
        assertEquals(0, TestExperiments.run("sample", run.toString(), "--n", "300", "--out", samples.toString()).exitCode());
        TestExperiments.Result fromFile = TestExperiments.run("evaluate", "--samples", samples.toString(), "--config", config.toString(),
                "--judge", judge.toString(), "--metrics", "fid");
        assertEquals(0, fromFile.exitCode(), fromFile.err());
        double fidOfRun = fid(evaluated.out());
        assertEquals(fidOfRun, fid(fromFile.out()), 1e-4 * fidOfRun, "the same samples (seed 0) give the same FID from a run and from a file");
    }

    @Test
    void evaluationDuringTrainingAppendsMetricLines(@TempDir Path dir) throws Exception {
        TestExperiments.assumeFashionMnist();
        Path judge = dir.resolve("small.judge");
        assertEquals(0, TestExperiments.run("judge", "train", "--data",
                "{\"type\":\"idx\",\"dataset\":\"fashion-mnist\",\"limit\":600}", "--epochs", "1", "--out", judge.toString()).exitCode());
        Path config = TestExperiments.write(dir, "small.json", TestExperiments.smallDcgan("evaltrain", 4, 4));
        String evaluation = "evaluation={\"metrics\":[\"fid\",\"classes\"],\"every\":2,\"samples\":200,\"judge\":\"" + judge + "\"}";
        TestExperiments.Result trained = TestExperiments.run("train", config.toString(), "--run-dir", dir.resolve("run").toString(),
                "--set", evaluation);
        assertEquals(0, trained.exitCode(), trained.err());
        assertTrue(trained.out().contains("evaluation at step 2: fid=") && trained.out().contains("evaluation at step 4:"), trained.out());
        List<String> evaluations = Files.readAllLines(dir.resolve("run/metrics.jsonl")).stream().filter(l -> l.contains("\"fid\"")).toList();
        assertEquals(2, evaluations.size(), evaluations.toString());
        assertTrue(evaluations.get(0).contains("\"step\":2") && evaluations.get(1).contains("\"class_kl\""), evaluations.toString());

        TestExperiments.Result badMetric = TestExperiments.run("train", config.toString(), "--run-dir", dir.resolve("bad").toString(),
                "--set", evaluation.replace("classes", "inception"));
        assertEquals(2, badMetric.exitCode());
        assertTrue(badMetric.err().contains("evaluation.metrics: unknown metric 'inception'"), badMetric.err());
        TestExperiments.Result noJudge = TestExperiments.run("train", config.toString(), "--run-dir", dir.resolve("nojudge").toString(),
                "--set", evaluation.replace(judge.toString(), dir.resolve("absent.judge").toString()));
        assertEquals(2, noJudge.exitCode());
        assertTrue(noJudge.err().startsWith("error: evaluation.judge: ") && noJudge.err().contains("absent.judge"), noJudge.err());
        assertTrue(Files.notExists(dir.resolve("nojudge/checkpoints")), "nothing trained without the judge");

        String conditional = evaluation.replace("\"classes\"", "\"conditional\"");
        TestExperiments.Result validated = TestExperiments.run("validate", config.toString(), "--set", conditional);
        assertEquals(2, validated.exitCode());
        assertTrue(validated.err().startsWith("error: evaluation.metrics: conditional accuracy needs a conditional model"),
                validated.err());
        TestExperiments.Result unconditional = TestExperiments.run("train", config.toString(), "--run-dir",
                dir.resolve("unconditional").toString(), "--set", conditional);
        assertEquals(2, unconditional.exitCode());
        assertTrue(unconditional.err().startsWith("error: evaluation.metrics: conditional accuracy needs a conditional model"),
                unconditional.err());
        assertTrue(Files.notExists(dir.resolve("unconditional/checkpoints")) && !unconditional.out().contains("step 1"),
                "refused before the first step, not at the first evaluation");
    }

    /**
     * Data of one's own image files has no test split to switch to: evaluation takes the held-out files from
     * {@code evaluation.heldOut} or {@code --held-out}, and without them says so before any training.
     */
    @Test
    void runsOnFilesOfOnesOwnAreEvaluatedAgainstTheHeldOutDataGiven(@TempDir Path dir) throws Exception {
        TestExperiments.assumeFashionMnist();
        String train = ownFiles("train", 512);
        String heldOut = ownFiles("t10k", 300);
        Path judge = dir.resolve("own.judge");
        TestExperiments.Result judged = TestExperiments.run("judge", "train", "--data", train, "--test-data", heldOut,
                "--epochs", "1", "--out", judge.toString());
        assertEquals(0, judged.exitCode(), judged.err());

        Path config = TestExperiments.write(dir, "own.json", TestExperiments.smallDcgan("own", 2, 2));
        String data = "data=" + train.replace("}", ",\"batchSize\":32}");
        String evaluation = "evaluation={\"metrics\":[\"fid\"],\"every\":2,\"samples\":100,\"judge\":\"" + judge + "\"}";
        TestExperiments.Result refused = TestExperiments.run("train", config.toString(), "--run-dir", dir.resolve("refused").toString(),
                "--set", data, "--set", evaluation);
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().startsWith("error: evaluation.heldOut: give the held-out data: data names files of its own"),
                refused.err());
        assertTrue(Files.notExists(dir.resolve("refused/checkpoints")), "refused before training");

        Path run = dir.resolve("run");
        TestExperiments.Result trained = TestExperiments.run("train", config.toString(), "--run-dir", run.toString(),
                "--set", data, "--set", evaluation.replace("}", ",\"heldOut\":" + heldOut + "}"));
        assertEquals(0, trained.exitCode(), trained.err());
        assertTrue(trained.out().contains("evaluation at step 2: fid="), trained.out());

        TestExperiments.Result fromConfig = TestExperiments.run("evaluate", run.toString(), "--judge", judge.toString(),
                "--n", "100", "--metrics", "fid");
        assertEquals(0, fromConfig.exitCode(), fromConfig.err());
        TestExperiments.Result given = TestExperiments.run("evaluate", run.toString(), "--judge", judge.toString(),
                "--n", "100", "--metrics", "fid", "--held-out", heldOut);
        assertEquals(0, given.exitCode(), given.err());
        assertEquals(fid(fromConfig.out()), fid(given.out()), 0, "the same held-out data either way");
        TestExperiments.Result other = TestExperiments.run("evaluate", run.toString(), "--judge", judge.toString(),
                "--n", "100", "--metrics", "fid", "--held-out", ownFiles("t10k", 150));
        assertEquals(0, other.exitCode(), other.err());
        assertTrue(fid(other.out()) != fid(given.out()), "--held-out replaces the run's own: " + other.out());
        TestExperiments.Result tiny = TestExperiments.run("evaluate", run.toString(), "--judge", judge.toString(),
                "--n", "100", "--metrics", "fid", "--held-out", ownFiles("t10k", 5));
        assertEquals(2, tiny.exitCode(), tiny.err());
        assertTrue(tiny.err().startsWith("error: --held-out: the held-out data (") && tiny.err().contains("holds 5 examples"),
                tiny.err());
    }

    private static String ownFiles(String prefix, int limit) {
        Path folder = TestExperiments.FASHION_MNIST;
        return "{\"type\":\"idx\",\"images\":\"" + folder.resolve(prefix + "-images-idx3-ubyte.gz") + "\",\"labels\":\""
                + folder.resolve(prefix + "-labels-idx1-ubyte.gz") + "\",\"limit\":" + limit + "}";
    }

    @Test
    void modesOfAToyMixtureNeedNoJudge(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("ring");
        TestExperiments.Result trained = TestExperiments.run("train", "toy-ring", "--run-dir", run.toString(),
                "--set", "training.iterations=200", "--set", "data.size=5000");
        assertEquals(0, trained.exitCode(), trained.err());
        TestExperiments.Result modes = TestExperiments.run("evaluate", run.toString(), "--metrics", "modes", "--n", "1000");
        assertEquals(0, modes.exitCode(), modes.err());
        assertTrue(Files.isRegularFile(run.resolve("samples/step-200.png")), "a scatter plot of the 2-D samples");
        assertTrue(modes.out().contains("; 1000 samples, seed 0") && modes.out().contains("modes_captured=")
                && modes.out().contains("floor=8.000000") && modes.out().contains("high_quality="), modes.out());
        TestExperiments.Result defaults = TestExperiments.run("evaluate", run.toString());
        assertEquals(0, defaults.exitCode(), defaults.err());
        assertTrue(defaults.out().contains("; 2500 samples, seed 0") && defaults.out().contains("modes_captured=")
                && !defaults.out().contains("judge"), "a mixture's run measures modes over PacGAN's 2,500 samples: " + defaults.out());
        List<String> logged = Files.readAllLines(run.resolve("metrics.jsonl"));
        assertTrue(logged.get(logged.size() - 1).contains("\"eval_samples\":2500"), logged.get(logged.size() - 1));
        Path scatter = dir.resolve("points.png");
        Path points = dir.resolve("points.npy");
        TestExperiments.Result sampled = TestExperiments.run("sample", run.toString(), "--n", "600", "--out",
                points.toString(), "--grid", scatter.toString());
        assertEquals(0, sampled.exitCode(), sampled.err());
        assertTrue(Files.isRegularFile(scatter) && sampled.out().contains("shape [2]"), sampled.out());
        TestExperiments.Result file = TestExperiments.run("evaluate", "--samples", points.toString(), "--config", "toy-ring");
        assertEquals(0, file.exitCode(), file.err());
        assertTrue(file.out().contains("; 600 samples") && file.out().contains("modes_captured="), file.out());
        TestExperiments.Result mixed = TestExperiments.run("evaluate", run.toString(), "--metrics", "modes,fid");
        assertEquals(2, mixed.exitCode());
        assertTrue(mixed.err().contains("on its own"), mixed.err());
    }

    private static double fid(String output) {
        String line = output.lines().filter(l -> l.startsWith("fid=")).findFirst().orElseThrow();
        return Double.parseDouble(line.substring(4, line.indexOf(' ')));
    }

    @Test
    void missingJudgeAndUnknownMetricAreClearErrors(@TempDir Path dir) throws Exception {
        TestExperiments.assumeFashionMnist();
        Path run = dir.resolve("run");
        Path config = TestExperiments.write(dir, "small.json", TestExperiments.smallDcgan("eval2", 2, 2));
        assertEquals(0, TestExperiments.run("train", config.toString(), "--run-dir", run.toString()).exitCode());
        TestExperiments.Result noJudge = TestExperiments.run("evaluate", run.toString(), "--judge", dir.resolve("none.judge").toString());
        assertEquals(2, noJudge.exitCode());
        assertTrue(noJudge.err().startsWith("error: --judge: ") && noJudge.err().contains("none.judge")
                && noJudge.err().contains("gan judge train"), noJudge.err());
        TestExperiments.Result metric = TestExperiments.run("evaluate", run.toString(), "--metrics", "fid,inception");
        assertEquals(2, metric.exitCode());
        assertTrue(metric.err().startsWith("error: --metrics: unknown metric 'inception'"), metric.err());
    }

    @Test
    void aClassConditionalRunSamplesWhatItIsAskedAndIsEvaluatedPerClass(@TempDir Path dir) throws Exception {
        TestExperiments.assumeFashionMnist();
        Path judge = dir.resolve("small.judge");
        assertEquals(0, TestExperiments.run("judge", "train", "--data",
                "{\"type\":\"idx\",\"dataset\":\"fashion-mnist\",\"limit\":600}", "--epochs", "1", "--out", judge.toString()).exitCode());
        Path run = dir.resolve("cgan");
        TestExperiments.Result trained = TestExperiments.run("train", "cgan-fashion-mnist", "--run-dir", run.toString(),
                "--set", "data.limit=512", "--set", "generator.channels=[16, 8]", "--set", "discriminator.channels=[8, 16]",
                "--set", "training={\"iterations\": 4, \"checkpointEvery\": 4, \"sampleEvery\": 4, \"sampleGrid\": 20}");
        assertEquals(0, trained.exitCode(), trained.err());
        assertArrayEquals(new int[] {10, 2}, gridRowsAndColumns(run.resolve("samples/step-4.png")), "one row of 2 per class");

        Path samples = dir.resolve("s.npy");
        Path labels = dir.resolve("l.npy");
        TestExperiments.Result balanced = TestExperiments.run("sample", run.toString(), "--n", "25", "--out", samples.toString(),
                "--labels", "balanced", "--labels-out", labels.toString(), "--grid", dir.resolve("rows.png").toString());
        assertEquals(0, balanced.exitCode(), balanced.err());
        int[] written = readInts(labels);
        assertEquals(25, written.length);
        for (int i = 0; i < written.length; i++) {
            assertEquals(i % 10, written[i], "balanced labels cycle through the classes");
        }
        assertArrayEquals(new int[] {10, 8}, gridRowsAndColumns(dir.resolve("rows.png")), "the grid has a row of 8 per class");

        TestExperiments.Result dresses = TestExperiments.run("sample", run.toString(), "--n", "3", "--out", samples.toString(),
                "--label", "Dress", "--labels-out", labels.toString());
        assertEquals(0, dresses.exitCode(), dresses.err());
        assertArrayEquals(new int[] {3, 3, 3}, readInts(labels));
        Path refused = dir.resolve("refused.npy");
        TestExperiments.Result unknown = TestExperiments.run("sample", run.toString(), "--n", "3", "--out", refused.toString(),
                "--label", "hat");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("error: --label: ") && unknown.err().contains("unknown class 'hat'")
                && Files.notExists(refused), unknown.err());
        TestExperiments.Result unknownInCycle = TestExperiments.run("sample", run.toString(), "--n", "3", "--out",
                refused.toString(), "--labels", "Dress,hat");
        assertEquals(2, unknownInCycle.exitCode());
        assertTrue(unknownInCycle.err().startsWith("error: --labels: ") && unknownInCycle.err().contains("unknown class 'hat'")
                && unknownInCycle.err().contains("3=dress") && Files.notExists(refused), unknownInCycle.err());

        TestExperiments.Result evaluated = TestExperiments.run("evaluate", run.toString(), "--judge", judge.toString(), "--n", "200");
        assertEquals(0, evaluated.exitCode(), evaluated.err());
        assertTrue(evaluated.out().contains("conditional_accuracy=") && evaluated.out().contains("fid="), evaluated.out());

        String unlabelled = "{\"type\":\"idx\",\"images\":\"" + TestExperiments.FASHION_MNIST.resolve("t10k-images-idx3-ubyte.gz")
                + "\",\"limit\":100}";
        TestExperiments.Result noLabels = TestExperiments.run("evaluate", run.toString(), "--judge", judge.toString(), "--n", "200",
                "--held-out", unlabelled);
        assertEquals(2, noLabels.exitCode(), noLabels.err());
        assertTrue(noLabels.err().startsWith("error: --held-out: conditional accuracy compares with the held-out data's labels"),
                noLabels.err());
        assertFalse(noLabels.out().contains("fid="), "refused before generating");
    }

    /** Rows and columns of a grid of 28x28 images, each drawn at twice its size with 2 pixels of padding. */
    private static int[] gridRowsAndColumns(Path png) throws Exception {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        return new int[] {(image.getHeight() - 2) / 58, (image.getWidth() - 2) / 58};
    }

    /** {@code gan judge train --tags} on a named dataset trains on its tag sets (the default data carries them). */
    @Test
    void aTagJudgeOfANamedDatasetReadsItsTags() {
        TestExperiments.assumeFashionMnist();
        dev.gan4j.core.plugin.ComponentRegistry registry = dev.gan4j.core.plugin.Plugins.registry();
        assertTrue(JudgeCommand.open(registry, JudgeCommand.namedData(registry, "fashion-mnist", true), "--data").range(0, 2).tags() != null);
        assertTrue(JudgeCommand.open(registry, JudgeCommand.namedData(registry, "fashion-mnist", false), "--data").range(0, 2).tags() == null);
    }

    @Test
    void aTagJudgeMeasuresHowWellATagModelShowsItsTags(@TempDir Path dir) throws Exception {
        TestExperiments.assumeFashionMnist();
        Path judge = dir.resolve("tags.judge");
        TestExperiments.Result trained = TestExperiments.run("judge", "train", "--tags", "--data",
                "{\"type\":\"idx\",\"dataset\":\"fashion-mnist\",\"limit\":600,\"conditions\":\"tags\"}", "--epochs", "1",
                "--out", judge.toString());
        assertEquals(0, trained.exitCode(), trained.err());
        assertTrue(TestExperiments.run("judge", "info", judge.toString()).out().contains("\"footwear\""), "the judge keeps its tags");

        Path run = dir.resolve("tags");
        Path config = TestExperiments.write(dir, "tags.json", TestExperiments.smallDcgan("tags", 4, 4));
        assertEquals(0, TestExperiments.run("train", config.toString(), "--run-dir", run.toString(),
                "--set", "data.conditions=tags", "--set", "encoder={\"type\":\"multi-hot\"}").exitCode());
        TestExperiments.Result evaluated = TestExperiments.run("evaluate", run.toString(), "--judge", judge.toString(),
                "--n", "200", "--metrics", "fid,conditional");
        assertEquals(0, evaluated.exitCode(), evaluated.err());
        assertTrue(evaluated.out().contains("conditional_accuracy=") && evaluated.out().contains("conditional_exact_match="),
                evaluated.out());
        TestExperiments.Result classes = TestExperiments.run("evaluate", run.toString(), "--judge", judge.toString(),
                "--n", "200", "--metrics", "classes");
        assertEquals(2, classes.exitCode());
        assertTrue(classes.err().startsWith("error: --metrics: the class histogram ('classes') needs a class judge"), classes.err());
        TestExperiments.Result few = TestExperiments.run("evaluate", run.toString(), "--judge", judge.toString(),
                "--n", "4", "--metrics", "dc");
        assertEquals(2, few.exitCode());
        assertTrue(few.err().startsWith("error: --n: precision/recall"), few.err());
    }

    private static int[] readInts(Path npy) throws Exception {
        org.nd4j.linalg.api.ndarray.INDArray array = dev.gan4j.core.io.NpyReader.read(npy);
        return array.castTo(org.nd4j.linalg.api.buffer.DataType.INT).toIntVector();
    }
}
