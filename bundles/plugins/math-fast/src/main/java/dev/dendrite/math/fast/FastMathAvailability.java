package dev.dendrite.math.fast;

import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enables each fast back-end whose requirements hold, when the bundle starts: {@code vector} needs
 * the Vector API, {@code blas} an optimized native BLAS. The back-ends are declared disabled, so
 * one whose requirement is missing never registers and the next ranked back-end (EJML at worst)
 * serves. Logs one line at info level: what was registered, and what was left out and why (the
 * platform's default level is warn, so a Java 17 start stays quiet; {@code ml:backends} shows the one in use).
 */
@Component(immediate = true)
public final class FastMathAvailability {
    private static final Logger LOG = LoggerFactory.getLogger(FastMathAvailability.class);

    @Activate
    void activate(ComponentContext context) {
        List<String> enabled = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        enableIf(context, "vector", VectorMatrixMath.class, vectorProblem(), enabled, missing);
        enableIf(context, "blas", BlasMatrixMath.class, NativeBlas.problem(), enabled, missing);
        if (missing.isEmpty()) {
            LOG.info("fast maths back-ends {} registered", enabled);
        } else if (enabled.isEmpty()) {
            LOG.info("no fast maths back-end registered, EJML serves: {}", String.join("; ", missing));
        } else {
            LOG.info("fast maths back-ends {} registered, not {}", enabled, String.join("; ", missing));
        }
    }

    private static void enableIf(ComponentContext context, String name, Class<?> component, String problem,
                                 List<String> enabled, List<String> missing) {
        if (problem == null) {
            context.enableComponent(component.getName());
            enabled.add(name);
        } else {
            missing.add(name + ": " + problem);
        }
    }

    /** Why the Vector API back-end cannot serve, or null when it can. */
    static String vectorProblem() {
        try {
            int lanes = VectorProduct.lanes();
            return lanes >= 4 ? null : "vectors of " + lanes + " doubles are too short to be faster";
        } catch (LinkageError e) {
            return "the Vector API is not available (JDK 16+ with --add-modules jdk.incubator.vector, as ./dendrite runs JDK 21+)";
        }
    }
}
