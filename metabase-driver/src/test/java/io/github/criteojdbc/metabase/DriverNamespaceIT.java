package io.github.criteojdbc.metabase;

import static org.assertj.core.api.Assertions.assertThat;

import clojure.java.api.Clojure;
import clojure.lang.IFn;
import clojure.lang.Keyword;
import clojure.lang.Symbol;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriverNamespaceIT {
  private static final IFn LOAD_STRING = Clojure.var("clojure.core", "load-string");
  private final DriverNamespace namespace = DriverNamespace.fromPluginJar();

  @Test
  void firstFormDeclaresTheNamespaceTheInitStepLoads() {
    List<?> ns = (List<?>) namespace.forms().get(0);
    assertThat(List.<Object>copyOf(ns.subList(0, 2)))
        .containsExactly(Symbol.intern("ns"), Symbol.intern("metabase.driver.criteo"));
  }

  @Test
  void namespaceRequiresOnlyClojureAndMetabaseNamespaces() {
    List<?> ns = (List<?>) namespace.forms().get(0);
    List<?> require = (List<?>) ns.stream()
        .filter(clause -> clause instanceof List<?> list && Keyword.intern("require").equals(list.get(0)))
        .findFirst().orElseThrow();
    assertThat(require.subList(1, require.size()))
        .map(spec -> ((List<?>) spec).get(0).toString())
        .allMatch(name -> name.startsWith("clojure.") || name.startsWith("metabase.driver"));
  }

  @Test
  void everyMethodDispatchesOnTheCriteoDriver() {
    List<Object> dispatchValues = namespace.forms().stream()
        .filter(form -> form instanceof List<?> list && Symbol.intern("defmethod").equals(list.get(0)))
        .map(form -> ((List<?>) form).get(2))
        .map(dispatch -> dispatch instanceof List<?> vector ? vector.get(0) : dispatch)
        .toList();
    assertThat(dispatchValues).isNotEmpty().containsOnly(Keyword.intern("criteo"));
  }

  @Test
  void driverIsRegisteredUnderSqlJdbc() {
    assertThat(namespace.forms()).contains(List.of(Symbol.intern("driver/register!"), Keyword.intern("criteo"),
        Keyword.intern("parent"), Keyword.intern("sql-jdbc")));
  }

  @Test
  void weeksStartOnMondayLikeTheWeekColumn() {
    List<?> method = namespace.methods("driver/db-start-of-week").get(0);
    assertThat(method.get(method.size() - 1)).isEqualTo(Keyword.intern("monday"));
  }

  @Test
  void subnameJoinsTheFilledDetailsAsUrlProperties() {
    assertThat(namespace.subname(Map.of("advertiser-ids", "10001,10002", "timezone", "Europe/Paris",
        "max-calls-per-minute", "20", "client-id", "app")))
        .isEqualTo("advertiserIds=10001,10002;timezone=Europe/Paris;maxCallsPerMinute=20");
  }

  @Test
  void subnameLeavesBlankDetailsOut() {
    assertThat(namespace.subname(Map.of("advertiser-ids", " ", "currency", "", "sandbox", true)))
        .isEqualTo("sandbox=true");
  }

  @Test
  void subnameNeverHoldsTheCredentials() {
    assertThat(namespace.subname(Map.of("client-id", "app", "client-secret-value", "s3cret", "timezone", "UTC")))
        .isEqualTo("timezone=UTC");
  }

  @Test
  void credentialsAreTheInlineSecretValueWhenMetabaseHasNoSecretApi() {
    assertThat(namespace.credentials(Map.of("client-id", "app", "client-secret-value", "s3cret")))
        .isEqualTo(Map.of(Keyword.intern("clientId"), "app", Keyword.intern("clientSecret"), "s3cret"));
  }

  @Test
  void credentialsReadAStoredSecretThroughMetabasesSecretApi() {
    withStubSecretApi("metabase.secrets.models.secret", "value-as-string", "[driver details property]",
        "(str driver \"/\" property \"/\" (:client-secret-id details))", () ->
            assertThat(namespace.credentials(Map.of("client-id", "app", "client-secret-id", 42L)))
                .containsEntry(Keyword.intern("clientSecret"), ":criteo/client-secret/42"));
  }

  @Test
  void credentialsUseTheSecretApiOfMetabaseBefore055WhenTheNewerIsAbsent() {
    withStubSecretApi("metabase.models.secret", "value-as-string", "[driver details property]",
        "(str \"0.54:\" property)", () ->
            assertThat(namespace.credentials(Map.of("client-id", "app", "client-secret-id", 7L)))
                .containsEntry(Keyword.intern("clientSecret"), "0.54:client-secret"));
  }

  @Test
  void credentialsLeaveAnEmptySecretOut() {
    assertThat(namespace.credentials(Map.of("client-id", "app", "client-secret-value", "")))
        .isEqualTo(Map.of(Keyword.intern("clientId"), "app"));
  }

  /** Runs {@code check} while a namespace standing in for Metabase's secret API is loaded, then unloads it. */
  private static void withStubSecretApi(String ns, String function, String arguments, String body, Runnable check) {
    LOAD_STRING.invoke("(ns " + ns + ")\n(defn " + function + " " + arguments + " " + body + ")");
    try {
      check.run();
    } finally {
      LOAD_STRING.invoke("(remove-ns '" + ns + ")\n(dosync (alter @#'clojure.core/*loaded-libs* disj '" + ns + "))");
    }
  }
}
