package dev.lambdabridge.bridge.process;

import dev.lambdabridge.runtime.errors.HandlerFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchPathTest {
    @TempDir
    Path dir;

    private Path file(String path, String mode) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/true\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    @Test
    void taskRootThenOptBinThenInheritedPathWithoutDuplicates() {
        SearchPath path = SearchPath.of(Path.of("/var/task"), "/usr/local/bin::/opt/bin:/usr/bin:/var/task");
        assertEquals(List.of("/var/task", "/opt/bin", "/usr/local/bin", "/usr/bin"), path.directories());
        assertEquals("/var/task:/opt/bin:/usr/local/bin:/usr/bin", path.asPathVariable());
        assertEquals(List.of("/var/task", "/opt/bin"), SearchPath.of(Path.of("/var/task"), null).directories());
    }

    @Test
    void nameIsFoundInTheFirstDirectoryThatHasItExecutable() throws IOException {
        Path task = dir.resolve("task");
        file("task/tool", "rw-r--r--"); // not executable: skipped
        Path bin = file("bin/tool", "rwxr-xr-x");
        file("later/tool", "rwxr-xr-x");
        SearchPath path = SearchPath.of(task, dir.resolve("bin") + ":" + dir.resolve("later"));
        assertEquals(bin, path.resolve("tool"));
    }

    @Test
    void taskRootComesFirst() throws IOException {
        Path task = dir.resolve("task");
        Path own = file("task/php", "rwxr-xr-x");
        file("bin/php", "rwxr-xr-x");
        assertEquals(own, SearchPath.of(task, dir.resolve("bin").toString()).resolve("php"));
    }

    @Test
    void relativePathIsRelativeToTheTaskRoot() throws IOException {
        Path task = dir.resolve("task");
        Path hello = file("task/bin/hello", "rwxr-xr-x");
        SearchPath path = SearchPath.of(task, "/usr/bin");
        assertEquals(hello, path.resolve("./bin/hello"));
        assertEquals(hello, path.resolve("bin/hello"));
        assertEquals(hello, path.resolve(hello.toString()));
    }

    @Test
    void missingProgramNamesItAndThePathSearched() {
        HandlerFault fault = assertThrows(HandlerFault.class,
                () -> SearchPath.of(dir, "/nowhere").resolve("no-such-interpreter"));
        assertEquals(ProcessErrorTypes.NOT_FOUND, fault.errorType());
        assertTrue(fault.getMessage().contains("\"no-such-interpreter\" was not found on PATH (" + dir
                + ":/opt/bin:/nowhere)"), fault.getMessage());
    }

    @Test
    void notExecutableSaysSo() throws IOException {
        Path task = dir.resolve("task");
        file("task/hello", "rw-r--r--");
        HandlerFault relative = assertThrows(HandlerFault.class, () -> SearchPath.of(task, null).resolve("./hello"));
        assertTrue(relative.getMessage().contains("is not executable"), relative.getMessage());
        HandlerFault byName = assertThrows(HandlerFault.class, () -> SearchPath.of(task, null).resolve("hello"));
        assertTrue(byName.getMessage().contains("found but not usable: " + task.resolve("hello")
                + " is not executable"), byName.getMessage());
        Files.createDirectories(task.resolve("adir"));
        HandlerFault directory = assertThrows(HandlerFault.class, () -> SearchPath.of(task, null).resolve("./adir"));
        assertTrue(directory.getMessage().contains("is a directory"), directory.getMessage());
    }
}
