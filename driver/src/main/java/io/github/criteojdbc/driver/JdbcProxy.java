package io.github.criteojdbc.driver;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * One of the driver's JDBC objects: a dynamic proxy that forwards every call to Calcite's object
 * except the calls {@link #handle} takes over, and turns every failure into a clean
 * {@link SQLException} ({@link SqlErrors}). Calcite's JDBC classes are package-private and final
 * in practice, so wrapping is the only way to add warnings, read-only semantics and error mapping.
 *
 * @param <T> the JDBC interface
 */
abstract class JdbcProxy<T extends Wrapper> implements InvocationHandler {
  private static final Object[] NO_ARGS = {};

  protected final T delegate;
  private final T proxy;

  protected JdbcProxy(Class<? extends T> type, T delegate) {
    this.delegate = delegate;
    this.proxy = type.cast(Proxy.newProxyInstance(JdbcProxy.class.getClassLoader(), new Class<?>[] {type}, this));
  }

  /** The object handed to the application. */
  final T proxy() {
    return proxy;
  }

  /** Handles a JDBC call; the default forwards it. Subclasses switch on the method's name. */
  protected Object handle(Method method, Object[] args) throws Throwable {
    return forward(method, args);
  }

  protected final Object forward(Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override public final Object invoke(Object self, Method method, Object[] arguments) throws Throwable {
    Object[] args = arguments == null ? NO_ARGS : arguments;
    if (method.getDeclaringClass() == Object.class) {
      return objectMethod(self, method, args);
    }
    try {
      switch (method.getName()) {
        case "unwrap":
          return ((Class<?>) args[0]).isInstance(self) ? self : delegate.unwrap((Class<?>) args[0]);
        case "isWrapperFor":
          return ((Class<?>) args[0]).isInstance(self) || delegate.isWrapperFor((Class<?>) args[0]);
        default:
          return handle(method, args);
      }
    } catch (Exception | AssertionError e) {
      throw SqlErrors.translate(e);
    }
  }

  private Object objectMethod(Object self, Method method, Object[] args) {
    switch (method.getName()) {
      case "equals":
        return self == args[0];
      case "hashCode":
        return System.identityHashCode(self);
      default:
        return getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(self));
    }
  }
}
