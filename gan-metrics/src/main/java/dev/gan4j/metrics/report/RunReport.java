package dev.gan4j.metrics.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gan4j.core.config.JsonErrors;
import dev.gan4j.core.io.AtomicFiles;
import dev.gan4j.core.train.RunDirectory;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * {@code report.html} of a run: one self-contained page (every image embedded) with the config, the
 * loss curves, the evaluation curves, the sample grids over time and the final numbers. Charts are
 * drawn by XChart from {@code metrics.jsonl}.
 */
public final class RunReport {
    private static final Pattern GRID = Pattern.compile("step-(\\d+)\\.png");
    private static final List<List<String>> TRAINING_CHARTS = List.of(List.of("d_loss", "g_loss"), List.of("d_real", "d_fake"),
            List.of("images_per_s"));
    private static final List<List<String>> EVALUATION_CHARTS = List.of(List.of("fid"), List.of("kid"),
            List.of("precision", "recall"), List.of("density", "coverage"), List.of("class_kl", "class_min_share"),
            List.of("conditional_accuracy", "conditional_exact_match"), List.of("modes_captured"), List.of("high_quality"));

    private final RunDirectory run;
    private final PrintStream notes;
    private final ObjectMapper mapper = new ObjectMapper();

    /** A report that tells on standard error which metric lines it skipped. */
    public RunReport(RunDirectory run) {
        this(run, System.err);
    }

    /** @param notes where to tell which metric lines were skipped */
    public RunReport(RunDirectory run, PrintStream notes) {
        this.run = requireNonNull(run, "run is null");
        this.notes = requireNonNull(notes, "notes is null");
    }

    public Path file() {
        return run.root().resolve("report.html");
    }

