package dev.dendrite.uat;

import dev.dendrite.options.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;

/**
 * A real function of x and y parsed from text by a small recursive-descent parser (no script
 * engine, nothing but arithmetic is ever evaluated).
 *
 * <pre>
 * expression := term (('+' | '-') term)*
 * term       := unary (('*' | '/') unary)*
 * unary      := ('-' | '+') unary | power
 * power      := primary ('^' unary)?          right associative: 2^3^2 = 2^9, -2^2 = -4
 * primary    := number | 'x' | 'y' | 'pi' | 'e' | name '(' expression (',' expression)* ')'
 *             | '(' expression ')'
 * </pre>
 *
 * Functions: sin cos tan asin acos atan sinh cosh tanh exp log (natural) sqrt abs sign floor
 * ceil, and min max of two arguments. Errors name the 1-based position in the text. Nesting is
 * at most {@value #MAX_DEPTH} deep; sums and products of any length are read and evaluated in loops.
 */
public final class Expression {

    /** A node of the parsed tree. */
    private interface Node {
        double eval(double x, double y);
    }

    private static final Map<String, DoubleUnaryOperator> UNARY = Map.ofEntries(
            Map.entry("sin", Math::sin), Map.entry("cos", Math::cos), Map.entry("tan", Math::tan),
            Map.entry("asin", Math::asin), Map.entry("acos", Math::acos), Map.entry("atan", Math::atan),
            Map.entry("sinh", Math::sinh), Map.entry("cosh", Math::cosh), Map.entry("tanh", Math::tanh),
            Map.entry("exp", Math::exp), Map.entry("log", Math::log), Map.entry("sqrt", Math::sqrt),
            Map.entry("abs", Math::abs), Map.entry("sign", Math::signum),
            Map.entry("floor", Math::floor), Map.entry("ceil", Math::ceil));

    private static final Map<String, DoubleBinaryOperator> BINARY = Map.of("min", Math::min, "max", Math::max);

    private static final Map<String, Double> CONSTANTS = Map.of("pi", Math.PI, "e", Math.E);

    private static final Map<Character, DoubleBinaryOperator> SUM = Map.of('+', (a, b) -> a + b, '-', (a, b) -> a - b);
    private static final Map<Character, DoubleBinaryOperator> PRODUCT = Map.of('*', (a, b) -> a * b, '/', (a, b) -> a / b);

    /** The deepest nesting of parentheses, calls, signs and exponents an expression may have. */
    static final int MAX_DEPTH = 200;

    private final String text;
    private final Node root;
    private final boolean usesY;

