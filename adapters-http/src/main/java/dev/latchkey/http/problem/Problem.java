package dev.latchkey.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An RFC 9457 problem document with Latchkey's stable {@code code} extension member. {@code type}
 * is a URN per code, so clients may switch on either. An {@code approval_required} problem also names
 * the approval request ({@code approval_id}) and where it stands ({@code approval_status}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String code,
        @JsonProperty("approval_id") String approvalId,
        @JsonProperty("approval_status") String approvalStatus) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem("urn:latchkey:problem:" + code, title, status, detail, code, null, null);
    }

    /** An {@code approval_required} problem naming the approval request and where it stands. */
    public static Problem ofApproval(int status, String code, String title, String detail, String id, String state) {
        return new Problem("urn:latchkey:problem:" + code, title, status, detail, code, id, state);
    }
}
