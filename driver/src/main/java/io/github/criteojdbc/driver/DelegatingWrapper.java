package io.github.criteojdbc.driver;

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * A driver object over one of Calcite's: it unwraps to itself first, then to what Calcite's
 * object unwraps to, with failures translated like every other JDBC call.
 */
abstract class DelegatingWrapper implements Wrapper {
  private final Wrapper wrapped;

  DelegatingWrapper(Wrapper wrapped) {
    this.wrapped = wrapped;
  }

  @Override public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    try {
      return wrapped.unwrap(iface);
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public boolean isWrapperFor(Class<?> iface) throws SQLException {
    try {
      return iface.isInstance(this) || wrapped.isWrapperFor(iface);
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public String toString() {
    return getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(this));
  }
}
