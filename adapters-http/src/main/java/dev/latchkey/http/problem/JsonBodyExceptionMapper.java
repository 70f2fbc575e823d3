package dev.latchkey.http.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;

/**
 * A body that is not the JSON we expect: 400, naming the field but never echoing the input (a
 * caller may have pasted a secret into the wrong place).
 */
public final class JsonBodyExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException exception) {
        String detail = "The request body is not valid JSON";
        if (exception instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            detail = "Unexpected or invalid field: " + field;
        }
        return ProblemResponses.problem(400, HttpErrorCodes.INVALID_REQUEST, "Invalid request", detail);
    }
}
