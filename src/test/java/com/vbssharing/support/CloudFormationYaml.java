package com.vbssharing.support;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads template.yaml. {@link #template()} keeps intrinsic-function tags (!Ref, !Sub, !GetAtt …) as their plain
 * values; {@link #templateWithIntrinsics()} wraps each in an {@link Intrinsic}, for tests that must tell a value
 * CloudFormation resolves from a literal one.
 */
public final class CloudFormationYaml {

    private CloudFormationYaml() {
    }

    /** A value CloudFormation computes: {@code !Ref X} is {@code Intrinsic("!Ref", "X")}. */
    public record Intrinsic(String tag, Object value) {
    }

    public static Map<String, Object> template() {
        return load(false);
    }

    public static Map<String, Object> templateWithIntrinsics() {
        return load(true);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(boolean keepIntrinsics) {
        try {
            String text = Files.readString(Path.of("template.yaml"));
            return (Map<String, Object>) new Yaml(new IntrinsicTolerantConstructor(keepIntrinsics)).load(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class IntrinsicTolerantConstructor extends SafeConstructor {
        IntrinsicTolerantConstructor(boolean keepIntrinsics) {
            super(new LoaderOptions());
            yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    Object value;
                    if (node instanceof ScalarNode scalar) {
                        value = constructScalar(scalar);
                    } else if (node instanceof SequenceNode sequence) {
                        value = constructSequence(sequence);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    return keepIntrinsics ? new Intrinsic(node.getTag().getValue(), value) : value;
                }
            });
        }
    }
}
