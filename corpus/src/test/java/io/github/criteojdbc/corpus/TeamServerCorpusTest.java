package io.github.criteojdbc.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's check: three stock Avatica clients and three thin clients, six connections to one TLS team server in
 * front of the embedded sandbox, run the whole corpus at the same time, one thread each, and every answer is the
 * embedded driver's answer to the same question: the same column labels and JDBC types, the same canonical values,
 * the same rows as a multiset, and in the same order when the query orders them. A time-dependent case's answer may
 * be the embedded one read just before or just after it. One dynamic test per question and client kind.
 */
class TeamServerCorpusTest {
  private static final int CLIENTS_PER_KIND = 3;
  /**
   * The prepared forms the stock Avatica client cannot send, since it binds a {@code java.time} value: Avatica's
   * remote client has no {@code LocalDate} or {@code LocalDateTime} type to put on the wire. Each must fail with an
   * error naming the class, and the same values bound as {@code java.sql.Date} and {@code Timestamp}, as a DBeaver
   * user would bind them, must give the embedded driver's answer.
   */
  private static final Set<String> STOCK_CANNOT_BIND_JAVA_TIME = Set.of("metabase-native-date-parameters",
      "audience-prepared-dates", "hand-hour-range", "mpo-campaign-seller-hour-window");
  private static final int EMBEDDED_READERS = 3;
  private static final long TIMEOUT_SECONDS = 120;
  private static final Object EMBEDDED = new Object();

  private enum ClientKind {
    STOCK_AVATICA("stock Avatica"), THIN("thin");

    private final String label;

    ClientKind(String label) {
      this.label = label;
    }
  }

  /** A case's literal SQL, or its prepared form with its values bound. */
  private record Question(CorpusCase c, Optional<PreparedForm> form) {
    static Question literal(CorpusCase c) {
      return new Question(c, Optional.empty());
    }

    static Question prepared(CorpusCase c, PreparedForm form) {
      return new Question(c, Optional.of(form));
    }

    Outcome askOn(Connection connection) {
      try {
        if (form.isEmpty()) {
          try (Statement statement = connection.createStatement();
              ResultSet rs = statement.executeQuery(c.sql())) {
            return Outcome.answer(rs);
          }
        }
        try (PreparedStatement statement = connection.prepareStatement(form.get().sql())) {
          form.get().bindTo(statement);
          try (ResultSet rs = statement.executeQuery()) {
            return Outcome.answer(rs);
          }
        }
      } catch (SQLException | RuntimeException e) {
        return new Outcome(null, null, e);
      }
    }

    @Override
    public String toString() {
      return c.id() + form.map(f -> " prepared with " + f.parameters().stream()
          .map(p -> p.type().name()).collect(Collectors.joining(", ", "(", ")"))).orElse("");
    }
  }

  /** A result's JDBC column types and its rows, or why there are none. */
  private record Outcome(List<String> columnTypes, Rows rows, Exception failure) {
    static Outcome answer(ResultSet rs) throws SQLException {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> types = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        types.add(JDBCType.valueOf(meta.getColumnType(i)).getName());
      }
      return new Outcome(types, Rows.read(rs), null);
    }

