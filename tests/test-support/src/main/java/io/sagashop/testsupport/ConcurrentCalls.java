package io.sagashop.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** A call made many times by several threads at once, for what must hold under concurrency. */
public final class ConcurrentCalls {

  private ConcurrentCalls() {}

  /** What {@code call} answered, {@code times} times over {@code threads} threads; its first failure is thrown. */
  public static <T> List<T> answers(int times, int threads, Supplier<T> call) {
    ExecutorService callers = Executors.newFixedThreadPool(threads);
    try {
      List<Future<T>> calls = new ArrayList<>();
      for (int i = 0; i < times; i++) {
        calls.add(callers.submit(call::get));
      }
      List<T> answers = new ArrayList<>();
      for (Future<T> answer : calls) {
        answers.add(answer.get());
      }
      return answers;
    } catch (ExecutionException failed) {
      throw new IllegalStateException("A concurrent call failed", failed.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      callers.shutdownNow();
    }
  }
}
