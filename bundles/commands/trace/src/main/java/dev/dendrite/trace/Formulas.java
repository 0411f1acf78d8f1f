package dev.dendrite.trace;

/** The formulas of the platform's own activations and losses, as the trace prints them. */
final class Formulas {

    private Formulas() {
    }

    /** g'(z) of an activation, or a pointer to the plug-in for one the trace does not know. */
    static String derivative(String activation) {
        return switch (activation) {
            case "sigmoid" -> "g'(z) = σ(z)·(1 − σ(z)) = a·(1 − a)";
            case "tanh" -> "g'(z) = 1 − tanh²(z) = 1 − a²";
            case "relu" -> "g'(z) = 1 for z > 0, else 0";
            case "leaky_relu" -> "g'(z) = 1 for z > 0, else the leak slope";
            case "linear" -> "g'(z) = 1";
            case "softmax" -> "softmax: the Jacobian-vector product";
            default -> "g' as the " + activation + " plug-in computes it";
        };
    }

    /** L(a, y) of a loss, or a pointer to the plug-in for one the trace does not know. */
    static String loss(String loss) {
        return switch (loss) {
            case "binary_crossentropy" -> "L(a, y) = −(y·log a + (1 − y)·log(1 − a))";
            case "categorical_crossentropy" -> "L(a, y) = −Σ_k y_k·log a_k";
            case "mse" -> "L(a, y) = (1/n[L])·Σ_k (a_k − y_k)²";
            default -> "L(a, y) as the " + loss + " plug-in computes it";
        };
    }
}
