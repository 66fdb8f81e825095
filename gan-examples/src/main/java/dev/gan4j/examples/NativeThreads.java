package dev.gan4j.examples;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Caps the thread pools ND4J computes with: its own, the BLAS library's and OpenMP's (which oneDNN uses). Setting
 * ND4J's environment alone, as {@code gan bench --threads} once did, left BLAS and OpenMP on every core: on a
 * machine whose cores were busy with other work, the toy presets' step then ran about four times slower than with
 * {@code OMP_NUM_THREADS=1}. That variable, set before the JVM starts, remains the other way to cap them.
 */
final class NativeThreads {
    private NativeThreads() {
    }

    /** Applies a {@code --threads} option; {@code null} leaves ND4J's choice (every core, or OMP_NUM_THREADS). */
    static void limit(Integer threads) {
        if (threads == null) {
            return;
        }
        if (threads <= 0) {
            throw new UsageException("--threads must be > 0, found " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }
}
