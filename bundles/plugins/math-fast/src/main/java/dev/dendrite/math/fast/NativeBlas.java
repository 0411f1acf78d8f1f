package dev.dendrite.math.fast;

import dev.ludovic.netlib.blas.BLAS;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The native BLAS, loaded once per bundle class loader: netlib's JNI library (from this bundle)
 * opens the system's {@code libblas.so.3}. Only an optimized implementation counts: when
 * {@code libblas.so.3} resolves to the reference BLAS, the pure-Java back-ends are faster.
 */
final class NativeBlas {
    private static final String[] OPTIMIZED = {"openblas", "blis", "mkl", "atlas"};
    private static BLAS instance;
    private static String problem;

    private NativeBlas() {
    }

    /** Why the native BLAS cannot serve, or null when it can. */
    static synchronized String problem() {
        if (instance == null && problem == null) {
            load();
        }
        return problem;
    }

    /** The native BLAS; only call when {@link #problem()} is null. */
    static synchronized BLAS instance() {
        if (problem() != null) {
            throw new IllegalStateException(problem);
        }
        return instance;
    }

    /**
     * Whether OpenBLAS runs each call on one thread: {@code OPENBLAS_NUM_THREADS=1} in the
     * environment of the process (OpenBLAS reads it when the library loads).
     */
    static boolean singleThreaded() {
        return "1".equals(System.getenv("OPENBLAS_NUM_THREADS"));
    }

    private static void load() {
        try {
            // NativeBLAS.getInstance() would log netlib's own warnings: load the JNI binding directly
            Class<?> jni = Class.forName("dev.ludovic.netlib.blas.JNIBLAS", true, NativeBlas.class.getClassLoader());
            Method getInstance = jni.getMethod("getInstance");
            getInstance.setAccessible(true); // a public method of a package-private class
            BLAS blas = (BLAS) getInstance.invoke(null);
            String library = mappedBlas();
            if (library != null && !isOptimized(library)) {
                problem = "libblas.so.3 is " + library + ", not an optimized BLAS; install libopenblas0-pthread";
            } else {
                instance = blas;
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            String library = System.getProperty("dev.ludovic.netlib.blas.nativeLib", "libblas.so.3");
            problem = "cannot load the native BLAS " + library + " (" + rootMessage(e) + "); install libopenblas0-pthread";
        }
    }

    private static boolean isOptimized(String library) {
        String name = library.toLowerCase(Locale.ROOT);
        for (String known : OPTIMIZED) {
            if (name.contains(known)) {
                return true;
            }
        }
        return false;
    }

    /** The real path of the BLAS library mapped into this process (Linux), or null when it cannot be told. */
    private static String mappedBlas() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash >= 0 && line.contains("libblas.so")) {
                    return Path.of(line.substring(slash)).toRealPath().toString();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getName();
    }
}
