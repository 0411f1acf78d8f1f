package dev.dendrite.tuning;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The tuner's configuration, PID {@code dev.dendrite.studies} (e.g. {@code etc/dev.dendrite.studies.cfg}). */
@ObjectClassDefinition(name = "Dendrite studies", description = "Where hyperparameter-search studies (<name>.jsonl journals) are kept")
public @interface StudiesConfiguration {

    @AttributeDefinition(name = "Studies folder", description = "The folder of the study journals. A relative path is resolved"
            + " against the dendrite.home framework (or system) property, or the working directory when that is not set. Empty: studies")
    String folder() default "";
}
