package dev.gan4j.core.train;

import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.TrainingStrategy;
import dev.gan4j.core.config.DataSpec;
import dev.gan4j.core.config.DiscriminatorSpec;
import dev.gan4j.core.config.EmaSpec;
import dev.gan4j.core.config.Experiment;
import dev.gan4j.core.config.GeneratorSpec;
import dev.gan4j.core.config.StrategySpec;
import dev.gan4j.core.config.TrainingSpec;
import dev.gan4j.core.testing.PointData;
import dev.gan4j.core.testing.TinyNetworks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {
    private static Experiment experiment(int iterations) {
        return experiment(iterations, null);
    }

    private static Experiment experiment(int iterations, EmaSpec ema) {
        DataSpec data = new DataSpec() {
            @Override
            public int batchSize() {
                return 4;
            }

            @Override
            public dev.gan4j.core.api.DataSource open(dev.gan4j.core.config.DataContext context) {
                return new PointData(20);
            }
        };
        GeneratorSpec g = context -> null;
        DiscriminatorSpec d = context -> null;
        StrategySpec s = () -> null;
        return new Experiment("t", null, 9L, data, g, d, null, s, null,
                new TrainingSpec(iterations, 1000, 1000, 1000, 4, ema), null);
    }

    @Test
    void stepsFromTheFirstStepCallListenersAndDrawReproducibleLatents() {
        GanModel model = TinyNetworks.pointGan(1, new Sgd(0.1));
        TrainingRun run = new TrainingRun(experiment(5), model, Shape.vector(2));
        List<INDArray> latents = new ArrayList<>();
        List<Long> steps = new ArrayList<>();
        TrainingStrategy strategy = (m, real, context) -> {
            latents.add(context.sampleLatent(2));
            steps.add(context.step());
            return Map.of("loss", (double) context.step());
        };
        List<Long> completed = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStep(TrainingRun r, long done, Map<String, Double> values) {
                completed.add(done);
                assertEquals(done - 1, values.get("loss"));
            }
        };
        new Trainer(run, strategy, new BatchSchedule(new PointData(20), 4, 9), List.of(listener), DataType.FLOAT).train(2);
        assertEquals(List.of(2L, 3L, 4L), steps);
        assertEquals(List.of(3L, 4L, 5L), completed);

        List<INDArray> again = new ArrayList<>();
        new Trainer(run, (m, real, context) -> {
            again.add(context.sampleLatent(2));
            return Map.of();
        }, new BatchSchedule(new PointData(20), 4, 9), List.of(), DataType.FLOAT).train(3);
        assertEquals(latents.get(1), again.get(0), "step 3 draws the same latents whatever step the run started from");
        assertNotEquals(latents.get(0), latents.get(1));
        assertEquals(3, latents.get(0).size(1));
    }

    @Test
    void nonFiniteValuesStopTheRun() {
        GanModel model = TinyNetworks.pointGan(1, new Sgd(0.1));
        TrainingRun run = new TrainingRun(experiment(10), model, Shape.vector(2));
        List<Long> completed = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStep(TrainingRun r, long done, Map<String, Double> values) {
                completed.add(done);
            }
        };
        TrainingStrategy strategy = (m, real, context) -> Map.of("d_loss", context.step() == 3 ? Double.POSITIVE_INFINITY : 1.0);
        DivergenceException e = assertThrows(DivergenceException.class, () -> new Trainer(run, strategy,
                new BatchSchedule(new PointData(20), 4, 9), List.of(listener), DataType.FLOAT).train(0));
        assertEquals(3, e.step());
        assertEquals(List.of(1L, 2L, 3L), completed, "listeners never see the diverged step");
    }

    @Test
    void theAveragedGeneratorFollowsGeneratorUpdatesOnly() {
        GanModel plain = TinyNetworks.pointGan(1, new Sgd(0.1));
        GanModel model = new GanModel(plain.generator(), plain.discriminator(), plain.encoder(),
                TinyNetworks.pointGan(2, new Sgd(0.1)).generator());
        model.averaged().network().blendFrom(model.generator().network(), 1);
        TrainingRun run = new TrainingRun(experiment(6, new EmaSpec(0.75, 1)), model, Shape.vector(2));
        TrainingStrategy strategy = (m, real, context) -> {
            if (context.step() % 2 == 0) {
                m.generator().network().forward(context.sampleLatent(4), true);
                m.generator().network().accumulateGradient(Nd4j.ones(DataType.FLOAT, 4, 2));
                m.generator().network().applyGradients(4);
            }
            return Map.of();
        };
        List<INDArray> weights = new ArrayList<>();
        List<INDArray> averages = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStep(TrainingRun r, long done, Map<String, Double> values) {
                weights.add(r.model().generator().network().parameters());
                averages.add(r.model().averaged().network().parameters());
            }
        };
        new Trainer(run, strategy, new BatchSchedule(new PointData(20), 4, 9), List.of(listener), DataType.FLOAT).train(0);
        INDArray expected = weights.get(0);
        assertEquals(expected, averages.get(0), "the first update is copied (start = 1)");
        assertEquals(expected, averages.get(1), "a step without a generator update leaves the average alone");
        for (int step = 2; step < 6; step++) {
            if (step % 2 == 0) {
                expected = expected.mul(0.75).add(weights.get(step).mul(0.25));
            }
            double difference = averages.get(step).sub(expected).amaxNumber().doubleValue();
            assertTrue(difference < 1e-6, "step " + step + ": " + difference);
        }
        assertTrue(averages.get(5).sub(weights.get(5)).amaxNumber().doubleValue() > 1e-4, "the average lags the weights");
        assertEquals(model.averaged(), model.samplingGenerator());
    }
}