    private Expression(String text, Node root, boolean usesY) {
        this.text = text;
        this.root = root;
        this.usesY = usesY;
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException e.g. {@code expression 'sin(x': expected ')' at position 6}
     */
    public static Expression parse(String text) {
        Parser parser = new Parser(text);
        Node root = parser.parse();
        return new Expression(text, root, parser.usesY);
    }

    /** The value at (x, y); y is ignored unless the expression uses it. */
    public double evaluate(double x, double y) {
        return root.eval(x, y);
    }

    /** Whether the expression is a function of y (then it has two variables). */
    public boolean usesY() {
        return usesY;
    }

    @Override
    public String toString() {
        return text;
    }

    /** The parser state: the text and the index of the next unread character. */
    private static final class Parser {
        private final String text;
        private int pos;
        private int depth;
        private boolean usesY;

        Parser(String text) {
            this.text = text;
        }

        Node parse() {
            skipSpace();
            if (pos == text.length()) {
                throw error("empty expression");
            }
            Node node = expression();
            if (pos < text.length()) {
                throw error("unexpected '" + text.charAt(pos) + "'");
            }
            return node;
        }

        private Node expression() {
            return chain(this::term, SUM);
        }

        private Node term() {
            return chain(this::unary, PRODUCT);
        }

        /**
         * {@code operand (op operand)*}, left associative, read in a loop and evaluated in one: a
         * sum of thousands of terms nests no deeper than one term.
         */
        private Node chain(Supplier<Node> operand, Map<Character, DoubleBinaryOperator> operators) {
            Node first = operand.get();
            List<DoubleBinaryOperator> ops = new ArrayList<>();
            List<Node> operands = new ArrayList<>();
            while (pos < text.length() && operators.containsKey(text.charAt(pos))) {
                ops.add(operators.get(text.charAt(pos)));
                accept(text.charAt(pos));
                operands.add(operand.get());
            }
            if (ops.isEmpty()) {
                return first;
            }
            DoubleBinaryOperator[] op = ops.toArray(DoubleBinaryOperator[]::new);
            Node[] rest = operands.toArray(Node[]::new);
            return (x, y) -> {
                double value = first.eval(x, y);
                for (int i = 0; i < rest.length; i++) {
                    value = op[i].applyAsDouble(value, rest[i].eval(x, y));
                }
                return value;
            };
        }

        private Node unary() {
            int at = pos;
            if (accept('-')) {
                Node a = nested(at, this::unary);
                return (x, y) -> -a.eval(x, y);
            }
            if (accept('+')) {
                return nested(at, this::unary);
            }
            return power();
        }

        private Node power() {
            Node base = primary();
            int at = pos;
            if (accept('^')) {
                Node exponent = nested(at, this::unary);
                return (x, y) -> Math.pow(base.eval(x, y), exponent.eval(x, y));
            }
            return base;
        }

        /**
         * Parses {@code inner}, one level deeper than the construct at {@code at} (a parenthesis, a
         * function call, a sign, an exponent): parsing and evaluation recurse once per level, so
         * the depth is bounded to keep both off the end of the stack.
         */
        private Node nested(int at, Supplier<Node> inner) {
            if (++depth > MAX_DEPTH) {
                pos = at;
                throw error("nesting deeper than " + MAX_DEPTH);
            }
            try {
                return inner.get();
            } finally {
                depth--;
            }
        }

        private Node primary() {
            if (pos == text.length()) {
                throw error("unexpected end, expected a number, variable, function or '('");
            }
            char c = text.charAt(pos);
            int at = pos;
            if (accept('(')) {
                Node inner = nested(at, this::expression);
                expect(')');
                return inner;
            }
            if (Character.isDigit(c) || c == '.') {
                return number();
            }
            if (Character.isLetter(c)) {
                return named();
            }
            throw error("unexpected '" + c + "'");
        }

        private Node number() {
            int start = pos;
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                int mark = pos++;
                if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                    pos++;
                }
                if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                        pos++;
                    }
                } else {
                    pos = mark; // not an exponent: leave the 'e' for the next token (and its error)
                }
            }
            String literal = text.substring(start, pos);
            double value;
            try {
                value = Double.parseDouble(literal);
            } catch (NumberFormatException e) {
                pos = start;
                throw error("malformed number " + Quote.of(literal));
            }
            skipSpace();
            return (x, y) -> value;
        }

        private Node named() {
            int start = pos;
            while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
                pos++;
            }
            String name = text.substring(start, pos);
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '(') {
                return call(name, start);
            }
            switch (name) {
                case "x":
                    return (x, y) -> x;
                case "y":
                    usesY = true;
                    return (x, y) -> y;
                default:
                    if (UNARY.containsKey(name) || BINARY.containsKey(name)) {
                        throw error("expected '(' after function " + Quote.of(name));
                    }
                    Double constant = CONSTANTS.get(name);
                    if (constant == null) {
                        pos = start;
                        throw error("unknown name " + Quote.of(name) + " (variables x, y; constants pi, e)");
                    }
                    double value = constant;
                    return (x, y) -> value;
            }
        }

        private Node call(String name, int start) {
            DoubleUnaryOperator unary = UNARY.get(name);
            DoubleBinaryOperator binary = BINARY.get(name);
            if (unary == null && binary == null) {
                pos = start;
                throw error("unknown function " + Quote.of(name) + " (functions: " + functionNames() + ")");
            }
            int at = pos;
            expect('(');
            List<Node> args = new ArrayList<>();
            args.add(nested(at, this::expression));
            while (accept(',')) {
                args.add(nested(at, this::expression));
            }
            int arity = unary != null ? 1 : 2;
            if (args.size() != arity) {
                pos = start;
                throw error(name + " takes " + arity + (arity == 1 ? " argument" : " arguments") + ", got " + args.size());
            }
            expect(')');
            Node a = args.get(0);
            if (unary != null) {
                return (x, y) -> unary.applyAsDouble(a.eval(x, y));
            }
            Node b = args.get(1);
            return (x, y) -> binary.applyAsDouble(a.eval(x, y), b.eval(x, y));
        }

        private static String functionNames() {
            List<String> names = new ArrayList<>(UNARY.keySet());
            names.addAll(BINARY.keySet());
            names.sort(null);
            return String.join(" ", names);
        }

        private boolean accept(char c) {
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                skipSpace();
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!accept(c)) {
                throw error("expected '" + c + "'");
            }
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("expression " + Quote.of(text) + ": " + problem + " at position " + (pos + 1));
        }
    }
}
