package dev.dendrite.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.tuning.Parameter;
import dev.dendrite.api.tuning.Parameter.Kind;
import dev.dendrite.api.tuning.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchSpaceParserTest {

    private static final TrainingRequest DEFAULTS = TrainingRequest.builder().build();

    private static SearchSpace parse(String text) {
        return SearchSpaceParser.parse(text, Fixtures.vocabulary(), DEFAULTS);
    }

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> parse(text)).getMessage();
    }

    @Test
    void theIssueExampleParsesWithEveryForm() {
        SearchSpace s = parse("lr=loguniform(1e-4,1e-1); layers=choice([64],[128, 64]); batch=choice(32,64,128);"
                + " optimizer=choice(momentum,adam); momentum=uniform(0.5,0.99) if optimizer=momentum; dropout=uniform(0,0.5)");
        assertEquals(List.of("lr", "layers", "batch", "optimizer", "momentum", "dropout"), s.names());
        Parameter lr = s.parameter("lr").orElseThrow();
        assertEquals(Kind.LOGUNIFORM, lr.kind());
        assertEquals(1e-4, lr.low());
        assertEquals(0.1, lr.high());
        assertEquals(List.of("[64]", "[128,64]"), s.parameter("layers").orElseThrow().choices());
        assertEquals(List.of("32", "64", "128"), s.parameter("batch").orElseThrow().choices());
        Parameter momentum = s.parameter("momentum").orElseThrow();
        assertEquals(new Parameter.Condition("optimizer", "momentum"), momentum.condition());
        assertNull(lr.condition());
    }

    @Test
    void intRangesAndTrailingSemicolonAndSpaces() {
        SearchSpace s = parse("  units = int( 8 , 64 ) ;depth=int(1,3);  ");
        Parameter units = s.parameter("units").orElseThrow();
        assertEquals(Kind.INT, units.kind());
        assertEquals(8, units.low());
        assertEquals(64, units.high());
        assertEquals(2, s.parameters().size());
    }

    @Test
    void conditionalParametersAreActiveOnlyOnTheirBranch() {
        SearchSpace s = parse("optimizer=choice(momentum,adam); momentum=uniform(0.5,0.99) if optimizer=momentum;"
                + " beta1=uniform(0.8,0.95) if optimizer=adam");
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("optimizer", "adam");
        assertTrue(SearchSpace.active(s.parameter("beta1").orElseThrow(), point));
        assertTrue(!SearchSpace.active(s.parameter("momentum").orElseThrow(), point));
    }

    @Test
    void pointsBecomeTrainingRequests() {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("lr", 0.05);
        point.put("layers", "[128,64]");
        point.put("batch", "all");
        point.put("optimizer", "momentum");
        point.put("momentum", 0.8);
        point.put("activation", "relu");
        point.put("l2", "0.01");
        point.put("schedule", "step:0.5:10");
        TrainingRequest request = RequestMapping.request(DEFAULTS, point, 7, 99);
        assertEquals(List.of(128, 64), request.hiddenLayers());
        assertEquals(0, request.batchSize());
        assertEquals("momentum", request.optimizer());
        assertEquals(0.05, request.learningRate().getAsDouble(), "lr is the request's learning rate");
        assertEquals(Map.of("momentum", 0.8), request.optimizerHyperparameters(), "never lr");
        assertEquals("relu", request.activation());
        assertEquals(0.01, request.l2());
        assertEquals("step", request.schedule().kind());
        assertEquals(7, request.epochs());
        assertEquals(99, request.seed());
        TrainingRequest equalWidths = RequestMapping.request(DEFAULTS, Map.of("units", 32L, "depth", 3L), 5, 1);
        assertEquals(List.of(32, 32, 32), equalWidths.hiddenLayers());
        TrainingRequest base = TrainingRequest.builder().optimizer("adam").batchSize(64).iterations(500).build();
        TrainingRequest fromBase = RequestMapping.request(base, Map.of("lr", 0.002), 4, 1);
        assertEquals("adam", fromBase.optimizer(), "what is not searched comes from the base request");
        assertEquals(64, fromBase.batchSize());
        assertEquals(0, fromBase.iterations(), "a trial trains by epochs");
        assertEquals(4, fromBase.epochs());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lr=loguniform 1e-4,1e-1)|search space, position 15: expected '(' after 'loguniform', found '1'",
        "lr=loguniform(1e-4,1e-1); batch=choice(32,64|search space, position 45: expected ',' or ')' in choice(…), found the end",
        "lr=loguniform(0.1,0.001)|search space, position 15: the lower bound 0.1 must be below the upper bound 0.001",
        "l2=loguniform(0,0.1)|search space, position 15: loguniform needs positive bounds (it searches log x), got 0",
        "lr=uniform(0.1,x)|search space, position 16: expected a number, found 'x'",
        "lr=normal(0,1)|search space, position 4: unknown domain 'normal' (use uniform, loguniform, int or choice)",
        "batch=int(8.5,64)|search space, position 11: int bounds must be integers, got 8.5",
        "lr=uniform(0,0.1)|search space, position 12: lr: the learning rate must be a positive number, got 0.0",
        "dropout=uniform(0,1)|search space, position 19: dropout: the dropout probability must be in [0, 1), got 1.0",
        "activation=choice(relu,relux)|search space, position 24: unknown activation 'relux' (available: leaky_relu, linear, relu, sigmoid, softmax, tanh)",
        "optimizer=choice(sgd,adamm)|search space, position 22: unknown optimizer 'adamm' (available: adam, adamw, momentum, rmsprop, sgd)",
        "loss=choice(mse,hinge)|search space, position 17: unknown loss 'hinge' (available: binary_crossentropy, categorical_crossentropy, mse)",
        "activation=uniform(0,1)|search space, position 12: activation takes choice(…)",
        "batch=uniform(8,64)|search space, position 15: batch takes integers: use int(lo,hi) or choice(…)",
        "layers=choice([64],[0])|search space, position 20: layers: a layer width must be a positive integer, got 0",
        "layers=choice([64],64)|search space, position 20: layers: a value is written [n1,n2,…] (e.g. [128,64], or [] for none), got '64'",
        "layers=int(1,3)|search space, position 8: layers takes choice(…)",
        "batch=choice(32,x)|search space, position 17: batch: 'x' is neither an integer nor all",
        "units=int(0,8)|search space, position 11: units: must be a positive integer, got 0",
        "lr=choice(0.1,0.1)|search space, position 15: value 0.1 appears twice in the choice of lr",
        "lr=choice(0.1); lr=choice(0.2)|search space, position 17: parameter lr is declared twice",
        "lr=choice(0.1) lr=choice(0.2)|search space, position 16: expected ';' between parameters, found 'l'",
        "momentum=uniform(0.5,0.9) if optimizer=momentum|search space, position 30: the condition must name an earlier choice parameter, 'optimizer' is not declared before momentum",
        "optimizer=choice(momentum,adam); momentum=uniform(0.5,0.9) if optimizer=sgd|search space, position 73: 'sgd' is not a choice of optimizer (choices: momentum, adam)",
        "lr=uniform(0.1,0.2); units=int(8,64) if lr=0.1|search space, position 41: the condition must name an earlier choice parameter, 'lr' is not a choice",
    })
    void errorsPointAtThePosition(String space, String message) {
        assertEquals(message, error(space));
    }

    @Test
    void unknownParameterListsTheKnownOnes() {
        assertEquals("search space, position 24: unknown parameter 'learning_rate' (known: layers, activation, output, loss, optimizer,"
                + " lr, batch, epochs, init, l2, dropout, schedule, patience, precision, units, depth; optimizer hyperparameters: beta1, beta2,"
                + " epsilon, momentum, nesterov, rho, weight_decay)", error("batch=choice(32,64);   learning_rate=uniform(0.1,0.2)"));
        assertTrue(error("seed=int(1,3)").startsWith("search space, position 1: unknown parameter 'seed'"), "a trial's seed is its own");
        assertTrue(error("hp=choice(1)").startsWith("search space, position 1: unknown parameter 'hp'"), "hp's entries by their names");
    }

    /** The training request's builder checks every value a trial may get, before any trial runs, and the message names it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lr=loguniform(-1,0.1)|search space, position 15: lr: the learning rate must be a positive number, got -1.0",
        "lr=choice(0.1,-2)|search space, position 15: lr: the learning rate must be a positive number, got -2.0",
        "lr=choice(0.1,abc)|search space, position 15: lr: 'abc' is not a number",
        "epochs=choice(0,5)|search space, position 15: epochs: the number of epochs must be a positive integer, got 0",
        "l2=uniform(-0.1,0.1)|search space, position 12: l2: the L2 strength λ must be a number >= 0, got -0.1",
        "patience=int(-1,3)|search space, position 14: patience: patience must be an integer >= 0, got -1",
        "init=choice(he,gauss)|search space, position 16: init: unknown weight initialization 'gauss' (available: he, small, xavier)",
        "batch=choice(all,0)|search space, position 18: batch: the batch size must be a positive integer, got 0",
        "optimizer=choice(momentum); momentum=choice(0.9,x)|search space, position 49: momentum: 'x' is not a number",
    })
    void valuesAreCheckedByTheTrainingRequest(String space, String message) {
        assertEquals(message, error(space));
    }

    @Test
    void optimizerHyperparametersAreCheckedAgainstTheBaseOptimizer() {
        TrainingRequest momentum = TrainingRequest.builder().optimizer("momentum").build();
        SearchSpace s = SearchSpaceParser.parse("momentum=uniform(0.5,0.99)", Fixtures.vocabulary(), momentum);
        assertEquals(List.of("momentum"), s.names());
    }

    @Test
    void emptySpaceIsAnError() {
        assertTrue(error("  ").startsWith("the search space is empty"));
        assertTrue(error(" ; ").startsWith("search space, position 2: expected a parameter name, found ';'"), error(" ; "));
    }

    @Test
    void optimizerHyperparametersMustBelongToTheOptimizer() {
        assertEquals("search space, position 29: momentum is not a hyperparameter of optimizer sgd (it has none); optimizers with"
                        + " momentum: momentum; write e.g. 'momentum=… if optimizer=momentum'",
                error("optimizer=choice(sgd,adam); momentum=uniform(0.5,0.99)"));
        assertEquals("search space, position 1: beta1 is not a hyperparameter of optimizer sgd (it has none); optimizers with beta1:"
                + " adam, adamw; write e.g. 'beta1=… if optimizer=adam'", error("beta1=uniform(0.8,0.99)"));
        parse("optimizer=choice(adam,adamw); beta1=uniform(0.8,0.99)");
    }

    @Test
    void layersConflictWithUnitsAndDepth() {
        assertEquals("search space, position 1: layers conflicts with units: search either layers=choice([…],…) or units/depth",
                error("layers=choice([8]); units=int(8,16)"));
    }
}
