package dev.gan4j.examples;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import picocli.CommandLine.Option;

/**
 * The {@code --threads} option of every command that computes, and what it caps: the thread pools of ND4J, of the
 * BLAS library and of OpenMP (which oneDNN uses). Setting ND4J's environment alone, as {@code gan bench --threads}
 * once did, left BLAS and OpenMP on every core: on a machine whose cores were busy with other work, the toy presets'
 * step then ran about four times slower than with {@code OMP_NUM_THREADS=1}. That variable, set before the JVM
 * starts, remains the other way to cap them.
 */
final class NativeThreads {
    @Option(names = "--threads", paramLabel = "T",
            description = "threads of ND4J, BLAS and OpenMP (default: every core, or OMP_NUM_THREADS)")
    private Integer threads;

    /** Applies the option given on the command line, if any; call it before the first computation. */
    void apply() {
        limit(threads);
    }

    /** What the command line asked for: a count, or "default". */
    String describe() {
        return threads == null ? "default" : threads.toString();
    }

    /** Caps every pool at {@code threads}; {@code null} leaves ND4J's choice (every core, or OMP_NUM_THREADS). */
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
