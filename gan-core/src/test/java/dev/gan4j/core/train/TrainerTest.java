package dev.gan4j.core.train;

import dev.gan4j.core.api.GanModel;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.TrainingStrategy;
import dev.gan4j.core.config.DataSpec;
import dev.gan4j.core.config.DiscriminatorSpec;
import dev.gan4j.core.config.Experiment;
import dev.gan4j.core.config.GeneratorSpec;
import dev.gan4j.core.config.StrategySpec;
import dev.gan4j.core.config.TrainingSpec;
import dev.gan4j.core.testing.PointData;
import dev.gan4j.core.testing.TinyNetworks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrainerTest {
    private static Experiment experiment(int iterations) {
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
                new TrainingSpec(iterations, 1000, 1000, 1000, 4), null);
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
}
