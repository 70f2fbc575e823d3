package dev.latchkey.http.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Posture: any verified caller, holding every scope listed (none listed: any verified caller).
 * Every resource method must carry this or {@link Public}; {@link PostureFeature} refuses to start
 * otherwise, because an unannotated method would silently be public.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Authenticated {

    /** Required scopes, such as {@code api_keys:write}. */
    String[] scopes() default {};
}
