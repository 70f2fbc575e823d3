package dev.latchkey.http.problem;

import java.util.List;

/** Every exception mapper, to register in one go. */
public final class ProblemMappers {

    private ProblemMappers() {}

    public static List<Object> all(Refusals refusals) {
        return List.of(
                new AuthFailureMapper(refusals),
                new RequestRejectedMapper(),
                new StoreUnavailableMapper(),
                new WebApplicationExceptionMapper(),
                new JsonBodyExceptionMapper(),
                new UnexpectedExceptionMapper());
    }
}
