package io.github.criteojdbc.driver.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Java program with nothing but the jar on its class path connects to the sandbox and reads rows. */
class StandaloneJarIT {
  @Test
  void aProgramWithOnlyTheJarReadsSandboxRows(@TempDir Path programDir) throws Exception {
    Path programClass = Path.of(JarOnlyProgram.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve(JarOnlyProgram.class.getName().replace('.', '/') + ".class");
    Path copied = programDir.resolve(JarOnlyProgram.class.getName().replace('.', '/') + ".class");
    Files.createDirectories(copied.getParent());
    Files.copy(programClass, copied);

    Run run = Run.of(List.of(ShadedJar.javaCommand(), "-Dfile.encoding=UTF-8", "-cp",
        ShadedJar.PATH + File.pathSeparator + programDir, JarOnlyProgram.class.getName()));

    assertThat(run.exitCode).as(run.stderr).isZero();
    assertThat(run.stdout.lines().filter(line -> line.startsWith("campaign "))).isNotEmpty();
    assertThat(run.stdout).contains("literal Кампания");
    assertThat(run.stderr).doesNotContain("SLF4J");
  }

  /** A finished child JVM. */
  static final class Run {
    final int exitCode;
    final String stdout;
    final String stderr;

    private Run(int exitCode, String stdout, String stderr) {
      this.exitCode = exitCode;
      this.stdout = stdout;
      this.stderr = stderr;
    }

    static Run of(List<String> command) throws IOException, InterruptedException {
      return of(command, Map.of());
    }

    /** {@code environment} is added to this JVM's. */
    static Run of(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
      Path out = Files.createTempFile("criteo-jdbc-out", ".txt");
      Path err = Files.createTempFile("criteo-jdbc-err", ".txt");
      try {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError("still running after 90 s: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    }
  }
}
