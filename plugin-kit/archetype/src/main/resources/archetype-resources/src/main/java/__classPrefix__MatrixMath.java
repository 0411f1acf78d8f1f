package ${package};

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.math.MatrixMath;
import java.util.Arrays;
import org.osgi.service.component.annotations.Component;

/**
 * A maths back-end: the three matrix products in plain loops, ordered so that the innermost loop
 * walks both arrays row-major. The element-wise operations are the interface's defaults; replace
 * any of them with faster code. Stateless and thread safe. The platform uses the back-end with
 * the highest service.ranking unless a run names one with --backend; at 0 this one serves only
 * runs that ask for it.
 */
@Component(property = {"name=${pluginName}", "description=matrix products in plain loops", "service.ranking:Integer=0"})
public final class ${classPrefix}MatrixMath implements MatrixMath {

    /** C = A·B: c[i][j] = Σ_p a[i][p]·b[p][j]. */
    @Override
    public void mult(Matrix a, Matrix b, Matrix c) {
        MatrixMath.checkProduct("mult", a.cols() == b.rows() && c.hasShape(a.rows(), b.cols()), a, b, c);
        int k = a.cols();
        int m = b.cols();
        double[] av = a.data();
        double[] bv = b.data();
        double[] cv = c.data();
        Arrays.fill(cv, 0);
        for (int i = 0; i < a.rows(); i++) {
            for (int p = 0; p < k; p++) {
                double aip = av[i * k + p];
                for (int j = 0; j < m; j++) {
                    cv[i * m + j] += aip * bv[p * m + j];
                }
            }
        }
    }

    /** C = Aᵀ·B: c[i][j] = Σ_p a[p][i]·b[p][j]. */
    @Override
    public void multTransA(Matrix a, Matrix b, Matrix c) {
        MatrixMath.checkProduct("multTransA", a.rows() == b.rows() && c.hasShape(a.cols(), b.cols()), a, b, c);
        int n = a.cols();
        int m = b.cols();
        double[] av = a.data();
        double[] bv = b.data();
        double[] cv = c.data();
        Arrays.fill(cv, 0);
        for (int p = 0; p < a.rows(); p++) {
            for (int i = 0; i < n; i++) {
                double api = av[p * n + i];
                for (int j = 0; j < m; j++) {
                    cv[i * m + j] += api * bv[p * m + j];
                }
            }
        }
    }

    /** C = A·Bᵀ: c[i][j] = Σ_p a[i][p]·b[j][p]. */
    @Override
    public void multTransB(Matrix a, Matrix b, Matrix c) {
        MatrixMath.checkProduct("multTransB", a.cols() == b.cols() && c.hasShape(a.rows(), b.rows()), a, b, c);
        int k = a.cols();
        double[] av = a.data();
        double[] bv = b.data();
        double[] cv = c.data();
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.rows(); j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += av[i * k + p] * bv[j * k + p];
                }
                cv[i * b.rows() + j] = sum;
            }
        }
    }
}
