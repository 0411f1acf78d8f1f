package dev.dendrite.nn;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Metrics;
import dev.dendrite.api.nn.Model;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.nn.TrainingRequest;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** The {@link Trainer} service: a {@link NetworkTrainer} that finds its plug-ins in the service registry. */
@Component(service = Trainer.class)
public final class TrainerComponent implements Trainer {
    private final NetworkTrainer trainer;

    @Activate
    public TrainerComponent(BundleContext context) {
        this.trainer = new NetworkTrainer(new RegistryPlugins(context), context.getBundle().getVersion().toString());
    }

    @Override
    public TrainingResult train(TrainingRequest spec, DataSplit data, TrainingListener listener, Model start) {
        return trainer.train(spec, data, listener, start);
    }

    @Override
    public Matrix predict(Model model, Matrix x) {
        return trainer.predict(model, x);
    }

    @Override
    public Metrics evaluate(Model model, DataSet data) {
        return trainer.evaluate(model, data);
    }
}
