package io.github.criteojdbc.sandbox.http;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a streamed response body. */
@FunctionalInterface
public interface BodyWriter {
  void writeTo(OutputStream out) throws IOException;
}
