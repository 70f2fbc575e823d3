package dev.latchkey.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document with Latchkey's stable {@code code} extension member. {@code type}
 * is a URN per code, so clients may switch on either.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem("urn:latchkey:problem:" + code, title, status, detail, code);
    }
}
