package dev.gan4j.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {
    /** Above Linux's largest process id, so no process runs under it. */
    private static final long GONE = 999_999_999L;

    @Test
    void deleteAbandonedRemovesOnlyTemporariesOfProcessesNoLongerRunning(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("config.json"), "{}");
        Path hidden = Files.writeString(dir.resolve(".hidden"), "");
        Path abandonedFile = Files.writeString(dir.resolve(".config.json.tmp-" + GONE + "-3fa9"), "{\"na");
        Path abandonedDir = Files.createDirectory(dir.resolve(".step-3.tmp-" + GONE + "-1b"));
        Files.writeString(abandonedDir.resolve("generator.bin"), "half");
        Path beingWritten = AtomicFiles.temporarySibling(dir.resolve("report.html"));
        Files.writeString(beingWritten, "<html>");
        // A killed JVM that had this process's id, as JVMs in containers often do: its suffix is not this JVM's.
        Path samePid = Files.writeString(dir.resolve(".metrics.jsonl.tmp-" + ProcessHandle.current().pid() + "-0123abcd"), "{");

        assertEquals(List.of(abandonedFile, abandonedDir, samePid).stream().sorted().toList(), AtomicFiles.deleteAbandoned(dir));
        assertFalse(Files.exists(abandonedFile) || Files.exists(abandonedDir) || Files.exists(samePid));
        assertTrue(Files.exists(config) && Files.exists(hidden) && Files.exists(beingWritten), "this process is still running");
        assertEquals(List.of(), AtomicFiles.deleteAbandoned(dir.resolve("none")));
    }

    @Test
    void syncDirectoryFlushesADirectoryAndRefusesAMissingOne(@TempDir Path dir) throws Exception {
        AtomicFiles.syncDirectory(dir);
        assertThrows(java.io.IOException.class, () -> AtomicFiles.syncDirectory(dir.resolve("none")));
    }

    @Test
    void writeStringReplacesTheTargetAndLeavesNoTemporary(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("config.json");
        AtomicFiles.writeString(target, "{\"a\": 1}");
        AtomicFiles.writeString(target, "{\"a\": 2}");
        assertEquals("{\"a\": 2}", Files.readString(target));
        try (var entries = Files.list(dir)) {
            assertEquals(List.of(target), entries.toList());
        }
    }
}