    /** Writes {@code report.html} atomically and returns its path. */
    public Path write() throws IOException {
        if (!Files.isRegularFile(run.config())) {
            throw new IOException("not a run directory (no config.json): " + run.root());
        }
        JsonNode config;
        try {
            config = mapper.readTree(run.config().toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(run.config() + " is " + JsonErrors.notValidJson(e), e);
        }
        List<JsonNode> training = new ArrayList<>();
        List<JsonNode> evaluations = new ArrayList<>();
        if (Files.isRegularFile(run.metrics())) {
            List<String> lines = Files.readAllLines(run.metrics(), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = mapper.readTree(lines.get(i));
                } catch (JsonProcessingException e) {
                    notes.println("note: skipped line " + (i + 1) + " of " + run.metrics() + ", not valid JSON (" + e.getOriginalMessage()
                            + "): a run killed while writing a line leaves it cut off");
                    continue;
                }
                (node.has("eval_samples") ? evaluations : training).add(node);
            }
        }
        // gan evaluate may measure an older checkpoint after training: curves and final numbers go by step.
        evaluations.sort(java.util.Comparator.comparingLong(node -> node.path("step").asLong()));
        StringBuilder html = new StringBuilder();
        String name = config.path("name").asText(run.root().getFileName().toString());
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(name))
                .append(" - gan4j report</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:1100px;color:#222}")
                .append("figure{display:inline-block;margin:0.5em;text-align:center}img{max-width:100%}")
                .append("pre{background:#f5f5f5;padding:1em;overflow:auto}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:0.3em 0.8em;text-align:right}")
                .append("</style></head><body>\n");
        html.append("<h1>").append(escape(name)).append("</h1>\n");
        if (config.hasNonNull("description")) {
            html.append("<p>").append(escape(config.get("description").asText())).append("</p>\n");
        }
        html.append(finalNumbers(training, evaluations));
        html.append("<h2>Training</h2>\n");
        charts(html, training, TRAINING_CHARTS);
        if (!evaluations.isEmpty()) {
            html.append("<h2>Evaluation</h2>\n");
            charts(html, evaluations, withTagAccuracy(evaluations));
        }
        html.append("<h2>Samples</h2>\n");
        grids(html);
        html.append("<h2>Config</h2>\n<pre>").append(escape(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(config)))
                .append("</pre>\n");
        html.append("<script>window.addEventListener('load',function(){var i=document.images,n=0;")
                .append("for(var k=0;k<i.length;k++){if(i[k].complete&&i[k].naturalWidth>0)n++;}")
                .append("document.body.setAttribute('data-figures',i.length);document.body.setAttribute('data-loaded',n);});</script>\n");
        html.append("</body></html>\n");
        AtomicFiles.writeString(file(), html);
        return file();
    }

    /** The evaluation charts, plus one of the accuracy of each tag group when the evaluations measured it. */
    private static List<List<String>> withTagAccuracy(List<JsonNode> evaluations) {
        Set<String> keys = new LinkedHashSet<>();
        evaluations.forEach(line -> line.fieldNames().forEachRemaining(key -> {
            if (key.startsWith("tag_accuracy_")) {
                keys.add(key);
            }
        }));
        if (keys.isEmpty()) {
            return EVALUATION_CHARTS;
        }
        List<List<String>> charts = new ArrayList<>(EVALUATION_CHARTS);
        charts.add(List.copyOf(keys));
        return charts;
    }

    private static String finalNumbers(List<JsonNode> training, List<JsonNode> evaluations) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!training.isEmpty()) {
            JsonNode last = training.get(training.size() - 1);
            values.put("step", last.path("step").asText());
            last.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("step") && !e.getKey().equals("time") && e.getValue().isNumber()) {
                    values.put(e.getKey(), String.format(Locale.ROOT, "%.4f", e.getValue().asDouble()));
                }
            });
        }
        if (!evaluations.isEmpty()) {
            JsonNode last = evaluations.get(evaluations.size() - 1);
            last.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber() && !e.getKey().equals("step")) {
                    values.put((e.getKey().startsWith("eval_") ? "" : "eval ") + e.getKey(),
                            e.getValue().isIntegralNumber() ? e.getValue().asText()
                                    : String.format(Locale.ROOT, "%.4f", e.getValue().asDouble()));
                }
            });
            values.put("evaluated at step", last.path("step").asText());
        }
        if (values.isEmpty()) {
            return "<p>No metrics recorded yet.</p>\n";
        }
        StringBuilder table = new StringBuilder("<h2>Final numbers</h2>\n<table>\n");
        values.forEach((k, v) -> table.append("<tr><th>").append(escape(k)).append("</th><td>").append(escape(v)).append("</td></tr>\n"));
        return table.append("</table>\n").toString();
    }

    private void charts(StringBuilder html, List<JsonNode> lines, List<List<String>> groups) throws IOException {
        for (List<String> group : groups) {
            XYChart chart = new XYChartBuilder().width(520).height(320).title(String.join(", ", group)).xAxisTitle("step").build();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
            chart.getStyler().setMarkerSize(3);
            chart.getStyler().setChartBackgroundColor(Color.WHITE);
            chart.getStyler().setXAxisDecimalPattern("#");
            chart.getStyler().setYAxisDecimalPattern("0.####");
            chart.getStyler().setXAxisTickMarkSpacingHint(90);
            boolean any = false;
            for (String key : group) {
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                for (JsonNode line : lines) {
                    if (line.has(key) && line.get(key).isNumber()) {
                        x.add(line.path("step").asDouble());
                        y.add(line.get(key).asDouble());
                    }
                }
                if (!x.isEmpty()) {
                    XYSeries series = chart.addSeries(key, x, y);
                    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                    any = true;
                }
            }
            if (any) {
                byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
                html.append("<figure><img alt=\"").append(escape(String.join(", ", group))).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(png)).append("\"></figure>\n");
            }
        }
    }

    private void grids(StringBuilder html) throws IOException {
        if (!Files.isDirectory(run.samples())) {
            html.append("<p>No sample grids.</p>\n");
            return;
        }
        List<Path> grids;
        try (Stream<Path> files = Files.list(run.samples())) {
            grids = files.filter(p -> GRID.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(RunReport::stepOf)).toList();
        }
        if (!grids.isEmpty() && Files.isRegularFile(run.sampleGridRows())) {
            html.append("<p>Rows, top to bottom, each generated for one wish:</p>\n<ol class=\"rows\">\n");
            for (String row : Files.readAllLines(run.sampleGridRows())) {
                html.append("<li>").append(escape(row)).append("</li>\n");
            }
            html.append("</ol>\n");
        }
        for (Path grid : grids) {
            html.append("<figure><img alt=\"samples at step ").append(stepOf(grid)).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(Files.readAllBytes(grid)))
                    .append("\"><figcaption>step ").append(stepOf(grid)).append("</figcaption></figure>\n");
        }
    }

    private static long stepOf(Path grid) {
        Matcher m = GRID.matcher(grid.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
