package dev.latchkey.http.oauth;

import dev.latchkey.domain.oauth.AuthorizationRequest;
import dev.latchkey.domain.oauth.ConsentChoices;
import dev.latchkey.domain.scope.Scope;
import dev.latchkey.http.html.Templates;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The pages a person sees during authorization: sign-in, consent and errors, from their templates
 * ({@code templates/oauth-*.mustache}). No script at all and no framing (the consent page cannot be
 * clickjacked); every value is escaped by the template.
 */
final class OAuthPages {
    private OAuthPages() {}

    /** A request parameter carried through a form. */
    record Hidden(String name, String value) {}

    /** One scope the client asks for, in words, and whether the person's role lets them grant it. */
    record AskedScope(String words, String scope, boolean granted, String workspace) {}

    record Login(String title, String client, String error, List<Hidden> parameters) {}

    record Consent(
            String title,
            String client,
            String email,
            String redirectHost,
            String csrf,
            List<Hidden> parameters,
            ConsentChoices.Workspace single,
            Choice choice,
            List<AskedScope> scopes) {}

    record Choice(List<ConsentChoices.Workspace> workspaces) {}

    record Failure(String title, String message) {}

    static String login(AuthorizationRequest request, Map<String, String> parameters, String error) {
        return Templates.render(
                "oauth-login", new Login("Sign in", request.client().displayName(), error, hidden(parameters)));
    }

    static String consent(
            AuthorizationRequest request,
            ConsentChoices choices,
            Map<String, String> parameters,
            Map<String, String> scopeWords,
            String csrf) {
        ConsentChoices.Workspace first = choices.workspaces().get(0);
        boolean single = choices.workspaces().size() == 1;
        List<AskedScope> scopes = request.scopes().scopes().stream()
                .map(scope -> asked(scope, first, scopeWords))
                .toList();
        String client = request.client().displayName();
        return Templates.render(
                "oauth-consent",
                new Consent(
                        "Authorize " + client,
                        client,
                        choices.user().email().value(),
                        hostOf(request.redirectUri()),
                        csrf,
                        hidden(parameters),
                        single ? first : null,
                        single ? null : new Choice(choices.workspaces()),
                        scopes));
    }

    static String error(String title, String message) {
        return Templates.render("oauth-error", new Failure(title, message));
    }

    private static AskedScope asked(Scope scope, ConsentChoices.Workspace first, Map<String, String> scopeWords) {
        String name = scope.toString();
        return new AskedScope(
                scopeWords.getOrDefault(name, name), name, first.grantable().covers(scope), first.name());
    }

    private static List<Hidden> hidden(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> new Hidden(entry.getKey(), entry.getValue()))
                .toList();
    }

    private static String hostOf(String redirectUri) {
        URI uri = URI.create(redirectUri);
        return uri.getHost() != null ? uri.getHost() : uri.getScheme() + ":";
    }
}
