package dev.latchkey.http.problem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource whose failures are RFC 6749 §5.2 error objects ({@code error},
 * {@code error_description}, never cached) rather than problem+json: OAuth clients parse
 * {@code error}, including on an outage or a fault of ours, so the mappers answer these resources
 * in that shape ({@link OAuthErrorBodies}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OAuthErrorFormat {}
