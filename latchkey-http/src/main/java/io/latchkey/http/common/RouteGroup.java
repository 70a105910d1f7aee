package io.latchkey.http.common;

import io.javalin.config.RoutesConfig;

/**
 * A set of routes of one dialect (or part of one). The application registers every group in one place;
 * adding a dialect means adding a group, not editing the others.
 *
 * @since 0.1
 */
public interface RouteGroup {

    void register(RoutesConfig routes);
}
