package io.github.criteojdbc.reliability;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the reliability tests: each test gets its own sandbox. The sandbox answers a repeated create with the
 * report it already has and the driver caches tokens per sandbox, so a shared one would let a test meet a report
 * or token of the test before it instead of its own faults.
 */
@ExtendWith(ReliabilityFigures.class)
abstract class FreshSandboxTest {
  protected SandboxTarget target;

  /** The client id of this test class's application; rate limits and tokens are per application. */
  protected abstract String application();

  @BeforeEach
  void startSandbox() {
    target = SandboxTarget.start(application());
  }

  @AfterEach
  void stopSandbox() {
    target.close();
  }
}
