package dev.dendrite.web;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The web console's configuration, {@code etc/dev.dendrite.web.cfg}. */
@ObjectClassDefinition(name = "Dendrite web console")
@interface WebConfiguration {
    @AttributeDefinition(description = "address to listen on; anything but loopback requires the access token")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port")
    int port() default 8181;

    @AttributeDefinition(description = "the largest request body accepted, in bytes (16 MiB)")
    long maxBodyBytes() default 16L * 1024 * 1024;

    @AttributeDefinition(description = "file holding the access token, relative to the distribution; generated when missing")
    String tokenFile() default "etc/web.token";
}
