package dev.latchkey.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.domain.error.AuthFailure;

/**
 * An RFC 9457 problem document with Latchkey's stable {@code code} extension member. {@code type}
 * is a URN per code, so clients may switch on either. An {@code approval_required} problem also names
 * the approval request ({@code approval_id}), where it stands ({@code approval_status}) and why the
 * approval presented did not let the request through ({@code approval_refusal}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String code,
        @JsonProperty("approval_id") String approvalId,
        @JsonProperty("approval_status") String approvalStatus,
        @JsonProperty("approval_refusal") String approvalRefusal) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem("urn:latchkey:problem:" + code, title, status, detail, code, null, null, null);
    }

    /** An {@code approval_required} problem naming the approval request and where it stands. */
    public static Problem ofApproval(
            int status, String code, String title, String detail, AuthFailure.ApprovalReference approval) {
        return new Problem(
                "urn:latchkey:problem:" + code,
                title,
                status,
                detail,
                code,
                approval.id(),
                approval.status(),
                approval.refusal());
    }
}
