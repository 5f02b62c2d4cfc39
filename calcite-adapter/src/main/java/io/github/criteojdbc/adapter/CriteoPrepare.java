package io.github.criteojdbc.adapter;

import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.util.TryThreadLocal;

import java.lang.reflect.Type;

/**
 * Statement preparation for report tables. Calcite turns an {@code IN} list of 20 or more values
 * into a join with a {@code VALUES} table, which no filter rule can push into a request; keeping
 * {@code IN} lists as filters lets {@code advertiser_id IN (...)} of any length become the
 * request's advertiser list.
 */
public class CriteoPrepare extends CalcitePrepareImpl {
  @Override public <T> CalcitePrepare.CalciteSignature<T> prepareSql(CalcitePrepare.Context context,
      CalcitePrepare.Query<T> query, Type elementType, long maxRowCount) {
    try (TryThreadLocal.Memo ignored = Prepare.THREAD_INSUBQUERY_THRESHOLD.push(Integer.MAX_VALUE)) {
      return super.prepareSql(context, query, elementType, maxRowCount);
    }
  }
}
