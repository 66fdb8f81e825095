package dev.gan4j.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Jackson's errors in the words gan4j prints: a syntax error with its line and column, a mapping error
 * with the JSON path of the field, never Jackson's {@code [Source: ...]} location suffix.
 */
public final class JsonErrors {
    private static final Pattern SOURCE_WITH_LINE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+)[^\\]]*\\]");
    private static final Pattern SOURCE = Pattern.compile("\\s*(?:at )?\\[Source: [^\\]]*\\]");

    private JsonErrors() {
    }

    /**
     * {@code path.to.field: <problem>} for a mapping error (a wrong type, a missing value), otherwise
     * {@link #notValidJson}; either with the line and column when Jackson knows them.
     */
    public static String describe(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping) {
            String path = path(mapping.getPath());
            return (path.isEmpty() ? "" : path + ": ") + problem(e) + at(e.getLocation());
        }
        return notValidJson(e);
    }

    /** {@code not valid JSON: <problem> at line L, column C}: what a failure to read a document as a JSON tree means. */
    public static String notValidJson(JsonProcessingException e) {
        return "not valid JSON: " + problem(e) + at(e.getLocation());
    }

    /**
     * {@code expected <kind>, found <value>} for a value of the wrong JSON type, {@code tree} being the document
     * the error's path starts from.
     */
    public static String typeMismatch(MismatchedInputException e, JsonNode tree) {
        JsonNode found = nodeAt(tree, e.getPath());
        return "expected " + kindOf(e.getTargetType()) + (found == null ? "" : ", found " + describe(found));
    }

    /** What a config value of this Java type is, in JSON's words. */
    private static String kindOf(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static String describe(JsonNode node) {
        String text = node.toString();
        String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
        String kind = node.isTextual() ? "the string" : node.isArray() ? "the list" : node.isObject() ? "the object"
                : node.isBoolean() ? "" : "the number";
        return kind.isEmpty() ? shown : kind + " " + shown;
    }

    /** The node the error's path leads to, or {@code null} when the path leaves the tree. */
    private static JsonNode nodeAt(JsonNode tree, List<JsonMappingException.Reference> references) {
        JsonNode node = tree;
        for (JsonMappingException.Reference ref : references) {
            if (node == null) {
                return null;
            }
            node = ref.getFieldName() != null ? node.get(ref.getFieldName()) : ref.getIndex() >= 0 ? node.get(ref.getIndex()) : null;
        }
        return node == null || node.isMissingNode() ? null : node;
    }

    /** The dot-separated JSON path of a mapping error, {@code items[2].name}; empty for the whole document. */
    public static String path(List<JsonMappingException.Reference> references) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                parts.add(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                parts.add("[" + ref.getIndex() + "]");
            }
        }
        return String.join(".", parts).replace(".[", "[");
    }

    /** Jackson's own message, where a location inside it ("starting at [Source: ...; line: 1]") is just the line. */
    private static String problem(JsonProcessingException e) {
        String withLines = SOURCE_WITH_LINE.matcher(e.getOriginalMessage()).replaceAll("line $1");
        return SOURCE.matcher(withLines).replaceAll("");
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
