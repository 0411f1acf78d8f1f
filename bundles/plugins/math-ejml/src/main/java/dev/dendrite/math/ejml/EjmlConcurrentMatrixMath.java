package dev.dendrite.math.ejml;

import dev.dendrite.api.math.MatrixMath;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The EJML back-end with EJML's concurrent matrix products ({@link CommonOps_MT_DDRM}), which split
 * the rows of C across threads; the results equal the single-threaded ones up to rounding. It is
 * registered below the default ({@code service.ranking} −10), so runs use it with
 * {@code --backend ejml-mt}, or everywhere once its ranking is raised in
 * {@code etc/dev.dendrite.math.ejml.mt.cfg} (which also sets {@code threads}).
 */
@Component(service = MatrixMath.class, configurationPid = "dev.dendrite.math.ejml.mt", property = {
        "name=ejml-mt",
        "description=EJML with concurrent matrix products",
        "service.ranking:Integer=-10"})
@Designate(ocd = EjmlConcurrentMatrixMath.Config.class)
public final class EjmlConcurrentMatrixMath extends EjmlMatrixMath {

    /** Configuration of the concurrent back-end. */
    @ObjectClassDefinition(name = "Dendrite EJML concurrent maths")
    public @interface Config {
        @AttributeDefinition(description = "threads for the matrix products (0 = one per processor)")
        int threads() default 0;
    }

    @Activate
    @Modified
    void configure(Config config) {
        int threads = config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
        EjmlConcurrency.setMaxThreads(threads);
    }

    @Override
    protected void product(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        CommonOps_MT_DDRM.mult(a, b, c);
    }

    @Override
    protected void productTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        CommonOps_MT_DDRM.multTransA(a, b, c);
    }

    @Override
    protected void productTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        CommonOps_MT_DDRM.multTransB(a, b, c);
    }
}