    /** Empty when this is {@code embedded}'s answer, in its order when {@code ordered}; else how it differs. */
    String disagreementWith(Outcome embedded, boolean ordered) {
      if (embedded.failure != null) {
        return "the embedded driver failed: " + embedded.failure;
      }
      if (failure != null) {
        return "failed: " + failure;
      }
      if (!rows.columns().equals(embedded.rows.columns())) {
        return "column labels " + rows.columns() + ", the embedded driver's " + embedded.rows.columns();
      }
      if (!columnTypes.equals(embedded.columnTypes)) {
        return "column types " + columnTypes + ", the embedded driver's " + embedded.columnTypes;
      }
      String multisets = RowMultiset.difference("the embedded driver", embedded.rows.rows(), "the client", rows.rows());
      if (!multisets.isEmpty() || !ordered || rows.rows().equals(embedded.rows.rows())) {
        return multisets;
      }
      return "the same rows in another order: " + rows.rows() + ", the embedded driver's " + embedded.rows.rows();
    }
  }

  /** One client's answer, with the embedded answers it is compared with. */
  private record Reading(Outcome client, List<Outcome> embedded) {
    /** Empty when the client's answer is one of the embedded ones. */
    String disagreement(boolean ordered) {
      List<String> differences = embedded.stream().map(e -> client.disagreementWith(e, ordered)).toList();
      return differences.contains("") ? "" : String.join("; and from the embedded answer read after it: ",
          differences);
    }
  }

  @TestFactory
  Stream<DynamicTest> sixClientsAtOnceGetTheEmbeddedDriversAnswers(@TempDir Path dir) throws Exception {
    List<CorpusCase> corpus = Corpus.load(CorpusDates.current());
    List<Question> stockQuestions = questions(corpus, ClientKind.STOCK_AVATICA);
    List<Question> thinQuestions = questions(corpus, ClientKind.THIN);
    Connection embedded = CorpusConnection.utc();
    Map<ClientKind, List<Map<String, Reading>>> readings = new LinkedHashMap<>();
    try (TeamServerOnLoopback server = TeamServerOnLoopback.start(dir, 2 * CLIENTS_PER_KIND)) {
      List<Connection> connections = new ArrayList<>();
      ExecutorService threads = Executors.newFixedThreadPool(EMBEDDED_READERS + 2 * CLIENTS_PER_KIND);
      try {
        Map<String, Future<Outcome>> embeddedAnswers = embeddedAnswers(thinQuestions, threads, connections);
        List<Future<Map<String, Reading>>> stockRuns = new ArrayList<>();
        List<Future<Map<String, Reading>>> thinRuns = new ArrayList<>();
        for (int i = 0; i < CLIENTS_PER_KIND; i++) {
          Connection stockClient = opened(server.stockAvaticaClient(), connections);
          Connection thinClient = opened(server.thinClient(), connections);
          stockRuns.add(threads.submit(() -> ask(stockClient, stockQuestions, embeddedAnswers, embedded)));
          thinRuns.add(threads.submit(() -> ask(thinClient, thinQuestions, embeddedAnswers, embedded)));
        }
        readings.put(ClientKind.STOCK_AVATICA, results(stockRuns));
        readings.put(ClientKind.THIN, results(thinRuns));
      } finally {
        threads.shutdownNow();
        for (Connection connection : connections) {
          connection.close();
        }
      }
    }
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(dynamicTest("the cases the stock Avatica client cannot bind are the prepared forms with java.time values",
        () -> assertThat(STOCK_CANNOT_BIND_JAVA_TIME).containsExactlyInAnyOrderElementsOf(corpus.stream()
            .filter(c -> c.preparedForm().map(PreparedForm::bindsJavaTime).orElse(false))
            .map(CorpusCase::id).toList())));
    readings.forEach((kind, runs) -> {
      for (Question question : kind == ClientKind.STOCK_AVATICA ? stockQuestions : thinQuestions) {
        tests.add(kind == ClientKind.STOCK_AVATICA && cannotBeSentByStockClients(question)
            ? refusesJavaTime(question, runs)
            : getsTheEmbeddedAnswer(kind, question, runs));
      }
    });
    return tests.stream();
  }

  private static Connection opened(Connection connection, List<Connection> connections) {
    connections.add(connection);
    return connection;
  }

  /**
   * The embedded driver's answers to the questions that do not move with the clock, read on connections of their
   * own while the clients run: a report takes the sandbox a few tenths of a second, which one reader would wait
   * for 80 times in a row. The driver's connections share its report cache, as the clients' share the server's.
   */
  private static Map<String, Future<Outcome>> embeddedAnswers(List<Question> questions, ExecutorService threads,
      List<Connection> connections) throws SQLException {
    Map<String, Future<Outcome>> answers = new LinkedHashMap<>();
    List<Question> fixed = questions.stream().filter(q -> !q.c().timeDependent()).toList();
    for (int reader = 0; reader < EMBEDDED_READERS; reader++) {
      Connection connection = opened(DriverManager.getConnection(CorpusConnection.URL), connections);
      List<Question> share = new ArrayList<>();
      for (int i = reader; i < fixed.size(); i += EMBEDDED_READERS) {
        share.add(fixed.get(i));
      }
      Map<String, CompletableFuture<Outcome>> shareAnswers = new LinkedHashMap<>();
      share.forEach(q -> shareAnswers.put(q.toString(), new CompletableFuture<>()));
      answers.putAll(shareAnswers);
      threads.submit(() -> share.forEach(q -> shareAnswers.get(q.toString()).complete(q.askOn(connection))));
    }
    return answers;
  }

  /**
   * Every case as literal SQL and as its prepared form; for the stock client also, for the forms it cannot send, the
   * same values bound as {@code java.sql} classes.
   */
  private static List<Question> questions(List<CorpusCase> corpus, ClientKind kind) {
    List<Question> questions = new ArrayList<>();
    for (CorpusCase c : corpus) {
      questions.add(Question.literal(c));
      c.preparedForm().ifPresent(form -> {
        questions.add(Question.prepared(c, form));
        if (kind == ClientKind.STOCK_AVATICA && STOCK_CANNOT_BIND_JAVA_TIME.contains(c.id())) {
          questions.add(Question.prepared(c, form.asJavaSql()));
        }
      });
    }
    return questions;
  }

  private static boolean cannotBeSentByStockClients(Question question) {
    return STOCK_CANNOT_BIND_JAVA_TIME.contains(question.c().id())
        && question.form().map(PreparedForm::bindsJavaTime).orElse(false);
  }

  /**
   * One client's readings by question. A time-dependent question is compared with the embedded answers read just
   * before and just after the client's, under a lock, as the clients share the embedded connection.
   */
  private static Map<String, Reading> ask(Connection client, List<Question> questions,
      Map<String, Future<Outcome>> embeddedAnswers, Connection embedded) throws Exception {
    Map<String, Reading> readings = new LinkedHashMap<>();
    for (Question question : questions) {
      if (question.c().timeDependent()) {
        Question embeddedQuestion = embeddedQuestion(question);
        Outcome before;
        synchronized (EMBEDDED) {
          before = embeddedQuestion.askOn(embedded);
        }
        Outcome answer = question.askOn(client);
        synchronized (EMBEDDED) {
          readings.put(question.toString(), new Reading(answer, List.of(before, embeddedQuestion.askOn(embedded))));
        }
      } else {
        Outcome answer = question.askOn(client);
        readings.put(question.toString(), new Reading(answer, List.of(embeddedAnswers
            .get(embeddedQuestion(question).toString()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS))));
      }
    }
    return readings;
  }

  /** The question the embedded driver is asked for a client's: a form bound as java.sql classes is the case's own. */
  private static Question embeddedQuestion(Question question) {
    return question.form().isEmpty() ? question : Question.prepared(question.c(), question.c().prepared());
  }

  private static List<Map<String, Reading>> results(List<Future<Map<String, Reading>>> runs) throws Exception {
    List<Map<String, Reading>> results = new ArrayList<>();
    for (Future<Map<String, Reading>> run : runs) {
      results.add(run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }
    return results;
  }

  private static DynamicTest getsTheEmbeddedAnswer(ClientKind kind, Question question, List<Map<String, Reading>> runs) {
    boolean ordered = question.c().ordersItsRows();
    Question asked = embeddedQuestion(question);
    return dynamicTest(question + ": " + runs.size() + " " + kind.label + " clients get the embedded driver's answer"
        + (asked.equals(question) ? "" : " to " + asked) + (ordered ? " in its order" : ""), () -> {
          Map<String, String> disagreements = new LinkedHashMap<>();
          for (int i = 0; i < runs.size(); i++) {
            String disagreement = runs.get(i).get(question.toString()).disagreement(ordered);
            if (!disagreement.isEmpty()) {
              disagreements.put(kind.label + " client " + (i + 1), disagreement);
            }
          }
          assertThat(disagreements).as("clients whose answer is not the embedded driver's").isEmpty();
        });
  }

  private static DynamicTest refusesJavaTime(Question question, List<Map<String, Reading>> runs) {
    return dynamicTest(question + ": " + runs.size() + " stock Avatica clients refuse the java.time values, naming"
        + " their class", () -> {
          String firstJavaTimeClass = question.form().orElseThrow().parameters().stream()
              .filter(BoundParameter::isJavaTime).findFirst().orElseThrow().type().name();
          for (Map<String, Reading> run : runs) {
            assertThat(run.get(question.toString()).client().failure()).as("the stock client's failure")
                .isInstanceOf(SQLException.class).hasMessageContaining("class java.time." + firstJavaTimeClass);
          }
        });
  }
}
