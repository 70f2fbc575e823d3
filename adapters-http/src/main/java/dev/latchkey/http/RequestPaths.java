package dev.latchkey.http;

import jakarta.ws.rs.core.UriInfo;

/** The request's path as the protected resources name paths: absolute, decoded. */
public final class RequestPaths {

    private RequestPaths() {}

    /** Jersey gives the path relative to the application root; every request pays for this, so no regex. */
    public static String of(UriInfo uri) {
        String path = uri.getPath(true);
        return path.startsWith("/") ? path : "/" + path;
    }
}
