package dev.latchkey.http.oauth;

import dev.latchkey.domain.oauth.AuthorizationRequest;
import dev.latchkey.domain.oauth.ConsentChoices;
import dev.latchkey.domain.scope.Scope;
import dev.latchkey.http.html.Html;
import dev.latchkey.http.html.HtmlPages;
import java.net.URI;
import java.util.Map;

/**
 * The pages a person sees during authorization: sign-in, consent and errors, in the shared
 * {@link HtmlPages} shell (no script at all, no framing, so the consent page cannot be clickjacked).
 */
final class OAuthPages {
    private OAuthPages() {}

    static String login(AuthorizationRequest request, Map<String, String> parameters, String error) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Sign in to continue</h1><p><span class=\"client\">")
                .append(Html.escape(request.client().displayName()))
                .append("</span> wants to connect to your Latchkey account.</p>");
        if (error != null) {
            body.append("<p class=\"error\" role=\"alert\">")
                    .append(Html.escape(error))
                    .append("</p>");
        }
        body.append("<form method=\"post\" action=\"/oauth/login\">");
        hidden(body, parameters);
        body.append("<label for=\"email\">Email</label>")
                .append(
                        "<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" required autofocus>")
                .append("<label for=\"password\">Password</label>")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\""
                        + " required>")
                .append("<div class=\"actions\"><button class=\"primary\" type=\"submit\">Sign in</button></div>")
                .append("</form>");
        return HtmlPages.document("Sign in", body.toString());
    }

    static String consent(
            AuthorizationRequest request,
            ConsentChoices choices,
            Map<String, String> parameters,
            Map<String, String> scopeWords,
            String csrf) {
        StringBuilder body = new StringBuilder();
        ConsentChoices.Workspace first = choices.workspaces().get(0);
        body.append("<h1>Authorize ")
                .append(Html.escape(request.client().displayName()))
                .append("?</h1>")
                .append("<p><span class=\"client\">")
                .append(Html.escape(request.client().displayName()))
                .append("</span> is asking to act for you (")
                .append(Html.escape(choices.user().email().value()))
                .append(").</p>")
                .append("<p class=\"muted\">After you approve, it will be sent back to ")
                .append(Html.escape(hostOf(request.redirectUri())))
                .append(".</p>")
                .append("<form method=\"post\" action=\"/oauth/authorize\">");
        hidden(body, parameters);
        body.append("<input type=\"hidden\" name=\"csrf_token\" value=\"")
                .append(Html.escape(csrf))
                .append("\">");
        if (choices.workspaces().size() == 1) {
            body.append("<p>Workspace: <strong>")
                    .append(Html.escape(first.name()))
                    .append("</strong></p>")
                    .append("<input type=\"hidden\" name=\"workspace\" value=\"")
                    .append(Html.escape(first.id()))
                    .append("\">");
        } else {
            body.append("<label for=\"workspace\">Workspace</label><select id=\"workspace\" name=\"workspace\">");
            for (ConsentChoices.Workspace workspace : choices.workspaces()) {
                body.append("<option value=\"")
                        .append(Html.escape(workspace.id()))
                        .append("\">")
                        .append(Html.escape(workspace.name()))
                        .append("</option>");
            }
            body.append("</select>");
        }
        body.append("<p>It will be able to:</p><ul class=\"scopes\">");
        for (Scope scope : request.scopes().scopes()) {
            boolean granted = first.grantable().covers(scope);
            body.append(granted ? "<li>" : "<li class=\"withheld\">")
                    .append(Html.escape(scopeWords.getOrDefault(scope.toString(), scope.toString())))
                    .append("<br><code>")
                    .append(Html.escape(scope.toString()))
                    .append("</code>");
            if (!granted) {
                body.append(" <span class=\"muted\">(not granted: your role in ")
                        .append(Html.escape(first.name()))
                        .append(" does not allow it)</span>");
            }
            body.append("</li>");
        }
        body.append("</ul><p class=\"muted\">You can disconnect it at any time; its access never exceeds your own.</p>")
                .append("<div class=\"actions\"><button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button>")
                .append(
                        "<button class=\"primary\" type=\"submit\" name=\"decision\" value=\"approve\">Approve</button>")
                .append("</div></form>");
        return HtmlPages.document("Authorize " + request.client().displayName(), body.toString());
    }

    static String error(String title, String message) {
        return HtmlPages.document(
                title,
                "<h1>" + Html.escape(title) + "</h1><p class=\"error\" role=\"alert\">"
                        + Html.escape(message)
                        + "</p><p class=\"muted\">Return to the application and try connecting again."
                        + "</p>");
    }

    private static void hidden(StringBuilder body, Map<String, String> parameters) {
        parameters.forEach((name, value) -> body.append("<input type=\"hidden\" name=\"")
                .append(Html.escape(name))
                .append("\" value=\"")
                .append(Html.escape(value))
                .append("\">"));
    }

    private static String hostOf(String redirectUri) {
        URI uri = URI.create(redirectUri);
        return uri.getHost() != null ? uri.getHost() : uri.getScheme() + ":";
    }
}
