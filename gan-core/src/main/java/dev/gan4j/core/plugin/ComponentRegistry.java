package dev.gan4j.core.plugin;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every registered component, by kind and name, and the strict JSON mapper that knows their type
 * names. Built once by the launcher's injector.
 */
public final class ComponentRegistry {
    private final List<ComponentRegistration> registrations;
    private final ObjectMapper mapper;

    @Inject
    public ComponentRegistry(Set<ComponentRegistration> registrations) {
        Map<String, ComponentRegistration> byKey = new HashMap<>();
        for (ComponentRegistration r : registrations) {
            ComponentRegistration previous = byKey.put(r.kind() + "/" + r.name(), r);
            if (previous != null && !previous.specClass().equals(r.specClass())) {
                throw new IllegalStateException("two " + r.kind().label() + " components are named '" + r.name() + "': "
                        + previous.specClass().getName() + " (plugin " + previous.plugin() + ") and "
                        + r.specClass().getName() + " (plugin " + r.plugin() + ")");
            }
        }
        List<ComponentRegistration> sorted = new ArrayList<>(byKey.values());
        sorted.sort(Comparator.comparing(ComponentRegistration::kind).thenComparing(ComponentRegistration::name));
        this.registrations = List.copyOf(sorted);
        this.mapper = strictMapper();
        for (ComponentRegistration r : this.registrations) {
            mapper.registerSubtypes(new NamedType(r.specClass(), r.name()));
        }
    }

    /** A mapper that rejects unknown keys, duplicate keys, nulls for primitives and lossy coercions. */
    public static ObjectMapper strictMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public List<ComponentRegistration> registrations() {
        return registrations;
    }

    public List<ComponentRegistration> registrations(ComponentKind kind) {
        return registrations.stream().filter(r -> r.kind() == kind).toList();
    }

    /** Registered names of one kind, sorted. */
    public Set<String> names(ComponentKind kind) {
        Set<String> names = new TreeSet<>();
        registrations(kind).forEach(r -> names.add(r.name()));
        return names;
    }
}
