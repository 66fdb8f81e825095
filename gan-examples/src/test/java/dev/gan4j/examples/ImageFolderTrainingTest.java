package dev.gan4j.examples;

import dev.gan4j.core.config.ConfigException;
import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.config.Experiment;
import dev.gan4j.core.plugin.ExperimentReader;
import dev.gan4j.core.train.TrainingSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training, resuming, describing and judging on a small folder of pictures with tags and captions. */
class ImageFolderTrainingTest {
    private static final String[] COLOURS = {"red", "blue"};
    private static final String[] FRENCH = {"rouge", "bleu"};
    private final ExperimentReader reader = new ExperimentReader(TestExperiments.registry());

    @TempDir
    Path dir;

    private Path folder;

    @BeforeEach
    void folder() throws Exception {
        folder = Files.createDirectories(dir.resolve("shapes"));
        Random random = new Random(3);
        StringBuilder tags = new StringBuilder("file,tags\n");
        StringBuilder captions = new StringBuilder("file,caption\n");
        for (int i = 0; i < 64; i++) {
            int colour = i % 2;
            boolean big = random.nextBoolean();
            BufferedImage image = new BufferedImage(20, 16, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 20, 16);
            g.setColor(colour == 0 ? Color.RED : Color.BLUE);
            int side = big ? 12 : 6;
            g.fillRect(random.nextInt(20 - side), random.nextInt(16 - side), side, side);
            g.dispose();
            String file = String.format("img/%02d.png", i);
            Files.createDirectories(folder.resolve("img"));
            ImageIO.write(image, "png", folder.resolve(file).toFile());
            tags.append(file).append(",\"").append(COLOURS[colour]).append(',').append(big ? "big" : "small").append("\"\n");
            captions.append(file).append(",\"a ").append(big ? "big " : "small ").append(COLOURS[colour]).append(" square\"\n");
            captions.append(file).append(",\"un ").append(big ? "grand " : "petit ").append("carré ").append(FRENCH[colour]).append("\"\n");
        }
        Files.writeString(folder.resolve("tags.csv"), tags);
        Files.writeString(folder.resolve("captions.csv"), captions);
    }

    private String experiment(String name, int iterations, String conditions, String encoder) {
        return """
                {
                  "name": "%s",
                  "seed": 5,
                  "data": {"type": "image-folder", "directory": "%s", "resolution": 16, "split": "train", "testFraction": 0.25,
                           "conditions": "%s", "mirror": true, "batchSize": 16},
                  "encoder": %s,
                  "generator": {"type": "dcgan", "latentDim": 8, "channels": [16, 8]},
                  "discriminator": {"type": "dcgan", "channels": [8, 16]},
                  "strategy": {"type": "non-saturating"},
                  "training": {"iterations": %d, "checkpointEvery": 2, "sampleEvery": 2, "logEvery": 2, "sampleGrid": 16}
                }
                """.formatted(name, folder.toAbsolutePath(), conditions, encoder, iterations);
    }

    private TrainingSession session() {
        return new TrainingSession(TestExperiments.registry(), DataContext.system(), new PrintStream(OutputStream.nullOutputStream()),
                false);
    }

    @Test
    void aResumedCaptionedRunMatchesAnUninterruptedOneAndChangedPicturesAreRefused() throws Exception {
        String encoder = "{\"type\": \"text-hash\", \"dim\": 8, \"buckets\": 64}";
        Experiment full = reader.read(experiment("captions", 6, "captions", encoder), List.of());
        session().train(full, dir.resolve("a"), false);
        session().train(reader.read(experiment("captions", 4, "captions", encoder), List.of()), dir.resolve("b"), false);
        session().train(full, dir.resolve("b"), true);
        for (String file : List.of("generator.bin", "discriminator.bin", "encoder.bin")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a/checkpoints/step-6").resolve(file)),
                    Files.readAllBytes(dir.resolve("b/checkpoints/step-6").resolve(file)), file);
        }
        String state = Files.readString(dir.resolve("b/checkpoints/step-6/state.json"));
        assertTrue(state.contains("\"dataFingerprint\""), state);

