package com.vbssharing.identity;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code POST /identity/v3/auth/tokens} body: the token presented and the scope asked for. Only the
 * {@code token} method is supported: this endpoint exchanges a token of the configured issuer, it signs nobody
 * in with a password.
 */
record TokenRequest(String token, Scope scope) {

    static final String TOKEN_METHOD = "token";

    /** What the token is asked for: its own project (by id, or by name, which is the id), or no project. */
    sealed interface Scope {
        record DefaultProject() implements Scope { }
        record Unscoped() implements Scope { }
        record ProjectById(String id) implements Scope { }
        record ProjectByName(String name) implements Scope { }
    }

    static TokenRequest parse(String body, JsonMapper json) {
        JsonNode root = readObject(body, json);
        JsonNode auth = object(root, "auth", "auth");
        JsonNode identity = object(auth, "identity", "auth/identity");
        List<String> methods = methods(identity);
        for (String method : methods) {
            if (identity.get(method) == null) {
                throw IdentityException.badRequest("Expecting to find " + abbreviated(method) + " in identity. "
                        + "The server could not comply with the request since it is either malformed or otherwise "
                        + "incorrect. The client is assumed to be in error.");
            }
        }
        if (!methods.equals(List.of(TOKEN_METHOD))) {
            throw IdentityException.unsupportedMethod("Attempted to authenticate with an unsupported method: this "
                    + "service only exchanges tokens (method 'token'). Get a token from the identity provider this "
                    + "service trusts (see its documentation) and sign in with it; passwords and application "
                    + "credentials are not accepted here.");
        }
        JsonNode token = object(identity, TOKEN_METHOD, "auth/identity/token");
        JsonNode id = token.get("id");
        if (id == null || !id.isString() || id.getStringValue().isBlank()) {
            throw IdentityException.badRequest("Invalid input for field identity/token/id: a token is required.");
        }
        return new TokenRequest(id.getStringValue(), scope(auth.get("scope")));
    }

    private static Scope scope(JsonNode scope) {
        if (scope == null || scope.isNull()) {
            return new Scope.DefaultProject();
        }
        if (scope.isString()) {
            if ("unscoped".equals(scope.getStringValue())) {
                return new Scope.Unscoped();
            }
            throw IdentityException.badRequest("Invalid input for field scope: use a project or 'unscoped'.");
        }
        if (!scope.isObject()) {
            throw IdentityException.badRequest("Invalid input for field scope: it must be an object.");
        }
        if (scope.get("unscoped") != null) {
            return new Scope.Unscoped();
        }
        JsonNode project = scope.get("project");
        if (project == null) {
            throw IdentityException.unauthorized("Only project scope is supported: a token of this service grants "
                    + "one project, no domain, system or trust.");
        }
        if (!project.isObject()) {
            throw IdentityException.badRequest("Invalid input for field scope/project: it must be an object.");
        }
        Optional<String> id = text(project, "id");
        if (id.isPresent()) {
            return new Scope.ProjectById(id.get());
        }
        Optional<String> name = text(project, "name");
        if (name.isPresent()) {
            return new Scope.ProjectByName(name.get());
        }
        throw IdentityException.badRequest("Invalid input for field scope/project: id or name must be present.");
    }

    private static List<String> methods(JsonNode identity) {
        JsonNode methods = identity.get("methods");
        if (methods == null || !methods.isArray() || methods.size() == 0) {
            throw IdentityException.badRequest("Invalid input for field identity/methods: a list of methods is required.");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode method : methods.values()) {
            if (!method.isString()) {
                throw IdentityException.badRequest("Invalid input for field identity/methods: methods are strings.");
            }
            names.add(method.getStringValue());
        }
        return names.stream().distinct().toList();
    }

    private static JsonNode readObject(String body, JsonMapper json) {
        JsonNode root = null;
        if (body != null && !body.isBlank()) {
            try {
                root = json.readValue(body, JsonNode.class);
            } catch (IOException | RuntimeException e) {
                root = null;
            }
        }
        if (root == null || !root.isObject()) {
            throw IdentityException.badRequest("Expecting to find valid JSON in request body. The server could not "
                    + "comply with the request since it is either malformed or otherwise incorrect. The client is "
                    + "assumed to be in error.");
        }
        return root;
    }

    private static JsonNode object(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isObject()) {
            throw IdentityException.badRequest("Invalid input for field " + path + ": an object is required.");
        }
        return value;
    }

    private static Optional<String> text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isString() && !value.getStringValue().isBlank()
                ? Optional.of(value.getStringValue())
                : Optional.empty();
    }

    private static String abbreviated(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
