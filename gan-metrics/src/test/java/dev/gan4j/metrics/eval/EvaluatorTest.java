package dev.gan4j.metrics.eval;

import dev.gan4j.core.api.Generator;
import dev.gan4j.core.api.Shape;
import dev.gan4j.core.api.Unconditional;
import dev.gan4j.core.api.TrainableNetwork;
import dev.gan4j.metrics.judge.Judge;
import dev.gan4j.metrics.judge.JudgeTrainer;
import dev.gan4j.metrics.judge.StripesData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluatorTest {
    private static Judge judge;
    private static Evaluator evaluator;

    @BeforeAll
    static void setUp() {
        judge = new JudgeTrainer(2, 32, 2e-3, 7).train(new StripesData(960, 1), new StripesData(300, 2),
                new PrintStream(OutputStream.nullOutputStream()));
        evaluator = new Evaluator(judge, new StripesData(600, 5), new StripesData(600, 6), 300);
    }

    /** A "generator" that replays fresh stripe images of the given classes, whatever the latent. */
    private static Generator replaying(int... classes) {
        return new Generator() {
            private int next;

            @Override
            public int latentDim() {
                return 2;
            }

            @Override
            public int conditionDim() {
                return 0;
            }

            @Override
            public Shape outputShape() {
                return Shape.image(1, 8, 8);
            }

            @Override
            public TrainableNetwork network() {
                throw new UnsupportedOperationException();
            }

            @Override
            public INDArray generate(INDArray latent) {
                int n = (int) latent.size(0);
                float[] values = new float[n * 64];
                for (int i = 0; i < n; i++) {
                    int index = next++;
                    System.arraycopy(StripesData.image(index, 99, classes[index % classes.length]), 0, values, i * 64, 64);
                }
                return Nd4j.create(values, new long[] {n, 1, 8, 8}, 'c');
            }
        };
    }

    @Test
    void aGeneratorOfTheRealDistributionScoresLikeTheFloor() {
        Set<Metric> all = Metric.parse("fid,kid,pr,dc,classes");
        Map<String, Double> floor = evaluator.floor(all, 1);
        Map<String, Double> good = evaluator.evaluate(replaying(0, 1, 2), Unconditional.INSTANCE, all, 1);
        assertTrue(good.get("fid") < 3 * floor.get("fid") + 1, good + " vs floor " + floor);
        assertTrue(good.get("precision") > 0.8 && good.get("recall") > 0.8, good.toString());
        assertTrue(good.get("class_kl") < 0.05 && good.get("class_min_share") > 0.25, good.toString());
    }

    @Test
    void modeCollapseShowsInEveryMetric() {
        Set<Metric> all = Metric.parse("fid,kid,pr,dc,classes");
        Map<String, Double> good = evaluator.evaluate(replaying(0, 1, 2), Unconditional.INSTANCE, all, 1);
        Map<String, Double> collapsed = evaluator.evaluate(replaying(0), Unconditional.INSTANCE, all, 1);
        assertTrue(collapsed.get("fid") > 2 * good.get("fid"), collapsed + " vs " + good);
        assertTrue(collapsed.get("kid") > good.get("kid"), collapsed + " vs " + good);
        assertTrue(collapsed.get("recall") < 0.5 && collapsed.get("coverage") < 0.5, collapsed.toString());
        assertTrue(collapsed.get("class_min_share") < 0.05 && collapsed.get("class_kl") > 0.5, collapsed.toString());
    }

    @Test
    void unknownMetricsListTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metric.parse("fid,is"));
        assertTrue(e.getMessage().contains("'is'") && e.getMessage().contains("fid, kid, pr, dc, classes"), e.getMessage());
        assertEquals(Set.of(Metric.FID, Metric.PR), Metric.parse("pr, fid"));
    }
}
