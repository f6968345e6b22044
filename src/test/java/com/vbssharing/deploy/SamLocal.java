package com.vbssharing.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.vbssharing.support.Api;
import com.vbssharing.support.CloudFormationYaml;
import com.vbssharing.support.CloudFormationYaml.Intrinsic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code sam local invoke <Function> -e events/<event>.json --env-vars env.json} gives a function, read
 * from template.yaml and env.json the way SAM reads them: a function sees only the variables the template
 * declares for it (Globals and its own), each with env.json's value when env.json has one (its
 * {@code Parameters} for every function, then the function's own section), else the template's.
 */
final class SamLocal {

    private final Map<String, Object> resources;
    private final Map<String, Object> globalVariables;
    private final Map<String, Map<String, String>> envJson;

    private SamLocal(Map<String, Object> template, Map<String, Map<String, String>> envJson) {
        this.resources = map(template.get("Resources"));
        this.globalVariables = variables(map(map(template.get("Globals")).get("Function")));
        this.envJson = envJson;
    }

    static SamLocal read() {
        try {
            Map<String, Map<String, String>> envJson = Api.JSON.readValue(Files.readString(Path.of("env.json")),
                    new TypeReference<>() { });
            return new SamLocal(CloudFormationYaml.templateWithIntrinsics(), envJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code AWS::Serverless::Function}, in template order. */
    List<String> functions() {
        return resources.entrySet().stream()
                .filter(entry -> "AWS::Serverless::Function".equals(plain(map(entry.getValue()).get("Type"))))
                .map(Map.Entry::getKey)
                .toList();
    }

    String handler(String function) {
        return (String) plain(properties(function).get("Handler"));
    }

    /** CreateBackupFunction → events/create-backup.json. */
    static Path eventFile(String function) {
        String name = function.replaceFirst("Function$", "").replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
        return Path.of("events", name + ".json");
    }

    /** The variables the template declares for the function, with their template values. */
    Map<String, Object> declared(String function) {
        Map<String, Object> declared = new LinkedHashMap<>(globalVariables);
        declared.putAll(variables(properties(function)));
        return declared;
    }

    Map<String, Map<String, String>> envJson() {
        return envJson;
    }

    /** env.json's values for the function: Parameters, then its own section. */
    Map<String, String> envJsonFor(String function) {
        Map<String, String> values = new LinkedHashMap<>(envJson.getOrDefault("Parameters", Map.of()));
        values.putAll(envJson.getOrDefault(function, Map.of()));
        return values;
    }

    /** The environment the function gets: declared variables only, env.json's value first. */
    Map<String, String> environment(String function) {
        Map<String, String> given = envJsonFor(function);
        Map<String, String> environment = new LinkedHashMap<>();
        declared(function).forEach((name, value) -> {
            if (given.containsKey(name)) {
                environment.put(name, given.get(name));
            } else if (!(value instanceof Intrinsic)) {
                environment.put(name, String.valueOf(value));
            }
        });
        return environment;
    }

    private Map<String, Object> properties(String function) {
        return map(map(resources.get(function)).get("Properties"));
    }

    private static Map<String, Object> variables(Map<String, Object> properties) {
        Object environment = plain(properties.get("Environment"));
        if (environment == null) {
            return Map.of();
        }
        Object variables = plain(map(environment).get("Variables"));
        return variables == null ? Map.of() : map(variables);
    }

    /** A literal, or an intrinsic's tagged value unwrapped where only its shape matters. */
    private static Object plain(Object value) {
        return value instanceof Intrinsic intrinsic && !(intrinsic.value() instanceof String) ? intrinsic.value() : value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) plain(value);
    }
}
