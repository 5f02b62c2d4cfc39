package io.github.criteojdbc.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;

/** Everything a user could see of an error: messages, causes, chained exceptions and stack traces. */
final class Secrets {
  private Secrets() {
  }

  static String everythingPrintedAbout(Throwable error) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    error.printStackTrace(out);
    if (error instanceof SQLException sql) {
      for (SQLException next = sql.getNextException(); next != null; next = next.getNextException()) {
        next.printStackTrace(out);
      }
    }
    out.append(String.valueOf(error));
    out.flush();
    return text.toString();
  }
}