        BufferedImage changed = ImageIO.read(folder.resolve("img/00.png").toFile());
        changed.setRGB(10, 8, 0x00FF00);
        ImageIO.write(changed, "png", folder.resolve("img/00.png").toFile());
        Files.setLastModifiedTime(folder.resolve("img/00.png"), java.nio.file.attribute.FileTime.fromMillis(1_000));
        Experiment longer = reader.read(experiment("captions", 8, "captions", encoder), List.of());
        ConfigException refused = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> session().train(longer, dir.resolve("b"), true));
        assertEquals("data", refused.path());
        assertTrue(refused.getMessage().contains("changed since checkpoint"), refused.getMessage());
    }

    @Test
    void dataInfoJudgeAndEvaluateWorkOnATaggedFolder() throws Exception {
        TestExperiments.Result info = TestExperiments.run("data", "info", folder.toString(), "--set", "data.resolution=16",
                "--grid", dir.resolve("preview.png").toString());
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("64 read"), info.out());
        assertTrue(info.out().contains("tags:        4 from tags.csv"), info.out());
        assertTrue(info.out().contains("captions:    128 from captions.csv"), info.out());
        assertTrue(info.out().contains("carré"), info.out());
        assertTrue(Files.isRegularFile(dir.resolve("preview.png")));

        Path config = TestExperiments.write(dir, "tags.json", experiment("tags", 2, "tags", "{\"type\": \"multi-hot\"}"));
        TestExperiments.Result prepare = TestExperiments.run("data", "prepare", config.toString());
        assertEquals(0, prepare.exitCode(), prepare.err());
        assertTrue(prepare.out().contains("archive=" + folder.toAbsolutePath().resolve(".gan-cache")), prepare.out());

        Path judge = dir.resolve("shapes-tags.judge");
        String data = "{\"type\": \"image-folder\", \"directory\": \"" + folder.toAbsolutePath() + "\", \"resolution\": 16,"
                + " \"split\": \"train\", \"testFraction\": 0.25, \"conditions\": \"tags\"}";
        TestExperiments.Result trained = TestExperiments.run("judge", "train", "--data", data, "--tags", "--epochs", "2",
                "--batch", "16", "--out", judge.toString());
        assertEquals(0, trained.exitCode(), trained.err());
        assertTrue(trained.out().contains("test_accuracy="), trained.out());

        Path run = dir.resolve("run");
        assertEquals(0, TestExperiments.run("train", config.toString(), "--run-dir", run.toString()).exitCode());
        TestExperiments.Result evaluated = TestExperiments.run("evaluate", run.toString(), "--judge", judge.toString(), "--n", "64",
                "--metrics", "fid,kid,conditional");
        assertEquals(0, evaluated.exitCode(), evaluated.err());
        assertTrue(evaluated.out().contains("fid") && evaluated.out().contains("conditional"), evaluated.out());
    }

    @Test
    void aConfigWhoseDataIsNotAFolderHasNothingToPrepare() {
        TestExperiments.Result result = TestExperiments.run("data", "prepare", "toy-ring");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("only \"image-folder\" data is prepared"), result.err());
    }

    /**
     * The anime pair (SRResNet G, residual ACGAN D with DRAGAN, tags learned from real pictures) on tags with groups, then
     * wishes: two tags of a group refused, random valid tag sets written out and read back one sample per line.
     */
    /** The anime pair at toy widths on the folder's tags, grouped by colour and size, trained for two steps. */
    private Path groupsRun() throws Exception {
        String json = """
                {
                  "name": "groups",
                  "seed": 5,
                  "data": {"type": "image-folder", "directory": "%s", "resolution": 32, "conditions": "tags", "batchSize": 8,
                           "split": "train", "testFraction": 0.25, "tagGroups": {"colour": ["red", "blue"], "size": ["big", "small"]}},
                  "encoder": {"type": "multi-hot"},
                  "generator": {"type": "srresnet", "latentDim": 8, "width": 4, "blocks": 1},
                  "discriminator": {"type": "resnet-acgan", "width": 4, "blocksPerLevel": 1},
                  "strategy": {"type": "non-saturating", "penalty": {"type": "dragan", "weight": 0.5},
                               "auxiliary": {"weight": 0.25, "learnFromGenerated": false}},
                  "training": {"iterations": 2, "checkpointEvery": 2, "sampleEvery": 2, "logEvery": 1}
                }
                """.formatted(folder.toAbsolutePath());
        Path run = dir.resolve("groups");
        TestExperiments.Result trained = TestExperiments.run("train", TestExperiments.write(dir, "groups.json", json).toString(),
                "--run-dir", run.toString());
        assertEquals(0, trained.exitCode(), trained.err());
        return run;
    }

    @Test
    void tagGroupsShapeWishesFromTrainingToSampling() throws Exception {
        Path run = groupsRun();
        assertTrue(Files.readString(run.resolve("metrics.jsonl")).contains("d_penalty"), "DRAGAN at every D step");
        List<String> rows = Files.readAllLines(run.resolve("samples/rows.txt"));
        assertTrue(!rows.isEmpty() && rows.stream().allMatch(r -> r.contains("red") != r.contains("blue")), rows.toString());
        assertEquals(0, TestExperiments.run("report", run.toString()).exitCode());
        assertTrue(Files.readString(run.resolve("report.html")).contains("<li>" + rows.get(0) + "</li>"), "the grid's rows are named");

        Path samples = dir.resolve("s.npy");
        TestExperiments.Result both = TestExperiments.run("sample", run.toString(), "--n", "2", "--out", samples.toString(),
                "--tags", "red,blue");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("'red' and 'blue' exclude each other"), both.err());

        Path wishes = dir.resolve("wishes.txt");
        TestExperiments.Result random = TestExperiments.run("sample", run.toString(), "--n", "12", "--out", samples.toString(),
                "--random-tags", "--tags-out", wishes.toString());
        assertEquals(0, random.exitCode(), random.err());
        List<String> lines = Files.readAllLines(wishes);
        assertEquals(12, lines.size());
        for (String line : lines) {
            List<String> set = List.of(line.split(","));
            assertEquals(1, set.stream().filter(t -> t.equals("red") || t.equals("blue")).count(), line);
            assertEquals(1, set.stream().filter(t -> t.equals("big") || t.equals("small")).count(), line);
        }

        TestExperiments.Result fromFile = TestExperiments.run("sample", run.toString(), "--out", samples.toString(),
                "--tags-file", wishes.toString());
        assertEquals(0, fromFile.exitCode(), fromFile.err());
        assertArrayEquals(new long[] {12, 3, 32, 32}, dev.gan4j.core.io.NpyReader.read(samples).shape(), "one sample per line");
        Files.writeString(wishes, "red,big\nblue,small,red\n");
        TestExperiments.Result bad = TestExperiments.run("sample", run.toString(), "--out", samples.toString(),
                "--tags-file", wishes.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("wishes.txt line 2") && bad.err().contains("exclude each other"), bad.err());

        TestExperiments.Result disagree = TestExperiments.run("sample", run.toString(), "--n", "3", "--out", samples.toString(),
                "--tags-file", wishes.toString());
        assertEquals(2, disagree.exitCode());
        assertTrue(disagree.err().contains("--n 3 and --tags-file " + wishes + " (2 lines) disagree"), disagree.err());
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        TestExperiments.Result none = TestExperiments.run("sample", run.toString(), "--out", samples.toString(), "--tags-file", empty.toString());
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("--tags-file " + empty + " is empty"), none.err());
        TestExperiments.Result missing = TestExperiments.run("sample", run.toString(), "--out", samples.toString(), "--tags-file",
                dir.resolve("absent.txt").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("absent.txt does not exist"), missing.err());

        Path view = dir.resolve("view.png");
        TestExperiments.Result noGrid = TestExperiments.run("sample", run.toString(), "--interpolate", "latent", "--out", samples.toString());
        assertEquals(2, noGrid.exitCode());
        assertTrue(noGrid.err().contains("--interpolate draws a grid: give --grid FILE.png"), noGrid.err());
        TestExperiments.Result colours = TestExperiments.run("sample", run.toString(), "--interpolate", "colour", "--tags", "red,big",
                "--out", samples.toString(), "--grid", view.toString());
        assertEquals(0, colours.exitCode(), colours.err());
        assertArrayEquals(new long[] {6 * 2, 3, 32, 32}, dev.gan4j.core.io.NpyReader.read(samples).shape(), "6 rows of z, a column per colour");
        assertTrue(Files.isRegularFile(view));
        TestExperiments.Result walk = TestExperiments.run("sample", run.toString(), "--interpolate", "latent", "--out", samples.toString(),
                "--grid", view.toString());
        assertEquals(0, walk.exitCode(), walk.err());
        assertArrayEquals(new long[] {6 * 8, 3, 32, 32}, dev.gan4j.core.io.NpyReader.read(samples).shape(), "6 walks of 8 steps");
        TestExperiments.Result unknown = TestExperiments.run("sample", run.toString(), "--interpolate", "hat", "--out", samples.toString(),
                "--grid", view.toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("a tag group (colour, size) or a tag; found 'hat'"), unknown.err());

        Path judge = dir.resolve("groups.judge");
        String data = "{\"type\": \"image-folder\", \"directory\": \"" + folder.toAbsolutePath() + "\", \"resolution\": 32,"
                + " \"split\": \"train\", \"testFraction\": 0.25, \"conditions\": \"tags\"}";
        TestExperiments.Result judged = TestExperiments.run("judge", "train", "--data", data, "--tags", "--epochs", "1", "--batch", "16",
                "--out", judge.toString());
        assertEquals(0, judged.exitCode(), judged.err());
        TestExperiments.Result evaluated = TestExperiments.run("evaluate", run.toString(), "--judge", judge.toString(), "--n", "32",
                "--metrics", "conditional");
        assertEquals(0, evaluated.exitCode(), evaluated.err());
        assertTrue(evaluated.out().contains("tag_accuracy_colour") && evaluated.out().contains("tag_accuracy_size")
                && evaluated.out().contains("tag_accuracy_all"), "per group, on random valid tag sets: " + evaluated.out());
    }

    /** gan serve: the page offers each group's tags, generation refuses two of a group, and choosing a tag changes the picture. */
    @Test
    void theServedPageDrawsWhatIsChosen() throws Exception {
        ServeCommand serve = new ServeCommand();
        serve.source = groupsRun();
        serve.port = 0;
        serve.host = "127.0.0.1";
        com.sun.net.httpserver.HttpServer server = serve.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpResponse<String> page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("\"groups\":{\"colour\":[\"red\",\"blue\"],\"size\":[\"big\",\"small\"]}"), page.body());
            java.net.http.HttpResponse<String> both = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(base + "/generate?tags=red,blue&seed=1")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(400, both.statusCode());
            assertTrue(both.body().contains("'red' and 'blue' exclude each other"), both.body());

            Path chromium = Path.of("/usr/bin/chromium");
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(chromium), "Chromium is not installed (apt-get install chromium)");
            String[] red = shown(chromium, base + "/?choose=colour:red");
            String[] blue = shown(chromium, base + "/?choose=colour:blue");
            assertEquals("2", red[0], "a first picture, then one for the choice");
            assertTrue(red[1].contains("tags=red%2C") && blue[1].contains("tags=blue%2C"), red[1] + " / " + blue[1]);
            assertTrue(!red[2].isEmpty() && !red[2].equals(blue[2]), "another colour, another picture: " + red[2] + " / " + blue[2]);
        } finally {
            server.stop(0);
        }
    }

    /** The page's DOM after headless Chromium ran it: renders, the last query and the last picture's digest. */
    private String[] shown(Path chromium, String url) throws Exception {
        Path profile = Files.createDirectories(dir.resolve("profile-" + Math.abs(url.hashCode())));
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--virtual-time-budget=20000", "--dump-dom", url)
                .redirectError(dir.resolve("chromium.txt").toFile()).start();
        String dom = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "chromium finished");
        String[] found = new String[3];
        String[] attributes = {"data-renders", "data-shown-query", "data-digest"};
        for (int i = 0; i < 3; i++) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(attributes[i] + "=\"([^\"]*)\"").matcher(dom);
            assertTrue(m.find(), attributes[i] + " in the page; DOM:\n" + dom + "\nstderr:\n" + Files.readString(dir.resolve("chromium.txt")));
            found[i] = m.group(1).replace("&amp;", "&");
        }
        return found;
    }
}
