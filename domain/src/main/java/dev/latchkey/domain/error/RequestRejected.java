package dev.latchkey.domain.error;

import java.util.Objects;

/** Thrown by a use case when a request is well-authenticated but cannot be carried out. */
public final class RequestRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final RequestError error;

    public RequestRejected(RequestError error, String detail) {
        super(Objects.requireNonNull(detail, "detail"), null, false, false);
        this.error = Objects.requireNonNull(error, "error");
    }

    public static RequestRejected notFound(String what) {
        return new RequestRejected(RequestError.NOT_FOUND, what + " not found");
    }

    public static RequestRejected invalid(String detail) {
        return new RequestRejected(RequestError.INVALID_REQUEST, detail);
    }

    public RequestError error() {
        return error;
    }

    public String detail() {
        return getMessage();
    }
}
