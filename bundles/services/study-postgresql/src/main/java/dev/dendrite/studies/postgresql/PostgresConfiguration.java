package dev.dendrite.studies.postgresql;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The credentials of the study databases, in the studies' configuration {@code dev.dendrite.studies}
 * ({@code etc/dev.dendrite.studies.cfg}): {@code user} and {@code .password}. The leading dot makes
 * the password a private property in OSGi terms: it is never published with a service's properties.
 */
@ObjectClassDefinition(name = "Dendrite studies on PostgreSQL", description = "Credentials of postgresql:// study storages (else PGUSER, PGPASSWORD)")
@interface PostgresConfiguration {

    @AttributeDefinition(name = "User", description = "The database user, unless the URL names one (else PGUSER, else the system user)")
    String user() default "";

    @AttributeDefinition(name = "Password", description = "The user's password, unless the URL has one (else PGPASSWORD)")
    String _password() default "";

    @AttributeDefinition(name = "Connections", description = "The most connections each process keeps to one study database")
    int connections() default 8;
}
