package dev.gan4j.core.train;

import dev.gan4j.core.testing.PointData;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchScheduleTest {
    @Test
    void eachEpochVisitsEveryExampleOnceAndDropsThePartialBatch() {
        PointData data = new PointData(10);
        BatchSchedule schedule = new BatchSchedule(data, 3, 5);
        for (int epoch = 0; epoch < 3; epoch++) {
            Set<Integer> seen = new HashSet<>();
            for (int b = 0; b < 3; b++) {
                float[] xs = schedule.batch(epoch * 3L + b).examples().getColumn(0).toFloatVector();
                for (float x : xs) {
                    assertTrue(seen.add(Math.round(x * 10)), "example seen twice in epoch " + epoch);
                }
            }
            assertEquals(9, seen.size());
        }
    }

    @Test
    void batchesDependOnlyOnSeedAndStep() {
        PointData data = new PointData(50);
        BatchSchedule a = new BatchSchedule(data, 8, 1);
        BatchSchedule b = new BatchSchedule(data, 8, 1);
        for (long step : new long[] {17, 3, 0, 40, 17}) {
            assertEquals(a.batch(step).examples(), b.batch(step).examples());
        }
        assertEquals(new BatchSchedule(data, 8, 1).batch(40).examples(), a.batch(40).examples(), "random access");
        assertNotEquals(a.batch(0).examples(), new BatchSchedule(data, 8, 2).batch(0).examples());
        assertNotEquals(a.batch(0).examples(), a.batch(6).examples(), "a new epoch is a new permutation");
    }

    @Test
    void theReusingBatchIsTheSameBatchInOneArrayOverwrittenEachStep() {
        PointData data = new PointData(50);
        BatchSchedule schedule = new BatchSchedule(data, 8, 1);
        dev.gan4j.core.api.Batch first = schedule.reusingBatch(3);
        org.nd4j.linalg.api.ndarray.INDArray array = first.examples();
        assertEquals(schedule.batch(3).examples(), array);
        assertTrue(array == schedule.reusingBatch(4).examples(), "the next batch is written into the same array");
        assertEquals(schedule.batch(4).examples(), array);
    }

    @Test
    void eachStepDrawsItsOwnSeedForTheSource() {
        java.util.List<Long> draws = new java.util.ArrayList<>();
        PointData points = new PointData(20);
        dev.gan4j.core.api.DataSource data = new dev.gan4j.core.api.DataSource() {
            @Override
            public dev.gan4j.core.api.Shape shape() {
                return points.shape();
            }

            @Override
            public int size() {
                return points.size();
            }

            @Override
            public java.util.OptionalInt numClasses() {
                return points.numClasses();
            }

            @Override
            public dev.gan4j.core.api.Batch batch(int[] indices) {
                return points.batch(indices);
            }

            @Override
            public dev.gan4j.core.api.Batch batch(int[] indices, long draw) {
                draws.add(draw);
                return points.batch(indices);
            }

            @Override
            public String description() {
                return "points that record their draws";
            }
        };
        BatchSchedule schedule = new BatchSchedule(data, 4, 9);
        schedule.batch(2);
        schedule.reusingBatch(2);
        schedule.batch(3);
        assertEquals(draws.get(0), draws.get(1), "the draw depends on the step only");
        assertEquals(Seeds.derive(9, Seeds.BATCH_DRAW, 3), draws.get(2));
        assertNotEquals(draws.get(0), draws.get(2));
    }

    @Test
    void batchLargerThanTheDataIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BatchSchedule(new PointData(5), 8, 1));
        assertTrue(e.getMessage().contains("data.batchSize") && e.getMessage().contains("5 examples"), e.getMessage());
    }

    @Test
    void derivedSeedsDifferAcrossStreamsAndIndices() {
        Set<Long> seeds = new HashSet<>();
        for (long stream = 0; stream < 5; stream++) {
            for (long index = 0; index < 1000; index++) {
                seeds.add(Seeds.derive(42, stream, index));
            }
        }
        assertEquals(5000, seeds.size());
        assertEquals(Seeds.derive(42, 1, 7), Seeds.derive(42, 1, 7));
    }
}
