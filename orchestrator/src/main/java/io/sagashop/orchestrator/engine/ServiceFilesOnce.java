package io.sagashop.orchestrator.engine;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A class loader that reads the application's service files ({@value #SERVICE_FILES}..., what
 * {@link java.util.ServiceLoader} looks for) once, and answers every later look from memory;
 * everything else, classes included, comes from its parent as before. A service file cannot change
 * while the application runs, but finding one reads every jar of it: 210 in the orchestrator.
 */
final class ServiceFilesOnce extends ClassLoader {

  static final String SERVICE_FILES = "META-INF/services/";

  static {
    // request threads load classes through it at once; a plain class loader would make them queue on one lock
    registerAsParallelCapable();
  }

  private final Map<String, List<URL>> found = new ConcurrentHashMap<>();

  ServiceFilesOnce(ClassLoader parent) {
    super(parent);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    if (!name.startsWith(SERVICE_FILES)) {
      return super.getResources(name);
    }
    List<URL> urls = found.get(name);
    if (urls == null) {
      urls = List.copyOf(Collections.list(super.getResources(name)));
      found.putIfAbsent(name, urls);
    }
    return Collections.enumeration(urls);
  }
}
