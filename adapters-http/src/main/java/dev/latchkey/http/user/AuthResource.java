package dev.latchkey.http.user;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.latchkey.domain.account.AddressProofs;
import dev.latchkey.domain.account.LogIn;
import dev.latchkey.domain.account.RegisterUser;
import dev.latchkey.domain.external.SignInWithExternalIdentity;
import dev.latchkey.domain.token.SignOut;
import dev.latchkey.http.RequestValues;
import dev.latchkey.http.auth.Authenticated;
import dev.latchkey.http.auth.CallerContext;
import dev.latchkey.http.auth.Public;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** Accounts and user access tokens: register, prove the address, reset the password, log in, log out. */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AuthResource {
    private final RegisterUser register;
    private final LogIn logIn;
    private final SignOut signOut;
    private final SignInWithExternalIdentity externalSignIn;
    private final AddressProofs proofs;

    public AuthResource(
            RegisterUser register,
            LogIn logIn,
            SignOut signOut,
            SignInWithExternalIdentity externalSignIn,
            AddressProofs proofs) {
        this.proofs = proofs;
        this.register = register;
        this.logIn = logIn;
        this.signOut = signOut;
        this.externalSignIn = externalSignIn;
    }

    /** {@code POST /auth/google} body: a Google ID token. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record IdTokenRequest(String idToken) {
        @Override
        public String toString() {
            return "IdTokenRequest[redacted]";
        }
    }

    /** Exchanges a Google ID token for a Latchkey user access token (the issuer named {@code google}). */
    @POST
    @Path("/google")
    @Public
    public Response google(IdTokenRequest body) {
        return external("google", body);
    }

    /** The same exchange for any configured trusted issuer, by its configured name. */
    @POST
    @Path("/external/{issuer}")
    @Public
    public Response external(@PathParam("issuer") String issuer, IdTokenRequest body) {
        IdTokenRequest request = RequestValues.requireBody(body);
        return TokenResponse.ok(Response.ok(), TokenResponse.of(externalSignIn.execute(issuer, request.idToken())))
                .build();
    }

    @POST
    @Path("/register")
    @Public
    public Response register(Credentials body, @Context HttpServletRequest http) {
        Credentials credentials = RequestValues.requireBody(body);
        return register.execute(credentials.email(), credentials.password(), http.getRemoteAddr())
                .map(token -> TokenResponse.ok(Response.status(Response.Status.CREATED), TokenResponse.of(token)))
                // The same answer whether or not the address had an account: the mail says which.
                .orElseGet(() -> Response.accepted(java.util.Map.of(
                        "status",
                        "verification_sent",
                        "detail",
                        "Follow the link mailed to this address, then sign in")))
                .build();
    }

    /** A mailed single-use token; never logged. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MailedToken(String token, String password) {
        @Override
        public String toString() {
            return "MailedToken[redacted]";
        }
    }

    /** {@code POST /auth/password-reset} body. */
    public record ResetRequest(String email) {}

    /** Follows the verification link mailed at registration: the address is proven. */
    @POST
    @Path("/verify-email")
    @Public
    public Response verifyEmail(MailedToken body) {
        proofs.verify(RequestValues.requireBody(body).token());
        return Response.ok(java.util.Map.of("email_verified", true)).build();
    }

    /** Mails the signed-in person a fresh verification link (none when the address is proven already). */
    @POST
    @Path("/verify-email/send")
    @Authenticated
    public Response sendVerification(@Context SecurityContext security) {
        proofs.resendVerification(CallerContext.principal(security).actor().id());
        return Response.accepted().build();
    }

    /** Mails a reset link when the address has an account; answers 202 either way. */
    @POST
    @Path("/password-reset")
    @Public
    public Response requestReset(ResetRequest body, @Context HttpServletRequest http) {
        proofs.requestReset(RequestValues.requireBody(body).email(), http.getRemoteAddr());
        return Response.accepted().build();
    }

    /** Follows a reset link: a new password, and every session and token of the account ends. */
    @POST
    @Path("/password-reset/confirm")
    @Public
    public Response confirmReset(MailedToken body) {
        MailedToken request = RequestValues.requireBody(body);
        proofs.reset(request.token(), request.password());
        return Response.noContent().build();
    }

    @POST
    @Path("/login")
    @Public
    public Response login(Credentials body, @Context HttpServletRequest http) {
        Credentials credentials = RequestValues.requireBody(body);
        return TokenResponse.ok(
                        Response.ok(),
                        TokenResponse.of(
                                logIn.execute(credentials.email(), credentials.password(), http.getRemoteAddr())))
                .build();
    }

    /** Revokes the presented token; its {@code jti} stays denied until it would have expired. */
    @POST
    @Path("/logout")
    @Authenticated
    public Response logout(@Context SecurityContext security) {
        signOut.thisToken(CallerContext.principal(security));
        return Response.noContent().build();
    }

    /** Kills every token of the caller issued until now, on every device. */
    @POST
    @Path("/logout-everywhere")
    @Authenticated
    public Response logoutEverywhere(@Context SecurityContext security) {
        signOut.everywhere(CallerContext.principal(security));
        return Response.noContent().build();
    }
}
