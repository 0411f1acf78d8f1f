package dev.dendrite.models.store;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The model store's configuration, PID {@code dev.dendrite.models} (e.g. {@code etc/dev.dendrite.models.cfg}). */
@ObjectClassDefinition(name = "Dendrite model store", description = "Where saved models (<name>.model.json) are kept")
public @interface ModelsConfiguration {

    @AttributeDefinition(name = "Models folder", description = "The folder of the model files. A relative path is resolved"
            + " against the dendrite.home framework (or system) property, or the working directory when that is not set."
            + " Empty: models")
    String folder() default "";
}
