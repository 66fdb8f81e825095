package dev.gan4j.examples;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NativeThreadsTest {
    /** Not only ND4J's own pools: BLAS and OpenMP kept every core under {@code --threads 1} before. */
    @Test
    void aLimitReachesBlasAndOpenMp() {
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        int nd4j = Nd4j.getEnvironment().maxThreads();
        int master = Nd4j.getEnvironment().maxMasterThreads();
        int blas = Nd4j.factory().blas().getMaxThreads();
        int omp = ops.ompGetMaxThreads();
        try {
            Nd4j.getEnvironment().setMaxThreads(2);
            Nd4j.getEnvironment().setMaxMasterThreads(2);
            Nd4j.factory().blas().setMaxThreads(2);
            ops.setOmpNumThreads(2);
            assertEquals(2, ops.ompGetMaxThreads());

            NativeThreads.limit(1);
            assertEquals(1, Nd4j.getEnvironment().maxMasterThreads());
            assertEquals(1, Nd4j.factory().blas().getMaxThreads());
            assertEquals(1, ops.ompGetMaxThreads());
        } finally {
            Nd4j.getEnvironment().setMaxThreads(nd4j);
            Nd4j.getEnvironment().setMaxMasterThreads(master);
            Nd4j.factory().blas().setMaxThreads(blas);
            ops.setOmpNumThreads(omp);
        }
    }

    @Test
    void noLimitLeavesEveryPoolAsItWas() {
        int blas = Nd4j.factory().blas().getMaxThreads();
        int omp = NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
        NativeThreads.limit(null);
        assertEquals(blas, Nd4j.factory().blas().getMaxThreads());
        assertEquals(omp, NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads());
    }

    @Test
    void aLimitBelowOneIsAUsageError() {
        UsageException e = assertThrows(UsageException.class, () -> NativeThreads.limit(0));
        assertEquals("--threads must be > 0, found 0", e.getMessage());
    }
}
