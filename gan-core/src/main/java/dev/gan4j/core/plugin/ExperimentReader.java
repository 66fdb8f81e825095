package dev.gan4j.core.plugin;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gan4j.core.config.ConfigException;
import dev.gan4j.core.config.Experiment;
import dev.gan4j.core.config.InvalidValueException;
import dev.gan4j.core.config.JsonErrors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Reads experiment files strictly: an unknown key, an unknown component name, a wrong type or an
 * impossible value is a {@link ConfigException} naming the JSON path, raised before any work starts.
 */
public final class ExperimentReader {
    private final ComponentRegistry registry;
    private final ObjectMapper mapper;

    public ExperimentReader(ComponentRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
        this.mapper = registry.mapper();
    }

    public Experiment read(Path file, List<String> overrides) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("", "config file not found: " + file);
        } catch (MalformedInputException e) {
            throw new ConfigException("", "config file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new ConfigException("", "config file " + file + " is a directory; name a JSON file or a preset");
            }
            throw new UncheckedIOException("cannot read config file " + file, e);
        }
        try {
            return read(text, overrides);
        } catch (ConfigException e) {
            throw new ConfigException(e.path(), e.getMessage().substring(e.path().isEmpty() ? 0 : e.path().length() + 2)
                    + " (in " + file + ")", e.getCause());
        }
    }

    public Experiment read(String json, List<String> overrides) {
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException("", JsonErrors.notValidJson(e));
        }
        if (tree == null || !tree.isObject()) {
            throw new ConfigException("", "an experiment must be a JSON object");
        }
        for (String override : overrides) {
            applyOverride((ObjectNode) tree, override);
        }
        return fromTree(tree);
    }

    public Experiment fromTree(JsonNode tree) {
        try {
            return mapper.treeToValue(tree, Experiment.class);
        } catch (JsonMappingException e) {
            throw translate(e, tree);
        } catch (JsonProcessingException e) {
            throw new ConfigException("", e.getOriginalMessage());
        }
    }

    /** The resolved form: every default filled in. */
    public String write(Experiment experiment) {
        try {
            return mapper.writeValueAsString(experiment);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write experiment " + experiment.name(), e);
        }
    }

    public JsonNode toTree(Experiment experiment) {
        return mapper.valueToTree(experiment);
    }

    /**
     * Applies {@code path.to.key=value}. The value is read as JSON when it parses ({@code 3},
     * {@code true}, {@code {"type":"mlp"}}), otherwise as a string; a value that starts like a JSON list,
     * object or string must parse. Missing objects on the path are created; a key that the config model does
     * not know is then reported like any unknown key.
     */
    public void applyOverride(ObjectNode root, String override) {
        String path = overridePath(override);
        String raw = override.substring(override.indexOf('=') + 1);
        String[] keys = path.split("\\.", -1);
        for (String key : keys) {
            if (key.isBlank()) {
                throw new ConfigException("", "--set " + path + ": a key of the path is empty");
            }
        }
        JsonNode value;
        try {
            value = mapper.readTree(raw);
            if (value == null || value.isMissingNode()) {
                value = TextNode.valueOf(raw);
            }
        } catch (JsonProcessingException e) {
            if (raw.isBlank() || "[{\"".indexOf(raw.strip().charAt(0)) < 0) {
                value = TextNode.valueOf(raw);
            } else {
                throw new ConfigException(path, "--set value '" + raw + "' is not valid JSON: " + e.getOriginalMessage());
            }
        }
        ObjectNode node = root;
        for (int i = 0; i < keys.length - 1; i++) {
            JsonNode child = node.get(keys[i]);
            if (child == null || child.isNull()) {
                child = JsonNodeFactory.instance.objectNode();
                node.set(keys[i], child);
            } else if (!child.isObject()) {
                throw new ConfigException(String.join(".", List.of(keys).subList(0, i + 1)),
                        "--set " + path + ": this is a " + child.getNodeType().toString().toLowerCase(Locale.ROOT) + ", not an object");
            }
            node = (ObjectNode) child;
        }
        node.set(keys[keys.length - 1], value);
    }

    /** The {@code path.to.key} of a {@code --set path.to.key=value} override, trimmed. */
    public static String overridePath(String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("", "--set expects path.to.key=value, found '" + override + "'");
        }
        return override.substring(0, eq).trim();
    }

    /** The type names a closed family of specs (the optimizers) declares itself, rather than through the registry. */
    private static Collection<String> declaredSubtypes(Class<?> base) {
        JsonSubTypes subtypes = base.getAnnotation(JsonSubTypes.class);
        if (subtypes == null) {
            return List.of();
        }
        return Arrays.stream(subtypes.value()).map(JsonSubTypes.Type::name).toList();
    }

    private ConfigException translate(JsonMappingException e, JsonNode tree) {
        String path = JsonErrors.path(e.getPath());
        if (e instanceof InvalidTypeIdException typeError) {
            String typePath = path.isEmpty() ? "type" : path + ".type";
            Class<?> base = typeError.getBaseType().getRawClass();
            ComponentKind kind = ComponentKind.ofSpecType(base);
            Collection<String> known = kind != null ? registry.names(kind) : declaredSubtypes(base);
            String family = base.getSimpleName().replaceFirst("Spec$", "").toLowerCase(Locale.ROOT);
            String label = kind != null ? kind.label() : family.isEmpty() ? "component" : family;
            if (typeError.getTypeId() == null) {
                String article = "aeiou".indexOf(label.charAt(0)) >= 0 ? "an " : "a ";
                return new ConfigException(typePath, "missing; choose " + article + label + " type from " + known);
            }
            return new ConfigException(typePath, "unknown " + label + " type '" + typeError.getTypeId() + "'; known "
                    + label + " types: " + known);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            Set<String> known = new TreeSet<>();
            if (unknown.getKnownPropertyIds() != null) {
                unknown.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            }
            known.remove("type");
            return new ConfigException(path, "unknown key; known keys here: " + known);
        }
        if (e instanceof ValueInstantiationException instantiation && e.getCause() instanceof InvalidValueException invalid) {
            // An enum's creator fails on the property itself, which the path already ends with.
            boolean pathNamesField = instantiation.getType() != null && instantiation.getType().isEnumType();
            String field = pathNamesField ? path : path.isEmpty() ? invalid.field() : path + "." + invalid.field();
            return new ConfigException(field, invalid.problem());
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException invalid) {
            return new ConfigException(path, invalid.getMessage());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new ConfigException(path, JsonErrors.typeMismatch(mismatch, tree));
        }
        return new ConfigException(path, e.getOriginalMessage());
    }
}
