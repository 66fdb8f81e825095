package dev.gan4j.metrics.eval;

import dev.gan4j.core.api.Batch;
import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.Conditions;
import dev.gan4j.core.api.DataSource;
import dev.gan4j.core.api.Encoder;
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
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
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
        return replaying(0, classes);
    }

    /** Like {@link #replaying(int...)}, declaring a condition of {@code conditionDim} (which it ignores). */
    private static Generator replaying(int conditionDim, int[] classes) {
        return new Generator() {
            private int next;

            @Override
            public int latentDim() {
                return 2;
            }

            @Override
            public int conditionDim() {
                return conditionDim;
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
        assertTrue(good.get("fid") < 3 * floor.get("fid"), "within a small factor of the floor (0.82 against 0.33 when written): "
                + good + " vs floor " + floor);
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

    /** What evaluate would fail on is found before anything is generated: training checks it before its first step. */
    @Test
    void checkRefusesWhatCouldNotBeMeasured() {
        Evaluator few = new Evaluator(judge, new StripesData(600, 5), new StripesData(600, 6), 5);
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> few.check(replaying(0), Unconditional.INSTANCE, Metric.parse("fid,dc")));
        assertTrue(tooFew.getMessage().contains("5 samples"), tooFew.getMessage());
        few.check(replaying(0), Unconditional.INSTANCE, Metric.parse("fid,pr"));

        ConditionSchema fourClasses = ConditionSchema.ofClasses(List.of("a", "b", "c", "d"));
        Encoder fourClassEncoder = new Encoder() {
            @Override
            public int outputDim() {
                return 4;
            }

            @Override
            public ConditionSchema schema() {
                return fourClasses;
            }

            @Override
            public INDArray encode(Conditions conditions, boolean training) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Conditions parse(List<String> wishes) {
                throw new UnsupportedOperationException();
            }
        };
        Generator conditional = replaying(4, new int[] {0, 1, 2});
        IllegalArgumentException classes = assertThrows(IllegalArgumentException.class,
                () -> evaluator.check(conditional, fourClassEncoder, Metric.parse("conditional")));
        assertTrue(classes.getMessage().contains("tells 3 classes apart") && classes.getMessage().contains("conditioned on 4"),
                classes.getMessage());
    }

    /** Held-out data with more classes than the judge knows is a mismatch said as such, not an index error. */
    @Test
    void aJudgeOfOtherDataIsRefused() {
        StripesData stripes = new StripesData(600, 5);
        DataSource fiveClasses = new DataSource() {
            @Override
            public Shape shape() {
                return stripes.shape();
            }

            @Override
            public int size() {
                return stripes.size();
            }

            @Override
            public OptionalInt numClasses() {
                return OptionalInt.of(5);
            }

            @Override
            public Batch batch(int[] indices) {
                float[] labels = new float[indices.length];
                for (int i = 0; i < indices.length; i++) {
                    labels[i] = indices[i] % 5;
                }
                return new Batch(stripes.batch(indices).examples(), Nd4j.createFromArray(labels));
            }

            @Override
            public String description() {
                return "five classes of stripes";
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Evaluator(judge, fiveClasses, new StripesData(600, 6), 300));
        assertTrue(e.getMessage().contains("class 3") && e.getMessage().contains("only 3 classes"), e.getMessage());
    }

    @Test
    void unknownMetricsListTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metric.parse("fid,is"));
        assertTrue(e.getMessage().contains("'is'") && e.getMessage().contains("fid, kid, pr, dc, classes"), e.getMessage());
        assertEquals(Set.of(Metric.FID, Metric.PR), Metric.parse("pr, fid"));
    }
}
