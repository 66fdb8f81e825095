package dev.gan4j.datasets.folder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a two-column CSV file ({@code file,<value>}, with that header), read by a real CSV parser (RFC 4180:
 * quoted fields may hold commas, quotes and line breaks), each with the line it starts on for error messages.
 */
final class CsvRows {
    private static final CsvMapper MAPPER = new CsvMapper();

    /** One row: the line it starts on, the picture it names (relative, {@code /} separators) and its value. */
    record Row(long line, String file, String value) {
    }

    private CsvRows() {
    }

    static List<Row> read(Path csv, String valueColumn) throws IOException {
        String name = csv.getFileName().toString();
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<String[]> iterator = MAPPER.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(csv.toFile())) {
            boolean header = true;
            while (iterator.hasNextValue()) {
                long line = iterator.getCurrentLocation().getLineNr();
                String[] fields = iterator.nextValue();
                if (fields.length == 1 && fields[0].isBlank()) {
                    continue;
                }
                if (header) {
                    if (fields.length != 2 || !"file".equals(fields[0].strip().replace("\uFEFF", ""))
                            || !valueColumn.equals(fields[1].strip())) {
                        throw new IOException(csv + " line " + line + ": the header must be file," + valueColumn + ", found "
                                + String.join(",", fields));
                    }
                    header = false;
                    continue;
                }
                if (fields.length != 2) {
                    throw new IOException(csv + " line " + line + ": expected 2 fields (file," + valueColumn + "), found "
                            + fields.length + (fields.length > 2 ? "; quote a " + valueColumn + " that holds commas" : ""));
                }
                String file = normalise(fields[0]);
                if (file.isEmpty()) {
                    throw new IOException(csv + " line " + line + ": the file field is empty");
                }
                rows.add(new Row(line, file, fields[1]));
            }
            if (header) {
                throw new IOException(csv + " is empty: it needs the header file," + valueColumn + " and one row per picture");
            }
        } catch (CharConversionException e) {
            throw new IOException(csv + " is not UTF-8 text: save it as UTF-8 (" + e.getMessage() + ")", e);
        } catch (JsonProcessingException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("UTF-8")) {
                throw new IOException(csv + " is not UTF-8 text: save it as UTF-8 (" + e.getOriginalMessage() + ")", e);
            }
            String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
            throw new IOException(csv + where + ": not valid CSV: " + e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** A path as the folder scan writes it: {@code /} separators, no leading {@code ./}. */
    static String normalise(String file) {
        String path = file.strip().replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        return path;
    }
}
