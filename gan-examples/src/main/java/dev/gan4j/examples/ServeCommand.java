package dev.gan4j.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gan4j.core.api.ConditionSchema;
import dev.gan4j.core.api.Conditions;
import dev.gan4j.core.api.Encoder;
import dev.gan4j.core.api.Generator;
import dev.gan4j.core.api.NormalSampler;
import dev.gan4j.core.io.ImageGrid;
import dev.gan4j.core.plugin.Plugins;
import dev.gan4j.core.train.Sampling;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * The MakeGirlsMoe experience on one's own machine: a local web page with a picker per tag group, a box per free tag,
 * a "random" button and a seed, showing what the run's generator draws for the wish (a text box for text-conditioned
 * runs). The JDK's own HTTP server, on the loopback interface unless told otherwise; one request generates at a time.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a local web page that generates from a run's checkpoint as you pick tags (or type a text).")
final class ServeCommand implements Callable<Integer> {
    static final int PER_WISH = 4;

    @Parameters(index = "0", paramLabel = "RUN_DIR_OR_CHECKPOINT")
    Path source;

    @Option(names = "--port", defaultValue = "8080", description = "port (default: ${DEFAULT-VALUE}; 0 for any free one)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE}, this "
            + "machine only; 0.0.0.0 opens the page to the network)")
    String host;

    @Option(names = "--raw-weights", description = "generate with the generator's own weights even when the run keeps a moving average")
    boolean rawWeights;

    @Mixin
    NativeThreads nativeThreads = new NativeThreads();

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be in [0, 65535], found " + port);
        }
        nativeThreads.apply();
        HttpServer server = start();
        System.out.println("serving " + source + " at http://" + host + ":" + server.getAddress().getPort() + "/ (Ctrl-C stops)");
        new CountDownLatch(1).await();
        return 0;
    }

    /** Loads the checkpoint and starts the server; the caller stops it. */
    HttpServer start() throws IOException {
        CheckpointModels.Restored restored = CheckpointModels.load(Plugins.registry(), source, null);
        if (!restored.checkpoint().dataShape().isImage()) {
            throw new UsageException("gan serve shows pictures; this model generates shape " + restored.checkpoint().dataShape());
        }
        Generator generator = rawWeights ? restored.model().generator() : restored.model().samplingGenerator();
        Encoder encoder = restored.model().encoder();
        String page = page(restored.experiment().name(), generator, encoder.schema());
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gan-serve");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            if (!exchange.getRequestURI().getPath().equals("/")) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(exchange, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/generate", exchange -> {
            try {
                send(exchange, 200, "image/png", generate(generator, encoder, query(exchange)));
            } catch (IllegalArgumentException e) {
                send(exchange, 400, "text/plain; charset=utf-8", e.getMessage().getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        return server;
    }

    /** {@link #PER_WISH} pictures in a row for the query's wish ({@code tags} or {@code text}) from z drawn with {@code seed}. */
    static byte[] generate(Generator generator, Encoder encoder, Map<String, String> query) throws IOException {
        long seed;
        try {
            seed = Long.parseLong(query.getOrDefault("seed", "0"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seed must be a whole number, found '" + query.get("seed") + "'");
        }
        Conditions conditions = null;
        if (generator.conditionDim() > 0) {
            String wish = encoder.schema().texts() ? query.get("text") : query.get("tags");
            if (wish == null || wish.isBlank()) {
                throw new IllegalArgumentException(encoder.schema().texts() ? "type a description" : "pick some tags");
            }
            conditions = encoder.parse(java.util.Collections.nCopies(PER_WISH, wish));
        }
        INDArray z = new NormalSampler(seed).next(DataType.FLOAT, PER_WISH, generator.latentDim());
        INDArray pictures = Sampling.generate(generator, encoder, z, conditions);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(ImageGrid.render(pictures, PER_WISH), "png", png);
        return png.toByteArray();
    }

    /** The page, with what the model can be asked for (tag groups, free tags, or a text) written into it. */
    static String page(String name, Generator generator, ConditionSchema schema) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode model = mapper.createObjectNode();
        model.put("name", name);
        model.put("conditional", generator.conditionDim() > 0);
        model.put("texts", schema.texts());
        model.set("groups", mapper.valueToTree(schema.tagGroups()));
        List<String> free = new ArrayList<>(schema.tags());
        schema.tagGroups().values().forEach(free::removeAll);
        model.set("free", mapper.valueToTree(free));
        model.set("wishes", mapper.valueToTree(schema.wishes()));
        try (InputStream in = ServeCommand.class.getResourceAsStream("serve.html")) {
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return html.replace("/*MODEL*/null", mapper.writeValueAsString(model).replace("</", "<\\/"))
                    .replace("<!--TITLE-->", escape(name));
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> values = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
