package com.vbssharing.deploy;

import com.vbssharing.support.CloudFormationYaml.Intrinsic;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * template.yaml, env.json and events/ kept in step in the ways SAM cares about (SamLocalInvokeIT then runs
 * every event through its function, as `sam local invoke` does).
 */
class SamLocalFilesTest {

    private final SamLocal sam = SamLocal.read();

    @Test
    void everyFunctionHasAnEventAndEveryEventAFunction() throws IOException {
        Set<String> expected = sam.functions().stream().map(f -> SamLocal.eventFile(f).getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> files;
        try (Stream<Path> paths = Files.list(Path.of("events"))) {
            files = paths.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(17, sam.functions().size(), sam.functions()::toString);
        assertEquals(expected, files);
    }

    /** SAM drops, without a word, an env.json value for a variable the function does not declare. */
    @Test
    void everyEnvJsonVariableIsDeclaredByTheFunctionsItTargets() {
        List<String> dropped = new ArrayList<>();
        sam.envJson().forEach((target, variables) -> {
            List<String> functions = target.equals("Parameters") ? sam.functions() : List.of(target);
            assertTrue(sam.functions().containsAll(functions), "env.json section for an unknown function: " + target);
            for (String variable : variables.keySet()) {
                // A Parameters variable must reach at least one function; a function's own, that function.
                boolean declared = functions.stream().anyMatch(f -> sam.declared(f).containsKey(variable));
                if (!declared) {
                    dropped.add(target + "." + variable);
                }
            }
        });
        assertEquals(List.of(), dropped, "env.json variables no function declares");
    }

    /** A value CloudFormation computes (a table name, a queue URL) means nothing locally: env.json must give it. */
    @Test
    void everyComputedVariableGetsALocalValueFromEnvJson() {
        List<String> missing = new ArrayList<>();
        for (String function : sam.functions()) {
            Map<String, String> given = sam.envJsonFor(function);
            sam.declared(function).forEach((name, value) -> {
                if (value instanceof Intrinsic && !given.containsKey(name)) {
                    missing.add(function + "." + name);
                }
            });
        }
        assertEquals(List.of(), missing);
    }

    /** Inside SAM's container the host is host.docker.internal, never localhost. */
    @Test
    void localEndpointsPointAtTheDockerHost() {
        sam.envJson().values().forEach(variables -> variables.forEach((name, value) -> {
            if (name.endsWith("_ENDPOINT") || name.endsWith("_URL") && value.startsWith("http")) {
                assertTrue(value.startsWith("http://host.docker.internal:"), name + " = " + value);
            }
        }));
    }

    @Test
    void theLocalEndpointVariablesAreDeclaredEmptyForAws() {
        for (String function : sam.functions()) {
            assertEquals("", sam.declared(function).get("VBS_DYNAMODB_ENDPOINT"), function);
        }
        assertEquals("", sam.declared("EventPublisherFunction").get("VBS_EVENTBRIDGE_ENDPOINT"));
        assertEquals("", sam.declared("ShareAutomationFunction").get("VBS_SQS_ENDPOINT"));
    }
}
