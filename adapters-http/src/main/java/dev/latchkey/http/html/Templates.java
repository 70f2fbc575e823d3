package dev.latchkey.http.html;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Renders the pages' Mustache templates ({@code templates/*.mustache} on the classpath): every
 * {@code {{value}}} is HTML-escaped, so what a client or a person chose (a client's name, an email
 * address, an error) cannot become markup. Each template is compiled once.
 *
 * <p>mustache.java directly, not dropwizard-views: the pages go out through {@link HtmlPages#respond}
 * with their security headers, and a string is what the resources and their tests want.
 */
public final class Templates {
    private static final MustacheFactory FACTORY = new DefaultMustacheFactory("templates");

    private Templates() {}

    /** @param scope the values the template names: a record's accessors, a map's keys */
    public static String render(String template, Object scope) {
        Mustache mustache = FACTORY.compile(template + ".mustache");
        StringWriter out = new StringWriter();
        try {
            mustache.execute(out, scope).flush();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
