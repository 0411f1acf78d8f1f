package dev.dendrite.tuning;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The tuner's configuration, PID {@code dev.dendrite.studies} (e.g. {@code etc/dev.dendrite.studies.cfg}). */
@ObjectClassDefinition(name = "Dendrite studies", description = "Where hyperparameter-search studies are kept: <name>.jsonl journals"
        + " in a folder, or a database that many processes share")
public @interface StudiesConfiguration {

    @AttributeDefinition(name = "Studies folder", description = "The folder of the study journals. A relative path is resolved"
            + " against the dendrite.home framework (or system) property, or the working directory when that is not set. Empty: studies")
    String folder() default "";

    @AttributeDefinition(name = "Storage", description = "Where ml:tune, ml:study and ml:studies keep studies when no --storage is given:"
            + " journal (the folder above) or a database URL such as postgresql://host:5432/db (credentials: user and password here,"
            + " or PGUSER and PGPASSWORD in the environment)")
    String storage() default "journal";

    @AttributeDefinition(name = "Heartbeat", description = "Seconds between the heartbeats of a worker's running trials (shared storage)")
    double heartbeat() default 5;

    @AttributeDefinition(name = "Grace", description = "Seconds without a heartbeat after which a running trial is stale and queued again")
    double grace() default 30;

    @AttributeDefinition(name = "Retries", description = "How many times a stale trial is queued again before it is failed")
    int retries() default 2;
}
