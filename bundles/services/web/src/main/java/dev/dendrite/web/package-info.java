/**
 * The web console and model serving: the REST API ({@link dev.dendrite.web.ApiServlet}), the
 * dashboard ({@link dev.dendrite.web.DashboardServlet}) and the access rules in front of both
 * ({@link dev.dendrite.web.SecurityFilter}), registered on the OSGi HTTP whiteboard; the server
 * they run on is started and stopped by {@link dev.dendrite.web.WebServer} ({@code ml:web},
 * {@code ./dendrite --web}). Private to the bundle.
 */
package dev.dendrite.web;
