package io.github.criteojdbc.metabase;

import clojure.java.api.Clojure;
import clojure.lang.IFn;
import clojure.lang.Keyword;
import clojure.lang.LineNumberingPushbackReader;
import clojure.lang.Symbol;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code metabase/driver/criteo.clj} from the plugin jar, read form by form by the Clojure reader. Metabase's
 * namespaces are not available here, so only the forms that need nothing but clojure.core and clojure.string
 * are evaluated; the SQL templates are read as the data they are.
 */
final class DriverNamespace {
  private static final IFn READ = Clojure.var("clojure.core", "read");
  private static final IFn LOAD_STRING = Clojure.var("clojure.core", "load-string");
  private static final IFn PR_STR = Clojure.var("clojure.core", "pr-str");
  private static final String SCRATCH_NS = "criteo-namespace-test";
  private final List<Object> forms;

  private DriverNamespace(List<Object> forms) {
    this.forms = forms;
  }

  static DriverNamespace fromPluginJar() {
    String source = PluginJar.text("metabase/driver/criteo.clj");
    LineNumberingPushbackReader reader = new LineNumberingPushbackReader(new StringReader(source));
    Object eof = new Object();
    List<Object> forms = new ArrayList<>();
    for (Object form = READ.invoke(reader, false, eof); form != eof; form = READ.invoke(reader, false, eof)) {
      forms.add(form);
    }
    return new DriverNamespace(forms);
  }

  List<Object> forms() {
    return forms;
  }

  /** The value of {@code (def name value)}, as read. */
  Object definedValue(String name) {
    List<?> definition = definition("def", name);
    return definition.get(definition.size() - 1);
  }

  /** Unit (without the colon) to SQL template, from {@code date-sql}. */
  Map<String, String> dateSql() {
    Map<String, String> templates = new LinkedHashMap<>();
    ((Map<?, ?>) definedValue("date-sql"))
        .forEach((unit, sql) -> templates.put(((Keyword) unit).getName(), (String) sql));
    return templates;
  }

  /** A {@code (def name "string")} of the namespace, e.g. {@code add-interval-sql}. */
  String definedSql(String name) {
    return (String) definedValue(name);
  }

  /** The database type names (DATE, VARCHAR...) that {@code database-type->base-type} maps. */
  List<String> mappedDatabaseTypes() {
    List<?> method = methods("sql-jdbc.sync/database-type->base-type").get(0);
    Map<?, ?> types = (Map<?, ?>) ((List<?>) method.get(method.size() - 1)).get(0);
    return types.keySet().stream().map(type -> ((Keyword) type).getName()).toList();
  }

  /**
   * Calls the namespace's own {@code details->subname} on Metabase connection details (keyword keys, as
   * Metabase passes them), after evaluating it and {@code url-properties} with clojure.string as {@code str}.
   */
  String subname(Map<String, Object> details) {
    return (String) evaluate(List.of("url-properties"), "details->subname").invoke(clojureDetails(details));
  }

  /**
   * Calls the namespace's own {@code details->credentials}: the connection properties the credentials become,
   * keyword keys to values. Metabase's secret readers are whatever namespaces this JVM has loaded.
   */
  Map<Object, Object> credentials(Map<String, Object> details) {
    return (Map<Object, Object>) evaluate(List.of("secret-readers", "client-secret"), "details->credentials")
        .invoke(clojureDetails(details));
  }

  /** Evaluates the named definitions and then {@code function} in a scratch namespace; returns the function. */
  private IFn evaluate(List<String> definitions, String function) {
    StringBuilder program = new StringBuilder("(ns " + SCRATCH_NS + " (:require [clojure.string :as str]))\n");
    for (String name : definitions) {
      program.append(PR_STR.invoke(anyDefinition(name))).append('\n');
    }
    program.append(PR_STR.invoke(anyDefinition(function))).append('\n');
    LOAD_STRING.invoke(program.toString());
    return Clojure.var(SCRATCH_NS, function);
  }

  private static Object clojureDetails(Map<String, Object> details) {
    Map<Keyword, Object> keywordDetails = new LinkedHashMap<>();
    details.forEach((key, value) -> keywordDetails.put(Keyword.intern(key), value));
    return Clojure.var("clojure.core", "into").invoke(Clojure.read("{}"), keywordDetails);
  }

  private List<?> anyDefinition(String name) {
    return forms.stream()
        .filter(form -> form instanceof List<?> list && list.size() > 2
            && List.of(Symbol.intern("def"), Symbol.intern("defn-"), Symbol.intern("defn")).contains(list.get(0))
            && Symbol.intern(name).equals(list.get(1)))
        .map(form -> (List<?>) form)
        .findFirst()
        .orElseThrow(() -> new AssertionError("criteo.clj defines no " + name));
  }

  /** The form {@code (op name ...)}, e.g. ("def", "date-sql"). */
  List<?> definition(String op, String name) {
    return forms.stream()
        .filter(form -> form instanceof List<?> list && list.size() > 2
            && Symbol.intern(op).equals(list.get(0)) && Symbol.intern(name).equals(list.get(1)))
        .map(form -> (List<?>) form)
        .findFirst()
        .orElseThrow(() -> new AssertionError("criteo.clj has no (" + op + " " + name + " ...)"));
  }

  /** The forms {@code (defmethod multimethod dispatch-value ...)}. */
  List<List<?>> methods(String multimethod) {
    return forms.stream()
        .filter(form -> form instanceof List<?> list && list.size() > 2
            && Symbol.intern("defmethod").equals(list.get(0)) && Symbol.intern(multimethod).equals(list.get(1)))
        .<List<?>>map(form -> (List<?>) form)
        .toList();
  }
}
