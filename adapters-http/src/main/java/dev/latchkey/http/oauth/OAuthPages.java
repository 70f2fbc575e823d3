package dev.latchkey.http.oauth;

import dev.latchkey.domain.oauth.AuthorizationRequest;
import dev.latchkey.domain.oauth.ConsentChoices;
import dev.latchkey.domain.scope.Scope;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * The pages a person sees during authorization: sign-in, consent and errors. Plain server-rendered
 * HTML with one stylesheet, every dynamic value escaped, and a Content Security Policy that allows
 * nothing but that stylesheet (by hash) and forbids framing, so the consent page cannot be
 * clickjacked.
 */
final class OAuthPages {
    private static final String STYLE = """
            *{box-sizing:border-box}body{margin:0;min-height:100vh;display:flex;align-items:center;\
            justify-content:center;background:#f4f5f7;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;\
            color:#1d2330}main{width:100%;max-width:440px;margin:24px;background:#fff;border-radius:12px;\
            box-shadow:0 4px 24px rgba(20,30,60,.08);padding:32px}h1{font-size:1.35rem;margin:0 0 8px}\
            p{margin:8px 0}.muted{color:#5b6475;font-size:.9rem}.brand{font-weight:600;letter-spacing:.02em;\
            color:#3b5bdb;margin-bottom:16px}ul.scopes{list-style:none;padding:0;margin:16px 0}\
            ul.scopes li{padding:10px 12px;border:1px solid #e3e6ec;border-radius:8px;margin-bottom:8px}\
            ul.scopes code{font-size:.8rem;color:#5b6475}li.withheld{opacity:.6}label{display:block;\
            margin:12px 0 4px;font-weight:500}input,select{width:100%;padding:10px 12px;border:1px solid #c9ced8;\
            border-radius:8px;font-size:1rem}.actions{display:flex;gap:12px;margin-top:24px}\
            button{flex:1;padding:12px;border-radius:8px;border:1px solid #c9ced8;background:#fff;font-size:1rem;\
            cursor:pointer}button.primary{background:#3b5bdb;border-color:#3b5bdb;color:#fff}\
            .error{background:#fff0f0;border:1px solid #f3c1c1;color:#8a1c1c;padding:10px 12px;border-radius:8px}\
            .client{font-weight:600}""";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + hashOf(STYLE)
            + "'; frame-ancestors 'none'; base-uri 'none'";

    private OAuthPages() {
    }

    static String login(AuthorizationRequest request, Map<String, String> parameters, String error) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Sign in to continue</h1><p><span class=\"client\">")
                .append(Html.escape(request.client().displayName()))
                .append("</span> wants to connect to your Latchkey account.</p>");
        if (error != null) {
            body.append("<p class=\"error\" role=\"alert\">").append(Html.escape(error)).append("</p>");
        }
        body.append("<form method=\"post\" action=\"/oauth/login\">");
        hidden(body, parameters);
        body.append("<label for=\"email\">Email</label>")
                .append("<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" required autofocus>")
                .append("<label for=\"password\">Password</label>")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\""
                        + " required>")
                .append("<div class=\"actions\"><button class=\"primary\" type=\"submit\">Sign in</button></div>")
                .append("</form>");
        return page("Sign in", body.toString());
    }

    static String consent(AuthorizationRequest request, ConsentChoices choices, Map<String, String> parameters,
            Map<String, String> scopeWords, String csrf) {
        StringBuilder body = new StringBuilder();
        ConsentChoices.Workspace first = choices.workspaces().get(0);
        body.append("<h1>Authorize ").append(Html.escape(request.client().displayName())).append("?</h1>")
                .append("<p><span class=\"client\">").append(Html.escape(request.client().displayName()))
                .append("</span> is asking to act for you (")
                .append(Html.escape(choices.user().email().value())).append(").</p>")
                .append("<p class=\"muted\">After you approve, it will be sent back to ")
                .append(Html.escape(hostOf(request.redirectUri()))).append(".</p>")
                .append("<form method=\"post\" action=\"/oauth/authorize\">");
        hidden(body, parameters);
        body.append("<input type=\"hidden\" name=\"csrf_token\" value=\"").append(Html.escape(csrf)).append("\">");
        if (choices.workspaces().size() == 1) {
            body.append("<p>Workspace: <strong>").append(Html.escape(first.name())).append("</strong></p>")
                    .append("<input type=\"hidden\" name=\"workspace\" value=\"").append(Html.escape(first.id()))
                    .append("\">");
        } else {
            body.append("<label for=\"workspace\">Workspace</label><select id=\"workspace\" name=\"workspace\">");
            for (ConsentChoices.Workspace workspace : choices.workspaces()) {
                body.append("<option value=\"").append(Html.escape(workspace.id())).append("\">")
                        .append(Html.escape(workspace.name())).append("</option>");
            }
            body.append("</select>");
        }
        body.append("<p>It will be able to:</p><ul class=\"scopes\">");
        for (Scope scope : request.scopes().scopes()) {
            boolean granted = first.grantable().covers(scope);
            body.append(granted ? "<li>" : "<li class=\"withheld\">")
                    .append(Html.escape(scopeWords.getOrDefault(scope.toString(), scope.toString())))
                    .append("<br><code>").append(Html.escape(scope.toString())).append("</code>");
            if (!granted) {
                body.append(" <span class=\"muted\">(not granted: your role in ").append(Html.escape(first.name()))
                        .append(" does not allow it)</span>");
            }
            body.append("</li>");
        }
        body.append("</ul><p class=\"muted\">You can disconnect it at any time; its access never exceeds your own.</p>")
                .append("<div class=\"actions\"><button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button>")
                .append("<button class=\"primary\" type=\"submit\" name=\"decision\" value=\"approve\">Approve</button>")
                .append("</div></form>");
        return page("Authorize " + request.client().displayName(), body.toString());
    }

    static String error(String title, String message) {
        return page(title, "<h1>" + Html.escape(title) + "</h1><p class=\"error\" role=\"alert\">"
                + Html.escape(message) + "</p><p class=\"muted\">Return to the application and try connecting again."
                + "</p>");
    }

    private static void hidden(StringBuilder body, Map<String, String> parameters) {
        parameters.forEach((name, value) -> body.append("<input type=\"hidden\" name=\"").append(Html.escape(name))
                .append("\" value=\"").append(Html.escape(value)).append("\">"));
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + Html.escape(title) + " · Latchkey</title><style>" + STYLE + "</style></head>"
                + "<body><main><div class=\"brand\">Latchkey</div>" + body + "</main></body></html>";
    }

    private static String hostOf(String redirectUri) {
        URI uri = URI.create(redirectUri);
        return uri.getHost() != null ? uri.getHost() : uri.getScheme() + ":";
    }

    private static String hashOf(String style) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
