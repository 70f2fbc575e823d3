package dev.latchkey.http.user;

/** {@code POST /auth/register} and {@code /auth/login} bodies. {@code toString} hides the password. */
public record Credentials(String email, String password) {

    @Override
    public String toString() {
        return "Credentials[email=" + email + ", password=redacted]";
    }
}
