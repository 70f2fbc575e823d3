package dev.latchkey.domain.route;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A path pattern of literal segments, parameters ({@code {id}}, or Next.js-style {@code [id]}),
 * {@code *} (any one segment) and a trailing {@code **} (any rest, including nothing). Matching is
 * exact otherwise: no prefix matches, no decoding tricks — the path is split as given.
 */
public final class PathPattern {
    private final String text;
    private final List<String> segments;

    private PathPattern(String text, List<String> segments) {
        this.text = text;
        this.segments = segments;
    }

    public static PathPattern parse(String text) {
        Objects.requireNonNull(text, "path");
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("a path pattern starts with /: " + text);
        }
        List<String> segments = split(text);
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.equals("**") && i != segments.size() - 1) {
                throw new IllegalArgumentException("** may only end a path pattern: " + text);
            }
            if (segment.contains("{") || segment.contains("[")) {
                boolean braces = segment.startsWith("{") && segment.endsWith("}");
                boolean brackets = segment.startsWith("[") && segment.endsWith("]");
                if (!(braces || brackets) || segment.length() < 3) {
                    throw new IllegalArgumentException("a parameter fills a whole segment, like {id}: " + text);
                }
            }
        }
        return new PathPattern(text, segments);
    }

    /** The parameters bound by a match, or empty when the path does not match. */
    public Optional<Map<String, String>> match(String path) {
        List<String> actual = split(path);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String expected = segments.get(i);
            if (expected.equals("**")) {
                return Optional.of(parameters);
            }
            if (i >= actual.size()) {
                return Optional.empty();
            }
            String segment = actual.get(i);
            if (isParameter(expected)) {
                if (segment.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(expected.substring(1, expected.length() - 1), segment);
            } else if (!expected.equals("*") && !expected.equals(segment)) {
                return Optional.empty();
            }
        }
        return actual.size() == segments.size() ? Optional.of(parameters) : Optional.empty();
    }

    /** The names of the parameters, to validate rules that refer to them. */
    public List<String> parameterNames() {
        return segments.stream()
                .filter(PathPattern::isParameter)
                .map(s -> s.substring(1, s.length() - 1))
                .toList();
    }

    private static boolean isParameter(String segment) {
        return (segment.startsWith("{") && segment.endsWith("}")) || (segment.startsWith("[") && segment.endsWith("]"));
    }

    private static List<String> split(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.equals("/")) {
            return List.of();
        }
        return Arrays.asList(trimmed.substring(1).split("/", -1));
    }

    @Override
    public String toString() {
        return text;
    }
}
