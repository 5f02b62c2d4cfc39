package io.github.criteojdbc.corpus;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;

/** The corpus file {@code corpus/queries.json}, with its placeholders resolved for one run. */
public final class Corpus {
  private static final String RESOURCE = "/corpus/queries.json";

  private Corpus() {
  }

  public static List<CorpusCase> load(CorpusDates dates) {
    try (InputStream in = Corpus.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      List<CorpusCase> cases = new ObjectMapper().readValue(in, new TypeReference<List<CorpusCase>>() { });
      requireUniqueIds(cases);
      return cases.stream().map(c -> c.resolved(dates)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void requireUniqueIds(List<CorpusCase> cases) {
    var seen = new HashSet<String>();
    for (CorpusCase c : cases) {
      if (!seen.add(c.id())) {
        throw new IllegalStateException("corpus id used twice: " + c.id());
      }
    }
  }
}
